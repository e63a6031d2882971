package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachParentConsole lets a command typed in a terminal print there. The Windows build is
// a windowed program, so that a double-click opens no console beside the app's window, and
// Windows gives such a program no console of its own: without this its output would be
// lost. Output already sent to a file or a pipe has its handle and is left alone; started
// from Explorer, there is no console to attach to and nothing changes.
func attachParentConsole() {
	missing := func(which uint32) bool {
		h, err := windows.GetStdHandle(which)
		return err != nil || h == 0 || h == windows.InvalidHandle
	}
	in, out, errOut := missing(windows.STD_INPUT_HANDLE), missing(windows.STD_OUTPUT_HANDLE), missing(windows.STD_ERROR_HANDLE)
	if !in && !out && !errOut {
		return
	}
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS
	if ok, _, _ := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole").Call(attachParentProcess); ok == 0 {
		return
	}
	if in {
		if f, err := os.OpenFile("CONIN$", os.O_RDWR, 0); err == nil {
			os.Stdin = f
		}
	}
	if out {
		if f, err := os.OpenFile("CONOUT$", os.O_RDWR, 0); err == nil {
			os.Stdout = f
		}
	}
	if errOut {
		if f, err := os.OpenFile("CONOUT$", os.O_RDWR, 0); err == nil {
			os.Stderr = f
		}
	}
}
