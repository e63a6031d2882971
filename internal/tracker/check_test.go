package tracker

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// trackerFile makes a real tracker of n records, compacted as a backup is, and returns
// its bytes.
func trackerFile(t *testing.T, n int) []byte {
	t.Helper()
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "made.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs := make([]Opportunity, n)
	for i := range recs {
		recs[i] = Opportunity{Company: fmt.Sprintf("Company %d", i), Role: "Engineer", Notes: strings.Repeat("note ", i%50)}
	}
	if _, err := s.Import(recs, nil); err != nil {
		t.Fatal(err)
	}
	compact := filepath.Join(dir, "compact.db")
	if err := s.WriteBackup(compact); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, err := os.ReadFile(compact)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The damage a byte flip does to a real file, found by the probe of the command line:
// a page's element count set to 65535 crashes bbolt's check inside a goroutine of its own,
// and a spoiled overflow count makes it loop while its memory grows. Checked in a child
// process, both are damage: the caller gets ErrDamaged, the file keeps every byte.
func TestChecksThatCrashOrLoopAreDamage(t *testing.T) {
	good := trackerFile(t, 1000)
	for _, c := range []struct {
		name  string
		off   int
		bytes []byte
	}{
		{"element count", 3*4096 + 10, []byte{0xff, 0xff}},
		{"overflow", 20*4096 + 15, []byte{0xee}},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := append([]byte(nil), good...)
			copy(data[c.off:], c.bytes)
			path := filepath.Join(t.TempDir(), "t.db")
			os.WriteFile(path, data, 0o600)
			start := time.Now()
			_, err := Open(path, Options{})
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("Open: %v, want damage", err)
			}
			t.Logf("%v after %v", err, time.Since(start).Round(time.Millisecond))
			after, _ := os.ReadFile(path)
			if string(after) != string(data) {
				t.Error("the file was changed")
			}
		})
	}
}
