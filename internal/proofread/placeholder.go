package proofread

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Placeholders: gaps of a template that nobody filled in, in every style templates use.

var (
	labelHeads    = book.words("label-head")
	labelWords    = book.words("label-word")
	labelMarkers  = book.words("label-marker")
	labelSingles  = book.words("label-single")
	editorial     = book.words("editorial")
	greetingWords = book.words("greeting")
	fillsCompany  = book.words("fills-company")
	fillsRecip    = book.words("fills-recipient")
	fillsWriter   = book.words("fills-writer")
	fillsRole     = book.words("fills-role")
	titleWords    = book.words("title")
	firstWords    = book.words("label-first")
	lastWords     = book.words("label-last")
	nameWords     = book.words("label-name")
)

// placeholderPattern is one shape of placeholder; every match holds one of its cues, so
// that a letter without any skips the pattern (most letters skip them all).
type placeholderPattern struct {
	re   *regexp.Regexp
	cues []string
}

var placeholderPatterns = []placeholderPattern{
	{regexp.MustCompile(`_{2,}\(?[^_\n()]{1,40}\)?_{2,}|_{3,}`), []string{"__"}},
	{regexp.MustCompile(`\[[^\[\]\n]{1,60}\]`), []string{"["}},
	{regexp.MustCompile(`<[\pL][\pL .'’_-]{0,38}>`), []string{"<"}},
	{regexp.MustCompile(`\{\{[^{}\n]{0,60}\}\}|\{[\pL_ ]{2,30}\}`), []string{"{"}},
	{regexp.MustCompile(`\((?:[^()\n]{1,50})\)`), []string{"("}},
	{regexp.MustCompile(`\bX{2,}\b|\bx{3,}\b|\$X+(?:,X+)*`), []string{"XX", "xxx"}},
	// A year not yet written: "April 20, 20XX".
	{regexp.MustCompile(`\b(?:1[89]|2\d)(?:XX|xx)\b`), []string{"XX", "xx"}},
	{regexp.MustCompile(`\b` + unfilledAlternatives() + `\b`), unfilledCues()},
	{regexp.MustCompile(`\b[Ll]orem\s+ipsum\b`), []string{"orem"}},
	// "Mr./Ms." has not chosen a title; a label after it ("Lastname") joins the span.
	{titleChoice, []string{"/"}},
}

var titleChoice = regexp.MustCompile(titleAlternatives() + `(?:\s*/\s*` + titleAlternatives() + `)+`)

func unfilledCues() []string {
	var out []string
	for _, w := range book.wordList("unfilled") {
		out = append(out, w, strings.ToUpper(w))
	}
	return out
}

// unfilledAlternatives is TBD|tbd|TBA|… from the [unfilled] words: upper or lower case,
// never "Tba", which may be a name.
func unfilledAlternatives() string {
	var alts []string
	for _, w := range book.wordList("unfilled") {
		alts = append(alts, regexp.QuoteMeta(strings.ToUpper(w)), regexp.QuoteMeta(w))
	}
	return "(?:" + strings.Join(alts, "|") + ")"
}

// titleAlternatives matches a courtesy title of the [title] words: Mr, Mr., MR.
func titleAlternatives() string {
	var alts []string
	for _, w := range book.wordList("title") {
		alts = append(alts, regexp.QuoteMeta(title(w)), regexp.QuoteMeta(strings.ToUpper(w)))
	}
	return `\b(?:` + strings.Join(alts, "|") + `)\.?`
}

func containsAny(s string, cues []string) bool {
	for _, c := range cues {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

func title(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// greetingGap is a greeting whose name is missing or stands as dots or underscores.
var greetingGap = regexp.MustCompile(`(?i)^[ \t]*(?:` + greetingAlternatives() + `)[ \t]+((?:…|\.{2,}|_{2,}|-{2,}|X{2,})[ \t]*)[,:!]?[ \t]*\r?$|^[ \t]*(dear[ \t]*[,:])[ \t]*\r?$`)

func greetingAlternatives() string {
	var alts []string
	for _, w := range book.wordList("greeting") {
		alts = append(alts, regexp.QuoteMeta(w))
	}
	return strings.Join(alts, "|")
}

func (d *doc) placeholders() {
	// Up to the end of the letter: a quoted earlier message is someone else's template.
	text := d.text[:d.bodyEnd]
	for _, p := range placeholderPatterns {
		if !containsAny(text, p.cues) {
			continue
		}
		for _, m := range p.re.FindAllStringIndex(text, -1) {
			if d.ordinaryBrackets(m[0], m[1]) || d.inKnownName(m[0], m[1]) {
				continue
			}
			if p.re == titleChoice {
				m[1] = d.labelAfter(m[1])
			}
			d.addPlaceholder(m[0], m[1])
		}
	}
	for _, start := range d.bodyLines() {
		l := d.line(start)
		w, _, _ := strings.Cut(strings.TrimSpace(l), " ")
		if !greetingWords.has(strings.ToLower(strings.TrimRight(w, ",:"))) {
			continue
		}
		if m := greetingGap.FindStringSubmatchIndex(l); m != nil {
			if m[2] >= 0 {
				d.addPlaceholder(start+m[2], start+len(strings.TrimRight(l[:m[3]], " \t")))
				continue
			}
			// "Dear ," — the whole greeting is reported, and refilled when the name is known.
			s, e := start+m[4], start+m[5]
			t := d.text[s:e]
			if r := strings.TrimSpace(d.opts.Recipient); r != "" {
				fix := strings.TrimRight(t[:len(t)-1], " \t") + " " + r + t[len(t)-1:]
				d.add(RulePlaceholder, s, e, fmt.Sprintf(book.message("placeholder.fix"), t, fix), fix)
			} else {
				d.add(RulePlaceholder, s, e, fmt.Sprintf(book.message(RulePlaceholder), t), "")
			}
		}
	}
	d.labels()
}

// labelAfter extends a placeholder ending at end over the label words that follow it on
// its line: "Mr./Ms." + " Lastname".
func (d *doc) labelAfter(end int) int {
	first := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= end })
	for _, t := range d.toks[first:] {
		if strings.Trim(d.text[end:t.start], " \t") != "" || !(labelHeads.has(t.word) || labelWords.has(t.word)) {
			break
		}
		end = t.end
	}
	return end
}

// ordinaryBrackets reports whether a bracketed match is ordinary text: [sic], [1], […],
// a link's text, an address in <…>, or words in parentheses that are not a label.
func (d *doc) ordinaryBrackets(start, end int) bool {
	t := d.text[start:end]
	inner := strings.TrimSpace(strings.Trim(t, "[](){}<>_"))
	switch t[0] {
	case '[':
		return editorial.has(strings.ToLower(inner)) || strings.Trim(inner, "0123456789,.… ") == "" ||
			strings.HasPrefix(d.text[end:], "(")
	case '(':
		return !parenthesisedLabel(inner)
	}
	return false
}

// parenthesisedLabel reports whether s, found in parentheses, is made only of label words
// and holds a head word ("Interviewer Name", "your name here"), and looks like a label:
// Title Case, capitals, or a marker word such as "your" or "insert".
func parenthesisedLabel(s string) bool {
	words := strings.FieldsFunc(strings.ReplaceAll(s, "’", "'"), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '-'
	})
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	head, marker, capitals := false, false, true
	for i, w := range words {
		l := strings.ToLower(w)
		if !labelHeads.has(l) && !labelWords.has(l) && (l != "the" || i == 0) {
			return false
		}
		head = head || labelHeads.has(l)
		marker = marker || labelMarkers.has(l)
		r, _ := utf8.DecodeRuneInString(w)
		capitals = capitals && (unicode.IsUpper(r) || l == "of" || l == "the")
	}
	return head && (marker || capitals)
}

// labels finds labels standing as text: a line that is nothing but a label ("Your Name",
// "company name"), or a label in Title Case or capitals inside a sentence ("for the Job
// Title role").
func (d *doc) labels() {
	toks := d.toks[:sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= d.bodyEnd })]
	for i := 0; i < len(toks); {
		// The words of one line.
		j := i + 1
		for j < len(toks) && !toks[j].lineStart {
			j++
		}
		if d.wholeLineLabel(i, j) {
			end := toks[j-1].end
			if end < len(d.text) && (d.text[end] == ')' || d.text[end] == ']') {
				end++ // "Your name (typed)"
			}
			d.addPlaceholder(toks[i].start, end)
		} else {
			d.inlineLabels(i, j)
		}
		i = j
	}
}

// wholeLineLabel reports whether words toks[i:j], a whole line, are a label and nothing else.
func (d *doc) wholeLineLabel(i, j int) bool {
	toks := d.toks
	lineStart := d.lineStarts[d.lineOf(toks[i].start)]
	line := d.line(lineStart)
	if strings.Trim(d.text[lineStart:toks[i].start], " \t-*•>([") != "" || strings.Trim(d.text[toks[j-1].end:lineStart+len(line)], " \t,.:;!)]") != "" {
		return false
	}
	head := false
	for k := i; k < j; k++ {
		// Words of a label follow each other, or stand in brackets: "Your name (typed)".
		if !(d.labelWord(k) || k > i && toks[k].word == "the") || (k > i && !toks[k].tight && strings.Trim(d.text[toks[k-1].end:toks[k].start], " \t()[]") != "") {
			return false
		}
		head = head || labelHeads.has(toks[k].word)
	}
	// One word alone is a label only if it is one of [label-single]: a line "Date", not "Role".
	return head && (j-i > 1 || labelSingles.has(toks[i].word)) && !d.inKnownName(toks[i].start, toks[j-1].end)
}

// inlineLabels finds labels in Title Case or capitals among words toks[i:j] of one line.
func (d *doc) inlineLabels(i, j int) {
	toks := d.toks
	for a := i; a < j; {
		b := a
		for b < j && (d.labelWord(b) || b > a && toks[b].word == "the") && d.capitalised(b) && (b == a || toks[b].tight || d.afterTitle(b)) {
			b++
		}
		if b == a {
			a++
			continue
		}
		if d.inlineLabel(a, b) {
			d.addPlaceholder(toks[a].start, toks[b-1].end)
		}
		a = b
	}
}

// afterTitle reports whether word k follows a courtesy title and its full stop: "Ms. Lastname".
func (d *doc) afterTitle(k int) bool {
	return k > 0 && titleWords.has(d.toks[k-1].word) && d.text[d.toks[k-1].end:d.toks[k].start] == ". "
}

// capitalised reports whether word k starts with a capital, or is "of" or "the" inside a
// label ("Name of the Candidate").
func (d *doc) capitalised(k int) bool {
	r, _ := utf8.DecodeRuneInString(d.text[d.toks[k].start:])
	return unicode.IsUpper(r) || d.toks[k].word == "of" || d.toks[k].word == "the"
}

// inlineLabel decides whether capitalised label words toks[a:b] inside a line are a
// placeholder: two words or more in Title Case, or capitals, holding a head word, and not
// labelling a value that follows ("Phone: 555 0100").
func (d *doc) inlineLabel(a, b int) bool {
	toks := d.toks
	head, upper := false, true
	for k := a; k < b; k++ {
		head = head || labelHeads.has(toks[k].word)
		w := d.text[toks[k].start:toks[k].end]
		upper = upper && strings.ToUpper(w) == w
	}
	if !head || d.toks[b-1].word == "of" || d.toks[b-1].word == "the" {
		return false
	}
	lineEnd := d.lineStarts[d.lineOf(toks[a].start)] + len(d.line(d.lineStarts[d.lineOf(toks[a].start)]))
	if strings.HasPrefix(strings.TrimLeft(d.text[toks[b-1].end:lineEnd], " \t"), ":") {
		return false
	}
	if d.inKnownName(toks[a].start, toks[b-1].end) {
		return false
	}
	return b-a > 1 || (upper && utf8.RuneCountInString(d.text[toks[a].start:toks[b-1].end]) > 1)
}

func (d *doc) labelWord(i int) bool {
	w := d.toks[i].word
	return labelHeads.has(w) || labelWords.has(w)
}

// addPlaceholder reports a placeholder, with the value it stands for when the app knows it.
func (d *doc) addPlaceholder(start, end int) {
	t := d.text[start:end]
	fix := d.fillFor(start, t)
	if fix != "" {
		d.add(RulePlaceholder, start, end, fmt.Sprintf(book.message("placeholder.fix"), t, fix), fix)
		return
	}
	d.add(RulePlaceholder, start, end, fmt.Sprintf(book.message(RulePlaceholder), t), "")
}

// fillFor is what a placeholder at start stands for, if the app knows it: the company,
// the recipient, the writer or the role.
func (d *doc) fillFor(start int, t string) string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(t, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		words = append(words, w)
	}
	has := func(ws wordSet) bool {
		for _, w := range words {
			if ws.has(w) {
				return true
			}
		}
		return false
	}
	named := has(nameWords)
	part := func(name string) string {
		f := strings.Fields(name)
		switch {
		case len(f) < 2 || len(words) > 0 && titleWords.has(strings.Trim(words[0], ".")):
			// "Mr./Ms. Lastname" stands for the whole name, title and all.
		case has(firstWords):
			return f[0]
		case has(lastWords):
			return f[len(f)-1]
		}
		return strings.TrimSpace(name)
	}
	switch {
	case has(fillsCompany):
		return d.opts.Company
	case named && has(fillsRecip):
		return part(d.opts.Recipient)
	case named && has(fillsWriter):
		return part(d.opts.Name)
	case named || len(words) == 0 || strings.Trim(t, ".…_- \t") == "":
		// A bare "[Name]" or "…": whose depends on where it stands.
		switch {
		case d.inGreeting(start):
			return part(d.opts.Recipient)
		case named && d.inSignature(start):
			return part(d.opts.Name)
		}
		return ""
	case has(fillsRecip):
		return part(d.opts.Recipient)
	case has(fillsRole):
		return d.opts.Role
	}
	return ""
}

// inGreeting reports whether pos is on the letter's first line and that line greets.
func (d *doc) inGreeting(pos int) bool {
	ls := d.bodyLines()
	if len(ls) == 0 || d.lineOf(pos) != d.lineOf(ls[0]) {
		return false
	}
	first := strings.ToLower(strings.TrimSpace(d.line(ls[0])))
	w, _, _ := strings.Cut(first, " ")
	return greetingWords.has(strings.Trim(w, ",:"))
}

// inSignature reports whether pos is after the sign-off, or among the last lines of a
// letter that has none.
func (d *doc) inSignature(pos int) bool {
	if so := d.signoff(); so.found {
		return pos >= so.start
	}
	ls := d.bodyLines()
	return len(ls) > 0 && pos >= ls[max(0, len(ls)-2)]
}

// knownNames are the names the app knows, as the options give them.
func (d *doc) knownNames() []string {
	o := d.opts
	return append([]string{o.Name, o.Recipient, o.Company, o.Role, o.Referral}, o.Known...)
}

// inKnownName reports whether text[start:end] lies inside one of the names the app knows:
// a company called "TBD Labs" is no placeholder.
func (d *doc) inKnownName(start, end int) bool {
	spans := d.knownSpans()
	// The spans are in text order; one that holds [start, end) starts at or before start,
	// and no further back than the longest name.
	i := sort.Search(len(spans), func(i int) bool { return spans[i][0] > start })
	for j := i - 1; j >= 0 && spans[j][0] >= start-d.longestName; j-- {
		if spans[j][1] >= end {
			return true
		}
	}
	return false
}

// knownSpans are where the names the app knows stand in the text, as whole words, in text
// order; found once per letter.
func (d *doc) knownSpans() [][2]int {
	if d.known != nil {
		return d.known
	}
	d.known = [][2]int{}
	var lower string
	for _, n := range d.knownNames() {
		n = lowerASCII(strings.TrimSpace(n))
		if n == "" {
			continue
		}
		d.longestName = max(d.longestName, len(n))
		if lower == "" {
			lower = lowerASCII(d.text)
		}
		for from := 0; ; {
			k := strings.Index(lower[from:], n)
			if k < 0 {
				break
			}
			k += from
			if wordEdge(lower, k) && wordEdge(lower, k+len(n)) {
				d.known = append(d.known, [2]int{k, k + len(n)})
			}
			from = k + 1
		}
	}
	sort.Slice(d.known, func(i, j int) bool { return d.known[i][0] < d.known[j][0] })
	return d.known
}

// wordEdge reports whether byte i of s is not inside a word.
func wordEdge(s string, i int) bool {
	if i <= 0 || i >= len(s) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(before) || !isWordRune(after)
}

// lowerASCII lowers A–Z and leaves every other byte alone, so that offsets stay valid.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
