// Package dict is the English word list the proofreader checks spelling against: SCOWL's
// American and British lists up to size 70 as Debian ships them, each word with how
// common it is (see README.md and COPYING-SCOWL), a few words of our own, and common
// typos with their corrections. It also says what a word it lacks was meant to be, and
// whether it is sure.
package dict

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/golangci/misspell"
)

var (
	//go:embed words.gz
	wordsGz []byte
	//go:embed extra-words.txt
	extraWords string
	//go:embed typos.txt
	typoList string
	//go:embed joined.txt
	joinedList string
)

// Sizes are SCOWL's: 10 holds the commonest words, 70 the rarest it has.
const (
	commonSize = 35 // words this common make compounds (storytelling) and may be run together
	nearSize   = 60 // words this common are searched two edits away
	extraSize  = 50 // our own words count as this common
	rareSize   = 70
)

// Dictionary answers whether a word is English and what was probably meant when it is not.
// It never changes once loaded, so any number of goroutines may use it at once.
type Dictionary struct {
	words map[string]uint8  // as the lists write them ("colour", "Paris", "I'm") → SCOWL size
	typos map[string]string // a lower-case typo → its correction
	// near holds the lower-case words up to nearSize by first letter and length in bytes:
	// words two edits away are searched among words that start like the typo.
	near map[byte][][]nearWord
	// small are the words that are typed run into another ("interms", "thisrole"); pairs,
	// the two short words that are typed as one ("asa" is "as a").
	small, pairs map[string]bool
	// extra are our own words, whose plurals and other regular forms are not listed.
	extra map[string]bool
}

// load reads the lists the first time the dictionary is needed. The lists take tens of
// milliseconds to read, which a window should not spend on its first keystroke: see Load.
var load = sync.OnceValue(build)

// Load returns the dictionary, reading it on the first call. Call it early, off the UI
// goroutine, to have it ready; every call after the first returns at once.
func Load() *Dictionary { return load() }

func build() *Dictionary {
	d := &Dictionary{words: make(map[string]uint8, 140000), near: make(map[byte][][]nearWord, 32),
		small: map[string]bool{}, pairs: map[string]bool{}, extra: map[string]bool{}}
	// The words share the one string the list was read into: no copy per word.
	size := uint8(rareSize)
	for text := gunzip(wordsGz); text != ""; {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		switch {
		case line == "" || line[0] == '#':
		case strings.HasPrefix(line, "= "):
			if n, err := strconv.Atoi(line[2:]); err == nil && n > 0 && n < 256 {
				size = uint8(n)
			}
		default:
			d.add(line, size)
		}
	}
	for line := range strings.Lines(extraWords) {
		if w := strings.TrimSpace(line); w != "" && w[0] != '#' {
			w = strings.Clone(w)
			d.add(w, extraSize)
			d.extra[w] = true
		}
	}
	inPairs := false // the pairs come after the small words, under their own heading
	for line := range strings.Lines(joinedList) {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case line[0] == '#':
			inPairs = inPairs || strings.Contains(line, "Two short words")
		case inPairs:
			d.pairs[strings.Join(strings.Fields(line), " ")] = true
		default:
			for _, w := range strings.Fields(line) {
				d.small[w] = true
			}
		}
	}
	d.typos = make(map[string]string, len(misspell.DictMain)/2)
	// misspell's general list first, ours second so that ours wins where both have a word.
	// Its typos of four letters or fewer are left out: a word that short is a slip away from
	// several others ("ther": there, their, the), and our own list has the sure ones.
	for i := 0; i+1 < len(misspell.DictMain); i += 2 {
		if len(misspell.DictMain[i]) > 4 {
			d.addTypo(misspell.DictMain[i], misspell.DictMain[i+1])
		}
	}
	for line := range strings.Lines(typoList) {
		typo, fix, ok := strings.Cut(strings.TrimSpace(line), " ")
		if ok && !strings.HasPrefix(typo, "#") {
			d.addTypo(typo, strings.TrimSpace(fix))
		}
	}
	return d
}

func gunzip(data []byte) string {
	r, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		panic("dict: embedded word list is damaged: " + err.Error())
	}
	var b strings.Builder
	b.Grow(2 << 20)
	if _, err := io.Copy(&b, r); err != nil {
		panic("dict: embedded word list is damaged: " + err.Error())
	}
	return b.String()
}

// add lists a word at a size, keeping the smaller size when it is listed already.
func (d *Dictionary) add(w string, size uint8) {
	if old, ok := d.words[w]; ok {
		if size < old {
			d.words[w] = size
		}
		return
	}
	d.words[w] = size
	if size <= nearSize && isLowerWord(w) {
		byLen := d.near[w[0]]
		for len(byLen) <= len(w) {
			byLen = append(byLen, nil)
		}
		byLen[len(w)] = append(byLen[len(w)], nearWord{w, letters(w)})
		d.near[w[0]] = byLen
	}
}

// nearWord is a word of the near index with the set of its letters, one bit a letter: two
// edits change at most four bits, so most words are passed over by one comparison.
type nearWord struct {
	text    string
	letters uint32
}

// letters is the set of the letters a–z of w, one bit a letter.
func letters(w string) uint32 {
	var set uint32
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' {
			set |= 1 << (c - 'a')
		}
	}
	return set
}

// isLowerWord reports whether w is made of a–z only.
func isLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// addTypo keeps a correction only when the typo is not itself a word and every word of the
// correction is: the general list has entries that are wrong for letters.
func (d *Dictionary) addTypo(typo, fix string) {
	typo = strings.ToLower(typo)
	if d.listed(typo) {
		return
	}
	for _, w := range strings.Fields(fix) {
		if !d.listed(w) {
			return
		}
	}
	d.typos[typo] = fix
}

// listed reports whether the lists hold the word as written, or in lower case when it is
// written with capitals ("Thank" at the start of a sentence, "SINCERELY").
func (d *Dictionary) listed(w string) bool {
	if _, ok := d.words[w]; ok {
		return true
	}
	if l := strings.ToLower(w); l != w {
		_, ok := d.words[l]
		return ok
	}
	return false
}

// size is how common a lower-case word is, as its SCOWL size; 0 when it is not listed.
func (d *Dictionary) size(w string) uint8 { return d.words[w] }

// Known reports whether word — one word, no spaces or hyphens — is English: listed, or a
// possessive, contraction or regular inflection of a listed word, and not a known typo.
// Both ’ and ' are apostrophes.
func (d *Dictionary) Known(word string) bool {
	if len(word) > maxWord {
		return false
	}
	w := strings.ReplaceAll(word, "’", "'")
	if d.listed(w) {
		return true
	}
	l := strings.ToLower(w)
	if _, typo := d.typos[l]; typo {
		return false
	}
	// Possessives and contractions: "recruiter's", "companies'", "Acme'll".
	for _, end := range []string{"'s", "'", "'re", "'ve", "'ll", "'d", "'m"} {
		if base, ok := strings.CutSuffix(l, end); ok && base != "" {
			return d.listed(base) || d.inflected(base)
		}
	}
	return d.inflected(l)
}

// Compound splits a word the lists lack into two common words of four letters or more run
// together, as English
// makes new words (storytelling, codebase, skillset): whether such a word is right
// depends on its parts, which the caller judges ("yourname" is a template's leftover).
// A known typo ("everytime"), a letter typed twice ("gratefull") or a small word run into
// another ("thisrole") is no compound.
func (d *Dictionary) Compound(word string) (first, second string, ok bool) {
	w := strings.ToLower(word)
	if len(w) < 7 || len(w) > maxWord || !isASCII(w) {
		return "", "", false
	}
	if _, typo := d.typos[w]; typo {
		return "", "", false
	}
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] && d.listed(w[:i]+w[i+1:]) {
			return "", "", false
		}
	}
	for i := 4; i <= len(w)-4; i++ {
		if d.common(w[:i]) && !d.small[w[:i]] && !d.small[w[i:]] && (d.common(w[i:]) || d.inflectedCommon(w[i:])) {
			return w[:i], w[i:], true
		}
	}
	return "", "", false
}

func (d *Dictionary) common(w string) bool { s := d.words[w]; return s != 0 && s <= commonSize }

// inflectedCommon is inflected for the common words only: storytellers, roadmapping.
func (d *Dictionary) inflectedCommon(w string) bool {
	for _, end := range []string{"s", "es", "ed", "ing", "er", "ers"} {
		if base, ok := strings.CutSuffix(w, end); ok && len(base) >= 3 && d.common(base) {
			return true
		}
	}
	return false
}

// inflected reports whether a lower-case word is a regular form of one of our own words,
// which the lists lack: roadmaps, onboarded, upskilling. SCOWL lists the forms of its own
// words, so that "thats" is no plural of "that".
func (d *Dictionary) inflected(w string) bool {
	if len(w) < 4 {
		return false
	}
	has := func(base string) bool { return len(base) >= 2 && d.extra[base] }
	doubled := func(s string) bool { n := len(s); return n >= 2 && s[n-1] == s[n-2] && has(s[:n-1]) }
	switch {
	case strings.HasSuffix(w, "ies"):
		return has(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "ied"):
		return has(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "es") && has(w[:len(w)-2]):
		return true
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return has(w[:len(w)-1])
	case strings.HasSuffix(w, "ed"):
		s := w[:len(w)-2]
		return has(s) || has(s+"e") || doubled(s)
	case strings.HasSuffix(w, "ing"):
		s := w[:len(w)-3]
		return has(s) || has(s+"e") || doubled(s)
	case strings.HasSuffix(w, "ily"):
		return has(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "ly"):
		return has(w[:len(w)-2])
	}
	return false
}

// Correction is the certain correction of a common typo, in the typo's capitals.
func (d *Dictionary) Correction(word string) (string, bool) {
	w := strings.ReplaceAll(word, "’", "'")
	fix, ok := d.typos[strings.ToLower(w)]
	if !ok {
		return "", false
	}
	return matchCase(w, fix), true
}

// Suggest lists up to n words the writer probably meant, most likely first: see Guesses.
func (d *Dictionary) Suggest(word string, n int) []string {
	var out []string
	for _, g := range d.Guesses(word, true) {
		if len(out) == n {
			break
		}
		out = append(out, g.Text)
	}
	return out
}

// maxWord is the longest word, in bytes, the dictionary looks at: English has none longer,
// and the searches grow with the length.
const maxWord = 64

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func title(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// matchCase writes a suggestion in the capitals of the word it replaces: "Recieved" →
// "Received", "Asa" → "As a". A suggestion with capitals of its own (a name) keeps them.
func matchCase(word, s string) string {
	if s != strings.ToLower(s) {
		return s
	}
	r, _ := utf8.DecodeRuneInString(word)
	if unicode.IsUpper(r) {
		if strings.ToUpper(word) == word && utf8.RuneCountInString(word) > 1 {
			return strings.ToUpper(s)
		}
		return title(s)
	}
	return s
}
