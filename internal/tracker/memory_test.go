package tracker

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// Close to the memory limit of its process, an import stops with a message and keeps
// nothing, instead of dying in the middle with a crash dump. The import runs in a child
// process of this test, whose own limit it lowers.
func TestAnImportShortOfMemoryStopsWithAMessage(t *testing.T) {
	if path := os.Getenv("DECLINEDESK_TEST_LOW_MEMORY"); path != "" {
		s, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if used := vmSizeForTest(t); used > 0 {
			lim := uint64(used) + 64<<20
			if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: lim, Max: lim}); err != nil {
				t.Fatal(err)
			}
		}
		_, err = s.Import([]Opportunity{{Company: "Acme", Role: "Dev"}}, nil)
		if !errors.Is(err, ErrOutOfMemory) || !strings.Contains(err.Error(), "nothing was imported") {
			t.Fatalf("import close to the limit: %v", err)
		}
		if n, _ := s.Count(); n != 0 {
			t.Fatalf("%d records kept", n)
		}
		return
	}
	if runtime.GOOS != "linux" || raceEnabled {
		t.Skip("memory limits are read on Linux, and the race detector maps more than any limit allows")
	}
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestAnImportShortOfMemoryStopsWithAMessage$", "-test.v")
	cmd.Env = append(os.Environ(), "DECLINEDESK_TEST_LOW_MEMORY="+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}

func vmSizeForTest(t *testing.T) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmSize:"); ok {
			var kb int64
			for _, r := range strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")) {
				kb = kb*10 + int64(r-'0')
			}
			return kb << 10
		}
	}
	return 0
}
