package fsutil

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestOutputsNeverReplaceProtectedFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "declinedesk.db")
	os.WriteFile(db, []byte("the user's data"), 0o600)
	hard := filepath.Join(dir, "hard-link.csv")
	os.Link(db, hard)
	link := filepath.Join(dir, "link.csv")
	os.Symlink(db, link)
	for _, p := range []string{db, hard, link, filepath.Join(dir, ".", "sub", "..", "declinedesk.db")} {
		os.MkdirAll(filepath.Join(dir, "sub"), 0o700)
		err := WriteOutput(p, 0o600, Files{db}, writeString("a,b\n"))
		if !errors.Is(err, ErrProtected) {
			t.Errorf("%s: %v", p, err)
		}
	}
	if got, _ := os.ReadFile(db); string(got) != "the user's data" {
		t.Fatalf("the database now holds %q", got)
	}
}

func TestOutputThroughALinkKeepsTheLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.csv")
	os.WriteFile(real, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.csv")
	os.Symlink("real.csv", link)
	if err := WriteOutput(link, 0o666, nil, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("the linked file holds %q", got)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o644 {
		t.Errorf("the file's permissions changed to %v", fi.Mode().Perm())
	}
	os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "dangling"))
	if err := WriteOutput(filepath.Join(dir, "dangling"), 0o600, nil, writeString("x")); err == nil {
		t.Error("a dangling link was written")
	}
}

func TestOutputToDevicesAndSpecialFiles(t *testing.T) {
	if err := WriteOutput(os.DevNull, 0o600, nil, writeString("discarded")); err != nil {
		t.Errorf("/dev/null: %v", err)
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Fatal("/dev/null was replaced")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	syscall.Mkfifo(fifo, 0o600)
	if err := WriteOutput(fifo, 0o600, nil, writeString("x")); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("fifo: %v", err)
	}
	if err := WriteOutput(dir, 0o600, nil, writeString("x")); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("folder: %v", err)
	}
	if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
}

func TestAFailedOutputLeavesTheOldFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.csv")
	os.WriteFile(path, []byte("previous export"), 0o600)
	err := WriteOutput(path, 0o600, nil, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("the tracker could not be read")
	})
	if err == nil {
		t.Fatal("no error")
	}
	if got, _ := os.ReadFile(path); string(got) != "previous export" {
		t.Errorf("the file holds %q", got)
	}
}

// A write killed half way leaves its temporary file; the next write of the same file
// removes it, once the process that made it is gone — and never one still at work.
func TestTemporaryFilesOfKilledWritesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "export.csv")
	done := exec.Command("true")
	if err := done.Run(); err != nil {
		t.Skip("cannot start a process here")
	}
	gone := done.Process.Pid
	stale := filepath.Join(dir, fmt.Sprintf(".export.csv.dd-%d-12345.tmp", gone))
	live := filepath.Join(dir, fmt.Sprintf(".export.csv.dd-%d-67890.tmp", os.Getppid()))
	other := filepath.Join(dir, fmt.Sprintf(".other.csv.dd-%d-1.tmp", gone))
	for _, p := range []string{stale, live, other} {
		os.WriteFile(p, []byte("half a file"), 0o600)
	}
	if err := WriteOutput(out, 0o600, nil, writeString("a,b\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the killed write's temporary file is still there")
	}
	for _, p := range []string{live, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed", filepath.Base(p))
		}
	}
}
