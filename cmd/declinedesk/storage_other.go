//go:build !windows && !darwin

package main

import (
	"os"
	"path/filepath"
)

// storageRoot is the folder Fyne gives the app for its data (App.Storage().RootURI()),
// worked out without starting the GUI so that commands run anywhere: on Linux and the BSDs,
// the XDG configuration folder ($XDG_CONFIG_HOME, else ~/.config).
func storageRoot(appID string) (string, error) {
	h, err := home()
	if err != nil {
		return "", err
	}
	cfg, err := os.UserConfigDir()
	if err != nil || !filepath.IsAbs(cfg) {
		cfg = filepath.Join(h, ".config")
	}
	return filepath.Join(cfg, "fyne", appID), nil
}
