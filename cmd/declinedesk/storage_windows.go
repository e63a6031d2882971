package main

import "path/filepath"

// storageRoot is the folder Fyne gives the app for its data (App.Storage().RootURI()),
// worked out without starting the GUI so that commands run anywhere. On Windows Fyne takes
// the roaming application data of the user's profile, %USERPROFILE%\AppData\Roaming (the
// folder %APPDATA% names), so the database sits beside the window's own settings.
func storageRoot(appID string) (string, error) {
	h, err := home()
	if err != nil {
		return "", err
	}
	return filepath.Join(h, "AppData", "Roaming", "fyne", appID), nil
}
