package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// press sends a key to the focused field, or to the window when none has the focus.
func (h *harness) press(k fyne.KeyName) {
	h.t.Helper()
	ev := &fyne.KeyEvent{Name: k}
	if f := h.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
	} else {
		h.win.Canvas().OnTypedKey()(ev)
	}
	h.settle()
}

func TestEscapeClosesDialogsAndEnterConfirmsThem(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Dev"}, tracker.Opportunity{Company: "Globex", Role: "Analyst"})
	h.selectCompany("Acme")
	h.win.Canvas().Unfocus()
	h.app.tracker.onDelete()
	h.settle()
	if !h.shows("Delete this opportunity?") {
		t.Fatal("no question")
	}
	h.press(fyne.KeyEscape)
	if h.shows("Delete this opportunity?") || h.count() != 2 {
		t.Fatalf("Escape: dialog still shown %v, %d records", h.shows("Delete this opportunity?"), h.count())
	}
	h.app.tracker.onDelete()
	h.settle()
	h.press(fyne.KeyReturn)
	if h.shows("Delete this opportunity?") || h.count() != 1 {
		t.Fatalf("Enter: dialog still shown %v, %d records", h.shows("Delete this opportunity?"), h.count())
	}

	// In a form, Escape in a field closes it and saves nothing.
	h.app.tracker.onAdd()
	h.settle()
	h.typeInto(h.app.tracker.form.entry("company"), "Initech")
	h.press(fyne.KeyEscape)
	if h.shows("New opportunity") || h.count() != 1 {
		t.Errorf("Escape in the form: still shown %v, %d records", h.shows("New opportunity"), h.count())
	}
	// Enter in a one-line field of the form adds.
	h.app.tracker.onAdd()
	h.settle()
	h.typeInto(h.app.tracker.form.entry("company"), "Initech")
	h.typeInto(h.app.tracker.form.entry("role"), "QA")
	h.press(fyne.KeyReturn)
	if h.shows("New opportunity") || h.count() != 2 {
		t.Errorf("Enter in the form: still shown %v, %d records", h.shows("New opportunity"), h.count())
	}
	// An information dialog closes with either key.
	h.app.showInformation("Note", "Something happened.")
	h.press(fyne.KeyReturn)
	if h.shows("Something happened.") || len(h.app.dialogs) != 0 {
		t.Errorf("Enter does not close an information dialog")
	}
}

func TestSearchAndListByKeyboard(t *testing.T) {
	h := newHarness(t,
		tracker.Opportunity{Company: "Acme", Role: "Dev"},
		tracker.Opportunity{Company: "Globex", Role: "Analyst"},
		tracker.Opportunity{Company: "Initech", Role: "QA"})
	h.typeInto(h.app.tracker.search, "glob")
	h.settle()
	h.press(fyne.KeyDown)
	if h.app.current == nil || h.app.current.Company != "Globex" {
		t.Fatalf("Down in the search does not select the first match: %+v", h.app.current)
	}
	if h.win.Canvas().Focused() != fyne.Focusable(h.app.tracker.list) {
		t.Error("Down in the search does not move to the list")
	}
	h.app.tracker.search.SetText("")
	h.settle()
	first := h.app.tracker.rows[0].ID
	h.win.Canvas().Focus(h.app.tracker.list)
	i := h.app.tracker.indexOfSelected()
	h.press(fyne.KeyDown)
	if h.app.tracker.indexOfSelected() != min(i+1, 2) {
		t.Errorf("Down moved from %d to %d", i, h.app.tracker.indexOfSelected())
	}
	h.press(fyne.KeyUp)
	h.press(fyne.KeyUp)
	h.press(fyne.KeyUp)
	if h.app.current.ID != first {
		t.Errorf("Up does not stop at the first row")
	}
	// With nothing focused, the arrows still move the selection.
	h.win.Canvas().Unfocus()
	h.press(fyne.KeyDown)
	if h.app.tracker.indexOfSelected() != 1 {
		t.Errorf("Down with nothing focused: %d", h.app.tracker.indexOfSelected())
	}
	// Escape clears the search.
	h.typeInto(h.app.tracker.search, "zzz")
	h.settle()
	h.press(fyne.KeyEscape)
	if h.app.tracker.search.Text != "" || len(h.app.tracker.rows) != 3 {
		t.Errorf("Escape left %q and %d rows", h.app.tracker.search.Text, len(h.app.tracker.rows))
	}
}

// TestTheWholeJourneyByKeyboard: welcome, name, Tab, email, Enter; Ctrl+F, a company, Down;
// Ctrl+Shift+C copies that opportunity's letter.
func TestTheWholeJourneyByKeyboard(t *testing.T) {
	h := newHarnessWith(t, nil, acme, tracker.Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Invited})
	if !h.shows("Welcome") {
		t.Fatal("no welcome")
	}
	test.Type(h.win.Canvas().Focused(), "Ana Silva")
	h.win.Canvas().FocusNext()
	test.Type(h.win.Canvas().Focused(), "ana@example.com")
	h.press(fyne.KeyReturn)
	if h.shows("Welcome") || h.app.profile.FullName != "Ana Silva" {
		t.Fatalf("the welcome did not save: %+v", h.app.profile)
	}
	shortcut(h, ctrl(fyne.KeyF))
	test.Type(h.win.Canvas().Focused(), "acme")
	h.settle()
	h.press(fyne.KeyDown)
	shortcut(h, ctrlShift(fyne.KeyC))
	got := h.app.fyneApp.Clipboard().Content()
	if !strings.Contains(got, "Dear Jo Park,") || !strings.Contains(got, "Acme Inc") || !strings.HasSuffix(strings.TrimSpace(got), "Ana Silva") {
		t.Errorf("clipboard: %q", got)
	}
}

// menuItem finds a main menu item by its label.
func (h *harness) menuItem(label string) *fyne.MenuItem {
	h.t.Helper()
	for _, m := range h.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	h.t.Fatalf("no menu item %q", label)
	return nil
}

func TestActionsThatNeedASelectionWaitForOne(t *testing.T) {
	h := newHarness(t, acme)
	gated := []string{"Edit Opportunity…", "Add Note to History…", "Delete Opportunity…", "Copy Letter", "Export .eml Draft…", "Open in Mail App", "Mark as Sent…"}
	for _, label := range gated {
		if !h.menuItem(label).Disabled {
			t.Errorf("%s is enabled with nothing selected", label)
		}
	}
	h.selectCompany("Acme Inc")
	for _, label := range gated {
		if h.menuItem(label).Disabled {
			t.Errorf("%s is disabled with a letter ready", label)
		}
	}
	if h.menuItem("Find").Disabled || h.menuItem("New Opportunity…").Disabled {
		t.Error("actions that need nothing are disabled")
	}
}

func TestHelpListsEveryShortcut(t *testing.T) {
	h := newHarness(t)
	h.app.onShortcuts()
	h.settle()
	for _, want := range []string{"Ctrl+N", "Ctrl+F", "Ctrl+Shift+C", "Ctrl+E", "Ctrl+I", "Ctrl+Q", "Escape", "Enter", "Up, Down"} {
		if !h.shows(want) {
			t.Errorf("Keyboard Shortcuts lacks %s", want)
		}
	}
	for _, m := range h.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && !h.shows(it.Label) {
				t.Errorf("%s has a shortcut the list does not name", it.Label)
			}
		}
	}
	h.press(fyne.KeyEscape)
	if h.shows("Keyboard Shortcuts") {
		t.Error("Escape does not close it")
	}
}

func TestEscapeClosesTheDatePickerBeforeTheForm(t *testing.T) {
	h := newHarness(t)
	h.app.tracker.onAdd()
	h.settle()
	f := h.app.tracker.form
	test.Tap(f.entry("follow_up_on").ActionItem.(*widget.Button))
	if h.app.popUp == nil || !h.app.popUp.Visible() || !h.shows("Today, "+testNow.Format("Mon 2 Jan 2006")) {
		t.Fatal("no date picker, or it does not say which day is today")
	}
	h.win.Canvas().Focus(f.entry("company"))
	h.press(fyne.KeyEscape)
	if h.app.popUp != nil || !h.shows("New opportunity") {
		t.Fatalf("Escape: picker still open %v, form shown %v", h.app.popUp != nil, h.shows("New opportunity"))
	}
	h.press(fyne.KeyEscape)
	if h.shows("New opportunity") {
		t.Error("a second Escape does not close the form")
	}
}

// Ctrl+F selects what the search holds, so that typing starts a new search.
func TestCtrlFSelectsTheSearch(t *testing.T) {
	h := newHarness(t, acme, tracker.Opportunity{Company: "Proseware", Role: "Analyst"})
	p := h.app.tracker
	h.typeInto(p.search, "Acme")
	h.settle()
	h.win.Canvas().Unfocus()
	shortcut(h, ctrl(fyne.KeyF))
	test.Type(h.win.Canvas().Focused(), "zzzProseware")
	h.settle()
	if p.search.Text != "zzzProseware" {
		t.Errorf("after Ctrl+F and typing, the search holds %q", p.search.Text)
	}
	// Again while the search already has the focus.
	shortcut(h, ctrl(fyne.KeyF))
	test.Type(h.win.Canvas().Focused(), "Prose")
	h.settle()
	if p.search.Text != "Prose" || len(p.rows) != 1 || p.rows[0].Company() != "Proseware" {
		t.Errorf("Ctrl+F in the search: %q, %d rows", p.search.Text, len(p.rows))
	}
}

// Escape clears the search from the list too, keeping the selection, but closes an open
// dialog first.
func TestEscapeClearsTheSearchFromTheList(t *testing.T) {
	h := newHarness(t,
		tracker.Opportunity{Company: "Acme", Role: "Dev"},
		tracker.Opportunity{Company: "Globex", Role: "Analyst"},
		tracker.Opportunity{Company: "Initech", Role: "QA"})
	p := h.app.tracker
	h.typeInto(p.search, "glob")
	h.settle()
	h.press(fyne.KeyDown)
	if h.win.Canvas().Focused() != fyne.Focusable(p.list) || h.app.current == nil || h.app.current.Company != "Globex" {
		t.Fatal("setup: Down does not select Globex in the list")
	}
	h.app.showInformation("Note", "Something happened.")
	h.press(fyne.KeyEscape)
	if len(h.app.dialogs) != 0 || p.search.Text != "glob" {
		t.Fatalf("Escape with a dialog open: %d dialogs, search %q", len(h.app.dialogs), p.search.Text)
	}
	h.press(fyne.KeyEscape)
	if p.search.Text != "" || len(p.rows) != 3 {
		t.Errorf("Escape in the list left the search %q and %d rows", p.search.Text, len(p.rows))
	}
	if h.app.current == nil || h.app.current.Company != "Globex" || p.indexOfSelected() < 0 {
		t.Errorf("clearing the search lost the selection: %+v", h.app.current)
	}
}

// Down typed before the search's rows arrive goes to the first match of what was typed,
// never to a row of the list as it was before.
func TestDownInTheSearchWaitsForItsRows(t *testing.T) {
	h := newHarness(t,
		tracker.Opportunity{Company: "Acme", Role: "Dev"},
		tracker.Opportunity{Company: "Globex", Role: "Analyst"},
		tracker.Opportunity{Company: "Initech", Role: "QA"})
	p := h.app.tracker
	if p.rows[0].Company() == "Globex" {
		t.Fatal("setup: Globex must not be the first row of the whole list")
	}
	h.typeInto(p.search, "glob")
	p.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // before the rows of "glob" are in
	h.settle()
	if h.app.current == nil || h.app.current.Company != "Globex" {
		t.Fatalf("Down right after typing selected %+v", h.app.current)
	}
	if h.win.Canvas().Focused() != fyne.Focusable(p.list) {
		t.Error("the list does not have the focus")
	}
	h.press(fyne.KeyDelete)
	if !h.shows("Globex — Analyst and its whole history will be deleted.") {
		t.Errorf("Delete asks about another row: %q", h.texts())
	}
}

// While a dialog is open, the window's shortcuts leave what is behind it alone, whether
// they come through the menu or the canvas.
func TestShortcutsWaitWhileADialogIsOpen(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	h.app.showTab(tabDetails)
	h.app.fyneApp.Clipboard().SetContent("")
	h.app.showInformation("Note", "Something happened.")
	h.settle()
	for _, s := range []fyne.Shortcut{ctrl(fyne.KeyN), ctrl(fyne.KeyF), ctrl(fyne.KeyI), ctrl(fyne.KeyE),
		ctrl(fyne.Key3), ctrlShift(fyne.KeyC), ctrl(fyne.KeyBackspace)} {
		shortcut(h, s)
		for _, m := range h.win.MainMenu().Items {
			for _, it := range m.Items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() {
					it.Action()
					h.settle()
				}
			}
		}
		if n := len(h.win.Canvas().Overlays().List()); n != 1 || len(h.app.dialogs) != 1 {
			t.Errorf("%s behind a dialog: %d overlays, %d dialogs", shortcutText(s), n, len(h.app.dialogs))
		}
		if h.app.tracker.form != nil || h.app.workspace.SelectedIndex() != tabDetails ||
			h.app.fyneApp.Clipboard().Content() != "" || h.win.Canvas().Focused() != nil {
			t.Errorf("%s acted behind the dialog", shortcutText(s))
		}
	}
	h.press(fyne.KeyEscape)
	if len(h.app.dialogs) != 0 {
		t.Fatal("Escape does not close the dialog")
	}
	shortcut(h, ctrl(fyne.KeyN))
	if h.app.tracker.form == nil {
		t.Error("Ctrl+N does nothing once the dialog is closed")
	}
}

// Escape closes the file dialogs like any other: the CSV file to import, the folder to
// save in.
func TestEscapeClosesFileDialogs(t *testing.T) {
	h := newHarness(t, acme)
	h.app.tracker.onImport()
	h.settle()
	if n := len(h.win.Canvas().Overlays().List()); n != 1 {
		t.Fatalf("%d overlays after Import CSV", n)
	}
	h.press(fyne.KeyEscape)
	if n := len(h.win.Canvas().Overlays().List()); n != 0 || len(h.app.dialogs) != 0 {
		t.Fatalf("Escape left the file dialog: %d overlays, %d dialogs", n, len(h.app.dialogs))
	}

	h.app.onBackup()
	h.settle()
	h.tap("Choose Folder…")
	if n := len(h.win.Canvas().Overlays().List()); n != 2 {
		t.Fatalf("%d overlays after Choose Folder", n)
	}
	h.win.Canvas().Unfocus()
	h.press(fyne.KeyEscape)
	if n := len(h.win.Canvas().Overlays().List()); n != 1 || !h.shows("Save a backup") {
		t.Fatalf("Escape in the folder dialog: %d overlays, %q", n, h.texts())
	}
	h.press(fyne.KeyEscape)
	if n := len(h.win.Canvas().Overlays().List()); n != 0 {
		t.Errorf("a second Escape leaves %d overlays", n)
	}
}
