//go:build !windows && !darwin

package main

import "os"

// hasDisplay reports whether a window can be shown: X11 and Wayland sessions announce their
// display in the environment.
func hasDisplay() bool {
	return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
}
