package eml

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// replyPrefix matches one reply or forward marker at the start of a subject, in the
// languages mail apps write them: Re, AW (German), SV and VS (Nordic), Antw (Dutch), RES
// (Portuguese), Odp (Polish), Fwd/Fw, WG (German), TR (French), RV and ENC (Spanish and
// Portuguese), and the Chinese and Japanese ones; any case, with a counter such as Re[2]:
// or Re(3):, and a colon that may be full-width or follow a space ("RE :").
var replyPrefix = regexp.MustCompile(`^(?i:re|aw|sv|vs|antw|res|odp|fwd?|wg|tr|rv|enc|回复|答复|回覆|转发|轉寄|返信|転送)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*`)

// ReplySubject is the subject of a reply to a mail with this subject: "Re: " and the
// subject without the reply and forward markers it starts with, so that prefixes never
// pile up ("RE: AW: Fwd: Interview" gives "Re: Interview"). Line breaks, control
// characters and runs of spaces become one space. Replying to a reply gives the same
// subject again.
func ReplySubject(subject string) string {
	s := strings.Join(strings.FieldsFunc(subject, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
	for {
		loc := replyPrefix.FindStringIndex(s)
		if loc == nil {
			break
		}
		s = s[loc[1]:]
	}
	if s == "" {
		return "Re:"
	}
	return "Re: " + s
}

// maxMsgID bounds a message identifier so that its header line stays under the 998
// characters RFC 5322 allows.
const maxMsgID = 900

// checkMsgID accepts a message identifier as RFC 5322 writes it between angle brackets:
// dot-atom text, "@", and dot-atom text or a [literal].
func checkMsgID(id string) error {
	bad := fmt.Errorf("the Message-ID %q of the mail this letter answers is not valid "+
		"(expected something like abc123@mail.example.com); start the letter again from the mail, or remove the reply", clip(id))
	left, right, ok := strings.Cut(id, "@")
	if !ok || len(id) > maxMsgID || !isDotAtom(left) {
		return bad
	}
	if strings.HasPrefix(right, "[") && strings.HasSuffix(right, "]") && len(right) > 2 {
		for i := 1; i < len(right)-1; i++ {
			if c := right[i]; c < 0x21 || c > 0x7e || c == '[' || c == ']' || c == '\\' {
				return bad
			}
		}
		return nil
	}
	if !isDotAtom(right) {
		return bad
	}
	return nil
}

// isDotAtom reports whether s is atoms of RFC 5322 atext joined by single dots.
func isDotAtom(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' || strings.Contains(s, "..") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.':
		case strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// clip shortens a value for a message.
func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// msgIDField writes a field of message identifiers, folded between identifiers so that
// lines stay within maxLine; an identifier too long for a line of its own is written whole
// on one line (RFC 5322 allows 998 characters), as identifiers cannot be split.
func msgIDField(name string, ids []string) []byte {
	var b bytes.Buffer
	b.WriteString(name + ":")
	lineLen := b.Len()
	for i, id := range ids {
		token := " <" + id + ">"
		if i > 0 && lineLen+len(token) > maxLine {
			b.WriteString("\r\n")
			lineLen = 0
		}
		b.WriteString(token)
		lineLen += len(token)
	}
	b.WriteString("\r\n")
	return b.Bytes()
}

// isLongMsgID reports whether a header line longer than maxLine is one that msgIDField
// had to write long: a single message identifier, after the field name or alone on a
// continuation line.
func isLongMsgID(line []byte) bool {
	s := string(line)
	for _, name := range []string{"In-Reply-To:", "References:"} {
		s = strings.TrimPrefix(s, name)
	}
	if !strings.HasPrefix(s, " <") || !strings.HasSuffix(s, ">") || len(line) > 998 {
		return false
	}
	return checkMsgID(s[2:len(s)-1]) == nil
}

// ValidMsgID reports whether id (without angle brackets) is a message identifier a reply
// can carry in In-Reply-To and References.
func ValidMsgID(id string) bool { return checkMsgID(id) == nil }
