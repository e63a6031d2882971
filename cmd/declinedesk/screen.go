package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// screenSize is the size of the primary screen in the window's units, for a window to
// open inside it. It asks the windowing library Fyne runs on, so it must be called on
// the main thread once the app has started (Lifecycle's OnStarted), before the window is
// created; ok is false when no screen can be told.
func screenSize(userScale float32) (size fyne.Size, ok bool) {
	mon := glfw.GetPrimaryMonitor()
	if mon == nil {
		return fyne.Size{}, false
	}
	mode := mon.GetVideoMode()
	if mode == nil || mode.Width <= 0 || mode.Height <= 0 {
		return fyne.Size{}, false
	}
	// The same reckoning of scale as the window's own: the screen's dots per inch against
	// 96, never below 1, times the user's scale.
	scale := float32(1)
	if mm, _ := mon.GetPhysicalSize(); mm > 0 {
		if dpi := float32(mode.Width) / (float32(mm) / 25.4); dpi >= 10 && dpi <= 1000 && dpi > 96 {
			scale = dpi / 96
		}
	}
	if userScale > 0 {
		scale *= userScale
	}
	return fyne.NewSize(float32(mode.Width)/scale, float32(mode.Height)/scale), true
}
