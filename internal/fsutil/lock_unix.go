//go:build unix

package fsutil

import (
	"errors"
	"os"
	"syscall"
)

// HeldByAnother reports whether another open of the file holds a lock on it, as a
// database held by another Decline Desk does. The probe takes a shared lock and lets it
// go at once.
func HeldByAnother(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
	if err == nil {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		return false
	}
	return errors.Is(err, syscall.EWOULDBLOCK)
}
