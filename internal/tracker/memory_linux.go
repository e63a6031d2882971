package tracker

import (
	"os"

	"golang.org/x/sys/unix"
)

// ReleaseMemory gives back the file pages that reading the whole tracker pulled into this
// process (a 100,000-record tracker maps tens of megabytes). They stay in the system's file
// cache and come back, at no cost, when read again. bbolt maps the file read-only and
// shared, where dropping pages is always safe.
func (s *BoltStore) ReleaseMemory() {
	fi, err := os.Stat(s.path)
	if err != nil || fi.Size() == 0 {
		return
	}
	info := s.db.Info()
	unix.Syscall(unix.SYS_MADVISE, info.Data, uintptr(fi.Size()), uintptr(unix.MADV_DONTNEED))
}
