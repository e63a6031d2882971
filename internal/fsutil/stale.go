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
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), globEscape(prefix)+"*.tmp"))
	for _, m := range matches {
		rest := strings.TrimPrefix(filepath.Base(m), prefix)
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		os.Remove(m)
	}
}

func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(s)
}
