package proofread

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// doc is a letter being proofread: its lines, its words and sentences, and the findings so far.
type doc struct {
	text        string
	opts        Options
	lineStarts  []int // byte offset of each line
	bodyStart   int   // where the letter starts after any header lines
	bodyEnd     int   // where it ends: before a quoted earlier message, if any
	lines       []int // the starts of the body's non-empty lines, once listed
	toks        []token
	body        []token      // the words of the body, a part of toks
	quoted      [][2]int     // byte ranges inside quotation marks
	so          *signoffLine // the sign-off, once looked for
	known       [][2]int     // where the names the app knows stand, once looked for
	longestName int          // the length of the longest of those names, in bytes
	out         []Finding
	// the phrases that may start at each body word, for every rule at once: cands[candAt[i]:
	// candAt[i+1]] for word i, looked up in candsOf
	candsOf *phraseIndex
	cands   []*phrase
	candAt  []int32
}

// token is one word of the letter.
type token struct {
	start, end int
	word       string // in lower case, with ’ written '
	sent       int    // which sentence it is in, counting from 0
	// tight says that only spaces, a hyphen or a single line break separate the word
	// from the one before, so that the two read as one phrase.
	tight     bool
	lineStart bool // the first word of its line
	sentStart bool // the first word of its sentence
	quoted    bool // inside quotation marks: someone else's words
	header    bool // in a header line such as "Subject:"
}

func newDoc(text string, opts Options) *doc {
	d := &doc{text: text, opts: opts, lineStarts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			d.lineStarts = append(d.lineStarts, i+1)
		}
	}
	d.bodyStart = d.findBodyStart()
	d.bodyEnd = d.findBodyEnd()
	d.quoted = findQuotes(text)
	d.tokenize()
	lo := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= d.bodyStart })
	hi := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= d.bodyEnd })
	d.body = d.toks[lo:hi]
	return d
}

var headerLine = regexp.MustCompile(`^(?i)(subject|to|from|cc|bcc|date|reply-to):`)

// findBodyStart skips "Subject:"-style lines at the top and the blank line after them.
func (d *doc) findBodyStart() int {
	i := 0
	for _, start := range d.lineStarts {
		if !headerLine.MatchString(d.line(start)) {
			break
		}
		i++
	}
	if i == 0 {
		return 0
	}
	if i < len(d.lineStarts) {
		start := d.lineStarts[i]
		if strings.TrimSpace(d.line(start)) == "" && i+1 < len(d.lineStarts) {
			return d.lineStarts[i+1]
		}
		return start
	}
	return len(d.text)
}

// replyTrail is the first line of an earlier message quoted under a reply, as mail
// programs write it: "On Tue, … wrote:", "-----Original Message-----", "> …".
var replyTrail = regexp.MustCompile(`^(?:On .{4,200} wrote:\s*|-{2,}\s*Original Message\s*-{2,}\s*|>.*)$`)

// findBodyEnd cuts off a quoted earlier message: its words are not the writer's letter.
func (d *doc) findBodyEnd() int {
	// quotedFrom[i] says that lines i… are all quoted with ">" or empty.
	quotedFrom := make([]bool, len(d.lineStarts)+1)
	quotedFrom[len(d.lineStarts)] = true
	for i := len(d.lineStarts) - 1; i >= 0; i-- {
		l := strings.TrimSpace(d.line(d.lineStarts[i]))
		quotedFrom[i] = quotedFrom[i+1] && (l == "" || strings.HasPrefix(l, ">"))
	}
	seenText := false
	for i, start := range d.lineStarts {
		if start < d.bodyStart {
			continue
		}
		l := d.line(start)
		if seenText && replyTrail.MatchString(l) && (!strings.HasPrefix(l, ">") || quotedFrom[i]) {
			return start
		}
		if strings.TrimSpace(l) != "" {
			seenText = true
		}
	}
	return len(d.text)
}

// line is the text of the line starting at start, without its line break.
func (d *doc) line(start int) string {
	end := strings.IndexByte(d.text[start:], '\n')
	if end < 0 {
		return strings.TrimSuffix(d.text[start:], "\r")
	}
	return strings.TrimSuffix(d.text[start:start+end], "\r")
}

// lineOf is the index of the line holding byte pos.
func (d *doc) lineOf(pos int) int {
	return sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > pos }) - 1
}

// bodyLines are the starts of the body's non-empty lines, in order.
func (d *doc) bodyLines() []int {
	if d.lines == nil {
		d.lines = []int{}
		for _, start := range d.lineStarts {
			if start >= d.bodyStart && start < d.bodyEnd && strings.TrimSpace(d.line(start)) != "" {
				d.lines = append(d.lines, start)
			}
		}
	}
	return d.lines
}

func findQuotes(text string) [][2]int {
	var out [][2]int
	open, single := -1, -1
	for i, r := range text {
		switch r {
		case '"':
			if open < 0 {
				open = i
			} else {
				out = append(out, [2]int{open, i + 1})
				open = -1
			}
		case '“':
			open = i
		case '”':
			if open >= 0 {
				out = append(out, [2]int{open, i + len("”")})
				open = -1
			}
		case '‘':
			single = i
		case '’':
			// ’ is also an apostrophe: it closes a quotation only after a ‘ and not
			// inside a word.
			next, _ := utf8.DecodeRuneInString(text[i+len("’"):])
			if single >= 0 && !unicode.IsLetter(next) {
				out = append(out, [2]int{single, i + len("’")})
				single = -1
			}
		case '\n':
			if i+1 < len(text) && text[i+1] == '\n' {
				open, single = -1, -1 // a quotation does not run on past its paragraph
			}
		}
	}
	return out
}

func (d *doc) inQuotes(pos int) bool { return inSpans(d.quoted, pos) }

// inSpans reports whether pos lies in one of spans, which are in text order and do not
// overlap.
func inSpans(spans [][2]int, pos int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i][1] > pos })
	return i < len(spans) && spans[i][0] <= pos
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// tokenize splits the text into words and the words into sentences. A word may hold
// apostrophes between letters (don't, O'Neil); hyphens separate words but keep them tight.
func (d *doc) tokenize() {
	text := d.text
	d.toks = make([]token, 0, len(text)/5)
	sent := 0
	prevEnd := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			if r == '\'' || r == '’' {
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				if isWordRune(next) && i > start {
					i += size
					continue
				}
			}
			break
		}
		t := token{start: start, end: i, word: strings.ReplaceAll(strings.ToLower(text[start:i]), "’", "'")}
		sep := text[prevEnd:start]
		first := len(d.toks) == 0
		if !first && d.sentenceBreak(d.toks[len(d.toks)-1], sep, text[start:]) {
			sent++
		}
		t.sent = sent
		t.sentStart = first || d.toks[len(d.toks)-1].sent != sent
		t.tight = !first && !t.sentStart && tightSep(sep)
		t.lineStart = first || strings.Contains(sep, "\n") || start == 0
		t.quoted = d.inQuotes(start)
		t.header = start < d.bodyStart
		d.toks = append(d.toks, t)
		prevEnd = i
	}
}

// tightSep reports whether two words separated by sep read as one phrase.
func tightSep(sep string) bool {
	if sep == "-" || sep == "‐" {
		return true
	}
	newlines := 0
	for _, r := range sep {
		switch r {
		case ' ', '\t', '\r':
		case '\n':
			newlines++
		default:
			return false
		}
	}
	return newlines <= 1
}

// sentenceBreak reports whether a new sentence starts between the word prev and the text
// after it (rest), given the separator between them.
func (d *doc) sentenceBreak(prev token, sep, rest string) bool {
	if strings.Count(sep, "\n") >= 2 || strings.ContainsAny(sep, "!?;") {
		return true
	}
	next, _ := utf8.DecodeRuneInString(rest)
	if sep == "." && isDigit(prev.word[len(prev.word)-1]) && isDigit(rest[0]) {
		return false // 3.5
	}
	if strings.Contains(sep, ".") || strings.Contains(sep, "…") {
		// Not after an abbreviation or an initial ("Mr. Park", "J. R. Okafor"), nor
		// before a word in lower case ("etc. and").
		if strings.HasPrefix(sep, ".") && (abbreviations.has(prev.word) || utf8.RuneCountInString(prev.word) == 1 && unicode.IsUpper([]rune(d.text[prev.start:prev.end])[0])) {
			return false
		}
		return !unicode.IsLower(next)
	}
	if strings.Contains(sep, "\n") {
		// A line break ends a sentence after closing punctuation, or when the next line
		// starts the way a sentence does; a wrapped line goes on in lower case.
		before := strings.TrimRight(sep[:strings.IndexByte(sep, '\n')], " \t\r")
		if before != "" && strings.ContainsAny(before[len(before)-1:], ".!?:;,") {
			return true
		}
		return !unicode.IsLower(next)
	}
	return strings.ContainsAny(sep, ":")
}

var abbreviations = book.words("abbreviation")

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// add records a finding over text[start:end], with fix the replacement for that text
// ("" when there is none).
func (d *doc) add(rule string, start, end int, message, fix string) {
	d.addChoices(rule, start, end, message, fix, nil)
}

// addChoices records a finding that offers the writer choices instead of one fix.
func (d *doc) addChoices(rule string, start, end int, message, fix string, choices []string) {
	start, end = max(0, min(start, len(d.text))), max(0, min(end, len(d.text)))
	for !RuneBoundary(d.text, start) {
		start--
	}
	for !RuneBoundary(d.text, end) {
		end++
	}
	end = max(start, end)
	d.out = append(d.out, Finding{Rule: rule, Severity: severityOf(rule), Message: message,
		Text: d.text[start:end], Start: start, End: end, Line: d.lineOf(start) + 1, Fix: fix, Suggestions: choices})
}

// findings puts the findings in text order, keeps one per rule for any stretch of text
// (the first found where two start together, else the one that starts first) and counts
// their columns.
func (d *doc) findings() []Finding {
	sort.SliceStable(d.out, func(i, j int) bool { return d.out[i].Start < d.out[j].Start })
	last := map[string][2]int{}
	kept := d.out[:0]
	for _, f := range d.out {
		if l, ok := last[f.Rule]; ok && (f.Start < l[1] || f.Start == l[0]) {
			continue
		}
		last[f.Rule] = [2]int{f.Start, f.End}
		kept = append(kept, f)
	}
	// Columns count characters from the start of the line; in text order each count carries
	// on from the one before, so that a long line is counted once.
	from, col := 0, 1
	for i := range kept {
		f := &kept[i]
		if ls := d.lineStarts[f.Line-1]; ls > from {
			from, col = ls, 1
		}
		col += utf8.RuneCountInString(d.text[from:f.Start])
		from = f.Start
		f.Col = col
	}
	return kept
}

// RuneBoundary reports whether i falls between two characters of s, as ranging over s
// steps: inside a valid multi-byte character it does not; at a stray byte of invalid
// UTF-8, which counts as one character, it does.
func RuneBoundary(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return true
	}
	for j := i - 1; j >= max(0, i-utf8.UTFMax+1); j-- {
		if r, size := utf8.DecodeRuneInString(s[j:]); r != utf8.RuneError && j+size > i {
			return false
		}
	}
	return true
}

// firstLineSpan is where a missing element is reported: the letter's first line.
func (d *doc) firstLineSpan() (int, int) {
	if ls := d.bodyLines(); len(ls) > 0 {
		return ls[0], ls[0] + len(d.line(ls[0]))
	}
	return d.bodyStart, d.bodyStart
}

// sentenceSpan is the byte range from the first to the last word of body word i's sentence.
func (d *doc) sentenceSpan(i int) (int, int) {
	a, b := i, i
	for a > 0 && d.body[a-1].sent == d.body[i].sent {
		a--
	}
	for b+1 < len(d.body) && d.body[b+1].sent == d.body[i].sent {
		b++
	}
	return d.body[a].start, d.body[b].end
}

// question reports whether the sentence of body word i ends with a question mark.
func (d *doc) question(i int) bool {
	j := i
	for j+1 < len(d.body) && d.body[j+1].sent == d.body[i].sent {
		j++
	}
	end := d.bodyEnd
	if j+1 < len(d.body) {
		end = d.body[j+1].start
	}
	tail := d.text[d.body[j].end:max(end, d.body[j].end)]
	k := strings.IndexAny(tail, ".!?\n")
	return k >= 0 && tail[k] == '?'
}

var (
	negators     = book.words("negation")
	clauseBreaks = book.words("clause-break")
)

// clauseBefore lists the body words before word i in its clause, nearest first, up to n:
// the clause stops at a comma, dash or colon, and after words such as "but" and "unless".
func (d *doc) clauseBefore(i, n int) []int {
	var out []int
	for j := i - 1; j >= 0 && len(out) < n; j-- {
		if d.body[j].sent != d.body[i].sent || strings.ContainsAny(d.text[d.body[j].end:d.body[j+1].start], ",;:—–()") {
			break
		}
		out = append(out, j)
		if clauseBreaks.has(d.body[j].word) {
			break // the word that opens the clause is part of it: "unless I withdraw"
		}
	}
	return out
}

// negated reports whether a word shortly before word i in its clause negates it: "not
// disappointing", "I don't want to withdraw", "never been disappointed".
func (d *doc) negated(i int) bool {
	for _, j := range d.clauseBefore(i, 3) {
		if negators.has(d.body[j].word) {
			return true
		}
	}
	return false
}
