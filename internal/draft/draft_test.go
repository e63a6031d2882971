package draft

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/eml"
	"github.com/declinedesk/declinedesk/internal/eml/emltest"
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

// fromMail is a record that came from a mail in a thread of two.
func fromMail() *tracker.Opportunity {
	o := record(stage.Invited)
	o.Mail = &tracker.Mail{MessageID: "inv-2@mail.acme.test", References: []string{"ack-1@mail.acme.test"},
		Subject: "RE: AW: Interview invitation: Go Engineer", From: "Jo Park <jo@acme.test>"}
	return o
}

// The letter for a record that came from a mail answers it: "Re:" and its subject, once,
// in its thread, to the contact who wrote it; written by the one function the window and
// the command line share. Python's email package reads the draft as a mail app would.
func TestTheLetterForARecordFromAMailIsAReply(t *testing.T) {
	o := fromMail()
	l := For(o, Request{Sender: sender, Today: today})
	now := clocktest.Epoch
	rendered, err := letter.RenderWith(l.Spec, RenderOptions(o, now))
	if err != nil {
		t.Fatal(err)
	}
	if rendered.Subject != "Re: Interview invitation: Go Engineer" || rendered.To != "Jo Park <jo@acme.test>" {
		t.Errorf("subject %q, to %q", rendered.Subject, rendered.To)
	}
	d := Email(o, l.Spec, rendered, now)
	if d.Thread.MessageID != "inv-2@mail.acme.test" || d.ToEmail != "jo@acme.test" || d.Subject != rendered.Subject || d.Body != rendered.Body {
		t.Errorf("draft %+v", d)
	}
	m := Mailto(o, l.Spec, rendered)
	if m.InReplyTo != "inv-2@mail.acme.test" || !strings.Contains(m.URL(), "in-reply-to=%3Cinv-2%40mail.acme.test%3E") {
		t.Errorf("mailto %s", m.URL())
	}
	// The user may still write a subject of their own.
	own := l.Spec
	own.Subject = "About the interview"
	if r, _ := letter.RenderWith(own, RenderOptions(o, now)); r.Subject != "About the interview" {
		t.Errorf("own subject %q", r.Subject)
	}
	path := filepath.Join(t.TempDir(), "reply.eml")
	if err := eml.WriteFile(path, d, nil); err != nil {
		t.Fatal(err)
	}
	got := emltest.Read(t, path)[0]
	if len(got.Defects) > 0 || strings.Join(got.InReplyToIDs, " ") != "<inv-2@mail.acme.test>" ||
		strings.Join(got.ReferencesIDs, " ") != "<ack-1@mail.acme.test> <inv-2@mail.acme.test>" ||
		emltest.Value(got.Subject) != "Re: Interview invitation: Go Engineer" || strings.Join(got.ToAddress, "") != "jo@acme.test" {
		t.Errorf("Python read %+v", got)
	}
}

// A mail known only from a copy gives the subject but no thread; a record from no mail
// keeps the letter's own subject and starts a conversation.
func TestWithoutAThreadTheLetterStartsAConversation(t *testing.T) {
	o := fromMail()
	o.Mail.MessageID, o.Mail.References = "", nil
	if opts := RenderOptions(o, clocktest.Epoch); opts.Subject != "Re: Interview invitation: Go Engineer" || Thread(o).IsReply() {
		t.Errorf("a forwarded mail: %+v %+v", opts, Thread(o))
	}
	o.Mail.Subject = ""
	plain := record(stage.Invited)
	for _, o := range []*tracker.Opportunity{o, plain, nil} {
		if opts := RenderOptions(o, clocktest.Epoch); opts.Subject != "" || !opts.Today.Equal(clocktest.Epoch) || Thread(o).IsReply() {
			t.Errorf("%+v: %+v", o, opts)
		}
	}
	if m := Mailto(nil, letter.Spec{RecipientEmail: "jo@acme.test"}, letter.Letter{Subject: "s", Body: "b"}); m.InReplyTo != "" {
		t.Errorf("mailto %+v", m)
	}
}
