package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/declinedesk/declinedesk/internal/csvio"
	"github.com/declinedesk/declinedesk/internal/fsutil"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// fileCommand parses the arguments of a command that takes one file and works on the
// database, and opens the database; the caller closes it.
func (e *env) fileCommand(cmd string, args []string, what string, define func(*flag.FlagSet)) (string, *tracker.BoltStore, error) {
	pos, err := e.flags(cmd, args, define)
	if err != nil {
		return "", nil, err
	}
	name, err := oneArg(pos, what)
	if err != nil {
		return "", nil, err
	}
	s, err := e.openStore()
	return name, s, err
}

func runImport(e *env, args []string) error {
	var validOnly bool
	name, s, err := e.fileCommand("import", args, "FILE.csv", func(fs *flag.FlagSet) {
		fs.BoolVar(&validOnly, "valid-only", false, "import the valid rows of a file that has bad ones")
	})
	if err != nil {
		return err
	}
	defer s.Close()
	in, err := e.open(name)
	if err != nil {
		return err
	}
	defer in.Close()
	rep, err := csvio.Import(s, in, csvio.Options{ValidOnly: validOnly})
	if errors.Is(err, csvio.ErrBadRows) {
		fmt.Fprint(e.stdout, rep.Summary())
		return fmt.Errorf("%w; fix them, or import the valid rows only with --valid-only", err)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	fmt.Fprint(e.stdout, rep.Summary())
	return nil
}

func runExport(e *env, args []string) error {
	name, s, err := e.fileCommand("export", args, "FILE.csv (or - for standard output)", nil)
	if err != nil {
		return err
	}
	defer s.Close()
	if name == "-" {
		_, err = csvio.Export(e.stdout, s)
		return err
	}
	var n int
	err = fsutil.WriteAtomic(name, 0o600, func(w io.Writer) error {
		n, err = csvio.Export(w, s)
		return err
	})
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", name, err)
	}
	fmt.Fprintf(e.stderr, "exported %d opportunities to %s\n", n, name)
	return nil
}

func runList(e *env, args []string) error {
	var status string
	var asJSON bool
	pos, err := e.flags("list", args, func(fs *flag.FlagSet) {
		fs.StringVar(&status, "status", "", "only this status")
		fs.BoolVar(&asJSON, "json", false, "print a JSON array")
	})
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected arguments: %s", strings.Join(pos, " "))
	}
	var only tracker.Status
	if status != "" {
		if only, err = tracker.ParseStatus(status); err != nil {
			return usagef("%v", err)
		}
	}
	s, err := e.openStore()
	if err != nil {
		return err
	}
	defer s.Close()
	var recs []csvio.JSONRecord
	var tw *tabwriter.Writer
	if !asJSON {
		tw = tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSTATUS\tCOMPANY\tROLE\tFOLLOW-UP")
	}
	err = s.ForEach(asJSON, func(o *tracker.Opportunity) error {
		if only != "" && o.Status != only {
			return nil
		}
		if asJSON {
			recs = append(recs, csvio.JSON(o))
			return nil
		}
		_, err := fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", o.ID, o.Status.Label(), o.Company, o.Role, o.FollowUpOn)
		return err
	})
	if err != nil {
		return err
	}
	if !asJSON {
		return tw.Flush()
	}
	if recs == nil {
		recs = []csvio.JSONRecord{}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(recs)
}

func runBackup(e *env, args []string) error {
	out, s, err := e.fileCommand("backup", args, "OUT.db", nil)
	if err != nil {
		return err
	}
	defer s.Close()
	if abs, _ := filepath.Abs(out); abs == mustAbs(s.Path()) {
		return usagef("the backup cannot replace the database itself")
	}
	if err := s.WriteBackup(out); err != nil {
		return fmt.Errorf("no backup written: %w", err)
	}
	fmt.Fprintf(e.stderr, "backup written to %s\n", out)
	return nil
}

func mustAbs(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return abs
}
