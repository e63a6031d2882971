// Package field says what is wrong with one field of a record, a letter spec or a form, in
// one shape that every layer shares, and holds the checks on text that more than one layer
// makes. Days are checked by package day.
package field

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Error names the field a value is wrong in, so that a form can show it beside that field.
type Error struct {
	Field   string // the field's JSON name
	Message string
}

func (e *Error) Error() string { return e.Field + ": " + e.Message }

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
