// Package dict is the English word list the proofreader checks spelling against: SCOWL's
// American and British lists as Debian ships them (see README.md and COPYING-SCOWL), a few
// words of our own, and common typos with their corrections.
package dict

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/golangci/misspell"
)

var (
	//go:embed american-english.gz
	americanGz []byte
	//go:embed british-english.gz
	britishGz []byte
	// The smaller lists hold the commoner words: suggestions offer those first.
	//go:embed american-english-small.gz
	americanSmallGz []byte
	//go:embed british-english-small.gz
	britishSmallGz []byte
	//go:embed extra-words.txt
	extraWords string
	//go:embed typos.txt
	typoList string
)

// Dictionary answers whether a word is English and what was probably meant when it is not.
// It never changes once loaded, so any number of goroutines may use it at once.
type Dictionary struct {
	words map[string]bool   // as the lists write them: "colour", "Paris", "I'm"; true if common
	typos map[string]string // a lower-case typo → its correction
	// near holds the lower-case words by first letter and length in bytes: suggestions
	// two edits away are searched among words that start like the typo.
	near map[byte][][]string
}

// load reads the lists the first time the dictionary is needed. The lists take tens of
// milliseconds to read, which a window should not spend on its first keystroke: see Load.
var load = sync.OnceValue(build)

// Load returns the dictionary, reading it on the first call. Call it early, off the UI
// goroutine, to have it ready; every call after the first returns at once.
func Load() *Dictionary { return load() }

func build() *Dictionary {
	d := &Dictionary{words: make(map[string]bool, 80000), near: map[byte][][]string{}}
	d.addList(gunzip(americanGz), false)
	d.addList(gunzip(britishGz), true)
	d.addList(extraWords, true)
	d.markCommon(gunzip(americanSmallGz))
	d.markCommon(gunzip(britishSmallGz))
	d.typos = make(map[string]string, len(misspell.DictMain)/2)
	// misspell's general list first, ours second so that ours wins where both have a word.
	for i := 0; i+1 < len(misspell.DictMain); i += 2 {
		d.addTypo(misspell.DictMain[i], misspell.DictMain[i+1])
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
	b.Grow(1 << 20)
	if _, err := io.Copy(&b, r); err != nil {
		panic("dict: embedded word list is damaged: " + err.Error())
	}
	return b.String()
}

// addList adds one word a line. Possessives ("Paris's") are left out: the proofreader takes
// "'s" off before it looks a word up. Words of a second list are copied, so that the text
// of a list that adds little is not kept whole.
func (d *Dictionary) addList(list string, clone bool) {
	sc := bufio.NewScanner(strings.NewReader(list))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || w[0] == '#' || strings.HasSuffix(w, "'s") {
			continue
		}
		if _, ok := d.words[w]; ok {
			continue
		}
		if clone {
			w = strings.Clone(w)
		}
		d.words[w] = false
		if w == strings.ToLower(w) && !strings.ContainsAny(w, "'-") {
			// In the order of the lists, so that suggestions come out the same every run.
			byLen := d.near[w[0]]
			for len(byLen) <= len(w) {
				byLen = append(byLen, nil)
			}
			byLen[len(w)] = append(byLen[len(w)], w)
			d.near[w[0]] = byLen
		}
	}
}

// markCommon marks the words of a smaller list, one a line, as common.
func (d *Dictionary) markCommon(list string) {
	for line := range strings.Lines(list) {
		if w := strings.TrimSpace(line); w != "" {
			if _, ok := d.words[w]; ok {
				d.words[w] = true
			}
		}
	}
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
	if _, typo := d.typos[strings.ToLower(w)]; typo {
		return false
	}
	l := strings.ToLower(w)
	// Possessives and contractions: "recruiter's", "companies'", "Acme'll".
	for _, end := range []string{"'s", "'", "'re", "'ve", "'ll", "'d", "'m"} {
		if base, ok := strings.CutSuffix(l, end); ok && base != "" {
			return d.listed(base) || d.inflected(base)
		}
	}
	return d.inflected(l)
}

// Compound splits a word the lists lack into two common words run together, as English
// makes new words (storytelling, codebase, skillset): whether such a word is right
// depends on its parts, which the caller judges ("yourname" is a template's leftover).
// A known typo ("everytime") or a letter typed twice ("gratefull") is no compound.
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
	for i := 3; i <= len(w)-3; i++ {
		if d.words[w[:i]] && (d.words[w[i:]] || d.inflectedCommon(w[i:])) {
			return w[:i], w[i:], true
		}
	}
	return "", "", false
}

// inflectedCommon is inflected for the common words only: storytellers, roadmapping.
func (d *Dictionary) inflectedCommon(w string) bool {
	for _, end := range []string{"s", "es", "ed", "ing", "er", "ers"} {
		if base, ok := strings.CutSuffix(w, end); ok && len(base) >= 3 && d.words[base] {
			return true
		}
	}
	return false
}

// inflected reports whether a lower-case word is a regular form of a listed word that the
// lists leave out, mostly of the words we add ourselves: roadmaps, onboarded, upskilling.
func (d *Dictionary) inflected(w string) bool {
	if len(w) < 4 {
		return false
	}
	has := func(base string) bool { return len(base) >= 2 && d.listed(base) }
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

// Suggest lists up to n words the writer probably meant, best first: the certain
// correction of a common typo, then listed words one edit away (a letter swapped with its
// neighbour, left out, wrong or doubled), then words two edits away that start alike.
func (d *Dictionary) Suggest(word string, n int) []string { return d.suggest(word, n, true) }

// SuggestNear is Suggest without the search two edits away, which takes most of its time.
func (d *Dictionary) SuggestNear(word string, n int) []string { return d.suggest(word, n, false) }

func (d *Dictionary) suggest(word string, n int, far bool) []string {
	if len(word) > maxWord {
		return nil
	}
	w := strings.ReplaceAll(word, "’", "'")
	var out []string
	seen := map[string]bool{}
	add := func(s string) bool {
		s = matchCase(w, s)
		if !seen[s] && s != w {
			seen[s] = true
			out = append(out, s)
		}
		return len(out) >= n
	}
	if n <= 0 {
		return nil
	}
	if fix, ok := d.Correction(w); ok && add(fix) {
		return out
	}
	l := strings.ToLower(w)
	if !isASCII(l) {
		return out
	}
	// A proper noun written in lower case: "monday".
	if t := title(l); t != l {
		if _, ok := d.words[t]; ok && add(t) {
			return out
		}
	}
	for _, c := range d.edits1(l) {
		if add(c) {
			return out
		}
	}
	if len(out) > 0 || len(l) < 6 || !far {
		return out // two edits from a short word could be almost any word
	}
	for _, c := range d.edits2(l) {
		if add(c) {
			return out
		}
	}
	return out
}

const alphabet = "abcdefghijklmnopqrstuvwxyz'"

// maxWord is the longest word, in bytes, the dictionary looks at: English has none longer,
// and the searches grow with the length.
const maxWord = 64

// edits1 lists the lower-case listed words one edit from w, in the order typists make the
// mistakes: an apostrophe left out (dont), two letters swapped, a letter typed twice, a
// letter left out, a letter for one that sounds alike, another wrong letter, a letter too
// many.
// Within each kind, words that keep the first letter come first.
func (d *Dictionary) edits1(w string) []string {
	var apostrophe, swaps, missing, wrong, extra []string
	lower := func(s string) bool { _, ok := d.words[s]; return ok }
	for i := 0; i+1 < len(w); i++ {
		if w[i] != w[i+1] {
			if c := w[:i] + string(w[i+1]) + string(w[i]) + w[i+2:]; lower(c) {
				swaps = append(swaps, c)
			}
		}
	}
	for i := 0; i <= len(w); i++ {
		for j := 0; j < len(alphabet); j++ {
			if c := w[:i] + alphabet[j:j+1] + w[i:]; lower(c) && alphabet[j] == '\'' {
				apostrophe = append(apostrophe, c)
			} else if lower(c) {
				missing = append(missing, c)
			}
		}
	}
	var soundAlike []string // a letter for one that sounds the same: choise, neccesary
	for i := 0; i < len(w); i++ {
		for j := 0; j < len(alphabet); j++ {
			if alphabet[j] != w[i] {
				if c := w[:i] + alphabet[j:j+1] + w[i+1:]; lower(c) && sameSound(w[i], alphabet[j]) {
					soundAlike = append(soundAlike, c)
				} else if lower(c) {
					wrong = append(wrong, c)
				}
			}
		}
	}
	var doubled []string // a letter typed twice: gratefull
	for i := 0; i < len(w); i++ {
		if c := w[:i] + w[i+1:]; c != "" && lower(c) {
			if i > 0 && w[i] == w[i-1] {
				doubled = append(doubled, c)
			} else {
				extra = append(extra, c)
			}
		}
	}
	var out []string
	for _, group := range [][]string{apostrophe, swaps, doubled, missing, soundAlike, wrong, extra} {
		slices.SortStableFunc(group, func(a, b string) int { return boolInt(a[0] != w[0]) - boolInt(b[0] != w[0]) })
		out = append(out, group...)
	}
	// Common words before rare ones, whatever the mistake: "choise" is "choice", not "chaise".
	slices.SortStableFunc(out, func(a, b string) int { return boolInt(!d.words[a]) - boolInt(!d.words[b]) })
	return out
}

// edits2 lists the words two edits from w that start with its first letter: common words
// first, then those nearest in length.
func (d *Dictionary) edits2(w string) []string {
	byLen := d.near[w[0]]
	var out []string
	for _, delta := range []int{0, -1, 1, -2, 2} {
		n := len(w) + delta
		if n < 2 || n >= len(byLen) {
			continue
		}
		for _, c := range byLen[n] {
			if distance(w, c, 2) <= 2 {
				out = append(out, c)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return boolInt(!d.words[a]) - boolInt(!d.words[b]) })
	return out
}

// distance is the optimal string alignment distance between a and b (edits, counting a
// swap of neighbours as one), or limit+1 as soon as it must exceed limit.
func distance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	var rows [3][32]int // words are short: no allocation for them
	prev2, prev, cur := rows[0][:], rows[1][:], rows[2][:]
	if len(b)+1 > len(prev) {
		prev2, prev, cur = make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := boolInt(a[i-1] != b[j-1])
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// sameSound reports whether two consonants are often written for each other.
func sameSound(a, b byte) bool {
	switch string([]byte{min(a, b), max(a, b)}) {
	case "cs", "sz", "ck", "gj", "iy":
		return true
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

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
// "Received". A suggestion with capitals of its own (a name) keeps them.
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
