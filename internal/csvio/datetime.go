package csvio

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
)

// Other trackers write moments where we keep days, and days in more ways than
// day.Parse reads: ISO 8601 date-times (2026-10-01T09:30:00.000Z, with or
// without an offset), "2026-10-01 09:30:00", and LinkedIn's "10/14/26, 2:22 PM". This file
// turns them into what the field table reads.

// splitMoment splits a written moment into its day and its time of day: at a "T" or a
// space after an ISO day, at a comma or a space after a slash day. rest is "" for a day
// alone.
func splitMoment(text string) (date, rest string) {
	text = strings.TrimSpace(text)
	if len(text) > 10 && isISODay(text[:10]) && (text[10] == 'T' || text[10] == ' ') {
		return text[:10], strings.TrimSpace(text[11:])
	}
	if i := strings.IndexAny(text, ", "); i > 0 && strings.Count(text[:i], "/") == 2 {
		return text[:i], strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text[i:]), ","))
	}
	return text, ""
}

func isISODay(s string) bool {
	for i := 0; i < len(s); i++ {
		switch {
		case i == 4 || i == 7:
			if s[i] != '-' {
				return false
			}
		case s[i] < '0' || s[i] > '9':
			return false
		}
	}
	return len(s) == 10
}

// clockLayouts are the times of day a moment may carry after its day.
var clockLayouts = []string{"15:04:05", "15:04", "3:04 PM", "3:04PM", "3:04:05 PM", "15:04:05.999999999"}

// clockOf reads a time of day: hours, minutes and seconds since midnight, or false.
func clockOf(text string) (time.Duration, bool) {
	text = strings.ToUpper(strings.TrimSpace(text))
	for _, layout := range clockLayouts {
		if t, err := time.Parse(layout, text); err == nil {
			return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute +
				time.Duration(t.Second())*time.Second, true
		}
	}
	return 0, false
}

// fullYear writes a slash day's two-digit year out as 20YY: the exports that write two
// digits (LinkedIn's) began long after 1999, and nothing a tracker holds is a century
// ahead. Any other text comes back as it was.
func fullYear(date string) string {
	i := strings.LastIndexByte(date, '/')
	if i < 0 || len(date)-i-1 != 2 || strings.Count(date, "/") != 2 {
		return date
	}
	if _, err := strconv.Atoi(date[i+1:]); err != nil {
		return date
	}
	return date[:i+1] + "20" + date[i+1:]
}

// dayText is the day a cell of a date column names, written as day.Parse reads
// it: a moment loses its time of day (an ISO moment with an offset is the day at that
// offset), a two-digit year is 20YY when short (or when a time follows, as only LinkedIn
// writes it). Text that is no such moment comes back as it was, for ParseDateIn to refuse.
func dayText(text string, short bool) string {
	date, rest := splitMoment(text)
	if rest == "" {
		if short {
			return fullYear(date)
		}
		return date
	}
	if isISODay(date) {
		if t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(text)); err == nil {
			return string(day.Of(t))
		}
	}
	if _, ok := clockOf(rest); !ok {
		return text
	}
	return fullYear(date)
}

// parseMoment reads a created or updated moment: RFC 3339 as the export writes it, the
// other trackers' moments (in UTC when they name no zone), or a day (its midnight UTC).
// Years outside those the window can show are refused.
func parseMoment(s string, order day.Order, short bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		date, rest := splitMoment(s)
		clock, ok := clockOf(rest)
		if rest != "" && !ok {
			return time.Time{}, fmt.Errorf("%q is not a date and time (expected 2026-11-25T09:30:00Z)", s)
		}
		if !isISODay(date) && (short || rest != "") {
			date = fullYear(date)
		}
		d, err := day.Parse(date, order)
		if err != nil && order == day.OrderUnknown {
			d, err = day.Parse(date, day.DayFirst)
		}
		if err != nil {
			if strings.Contains(err.Error(), "between") {
				return time.Time{}, err
			}
			return time.Time{}, fmt.Errorf("%q is not a date and time (expected 2026-11-25T09:30:00Z)", s)
		}
		t = d.Time().Add(clock)
	}
	if t = t.UTC(); t.Year() < day.MinYear || t.Year() > day.MaxYear {
		return time.Time{}, fmt.Errorf("%q is not a moment between %d and %d", s, day.MinYear, day.MaxYear)
	}
	return t, nil
}
