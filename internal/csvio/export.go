// Package csvio moves opportunities in and out of CSV files: our own export format, and
// the exports of spreadsheets and other job trackers.
package csvio

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// Columns are the export's columns, in order.
var Columns = []string{"id", "company", "role", "location", "status", "contact_name", "contact_email",
	"source", "url", "applied_on", "invited_on", "interview_on", "responded_on", "follow_up_on",
	"tags", "notes", "created_at", "updated_at", "history"}

// timeLayout writes created_at and updated_at; import reads it back exactly.
const timeLayout = time.RFC3339

// ExportOptions choose how cells are written.
type ExportOptions struct {
	// Raw writes every cell exactly as stored. By default a cell a spreadsheet would run as
	// a formula gets a leading ', which importing the file removes again.
	Raw bool
}

// Export writes every opportunity of s, with a header row, and returns how many it wrote.
func Export(w io.Writer, s tracker.Store, opts ExportOptions) (int, error) {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
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

// Fields is o as the export writes it, one value per column of Columns.
func Fields(o *tracker.Opportunity) []string {
	return []string{
		strconv.FormatUint(o.ID, 10), o.Company, o.Role, o.Location, string(o.Status),
		o.ContactName, o.ContactEmail, o.Source, o.URL,
		string(o.AppliedOn), string(o.InvitedOn), string(o.InterviewOn), string(o.RespondedOn), string(o.FollowUpOn),
		strings.Join(o.Tags, ";"), o.Notes, formatTime(o.CreatedAt), formatTime(o.UpdatedAt), FormatHistory(o.History),
	}
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
		parts[i] = string(tracker.DateOf(e.At.UTC())) + " " + historyEscaper.Replace(e.Text)
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
