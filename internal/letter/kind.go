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
