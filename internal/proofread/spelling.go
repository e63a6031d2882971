package proofread

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/proofread/dict"
)

// Spelling: words that are not in the dictionary, except the names the app knows, words
// that look like names, addresses, links and numbers.

// Corrections cost most for words far from any other: past the first few unknown words
// (a letter in another language, pasted code) only the near ones are searched, then none.
const (
	thoroughSuggestions = 20
	nearSuggestions     = 200
	maxWordBytes        = 40 // longer "words" are codes, keys or pasted garbage, not English
)

func (d *doc) spelling(dic *dict.Dictionary) {
	names := d.knownWords()
	skip := d.unspellable()
	suggested := map[string]correction{} // one search per word, however often it is written
	// The sign-off line is made of sign-off words, some of other languages ("Cordiali
	// saluti"), and of the name: nothing on it to spell.
	so := d.signoff()
	for _, t := range d.toks {
		if so.found && t.start >= so.start && t.end <= so.end {
			continue
		}
		if t.start >= d.bodyEnd {
			break
		}
		if t.header && !d.inSubject(t.start) {
			continue
		}
		w := d.text[t.start:t.end]
		if utf8.RuneCountInString(w) < 2 || len(w) > maxWordBytes || strings.IndexFunc(w, unicode.IsDigit) >= 0 ||
			names[strings.TrimSuffix(t.word, "'s")] || inSpans(skip, t.start) {
			continue
		}
		first, size := utf8.DecodeRuneInString(w)
		if strings.IndexFunc(w[size:], unicode.IsUpper) >= 0 {
			continue // capitals inside a word: an acronym or a product name (SQL, LinkedIn)
		}
		if dic.Known(w) || d.goodCompound(dic, w) {
			continue
		}
		_, certain := dic.Correction(w)
		if unicode.IsUpper(first) && (!certain || !t.sentStart && !t.lineStart) {
			// A capitalised word the dictionary lacks is most likely a name: in mid-sentence
			// always, and at the start of one unless it is a well-known typo ("Thier").
			continue
		}
		if !certain && !isASCIIWord(w) {
			continue // a word from another language, or a name written with its accents
		}
		if d.censored(t) {
			continue // "sh*t": a word written with a star in it is not spelt, it is hidden
		}
		c, seen := suggested[w]
		if !seen {
			switch n := len(suggested); {
			case n < thoroughSuggestions:
				c.fix, c.choices = dic.Correct(w, true)
			case n < nearSuggestions:
				c.fix, c.choices = dic.Correct(w, false)
			}
			c = c.spelt(dic)
			if c.namesAGap() {
				c = correction{leftover: true}
			}
			suggested[w] = c
		}
		switch {
		case c.leftover:
			d.add(RuleMisspelling, t.start, t.end, fmt.Sprintf(book.message("misspelling.leftover"), w), "")
		case c.fix != "":
			d.addChoices(RuleMisspelling, t.start, t.end, fmt.Sprintf(book.message(RuleMisspelling), w, c.fix), c.fix, nil)
		case len(c.choices) > 0:
			d.addChoices(RuleMisspelling, t.start, t.end, fmt.Sprintf(book.message("misspelling.choices"), w), "", c.choices)
		default:
			d.add(RuleMisspelling, t.start, t.end, fmt.Sprintf(book.message("misspelling.no-suggestion"), w), "")
		}
	}
}

// correction is what a misspelt word should be: a fix when the dictionary is sure, else
// choices for the writer.
type correction struct {
	fix      string
	choices  []string
	leftover bool // a template's label run together ("bossname"): no word fixes it
}

// namesAGap reports whether the fix or a choice splits the word into a template's gap for
// a name, such as "boss name" for "bossname": what it stands for is a name no dictionary
// has, while "yourcompany" is rightly "your company".
func (c correction) namesAGap() bool {
	for _, s := range append([]string{c.fix}, c.choices...) {
		if _, b, ok := strings.Cut(strings.ToLower(s), " "); ok && nameWords.has(b) {
			return true
		}
	}
	return false
}

// spelt keeps only the fix and choices whose every word the dictionary knows: the
// proofreader never offers a word it would flag itself.
func (c correction) spelt(dic *dict.Dictionary) correction {
	ok := func(s string) bool {
		for _, w := range strings.Fields(s) {
			if !dic.Known(w) {
				return false
			}
		}
		return s != ""
	}
	if c.fix != "" && !ok(c.fix) {
		c.fix = ""
	}
	kept := c.choices[:0:0]
	for _, s := range c.choices {
		if ok(s) {
			kept = append(kept, s)
		}
	}
	c.choices = kept
	return c
}

// censored reports whether a word stands beside a star inside a word, as in "sh*t".
func (d *doc) censored(t token) bool {
	return t.start > 0 && d.text[t.start-1] == '*' && t.start > 1 && isASCIILetter(d.text[t.start-2]) ||
		t.end < len(d.text) && d.text[t.end] == '*' && t.end+1 < len(d.text) && isASCIILetter(d.text[t.end+1])
}

// knownWords are the words of the names the app knows, in lower case.
func (d *doc) knownWords() map[string]bool {
	out := map[string]bool{}
	for _, n := range d.knownNames() {
		for _, w := range strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(n, "’", "'")), func(r rune) bool { return !isWordRune(r) && r != '\'' }) {
			out[w] = true
			out[strings.TrimSuffix(w, "'s")] = true
		}
	}
	return out
}

// unspellable are the stretches of text that are not words to spell: e-mail addresses,
// links, domain and file names (acme.io, Node.js), handles and paths.
func (d *doc) unspellable() [][2]int {
	var out [][2]int
	text := d.text[:d.bodyEnd]
	for i := 0; i < len(text); {
		for i < len(text) && isSpaceByte(text[i]) {
			i++
		}
		start := i
		for i < len(text) && !isSpaceByte(text[i]) {
			i++
		}
		if chunk := text[start:i]; addressLike(chunk) || innerDot(chunk) {
			out = append(out, [2]int{start, i})
		}
	}
	return out
}

// addressLike reports whether a chunk of text holds what addresses, links, paths and
// handles are made of: @ / \ # _ = or "www.".
func addressLike(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '@', '/', '\\', '#', '_', '=':
			return true
		case 'w':
			if strings.HasPrefix(s[i:], "www.") {
				return true
			}
		}
	}
	return false
}

// innerDot reports whether a dot stands between two letters, as in a domain or file name.
func innerDot(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '.' && isASCIILetter(s[i-1]) && isASCIILetter(s[i+1]) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isASCIIWord(w string) bool {
	for _, r := range w {
		if r >= utf8.RuneSelf && r != '’' {
			return false
		}
	}
	return true
}

// inSubject reports whether pos is on a "Subject:" header line: the subject is checked
// for spelling, the other headers (addresses, names) are not.
func (d *doc) inSubject(pos int) bool {
	l := d.line(d.lineStarts[d.lineOf(pos)])
	return len(l) >= 8 && strings.EqualFold(l[:8], "subject:")
}

// goodCompound reports whether w is two common words run together that make a word
// (storytelling, codebase), rather than a template's leftover such as "yourname" or
// "bossname", whose parts are the words placeholders are made of.
func (d *doc) goodCompound(dic *dict.Dictionary, w string) bool {
	a, b, ok := dic.Compound(w)
	return ok && !labelHeads.has(a) && !labelWords.has(a) && !labelHeads.has(b) && !labelWords.has(b)
}
