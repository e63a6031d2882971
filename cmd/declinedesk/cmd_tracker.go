package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/declinedesk/declinedesk/internal/csvio"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/fsutil"
	"github.com/declinedesk/declinedesk/internal/stage"
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
	var dates, mapping string
	name, s, err := e.fileCommand("import", args, "FILE.csv", func(fs *flag.FlagSet) {
		fs.BoolVar(&validOnly, "valid-only", false, "import the valid rows of a file that has bad ones")
		fs.StringVar(&dates, "dates", "", "how slash dates are written: dmy (31/12/2026) or mdy (12/31/2026)")
		fs.StringVar(&mapping, "map", "", `which field each column goes into, for a sheet whose columns are not recognised: "Their Column=field,Other=skip"`)
	})
	if err != nil {
		return err
	}
	defer s.Close()
	opts := csvio.Options{ValidOnly: validOnly}
	if dates != "" {
		if opts.Dates, err = day.ParseOrder(dates); err != nil {
			return usagef("%v", err)
		}
	}
	if mapping != "" {
		if opts.Mapping, err = csvio.ParseMapping(mapping); err != nil {
			return usagef("--map: %v", err)
		}
	}
	var file csvio.File = csvio.PathFile(name)
	if name == "-" {
		// Read twice — to check every row, then to import — from a copy.
		spilled, remove, err := csvio.SpillFile("standard input", e.stdin, 0)
		if err != nil {
			return err
		}
		defer remove()
		file = spilled
	}
	rep, err := csvio.Import(s, file, opts)
	var orderErr *csvio.DateOrderError
	var mapErr *csvio.MappingError
	var colErr *csvio.ColumnsError
	switch {
	case errors.As(err, &mapErr):
		return usagef("%s: --map: %v; nothing was imported", name, err)
	case errors.As(err, &colErr) && colErr.Mappable:
		return fmt.Errorf("%s: nothing was imported: %w; say which columns hold what with --map \"Their Column=company,Other Column=role,…\" (fields: %s)",
			name, err, strings.Join(mappableFieldNames(), ", "))
	case errors.Is(err, csvio.ErrBadRows):
		fmt.Fprint(e.stdout, rep.Summary())
		return fmt.Errorf("%w; fix them, or import the valid rows only with --valid-only", err)
	case errors.As(err, &orderErr):
		return usagef("%s: %v; nothing was imported. Say how the file writes dates: --dates dmy (day first) or --dates mdy (month first)", name, err)
	case err != nil:
		return fmt.Errorf("%s: nothing was imported: %w", name, err)
	}
	if _, err := io.WriteString(e.stdout, rep.Summary()); err != nil {
		// The rows are in: say so, or the user would import them again.
		return fmt.Errorf("imported %d opportunities from %s, but the report could not be written: %w", len(rep.Imported), name, err)
	}
	return nil
}

// mappableFieldNames are the field names --map takes.
func mappableFieldNames() []string {
	var out []string
	for _, f := range csvio.MappableFields() {
		out = append(out, f.Name)
	}
	return append(out, csvio.SkipColumn)
}

func runExport(e *env, args []string) error {
	var opts csvio.ExportOptions
	name, s, err := e.fileCommand("export", args, "FILE.csv (or - for standard output)", func(fs *flag.FlagSet) {
		fs.BoolVar(&opts.Raw, "raw", false, "write every cell as stored, without the leading ' that keeps spreadsheets from running formulas")
	})
	if err != nil {
		return err
	}
	defer s.Close()
	if name == "-" {
		_, err = csvio.Export(e.stdout, s, opts)
		return err
	}
	var n int
	err = fsutil.WriteOutput(name, 0o600, tracker.OutputGuard(s.Path()), func(w io.Writer) error {
		n, err = csvio.Export(w, s, opts)
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
	var only stage.Status
	if status != "" {
		if only, err = stage.Parse(status); err != nil {
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
	out, s, err := e.fileCommand("backup", args, "OUT.db (or - for standard output)", nil)
	if err != nil {
		return err
	}
	defer s.Close()
	if out == "-" {
		if err := s.WriteBackupTo(e.stdout); err != nil {
			return fmt.Errorf("no backup written: %w", err)
		}
		return nil
	}
	if err := s.WriteBackup(out); err != nil {
		return fmt.Errorf("no backup written: %w", err)
	}
	fmt.Fprintf(e.stderr, "backup written to %s\n", out)
	return nil
}
