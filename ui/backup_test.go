package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/tracker"
	bolt "go.etcd.io/bbolt"
)

func TestDailyBackupAndRestoreFromTheWindow(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Go Engineer"})
	backups, _ := tracker.Backups(h.app.dbPath)
	if len(backups) != 1 || filepath.Base(backups[0].Path) != "declinedesk-"+string(dayAt(0))+".db" {
		t.Fatalf("no daily backup after opening: %+v", backups)
	}
	// Something added after the backup is gone after restoring it, and kept aside.
	h.app.tracker.onAdd()
	h.typeInto(h.app.tracker.form.entry("company"), "Globex")
	h.typeInto(h.app.tracker.form.entry("role"), "Analyst")
	h.tap("Add")
	if len(h.app.tracker.rows) != 2 {
		t.Fatal("setup")
	}
	h.app.onRestore()
	h.settle()
	if !h.shows("Restore from a backup") || !h.shows("declinedesk-"+string(dayAt(0))+".db") {
		t.Fatalf("restore dialog: %q", h.texts())
	}
	h.tap("Restore…")
	h.tap("Restore")
	if len(h.app.tracker.rows) != 1 || h.app.tracker.rows[0].Company() != "Acme" {
		t.Errorf("after restoring: %+v", h.app.tracker.rows)
	}
	if !strings.Contains(h.app.tracker.notice.Text, "Your tracker as it was is kept as") {
		t.Errorf("notice %q", h.app.tracker.notice.Text)
	}
	entries, _ := os.ReadDir(filepath.Dir(h.app.dbPath))
	kept := false
	for _, e := range entries {
		kept = kept || strings.Contains(e.Name(), ".before-restore-")
	}
	if !kept {
		t.Error("the tracker before the restore was not kept")
	}
	// The window works on after the swap: adding goes to the restored file.
	h.app.tracker.onAdd()
	h.typeInto(h.app.tracker.form.entry("company"), "Initech")
	h.typeInto(h.app.tracker.form.entry("role"), "QA")
	h.tap("Add")
	h.app.store.Close() // the store the restore opened
	s, err := tracker.Open(h.app.dbPath, tracker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(); n != 2 {
		t.Errorf("restored tracker has %d records after adding one", n)
	}
}

func TestRecoveryOfferAfterDamage(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Go Engineer"})
	h.app.OfferRecovery("/somewhere/declinedesk.db.damaged-20261125-100000")
	h.settle()
	// The fresh tracker has no profile, but the welcome waits for the user's answer.
	h.app.profile = tracker.Profile{}
	h.app.onProfileLoaded(tracker.Profile{}, nil)
	if h.shows("Welcome to Decline Desk") {
		t.Error("the welcome covers the offer to restore")
	}
	if !h.shows("Your tracker file was damaged") || !h.shows("declinedesk.db.damaged-20261125-100000") {
		t.Fatalf("texts %q", h.texts())
	}
	h.button("Start fresh")
	found := false
	for _, txt := range h.texts() {
		found = found || txt == "Restore "+testNow.Format("Mon Jan 2 2006")
	}
	if !found {
		t.Errorf("no button to restore the newest backup: %q", h.texts())
	}
	h.tap("Start fresh")
	if !h.shows("Welcome to Decline Desk") {
		t.Error("starting fresh does not welcome the user")
	}
}

func TestBackupsThatCannotBeListed(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Go Engineer"})
	dir := tracker.BackupDir(h.app.dbPath)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.app.onRestore()
	h.settle()
	if !h.shows("The backups could not be listed") {
		t.Fatalf("no error for a backup folder that cannot be read: %q", h.texts())
	}
	h.app.OfferRecovery("/somewhere/declinedesk.db.damaged-20261125-100000")
	h.settle()
	found := false
	for _, txt := range h.texts() {
		found = found || strings.Contains(txt, "The backups could not be listed: ")
	}
	if !found || h.button("Start fresh") == nil {
		t.Errorf("the offer does not say why there is nothing to restore: %q", h.texts())
	}
	if len(h.app.tracker.rows) != 1 {
		t.Errorf("the tracker changed: %+v", h.app.tracker.rows)
	}
}

// Damage found after the window opened — here a record that cannot be read, met while the
// list loads — is answered as damage found at opening: the file is moved aside unchanged,
// the window goes on with a fresh tracker, and the newest backup is offered.
func TestDamageFoundWhileLoadingSetsTheFileAside(t *testing.T) {
	h := newHarness(t, acme, tracker.Opportunity{Company: "Globex", Role: "Analyst"})
	path := h.store.Path()
	if backups, _ := tracker.Backups(path); len(backups) != 1 {
		t.Fatalf("the day's backup was not taken on opening: %v", backups)
	}
	h.store.DB().Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("opportunities")).Put([]byte{0, 0, 0, 0, 0, 0, 0, 2}, []byte("{broken"))
	})
	damaged, _ := os.ReadFile(path)
	h.app.Load()
	h.settle()
	if !h.shows("Your tracker file was damaged") || !h.shows("Restore Wed Nov 25 2026") {
		t.Fatalf("no offer: %q", h.texts())
	}
	moved, _ := filepath.Glob(path + ".damaged-*")
	if len(moved) != 1 {
		t.Fatalf("moved aside: %v", moved)
	}
	if got, _ := os.ReadFile(moved[0]); !bytes.Equal(got, damaged) {
		t.Error("the damaged file was changed")
	}
	h.tap("Restore Wed Nov 25 2026")
	h.settle()
	t.Cleanup(func() { h.app.store.Close() })
	if n, _ := h.app.store.Count(); n != 2 {
		t.Errorf("%d records after restoring the backup", n)
	}
}

// Restore asks first, naming the backup and where the tracker as it is now goes; Cancel
// changes nothing; once restored, the notice says where the previous tracker is, whole, and
// Undo puts it back.
func TestRestoreAsksFirstAndCanBeUndone(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Go Engineer"})
	h.app.tracker.onAdd()
	h.typeInto(h.app.tracker.form.entry("company"), "Globex")
	h.typeInto(h.app.tracker.form.entry("role"), "Analyst")
	h.tap("Add")
	keptAs := "ui.db.before-restore-" + testNow.Format("20060102-150405")
	kept := func() []string {
		names, _ := filepath.Glob(h.app.dbPath + ".before-restore-*")
		return names
	}

	h.app.onRestore()
	h.settle()
	h.tap("Restore…")
	if len(h.app.tracker.rows) != 2 || len(kept()) != 0 {
		t.Fatalf("restored without asking: %d rows, kept %v", len(h.app.tracker.rows), kept())
	}
	question := "Restore the backup of " + testNow.Format("Mon Jan 2 2006") + "?\n\nYour tracker as it is now is kept as " + keptAs + " beside it"
	if !h.shows(question) {
		t.Fatalf("the question does not say what happens: %q", h.texts())
	}
	h.tap("Cancel")
	if len(h.app.tracker.rows) != 2 || len(kept()) != 0 || len(h.app.dialogs) != 0 {
		t.Fatalf("Cancel: %d rows, kept %v, %d dialogs", len(h.app.tracker.rows), kept(), len(h.app.dialogs))
	}

	h.app.onRestore()
	h.settle()
	h.tap("Restore…")
	h.tap("Restore")
	if len(h.app.tracker.rows) != 1 || len(kept()) != 1 || filepath.Base(kept()[0]) != keptAs {
		t.Fatalf("after restoring: %d rows, kept %v, not %s", len(h.app.tracker.rows), kept(), keptAs)
	}
	n := h.app.tracker.notice
	if !n.Visible() || !strings.Contains(n.Text, keptAs) || n.Wrapping != fyne.TextWrapWord || n.Truncation != fyne.TextTruncateOff {
		t.Errorf("the notice does not give the whole name of the previous tracker: %q", n.Text)
	}

	h.tap("Undo restore")
	if len(h.app.tracker.rows) != 2 {
		t.Fatalf("Undo: %d rows", len(h.app.tracker.rows))
	}
	if !strings.Contains(n.Text, "back as it was before the restore") || h.app.tracker.noticeUndo.Visible() {
		t.Errorf("after Undo the notice says %q", n.Text)
	}
	// Nothing was lost on the way: the restored copy is kept aside too.
	if len(kept()) != 2 {
		t.Errorf("kept %v", kept())
	}
	h.tap("Dismiss")
	if h.app.tracker.noticeBox.Visible() {
		t.Error("Dismiss leaves the notice")
	}
}

// Clicking the chosen backup again keeps it chosen: Restore always has something to do.
func TestRestoreChoiceCannotBeEmptied(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Go Engineer"})
	h.app.onRestore()
	h.settle()
	var chosen *widget.RadioGroup
	for _, o := range objectsIn(h.win.Canvas().Overlays().Top()) {
		if r, ok := o.(*widget.RadioGroup); ok {
			chosen = r
		}
	}
	if chosen == nil || chosen.Selected == "" {
		t.Fatal("no backup chosen")
	}
	was := chosen.Selected
	for _, o := range objectsIn(chosen) {
		if item, ok := o.(fyne.Tappable); ok && o != fyne.CanvasObject(chosen) {
			test.Tap(item) // the first option: the chosen one
			break
		}
	}
	if chosen.Selected != was {
		t.Fatalf("clicking the chosen backup leaves %q chosen", chosen.Selected)
	}
	h.tap("Restore…")
	if !h.shows("Restore this backup?") {
		t.Errorf("Restore… does nothing: %q", h.texts())
	}
}
