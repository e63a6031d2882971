package fsutil

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrProtected means an output was aimed at a file that holds the user's data.
var ErrProtected = errors.New("that file holds your Decline Desk data")

// A Guard decides which existing files an output must never replace.
type Guard interface {
	// Refuse returns an error wrapping ErrProtected when the existing file at path, which
	// fi describes (links followed), must not be replaced.
	Refuse(path string, fi fs.FileInfo) error
}

// Files is a Guard that refuses the files it lists, however a path spells them: a file is
// the same when it is the same device and inode (or file id), so links, "..", a hard link
// or another case on a case-insensitive system are all caught.
type Files []string

func (files Files) Refuse(path string, fi fs.FileInfo) error {
	for _, p := range files {
		if pi, err := os.Stat(p); err == nil && os.SameFile(fi, pi) {
			return fmt.Errorf("%w: %s is your tracker's database or one of its backups; choose another file name", ErrProtected, path)
		}
	}
	return nil
}

// CheckTarget refuses an output path that guard refuses, and one that cannot take a file's
// contents: a folder, a named pipe, a socket or a block device. A path that does not exist
// yet is fine; a link to nothing is refused. guard may be nil.
func CheckTarget(path string, guard Guard) error {
	fi, err := os.Stat(path) // through links: what would be written is what they name
	if errors.Is(err, fs.ErrNotExist) {
		if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s is a link to a file that does not exist: choose the file itself", path)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if guard != nil {
		if err := guard.Refuse(path, fi); err != nil {
			return err
		}
	}
	switch m := fi.Mode(); {
	case m.IsDir():
		return fmt.Errorf("%s is a folder: choose a file name inside it", path)
	case m.IsRegular(), m&fs.ModeCharDevice != 0:
		return nil
	default:
		return fmt.Errorf("%s is not a regular file: choose another file name", path)
	}
}

// WriteOutput writes an output file through write, never over a file guard refuses (see
// CheckTarget). A regular file, or a new one, is written atomically: a temporary file beside
// it replaces it only once complete, with an existing file's permissions narrowed to mode
// (mode for a new one: a backup never becomes readable by others). A symbolic link is
// written through: the file it names is replaced, the link stays. A character device such
// as a terminal or /dev/null is written to directly.
func WriteOutput(path string, mode os.FileMode, guard Guard, write func(w io.Writer) error) error {
	return WriteOutputVerified(path, mode, guard, write, nil)
}

// WriteOutputVerified is WriteOutput with a last look: verify, when not nil, is given the
// complete file, under a temporary name, before it takes the place of path; an error
// from it leaves path as it was.
func WriteOutputVerified(path string, mode os.FileMode, guard Guard, write func(w io.Writer) error, verify func(tmp string) error) error {
	if err := CheckTarget(path, guard); err != nil {
		return err
	}
	target := path
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		target = resolved
	}
	fi, err := os.Stat(target)
	switch {
	case err == nil && fi.Mode()&fs.ModeCharDevice != 0:
		return writeDevice(target, write, verify)
	case err == nil:
		mode &= fi.Mode().Perm()
	}
	return writeAtomic(target, mode, write, func(tmp string) error {
		if verify != nil {
			if err := verify(tmp); err != nil {
				return err
			}
		}
		// Between the first look and now another program may have put something at
		// path: look again before replacing it.
		return CheckTarget(target, guard)
	})
}

// writeDevice writes to a character device; with verify, the whole output is made and
// verified in a temporary file first.
func writeDevice(dev string, write func(w io.Writer) error, verify func(tmp string) error) error {
	if verify == nil {
		return writeTo(dev, write)
	}
	tmp, err := os.CreateTemp("", "declinedesk-*.tmp")
	if err != nil {
		return err
	}
	name := tmp.Name()
	tmp.Close()
	defer os.Remove(name)
	if err := WriteAtomic(name, 0o600, write); err != nil {
		return err
	}
	if err := verify(name); err != nil {
		return err
	}
	src, err := os.Open(name)
	if err != nil {
		return err
	}
	defer src.Close()
	return writeTo(dev, func(w io.Writer) error { _, err := io.Copy(w, src); return err })
}

func writeTo(dev string, write func(w io.Writer) error) error {
	f, err := os.OpenFile(dev, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", dev, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
