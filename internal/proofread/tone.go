package proofread

import (
	"fmt"
	"strings"
)

// How the letter sounds: false hope, criticism, apologies, exclamation marks, jargon, hedges.

var (
	falseHopeIndex = book.index("false-hope")
	negativeIndex  = book.index("negative-remark")
	asideIndex     = book.index("negative-remark-aside")
	clicheIndex    = book.index("cliche")
	hedgingIndex   = book.index("hedging")
	apologyIndex   = book.index("apology")
	formulaIndex   = book.index("apology-formula")
)

func (d *doc) tone() {
	d.phrases(RuleFalseHope, falseHopeIndex, true)
	d.phrases(RuleNegative, negativeIndex, true)
	d.starredOut()
	d.asides()
	d.apologies()
	d.exclamations()
	d.phrases(RuleCliche, clicheIndex, false)
	d.phrases(RuleHedging, hedgingIndex, false)
}

// phrases reports every phrase of ix in the body that is the writer's own words — not in
// quotation marks — and, with skipNegated, not negated: "not disappointing" is no complaint.
func (d *doc) phrases(rule string, ix *phraseIndex, skipNegated bool) {
	d.find(ix, func(m match) {
		if d.body[m.first].quoted || (skipNegated && d.negated(m.first)) {
			return
		}
		s, e := d.span(m.first, m.last)
		d.add(rule, s, e, m.group.message, "")
	})
}

// starredOut reports a swear word written with stars for some of its letters ("sh*t",
// "f**king"): hiding the letters does not hide the word.
func (d *doc) starredOut() {
	body := d.text[d.bodyStart:d.bodyEnd]
	for from := 0; ; {
		k := strings.IndexByte(body[from:], '*')
		if k < 0 {
			return
		}
		k += from
		end := k
		for end < len(body) && body[end] == '*' {
			end++
		}
		from = end
		if k == 0 || end == len(body) || !isASCIILetter(body[k-1]) || !isASCIILetter(body[end]) {
			continue
		}
		start := k
		for start > 0 && (isASCIILetter(body[start-1]) || body[start-1] == '*') {
			start--
		}
		for end < len(body) && (isASCIILetter(body[end]) || body[end] == '*') {
			end++
		}
		from = end
		if at := d.bodyStart + start; !d.inQuotes(at) {
			d.add(RuleNegative, at, d.bodyStart+end, book.message("negative-remark.starred"), "")
		}
	}
}

// asides reports a candid aside about them ("Honestly, the process was …") when nothing
// else in its sentence was reported as criticism: one finding per complaint.
func (d *doc) asides() {
	d.find(asideIndex, func(m match) {
		if d.body[m.first].quoted || d.negated(m.first) {
			return
		}
		s, e := d.sentenceSpan(m.first)
		for _, f := range d.out {
			if f.Rule == RuleNegative && f.Start < e && s < f.End {
				return
			}
		}
		s, e = d.span(m.first, m.last)
		d.add(RuleNegative, s, e, m.group.message, "")
	})
}

// apologies counts the apologies, leaving out formulas such as "I regret to inform you",
// and reports the second one.
func (d *doc) apologies() {
	formula := map[int]bool{}
	d.find(formulaIndex, func(m match) {
		for i := m.first; i <= m.last; i++ {
			formula[i] = true
		}
	})
	var hits []match
	last := -1
	d.find(apologyIndex, func(m match) {
		if m.first <= last || formula[m.first] || d.body[m.first].quoted || d.negated(m.first) {
			return
		}
		hits = append(hits, m)
		last = m.last
	})
	if len(hits) > 1 {
		s, e := d.span(hits[1].first, hits[1].last)
		d.add(RuleOverApology, s, e, fmt.Sprintf(book.message(RuleOverApology), len(hits)), "")
	}
}

// exclamations reports "!!" (fix: one "!") or else a second "!" (fix: a full stop).
func (d *doc) exclamations() {
	body := d.text[d.bodyStart:d.bodyEnd]
	if i := strings.Index(body, "!!"); i >= 0 {
		i += d.bodyStart
		end := i
		for end < d.bodyEnd && d.text[end] == '!' {
			end++
		}
		d.add(RuleExclamation, i, end, book.message("exclamation.double"), "!")
		return
	}
	first := strings.IndexByte(body, '!')
	if first < 0 {
		return
	}
	if second := strings.IndexByte(body[first+1:], '!'); second >= 0 {
		at := d.bodyStart + first + 1 + second
		d.add(RuleExclamation, at, at+1, book.message("exclamation.many"), ".")
	}
}
