package csvio

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// HeaderKey is a column name as it is matched: lowercase, with _ - . : / ? * # ( ) and
// runs of spaces turned into one space, and words written together in camel case taken
// apart ("jobTitle" is "job title", "Employer name?" is "employer name").
func HeaderKey(h string) string {
	var b strings.Builder
	b.Grow(len(h) + 4)
	var prev rune
	for _, r := range h {
		switch r {
		case '_', '-', '.', ':', '/', '?', '*', '#', '(', ')':
			r = ' '
		}
		if unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)) {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
		prev = r
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// headerFields maps every name a column of a field goes by — its own name, its label and
// its aliases from the field table, in HeaderKey form — to the field.
var headerFields = func() map[string]tracker.Field {
	m := map[string]tracker.Field{}
	for _, f := range tracker.Fields() {
		for _, name := range append([]string{f.Name, f.Label}, f.Aliases...) {
			if _, taken := m[HeaderKey(name)]; !taken {
				m[HeaderKey(name)] = f
			}
		}
	}
	return m
}()

// The readings of a column that are not one field: other trackers write several values,
// or values that only mean something together with another column.
const (
	readContacts     = "contacts"      // "Name <email>", one a line or separated by ';'
	readStageHistory = "stage_history" // "Applied (2026-08-03) → Interview (2026-08-12)"
	readClosedReason = "closed_reason" // why a closed application closed: it says the status
	readSkip         = "skip"          // not read
)

// column is one column of a file and what is read from it.
type column struct {
	index  int
	header string // as written, for messages and labelled notes
	read   string // a field name or one of the readings above
	field  int    // the field's position in the field table, when read is a field
	// values are cells with a meaning of their own in this column (Format.Values).
	values map[string]string
	// labelled: a notes column other than the notes themselves ("Salary"); its value goes
	// into the notes as "Salary: value".
	labelled bool
	mapped   bool // read as a person's mapping says
}

// layout says how the columns of one file are read.
type layout struct {
	format  *Format
	cols    []column       // the columns read, in file order
	at      map[string]int // field (or reading) → column index, for the ones read once
	ignored []string       // the columns nothing reads
	days    []int          // the columns holding dates or moments
}

// has reports whether the file has a column read into the field or reading.
func (l *layout) has(name string) bool {
	_, ok := l.at[name]
	return ok
}

// plainTarget reports whether a column read into target is read once: a second column
// for it would be ambiguous. Notes and tags take several.
func plainTarget(target string) bool {
	return target != "notes" && target != "tags" && target != readSkip
}

// newLayout reads the header: the format's own columns first, then the user's mapping
// (by HeaderKey), then the field table's aliases.
func newLayout(header []string, f *Format, m Mapping) (*layout, error) {
	l := &layout{format: f, at: map[string]int{}}
	seen := map[string]int{}
	for i, h := range header {
		key := HeaderKey(h)
		target, ok := "", false
		if t, given := m[key]; given {
			target, ok = t, true
		} else if f != nil {
			target, ok = f.Columns[key]
		}
		if !ok {
			if fl, known := headerFields[key]; known {
				target = fl.Name
			} else {
				target = readSkip
			}
		}
		if key != "" {
			if j, twice := seen[key]; twice && target != readSkip {
				return nil, &HeaderError{Reason: fmt.Sprintf("the column %q appears twice (columns %d and %d), so which one to read cannot be told: rename or delete one",
					shorten(printable(h)), j+1, i+1)}
			}
			seen[key] = i
		}
		if target == readSkip || target == "" {
			if strings.TrimSpace(h) != "" {
				l.ignored = append(l.ignored, printable(h))
			}
			continue
		}
		if plainTarget(target) {
			if _, taken := l.at[target]; taken {
				if _, mapped := m[key]; mapped {
					return nil, &HeaderError{Reason: fmt.Sprintf("two columns are read into %s: %q and %q; choose one",
						targetLabel(target), shorten(printable(header[l.at[target]])), shorten(printable(h)))}
				}
				// A second column an alias names (Company and Employer): the first is read.
				l.ignored = append(l.ignored, printable(h))
				continue
			}
			l.at[target] = i
		}
		c := column{index: i, header: printable(h), read: target, field: -1}
		if fi, ok := fieldIndex[target]; ok {
			c.field = fi
		} else if target != readContacts && target != readStageHistory && target != readClosedReason {
			return nil, &HeaderError{Reason: fmt.Sprintf("the column %q is to be read into %q, which is no field", shorten(printable(h)), target)}
		}
		if f != nil {
			c.values = f.Values[key]
		}
		if target == "notes" {
			fl, isNotes := headerFields[key]
			c.labelled = !isNotes || fl.Name != "notes"
		}
		if fl, ok := tracker.FieldNamed(target); ok && (fl.Kind == tracker.KindDay || fl.Kind == tracker.KindStamp) {
			l.days = append(l.days, i)
		}
		c.mapped = m[key] != ""
		l.cols = append(l.cols, c)
	}
	// The one notes column a person chose holds their notes: no label is needed to tell it
	// from others.
	var notes []int
	for i, c := range l.cols {
		if c.read == "notes" {
			notes = append(notes, i)
		}
	}
	if len(notes) == 1 && l.cols[notes[0]].mapped {
		l.cols[notes[0]].labelled = false
	}
	return l, nil
}

// targetLabel names a field or reading as the window does.
func targetLabel(target string) string {
	switch target {
	case readContacts:
		return "the contacts"
	case readStageHistory:
		return "the stage history"
	case readClosedReason:
		return "the closed reason"
	}
	return "the " + strings.ToLower(tracker.FieldLabel(target))
}

// HeaderError is a header that cannot be read: line 1 of the file.
type HeaderError struct{ Reason string }

func (e *HeaderError) Error() string { return "line 1: " + e.Reason }

// Unwrap makes a header error a file that is not a CSV file of opportunities.
func (e *HeaderError) Unwrap() error { return ErrNotCSV }

// ColumnsError is a header in which no company or no role column can be found, by name
// or by format: the columns must be matched by hand (a mapping).
type ColumnsError struct {
	Missing tracker.Field // the first required field without a column
	Header  []string
	// Mappable is false for a header that is not text a person wrote — binary, control
	// characters —, which no mapping can help.
	Mappable bool
}

func (e *ColumnsError) Error() string {
	f := e.Missing
	return fmt.Sprintf("%v: no %s column (also accepted: %s) (found: %s)", ErrNotCSV, f.Label,
		strings.Join(titled(f.Aliases[:min(3, len(f.Aliases))]), ", "), shorten(printable(strings.Join(e.Header, ", "))))
}

// Unwrap makes a missing column a file that is not a CSV file of opportunities.
func (e *ColumnsError) Unwrap() error { return ErrNotCSV }

// require refuses a layout without the columns every opportunity needs.
func (l *layout) require(header []string) error {
	for _, f := range tracker.Fields() {
		if f.Required && !l.has(f.Name) {
			return &ColumnsError{Missing: f, Header: header, Mappable: mappable(header)}
		}
	}
	return nil
}

// mappable reports whether a header is text a person could match to fields.
func mappable(header []string) bool {
	for _, h := range header {
		if !utf8.ValidString(h) {
			return false
		}
		for _, r := range h {
			if unicode.IsControl(r) || r == unicode.ReplacementChar {
				return false
			}
		}
	}
	return len(header) > 0
}

// titled writes header keys as people write column names: "Job Title".
func titled(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		words := strings.Fields(k)
		for j, w := range words {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			words[j] = string(r)
		}
		out[i] = strings.Join(words, " ")
	}
	return out
}

// printable drops the control characters and invalid bytes a message must not show.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
