// Package clip puts text on the system clipboard through the platform's own tools, so that
// the text stays there after Decline Desk exits.
package clip

import (
	"errors"
	"fmt"
	"strings"

	"github.com/atotto/clipboard"
)

// Writer puts text on a clipboard.
type Writer interface {
	WriteText(text string) error
}

// ErrNoTool means no clipboard tool was found on this system.
var ErrNoTool = errors.New(installHint)

// System is the operating system's clipboard: built in on Windows and macOS, and xclip, xsel
// or wl-copy on Linux and BSD, whichever is installed. Those tools keep the text after the
// app that copied it has exited.
type System struct{}

// Available reports whether a clipboard tool was found.
func (System) Available() bool { return !clipboard.Unsupported }

// WriteText copies text to the clipboard.
func (s System) WriteText(text string) error {
	if !s.Available() {
		return ErrNoTool
	}
	if err := clipboard.WriteAll(systemText(text)); err != nil {
		return fmt.Errorf("the clipboard tool failed (%v); is a graphical session running?", err)
	}
	return nil
}

// withCRLF ends every line with CR LF, whichever way it ended before.
func withCRLF(text string) string {
	return strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
}
