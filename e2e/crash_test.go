//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

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
	// Time one whole import into a scratch database, then kill later imports at points
	// spread over that time: early, in the middle, and close to the commit.
	start := time.Now()
	if out, err := exec.Command(*bin, "--db", filepath.Join(dir, "scratch.db"), "import", batch(99)).CombinedOutput(); err != nil {
		t.Fatalf("timing import: %v %s", err, out)
	}
	whole := time.Since(start)
	var kills []time.Duration
	for _, f := range []float64{0.1, 0.3, 0.5, 0.7, 0.85, 0.92, 0.97, 1.02} {
		kills = append(kills, time.Duration(f*float64(whole)))
	}
	for round, after := range kills {
		csv := batch(round)
		cmd := exec.Command(*bin, "--db", db, "import", csv)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		finished := false
		select {
		case err := <-done:
			finished = err == nil // the import beat the kill
		case <-time.After(after):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
		}

		s, err := tracker.Open(db, tracker.Options{})
		if err != nil {
			t.Fatalf("round %d (kill after %v): the database does not open: %v", round, after, err)
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
		t.Logf("round %d: killed after %v, import %s; %d batches in the database", round, after,
			map[bool]string{true: "fully in", false: "fully out"}[in], len(perBatch))
	}
}
