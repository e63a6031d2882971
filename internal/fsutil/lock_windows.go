package fsutil

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// HeldByAnother reports whether another open of the file holds a lock on it, as a
// database held by another Decline Desk does: bbolt locks the byte range at offset -1.
// The probe takes a shared lock there and lets it go at once.
func HeldByAnother(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	const m1 = ^uint32(0)
	ol := &windows.Overlapped{Offset: m1, OffsetHigh: m1}
	err = windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if err == nil {
		windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, ol)
		return false
	}
	return errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}
