package tracker

import (
	"syscall"
)

// limitAddressSpace caps this process's memory so that a check gone astray fails inside
// the checking child instead of taking the machine's memory. Race-detector builds map
// terabytes of shadow memory up front, so they are left without a cap.
func limitAddressSpace(size int64) {
	if raceEnabled {
		return
	}
	limit := uint64(checkMemory(size)) + uint64(size) + 2<<30 // the file is mapped, and Go reserves address space ahead
	var cur syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_AS, &cur) == nil && cur.Cur < limit {
		return // already tighter
	}
	syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: limit, Max: limit})
}
