package invitation

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-message"
	"github.com/emersion/go-message/charset" // decodes every charset mails are written in
	"github.com/emersion/go-message/mail"
)

// Options say how to read a mail.
type Options struct {
	// Now is when the mail is read. It stands in for the mail's Date when it has none
	// (pasted text): a day written without a year is the next such day after it.
	Now time.Time
	// Location is the user's time zone: an interview set in another zone is on the day
	// it falls on there. Nil keeps the day as the mail writes it.
	Location *time.Location
	// Pasted says the text was pasted by the user: it may have no header lines at all,
	// and then needs no sender. A file without headers is refused as not a mail.
	Pasted bool
	// MaxBytes is how much of the input is read at most; 0 means DefaultMaxBytes. What
	// comes after is left unread, with a note.
	MaxBytes int64
}

// DefaultMaxBytes is how much of a mail is read: enough for a mail with a 50 MB
// attachment, whose bytes are skipped, never kept.
const DefaultMaxBytes = 128 << 20

const (
	maxText     = 4 << 20 // the text of all text parts together
	maxCalendar = 1 << 20 // one calendar part
	maxParts    = 1000    // parts of one message
	maxDepth    = 4       // messages forwarded inside messages
	maxRefs     = 40      // References kept: the first and the latest
	sniffSize   = 64 << 10
)

// The errors Read returns, in the user's words; compare with errors.Is.
var (
	ErrEmpty    = errors.New("there is nothing to read: the file or the text is empty")
	ErrNotMail  = errors.New("this is not an email: save the message from your mail app as an .eml file (or copy its whole text) and try again")
	ErrNoSender = errors.New("this email has no sender address to answer: it needs a From or Reply-To line with an email address")
)

// Read reads one mail — an .eml file, a message piped in, or text pasted from a mail app,
// with or without its header lines — and guesses what the opportunity it is about is.
// It never panics and keeps no more than a few MiB whatever the input: attachments are
// skipped unread, a calendar invitation that cannot be read is left aside with a note.
func Read(r io.Reader, opts Options) (res Result, err error) {
	rd := &reader{opts: opts}
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	lim := &limitReader{r: r, n: max}
	br := bufio.NewReaderSize(lim, sniffSize)
	head, perr := br.Peek(sniffSize)
	if perr != nil && perr != io.EOF && perr != bufio.ErrBufferFull {
		return Result{}, fmt.Errorf("cannot read the email: %w", perr)
	}
	skip := leadingJunk(head)
	head = head[skip:]
	if len(bytes.TrimSpace(head)) == 0 {
		return Result{}, ErrEmpty
	}
	if looksBinary(head) {
		return Result{}, ErrNotMail
	}
	br.Discard(skip)

	var top *part
	if opts.Pasted {
		// Pasted text is small: keep it whole, so that it can be read as plain text when
		// its first lines only look like headers.
		all, err := io.ReadAll(io.LimitReader(br, maxText+1))
		if err != nil {
			return Result{}, fmt.Errorf("cannot read the text: %w", err)
		}
		if len(all) > maxText {
			all = all[:maxText]
			rd.note("Only the first %d MiB of the text were read.", maxText>>20)
		}
		if startsWithHeader(all) {
			top, err = rd.message(bytes.NewReader(all), 0)
		}
		if top == nil || err != nil {
			top = rd.textOnly(all)
		}
	} else {
		if !startsWithHeader(head) {
			return Result{}, ErrNotMail
		}
		top, err = rd.message(br, 0)
		if err != nil {
			return Result{}, err
		}
	}
	if lim.hit {
		rd.note("The mail is larger than %d MiB: only its beginning was read.", max>>20)
	}
	return rd.result(top)
}

// limitReader reads at most n bytes and remembers whether there was more.
type limitReader struct {
	r   io.Reader
	n   int64
	hit bool
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// Is there more? One byte says.
		var b [1]byte
		if k, _ := l.r.Read(b[:]); k > 0 {
			l.hit = true
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// leadingJunk is how many bytes come before the mail itself: a byte order mark, blank
// lines, and the "From " line mbox files start a message with.
func leadingJunk(b []byte) int {
	i := 0
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		i = 3
	}
	for i < len(b) && (b[i] == '\r' || b[i] == '\n' || b[i] == ' ' || b[i] == '\t') {
		i++
	}
	if bytes.HasPrefix(b[i:], []byte("From ")) {
		if nl := bytes.IndexByte(b[i:], '\n'); nl >= 0 {
			i += nl + 1
		}
	}
	return i
}

// looksBinary reports whether b is not text: a NUL, or more than a few control characters.
func looksBinary(b []byte) bool {
	controls := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\r' && c != '\n' && c != '\t' && c != '\f' && c != 0x1b:
			controls++
		}
	}
	return controls > len(b)/100+2
}

// headerNames are fields a mail's header starts with; any "X-" field counts too.
var headerNames = map[string]bool{
	"from": true, "to": true, "cc": true, "subject": true, "date": true, "message-id": true, "reply-to": true,
	"sender": true, "received": true, "return-path": true, "delivered-to": true, "mime-version": true,
	"content-type": true, "content-transfer-encoding": true, "dkim-signature": true, "arc-seal": true,
	"arc-message-signature": true, "arc-authentication-results": true, "authentication-results": true,
	"in-reply-to": true, "references": true, "thread-topic": true, "thread-index": true, "importance": true,
	"list-unsubscribe": true, "feedback-id": true, "envelope-to": true, "user-agent": true, "organization": true,
	"received-spf": true, "x-received": true, "precedence": true, "auto-submitted": true, "priority": true,
}

// startsWithHeader reports whether b starts with a header field a mail has.
func startsWithHeader(b []byte) bool {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	name, _, ok := bytes.Cut(line, []byte(":"))
	if !ok || len(name) == 0 || len(name) > 80 {
		return false
	}
	n := strings.ToLower(string(name))
	for _, c := range n {
		if c <= ' ' || c > '~' {
			return false
		}
	}
	return headerNames[n] || strings.HasPrefix(n, "x-")
}

// reader holds what one Read has found so far.
type reader struct {
	opts      Options
	notes     []string
	textLeft  int // of maxText
	textShort bool
}

func (rd *reader) note(format string, args ...any) {
	n := fmt.Sprintf(format, args...)
	for _, have := range rd.notes {
		if have == n {
			return
		}
	}
	rd.notes = append(rd.notes, n)
}

// part is one message: the mail itself or one forwarded inside it.
type part struct {
	header    *mail.Header // nil for text without headers
	plain     []string     // text parts, in order
	html      []string     // HTML parts, for when there is no plain text
	calendars [][]byte
	inner     []*part // messages attached whole (message/rfc822)
	parts     int
}

// textOnly is pasted text without headers.
func (rd *reader) textOnly(b []byte) *part {
	return &part{plain: []string{decodeText(b, "")}}
}

// message reads one message: its header, then its parts.
func (rd *reader) message(r io.Reader, depth int) (*part, error) {
	e, err := message.ReadWithOptions(r, &message.ReadOptions{MaxHeaderBytes: 1 << 20})
	if e == nil {
		if err != nil && strings.Contains(err.Error(), "header exceeds") {
			return nil, fmt.Errorf("%w (its header lines are longer than 1 MiB)", ErrNotMail)
		}
		return nil, ErrNotMail
	}
	if err != nil {
		rd.encodingNote(err)
	}
	p := &part{header: &mail.Header{Header: e.Header}}
	if depth == 0 {
		rd.textLeft = maxText
	}
	rd.walk(e, p, depth)
	return p, nil
}

func (rd *reader) encodingNote(err error) {
	switch {
	case message.IsUnknownCharset(err):
		rd.note("Part of the mail is in a character set Decline Desk does not know; some letters may show wrong.")
	case message.IsUnknownEncoding(err):
		rd.note("Part of the mail is encoded in a way Decline Desk does not know; it was read as it is.")
	}
}

// walk reads entity e into p: text and calendar parts are kept (within limits), messages
// attached whole are read in turn, and everything else is skipped without being read.
func (rd *reader) walk(e *message.Entity, p *part, depth int) {
	p.parts++
	if p.parts > maxParts {
		rd.note("The mail has more than %d parts: the rest were not read.", maxParts)
		return
	}
	mt, params, err := e.Header.ContentType()
	if err != nil || mt == "" {
		mt = "text/plain" // RFC 2045's default, also for a type that cannot be read
	}
	disp, dparams, _ := e.Header.ContentDisposition()
	name := strings.ToLower(dparams["filename"] + params["name"])
	switch {
	case strings.HasPrefix(mt, "multipart/"):
		rd.multipart(e, p, depth, mt == "multipart/alternative")
	case mt == "message/rfc822" || mt == "message/global":
		if depth >= maxDepth {
			rd.note("A message forwarded inside %d others was not read.", maxDepth)
			return
		}
		inner, err := rd.message(e.Body, depth+1)
		if err != nil {
			rd.note("A message attached to the mail could not be read.")
			return
		}
		p.inner = append(p.inner, inner)
	case mt == "text/calendar" || mt == "application/ics" || strings.HasSuffix(name, ".ics"):
		b, err := io.ReadAll(io.LimitReader(e.Body, maxCalendar+1))
		switch {
		case len(b) > maxCalendar:
			rd.note("The calendar invitation is larger than %d MiB and was not read.", maxCalendar>>20)
		case err != nil && len(b) == 0:
			rd.note("The calendar invitation could not be decoded (%s).", shortErr(err))
		default:
			p.calendars = append(p.calendars, b)
		}
	case disp == "attachment":
		// Not read: its bytes are skipped when the next part is looked for.
	case mt == "text/html":
		if s, ok := rd.text(e, params["charset"]); ok {
			p.html = append(p.html, s)
		}
	case strings.HasPrefix(mt, "text/"):
		if s, ok := rd.text(e, params["charset"]); ok {
			p.plain = append(p.plain, s)
		}
	}
}

// multipart reads the parts of e. Of the versions of an alternative, the plain text is
// kept when it says something, else the HTML; calendars are kept from every version.
func (rd *reader) multipart(e *message.Entity, p *part, depth int, alternative bool) {
	mr := e.MultipartReader()
	if mr == nil {
		return
	}
	var versions []*part
	for {
		child, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if child == nil {
			if err != nil {
				rd.note("Part of the mail is malformed and was not read (%s).", shortErr(err))
			}
			break
		}
		if err != nil {
			rd.encodingNote(err)
		}
		if !alternative {
			rd.walk(child, p, depth)
			continue
		}
		v := &part{parts: p.parts}
		rd.walk(child, v, depth)
		p.parts = v.parts
		p.calendars = append(p.calendars, v.calendars...)
		p.inner = append(p.inner, v.inner...)
		versions = append(versions, v)
	}
	if !alternative {
		return
	}
	for _, v := range versions {
		if strings.TrimSpace(strings.Join(v.plain, "")) != "" {
			p.plain = append(p.plain, v.plain...)
			return
		}
	}
	for _, v := range versions {
		if len(v.html) > 0 {
			p.html = append(p.html, v.html...)
			return
		}
	}
}

// text reads a text part, within what is left of maxText.
func (rd *reader) text(e *message.Entity, declared string) (string, bool) {
	if rd.textLeft <= 0 {
		if !rd.textShort {
			rd.textShort = true
			rd.note("The mail's text is longer than %d MiB: only its beginning was read.", maxText>>20)
		}
		return "", false
	}
	b, err := io.ReadAll(io.LimitReader(e.Body, int64(rd.textLeft)+1))
	if err != nil {
		rd.note("Part of the mail's text could not be decoded (%s); what could be was read.", shortErr(err))
	}
	if len(b) > rd.textLeft {
		b = b[:rd.textLeft]
		rd.textShort = true
		rd.note("The mail's text is longer than %d MiB: only its beginning was read.", maxText>>20)
	}
	rd.textLeft -= len(b)
	return decodeText(b, declared), true
}

// decodeText makes b valid UTF-8. go-message has already converted a declared charset; a
// part whose bytes are still not UTF-8 (no charset, or a wrong one) is read as
// Windows-1252, which mail apps on Windows write and which has a letter for every byte.
func decodeText(b []byte, declared string) string {
	if utf8.Valid(b) {
		return string(b)
	}
	if r, err := charset.Reader("windows-1252", bytes.NewReader(b)); err == nil {
		if out, err := io.ReadAll(r); err == nil && utf8.Valid(out) {
			return string(out)
		}
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// shortErr is an error's message, cut to a length a note can show.
func shortErr(err error) string {
	s := err.Error()
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}

// headerText is a header field decoded (encoded words in any charset); a field that cannot
// be decoded is kept as written.
func headerText(h *mail.Header, key string) string {
	if h == nil {
		return ""
	}
	s, err := h.Text(key)
	if err != nil {
		dec := mime.WordDecoder{CharsetReader: charset.Reader}
		if d, err := dec.DecodeHeader(h.Get(key)); err == nil {
			s = d
		} else {
			s = h.Get(key)
		}
	}
	return oneLine(s)
}
