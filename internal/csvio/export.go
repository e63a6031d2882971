// Package csvio moves opportunities in and out of CSV files: our own export format, and
// the exports of spreadsheets and other job trackers.
package csvio

import (
	"encoding/csv"
	"io"
	"strings"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// Columns are the export's columns, in order: the fields of the field table.
func Columns() []string {
	var out []string
	for _, f := range tracker.Fields() {
		out = append(out, f.Name)
	}
	return out
}

// ExportOptions choose how cells are written.
type ExportOptions struct {
	// Raw writes every cell exactly as stored. By default a cell a spreadsheet would run as
	// a formula gets a leading ', which importing the file removes again.
	Raw bool
}

// Export writes every opportunity of s, with a header row, and returns how many it wrote.
// The spreadsheet-safe export quotes its first column's name, which every CSV reader
// reads as the same name: that is how an import tells it from a raw export, whose cells
// must come back exactly as they are.
func Export(w io.Writer, s Source, opts ExportOptions) (int, error) {
	cw := csv.NewWriter(w)
	cols := Columns()
	if !opts.Raw {
		if _, err := io.WriteString(w, `"`+cols[0]+`",`); err != nil {
			return 0, err
		}
		cols = cols[1:]
	}
	if err := cw.Write(cols); err != nil {
		return 0, err
	}
	n := 0
	err := s.ForEach(true, func(o *tracker.Opportunity) error {
		n++
		fields := Fields(o)
		if !opts.Raw {
			for i := range fields {
				fields[i] = guard(fields[i])
			}
		}
		return cw.Write(fields)
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}

// Source is what an export reads: every opportunity, with its history.
type Source interface {
	ForEach(withHistory bool, fn func(o *tracker.Opportunity) error) error
}

// Fields is o as the export writes it, one value per column of Columns.
func Fields(o *tracker.Opportunity) []string {
	var out []string
	for _, f := range tracker.Fields() {
		if f.Kind == tracker.KindHistory {
			out = append(out, FormatHistory(o.History))
			continue
		}
		out = append(out, f.TextOf(o))
	}
	return out
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

// FormatHistory writes events as "YYYY-MM-DD text; YYYY-MM-DD text". A ';' or '\' inside
// a text is escaped with '\' and a line break is written \n, so that ParseHistory can
// split the list again.
func FormatHistory(events []tracker.Event) string {
	parts := make([]string, len(events))
	for i, e := range events {
		parts[i] = string(day.Of(e.At.UTC())) + " " + historyEscaper.Replace(e.Describe())
	}
	return strings.Join(parts, "; ")
}

var historyEscaper = strings.NewReplacer(`\`, `\\`, `;`, `\;`, "\n", `\n`, "\r", `\r`)

// guard makes a cell safe to open in a spreadsheet: one that a spreadsheet would read as a
// formula (=, +, -, @, or a TAB or CR before one) gets a leading '. So does a cell that
// merely starts with ' before such a character, so that unguard can always undo guard.
func guard(s string) string {
	if needsGuard(s) {
		return "'" + s
	}
	return s
}

// unguard undoes guard, for files Decline Desk exported.
func unguard(s string) string {
	if rest, ok := strings.CutPrefix(s, "'"); ok && needsGuard(rest) {
		return rest
	}
	return s
}

func needsGuard(s string) bool {
	for len(s) > 0 && s[0] == '\'' {
		s = s[1:]
	}
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}
