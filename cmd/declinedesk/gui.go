package main

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2/app"

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
	given, err := e.dbPath()
	if err != nil {
		ui.ShowOpenFailure(w, "", err)
		w.ShowAndRun()
		return exitBadInput
	}
	path := tracker.RealPath(given) // a damaged file behind a link is moved, not the link
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
		ui.ShowOpenFailure(w, path, err)
		w.ShowAndRun()
		return exitCodeFor(err)
	}
	app := ui.New(a, w, s, ui.Options{LoadLater: true, Clock: e.clock})
	// The window opens inside the screen it is on, from its first frame.
	if size, ok := screenSize(a.Settings().Scale()); ok {
		app.FitToScreen(size)
	}
	// Read the tracker once the window is up: a large one would otherwise compete with
	// opening the window for the processor.
	a.Lifecycle().SetOnStarted(app.Load)
	if movedTo != "" {
		app.OfferRecovery(movedTo)
	}
	w.ShowAndRun()
	return exitOK
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
