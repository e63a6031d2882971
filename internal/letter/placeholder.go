package letter

import (
	"fmt"
	"regexp"
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
	nameWords     = newWordSet(atom{text: "name"}, atom{text: "names"}, atom{text: "fullname"}, atom{text: "firstname"},
		atom{text: "lastname"}, atom{text: "surname"}, atom{text: "signature"})
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
	{regexp.MustCompile(`\b` + unfilledAlternatives() + `\b`), unfilledCues()},
	{regexp.MustCompile(`\b[Ll]orem\s+ipsum\b`), []string{"orem"}},
	{regexp.MustCompile(titleAlternatives() + `(?:\s*/\s*` + titleAlternatives() + `)+(?:\s+(?:Last\s*[Nn]ame|LastName|Lastname|Surname|Name|X+)\b)?`), []string{"/"}},
	{regexp.MustCompile(titleAlternatives() + `\s+(?:Last\s*[Nn]ame|LastName|Lastname|Surname|X{2,})\b`), []string{"ame", "XX"}},
}

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
	for _, p := range placeholderPatterns {
		if !containsAny(d.text, p.cues) {
			continue
		}
		for _, m := range p.re.FindAllStringIndex(d.text, -1) {
			if d.ordinaryBrackets(m[0], m[1]) || d.inKnownName(m[0], m[1]) {
				continue
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
			s, e := m[2], m[3]
			if s < 0 {
				s, e = m[4], m[5]
			}
			d.addPlaceholder(start+s, start+len(strings.TrimRight(l[:e], " \t")))
		}
	}
	d.labels()
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
		return !d.isLabel(inner, true)
	}
	return false
}

// isLabel reports whether s is made only of label words and holds a head word: "Company
// Name", "your name here". In parentheses it must also look like one: Title Case,
// capitals, or a marker word such as "your" or "insert".
func (d *doc) isLabel(s string, parenthesised bool) bool {
	words := strings.FieldsFunc(strings.ReplaceAll(s, "’", "'"), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '-'
	})
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	head, marker, capitals := false, false, true
	for _, w := range words {
		l := strings.ToLower(w)
		if !labelHeads.has(l) && !labelWords.has(l) {
			return false
		}
		head = head || labelHeads.has(l)
		marker = marker || labelMarkers.has(l)
		r, _ := utf8.DecodeRuneInString(w)
		capitals = capitals && (unicode.IsUpper(r) || l == "of")
	}
	return head && (!parenthesised || marker || capitals)
}

// labels finds labels standing as text: a line that is nothing but a label ("Your Name",
// "Company Name"), or a label in Title Case or capitals inside a sentence.
func (d *doc) labels() {
	toks := d.toks
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && d.labelWord(j) && (j == i || toks[j].tight) {
			j++
		}
		if j == i {
			i++
			continue
		}
		start, end := toks[i].start, toks[j-1].end
		if d.labelRun(i, j) && !d.inKnownName(start, end) {
			d.addPlaceholder(start, end)
		}
		i = j
	}
}

func (d *doc) labelWord(i int) bool {
	w := d.toks[i].word
	return labelHeads.has(w) || labelWords.has(w)
}

// labelRun decides whether label words toks[i:j] are a placeholder.
func (d *doc) labelRun(i, j int) bool {
	toks := d.toks
	head := false
	capitals, upper := true, true
	for k := i; k < j; k++ {
		head = head || labelHeads.has(toks[k].word)
		w := d.text[toks[k].start:toks[k].end]
		r, _ := utf8.DecodeRuneInString(w)
		capitals = capitals && (unicode.IsUpper(r) || toks[k].word == "of")
		upper = upper && strings.ToUpper(w) == w
	}
	if !head {
		return false
	}
	lineStart := d.lineStarts[d.lineOf(toks[i].start)]
	line := d.line(lineStart)
	before := d.text[lineStart:toks[i].start]
	after := d.text[toks[j-1].end : lineStart+len(line)]
	if strings.Trim(before, " \t-*•>") == "" && strings.Trim(after, " \t,.:;!") == "" {
		// The whole line: a label in any case, but one word only from [label-single].
		return j-i > 1 || labelSingles.has(toks[i].word)
	}
	if strings.HasPrefix(strings.TrimLeft(after, " \t"), ":") {
		return false // "Phone: 555 0100" labels a value that is there
	}
	return (capitals && j-i > 1) || (upper && utf8.RuneCountInString(d.text[toks[i].start:toks[j-1].end]) > 1)
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
	switch {
	case has(fillsCompany):
		return d.opts.Company
	case named && has(fillsRecip):
		return d.opts.Recipient
	case named && has(fillsWriter):
		return d.opts.Name
	case named || len(words) == 0 || strings.Trim(t, ".…_- \t") == "":
		// A bare "[Name]" or "…": whose depends on where it stands.
		switch {
		case d.inGreeting(start):
			return d.opts.Recipient
		case named && d.inSignature(start):
			return d.opts.Name
		}
		return ""
	case has(fillsRecip):
		return d.opts.Recipient
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
	for _, k := range d.knownSpans() {
		if k[0] <= start && end <= k[1] {
			return true
		}
	}
	return false
}

// knownSpans are where the names the app knows stand in the text, found once per letter.
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
		if lower == "" {
			lower = lowerASCII(d.text)
		}
		for from := 0; ; {
			k := strings.Index(lower[from:], n)
			if k < 0 {
				break
			}
			d.known = append(d.known, [2]int{from + k, from + k + len(n)})
			from += k + 1
		}
	}
	return d.known
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
