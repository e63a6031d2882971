package tracker

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	bolt "go.etcd.io/bbolt"
)

// snapshot is a file's bytes and mode, to prove it was not touched.
type snapshot struct {
	data []byte
	mode os.FileMode
}

func snap(t *testing.T, path string) snapshot {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	return snapshot{data, fi.Mode()}
}

func (s snapshot) same(t *testing.T, path string) {
	t.Helper()
	now := snap(t, path)
	if !bytes.Equal(now.data, s.data) {
		t.Errorf("%s: its bytes changed", filepath.Base(path))
	}
	if now.mode != s.mode {
		t.Errorf("%s: its mode changed from %v to %v", filepath.Base(path), s.mode, now.mode)
	}
}

// foreignFile makes a bbolt file as another program might: its own bucket, readable by
// others, and written without a freelist, which bbolt would add when opening read-write.
func foreignFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bolt.Open(path, 0o644, &bolt.Options{NoFreelistSync: true})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("widgets"))
		if err != nil {
			return err
		}
		return b.Put([]byte("a"), []byte("b"))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	return path
}

func TestAnotherProgramsFileIsRefusedUntouched(t *testing.T) {
	path := foreignFile(t)
	before := snap(t, path)
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrForeign) || errors.Is(err, ErrDamaged) {
		t.Fatalf("Open: %v", err)
	}
	before.same(t, path)
	if _, err := os.Stat(path + ".damaged"); err == nil {
		t.Error("moved aside")
	}
	// Restoring it as a backup is refused as well.
	dbPath := filepath.Join(t.TempDir(), "t.db")
	if _, err := Restore(dbPath, path, clocktest.Epoch); !errors.Is(err, ErrForeign) {
		t.Errorf("Restore: %v", err)
	}
	before.same(t, path)
}

func TestAnEmptyFileBecomesADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(path, nil, 0o600)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev"})
}

func TestWhatIsNotAFileIsRefusedWithoutHanging(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{dir, "is a folder"},
		{fifo, "named pipe"},
		{os.DevNull, "device"},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := Open(tc.path, Options{})
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: %v", tc.path, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Open hangs", tc.path)
		}
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
}

func TestErrorsFromTheSurroundingsAreNotDamage(t *testing.T) {
	for _, tc := range []struct {
		errno syscall.Errno
		want  string
	}{
		{syscall.ENOMEM, "not enough memory"},
		{syscall.ENOSPC, "disk is full"},
		{syscall.EROFS, "read-only"},
		{syscall.EACCES, "no permission"},
		{syscall.EIO, "could not be read"},
	} {
		err := classifyOpen("/x/t.db", &os.PathError{Op: "mmap", Path: "/x/t.db", Err: tc.errno})
		if errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: %v", tc.errno, err)
		}
	}
	for _, bad := range []error{errors.New("file size too small 12"), fmt.Errorf("x: %w", ErrDamaged)} {
		if !errors.Is(classifyOpen("/x/t.db", bad), ErrDamaged) {
			t.Errorf("%v is damage", bad)
		}
	}
}

// mountTmpfs mounts a small tmpfs for a test, or skips saying why it cannot.
func mountTmpfs(t *testing.T, opts string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here to make a real disk fault (%v: %s); the classification is covered by TestErrorsFromTheSurroundingsAreNotDamage", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

func TestReadOnlyDiskIsNotDamage(t *testing.T) {
	dir := mountTmpfs(t, "size=8m")
	path := filepath.Join(dir, "t.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev"})
	s.Close()
	os.Chmod(path, 0o640)
	before := snap(t, path)
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	_, err = Open(path, Options{})
	if err == nil || errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("Open on a read-only disk: %v", err)
	}
	before.same(t, path)
	if _, err := Open(filepath.Join(dir, "new.db"), Options{}); err == nil || errors.Is(err, ErrDamaged) {
		t.Errorf("a new database on a read-only disk: %v", err)
	}
}

func TestFullDiskIsNotDamage(t *testing.T) {
	dir := mountTmpfs(t, "size=256k")
	// Fill the disk.
	f, _ := os.Create(filepath.Join(dir, "filler"))
	f.Write(make([]byte, 512<<10))
	f.Close()
	path := filepath.Join(dir, "t.db")
	_, err := Open(path, Options{})
	if err == nil || errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "disk is full") {
		t.Fatalf("Open on a full disk: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("an empty file was left behind, to be called damaged next time")
	}
}

// A disk with a few KiB left lets bbolt write part of a new file before it fails: what it
// wrote is removed, or the next start would call it damaged.
func TestAlmostFullDiskLeavesNoHalfMadeDatabase(t *testing.T) {
	for _, free := range []int{4 << 10, 8 << 10, 12 << 10} {
		dir := mountTmpfs(t, "size=256k")
		f, _ := os.Create(filepath.Join(dir, "filler"))
		for {
			if _, err := f.Write(make([]byte, 4096)); err != nil {
				break
			}
		}
		fi, _ := f.Stat()
		f.Truncate(fi.Size() - int64(free))
		f.Close()
		path := filepath.Join(dir, "t.db")
		_, err := Open(path, Options{})
		if err == nil || errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "disk is full") {
			t.Fatalf("%d KiB free: %v", free>>10, err)
		}
		if fi, err := os.Stat(path); err == nil {
			t.Errorf("%d KiB free: a %d-byte file was left behind", free>>10, fi.Size())
		}
	}
}

func TestImportOnAFullDiskSaysSoAndKeepsNothing(t *testing.T) {
	dir := mountTmpfs(t, "size=1m")
	path := filepath.Join(dir, "t.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustAdd(t, s, Opportunity{Company: "Kept", Role: "Dev"})
	f, _ := os.Create(filepath.Join(dir, "filler"))
	for {
		if _, err := f.Write(make([]byte, 4096)); err != nil {
			break
		}
	}
	f.Close()
	var recs []Opportunity
	for i := 0; i < 3000; i++ {
		recs = append(recs, Opportunity{Company: fmt.Sprintf("C%d", i), Role: "Dev", Notes: strings.Repeat("x", 300)})
	}
	_, err = s.Import(recs, nil)
	if err == nil || errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "disk is full") || !strings.Contains(err.Error(), path) {
		t.Fatalf("Import on a full disk: %v", err)
	}
	if n, _ := s.Count(); n != 1 {
		t.Errorf("%d records after a failed import", n)
	}
}

// damageOnePage spoils a single page that bbolt does not need for opening the file — not a
// meta page, not the freelist — so that the file opens and only bbolt's check finds it.
func damageOnePage(t *testing.T, path string) {
	t.Helper()
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for off := len(good) - 4096; off >= 2*4096; off -= 4096 {
		bad := bytes.Clone(good)
		copy(bad[off:], bytes.Repeat([]byte{0xff}, 16))
		os.WriteFile(path, bad, 0o600)
		trial := path + ".trial" // bbolt may write to a file it opens for writing
		os.WriteFile(trial, bad, 0o600)
		st, err := Open(trial, Options{CheckBeforeWriting: true})
		if err != nil {
			os.Remove(trial)
			continue
		}
		checkFails := st.Check() != nil
		st.Close()
		os.Remove(trial)
		if checkFails {
			return
		}
	}
	t.Fatal("no page to spoil")
}

func TestADamagedFileIsNeverWrittenTo(t *testing.T) {
	for _, later := range []bool{false, true} {
		t.Run(fmt.Sprintf("check before writing %v", later), func(t *testing.T) { damagedFileIsNeverWrittenTo(t, later) })
	}
}

func damagedFileIsNeverWrittenTo(t *testing.T, checkLater bool) {
	path := filepath.Join(t.TempDir(), "d.db")
	s, _ := Open(path, Options{})
	var recs []Opportunity
	for i := 0; i < 300; i++ {
		recs = append(recs, Opportunity{Company: fmt.Sprintf("Company %d", i), Role: "Dev", Notes: strings.Repeat("n", 100)})
	}
	if _, err := s.Import(recs, nil); err != nil {
		t.Fatal(err)
	}
	compact := filepath.Join(t.TempDir(), "compact.db")
	if err := s.WriteBackup(compact); err != nil {
		t.Fatal(err)
	}
	s.Close()
	damageOnePage(t, compact)
	before := snap(t, compact)
	s, err := Open(compact, Options{CheckBeforeWriting: checkLater})
	if checkLater && err != nil {
		t.Fatalf("with the check before writing, opening reads only what it needs: %v", err)
	}
	if err != nil {
		if !errors.Is(err, ErrDamaged) {
			t.Fatal(err)
		}
		return // refused at the door: nothing written either
	}
	defer s.Close()
	if _, err := s.Add(Opportunity{Company: "New", Role: "Dev"}, true); !errors.Is(err, ErrDamaged) {
		t.Errorf("Add into a damaged file: %v", err)
	}
	if _, err := s.Import([]Opportunity{{Company: "New", Role: "Dev"}}, nil); !errors.Is(err, ErrDamaged) {
		t.Errorf("Import into a damaged file: %v", err)
	}
	if err := s.SaveProfile(Profile{FullName: "Ana Silva", Email: "ana@example.com"}); !errors.Is(err, ErrDamaged) {
		t.Errorf("SaveProfile into a damaged file: %v", err)
	}
	s.Close()
	before.same(t, compact)
}

func TestAPanicInOurCodeIsABugNotDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev"})
	err = s.update(func(tx *bolt.Tx) error {
		tx.Bucket(bucketMeta).Put([]byte("half"), []byte("done"))
		var m map[string]int
		//lint:ignore SA5000 the bug this test needs
		m["boom"]++
		return nil
	})
	var ie *InternalError
	if !errors.As(err, &ie) || errors.Is(err, ErrDamaged) {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "damaged") || ie.Log == "" {
		t.Errorf("message %q, log %q", err, ie.Log)
	}
	logged, _ := os.ReadFile(filepath.Join(filepath.Dir(path), LogName))
	if !strings.Contains(string(logged), "assignment to entry in nil map") || !strings.Contains(string(logged), "open_test.go") {
		t.Errorf("log:\n%s", logged)
	}
	// The transaction was rolled back and the store still works.
	s.view(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketMeta).Get([]byte("half")) != nil {
			t.Error("half a transaction was kept")
		}
		return nil
	})
	mustAdd(t, s, Opportunity{Company: "Globex", Role: "Dev"})
}

func TestMovedAsideFilesNeverOverwriteEachOther(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "t.db")
	now := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	seen := map[string]string{}
	for i := 0; i < 3; i++ {
		content := fmt.Sprintf("damaged copy %d", i)
		os.WriteFile(path, []byte(content), 0o600)
		aside, err := MoveAside(path, "damaged", now)
		if err != nil {
			t.Fatal(err)
		}
		seen[aside] = content
	}
	if len(seen) != 3 {
		t.Fatalf("names %v", seen)
	}
	for aside, content := range seen {
		if got, _ := os.ReadFile(aside); string(got) != content {
			t.Errorf("%s holds %q, want %q", aside, got, content)
		}
	}
}
