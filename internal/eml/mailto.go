package eml

import (
	"fmt"
	"strings"
)

// MailtoURL is a mailto: link (RFC 6068) that opens the letter in the mail app: the
// recipient's address, the subject and the body, percent-encoded as UTF-8, with the body's
// line breaks as CRLF.
func MailtoURL(toEmail, subject, body string) string {
	body = strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\n", "\r\n")
	return "mailto:" + escape(toEmail, "@") + "?subject=" + escape(subject, "") + "&body=" + escape(body, "")
}

// escape percent-encodes every byte but unreserved characters (RFC 3986) and keep.
func escape(s, keep string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.IndexByte("-._~", c) >= 0,
			strings.IndexByte(keep, c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
