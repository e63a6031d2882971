package csvio

import (
	"errors"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// LineError is a row that cannot be imported, with its line in the file.
type LineError struct {
	Line   int
	Reason string
}

func (e LineError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// Row is a record read from the file and the line it starts on.
type Row struct {
	Line        int
	Opportunity tracker.Opportunity
}

// rowReader turns the records of one file into opportunities.
type rowReader struct {
	l     *layout
	order day.Order // OrderUnknown: a date is good if it reads in either order
	own   bool      // the file is Decline Desk's spreadsheet-safe export
}

// fieldIndex is the position of each field in the field table.
var fieldIndex = func() map[string]int {
	m := map[string]int{}
	for i, f := range tracker.Fields() {
		m[f.Name] = i
	}
	return m
}()

// nFields bounds how many fields the field table has: a row's values are kept in arrays
// of this size, which cost no allocation.
const nFields = 32

func init() {
	if len(tracker.Fields()) > nFields {
		panic("csvio: the field table has more fields than nFields")
	}
}

// errClosedWithoutReason: a closed stage without a reason says nothing about the outcome.
var errClosedWithoutReason = errors.New("closed, but no closed reason says how: fill in the Closed Reason (" + reasonWords() + ")")

// closedReasonError is a closed reason import does not know.
type closedReasonError struct{ reason string }

func (e *closedReasonError) Error() string {
	return fmt.Sprintf("closed for the reason %q, which Decline Desk does not know: use one of %s", e.reason, reasonWords())
}

// reasonWords lists the closed reasons the formats know.
func reasonWords() string {
	var words []string
	for _, f := range formats {
		for w := range f.Reasons {
			if !slices.Contains(words, w) {
				words = append(words, w)
			}
		}
	}
	slices.Sort(words)
	return strings.Join(words, ", ")
}

// opportunity turns one record into an opportunity, or says what is wrong with it.
func (rr rowReader) opportunity(rec []string) (tracker.Opportunity, string) {
	var o tracker.Opportunity
	for _, f := range rec {
		if !utf8.ValidString(f) {
			return o, "the text is not UTF-8; save the file as “CSV UTF-8” and import it again"
		}
		if strings.IndexByte(f, 0) >= 0 {
			return o, "a cell holds a NUL character, which is not text; correct the file and import it again"
		}
	}
	format := rr.l.format
	exact := format != nil && format.own
	short := format != nil && format.ShortYears

	var vals [nFields]string
	var has [nFields]bool
	// The notes, then other columns' values "Salary: 60k"; the tags of each tags column.
	// Most files have one column of each: the arrays keep them off the heap.
	var notesBuf, labelledBuf, tagsBuf [2]string
	notes, labelled, tags := notesBuf[:0], labelledBuf[:0], tagsBuf[:0]
	var contacts []contact
	var stages, reason string
	hasNotes, hasTags := false, false
	var reasons []string
	for _, c := range rr.l.cols {
		v := ""
		if c.index < len(rec) {
			v = rec[c.index]
			if rr.own {
				v = unguard(v)
			}
			v = strings.TrimSpace(v)
			if !exact {
				v = c.meaning(v)
			}
		}
		switch c.read {
		case "notes":
			hasNotes = true
			switch {
			case v == "":
			case c.labelled:
				labelled = append(labelled, c.header+": "+v)
			default:
				notes = append(notes, v)
			}
		case "tags":
			hasTags = true
			if exact || !strings.HasPrefix(v, "[") {
				tags = append(tags, v) // separated by ';' or ',', as the field reads them
				continue
			}
			t, err := splitTags(v)
			if err != nil {
				reasons = append(reasons, tracker.FieldLabel("tags")+": "+err.Error())
			}
			tags = append(tags, strings.Join(t, ";"))
		case readContacts:
			contacts = splitContacts(v)
		case readStageHistory:
			stages = v
		case readClosedReason:
			reason = v
		default:
			vals[c.field], has[c.field] = v, true
		}
	}
	if format != nil {
		for name, v := range format.Fixed {
			if i := fieldIndex[name]; vals[i] == "" {
				vals[i], has[i] = v, true
			}
		}
	}
	for i, f := range tracker.Fields() {
		if !f.Editable() {
			continue
		}
		v := vals[i]
		var err error
		switch {
		case f.Kind == tracker.KindLongText && f.Name == "notes":
			if !hasNotes {
				continue
			}
			v = strings.Join(append(notes, labelled...), "\n")
			err = f.SetText(&o, v, rr.order)
		case f.Kind == tracker.KindTags:
			if !hasTags {
				continue
			}
			v = strings.Join(tags, ";")
			err = f.SetText(&o, v, rr.order)
		case !has[i]:
			continue
		case f.Kind == tracker.KindStatus:
			if v != "" {
				o.Status, err = format.status(v, reason)
			}
		case f.Kind == tracker.KindDay:
			if !exact {
				v = dayText(v, short)
			}
			if rr.order == day.OrderUnknown {
				err = setDayEitherWay(f, &o, v)
			} else {
				err = f.SetText(&o, v, rr.order)
			}
		default:
			err = f.SetText(&o, v, rr.order)
		}
		if err != nil && !(f.Required && v == "") {
			reasons = append(reasons, f.Label+": "+err.Error())
		}
	}
	if o.Company == "" {
		return o, "the company is missing"
	}
	if o.Role == "" {
		return o, "the role is missing"
	}
	if len(reasons) > 0 {
		return o, strings.Join(reasons, "; ")
	}
	switch {
	case len(contacts) > 0:
		// The first contact is the record's; the others, and what is said of the first,
		// stay in the notes.
		first := contacts[0]
		if o.ContactName == "" && o.ContactEmail == "" {
			o.ContactName, o.ContactEmail = first.Name, first.Email
		}
		var more []string
		if first.Details != "" {
			more = append(more, first.Name+": "+first.Details)
		}
		if len(contacts) > 1 {
			others := make([]string, len(contacts)-1)
			for i, c := range contacts[1:] {
				others[i] = c.String()
			}
			more = append(more, "Other contacts: "+strings.Join(others, "; "))
		}
		if len(more) > 0 {
			o.Notes = strings.TrimSpace(strings.Join(append([]string{o.Notes}, more...), "\n"))
		}
	case !rr.l.has("contact_email") && strings.Contains(o.ContactName, "@"):
		// "Jo Park <jo@acme.com>" in a contact column carries both name and address, in
		// files that have no email column of their own.
		if a, err := mail.ParseAddress(o.ContactName); err == nil {
			o.ContactName, o.ContactEmail = a.Name, a.Address
		}
	}
	if o.Status == "" && o.AppliedOn != "" {
		o.Status = stage.Applied // a tracker row with an application date but no stage
	}
	for _, t := range []struct {
		name string
		to   *time.Time
	}{{"created_at", &o.CreatedAt}, {"updated_at", &o.UpdatedAt}} {
		v, err := parseMoment(vals[fieldIndex[t.name]], rr.order, short)
		if err != nil {
			return o, fmt.Sprintf("%s: %v", tracker.FieldLabel(t.name), err)
		}
		*t.to = v
	}
	if i := fieldIndex["history"]; has[i] {
		h, err := ParseHistory(vals[i])
		if err != nil {
			return o, err.Error()
		}
		o.History = h
	}
	if format != nil && !format.own {
		// The record says first where it came from; the store dates the event.
		o.History = append(o.History, importedStage(time.Time{}, "", format.Name))
	}
	if stages != "" {
		steps, err := splitStages(stages, rr.order, short)
		if err != nil {
			return o, "Stage history: " + err.Error()
		}
		for _, s := range steps {
			o.History = append(o.History, importedStage(s.Day.Time(), s.Name, format.tool()))
		}
	}
	o.Normalize()
	if errs := o.FieldErrors(); len(errs) > 0 {
		reasons := make([]string, len(errs))
		for i, err := range errs {
			reasons[i] = err.Error()
			var fe *tracker.FieldError
			if errors.As(err, &fe) {
				reasons[i] = tracker.FieldLabel(fe.Field) + ": " + fe.Message
			}
		}
		return o, strings.Join(reasons, "; ")
	}
	return o, ""
}

// meaning is what a cell of the column says: nothing, for the marks other trackers write
// in an empty cell, or what the format's Values say the cell means in this column.
func (c column) meaning(v string) string {
	if c.values != nil {
		if m, ok := c.values[strings.ToLower(v)]; ok {
			return m
		}
	}
	for _, e := range emptyCells {
		if strings.EqualFold(v, e) {
			return ""
		}
	}
	return v
}

// tool names the tracker a format comes from.
func (f *Format) tool() string {
	if f == nil {
		return "another tracker"
	}
	if f.Tool != "" {
		return f.Tool
	}
	return f.Name
}

// setDayEitherWay sets a day that reads month first or, failing that, day first: for a
// first look at a file whose date order is not known yet.
func setDayEitherWay(f tracker.Field, o *tracker.Opportunity, text string) error {
	err := f.SetText(o, text, day.MonthFirst)
	if err != nil && f.SetText(o, text, day.DayFirst) == nil {
		return nil
	}
	return err
}

// timeLayout writes created_at and updated_at; import reads it back exactly.
const timeLayout = time.RFC3339

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
