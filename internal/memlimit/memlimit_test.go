package memlimit

import (
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// Under a limit set on a child process, the child sees it and its headroom is below it.
func TestHeadroomSeesTheLimit(t *testing.T) {
	if os.Getenv("MEMLIMIT_CHILD") != "" {
		h, limited := Headroom()
		os.Stdout.WriteString(strconv.FormatBool(limited) + " " + strconv.FormatInt(h, 10) + "\n")
		return
	}
	if runtime.GOOS != "linux" {
		t.Skip("limits are read on Linux only")
	}
	if _, err := exec.LookPath("prlimit"); err != nil {
		t.Skip("no prlimit here")
	}
	if raceEnabled {
		t.Skip("the race detector maps far more than any limit allows")
	}
	const limit = 8 << 30
	cmd := exec.Command("prlimit", "--as="+strconv.Itoa(limit), os.Args[0], "-test.run=^TestHeadroomSeesTheLimit$")
	cmd.Env = append(os.Environ(), "MEMLIMIT_CHILD=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	fields := strings.Fields(string(out))
	if len(fields) < 2 || fields[0] != "true" {
		t.Fatalf("child says %q", out)
	}
	h, _ := strconv.ParseInt(fields[1], 10, 64)
	if h <= 0 || h >= limit {
		t.Errorf("headroom %d under a limit of %d", h, limit)
	}
}
