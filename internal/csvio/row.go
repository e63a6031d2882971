package csvio

import (
	"errors"
	"fmt"
	"net/mail"
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
	cols  columns
	order day.Order // OrderUnknown: a date is good if it reads in either order
	own   bool      // the file is Decline Desk's spreadsheet-safe export
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
	get := func(name string) string {
		if i, ok := rr.cols.at[name]; ok && i < len(rec) {
			v := rec[i]
			if rr.own {
				v = unguard(v)
			}
			return strings.TrimSpace(v)
		}
		return ""
	}
	var reasons []string
	for _, f := range tracker.Fields() {
		if !f.Editable() || !rr.cols.has(f.Name) {
			continue
		}
		var err error
		if f.Kind == tracker.KindDay && rr.order == day.OrderUnknown {
			err = setDayEitherWay(f, &o, get(f.Name))
		} else {
			err = f.SetText(&o, get(f.Name), rr.order)
		}
		if err != nil && !(f.Required && get(f.Name) == "") {
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
	// "Jo Park <jo@acme.com>" in a contact column carries both name and address, in files
	// that have no email column of their own.
	if !rr.cols.has("contact_email") && strings.Contains(o.ContactName, "@") {
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
		v, err := parseTime(get(t.name), rr.order)
		if err != nil {
			return o, fmt.Sprintf("%s: %v", tracker.FieldLabel(t.name), err)
		}
		*t.to = v
	}
	h, err := ParseHistory(get("history"))
	if err != nil {
		return o, err.Error()
	}
	o.History = h
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

// parseTime reads a moment as the export writes it, or a day; years outside those the
// window can show are refused.
func parseTime(s string, order day.Order) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(timeLayout, s); err == nil {
		if t.Year() < day.MinYear || t.Year() > day.MaxYear {
			return time.Time{}, fmt.Errorf("%q is not a moment between %d and %d", s, day.MinYear, day.MaxYear)
		}
		return t.UTC(), nil
	}
	d, err := day.Parse(s, order)
	if err != nil && order == day.OrderUnknown {
		d, err = day.Parse(s, day.DayFirst)
	}
	if err != nil {
		if strings.Contains(err.Error(), "between") {
			return time.Time{}, err
		}
		return time.Time{}, fmt.Errorf("%q is not a date and time (expected 2026-11-25T09:30:00Z)", s)
	}
	return d.Time(), nil
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
