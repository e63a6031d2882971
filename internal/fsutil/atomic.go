// Package fsutil writes files so that a crash or a full disk never leaves half a file.
package fsutil

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteAtomic writes a file through write, into a temporary file in the same folder that
// replaces path only once everything was written and synced. On any error path is left
// as it was and the temporary file is removed.
func WriteAtomic(path string, mode os.FileMode, write func(w io.Writer) error) error {
	return writeAtomic(path, mode, write, nil)
}

// writeAtomic is WriteAtomic with a last look: beforeRename, when not nil, sees the
// complete temporary file and may still refuse it.
func writeAtomic(path string, mode os.FileMode, write func(w io.Writer) error, beforeRename func(tmp string) error) (err error) {
	dir := filepath.Dir(path)
	removeStaleTemps(path)
	tmp, err := os.CreateTemp(dir, tempPattern(path))
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(tmp, 64*1024)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if beforeRename != nil {
		if err = beforeRename(tmp.Name()); err != nil {
			return err
		}
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename itself durable where the OS allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
