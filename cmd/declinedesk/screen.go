package main

import (
	"os"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// screenSize is the size of the primary screen in the window's units, for a window to
// open inside it. It asks the windowing library Fyne runs on, on the main goroutine (which
// Fyne's driver keeps on the main thread), before the window is shown: it starts the
// library early, which the app's own start then finds done. ok is false when no screen
// can be told.
func screenSize(userScale float32) (size fyne.Size, ok bool) {
	if os.Getenv("WAYLAND_DISPLAY") != "" {
		// Fyne chooses how to start the library on Wayland (it may pick X11 for the
		// decorations); starting it first would choose for it. Wayland compositors keep
		// windows on the screen themselves.
		return fyne.Size{}, false
	}
	if err := glfw.Init(); err != nil {
		return fyne.Size{}, false
	}
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
