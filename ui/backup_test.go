package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	h.tap("Restore")
	if len(h.app.tracker.rows) != 1 || h.app.tracker.rows[0].Company() != "Acme" {
		t.Errorf("after restoring: %+v", h.app.tracker.rows)
	}
	if !strings.Contains(h.app.status.Text, "Your previous tracker was kept as") {
		t.Errorf("status %q", h.app.status.Text)
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
