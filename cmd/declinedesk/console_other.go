//go:build !windows

package main

// attachParentConsole has nothing to do here: a program started from a terminal prints there.
func attachParentConsole() {}
