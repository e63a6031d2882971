package csvio

import (
	"fmt"
	"time"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// dateColumns are the columns whose values may be written with slashes.
var dateColumns = []string{"applied_on", "invited_on", "interview_on", "responded_on", "follow_up_on", "created_at", "updated_at"}

// DateOrderError says that the file's dates could be read day first or month first, and
// the file does not tell which: the user must.
type DateOrderError struct {
	Text string // a date that reads both ways
	Line int
}

func (e *DateOrderError) Error() string {
	mdy, _ := tracker.ParseDateIn(e.Text, tracker.MonthFirst)
	dmy, _ := tracker.ParseDateIn(e.Text, tracker.DayFirst)
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

// dateOrderOf tells from every date in the file how its slash dates are written. A day
// over 12 in first place, or a dotted date, says day first; a day over 12 in second place
// says month first. One order holds for the whole file, never one per row.
func dateOrderOf(recs []record, cols map[string]int) (tracker.DateOrder, error) {
	var day, month, unsure *struct {
		text string
		line int
	}
	for _, r := range recs {
		for _, name := range dateColumns {
			i, ok := cols[name]
			if !ok || i >= len(r.fields) {
				continue
			}
			v := r.fields[i]
			if _, err := time.Parse(time.RFC3339, v); err == nil {
				continue
			}
			order, ambiguous := tracker.OrderEvidence(v)
			seen := &struct {
				text string
				line int
			}{v, r.line}
			switch {
			case order == tracker.DayFirst && day == nil:
				day = seen
			case order == tracker.MonthFirst && month == nil:
				month = seen
			case ambiguous && unsure == nil:
				unsure = seen
			}
		}
	}
	switch {
	case day != nil && month != nil:
		return tracker.OrderUnknown, &MixedDatesError{DayFirst: day.text, DayFirstLine: day.line, MonthFirst: month.text, MonthFirstLine: month.line}
	case day != nil:
		return tracker.DayFirst, nil
	case month != nil:
		return tracker.MonthFirst, nil
	case unsure != nil:
		return tracker.OrderUnknown, &DateOrderError{Text: unsure.text, Line: unsure.line}
	}
	return tracker.MonthFirst, nil // no slash date that reads two ways: either order gives the same days
}
