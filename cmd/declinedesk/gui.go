package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/clock"
	"github.com/declinedesk/declinedesk/internal/tracker"
	"github.com/declinedesk/declinedesk/ui"
)

// openWindow runs the app's window until it is closed.
func openWindow(e *env) int {
	if !hasDisplay() {
		fmt.Fprintln(e.stderr, "declinedesk: no graphical display found (DISPLAY and WAYLAND_DISPLAY are not set).\n"+
			"Start it from a desktop session, or use a command: declinedesk --help")
		return exitBadInput
	}
	meta := ui.Metadata()
	app.SetMetadata(meta)
	a := app.NewWithID(meta.ID)
	w := a.NewWindow(meta.Name)
	w.SetMaster()

	if e.clock == nil {
		e.clock = clock.System()
	}
	path := e.dbPath()
	opts := e.storeOptions()
	opts.CheckBeforeWriting = true // the window shows itself first; its first write is the day's backup
	s, err := tracker.Open(path, opts)
	movedTo := ""
	if errors.Is(err, tracker.ErrDamaged) {
		// Never overwrite a damaged file: move it aside and go on with a fresh one, from
		// which the window offers to restore a backup.
		if movedTo, err = tracker.MoveAside(path, "damaged", e.now()); err == nil {
			s, err = tracker.Open(path, opts)
		}
	}
	if err != nil {
		showOpenFailure(w, path, err)
		w.ShowAndRun()
		return exitCodeFor(err)
	}
	app := ui.New(a, w, s, ui.Options{LoadLater: true, Clock: e.clock})
	// Read the tracker once the window is up: a large one would otherwise compete with
	// opening the window for the processor.
	a.Lifecycle().SetOnStarted(app.Load)
	if movedTo != "" {
		app.OfferRecovery(movedTo)
	}
	w.ShowAndRun()
	return exitOK
}

// showOpenFailure fills the window with why the database could not be opened.
func showOpenFailure(w fyne.Window, path string, err error) {
	title, text := "The tracker could not be opened", err.Error()
	switch {
	case errors.Is(err, tracker.ErrInUse):
		title = "Decline Desk is already open"
		text = "Your tracker is open in another Decline Desk window or command.\nSwitch to that window, or close it and start Decline Desk again."
	case errors.Is(err, tracker.ErrDamaged):
		title = "The tracker file is damaged"
	case errors.Is(err, tracker.ErrForeign):
		title = "This is not a Decline Desk file"
		text = "The file belongs to another program, so Decline Desk left it exactly as it was.\nStart Decline Desk with another file (--db PATH)."
	case errors.Is(err, tracker.ErrNewer):
		title = "Made by a newer Decline Desk"
		text = "This tracker was saved by a newer version of Decline Desk. Update the app to open it; the file was not changed."
	}
	msg := widget.NewLabel(fmt.Sprintf("%s\n\n%s", text, path))
	msg.Wrapping = fyne.TextWrapWord
	msg.Alignment = fyne.TextAlignCenter
	heading := &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter, SizeName: theme.SizeNameSubHeadingText}
	quit := &widget.Button{Text: "Quit", Importance: widget.HighImportance, OnTapped: w.Close}
	w.SetContent(container.NewVBox(layout.NewSpacer(), widget.NewIcon(theme.WarningIcon()), heading, msg, container.NewCenter(quit), layout.NewSpacer()))
	w.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape || e.Name == fyne.KeyReturn {
			w.Close()
		}
	})
	w.Resize(fyne.NewSize(640, 360))
}

func exitCodeFor(err error) int {
	switch {
	case errors.Is(err, tracker.ErrInUse):
		return exitInUse
	case errors.Is(err, tracker.ErrDamaged):
		return exitDamaged
	}
	return exitBadInput
}

// hasDisplay reports whether a window can be shown. Only X11 and Wayland systems announce
// their display in the environment; elsewhere there always is one.
func hasDisplay() bool {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
	}
	return true
}
