//go:build e2e

package e2e

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// fileState is what the test sees of a file from outside: its size and when it last changed.
type fileState struct {
	size int64
	mod  time.Time
}

func stateOf(path string) fileState {
	fi, err := os.Stat(path)
	if err != nil {
		return fileState{size: -1}
	}
	return fileState{fi.Size(), fi.ModTime()}
}

// importKilled imports csv into db with the command line and, when killAt ≥ 0, kills it
// with SIGKILL as soon as the database file has been seen to change killAt times: the kill
// lands while the import is writing, whatever the machine's speed. It returns whether the
// import finished by itself, and how many changes it saw.
func importKilled(t *testing.T, db, csv string, killAt int) (finished bool, seen int) {
	t.Helper()
	cmd := exec.Command(*bin, "--db", db, "import", csv)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.NewTimer(commandLimit)
	defer deadline.Stop()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	last := stateOf(db)
	for {
		if killAt >= 0 && seen >= killAt {
			cmd.Process.Signal(syscall.SIGKILL)
			return <-done == nil, seen // it may have finished just before
		}
		select {
		case err := <-done:
			if err != nil && killAt < 0 {
				t.Fatalf("import: %v", err)
			}
			return err == nil, seen
		case <-deadline.C:
			cmd.Process.Kill()
			t.Fatalf("the import did not finish within %v", commandLimit)
		case <-tick.C:
			if now := stateOf(db); now != last {
				last = now
				seen++
			}
		}
	}
}

// TestKillDuringImportLeavesASoundDatabase kills the command line with SIGKILL in the middle
// of large imports, again and again, and checks after each kill with bbolt's own consistency
// check that the file is sound and that every import is either wholly in or wholly out.
func TestKillDuringImportLeavesASoundDatabase(t *testing.T) {
	if *bin == "" {
		t.Fatal("run with -bin PATH (make e2e does)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "tracker.db")
	const rows = 40_000
	batch := func(round int) string {
		csv := filepath.Join(dir, fmt.Sprintf("batch%d.csv", round))
		var b strings.Builder
		b.WriteString("Company,Role,Status,Notes\n")
		for i := 0; i < rows; i++ {
			fmt.Fprintf(&b, "Batch%d Company %d,Engineer %d,applied,%s\n", round, i, i, strings.Repeat("note ", 20))
		}
		os.WriteFile(csv, []byte(b.String()), 0o600)
		return csv
	}
	// Count the changes one whole import makes to a scratch database, then kill later
	// imports after a share of that many: before any write, early, in the middle, and close
	// to the last commit. Counted, not timed, the kills follow the import's progress on a
	// busy machine as on an idle one.
	_, whole := importKilled(t, filepath.Join(dir, "scratch.db"), batch(99), -1)
	if whole == 0 {
		t.Fatal("a whole import was never seen writing to the database")
	}
	var kills []int
	for _, f := range []float64{0, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 0.95, 1} {
		kills = append(kills, int(math.Round(f*float64(whole))))
	}
	for round, after := range kills {
		finished, seen := importKilled(t, db, batch(round), after)

		s, err := tracker.Open(db, tracker.Options{})
		if err != nil {
			t.Fatalf("round %d (kill after %d changes): the database does not open: %v", round, seen, err)
		}
		if err := s.Check(); err != nil {
			t.Fatalf("round %d: bbolt's check fails: %v", round, err)
		}
		perBatch := map[string]int{}
		s.ForEach(false, func(o *tracker.Opportunity) error {
			perBatch[strings.SplitN(o.Company, " ", 2)[0]]++
			return nil
		})
		s.Close()
		for batch, n := range perBatch {
			if n != rows {
				t.Fatalf("round %d: %s has %d of %d rows: an import was half written", round, batch, n, rows)
			}
		}
		in := perBatch[fmt.Sprintf("Batch%d", round)] == rows
		if finished && !in {
			t.Fatalf("round %d: the import finished but its rows are missing", round)
		}
		t.Logf("round %d: killed after %d of about %d changes to the file, import %s; %d batches in the database",
			round, seen, whole, map[bool]string{true: "fully in", false: "fully out"}[in], len(perBatch))
	}
}
