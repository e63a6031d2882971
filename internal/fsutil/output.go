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

// CheckTarget refuses an output path that is one of the protected files, however the path
// is spelled (the same device and inode), and one that cannot take a file's contents: a
// folder, a named pipe, a socket or a block device. A path that does not exist yet is fine.
func CheckTarget(path string, protect []string) error {
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
	for _, p := range protect {
		if pi, err := os.Stat(p); err == nil && os.SameFile(fi, pi) {
			return fmt.Errorf("%w: %s is your tracker's database or one of its backups; choose another file name", ErrProtected, path)
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

// WriteOutput writes an output file through write, never over a protected file (see
// CheckTarget). A regular file, or a new one, is written atomically: a temporary file beside
// it replaces it only once complete, with an existing file's permissions narrowed to mode
// (mode for a new one: a backup never becomes readable by others). A symbolic link is written through: the file it names is replaced, the link stays.
// A character device such as a terminal or /dev/null is written to directly.
func WriteOutput(path string, mode os.FileMode, protect []string, write func(w io.Writer) error) error {
	if err := CheckTarget(path, protect); err != nil {
		return err
	}
	target := path
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		target = resolved
	}
	fi, err := os.Stat(target)
	switch {
	case err == nil && fi.Mode()&fs.ModeCharDevice != 0:
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", path, err)
		}
		if err := write(f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	case err == nil:
		mode &= fi.Mode().Perm()
	}
	return WriteAtomic(target, mode, write)
}
