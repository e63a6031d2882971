package ui

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

func TestEachStageOpensWithItsOwnLetter(t *testing.T) {
	h := newHarness(t,
		tracker.Opportunity{Company: "Offerco", Role: "Go Engineer", Status: stage.Offer, ContactName: "Jo Park"},
		tracker.Opportunity{Company: "Appliedco", Role: "Analyst", Status: stage.Applied},
		tracker.Opportunity{Company: "Pastco", Role: "QA", Status: stage.Scheduled, InterviewOn: dayAt(-3)},
		tracker.Opportunity{Company: "Newjobco", Role: "Lead", Status: stage.Accepted},
	)
	p := h.app.letter
	h.selectCompany("Offerco")
	if p.spec.Kind != letter.DeclineOffer || !strings.Contains(p.editor.Text, "offer") || strings.Contains(strings.ToLower(p.editor.Text), "invit") {
		t.Errorf("offer: kind %q\n%s", p.spec.Kind, p.editor.Text)
	}
	if p.declineBtn.Text != "Mark offer declined…" || p.kind.Selected != letter.DeclineOffer.Label() {
		t.Errorf("offer: button %q, kind %q", p.declineBtn.Text, p.kind.Selected)
	}
	h.selectCompany("Appliedco")
	if p.spec.Kind != letter.Withdraw || !strings.Contains(p.editor.Text, "withdraw") || strings.Contains(p.editor.Text, "inviting me") {
		t.Errorf("applied: kind %q\n%s", p.spec.Kind, p.editor.Text)
	}
	h.selectCompany("Pastco")
	if p.spec.Kind != letter.Withdraw || !strings.Contains(p.editor.Text, "Thank you for taking the time to speak with me") {
		t.Errorf("after the interview: kind %q\n%s", p.spec.Kind, p.editor.Text)
	}
	// A settled stage suggests nothing, says why, and still lets the user write one.
	h.selectCompany("Newjobco")
	if p.editor.Text != "" || !p.copyBtn.Disabled() || !strings.Contains(p.stageNote.Text, "No letter suggested") {
		t.Fatalf("accepted: text %q, note %q", p.editor.Text, p.stageNote.Text)
	}
	p.kind.SetSelected(letter.KeepInTouch.Label())
	h.settle()
	h.clock.Advance(draftSaveDelay)
	h.settle()
	if p.editor.Text == "" || p.copyBtn.Disabled() || p.spec.Kind != letter.KeepInTouch {
		t.Errorf("choosing a kind wrote nothing: %q", p.editor.Text)
	}
	if stored, _ := h.store.Get(h.app.current.ID); stored.Draft == nil || stored.Draft.Kind != letter.KeepInTouch {
		t.Error("the chosen kind was not saved with the draft")
	}
}

func TestChangingTheKindAsksBeforeReplacingEditedText(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	p.kind.SetSelected(letter.Withdraw.Label())
	h.settle()
	if p.spec.Kind != letter.Withdraw || h.shows("Replace your edited letter?") {
		t.Fatalf("an untouched letter is not rewritten at once: %q", p.spec.Kind)
	}
	h.typeInto(p.editor, "My own words. ")
	h.settle()
	p.kind.SetSelected(letter.DeclineInterview.Label())
	h.settle()
	if !h.shows("Replace your edited letter?") {
		t.Fatal("no question before replacing edited text")
	}
	h.tap("Keep my text")
	if !strings.HasPrefix(p.editor.Text, "My own words.") || p.kind.Selected != letter.Withdraw.Label() {
		t.Errorf("keeping the text: %q, kind %q", p.editor.Text[:20], p.kind.Selected)
	}
	p.kind.SetSelected(letter.DeclineInterview.Label())
	h.settle()
	h.tap("Replace text")
	if strings.HasPrefix(p.editor.Text, "My own words.") || p.spec.Kind != letter.DeclineInterview {
		t.Errorf("replacing: %q", p.editor.Text[:20])
	}
}

func TestTheLetterFollowsItsOpportunity(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	renamed := *h.app.current
	renamed.Company = "Acme Robotics"
	saveOpportunity(h.app, renamed)
	h.settle()
	if !strings.Contains(p.editor.Text, "Acme Robotics") || strings.Contains(p.editor.Text, "Acme Inc") || p.changedBox.Visible() {
		t.Fatalf("an untouched letter did not follow the rename:\n%s", p.editor.Text)
	}
	// An edited letter keeps its text and says what changed.
	h.typeInto(p.editor, "P.S. ")
	h.settle()
	again := *h.app.current
	again.Role = "Staff Engineer"
	saveOpportunity(h.app, again)
	h.settle()
	if !p.changedBox.Visible() || !strings.Contains(p.changed.Text, "the role is now Staff Engineer (the letter had Go Engineer)") {
		t.Fatalf("no warning: %q", p.changed.Text)
	}
	if !strings.HasPrefix(p.editor.Text, "P.S. ") {
		t.Error("the edited text was replaced without asking")
	}
	if p.spec.Role != "Staff Engineer" || !strings.Contains(p.rendered.Subject, "Staff Engineer") {
		t.Errorf("the subject still has the old role: %q", p.rendered.Subject)
	}
	// A draft saved before the change is caught when it is opened again.
	h.clock.Advance(draftSaveDelay)
	h.settle()
	h.app.setCurrent(nil)
	o, _ := h.store.Get(again.ID)
	o.Draft.Company = "Old Name Ltd"
	h.store.SaveDraft(o.ID, o.Draft)
	h.selectCompany("Acme Robotics")
	if !p.changedBox.Visible() || !strings.Contains(p.changed.Text, "the company is now Acme Robotics (the letter had Old Name Ltd)") {
		t.Errorf("a stale draft opened silently: %q", p.changed.Text)
	}
}

func TestAfterDecliningTheDecidePaneStepsBack(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	d := h.app.decide
	if !d.decline.Visible() || !d.proceed.Visible() {
		t.Fatal("an invitation offers no choice")
	}
	p := h.app.letter
	test.Tap(p.declineBtn)
	h.settle()
	h.tap("Mark declined")
	if d.decline.Visible() || d.proceed.Visible() {
		t.Error("the Decide pane still offers Decline and Proceed after declining")
	}
	if !p.after.Visible() {
		t.Error("no after-checklist")
	}
	if !strings.Contains(d.badge.Text, "You replied on "+dayAt(0).Format(day.Short)) {
		t.Errorf("badge %q", d.badge.Text)
	}
}

func TestADueFollowUpOffersTheKeepInTouchNote(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	p.tone.SetSelected("Warm") // a draft of the decline is kept
	h.settle()
	test.Tap(p.declineBtn)
	h.settle()
	h.tap("Mark declined")
	if p.keepInTouch.Visible() {
		t.Fatal("offered before the follow-up is due")
	}
	followUp := h.app.current.FollowUpOn
	// The day comes.
	h.app.setCurrent(nil)
	h.clock.Set(followUp.Time().Add(9 * time.Hour))
	h.selectCompany("Acme Inc")
	if !p.keepInTouch.Visible() {
		t.Fatalf("no keep-in-touch offer on the due day: kind %q, draft %v, follow-up %s, today %s", p.spec.Kind, h.app.current.Draft != nil, h.app.current.FollowUpOn, h.app.today())
	}
	h.tap("Write the keep-in-touch note")
	if p.spec.Kind != letter.KeepInTouch || strings.Contains(p.editor.Text, "decline") || p.declineBtn.Text != "Record as sent…" {
		t.Fatalf("kind %q, button %q:\n%s", p.spec.Kind, p.declineBtn.Text, p.editor.Text)
	}
	test.Tap(p.declineBtn)
	h.settle()
	h.tap("Record as sent")
	o := h.app.current
	want := day.Of(h.clock.Now()).AddDays(h.app.settings().KeepInTouchDays)
	if o.Status != stage.Declined || o.FollowUpOn != want || !o.After[stage.StepKeepInTouch] {
		t.Errorf("after the note: %s, follow-up %s (want %s), after %v", o.Status, o.FollowUpOn, want, o.After)
	}
	if last := o.History[len(o.History)-1]; last.Letter == nil || last.Letter.Kind != letter.KeepInTouch {
		t.Errorf("the note is not in the history: %+v", last)
	}
}

func TestWithoutAMailAppTheLetterCanStillLeave(t *testing.T) {
	h := newHarness(t, acme)
	h.app.openURL = func(*url.URL) error { return errors.New(`exec: "xdg-open": executable file not found in $PATH`) }
	h.selectCompany("Acme Inc")
	test.Tap(h.app.letter.mailBtn)
	h.settle()
	if !h.shows("No mail app answered on this computer") {
		t.Fatalf("texts %q", h.texts())
	}
	h.tap("Copy the letter")
	if got := h.app.fyneApp.Clipboard().Content(); !strings.Contains(got, "Dear Jo Park,") {
		t.Errorf("clipboard %q", got)
	}
	if o, _ := h.store.Get(h.app.current.ID); o.History[len(o.History)-1].Kind != tracker.EventCopied {
		t.Error("the copy was not recorded")
	}
}

func TestOnlyTheUserTicksTheLetterAsSent(t *testing.T) {
	h := newHarness(t, acme)
	h.app.openURL = func(*url.URL) error { return nil }
	h.selectCompany("Acme Inc")
	p := h.app.letter
	test.Tap(p.copyBtn)
	h.settle()
	if h.shows("Did the letter go out?") || h.app.current.After[stage.StepLetterSent] {
		t.Fatal("copying alone asked or ticked")
	}
	test.Tap(p.mailBtn)
	h.settle()
	if !h.shows("Did the letter go out?") {
		t.Fatal("no question after opening the mail app")
	}
	h.tap("Not yet")
	if o, _ := h.store.Get(h.app.current.ID); o.After[stage.StepLetterSent] {
		t.Fatal("ticked without the user")
	}
	test.Tap(p.mailBtn)
	h.settle()
	h.tap("It is sent")
	if o, _ := h.store.Get(h.app.current.ID); !o.After[stage.StepLetterSent] {
		t.Error("the user's answer was not kept")
	}
}
