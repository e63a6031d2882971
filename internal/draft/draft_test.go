package draft

import (
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

var (
	today  = day.Day(clocktest.Day(0))
	sender = tracker.Profile{FullName: "Ana Silva", Email: "ana@example.com", Signature: "Go developer"}
)

func record(s stage.Status) *tracker.Opportunity {
	return &tracker.Opportunity{Company: "Acme Inc", Role: "Go Engineer", Status: s, ContactName: "Jo Park",
		ContactEmail: "jo@acme.test", InterviewOn: day.Day(clocktest.Day(5))}
}

func TestAFreshLetterComesFromTheRecordTheProfileAndTheChecklist(t *testing.T) {
	o := record(stage.Invited)
	o.Checklist = checklist.Answers{"path.finances": {Choice: checklist.Concern}}
	l := For(o, Request{Sender: sender, Today: today})
	s := l.Spec
	if s.Kind != letter.DeclineInterview || l.Suggested != letter.DeclineInterview || !strings.Contains(l.Why, "invited") {
		t.Errorf("kind %q, suggested %q, why %q", s.Kind, l.Suggested, l.Why)
	}
	if s.Company != "Acme Inc" || s.RecipientName != "Jo Park" || s.RecipientEmail != "jo@acme.test" || s.InterviewDate != string(o.InterviewOn) ||
		s.SenderName != "Ana Silva" || s.Signature != "Go developer" || s.Reason != letter.Reason(checklist.Summarize(o.Checklist).Reason) {
		t.Errorf("spec %+v", s)
	}
	// Answers on screen, newer than the record's, win.
	if got := For(o, Request{Sender: sender, Today: today, Answers: checklist.Answers{}}).Spec.Reason; got != letter.NotAFit {
		t.Errorf("reason from the answers on screen: %q", got)
	}
	if _, err := letter.RenderWith(s, letter.RenderOptions{Today: clocktest.Epoch}); err != nil {
		t.Errorf("the letter does not render: %v", err)
	}
}

func TestASavedLetterKeepsItsKindUntilTheStageMovesOn(t *testing.T) {
	saved := &letter.Spec{Kind: letter.Withdraw, Company: "Old name", Role: "Go Engineer", Reason: letter.Timing, Tone: letter.Warm,
		Subject: "My own subject", Body: "Dear Jo,\n\nThank you. I withdraw.\n\nBest regards,\nAna Silva\n"}
	o := record(stage.Invited)
	o.Draft, o.DraftStatus = saved, stage.Invited
	l := For(o, Request{Sender: sender, Today: today})
	if l.Spec.Kind != letter.Withdraw || l.Spec.Body != saved.Body || l.Spec.Company != "Acme Inc" || len(l.Changes) != 1 || l.DroppedText {
		t.Errorf("same stage: %+v, changes %v", l.Spec, l.Changes)
	}
	o.Status = stage.Offer
	l = For(o, Request{Sender: sender, Today: today})
	if l.Spec.Kind != letter.DeclineOffer || l.Spec.Body != "" || l.Spec.Subject != "" || !l.DroppedText || l.Spec.Tone != letter.Warm || l.Spec.Reason != letter.Timing {
		t.Errorf("moved on to an offer: %+v, dropped %v", l.Spec, l.DroppedText)
	}
	if l := For(o, Request{Sender: sender, Today: today, Kind: letter.Withdraw}); l.Spec.Kind != letter.Withdraw || l.Spec.Body != saved.Body {
		t.Errorf("a kind asked for wins: %+v", l.Spec)
	}
}

func TestTheLetterThatWentOutIsShownAsItWas(t *testing.T) {
	saved := &letter.Spec{Kind: letter.DeclineInterview, Company: "Acme Inc", Role: "Go Engineer", Reason: letter.Timing, Tone: letter.Formal}
	o := record(stage.Declined)
	o.Draft, o.DraftStatus = saved, stage.Invited
	o.FollowUpOn = day.Day(clocktest.Day(90))
	o.History = []tracker.Event{{Kind: tracker.EventSent, Letter: &tracker.SentLetter{Subject: "s", Body: "b", Kind: letter.DeclineInterview}}}
	l := For(o, Request{Sender: sender, Today: today})
	if l.Sent == nil || l.Sent.Body != "b" || l.Spec.Kind != letter.DeclineInterview || l.Suggested != letter.KeepInTouch {
		t.Errorf("after sending: sent %+v, kind %q, next %q", l.Sent, l.Spec.Kind, l.Suggested)
	}
	// A keep-in-touch letter asked for is written afresh from the settings.
	if l := For(o, Request{Sender: sender, Today: today, Kind: letter.KeepInTouch}); l.Spec.Kind != letter.KeepInTouch || l.Sent != nil {
		t.Errorf("the next letter: %+v", l)
	}
}
