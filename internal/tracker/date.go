package tracker

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/declinedesk/declinedesk/internal/field"
)

// Date is a calendar day written YYYY-MM-DD, or "" when not set. Dates written this way
// sort as strings, which the list relies on.
type Date string

const dateLayout = "2006-01-02"

// The years a date may fall in: anything else is a typing or export mistake, and the list
// packs days into a small number.
const (
	MinYear = field.MinYear
	MaxYear = field.MaxYear
)

// DateOrder says how a date written with slashes or dots is read.
type DateOrder int

// The orders: unknown, month first as in the US (3/7/2026 is March 7), day first as in
// most of the world (3/7/2026 is 3 July; dotted dates are always day first).
const (
	OrderUnknown DateOrder = iota
	MonthFirst
	DayFirst
)

// ParseDateOrder reads the flag values "mdy" and "dmy".
func ParseDateOrder(s string) (DateOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "mdy":
		return MonthFirst, nil
	case "dmy":
		return DayFirst, nil
	}
	return OrderUnknown, fmt.Errorf("%q is not a date order: use mdy (month first, 12/31/2026) or dmy (day first, 31/12/2026)", s)
}

// ParseDate reads a day written YYYY-MM-DD or M/D/YYYY (US spreadsheets). Blank is no date.
func ParseDate(text string) (Date, error) { return ParseDateIn(text, MonthFirst) }

// ParseDateIn reads a day written YYYY-MM-DD, or with slashes in the given order (D.M.YYYY
// too, when day first). Blank is no date. Years outside MinYear–MaxYear are refused.
func ParseDateIn(text string, order DateOrder) (Date, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", nil
	}
	if t, err := time.Parse(dateLayout, text); err == nil {
		return inRange(text, t)
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

func inRange(text string, t time.Time) (Date, error) {
	if t.Year() < MinYear || t.Year() > MaxYear {
		return "", fmt.Errorf("%q is not a date between %d and %d", text, MinYear, MaxYear)
	}
	return DateOf(t), nil
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

// OrderEvidence says what a written date tells about the order of its numbers: DayFirst
// for a dotted date or one whose first number cannot be a month, MonthFirst when the second
// cannot be, OrderUnknown when either reading works (or it is no such date at all).
// ambiguous is true when the two readings give different days.
func OrderEvidence(text string) (order DateOrder, ambiguous bool) {
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

// DateOf is the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	return Date(t.Format(dateLayout))
}

// Time is midnight UTC of the day; the zero time for no date.
func (d Date) Time() time.Time {
	t, err := time.Parse(dateLayout, string(d))
	if err != nil {
		return time.Time{}
	}
	return t
}

// IsZero reports whether no date is set.
func (d Date) IsZero() bool { return d == "" }

// Valid reports whether d is blank or a real YYYY-MM-DD day.
func (d Date) Valid() bool {
	if d == "" {
		return true
	}
	t, err := time.Parse(dateLayout, string(d))
	return err == nil && DateOf(t) == d && t.Year() >= MinYear && t.Year() <= MaxYear
}

// AddDays is the day n days after d (before, when n is negative).
func (d Date) AddDays(n int) Date {
	if d == "" {
		return ""
	}
	return DateOf(d.Time().AddDate(0, 0, n))
}

// DaysSince counts whole days from d to today; negative when d is in the future.
func (d Date) DaysSince(today Date) int {
	if d == "" || today == "" {
		return 0
	}
	return int(today.Time().Sub(d.Time()).Hours() / 24)
}
