// Package eml writes a letter as an email draft (.eml) that mail apps open ready to send,
// and as a mailto: link. A letter that answers a mail is written as a reply in that mail's
// thread (see Thread and ReplySubject).
package eml

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-message"

	"github.com/declinedesk/declinedesk/internal/field"
	"github.com/declinedesk/declinedesk/internal/fsutil"
	"github.com/declinedesk/declinedesk/internal/mailaddr"
)

// Draft is what goes into the file.
type Draft struct {
	FromName, FromEmail string
	ToName, ToEmail     string // the recipient may be left for the mail app
	Subject             string
	Body                string
	Date                time.Time
	// Thread, when its MessageID is set, makes the draft a reply to that mail: it is
	// written with In-Reply-To and References, so that mail apps show it in the thread.
	// Subject is still written as given: ReplySubject makes the usual "Re: …".
	Thread Thread
}

// Thread is the mail a draft answers, as read from it: its Message-ID and the References
// it carried, oldest first, each without angle brackets.
type Thread struct {
	MessageID  string
	References []string
}

// IsReply reports whether a draft with this thread answers a mail.
func (t Thread) IsReply() bool { return t.MessageID != "" }

// references is the reply's References (RFC 5322 §3.6.4): the parent's References, then
// its Message-ID last, each once.
func (t Thread) references() []string {
	out := make([]string, 0, len(t.References)+1)
	seen := map[string]bool{t.MessageID: true}
	for _, id := range t.References {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	if t.MessageID != "" {
		out = append(out, t.MessageID)
	}
	return out
}

// maxLine is the longest header line written, CRLF not counted (RFC 5322 recommends 78).
const maxLine = 78

// Check reports what would make the draft unsafe or unusable, before anything is written.
func (d Draft) Check() error {
	var errs []error
	for _, f := range []struct{ name, value string }{
		{"sender name", d.FromName}, {"sender email", d.FromEmail}, {"recipient name", d.ToName},
		{"recipient email", d.ToEmail}, {"subject", d.Subject},
	} {
		if err := field.CheckHeaderText(f.value); err != nil {
			errs = append(errs, fmt.Errorf("the %s %v; remove it", f.name, err))
		}
	}
	if strings.ContainsRune(d.Body, 0) {
		errs = append(errs, errors.New("the letter contains a NUL character"))
	}
	if !utf8.ValidString(d.Body) {
		errs = append(errs, errors.New("the letter is not valid UTF-8 text"))
	}
	if d.Thread.MessageID == "" && len(d.Thread.References) > 0 {
		errs = append(errs, errors.New("the draft has References but no Message-ID of the mail it answers"))
	}
	for _, id := range d.Thread.references() {
		if err := checkMsgID(id); err != nil {
			errs = append(errs, err)
		}
	}
	if d.FromEmail == "" {
		errs = append(errs, errors.New("the sender email is missing: a draft needs a From address"))
	}
	for _, a := range []struct{ name, value string }{{"sender email", d.FromEmail}, {"recipient email", d.ToEmail}} {
		if err := mailaddr.Check(a.value); err != nil {
			errs = append(errs, fmt.Errorf("the %s: %w", a.name, err))
		} else if !isASCII(a.value) {
			errs = append(errs, fmt.Errorf("the %s %q has non-ASCII characters, which drafts cannot carry", a.name, a.value))
		}
	}
	return errors.Join(errs...)
}

// Write writes the draft as an RFC 5322 message: CRLF line endings, header lines of at most
// 78 characters, non-ASCII header text as RFC 2047 encoded words, and a quoted-printable
// UTF-8 text/plain body. X-Unsent: 1 makes Outlook open it as a draft to send.
func Write(w io.Writer, d Draft) error {
	if err := d.Check(); err != nil {
		return err
	}
	if d.Date.IsZero() {
		d.Date = time.Now()
	}
	var h message.Header
	// Fields are written last-added first.
	h.Add("X-Unsent", "1")
	h.Add("Content-Transfer-Encoding", "quoted-printable")
	h.SetContentType("text/plain", map[string]string{"charset": "UTF-8"})
	h.Add("MIME-Version", "1.0")
	h.Add("Date", d.Date.Format(time.RFC1123Z))
	if d.Thread.IsReply() {
		h.AddRaw(msgIDField("References", d.Thread.references()))
		h.AddRaw(msgIDField("In-Reply-To", []string{d.Thread.MessageID}))
	}
	h.Add("Subject", encodeText(d.Subject))
	if d.ToEmail != "" {
		h.Add("To", address(d.ToName, d.ToEmail))
	}
	h.Add("From", address(d.FromName, d.FromEmail))

	var buf bytes.Buffer
	mw, err := message.CreateWriter(&buf, h)
	if err != nil {
		return fmt.Errorf("cannot write the draft: %w", err)
	}
	body := strings.ReplaceAll(strings.ReplaceAll(d.Body, "\r\n", "\n"), "\r", "\n")
	if _, err := io.WriteString(mw, body); err != nil {
		return err
	}
	if err := mw.Close(); err != nil {
		return err
	}
	if err := checkShape(buf.Bytes()); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// WriteFile writes the draft to path (see fsutil.WriteOutput): never over a file guard
// refuses, atomically, with mode 0600 for a new file. On any error nothing is written, and
// an existing file keeps its content.
func WriteFile(path string, d Draft, guard fsutil.Guard) error {
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		return err
	}
	return fsutil.WriteOutput(path, 0o600, guard, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
}

// checkShape verifies what the writer promises, so that a library change can never slip a
// malformed draft to disk.
func checkShape(msg []byte) error {
	head, _, ok := bytes.Cut(msg, []byte("\r\n\r\n"))
	if !ok {
		return errors.New("internal error: the draft has no header")
	}
	for _, line := range bytes.Split(head, []byte("\r\n")) {
		if len(line) > maxLine && !isLongMsgID(line) {
			return fmt.Errorf("internal error: header line longer than %d characters: %q", maxLine, line)
		}
	}
	for i := range msg {
		if msg[i] == '\n' && (i == 0 || msg[i-1] != '\r') {
			return errors.New("internal error: bare line feed in the draft")
		}
	}
	return nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// address formats "Name <address>", the name as encoded words when it is not plain text.
func address(name, addr string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return addr
	}
	if isPlainPhrase(name) {
		return name + " <" + addr + ">"
	}
	return encodeWords(name) + " <" + addr + ">"
}

// isPlainPhrase reports whether a display name can be written as is: ASCII letters, digits,
// spaces and the few marks RFC 5322 allows in atoms, in words short enough to fold.
func isPlainPhrase(s string) bool {
	for _, w := range strings.Fields(s) {
		if len(w) > 40 {
			return false
		}
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ':
		case strings.ContainsRune("!#$%&'*+-/=?^_`{|}~", r):
		default:
			return false
		}
	}
	return !strings.Contains(s, "=?") && !strings.HasPrefix(s, " ") && !strings.Contains(s, "  ")
}

// encodeText encodes unstructured header text (the subject): as is when it is printable
// ASCII that can be folded, else as encoded words after the plain words it starts with,
// so that a reply's "Re:" stays readable to mail apps that look at it before decoding.
func encodeText(s string) string {
	if isPlainText(s) {
		return s
	}
	words := strings.Split(s, " ")
	k := 0
	for k < len(words)-1 && words[k] != "" && isPlainText(words[k]) {
		k++
	}
	if k == 0 {
		return encodeWords(s)
	}
	// The space after the plain words stays as written: decoders keep it.
	return strings.Join(words[:k], " ") + " " + encodeWords(strings.Join(words[k:], " "))
}

// isPlainText reports whether s can be written in a header as it is: printable ASCII,
// without what decoders would take for an encoded word, without runs or ends of spaces
// that folding would lose, and in words short enough to fold.
func isPlainText(s string) bool {
	plain := isASCII(s) && !strings.Contains(s, "=?") && !strings.Contains(s, "  ") && s == strings.TrimSpace(s)
	for i := 0; plain && i < len(s); i++ {
		plain = s[i] >= 0x20 && s[i] < 0x7f
	}
	for _, w := range strings.Fields(s) {
		if len(w) > 60 {
			plain = false // a word that long could not be folded
		}
	}
	return plain
}

// encodeWords writes s as RFC 2047 Q-encoded words, split between characters and separated
// by spaces, which decoders drop between encoded words. Words are kept to 60 characters
// (RFC 2047 allows 75) so that the first one fits after the field name within 78.
func encodeWords(s string) string {
	const prefix, suffix, max = "=?UTF-8?Q?", "?=", 60
	var words []string
	var cur strings.Builder
	for _, r := range s {
		var enc strings.Builder
		for _, b := range []byte(string(r)) {
			switch {
			case b == ' ':
				enc.WriteByte('_')
			case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= '0' && b <= '9':
				enc.WriteByte(b)
			default:
				fmt.Fprintf(&enc, "=%02X", b)
			}
		}
		if len(prefix)+cur.Len()+enc.Len()+len(suffix) > max {
			words = append(words, prefix+cur.String()+suffix)
			cur.Reset()
		}
		cur.WriteString(enc.String())
	}
	if cur.Len() > 0 || len(words) == 0 {
		words = append(words, prefix+cur.String()+suffix)
	}
	return strings.Join(words, " ")
}
