// Package mailaddr checks the email addresses people type.
package mailaddr

import (
	"fmt"
	"net/mail"
	"strings"
)

// Check accepts a blank value or one bare address with a dotted domain, such as
// jo@example.com; anything else gets a message saying what is expected.
func Check(addr string) error {
	if addr == "" {
		return nil
	}
	a, err := mail.ParseAddress(addr)
	if err != nil || a.Address != addr || !strings.Contains(addr[strings.LastIndex(addr, "@")+1:], ".") {
		return fmt.Errorf("%q is not an email address (expected something like name@example.com)", addr)
	}
	return nil
}
