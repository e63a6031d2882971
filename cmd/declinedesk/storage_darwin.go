package main

import "path/filepath"

// storageRoot is the folder Fyne gives the app for its data (App.Storage().RootURI()),
// worked out without starting the GUI so that commands run anywhere: on macOS, under the
// user's Library/Preferences.
func storageRoot(appID string) (string, error) {
	h, err := home()
	if err != nil {
		return "", err
	}
	return filepath.Join(h, "Library", "Preferences", "fyne", appID), nil
}
