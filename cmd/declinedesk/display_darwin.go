package main

// hasDisplay reports whether a window can be shown: a macOS session always has a desktop.
func hasDisplay() bool { return true }
