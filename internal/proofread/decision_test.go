package proofread

import (
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/letter"
)

func TestNoGratitude(t *testing.T) {
	without := func(thanks string) string {
		return "Dear Jo,\n\n" + thanks + "\n\nI have decided to withdraw my application.\n\nBest regards,\nAna Silva\n"
	}
	checkRule(t, RuleNoGratitude, []ruleCase{
		{without("I got your invitation."), "Dear Jo,"},
		{without("I did not appreciate the way the call went."), "Dear Jo,"},
		{without("No thanks."), "Dear Jo,"},
		{without(`My friend said "thank you" is optional.`), "Dear Jo,"},
		{without("I have never been grateful for recruiter calls."), "Dear Jo,"},
		{"Subject: x\n\nHello,\n\nI withdraw.\n\nBest regards,\nAna Silva", "Hello,"},
		{without("Thank you for the invitation."), ""},
		{without("Thanks for thinking of me."), ""},
		{without("I appreciate your time."), ""},
		{without("I am grateful for the chance to talk."), ""},
		{without("Many thanks for your patience."), ""},
		{without("I'm thankful you considered me."), ""},
		{without("Your help is much appreciated."), ""},
		{without("I can't thank you enough for the offer."), ""},
		{without("With gratitude for your patience, I write with news."), ""},
		{without("Many thnaks for your time."), ""}, // misspelt, and still thanks
		{without("I apreciate your time."), ""},
		{without("I thnik I am done."), "Dear Jo,"},
	}, Options{})
}

func TestNoDecision(t *testing.T) {
	body := func(decision string) string {
		return "Dear Jo,\n\nThank you for the invitation to interview. " + decision + "\n\nBest regards,\nAna Silva\n"
	}
	checkRule(t, RuleNoDecision, []ruleCase{
		{body("I look forward to hearing from you."), "Dear Jo,"},
		{body("Should I decline the interview?"), "Dear Jo,"},
		{body("I don't want to withdraw my application."), "Dear Jo,"},
		{body("I am wondering whether to decline."), "Dear Jo,"},
		{body(`My mentor told me to "decline politely".`), "Dear Jo,"},
		{body("If I withdraw, I will tell you."), "Dear Jo,"},
		{body("I have decided to decline the interview."), ""},
		{body("I am withdrawing my application."), ""},
		{body("I will not be able to attend the interview."), ""},
		{body("I won't be moving forward with the process."), ""},
		{body("I have decided not to pursue this role."), ""},
		{body("I must respectfully pass on this opportunity."), ""},
		{body("I am no longer interested in being considered."), ""},
		{body("I'm turning down the invitation."), ""},
	}, Options{})
}

// Decisions in every common wording count; the same words negated, doubted, asked,
// quoted or made a condition do not.
func TestDecisionWordings(t *testing.T) {
	body := func(decision string) string {
		return "Dear Jo,\n\nThank you for the invitation to interview. " + decision + "\n\nBest regards,\nAna Silva\n"
	}
	decides := []string{
		"I will not be attending the interview on Monday.",
		"I will not be coming to the interview on Monday.",
		"After careful consideration I must decline.",
		"I won't be attending, as I have accepted a post elsewhere.",
		"I must cancel our interview.",
		"I have decided to turn the interview down.",
		"I'll have to pass.",
		"I am going to pass on this one.",
		"I would prefer not to continue with the process.",
		"I do not wish to proceed further.",
		"Please remove me from consideration.",
		"Please take my name out of the running.",
		"I would like to withdraw my candidacy.",
		"I am stepping back from the process.",
		"I am no longer pursuing this role.",
		"I will not be pursuing this opportunity.",
		"I have no choice but to decline.",
		"I've decided against continuing.",
		"I have accepted another offer.",
		"I am unable to proceed with the interview.",
		"I will have to say no to the interview.",
		"I would like to bow out of the process.",
		"I regret that I cannot move forward with my application.",
		"I have decided to pursue another opportunity.",
		"I have taken a job with a firm nearer home.",
		"I have decided to take up a teaching position in Leeds.",
		"I have decided,\nafter a long talk with my family, to withdraw.", // a wrapped line
		"If it helps your planning, I withdraw today.",                    // the condition is closed
	}
	undecided := []string{
		"I am not withdrawing.",
		"I am not going to decline.",
		"I have no intention of turning this down.",
		"I don't plan to withdraw.",
		"Could I decline?",
		"If I decline, will it hurt my chances?",
		"I might withdraw later.",
		"I am considering withdrawing.",
		"I am thinking of declining.",
		"I cannot attend on Friday; could we reschedule?",
		"I won't be able to attend on Monday. Could we find another time?",
		"I do not take this decision lightly.",
		"I am going to take a few days to think it over.",
		"Please pass on my thanks to the panel.",
		"I'd like to pass my thanks to the panel.",
		`A friend told me to "withdraw and move on".`,
	}
	for _, c := range decides {
		if got := findings(body(c), RuleNoDecision, Options{Kind: letter.DeclineInterview}); len(got) > 0 {
			t.Errorf("no decision found in %q", c)
		}
	}
	for _, c := range undecided {
		if got := findings(body(c), RuleNoDecision, Options{Kind: letter.DeclineInterview}); len(got) == 0 {
			t.Errorf("%q was taken for a decision", c)
		}
	}
}

// Told the kind, the proofreader looks for that kind's decision: withdrawing declines an
// interview and declining every interview withdraws, but an offer letter must decline the
// offer or the position; a keep-in-touch note needs no decision at all.
func TestDecisionByKind(t *testing.T) {
	write := func(thanks, decision string) string {
		return "Dear Jo,\n\n" + thanks + " " + decision + "\n\nBest regards,\nAna Silva\n"
	}
	interview, offer := "Thank you for inviting me to interview.", "Thank you for the offer."
	for _, tc := range []struct {
		kind             letter.Kind
		thanks, decision string
		decides          bool
	}{
		{letter.DeclineInterview, interview, "I have decided to decline the interview.", true},
		{letter.DeclineInterview, interview, "I am withdrawing my application.", true},
		{letter.DeclineInterview, interview, "I must decline this opportunity.", true},
		{letter.DeclineInterview, interview, "I must decline your kind offer to interview.", true},
		{letter.DeclineInterview, interview, "I have decided to decline your offer.", false},
		{letter.Withdraw, interview, "I withdraw from the recruitment process.", true},
		{letter.Withdraw, interview, "I no longer wish to be considered for the role.", true},
		{letter.Withdraw, interview, "I will not attend the second interview.", true},
		{letter.Withdraw, interview, "I will not accept the offer.", false},
		{letter.DeclineOffer, offer, "I must respectfully decline the offer.", true},
		{letter.DeclineOffer, "Thank you for the news about the Fellowship.", "Sadly I will be unable to accept the Marlow Fellowship.", true},
		{letter.DeclineOffer, "Thank you for choosing me.", "I will not be joining the team this autumn.", true},
		{letter.DeclineOffer, "Thank you for choosing me.", "I am unable to accept.", true},
		{letter.DeclineOffer, "Thank you for the place on the programme.", "I won't be taking up my place.", true},
		{letter.DeclineOffer, "Thank you for choosing me.", "I am happy to accept.", false},
		{letter.DeclineOffer, "Thank you for choosing me.", "I cannot accept the invitation to interview.", false},
		{letter.DeclineOffer, offer, "I will not be accepting the position.", true},
		{letter.DeclineOffer, offer, "I have decided to stay in my current role.", true},
		{letter.DeclineOffer, offer, "I have accepted another offer.", true},
		{letter.DeclineOffer, offer, "After much thought, I must decline.", true}, // the letter is about the offer
		{letter.DeclineOffer, interview, "After much thought, I must decline.", false},
		{letter.DeclineOffer, offer, "I have decided to decline the interview.", false},
		{letter.DeclineOffer, offer, "I am withdrawing my application.", false},
		{letter.DeclineOffer, offer, "I am going to pass on this one, since I signed a contract.", true},
		{letter.DeclineInterview, interview, "I am going to pass on this one, since I signed a contract.", true},
		{letter.KeepInTouch, interview, "I have been enjoying my new team.", true},
		{"", offer, "I am withdrawing my application.", true},
		{"", interview, "I must decline the offer.", true},
		{"", interview, "I look forward to our chat.", false},
		{"some-new-kind", offer, "I am withdrawing my application.", true}, // an unknown kind is no kind
	} {
		got := findings(write(tc.thanks, tc.decision), RuleNoDecision, Options{Kind: tc.kind})
		if (len(got) == 0) != tc.decides {
			t.Errorf("kind %q, %q: decision found %v, want %v", tc.kind, tc.decision, len(got) == 0, tc.decides)
		}
		if len(got) > 0 && tc.kind != "" && !strings.Contains(got[0].Message, map[letter.Kind]string{
			letter.DeclineInterview: "interview", letter.Withdraw: "withdraw", letter.DeclineOffer: "offer"}[tc.kind]) {
			t.Errorf("kind %q: message %q does not say what to decide", tc.kind, got[0].Message)
		}
	}
}
