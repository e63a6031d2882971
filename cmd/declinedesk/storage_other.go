//go:build !windows && !darwin

package main

import (
	"os"
	"path/filepath"
)

// storageRoot is the folder Fyne gives the app for its data (App.Storage().RootURI()),
// worked out without starting the GUI so that commands run anywhere: on Linux and the BSDs,
// the XDG configuration folder ($XDG_CONFIG_HOME, else ~/.config).
func storageRoot(appID string) string {
	cfg, err := os.UserConfigDir()
	if err != nil {
		home, _ := os.UserHomeDir()
		cfg = filepath.Join(home, ".config")
	}
	return filepath.Join(cfg, "fyne", appID)
}
