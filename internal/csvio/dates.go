package csvio

import (
	"fmt"
	"strings"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
)

// DateOrderError says that the file's dates could be read day first or month first, and
// the file does not tell which: the user must.
type DateOrderError struct {
	Text string // a date that reads both ways
	Line int
}

func (e *DateOrderError) Error() string {
	mdy, _ := day.Parse(e.Text, day.MonthFirst)
	dmy, _ := day.Parse(e.Text, day.DayFirst)
	return fmt.Sprintf("cannot tell whether the dates are written day first or month first: %q on line %d could be %s or %s",
		e.Text, e.Line, mdy.Time().Format("January 2, 2006"), dmy.Time().Format("2 January 2006"))
}

// MixedDatesError says that some dates of the file can only be day first and others only
// month first: one of them is a mistake, and no reading is safe.
type MixedDatesError struct {
	DayFirst, MonthFirst         string
	DayFirstLine, MonthFirstLine int
}

func (e *MixedDatesError) Error() string {
	return fmt.Sprintf("the file writes dates two ways: %q on line %d can only be day first, %q on line %d can only be month first; correct the file and import it again",
		e.DayFirst, e.DayFirstLine, e.MonthFirst, e.MonthFirstLine)
}

// orderEvidence gathers, row by row, what the dates of a file say about how its slash
// dates are written. A day over 12 in first place, or a dotted date, says day first; a day
// over 12 in second place says month first. One order holds for the whole file, never
// one per row.
type orderEvidence struct {
	day, month, unsure *seenDate
}

type seenDate struct {
	text string
	line int
}

// add looks at the date cells of one record.
func (ev *orderEvidence) add(rec []string, line int, l *layout) {
	short := l.format != nil && l.format.ShortYears
	exact := l.format != nil && l.format.own
	for _, i := range l.days {
		if i >= len(rec) {
			continue
		}
		v := strings.TrimSpace(rec[i])
		if _, err := time.Parse(time.RFC3339, v); v == "" || err == nil {
			continue
		}
		if !exact {
			v = dayText(v, short)
		}
		order, ambiguous := day.Evidence(v)
		switch {
		case order == day.DayFirst && ev.day == nil:
			ev.day = &seenDate{v, line}
		case order == day.MonthFirst && ev.month == nil:
			ev.month = &seenDate{v, line}
		case ambiguous && ev.unsure == nil:
			ev.unsure = &seenDate{v, line}
		}
	}
}

// order is what the evidence says: the order, or why none can be chosen.
func (ev *orderEvidence) order() (day.Order, error) {
	switch {
	case ev.day != nil && ev.month != nil:
		return day.OrderUnknown, &MixedDatesError{DayFirst: ev.day.text, DayFirstLine: ev.day.line, MonthFirst: ev.month.text, MonthFirstLine: ev.month.line}
	case ev.day != nil:
		return day.DayFirst, nil
	case ev.month != nil:
		return day.MonthFirst, nil
	case ev.unsure != nil:
		return day.OrderUnknown, &DateOrderError{Text: ev.unsure.text, Line: ev.unsure.line}
	}
	return day.MonthFirst, nil // no slash date that reads two ways: either order gives the same days
}
