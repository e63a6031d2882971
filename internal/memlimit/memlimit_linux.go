package memlimit

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
)

func headroom() (int64, bool) {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &lim); err != nil || lim.Cur == ^uint64(0) || lim.Cur > 1<<62 {
		return 0, false
	}
	used, ok := vmSize()
	if !ok {
		return 0, false
	}
	return int64(lim.Cur) - used, true
}

// vmSize is the address space the process has mapped, from /proc.
func vmSize() (int64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmSize:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}
