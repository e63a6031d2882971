// Package day is the one home of calendar days in Decline Desk: the type every record,
// letter and checklist uses, the parsers for each way people write a day, and the one place
// that writes a day for people to read.
package day

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Day is a calendar day written YYYY-MM-DD, or "" when not set. Days written this way sort
// as strings, which the list relies on.
type Day string

const dateLayout = "2006-01-02"

// The years a date may fall in: anything else is a typing or export mistake, and the list
// packs days into a small number.
const (
	MinYear = 1900
	MaxYear = 2999
)

// Order says how a day written with slashes or dots is read.
type Order int

// The orders: unknown, month first as in the US (3/7/2026 is March 7), day first as in
// most of the world (3/7/2026 is 3 July; dotted dates are always day first).
const (
	OrderUnknown Order = iota
	MonthFirst
	DayFirst
)

// ParseOrder reads the flag values "mdy" and "dmy".
func ParseOrder(s string) (Order, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "mdy":
		return MonthFirst, nil
	case "dmy":
		return DayFirst, nil
	}
	return OrderUnknown, fmt.Errorf("%q is not a date order: use mdy (month first, 12/31/2026) or dmy (day first, 31/12/2026)", s)
}

// Parse reads a day written YYYY-MM-DD, or with slashes in the given order (D.M.YYYY
// too, when day first). Blank is no date. Years outside MinYear–MaxYear are refused.
func Parse(text string, order Order) (Day, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", nil
	}
	if t, err := time.Parse(dateLayout, text); err == nil {
		return inRange(text, t)
	}
	if order == OrderUnknown {
		// Nobody said how days are written: take a day only when it reads one way.
		if evidence, ambiguous := Evidence(text); ambiguous {
			mdy, _ := Parse(text, MonthFirst)
			dmy, _ := Parse(text, DayFirst)
			return "", fmt.Errorf("%q could be %s or %s: write it as YYYY-MM-DD", text, mdy.Format(MonthDayYear), dmy.Format(DayMonthYear))
		} else if evidence != OrderUnknown {
			order = evidence
		} else {
			order = MonthFirst // both readings give the same day, or it is no such date
		}
	}
	if a, b, y, sep, ok := splitNumericDate(text); ok && (sep == '/' || order == DayFirst) {
		m, d := a, b
		if order == DayFirst {
			m, d = b, a
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Year() == y && int(t.Month()) == m && t.Day() == d {
			return inRange(text, t)
		}
	}
	if order == DayFirst {
		return "", fmt.Errorf("%q is not a date: write it as YYYY-MM-DD or D/M/YYYY", text)
	}
	return "", fmt.Errorf("%q is not a date: write it as YYYY-MM-DD or M/D/YYYY", text)
}

func inRange(text string, t time.Time) (Day, error) {
	if t.Year() < MinYear || t.Year() > MaxYear {
		return "", fmt.Errorf("%q is not a date between %d and %d", text, MinYear, MaxYear)
	}
	return Of(t), nil
}

// splitNumericDate splits "A/B/YYYY" or "A.B.YYYY" (A and B of one or two digits).
func splitNumericDate(text string) (a, b, y int, sep byte, ok bool) {
	for _, sep = range []byte{'/', '.'} {
		parts := strings.Split(text, string(sep))
		if len(parts) != 3 || len(parts[2]) != 4 || len(parts[0]) > 2 || len(parts[1]) > 2 {
			continue
		}
		var errA, errB, errY error
		a, errA = strconv.Atoi(parts[0])
		b, errB = strconv.Atoi(parts[1])
		y, errY = strconv.Atoi(parts[2])
		if errA == nil && errB == nil && errY == nil && a >= 0 && b >= 0 {
			return a, b, y, sep, true
		}
	}
	return 0, 0, 0, 0, false
}

// Evidence says what a written date tells about the order of its numbers: DayFirst
// for a dotted date or one whose first number cannot be a month, MonthFirst when the second
// cannot be, OrderUnknown when either reading works (or it is no such date at all).
// ambiguous is true when the two readings give different days.
func Evidence(text string) (order Order, ambiguous bool) {
	a, b, _, sep, ok := splitNumericDate(strings.TrimSpace(text))
	switch {
	case !ok:
		return OrderUnknown, false
	case sep == '.' || (a > 12 && b <= 12):
		return DayFirst, false
	case b > 12 && a <= 12:
		return MonthFirst, false
	}
	return OrderUnknown, a != b
}

// Of is the calendar day of t in t's own location.
func Of(t time.Time) Day {
	return Day(t.Format(dateLayout))
}

// Time is midnight UTC of the day; the zero time for no date.
func (d Day) Time() time.Time {
	t, err := time.Parse(dateLayout, string(d))
	if err != nil {
		return time.Time{}
	}
	return t
}

// IsZero reports whether no date is set.
func (d Day) IsZero() bool { return d == "" }

// Valid reports whether d is blank or a real YYYY-MM-DD day.
func (d Day) Valid() bool {
	if d == "" {
		return true
	}
	t, err := time.Parse(dateLayout, string(d))
	return err == nil && Of(t) == d && t.Year() >= MinYear && t.Year() <= MaxYear
}

// AddDays is the day n days after d (before, when n is negative).
func (d Day) AddDays(n int) Day {
	if d == "" {
		return ""
	}
	return Of(d.Time().AddDate(0, 0, n))
}

// DaysSince counts whole days from d to today; negative when d is in the future.
func (d Day) DaysSince(today Day) int {
	if d == "" || today == "" {
		return 0
	}
	return int(today.Time().Sub(d.Time()).Hours() / 24)
}

// Check accepts a day written YYYY-MM-DD between MinYear and MaxYear.
func Check(s string) error {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return fmt.Errorf("%q is not a date: write it as YYYY-MM-DD", s)
	}
	if t.Year() < MinYear || t.Year() > MaxYear {
		return fmt.Errorf("%q is not a date between %d and %d", s, MinYear, MaxYear)
	}
	return nil
}

// Style is a way of writing a day for people to read.
type Style int

// The styles. Months are written by name, so that no reader takes a day for a month.
const (
	Short        Style = iota // in lists, details and forms: "Tue 1 Dec 2026"
	Long                      // in sentences: "Tuesday, December 1, 2026"
	LongNoYear                // in a letter, of a day this year or next: "Tuesday, December 1"
	MonthDay                  // "December 1"
	MonthDayYear              // read month first: "December 1, 2026"
	DayMonthYear              // read day first: "1 December 2026"
)

var layouts = map[Style]string{
	Short:        "Mon 2 Jan 2006",
	Long:         "Monday, January 2, 2006",
	LongNoYear:   "Monday, January 2",
	MonthDay:     "January 2",
	MonthDayYear: "January 2, 2006",
	DayMonthYear: "2 January 2006",
}

// Format writes d for people in style s: the one place days are written for reading. No
// day writes as "".
func (d Day) Format(s Style) string {
	if d == "" {
		return ""
	}
	t := d.Time()
	if t.IsZero() {
		return string(d)
	}
	return t.Format(layouts[s])
}
