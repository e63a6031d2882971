// Package field says what is wrong with one field of a record, a letter spec or a form, in
// one shape that every layer shares, and holds the checks that more than one layer makes.
package field

import (
	"fmt"
	"time"
	"unicode"
	"unicode/utf8"
)

// Error names the field a value is wrong in, so that a form can show it beside that field.
type Error struct {
	Field   string // the field's JSON name
	Message string
}

func (e *Error) Error() string { return e.Field + ": " + e.Message }

// The years a date may fall in, wherever it is typed, imported or read from a spec:
// anything else is a typing or export mistake the window could not show.
const (
	MinYear = 1900
	MaxYear = 2999
)

// CheckDay accepts a day written YYYY-MM-DD between MinYear and MaxYear.
func CheckDay(s string) error {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("%q is not a date: write it as YYYY-MM-DD", s)
	}
	if t.Year() < MinYear || t.Year() > MaxYear {
		return fmt.Errorf("%q is not a date between %d and %d", s, MinYear, MaxYear)
	}
	return nil
}

// CheckHeaderText refuses what must never reach a mail header: invalid UTF-8 and every
// control character (line breaks, NUL, tab, escape, bell, DEL and the C1 range), any of
// which can corrupt a message or smuggle in another header.
func CheckHeaderText(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("is not valid UTF-8 text")
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			switch r {
			case '\r', '\n':
				return fmt.Errorf("must be one line: a line break would corrupt the mail headers")
			default:
				return fmt.Errorf("contains a control character (U+%04X) that mail headers cannot carry", r)
			}
		}
	}
	return nil
}
