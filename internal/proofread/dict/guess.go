package dict

import (
	"math/bits"
	"slices"
	"strings"
)

// What a word the lists lack was meant to be. Each guess is scored as a noisy channel:
// how common the word is (its SCOWL size) times how likely the slips are that turn it into
// what was typed — a space or an apostrophe left out, two letters swapped, a doubled letter
// typed once or a single one twice, a neighbouring key, a vowel for a vowel, and, far less
// likely, any other letter. A fix is offered only when one guess is clearly ahead of the
// others; otherwise the guesses are choices for the writer.

// A Guess is a word (or two) the writer may have meant, with how likely: scores compare the
// guesses for one word, and mean nothing across words.
type Guess struct {
	Text  string
	Score float64
}

const (
	// sureRatio is how far ahead of the next guess the best must be to be a fix.
	sureRatio = 4
	// sureScore is the least score of a fix: a word this unlikely is a choice at most.
	sureScore = 0.01
	// choiceShare is how close to the best a guess must be to be offered as a choice.
	choiceShare = 1.0 / 40
	maxChoices  = 5
	// farFrom is the shortest word searched two edits away: from a shorter one almost any
	// word is two edits away.
	farFrom = 5
	// shortWord is the longest word fixed only from the typo list or as two short words run
	// together ("asa"): a word this short is a slip away from many, and is as often an
	// abbreviation ("pls" is not "plus").
	shortWord = 3
)

// Slips and their likelihoods, for one given slip: a wrong key is one of several
// neighbours, so any one of them is less likely than two given letters swapped.
const (
	slipSpace     = 0.8  // a small word typed without the space after or before it: interms
	slipCompound  = 0.2  // two longer words typed without the space between them
	slipApostophe = 1.0  // dont
	slipCase      = 1.0  // monday
	slipSwap      = 0.5  // recieve
	slipDouble    = 0.5  // a doubled letter typed once (ocur) or a single one twice (gratefull)
	slipVowel     = 0.25 // a vowel for a vowel, or a letter that sounds alike: seperate
	slipMissed    = 0.12 // a letter left out
	slipNear      = 0.1  // a neighbouring key
	slipExtraNear = 0.1  // a letter too many, next to its neighbour on the keyboard
	slipExtra     = 0.03 // any other letter too many
	slipOther     = 0.02 // any other wrong letter
	slipFirst     = 0.3  // a slip on the first letter is this much less likely
)

// prior is how likely a word of a SCOWL size is to be the one meant.
func prior(size uint8) float64 {
	switch {
	case size == 0:
		return 0
	case size <= 10:
		return 1
	case size <= 20:
		return 0.4
	case size <= 35:
		return 0.15
	case size <= 40:
		return 0.06
	case size <= 50:
		return 0.025
	case size <= 55:
		return 0.01
	case size <= 60:
		return 0.004
	}
	return 0.0015
}

// Correct says what a word the lists lack should be: fix, the one guess that is clearly
// right (a known typo's correction, or a guess far ahead of every other), or else choices,
// the likeliest guesses to pick from. With far, words two edits away are searched too,
// which takes most of the time. Both are written in the word's capitals.
func (d *Dictionary) Correct(word string, far bool) (fix string, choices []string) {
	if c, ok := d.Correction(word); ok {
		return c, nil
	}
	gs := d.Guesses(word, far)
	if len(gs) == 0 {
		return "", nil
	}
	best := gs[0]
	next := 0.0
	if len(gs) > 1 {
		next = gs[1].Score
	}
	if best.Score >= sureScore && best.Score >= sureRatio*next && d.fixable(best.Text) &&
		(len(word) > shortWord || d.pairs[strings.ToLower(best.Text)]) {
		return best.Text, nil
	}
	for _, g := range gs {
		if len(choices) == maxChoices || g.Score < best.Score*choiceShare {
			break
		}
		choices = append(choices, g.Text)
	}
	return "", choices
}

// fixable reports whether a guess is common enough to be put in by itself: a rare word
// that happens to be one slip away is more likely a coincidence than what was meant.
func (d *Dictionary) fixable(guess string) bool {
	for _, w := range strings.Fields(guess) {
		s := d.sizeOf(w)
		if s == 0 {
			s = d.sizeOf(strings.ToLower(w))
		}
		if s == 0 || s > nearSize {
			return false
		}
	}
	return true
}

// Guesses lists what a word the lists lack may have been meant to be, likeliest first, in
// the word's capitals. With far, words two edits away are searched too.
func (d *Dictionary) Guesses(word string, far bool) []Guess {
	if len(word) > maxWord || word == "" {
		return nil
	}
	w := strings.ReplaceAll(word, "’", "'")
	l := strings.ToLower(w)
	scores := map[string]float64{}
	add := func(s string, score float64) {
		if s != l && score > scores[s] {
			scores[s] = score
		}
	}
	if fix, ok := d.typos[l]; ok {
		add(fix, 100)
	}
	if isASCII(l) {
		// A proper noun written in lower case: "monday".
		if t := title(l); t != l && d.words[t] != 0 {
			add(t, slipCase*prior(d.words[t]))
		}
		for _, c := range d.edits1(l) {
			add(c, prior(d.sizeOf(c))*channel(l, strings.ToLower(c)))
		}
		if far && len(l) >= farFrom {
			for _, c := range d.edits2(l) {
				add(c, prior(d.words[c])*channel(l, c))
			}
		}
		for _, s := range d.splits(l) {
			add(s.Text, s.Score)
		}
	}
	out := make([]Guess, 0, len(scores))
	for s, score := range scores {
		out = append(out, Guess{matchCase(w, s), score})
	}
	slices.SortFunc(out, func(a, b Guess) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return strings.Compare(a.Text, b.Text)
	})
	return out
}

// sizeOf is how common a guess of edits1 is: "I'm" is listed with its capital, "that's"
// is "that" with an apostrophe (the lists leave out words ending in 's), and a contraction
// is as common as the word it starts with ("we've", "we").
func (d *Dictionary) sizeOf(w string) uint8 {
	s := d.words[w]
	if base, _, ok := strings.Cut(w, "'"); ok {
		if b := d.words[base]; s == 0 || b != 0 && b < s {
			s = b
		}
		if base == "I" || base == "i" {
			s = d.words["I"]
		}
	}
	return s
}

const alphabet = "abcdefghijklmnopqrstuvwxyz'"

// edits1 lists the listed words one edit from the lower-case w: a letter or apostrophe
// left out, one too many, one wrong, two swapped. "i'm" is looked up as "I'm", and "that's"
// as "that".
func (d *Dictionary) edits1(w string) []string {
	var out []string
	seen := map[string]bool{}
	try := func(c string) {
		if seen[c] {
			return
		}
		seen[c] = true
		switch {
		case d.words[c] != 0:
			out = append(out, c)
		case strings.HasPrefix(c, "i'") && d.words["I"+c[1:]] != 0:
			out = append(out, "I"+c[1:])
		case strings.HasSuffix(c, "'s") && d.words[c[:len(c)-2]] != 0:
			out = append(out, c)
		}
	}
	for i := 0; i+1 < len(w); i++ {
		if w[i] != w[i+1] {
			try(w[:i] + string(w[i+1]) + string(w[i]) + w[i+2:])
		}
	}
	for i := 0; i <= len(w); i++ {
		for j := 0; j < len(alphabet); j++ {
			try(w[:i] + alphabet[j:j+1] + w[i:])
		}
	}
	for i := 0; i < len(w); i++ {
		for j := 0; j < len(alphabet); j++ {
			if alphabet[j] != w[i] {
				try(w[:i] + alphabet[j:j+1] + w[i+1:])
			}
		}
	}
	for i := 0; i < len(w); i++ {
		if c := w[:i] + w[i+1:]; c != "" {
			try(c)
		}
	}
	return out
}

// edits2 lists the words up to nearSize two edits from w that start with its first letter.
func (d *Dictionary) edits2(w string) []string {
	byLen := d.near[w[0]]
	set := letters(w)
	var out []string
	for n := len(w) - 2; n <= len(w)+2; n++ {
		if n < 2 || n >= len(byLen) {
			continue
		}
		for _, c := range byLen[n] {
			if bits.OnesCount32(c.letters^set) <= 4 && distance(w, c.text, 2) == 2 {
				out = append(out, c.text)
			}
		}
	}
	return out
}

// splits lists the ways w is two words typed without the space between them: "interms",
// "myskills", "lookforward". A part of three letters or fewer must be a small word (in,
// to, my, the …), two such parts a pair typed as one ("asa"), and a part of one letter
// only in such a pair; a longer part must be
// common enough (up to size 50) for the pair to be likelier than a slip inside one word.
// A pair with a small word is far likelier than two longer words run together, which is
// how English makes compounds.
func (d *Dictionary) splits(w string) []Guess {
	var out []Guess
	for i := 1; i < len(w); i++ {
		a, b := w[:i], w[i:]
		sa, sb := d.words[a], d.words[b]
		if a == "i" {
			sa = d.words["I"]
		}
		if b == "i" {
			sb = d.words["I"]
		}
		if sa == 0 || sb == 0 || strings.Contains(b, "'") {
			continue
		}
		switch {
		case len(a) <= 3 && len(b) <= 3:
			if !d.pairs[a+" "+b] {
				continue
			}
		case len(a) == 1 || len(b) == 1: // "async" is no "a sync"
			continue
		case len(a) <= 3 && !d.small[a], len(b) <= 3 && !d.small[b], sa > 50, sb > 50:
			continue
		}
		slip := slipSpace
		if !d.small[a] && !d.small[b] {
			slip = slipCompound
		}
		if a == "i" {
			a = "I"
		}
		if b == "i" {
			b = "I"
		}
		out = append(out, Guess{a + " " + b, slip * min(prior(sa), prior(sb))})
	}
	return out
}

// channel is how likely a typist who meant want typed got, by the likeliest slips that
// turn one into the other: the best product of their likelihoods (see the slip constants).
// Both are in lower case.
func channel(got, want string) float64 {
	n, m := len(got), len(want)
	if n > maxWord || m > maxWord {
		return 0
	}
	var buf [3][maxWord + 1]float64
	var missedAt, extraAt [maxWord]float64
	for j := range m {
		missedAt[j] = missed(want, j)
	}
	for i := range n {
		extraAt[i] = extra(got, i)
	}
	// p[j] is the likelihood of got[:i] typed for want[:j]; p1 and p2 are the rows for
	// i-1 and i-2.
	p2, p1, p := buf[0][:m+1], buf[1][:m+1], buf[2][:m+1]
	p1[0] = 1
	for j := 1; j <= m; j++ {
		p1[j] = p1[j-1] * missedAt[j-1]
	}
	for i := 1; i <= n; i++ {
		x := extraAt[i-1]
		p[0] = p1[0] * x
		for j := 1; j <= m; j++ {
			best := max(p1[j]*x, p[j-1]*missedAt[j-1])
			if got[i-1] == want[j-1] {
				best = max(best, p1[j-1])
			} else {
				best = max(best, p1[j-1]*wrong(want[j-1], got[i-1], j-1))
			}
			if i > 1 && j > 1 && got[i-1] == want[j-2] && got[i-2] == want[j-1] && got[i-1] != got[i-2] {
				best = max(best, p2[j-2]*slipSwap)
			}
			p[j] = best
		}
		p2, p1, p = p1, p, p2
	}
	return p1[m]
}

// missed is how likely want[j] was left out.
func missed(want string, j int) float64 {
	c := want[j]
	s := slipMissed
	switch {
	case c == '\'':
		return slipApostophe
	case j > 0 && want[j-1] == c || j+1 < len(want) && want[j+1] == c:
		s = slipDouble
	}
	if j == 0 {
		s *= slipFirst
	}
	return s
}

// extra is how likely got[i] was typed by mistake.
func extra(got string, i int) float64 {
	c := got[i]
	s := slipExtra
	switch {
	case i > 0 && got[i-1] == c || i+1 < len(got) && got[i+1] == c:
		s = slipDouble
	case i > 0 && nearKeys(got[i-1], c) || i+1 < len(got) && nearKeys(got[i+1], c):
		s = slipExtraNear
	}
	if i == 0 {
		s *= slipFirst
	}
	return s
}

// wrong is how likely typed was typed for meant at position j.
func wrong(meant, typed byte, j int) float64 {
	s := slipOther
	switch {
	case vowel(meant) && vowel(typed) || sameSound(meant, typed):
		s = slipVowel
	case nearKeys(meant, typed):
		s = slipNear
	}
	if j == 0 {
		s *= slipFirst
	}
	return s
}

func vowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// sameSound reports whether two letters are often written for each other.
func sameSound(a, b byte) bool {
	switch string([]byte{min(a, b), max(a, b)}) {
	case "cs", "sz", "ck", "gj":
		return true
	}
	return false
}

// neighbours holds, for each letter a–z, the set of the letters next to it on a QWERTY
// keyboard, one bit a letter.
var neighbours = func() (out [26]uint32) {
	rows := [3]struct {
		keys  string
		shift float64 // each row sits a little right of the one above
	}{{"qwertyuiop", 0}, {"asdfghjkl", 0.25}, {"zxcvbnm", 0.75}}
	for ra, a := range rows {
		for ia := range len(a.keys) {
			for rb, b := range rows {
				for ib := range len(b.keys) {
					dx := float64(ia) + a.shift - float64(ib) - b.shift
					if ra == rb && (dx == 1 || dx == -1) || (ra-rb == 1 || rb-ra == 1) && dx > -1 && dx < 1 {
						out[a.keys[ia]-'a'] |= 1 << (b.keys[ib] - 'a')
					}
				}
			}
		}
	}
	return out
}()

// nearKeys reports whether two letters are neighbours on the keyboard.
func nearKeys(a, b byte) bool {
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' {
		return false
	}
	return neighbours[a-'a']&(1<<(b-'a')) != 0
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
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
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
