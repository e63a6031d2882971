package proofread

import (
	"strings"

	"github.com/declinedesk/declinedesk/internal/proofread/dict"

	"github.com/declinedesk/declinedesk/internal/letter"
)

// Thanks and the decision: the two things every declining letter must say.

var (
	gratitudeIndex  = book.index("gratitude")
	gratitudeWords  = book.singleWords("gratitude")
	decisionIndex   = book.index("decision", "decision-attend", "decision-elsewhere", "decision-accept")
	rescheduleIndex = book.index("reschedule")
	doubtWords      = book.words("decision-doubt")
	conditionWords  = book.words("decision-condition")
	objectStops     = book.words("object-stop")
	offerWords      = book.words("object-offer")
	objectWords     = []struct {
		kind  object
		words wordSet
	}{
		{objectOffer, offerWords}, {objectRole, book.words("object-role")},
		{objectInterview, book.words("object-interview")}, {objectApplication, book.words("object-application")},
	}
)

func (d *doc) gratitude(dic *dict.Dictionary) {
	found := false
	d.find(gratitudeIndex, func(m match) {
		found = found || (!d.body[m.first].quoted && !d.negated(m.first))
	})
	if !found {
		found = d.misspeltThanks(dic)
	}
	if !found {
		s, e := d.firstLineSpan()
		d.add(RuleNoGratitude, s, e, book.message(RuleNoGratitude), "")
	}
}

// misspeltThanks reports whether a word of the body, misspelt, surely means thanks ("Many
// thnaks"): the reader reads the thanks, and the misspelling is reported on its own.
func (d *doc) misspeltThanks(dic *dict.Dictionary) bool {
	for _, t := range d.body {
		if t.quoted || len(t.word) < 4 || dic.Known(t.word) {
			continue
		}
		if fix, _ := dic.Correct(t.word, false); fix != "" && !strings.Contains(fix, " ") && gratitudeWords.has(strings.ToLower(fix)) {
			return true
		}
	}
	return false
}

// decision looks for a sentence that clearly states the decision the letter's kind needs.
func (d *doc) decision() {
	kind := d.opts.Kind
	if !kind.Known() {
		kind = "" // not one of ours: any decision will do
	}
	if kind == letter.KeepInTouch {
		return // a note that keeps in touch decides nothing
	}
	rescheduling := false
	d.find(rescheduleIndex, func(m match) {
		rescheduling = rescheduling || (!d.body[m.first].quoted && !d.negated(m.first))
	})
	mentionsOffer := false
	for _, t := range d.body {
		mentionsOffer = mentionsOffer || offerWords.has(t.word)
	}
	found := false
	d.find(decisionIndex, func(m match) {
		if found || !d.stated(m.first) || (m.group.name == "decision-attend" && rescheduling) {
			return
		}
		if m.group.name == "decision-elsewhere" {
			found = true
			return
		}
		object := d.objectOf(m)
		if m.group.name == "decision-accept" && object == objectNone {
			// Not accepting or joining, said of nothing in particular, turns down what was
			// offered: an offer or the job itself.
			found = true
			return
		}
		switch object {
		case objectOffer:
			found = kind == letter.DeclineOffer || kind == ""
		case objectRole:
			found = true
		case objectNone:
			found = kind != letter.DeclineOffer || mentionsOffer
		default: // the interview or the application
			found = kind != letter.DeclineOffer
		}
	})
	if found {
		return
	}
	msg := book.message(RuleNoDecision)
	if kind != "" {
		msg = book.message(RuleNoDecision + "." + string(kind))
	}
	s, e := d.firstLineSpan()
	d.add(RuleNoDecision, s, e, msg, "")
}

// stated reports whether the words from body word i on are said as a fact: not negated,
// not doubted, not a condition, not a question, not quoted.
func (d *doc) stated(i int) bool {
	if d.body[i].quoted || d.question(i) || d.negated(i) {
		return false
	}
	before := d.clauseBefore(i, 8)
	for k, j := range before {
		if k < 3 && doubtWords.has(d.body[j].word) {
			return false
		}
	}
	// A clause that opens with "if" or "should" states a condition; a comma closes the
	// condition before the decision ("If it helps, I withdraw").
	if n := len(before); n > 0 && n < 8 && conditionWords.has(d.body[before[n-1]].word) {
		return false
	}
	return true
}

// object is what a decision is about.
type object int

const (
	objectNone object = iota
	objectOffer
	objectRole
	objectInterview
	objectApplication
)

// objectOf finds what a decision is about: the first object word from its start to the
// end of its clause. "Your kind offer to interview" is about the interview.
func (d *doc) objectOf(m match) object {
	for i := m.first; i < len(d.body) && i < m.last+12; i++ {
		if i > m.last && (d.body[i].sent != d.body[m.first].sent || objectStops.has(d.body[i].word) ||
			strings.ContainsAny(d.text[d.body[i-1].end:d.body[i].start], ",;:—–()")) {
			break
		}
		o := d.objectWord(i)
		if o == objectNone {
			continue
		}
		if o == objectOffer {
			for j := i + 1; j < len(d.body) && j <= i+3 && d.body[j].sent == d.body[i].sent; j++ {
				if d.objectWord(j) == objectInterview {
					return objectInterview
				}
			}
		}
		return o
	}
	return objectNone
}

func (d *doc) objectWord(i int) object {
	for _, o := range objectWords {
		if o.words.has(d.body[i].word) {
			return o.kind
		}
	}
	return objectNone
}
