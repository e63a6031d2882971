// Package lettertest lists the letters the templates can write, for the tests of the
// packages that write and read them.
package lettertest

import (
	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/letter"
)

// Case is one letter of Every: its spec, and whether its interview is "past", "ahead" (of
// clocktest.Epoch) or "none" (undated).
type Case struct {
	Spec      letter.Spec
	Interview string
}

func (c Case) String() string {
	s := c.Spec
	name := map[bool]string{true: "named", false: "unnamed"}[s.RecipientName != ""]
	out := string(s.Kind) + "/" + string(s.Tone) + "/" + name + "/interview-" + c.Interview
	if s.Kind.UsesReason() {
		out += "/" + string(s.Reason) + "/" + string(s.Alternative)
	} else {
		out += map[bool]string{true: "/with-update", false: "/no-update"}[s.UpdateText != ""]
	}
	return out
}

// The names every letter of Every uses.
const (
	Recipient = "Jo Park"
	Company   = "Acme Inc"
	Role      = "Senior Go Engineer"
	Sender    = "Ana Silva"
	Referral  = "Ben Okafor"
	Signature = "Senior Go Engineer · +1 555 0100"
	Update    = "I have since joined a platform team, where I look after our build tools"
	Reason    = "I have chosen to stay in my current team for another year."
)

// Every lists every kind × reason × alternative × tone, with and without a recipient
// name, with the interview behind, ahead or undated; keep-in-touch with and without news.
// Every spec also carries a reason and an alternative, which a keep-in-touch note must
// ignore. Render them with clocktest.Epoch as today.
func Every() []Case {
	var out []Case
	dates := map[string]string{"past": clocktest.Day(-7), "ahead": clocktest.Day(6), "none": ""}
	for _, k := range letter.Kinds {
		reasons, alts, updates := letter.Reasons, k.ID.Alternatives(), []string{""}
		if !k.ID.UsesReason() {
			reasons = []letter.Option[letter.Reason]{{ID: letter.Custom}}
			alts = []letter.Option[letter.Alternative]{{ID: letter.Reschedule}}
			updates = []string{"", Update}
		}
		for _, r := range reasons {
			for _, a := range alts {
				for _, tone := range letter.Tones {
					for _, named := range []bool{true, false} {
						for _, when := range []string{"past", "ahead", "none"} {
							for _, update := range updates {
								s := letter.Spec{
									RecipientName: Recipient, RecipientEmail: "jo@acme.test", Company: Company, Role: Role,
									InterviewDate: dates[when], Reason: r.ID, Alternative: a.ID, Tone: tone.ID, Kind: k.ID,
									ReasonText: Reason, AlternativeDate: clocktest.Day(96), ReferralName: Referral,
									ReferralEmail: "ben@example.org", SenderName: Sender, SenderEmail: "ana@example.com",
									Signature: Signature, UpdateText: update,
								}
								if !named {
									s.RecipientName = ""
								}
								out = append(out, Case{s, when})
							}
						}
					}
				}
			}
		}
	}
	return out
}

// Base is a plain, valid spec: a formal letter declining an interview for timing.
func Base() letter.Spec {
	return letter.Spec{
		RecipientName: Recipient, RecipientEmail: "jo@acme.test", Company: Company, Role: Role,
		InterviewDate: "2026-12-01", Reason: letter.Timing, Alternative: letter.NoAlternative, Tone: letter.Formal,
		SenderName: Sender, SenderEmail: "ana@example.com",
	}
}
