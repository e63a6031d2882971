package letter

import (
	"fmt"
	"strings"
)

// Kind is the stage a letter answers, and so the decision it must state. A letter that
// declines an interview and one that withdraws an application accept each other's
// wording — withdrawing from the process declines its interviews, and declining every
// interview withdraws — but neither is stated by declining an offer. A letter that
// declines an offer must decline the offer or the position (or decline, plainly, in a
// letter about an offer); having accepted a job elsewhere states the decision of any
// kind. A keep-in-touch note states none.
type Kind string

// The kinds. A keep-in-touch note states no decision at all.
const (
	DeclineInterview Kind = "decline-interview"
	Withdraw         Kind = "withdraw"
	DeclineOffer     Kind = "decline-offer"
	KeepInTouch      Kind = "keep-in-touch"
)

// Kinds lists the kinds in the order they are offered.
var Kinds = []Option[Kind]{
	{DeclineInterview, "Decline an interview"},
	{Withdraw, "Withdraw my application"},
	{DeclineOffer, "Decline an offer"},
	{KeepInTouch, "Keep in touch"},
}

// ParseKind reads a kind as the user typed it ("decline-offer", " Withdraw ").
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	if !known(Kinds, k) {
		return "", fmt.Errorf("%s", choiceHelp("kind", strings.TrimSpace(s), Kinds))
	}
	return k, nil
}

// Known reports whether k is one of Kinds; the empty kind of a spec that names none is not.
func (k Kind) Known() bool { return known(Kinds, k) }

// OrDefault is the kind itself, or DeclineInterview for the empty kind of a spec that
// names none.
func (k Kind) OrDefault() Kind {
	if k == "" {
		return DeclineInterview
	}
	return k
}

// Label is the kind in the user's words; an unknown kind shows as itself.
func (k Kind) Label() string {
	for _, o := range Kinds {
		if o.ID == k.OrDefault() {
			return o.Label
		}
	}
	return string(k)
}

// does says what a letter of this kind does, to end "a letter that …".
func (k Kind) does() string {
	switch k.OrDefault() {
	case DeclineInterview:
		return "declines an interview"
	case Withdraw:
		return "withdraws your application"
	case DeclineOffer:
		return "declines an offer"
	case KeepInTouch:
		return "keeps in touch"
	}
	return "is of kind " + string(k)
}

// UsesReason reports whether a letter of this kind gives a reason (and so takes reason
// and reason_text): every kind that states a decision. A keep-in-touch note decides
// nothing and so explains nothing.
func (k Kind) UsesReason() bool { return k.OrDefault() != KeepInTouch }

// UsesUpdate reports whether a letter of this kind carries the writer's news
// (update_text): the keep-in-touch note only.
func (k Kind) UsesUpdate() bool { return k.OrDefault() == KeepInTouch }

// Alternatives lists what a letter of this kind can offer instead, in the order offered.
// Only a declined interview can be moved to a later date: after withdrawing or turning
// down an offer, "let us talk after March 1" would undo the decision the letter states.
// A keep-in-touch note offers none of them.
func (k Kind) Alternatives() []Option[Alternative] {
	switch k.OrDefault() {
	case DeclineInterview:
		return Alternatives
	case Withdraw, DeclineOffer:
		var out []Option[Alternative]
		for _, a := range Alternatives {
			if a.ID != Reschedule {
				out = append(out, a)
			}
		}
		return out
	}
	return nil
}

// Offers reports whether a letter of this kind can offer alternative a; the empty
// alternative is none, which every kind that gives a reason offers.
func (k Kind) Offers(a Alternative) bool {
	if a == "" {
		a = NoAlternative
	}
	return known(k.Alternatives(), a)
}
