package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// shortcut presses a keyboard shortcut of the window. (Fyne's test canvas does not route
// shortcuts, so this calls what the window registered for it.)
func shortcut(h *harness, s fyne.Shortcut) {
	h.t.Helper()
	run, ok := h.app.keys[s.ShortcutName()]
	if !ok {
		h.t.Fatalf("no shortcut %s", s.ShortcutName())
	}
	run()
	h.settle()
}

func TestKeyboardShortcuts(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Dev"})
	shortcut(h, ctrl(fyne.KeyF))
	if h.win.Canvas().Focused() != h.app.tracker.search {
		t.Error("Ctrl+F does not focus the search")
	}
	shortcut(h, ctrl(fyne.KeyN))
	if h.app.tracker.form == nil || !h.shows("New opportunity") {
		t.Fatal("Ctrl+N does not open the form")
	}
	h.tap("Cancel")

	h.app.tracker.list.Select(0)
	h.settle()
	h.win.Canvas().Unfocus()
	shortcut(h, ctrl(fyne.KeyBackspace))
	if !h.shows("Delete this opportunity?") {
		t.Error("Ctrl+Backspace does not ask to delete")
	}
	h.tap("Cancel")
	// In a text field, Ctrl+Backspace edits the text and deletes nothing.
	h.typeInto(h.app.tracker.search, "Acme")
	h.app.tracker.search.TypedShortcut(ctrl(fyne.KeyBackspace))
	h.settle()
	if h.shows("Delete this opportunity?") {
		t.Error("Ctrl+Backspace in the search field asks to delete")
	}
	if h.count() != 1 {
		t.Error("something was deleted")
	}
}

func TestWindowRemembersSizeSplitsAndSort(t *testing.T) {
	fa := test.NewTempApp(t)
	open := func() (*App, *uiQueue) {
		s, err := tracker.Open(filepath.Join(t.TempDir(), "p.db"), tracker.Options{})
		if err != nil {
			t.Fatal(err)
		}
		q := &uiQueue{}
		a := New(fa, fa.NewWindow("Decline Desk"), s, Options{runOnUI: q.post, Clock: clocktest.New()})
		for a.work.wait(); q.drain(); a.work.wait() {
		}
		return a, q
	}
	a, q := open()
	if a.mainSplit.Offset != 0.3 || a.workspace.SelectedIndex() != tabDetails {
		t.Errorf("default split %v, tab %d", a.mainSplit.Offset, a.workspace.SelectedIndex())
	}
	a.win.Resize(fyne.NewSize(1100, 700))
	a.mainSplit.SetOffset(0.3)
	a.showTab(tabDecide)
	a.tracker.sort.SetSelectedIndex(1)
	a.onClose()
	for a.work.wait(); q.drain(); a.work.wait() {
	}

	b, _ := open()
	if b.mainSplit.Offset != 0.3 || b.workspace.SelectedIndex() != tabDetails {
		t.Errorf("layout not remembered, or the workspace opens on another tab than Details: split %v, tab %d", b.mainSplit.Offset, b.workspace.SelectedIndex())
	}
	b.setCurrent(&tracker.Opportunity{ID: 1, Company: "Acme", Role: "Dev"})
	if b.workspace.SelectedIndex() != tabDecide {
		t.Errorf("the tab last used is not shown once an opportunity is selected: %d", b.workspace.SelectedIndex())
	}
	if b.tracker.sort.SelectedIndex() != 1 {
		t.Errorf("sort not remembered")
	}
	prefs := fa.Preferences()
	if prefs.Float(prefWidth) != 1100 || prefs.Float(prefHeight) != 700 {
		t.Errorf("size not remembered: %v × %v", prefs.Float(prefWidth), prefs.Float(prefHeight))
	}
	b.store.Close()
}

func TestPreferencesEditedByHandAreNotTrusted(t *testing.T) {
	fa := test.NewTempApp(t)
	fa.Preferences().SetInt(prefTab, -7)
	s, err := tracker.Open(filepath.Join(t.TempDir(), "p.db"), tracker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	q := &uiQueue{}
	a := New(fa, fa.NewWindow("Decline Desk"), s, Options{runOnUI: q.post, Clock: clocktest.New()})
	for a.work.wait(); q.drain(); a.work.wait() {
	}
	a.setCurrent(&tracker.Opportunity{ID: 1, Company: "Acme", Role: "Dev"})
	if a.workspace.SelectedIndex() != tabLetter {
		t.Errorf("tab %d", a.workspace.SelectedIndex())
	}
}
