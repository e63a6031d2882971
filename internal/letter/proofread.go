package letter

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/client9/misspell"
)

// Severity says how much a finding matters.
type Severity string

// The severities: an error should be fixed before sending, a warning probably, a tip maybe.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	SevTip     Severity = "tip"
)

// Rule ids.
const (
	RuleNoGratitude   = "no-gratitude"
	RuleNoDecision    = "no-decision"
	RuleFalseHope     = "false-hope"
	RuleNegative      = "negative-remark"
	RulePlaceholder   = "placeholder"
	RuleNoClosing     = "no-closing"
	RuleNoName        = "no-name"
	RuleOverApology   = "over-apology"
	RuleTooLong       = "too-long"
	RuleExclamation   = "exclamation"
	RuleMisspelling   = "misspelling"
	RuleCliche        = "cliche"
	RuleHedging       = "hedging"
	maxWords          = 200
	nameLookAhead     = 3 // lines after the sign-off searched for the name
	signoffLookBehind = 8 // last non-empty lines searched for the sign-off
)

// Rules lists every rule id with its severity, in the order the product documents them.
var Rules = []struct {
	ID       string
	Severity Severity
}{
	{RuleNoGratitude, SevError}, {RuleNoDecision, SevError}, {RuleFalseHope, SevError},
	{RuleNegative, SevError}, {RulePlaceholder, SevError}, {RuleNoClosing, SevError}, {RuleNoName, SevError},
	{RuleOverApology, SevWarning}, {RuleTooLong, SevWarning}, {RuleExclamation, SevWarning}, {RuleMisspelling, SevWarning},
	{RuleCliche, SevTip}, {RuleHedging, SevTip},
}

func severityOf(rule string) Severity {
	for _, r := range Rules {
		if r.ID == rule {
			return r.Severity
		}
	}
	return SevTip
}

// Finding is one thing the proofreader would change, and where: Start and End are byte
// offsets into the text (on rune boundaries), Line and Col count from 1, Col in characters.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Text     string   `json:"text"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
}

// ProofreadOptions tell the proofreader what it cannot see in the text.
type ProofreadOptions struct {
	Name string // the writer's full name, when known
}

// Proofread checks a letter — with or without a "Subject:" line and other headers before
// a blank line — and returns its findings in text order.
func Proofread(text string, opts ProofreadOptions) []Finding {
	d := newDoc(text)
	d.gratitude()
	d.decision()
	d.phrases(RuleFalseHope, falseHope, skipNegated|skipQuoted)
	d.phrases(RuleNegative, negativeRemarks, skipNegated|skipQuoted)
	d.placeholders(opts.Name)
	d.closingAndName(opts.Name)
	d.apologies()
	d.length()
	d.exclamations()
	d.misspellings()
	d.phrases(RuleCliche, cliches, skipQuoted)
	d.phrases(RuleHedging, hedges, skipQuoted)
	sort.SliceStable(d.out, func(i, j int) bool { return d.out[i].Start < d.out[j].Start })
	return d.out
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == SevError {
			return true
		}
	}
	return false
}

// doc is a letter being proofread.
type doc struct {
	text       string
	lower      string   // text with ASCII letters lowered, for the lower-case patterns
	lineStarts []int    // byte offset of each line
	bodyStart  int      // where the letter starts after any header lines
	quoted     [][2]int // byte ranges inside quotation marks
	out        []Finding
}

func newDoc(text string) *doc {
	d := &doc{text: text, lower: lowerASCII(text), lineStarts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			d.lineStarts = append(d.lineStarts, i+1)
		}
	}
	d.bodyStart = d.findBodyStart()
	d.quoted = findQuotes(text)
	return d
}

var headerLine = regexp.MustCompile(`^(?i)(subject|to|from|cc|bcc|date|reply-to):`)

// findBodyStart skips "Subject:"-style lines at the top and the blank line after them.
func (d *doc) findBodyStart() int {
	i := 0
	for _, start := range d.lineStarts {
		line := d.line(start)
		if !headerLine.MatchString(line) {
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

// line is the text of the line starting at start, without its line break.
func (d *doc) line(start int) string {
	end := strings.IndexByte(d.text[start:], '\n')
	if end < 0 {
		return strings.TrimSuffix(d.text[start:], "\r")
	}
	return strings.TrimSuffix(d.text[start:start+end], "\r")
}

func findQuotes(text string) [][2]int {
	var out [][2]int
	open := -1
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
		case '\n':
			if i+1 < len(text) && text[i+1] == '\n' {
				open = -1 // a quotation does not run on past its paragraph
			}
		}
	}
	return out
}

func (d *doc) inQuotes(pos int) bool {
	for _, q := range d.quoted {
		if pos >= q[0] && pos < q[1] {
			return true
		}
	}
	return false
}

// add records a finding over text[start:end].
func (d *doc) add(rule string, start, end int, message string) {
	start, end = max(0, min(start, len(d.text))), max(0, min(end, len(d.text)))
	for !RuneBoundary(d.text, start) {
		start--
	}
	for !RuneBoundary(d.text, end) {
		end++
	}
	line := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > start })
	col := utf8.RuneCountInString(d.text[d.lineStarts[line-1]:start]) + 1
	d.out = append(d.out, Finding{Rule: rule, Severity: severityOf(rule), Message: message,
		Text: d.text[start:end], Start: start, End: end, Line: line, Col: col})
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
	start := d.bodyStart
	for start < len(d.text) {
		l := d.line(start)
		if strings.TrimSpace(l) != "" {
			return start, start + len(l)
		}
		start += len(l) + 1
	}
	return d.bodyStart, d.bodyStart
}

// sentenceStart finds where the sentence around pos begins.
func (d *doc) sentenceStart(pos int) int {
	for i := pos - 1; i >= 0; i-- {
		switch d.text[i] {
		case '.', '!', '?', ';', '\n':
			return i + 1
		}
	}
	return 0
}

// sentenceEnd finds the end mark of the sentence around pos ('.', '!', '?' or a line break).
func (d *doc) sentenceEnd(pos int) (int, byte) {
	for i := pos; i < len(d.text); i++ {
		switch c := d.text[i]; c {
		case '.', '!', '?', '\n':
			return i, c
		}
	}
	return len(d.text), 0
}

// wordsBefore returns up to n lower-cased words before pos in its sentence.
func (d *doc) wordsBefore(pos, n int) []string {
	words := strings.FieldsFunc(strings.ToLower(d.text[d.sentenceStart(pos):pos]), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’'
	})
	if len(words) > n {
		words = words[len(words)-n:]
	}
	return words
}

var negators = map[string]bool{"not": true, "never": true, "no": true, "nor": true, "without": true, "hardly": true, "cannot": true}

// negated reports whether one of the three words before pos negates what follows.
func (d *doc) negated(pos int) bool {
	for _, w := range d.wordsBefore(pos, 3) {
		if negators[w] || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return true
		}
	}
	return false
}

type phraseRule struct {
	re  *regexp.Regexp
	msg string
	// cues are words at least one of which every match contains: a letter without any of
	// them skips the pattern, which keeps proofreading well under a millisecond.
	cues []string
}

const (
	skipNegated = 1 << iota // "not disappointing" is not a complaint
	skipQuoted              // words in quotation marks are someone else's
)

// phrases reports each match of the rule's patterns in the letter body.
func (d *doc) phrases(rule string, rules []phraseRule, skip int) {
	body := d.lower[d.bodyStart:]
	for _, pr := range rules {
		if !containsAny(body, pr.cues) {
			continue
		}
		for _, m := range pr.re.FindAllStringSubmatchIndex(body, -1) {
			start, end := m[0]+d.bodyStart, m[1]+d.bodyStart
			if len(m) >= 4 && m[2] >= 0 { // the pattern marks the words to flag
				start, end = m[2]+d.bodyStart, m[3]+d.bodyStart
			}
			if skip&skipQuoted != 0 && d.inQuotes(start) {
				continue
			}
			if skip&skipNegated != 0 && d.negated(start) {
				continue
			}
			if pr.re == kindOf && d.describesAKind(start) {
				continue
			}
			d.add(rule, start, end, pr.msg)
		}
	}
}

// re compiles a pattern written in lower case. Patterns run on the letter with its ASCII
// letters lowered (see lowerASCII), which keeps every byte offset and is much faster than
// case-insensitive matching.
func containsAny(s string, cues []string) bool {
	if len(cues) == 0 {
		return true
	}
	for _, c := range cues {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

func re(pattern string) *regexp.Regexp { return regexp.MustCompile(pattern) }

// lowerASCII lowers A–Z and leaves every other byte alone, so offsets stay valid.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

var gratitudeWords = re(`\b(thank(?:s|ful| you)?|grateful|gratitude|appreciat(?:e|ed|es|ing|ion|ive))\b`)

// firstMatch reports whether some match of re in the body passes ok; it stops at the first.
func (d *doc) firstMatch(re *regexp.Regexp, ok func(start int) bool) bool {
	for pos := d.bodyStart; pos < len(d.lower); {
		m := re.FindStringIndex(d.lower[pos:])
		if m == nil {
			return false
		}
		if ok(pos + m[0]) {
			return true
		}
		pos += max(m[1], 1)
	}
	return false
}

func (d *doc) gratitude() {
	if d.firstMatch(gratitudeWords, func(start int) bool {
		prev := d.wordsBefore(start, 1) // "no thanks" turns something down
		return !d.inQuotes(start) && !d.negated(start) && !(len(prev) == 1 && prev[0] == "no")
	}) {
		return
	}
	s, e := d.firstLineSpan()
	d.add(RuleNoGratitude, s, e, "Thank them — for the invitation and for the time they spent on your application.")
}

var (
	declineVerbs   = re(`\b(declin(?:e|ed|es|ing)|withdr(?:aw|awing|awn|awal|ew)|turn(?:ing|ed)?\s+down|pass(?:ing)?\s+on\s+(?:this|the|your)|remov(?:e|ing)\s+(?:myself|my\s+application|my\s+name)|step(?:ping)?\s+(?:back|away)\s+from)\b`)
	refusalPhrases = re(`(?:\bnot|n['’]t|\bunable\s+to|\bcannot)\s+(?:be\s+)?(?:able\s+to\s+)?(?:attend(?:ing)?|proceed(?:ing)?|continu(?:e|ing)|mov(?:e|ing)\s+forward|pursu(?:e|ing)|tak(?:e|ing)\s+part|accept(?:ing)?|go(?:ing)?\s+ahead|be\s+(?:attending|proceeding|continuing|pursuing))\b` +
		`|\bdecided\s+(?:not\s+to|against)\b|\bno\s+longer\s+(?:be\s+)?(?:interested|pursuing|available|considering)\b` +
		`|\b(?:must|have\s+to|will|(?:i|we)['’]ll)\s+(?:respectfully\s+)?pass\b`)
	doubtWords = map[string]bool{"whether": true, "if": true, "should": true, "could": true, "might": true, "may": true, "wonder": true, "wondering": true, "considering": true, "thinking": true}
)

// decision looks for a sentence that clearly turns the interview or the application down.
func (d *doc) decision() {
	if d.firstMatch(declineVerbs, func(start int) bool { return d.firm(start) && !d.negated(start) && !d.doubtful(start) }) ||
		d.firstMatch(refusalPhrases, func(start int) bool { return d.firm(start) && !d.doubtful(start) }) {
		return
	}
	s, e := d.firstLineSpan()
	d.add(RuleNoDecision, s, e, "Say plainly that you are declining the interview or withdrawing your application.")
}

// firm reports whether the sentence at pos states something: not a question, not quoted,
// not a condition.
func (d *doc) firm(pos int) bool {
	if d.inQuotes(pos) {
		return false
	}
	if _, mark := d.sentenceEnd(pos); mark == '?' {
		return false
	}
	first := strings.Fields(strings.ToLower(d.text[d.sentenceStart(pos):pos]))
	return len(first) == 0 || (first[0] != "if" && first[0] != "should" && first[0] != "whether" && first[0] != "unless")
}

func (d *doc) doubtful(pos int) bool {
	for _, w := range d.wordsBefore(pos, 3) {
		if doubtWords[w] {
			return true
		}
	}
	return false
}

var falseHope = []phraseRule{
	{re(`\b((?:not|n['’]t)\s+(?:yet\s+|entirely\s+|completely\s+|really\s+|quite\s+)?(?:sure|certain)(?:\s+yet)?\s+(?:if|whether|about))\b`),
		"This sounds undecided. Tell them what you have decided.", []string{"sure", "certain"}},
	{re(`\b((?:not|n['’]t)\s+(?:yet\s+|entirely\s+|completely\s+|really\s+|quite\s+)?(?:sure|certain)(?:\s+yet)?)\s*[.!;]`),
		"This sounds undecided. Tell them what you have decided.", []string{"sure", "certain"}},
	{re(`\b((?:not|n['’]t)\s+(?:yet\s+)?(?:sure|certain)\s+(?:that\s+)?i['’]?(?:m|\s+am|\s+would\s+be)\s+(?:still\s+)?interested)\b`),
		"This sounds undecided. Tell them what you have decided.", []string{"sure", "certain"}},
	{re(`\b((?:need|needs|needing|want|would\s+like|take)\s+(?:some\s+|a\s+(?:bit|little)\s+)?(?:more\s+)?time\s+to\s+(?:think|decide|consider|reflect))`),
		"Asking for time to think leaves them waiting. Give your decision.", []string{"time to"}},
	{re(`\b((?:maybe|perhaps|possibly)\s+(?:later|another\s+time|in\s+the\s+future|down\s+the\s+road|next\s+time|some\s+other\s+time))\b`),
		"A vague “maybe later” gives false hope. Offer something concrete, or nothing.", []string{"maybe", "perhaps", "possibly"}},
	{re(`\b(keep(?:ing)?\s+(?:my|our)\s+options\s+open|on\s+the\s+fence|undecided|still\s+deciding|torn\s+between|sleep\s+on\s+it)\b`),
		"This sounds undecided. Tell them what you have decided.", []string{"options", "fence", "undecided", "deciding", "torn", "sleep on"}},
	{re(`\b((?:have|has)\s+not\s+(?:yet\s+)?decided|haven['’]t\s+(?:yet\s+)?decided)\b`),
		"This sounds undecided. Tell them what you have decided.", []string{"decided"}},
	{re(`\b((?:i['’]ll|i\s+will|i['’]d|i\s+would)\s+(?:get\s+back\s+to\s+you|let\s+you\s+know|think\s+(?:about\s+it|it\s+over)))\b`),
		"Promising to come back later leaves them waiting. Give your decision now.", []string{"get back", "let you know", "think about", "think it"}},
	{re(`\b((?:might|may|could)\s+(?:still\s+)?(?:be\s+)?interested)\b`),
		"“Might be interested” gives false hope. Be clear.", []string{"interested"}},
}

var negativeRemarks = []phraseRule{
	{re(`\b(unprofessional|disorgani[sz]ed|rude(?:ly)?|toxic|terrible|awful|horrible|horrendous|appalling|incompetent|arrogant|condescending|dismissive|disrespectful|unethical|dishonest|shady|sketchy|exploitative|insulting|ridiculous|absurd|unreasonable|chaotic|worst|useless|pathetic|lousy|mediocre|boring|dull|outdated|micromanag\w*|bureaucratic|red\s+flags?|disappointing|frustrating|annoying)\b`),
		"Criticism burns the bridge. Leave it out and speak about your own plans.", []string{"unprofessional", "disorgani", "rude", "toxic", "terrible", "awful", "horri", "appalling", "incompetent", "arrogant", "condescending", "dismissive", "disrespectful", "unethical", "dishonest", "shady", "sketchy", "exploitative", "insulting", "ridiculous", "absurd", "unreasonable", "chaotic", "worst", "useless", "pathetic", "lousy", "mediocre", "boring", "dull", "outdated", "micromanag", "bureaucratic", "red flag", "disappointing", "frustrating", "annoying"}},
	{re(`\b(waste\s+of\s+(?:my\s+|our\s+|your\s+)?time|time[-\s]wasting|low-?ball(?:ed|ing)?|underpa(?:id|ying|y)|below\s+(?:market|average)|too\s+(?:slow|long|low|many\s+(?:rounds|interviews|steps))|poorly\s+(?:run|managed|organi[sz]ed|written|paid|handled)|poor\s+(?:communication|management|reviews|culture|pay|treatment|organi[sz]ation)|bad\s+(?:reviews|experience|reputation|culture|management|impression)|not\s+impressed|unimpressed|disappointed\s+(?:by|with|in)|frustrated\s+(?:by|with)|annoyed\s+(?:by|with)|unhappy\s+with)\b`),
		"Criticism burns the bridge. Leave it out and speak about your own plans.", []string{"waste of", "wasting", "ball", "underpa", "below", "too ", "poorly", "poor ", "bad ", "impressed", "disappointed", "frustrated", "annoyed", "unhappy"}},
	{re(`\bi\s+(hate[ds]?|dislike[ds]?|despise[ds]?)\b`),
		"Criticism burns the bridge. Leave it out and speak about your own plans.", []string{"hate", "dislike", "despise"}},
}

var cliches = []phraseRule{
	{re(`\b(circle\s+back|touch(?:ing)?\s+base|at\s+the\s+end\s+of\s+the\s+day|think\s+outside\s+the\s+box|low[-\s]hanging\s+fruit|move\s+the\s+needle|synerg(?:y|ies|ize)|deep[-\s]dive|per\s+my\s+last\s+email|loop\s+(?:you\s+|me\s+)?in|game[-\s]changer|win[-\s]win|take\s+(?:this|it)\s+offline|hit\s+the\s+ground\s+running|paradigm\s+shift|thought\s+leader(?:ship)?|wheelhouse|boil\s+the\s+ocean|bandwidth|value[-\s]add)\b`),
		"Office jargon. Plain words read warmer.", []string{"circle", "base", "end of the day", "outside the box", "hanging", "needle", "synerg", "dive", "last email", "loop", "changer", "win", "offline", "ground running", "paradigm", "thought leader", "wheelhouse", "ocean", "bandwidth", "value"}},
}

// kindOf is checked apart: "a different kind of role" describes; "I kind of want" hedges.
var kindOf = re(`\b((?:kind|sort)\s+of)\b`)

var hedges = []phraseRule{
	{kindOf, "A hedge weakens your message. Say it directly.", []string{"kind of", "sort of"}},
	{re(`\b(i\s+guess|i\s+suppose|i\s+feel\s+like|somewhat|a\s+little\s+bit|more\s+or\s+less|probably|i\s+just\s+wanted\s+to)\b`),
		"A hedge weakens your message. Say it directly.", []string{"guess", "suppose", "feel like", "somewhat", "little bit", "more or less", "probably", "just wanted"}},
}

var kindWords = map[string]bool{"a": true, "an": true, "the": true, "this": true, "that": true, "these": true, "those": true,
	"what": true, "which": true, "any": true, "some": true, "every": true, "one": true, "same": true, "different": true,
	"other": true, "another": true, "new": true, "right": true, "my": true, "your": true, "our": true, "their": true}

// describesAKind reports whether "kind of" / "sort of" at pos names a kind ("the same kind
// of role") rather than hedging ("I kind of hoped").
func (d *doc) describesAKind(pos int) bool {
	prev := d.wordsBefore(pos, 1)
	return len(prev) == 1 && kindWords[prev[0]]
}

var placeholderPatterns = []struct {
	re  *regexp.Regexp
	cue string // a match always holds it
}{
	{regexp.MustCompile(`\[[^\[\]\n]{1,60}\]`), "["},
	{regexp.MustCompile(`<[A-Za-z][A-Za-z .'_-]{0,38}>`), "<"},
	{regexp.MustCompile(`\{\{[^{}\n]{0,60}\}\}|\{[a-z_]{2,30}\}`), "{"},
	{regexp.MustCompile(`\b(?:XXX+|xxx+)\b|\$X+(?:,X+)*`), "xx"},
	{regexp.MustCompile(`\b(?:TBD|TBA)\b`), "tb"},
	{regexp.MustCompile(`\b[Ll]orem\s+ipsum\b`), "orem"},
}

// placeholders flags template gaps nobody filled in. Bracketed editorial marks such as
// [sic] and anything that is part of the writer's own name are left alone.
func (d *doc) placeholders(name string) {
	for _, p := range placeholderPatterns {
		if !strings.Contains(d.lower, p.cue) {
			continue
		}
		for _, m := range p.re.FindAllStringIndex(d.text, -1) {
			t := d.text[m[0]:m[1]]
			inner := strings.ToLower(strings.Trim(t, "[]"))
			if inner == "sic" || inner == "…" || inner == "..." || strings.Trim(inner, "0123456789, ") == "" {
				continue
			}
			if name != "" && strings.Contains(strings.ToLower(name), strings.ToLower(t)) {
				continue
			}
			d.add(RulePlaceholder, m[0], m[1], fmt.Sprintf("%s looks like a placeholder that was never filled in.", t))
		}
	}
}

var signoffs = map[string]bool{
	"sincerely": true, "sincerely yours": true, "yours sincerely": true, "yours faithfully": true, "yours truly": true,
	"best": true, "best regards": true, "kind regards": true, "kindest regards": true, "warm regards": true,
	"warmest regards": true, "warm wishes": true, "best wishes": true, "regards": true, "with regards": true,
	"with best regards": true, "with kind regards": true, "many thanks": true, "thanks": true, "thank you": true,
	"thanks again": true, "thank you again": true, "with thanks": true, "with gratitude": true, "with appreciation": true,
	"cheers": true, "respectfully": true, "respectfully yours": true, "all the best": true, "take care": true,
	"cordially": true, "warmly": true, "yours": true, "with best wishes": true, "all best": true,
}

// signoffAt reports whether a line is a sign-off, alone ("Best regards,") or followed by the
// name on the same line ("Best regards, Jo Park"); rest is what follows the comma.
func signoffAt(line string) (ok bool, rest string) {
	l := strings.TrimSpace(line)
	head, tail, hasComma := strings.Cut(l, ",")
	key := strings.ToLower(strings.Join(strings.Fields(strings.TrimRight(head, ".!—- ")), " "))
	if !signoffs[key] {
		return false, ""
	}
	if hasComma {
		return true, strings.TrimSpace(tail)
	}
	return true, ""
}

// closingAndName looks for a sign-off near the end and the writer's full name under it.
func (d *doc) closingAndName(name string) {
	var lines []int // starts of the non-empty lines, last first
	for i := len(d.lineStarts) - 1; i >= 0 && len(lines) < signoffLookBehind; i-- {
		start := d.lineStarts[i]
		if start < d.bodyStart {
			break
		}
		if strings.TrimSpace(d.line(start)) != "" {
			lines = append(lines, start)
		}
	}
	for i, start := range lines {
		ok, rest := signoffAt(d.line(start))
		if !ok {
			continue
		}
		if i == 0 && rest == "" && len(lines) > 1 && !d.closesLetter(lines[1]) {
			continue // a last-line "Thanks" after text is not a sign-off
		}
		candidates := []string{}
		if rest != "" {
			candidates = append(candidates, rest)
		}
		for j := i - 1; j >= 0 && j >= i-nameLookAhead; j-- {
			candidates = append(candidates, strings.TrimSpace(d.line(lines[j])))
		}
		if !hasName(candidates, name) {
			msg := "Sign with your full name under the sign-off."
			if name != "" {
				msg = fmt.Sprintf("Sign with your full name, %s, under the sign-off.", name)
			}
			d.add(RuleNoName, start, start+len(d.line(start)), msg)
		}
		return
	}
	end := len(strings.TrimRight(d.text, " \t\r\n"))
	if len(lines) > 0 {
		d.add(RuleNoClosing, lines[0], end, "End with a sign-off such as “Best regards,” or “Sincerely,” on its own line, then your full name.")
		return
	}
	d.add(RuleNoClosing, end, end, "End with a sign-off such as “Best regards,” or “Sincerely,” on its own line, then your full name.")
}

// closesLetter reports whether the line before a possible sign-off ends a sentence, as the
// last paragraph of a letter does.
func (d *doc) closesLetter(start int) bool {
	l := strings.TrimSpace(d.line(start))
	return l == "" || strings.ContainsAny(l[len(l)-1:], ".!?,")
}

func hasName(lines []string, name string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	for i, l := range lines {
		if name != "" {
			if strings.Contains(norm(l), norm(name)) {
				return true
			}
			continue
		}
		if i == 0 || len(lines) == 1 || looksLikeFullName(l) {
			return looksLikeFullName(l)
		}
	}
	return false
}

var nameParticles = map[string]bool{"de": true, "van": true, "von": true, "da": true, "di": true, "del": true, "der": true,
	"la": true, "le": true, "bin": true, "al": true, "dos": true, "du": true, "ten": true, "ter": true}

// looksLikeFullName accepts two or more capitalised words, allowing particles (van, de)
// and initials, and nothing that is not part of a name.
func looksLikeFullName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	capitals := 0
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.' {
				return false
			}
		}
		first, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(first):
			capitals++
		case nameParticles[strings.ToLower(w)]:
		default:
			return false
		}
	}
	return capitals >= 2
}

var apologyWords = re(`\b(sorry|apologi[sz](?:e|es|ed|ing)|apolog(?:y|ies)|regret(?:s|ted|fully)?)\b`)

func (d *doc) apologies() {
	var hits [][]int
	for _, m := range apologyWords.FindAllStringIndex(d.lower[d.bodyStart:], -1) {
		if !d.inQuotes(m[0]+d.bodyStart) && !d.negated(m[0]+d.bodyStart) {
			hits = append(hits, m)
		}
	}
	if len(hits) > 1 {
		m := hits[1]
		d.add(RuleOverApology, m[0]+d.bodyStart, m[1]+d.bodyStart,
			fmt.Sprintf("%d apologies. One is enough: the decision is yours to make.", len(hits)))
	}
}

var wordPattern = regexp.MustCompile(`[\p{L}\p{N}]+(?:['’][\p{L}]+)*`)

func (d *doc) length() {
	words := wordPattern.FindAllStringIndex(d.text[d.bodyStart:], -1)
	if len(words) <= maxWords {
		return
	}
	start := words[maxWords][0] + d.bodyStart
	end := len(strings.TrimRight(d.text, " \t\r\n"))
	d.add(RuleTooLong, start, end, fmt.Sprintf("%d words. Keep it under %d: a short letter reads as more certain.", len(words), maxWords))
}

func (d *doc) exclamations() {
	if i := strings.Index(d.text[d.bodyStart:], "!!"); i >= 0 {
		i += d.bodyStart
		end := i
		for end < len(d.text) && d.text[end] == '!' {
			end++
		}
		d.add(RuleExclamation, i, end, "More than one exclamation mark reads as shouting.")
		return
	}
	first := strings.IndexByte(d.text[d.bodyStart:], '!')
	if first < 0 {
		return
	}
	if second := strings.IndexByte(d.text[d.bodyStart+first+1:], '!'); second >= 0 {
		at := d.bodyStart + first + 1 + second
		d.add(RuleExclamation, at, at+1, "One exclamation mark is the most a polite letter carries.")
	}
}

// extraMisspellings adds mistakes common in cover and decline letters that the general
// list does not know.
var extraMisspellings = []string{
	"oppurtunity", "opportunity", "oportunity", "opportunity", "oppertunity", "opportunity", "opportunaty", "opportunity",
	"apreciate", "appreciate", "appriciate", "appreciate", "appreicate", "appreciate", "apprecaite", "appreciate",
	"interveiw", "interview", "intervew", "interview", "inteview", "interview", "intreview", "interview",
	"sincerly", "sincerely", "sincerley", "sincerely", "sincerelly", "sincerely", "sinserely", "sincerely",
	"regaurds", "regards", "reguards", "regards", "regrads", "regards",
	"posistion", "position", "postion", "position", "positon", "position",
	"applicaton", "application", "aplication", "application", "consideraton", "consideration",
	"considaration", "consideration", "decison", "decision", "decission", "decision",
	"greatful", "grateful", "thankfull", "thankful", "respectfuly", "respectfully", "withdrawl", "withdrawal",
	"recomend", "recommend", "reccomend", "recommend", "reccommend", "recommend", "collegue", "colleague",
	"colleage", "colleague", "acknowlege", "acknowledge", "truely", "truly", "appologize", "apologize", "alot", "a lot",
}

var (
	spellerOnce sync.Once
	speller     *misspell.Replacer
)

func (d *doc) misspellings() {
	spellerOnce.Do(func() {
		speller = misspell.New()
		speller.AddRuleList(extraMisspellings)
		speller.Compile()
	})
	_, diffs := speller.Replace(d.text)
	for _, df := range diffs {
		if df.Line < 1 || df.Line > len(d.lineStarts) {
			continue
		}
		start := d.lineStarts[df.Line-1] + df.Column
		if start < d.bodyStart || !strings.HasPrefix(d.text[start:], df.Original) {
			continue
		}
		d.add(RuleMisspelling, start, start+len(df.Original), fmt.Sprintf("“%s” is misspelled: write “%s”.", df.Original, df.Corrected))
	}
}
