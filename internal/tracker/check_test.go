package tracker

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/fsutil"
	bolt "go.etcd.io/bbolt"
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

// An import is one change however many batches it takes: an error in the middle, a
// cancel, or a crash that leaves its mark in the file all leave the tracker as it was.
func TestAnImportIsOneChangeAcrossItsBatches(t *testing.T) {
	batches := func(n int, fail error) func() ([]Opportunity, error) {
		sent := 0
		return func() ([]Opportunity, error) {
			if sent >= n {
				return nil, fail
			}
			var b []Opportunity
			for i := 0; i < importBatch; i++ {
				b = append(b, Opportunity{Company: fmt.Sprintf("C%d-%d", sent, i), Role: "Dev"})
			}
			sent++
			return b, nil
		}
	}
	s, _ := openTemp(t)
	mustAdd(t, s, Opportunity{Company: "Kept", Role: "Dev"})
	failure := errors.New("the file could not be read further")
	if _, err := s.ImportStream(batches(3, failure), 0, nil); !errors.Is(err, failure) {
		t.Fatalf("error half way: %v", err)
	}
	if n, _ := s.Count(); n != 1 {
		t.Errorf("%d records after an import that failed half way", n)
	}
	cancelAt := 2 * importBatch
	if _, err := s.ImportStream(batches(4, nil), 4*importBatch, func(done, _ int) bool { return done < cancelAt }); !errors.Is(err, ErrCancelled) {
		t.Fatalf("cancel: %v", err)
	}
	if n, _ := s.Count(); n != 1 {
		t.Errorf("%d records after a cancelled import", n)
	}
	rep, err := s.ImportStream(batches(3, nil), 0, nil)
	if err != nil || len(rep.Imported) != 3*importBatch {
		t.Fatalf("%v: %d imported", err, len(rep.Imported))
	}
	if n, _ := s.Count(); n != 1+3*importBatch {
		t.Errorf("%d records after a whole import", n)
	}

	// A crash between batches: the batches are in, the mark too. The next open undoes them.
	marked := false
	var partial ImportReport
	for i := 0; i < 2; i++ {
		b, _ := batches(2, nil)()
		for j := range b {
			b[j].Company = fmt.Sprintf("Crash %d-%d", i, j)
		}
		if err := s.importBatch(b, i*importBatch, &marked, &partial); err != nil {
			t.Fatal(err)
		}
	}
	path := s.Path()
	s.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(); n != 1+3*importBatch {
		t.Errorf("%d records after reopening a crashed import, want %d", n, 1+3*importBatch)
	}
	if dups, _ := s.Duplicates(Opportunity{Company: "Crash 0-1", Role: "Dev"}); len(dups) != 0 {
		t.Errorf("the index still knows a rolled-back record: %+v", dups)
	}
	if err := s.Check(); err != nil {
		t.Errorf("check after the roll-back: %v", err)
	}
}

// A record whose stored value cannot be read is damage, named by its id: the check finds
// it before anything is written.
func TestAnUnreadableRecordIsDamageNamedByItsID(t *testing.T) {
	s, _ := openTemp(t)
	for i := 0; i < 3; i++ {
		mustAdd(t, s, Opportunity{Company: fmt.Sprintf("C%d", i), Role: "Dev"})
	}
	s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketOpportunities).Put(itob(2), []byte("{not json")) })
	path := s.Path()
	s.Close()
	before, _ := os.ReadFile(path)
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "record #2") {
		t.Fatalf("Open: %v", err)
	}
	s, err = Open(path, Options{CheckBeforeWriting: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Add(Opportunity{Company: "New", Role: "Dev"}, false); !errors.Is(err, ErrDamaged) {
		t.Errorf("Add into a file with an unreadable record: %v", err)
	}
	if err := s.WriteBackup(filepath.Join(t.TempDir(), "b.db")); !errors.Is(err, ErrDamaged) {
		t.Errorf("backup of a file with an unreadable record: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the file was written to")
	}
}

// A spoiled name of one of our buckets is damage of our own file, not another program's.
func TestASpoiledBucketNameIsDamageNotForeign(t *testing.T) {
	data := trackerFile(t, 50)
	i := bytes.Index(data, []byte("opportunities"))
	if i < 0 {
		t.Fatal("no bucket name in the file")
	}
	data[i+len("opportunities")-1] = 'z'
	path := filepath.Join(t.TempDir(), "t.db")
	os.WriteFile(path, data, 0o600)
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrDamaged) || errors.Is(err, ErrForeign) {
		t.Errorf("Open: %v", err)
	}
}

// Outputs are refused by what the file is, whatever its name: any database, and a file
// another process holds locked.
func TestOutputGuardKnowsFilesByContentAndLock(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "notes.txt")
	os.WriteFile(other, trackerFile(t, 3), 0o600)
	held := filepath.Join(dir, "held.txt")
	os.WriteFile(held, []byte("plain text"), 0o600)
	f, _ := os.Open(held)
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Skipf("no locks here: %v", err)
	}
	plain := filepath.Join(dir, "plain.txt")
	os.WriteFile(plain, []byte("plain"), 0o600)
	guard := OutputGuard("")
	for path, want := range map[string]string{other: "is a database file", held: "held open by another program", plain: ""} {
		err := fsutil.CheckTarget(path, guard)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", filepath.Base(path), err)
		case want != "" && (!errors.Is(err, fsutil.ErrProtected) || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: %v, want %q", filepath.Base(path), err, want)
		}
	}
}

// A database whose name holds pattern characters keeps the protection of its copies: names
// are compared as they are, never as patterns.
func TestCopiesOfADatabaseWithPatternCharactersInItsNameAreProtected(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "jobs [2026] *.db")
	aside := db + ".damaged-20260102-030405"
	os.WriteFile(aside, []byte("what was left"), 0o600)
	os.WriteFile(filepath.Join(dir, "other.db.damaged-1"), []byte("x"), 0o600)
	err := fsutil.CheckTarget(aside, OutputGuard(db))
	if !errors.Is(err, fsutil.ErrProtected) {
		t.Errorf("the moved-aside copy is not protected: %v", err)
	}
	if err := fsutil.CheckTarget(filepath.Join(dir, "other.db.damaged-1"), OutputGuard(db)); err != nil {
		t.Errorf("another tracker's name taken for this one's: %v", err)
	}
}
