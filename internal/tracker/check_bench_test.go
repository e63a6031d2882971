package tracker_test

import (
	"path/filepath"
	"testing"

	"github.com/declinedesk/declinedesk/internal/sample"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// BenchmarkCheck100k is the check of an open 100,000-record tracker, as before the day's
// backup: a snapshot of the file, whose every page and record a child process checks.
func BenchmarkCheck100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "t.db")
	s, err := tracker.Open(path, tracker.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Import(sample.Opportunities(100_000, 1), nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := s.Check(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckAtTheDoor100k is the check a command makes before it opens a 100,000-record
// tracker: a child process checks every page and reads back every record.
func BenchmarkCheckAtTheDoor100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "t.db")
	s, err := tracker.Open(path, tracker.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Import(sample.Opportunities(100_000, 1), nil); err != nil {
		b.Fatal(err)
	}
	s.Close()
	b.ResetTimer()
	for b.Loop() {
		s, err := tracker.Open(path, tracker.Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
