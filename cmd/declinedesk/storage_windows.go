package main

import (
	"os"
	"path/filepath"
)

// storageRoot is the folder Fyne gives the app for its data (App.Storage().RootURI()),
// worked out without starting the GUI so that commands run anywhere. On Windows Fyne takes
// the roaming application data of the user's profile, %USERPROFILE%\AppData\Roaming (the
// folder %APPDATA% names), so the database sits beside the window's own settings.
func storageRoot(appID string) string {
	home, _ := os.UserHomeDir()
	return filepath.Join(home, "AppData", "Roaming", "fyne", appID)
}
