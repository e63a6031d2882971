package fsutil

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Temporary files are named after the file they will become and the process writing them
// (".report.csv.dd-4242-123456.tmp"), so that one left behind when its process was killed
// is known for what it is and removed the next time the same file is written.
const tempTag = ".dd-"

func tempPattern(path string) string {
	return "." + filepath.Base(path) + tempTag + strconv.Itoa(os.Getpid()) + "-*.tmp"
}

// removeStaleTemps removes the temporary files of earlier writes of path whose process is
// gone.
func removeStaleTemps(path string) {
	prefix := "." + filepath.Base(path) + tempTag
	for _, m := range Siblings(path, prefix, ".tmp") {
		rest := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(m), prefix), ".tmp")
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		os.Remove(m)
	}
}

// Siblings lists the files in the folder of path whose names start with prefix and end
// with suffix — names taken as they are, with no pattern characters, which file names may
// hold and which Windows would not let a pattern escape.
func Siblings(path, prefix, suffix string) []string {
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, prefix) && strings.HasSuffix(n, suffix) && len(n) >= len(prefix)+len(suffix) {
			out = append(out, filepath.Join(dir, n))
		}
	}
	return out
}
