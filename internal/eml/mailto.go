package eml

import (
	"fmt"
	"strings"
)

// MailtoURL is a mailto: link (RFC 6068) that opens the letter in the mail app: the
// recipient's address, the subject and the body, percent-encoded as UTF-8, with the body's
// line breaks as CRLF.
func MailtoURL(toEmail, subject, body string) string {
	return Mailto{To: toEmail, Subject: subject, Body: body}.URL()
}

// MaxMailtoLength is the longest mailto: link that every mail app takes whole. Windows
// hands a link of more than about 2,000 characters to the mail app cut short or not at
// all, and some browsers and mail apps stop earlier; past this length, offer the .eml
// draft or Copy instead.
const MaxMailtoLength = 1800

// Mailto is a letter to open in the mail app as a mailto: link.
type Mailto struct {
	To, Subject, Body string
	// InReplyTo is the Message-ID, without angle brackets, of the mail the letter answers.
	// Mail apps may ignore it; an .eml draft (Draft.Thread) is the sure way to answer in
	// the thread.
	InReplyTo string
}

// URL is the link: the recipient's address, then the subject, the In-Reply-To when there
// is one, and the body, percent-encoded as UTF-8, with the body's line breaks as CRLF.
func (m Mailto) URL() string {
	body := strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\n", "\r\n")
	u := "mailto:" + escape(m.To, "@") + "?subject=" + escape(m.Subject, "")
	if m.InReplyTo != "" {
		u += "&in-reply-to=" + escape("<"+m.InReplyTo+">", "")
	}
	return u + "&body=" + escape(body, "")
}

// Fits reports whether the link is short enough for every mail app (MaxMailtoLength).
// When it is not, the letter would arrive cut short or not at all.
func (m Mailto) Fits() bool { return len(m.URL()) <= MaxMailtoLength }

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
