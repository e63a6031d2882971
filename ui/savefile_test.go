package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// saveAs starts a save with start, answers the prompt with the folder and file name, and
// returns the path it named.
func (h *harness) saveAs(start func(), dir, name string) string {
	h.t.Helper()
	start()
	h.settle()
	p := h.app.saving
	if p == nil {
		h.t.Fatal("no save prompt")
	}
	p.dir = dir
	p.name.SetText(name)
	h.tap("Save")
	return filepath.Join(dir, name)
}

func TestTheSavePromptWritesOnlyWhenTheFileIsComplete(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	dir := t.TempDir()
	// Nothing exists before the user confirms.
	h.app.tracker.onExport()
	h.settle()
	h.app.saving.dir = dir
	h.app.saving.name.SetText("jobs")
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("the prompt created %v before Save", entries)
	}
	h.tap("Save")
	h.tap("OK")
	data, err := os.ReadFile(filepath.Join(dir, "jobs.csv"))
	if err != nil || !strings.Contains(string(data), "Acme Inc") {
		t.Fatalf("export: %v %q", err, data)
	}

	// An existing file: the user is asked, and saying no leaves it whole.
	old := filepath.Join(dir, "old.csv")
	os.WriteFile(old, []byte("my own spreadsheet"), 0o644)
	h.saveAs(h.app.tracker.onExport, dir, "old.csv")
	if !h.shows("Replace old.csv?") {
		t.Fatalf("no question before replacing: %q", h.texts())
	}
	h.tap("No")
	if got, _ := os.ReadFile(old); string(got) != "my own spreadsheet" {
		t.Errorf("the existing file now holds %q", got)
	}
}

func TestTheSavePromptRefusesTheTrackersOwnFiles(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	db := h.app.dbPath
	before, _ := os.ReadFile(db)
	backups, _ := tracker.Backups(db)
	if len(backups) == 0 {
		t.Fatal("setup: no daily backup")
	}
	for _, target := range []string{db, backups[0].Path} {
		for _, start := range []func(){h.app.tracker.onExport, h.app.letter.onExport, h.app.onBackup} {
			p := h.saveAs(start, filepath.Dir(target), filepath.Base(target))
			if !h.shows("database or one of its backups") {
				t.Errorf("%s: no refusal", p)
			}
			h.tap("OK")
			h.app.saving.d.Hide() // the prompt comes back for another name
			h.settle()
		}
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("the database changed")
	}
}

// Another tracker — not this window's — is refused as well: it is known by its content.
func TestTheSavePromptRefusesAnotherTracker(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	dir := t.TempDir()
	other := filepath.Join(dir, "other tracker.db")
	s, err := tracker.Open(other, tracker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add(tracker.Opportunity{Company: "Globex", Role: "Analyst"}, false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(other)
	for _, start := range []func(){h.app.tracker.onExport, h.app.letter.onExport, h.app.onBackup, h.app.onExportCalendar} {
		p := h.saveAs(start, dir, filepath.Base(other))
		if !h.shows("is a database file") {
			t.Errorf("%s: no refusal: %q", p, h.texts())
		}
		h.tap("OK")
		h.app.saving.d.Hide()
		h.settle()
	}
	if after, _ := os.ReadFile(other); string(after) != string(before) {
		t.Error("the other tracker changed")
	}
}
