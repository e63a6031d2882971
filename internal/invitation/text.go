package invitation

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize makes a mail's text plain lines: LF line ends, no zero-width or control
// characters, no spaces at the ends of lines, at most one blank line in a row.
func normalize(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u00a0", " ", "\u200b", "", "\u200c", "", "\u200d", "",
		"\u2060", "", "\ufeff", "", "\u00ad", "", "\u034f", "", "\t", " ").Replace(s)
	s = strings.Map(func(r rune) rune {
		if r != '\n' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// oneLine makes text fit one line of a form or a header: valid UTF-8, no control
// characters, runs of spaces as one.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToValidUTF8(s, ""), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\uFFFD' || r == '\u200b' || r == '\ufeff'
	}), " ")
}

// blockKind is what starts the older part of a mail's text.
type blockKind int

const (
	noBlock     blockKind = iota
	quoteMarks            // lines starting with ">"
	wroteLine             // "On …, Jo Park wrote:"
	markerLine            // "---------- Forwarded message ----------", "-----Original Message-----"
	headerBlock           // "From: … / Sent: … / To: … / Subject: …" without a marker
)

// split is a mail's text cut where the older messages start.
type split struct {
	newest string // what the sender wrote last, above the quoted or forwarded messages
	kind   blockKind
	// forwardMarker is set when the marker line says the message was forwarded (not
	// only quoted, as Outlook's "Original Message" line may be).
	forwardMarker bool
	// inner is the message under the header lines of a marker or a header block.
	inner *textMessage
}

// textMessage is a message written out as text under a forward or quote marker.
type textMessage struct {
	fields map[string]string // "from", "date", "to", "subject", "reply-to", as written
	body   string
}

// splitText finds where the older messages of a mail's text start, within the part of a
// text that is read for the fields (maxAnalysed).
func splitText(text string) split {
	lines := strings.Split(text, "\n")
	offset := 0
	for i := 0; i < len(lines) && offset < maxAnalysed; i++ {
		offset += len(lines[i]) + 1
		line := strings.TrimSpace(lines[i])
		switch {
		case strings.HasPrefix(line, ">"):
			return split{newest: join(lines[:i]), kind: quoteMarks}
		case isWroteLine(line) || startsWrote(line) && i+1 < len(lines) && isWroteLine(strings.TrimSpace(lines[i+1])):
			return split{newest: join(lines[:i]), kind: wroteLine}
		}
		if fwd, ok := markerOf(line); ok {
			s := split{newest: join(lines[:i]), kind: markerLine, forwardMarker: fwd}
			s.inner = headerLines(lines[i+1:])
			return s
		}
		if label, _ := labelOf(line); label == "from" && hasLabelsAfter(lines[i+1:]) {
			s := split{newest: join(lines[:i]), kind: headerBlock}
			s.inner = headerLines(lines[i:])
			return s
		}
	}
	return split{newest: text}
}

// join makes lines one text again, without the rules ("____", "-----") that mail apps
// draw above a quoted message.
func join(lines []string) string {
	for len(lines) > 0 && strings.Trim(lines[len(lines)-1], " -_=*") == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// isWroteLine reports whether a line introduces a quoted message: "On …, Jo wrote:".
func isWroteLine(line string) bool {
	l := strings.ToLower(line)
	if len(l) > 300 {
		return false
	}
	for _, w := range known.wrote {
		if strings.HasSuffix(l, w) {
			return true
		}
		// "Am 08.12.2026 um 09:02 schrieb Ana Silva <ana@example.com>:"
		verb := strings.TrimSpace(strings.TrimSuffix(w, ":"))
		if strings.HasSuffix(l, ":") && strings.Contains(l, " "+verb+" ") && startsWrote(line) {
			return true
		}
	}
	return false
}

// startsWrote reports whether a line may be the first half of a "wrote:" line that a mail
// app broke in two: it starts like one and names a day or an address.
func startsWrote(line string) bool {
	l := strings.ToLower(line)
	for _, p := range []string{"on ", "am ", "le ", "el ", "il ", "op ", "em "} {
		if strings.HasPrefix(l, p) {
			return strings.ContainsAny(l, "0123456789@")
		}
	}
	return false
}

// dashes are the marks around a marker line.
var dashes = regexp.MustCompile(`^[\s\-_=*]+|[\s\-_=*:]+$`)

// markerOf reports whether a line is a forward or original-message marker, and whether it
// says forwarded.
func markerOf(line string) (forwarded, ok bool) {
	if len(line) > 120 {
		return false, false
	}
	l := strings.ToLower(dashes.ReplaceAllString(line, ""))
	l = strings.Join(strings.Fields(l), " ")
	if l == "" {
		return false, false
	}
	for _, m := range known.fwdMarkers {
		if l == m {
			return !strings.Contains(m, "origin") && !strings.Contains(m, "ursprüng") && !strings.Contains(m, "oorspronkelijk"), true
		}
	}
	return false, false
}

// labelLine matches a header line written out as text: "From: Jo Park <jo@…>",
// "*Von:* Jo Park", "De : Jo Park", "Enviado el: lunes…".
var labelLine = regexp.MustCompile(`^\*{0,2}([\p{L}][\p{L} -]{0,18}?)\*{0,2}\s?:\*{0,2}\s*(.*)$`)

// labelOf reads a header line written out as text: the field it names ("from", "date",
// "to", "cc", "subject", "reply-to") and its value; "" when the line is not one.
func labelOf(line string) (field, value string) {
	if len(line) > 1000 {
		return "", "" // longer than any header line a mail app writes out
	}
	m := labelLine.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return "", ""
	}
	return known.labels[strings.ToLower(strings.TrimSpace(m[1]))], strings.TrimSpace(m[2])
}

// hasLabelsAfter reports whether another header line (date, to or subject) follows within
// a few lines, as it does under a "From:" line that starts a quoted message.
func hasLabelsAfter(lines []string) bool {
	for i := 0; i < len(lines) && i < 6; i++ {
		switch f, _ := labelOf(lines[i]); f {
		case "date", "to", "subject":
			return true
		}
	}
	return false
}

// headerLines reads the header lines under a marker (blank lines and rules before them
// are skipped) and the body after them.
func headerLines(lines []string) *textMessage {
	m := &textMessage{fields: map[string]string{}}
	i := 0
	for i < len(lines) && i < 4 && strings.Trim(lines[i], " -_=*") == "" {
		i++
	}
	last, carried := "", 0
	for ; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			if len(m.fields) > 0 {
				break
			}
			continue
		}
		if f, v := labelOf(line); f != "" {
			if _, seen := m.fields[f]; !seen {
				m.fields[f] = v
			}
			last, carried = f, 0
			continue
		}
		if last == "" || len(m.fields) == 0 || carried == 4 || len(m.fields[last]) > 500 {
			break // not (or no longer) a header block: the body starts here
		}
		// A value carried on to the next line, as long address lists are.
		m.fields[last] += " " + line
		carried++
	}
	m.body = join(lines[i:])
	if len(m.fields) == 0 {
		return nil
	}
	return m
}

// signature is the lines under the sign-off of a letter ("Best regards,") or under a
// "-- " line, up to eight of them.
func signature(text string) []string {
	lines := strings.Split(text, "\n")
	from := len(lines) - 40
	if from < 0 {
		from = 0
	}
	start := -1
	for i := len(lines) - 1; i >= from; i-- {
		l := strings.TrimSpace(lines[i])
		if l == "--" || l == "-- " || isSignoff(l) {
			start = i + 1
			break
		}
	}
	if start < 0 {
		// No sign-off: the last paragraph, when it starts with a name.
		i := len(lines) - 1
		for i >= 0 && strings.TrimSpace(lines[i]) == "" {
			i--
		}
		end := i
		for i >= 0 && strings.TrimSpace(lines[i]) != "" {
			i--
		}
		if end < 0 || end-i > 6 || !isPersonName(strings.TrimSpace(lines[i+1])) {
			return nil
		}
		start = i + 1
	}
	var sig []string
	for _, l := range lines[start:] {
		if l = strings.TrimSpace(l); l != "" {
			sig = append(sig, l)
		}
		if len(sig) == 8 {
			break
		}
	}
	return sig
}

// isSignoff reports whether a line is a sign-off: one of the sign-offs, alone or followed
// by a comma and a short name ("Best, Jo").
func isSignoff(line string) bool {
	if utf8.RuneCountInString(line) > 60 {
		return false
	}
	head, tail, comma := strings.Cut(line, ",")
	w := strings.Join(wordsOf(head), " ")
	for _, s := range known.signoffs {
		if w == s {
			return !comma || len(strings.Fields(tail)) <= 3
		}
	}
	return false
}
