package main

import (
	"os"
	"path/filepath"
)

// storageRoot is the folder Fyne gives the app for its data (App.Storage().RootURI()),
// worked out without starting the GUI so that commands run anywhere: on macOS, under the
// user's Library/Preferences.
func storageRoot(appID string) string {
	home, _ := os.UserHomeDir()
	return filepath.Join(home, "Library", "Preferences", "fyne", appID)
}
