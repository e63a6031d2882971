package proofread

import "strings"

// Finding the phrases of the rule files in a letter's words.

// match is one place where a phrase was found: body words first … last.
type match struct {
	first, last int
	group       *group
}

// find calls visit for every match of the phrases of ix in the body, in text order,
// skipping matches their section's not-after / not-before / not-followed-by words rule out.
func (d *doc) find(ix *phraseIndex, visit func(m match)) {
	for i := range d.body {
		d.findAt(ix, i, visit)
	}
}

// findAt calls visit for each phrase of ix that starts at body word i.
func (d *doc) findAt(ix *phraseIndex, i int, visit func(m match)) {
	for _, p := range d.candidatesAt(ix.all, i) {
		if p.in&ix.bit == 0 {
			continue
		}
		d.matchSeq(p.slots, i, -1, false, func(_, last int) bool {
			if last < i || !d.allowed(p.group, i, last) {
				return false
			}
			visit(match{first: i, last: last, group: p.group})
			return true
		})
	}
}

// candidatesAt are the phrases of every index of all that may start at body word i: the
// words are looked up once, for all the rules.
func (d *doc) candidatesAt(all *phraseIndex, i int) []*phrase {
	if d.candsOf != all {
		d.candsOf = all
		d.cands = make([]*phrase, 0, 2*len(d.body))
		d.candAt = make([]int32, 1, len(d.body)+1)
		for _, t := range d.body {
			d.cands = all.candidates(t.word, d.cands)
			d.candAt = append(d.candAt, int32(len(d.cands)))
		}
	}
	return d.cands[d.candAt[i]:d.candAt[i+1]]
}

func (d *doc) allowed(g *group, first, last int) bool {
	if !g.notAfter.empty() && first > 0 && d.body[first-1].sent == d.body[first].sent && g.notAfter.has(d.body[first-1].word) {
		return false
	}
	if !g.notBefore.empty() && last+1 < len(d.body) && d.body[last+1].sent == d.body[last].sent && g.notBefore.has(d.body[last+1].word) {
		return false
	}
	for j := last + 1; j < len(d.body) && j <= last+4 && d.body[j].sent == d.body[last].sent; j++ {
		if g.notFollowedBy.has(d.body[j].word) {
			return false
		}
	}
	return g.about.empty() || d.clauseHas(first, last, g.about)
}

// clauseHas reports whether one of words stands in the clause of body words first … last:
// in the match, in the ten words before it or the six after it, not past a comma, dash or
// colon. "The communication was poor" is said of the communication; "my home village is
// poor", of nothing of theirs.
func (d *doc) clauseHas(first, last int, words wordSet) bool {
	for i := first; i <= last; i++ {
		if words.has(d.body[i].word) {
			return true
		}
	}
	for _, j := range d.clauseBefore(first, 10) {
		if words.has(d.body[j].word) {
			return true
		}
	}
	for j := last + 1; j < len(d.body) && j <= last+6 && d.body[j].sent == d.body[last].sent; j++ {
		if strings.ContainsAny(d.text[d.body[j-1].end:d.body[j].start], ",;:—–()") {
			break
		}
		if words.has(d.body[j].word) {
			return true
		}
	}
	return false
}

// matchSeq matches slots at body word i; prev is the last word matched so far (-1 for
// none) and loose says the next word need only be in the same sentence (after a gap).
// It calls k with where the match ended, and stops when k returns true.
func (d *doc) matchSeq(slots []slot, i, prev int, loose bool, k func(next, last int) bool) bool {
	if len(slots) == 0 {
		return k(i, prev)
	}
	s, rest := slots[0], slots[1:]
	then := func(next, last int) bool { return d.matchSeq(rest, next, last, false, k) }
	switch {
	case s.end:
		if prev >= 0 && (prev+1 >= len(d.body) || d.body[prev+1].sent != d.body[prev].sent) {
			return d.matchSeq(rest, i, prev, loose, k)
		}
		return false
	case s.gap:
		p := prev
		for n := 0; ; n++ {
			if d.matchSeq(rest, i+n, p, true, k) {
				return true
			}
			if n == gapWords || i+n >= len(d.body) || p < 0 || d.body[i+n].sent != d.body[p].sent {
				return false
			}
			p = i + n
		}
	}
	if d.matchSlot(s, i, prev, loose, then) {
		return true
	}
	return s.optional && d.matchSeq(rest, i, prev, loose, k)
}

// matchSlot matches one slot (not a gap) at body word i.
func (d *doc) matchSlot(s slot, i, prev int, loose bool, k func(next, last int) bool) bool {
	if i < len(d.body) && d.follows(i, prev, loose) {
		w := d.body[i].word
		for _, a := range s.atoms {
			if a.matches(w) {
				if k(i+1, i) {
					return true
				}
				break
			}
		}
	}
	for _, alt := range s.alts {
		if d.matchSeq(alt, i, prev, loose, k) {
			return true
		}
	}
	return false
}

// follows reports whether body word i may come next in a phrase whose last word was prev.
func (d *doc) follows(i, prev int, loose bool) bool {
	if prev < 0 {
		return true
	}
	if loose {
		return d.body[i].sent == d.body[prev].sent
	}
	return d.body[i].tight
}

// span is the byte range of body words first … last.
func (d *doc) span(first, last int) (int, int) { return d.body[first].start, d.body[last].end }
