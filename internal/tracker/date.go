package tracker

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day written YYYY-MM-DD, or "" when not set. Dates written this way
// sort as strings, which the list relies on.
type Date string

const dateLayout = "2006-01-02"

// ParseDate reads a day written YYYY-MM-DD or M/D/YYYY (US spreadsheets). Blank is no date.
func ParseDate(text string) (Date, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", nil
	}
	if t, err := time.Parse(dateLayout, text); err == nil {
		return DateOf(t), nil
	}
	if parts := strings.Split(text, "/"); len(parts) == 3 && len(parts[2]) == 4 {
		m, errM := strconv.Atoi(parts[0])
		d, errD := strconv.Atoi(parts[1])
		y, errY := strconv.Atoi(parts[2])
		if errM == nil && errD == nil && errY == nil && len(parts[0]) <= 2 && len(parts[1]) <= 2 {
			t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
			if t.Year() == y && int(t.Month()) == m && t.Day() == d {
				return DateOf(t), nil
			}
		}
	}
	return "", fmt.Errorf("%q is not a date: write it as YYYY-MM-DD or M/D/YYYY", text)
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
	return err == nil && DateOf(t) == d
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
