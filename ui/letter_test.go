package ui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/proofread"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

var acme = tracker.Opportunity{Company: "Acme Inc", Role: "Go Engineer", Status: stage.Invited,
	ContactName: "Jo Park", ContactEmail: "jo@acme.test", InvitedOn: dayAt(-2), InterviewOn: dayAt(6)}

func TestLetterIsWrittenFromTheOpportunityAndProfile(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	if p.recipient.Text != "Jo Park" || p.recipientEmail.Text != "jo@acme.test" {
		t.Errorf("recipient %q %q", p.recipient.Text, p.recipientEmail.Text)
	}
	for _, want := range []string{"Dear Jo Park,", "Go Engineer position at Acme Inc on " + testNow.AddDate(0, 0, 6).Format("Monday, January 2"), "Sincerely,\nAna Silva"} {
		if !strings.Contains(p.editor.Text, want) {
			t.Errorf("editor lacks %q:\n%s", want, p.editor.Text)
		}
	}
	if p.previewSubject.Text != "Subject: Declining the interview — Go Engineer at Acme Inc" || p.previewTo.Text != "To: Jo Park <jo@acme.test>" ||
		p.previewBody.String() != p.editor.Text {
		t.Errorf("preview: %q / %q", p.previewSubject.Text, p.previewTo.Text)
	}
	if !strings.Contains(p.verdict.Text, "Ready to send") || len(p.found) != 0 {
		t.Errorf("verdict %q findings %+v", p.verdict.Text, p.found)
	}
	if p.copyBtn.Disabled() {
		t.Error("Copy disabled with a letter ready")
	}
}

func TestTypingUpdatesPreviewAndFindings(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	h.win.Canvas().Focus(p.editor)
	p.editor.CursorRow, p.editor.CursorColumn = 0, 0
	test.Type(p.editor, "Hi!! ")
	h.settle()
	if !strings.HasPrefix(p.previewBody.String(), "Hi!! Dear Jo Park,") {
		t.Errorf("preview did not follow typing: %q", p.previewBody.String()[:30])
	}
	if p.spec.Body == "" {
		t.Error("an edited letter is not marked edited")
	}
	var ex *proofread.Finding
	for i := range p.found {
		if p.found[i].Rule == proofread.RuleExclamation {
			ex = &p.found[i]
		}
	}
	if ex == nil || !strings.Contains(p.verdict.Text, "1 warning") {
		t.Fatalf("no exclamation finding: %+v, %q", p.found, p.verdict.Text)
	}
	// Showing the finding selects its text in the editor.
	for i := range p.found {
		if p.found[i].Rule == proofread.RuleExclamation {
			c := cardOf(p, i)
			if !strings.HasPrefix(c.text.Text, "Line 1: “!!”") {
				t.Errorf("finding shown as %q; lines count in the editor", c.text.Text)
			}
			test.Tap(c.show)
		}
	}
	if got := p.editor.SelectedText(); got != "!!" {
		t.Errorf("selected %q", got)
	}
	// Deleting everything shows errors, and the send actions stay usable to copy a draft.
	p.editor.SetText("Hello")
	h.settle()
	if !proofread.HasErrors(p.found) || !strings.Contains(p.verdict.Text, "fix the errors") {
		t.Errorf("verdict %q", p.verdict.Text)
	}
}

func TestNewSettingsAskBeforeReplacingEditedText(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	// Unedited: a new tone rewrites the letter at once.
	p.tone.SetSelected("Brief")
	h.settle()
	if !strings.HasPrefix(p.editor.Text, "Hi Jo,") || h.shows("Replace your edited letter?") {
		t.Fatalf("brief tone: %q", p.editor.Text[:20])
	}
	// Edited: it asks; keeping the text keeps it, replacing rewrites it.
	p.editor.SetText("Hi Jo,\n\nMy own words. Thank you, I decline.\n\nBest regards,\nAna Silva\n")
	h.settle()
	p.reason.SetSelected(labelOf(letter.Reasons, letter.AnotherOffer))
	h.settle()
	if !h.shows("Replace your edited letter?") {
		t.Fatal("no question before replacing edited text")
	}
	h.tap("Keep my text")
	if !strings.Contains(p.editor.Text, "My own words") || p.spec.Reason != letter.AnotherOffer {
		t.Errorf("kept text lost or reason not taken: %q %s", p.editor.Text, p.spec.Reason)
	}
	p.onRewrite()
	h.settle()
	h.tap("Replace text")
	if strings.Contains(p.editor.Text, "My own words") || !strings.Contains(p.editor.Text, "accepted another offer") {
		t.Errorf("not rewritten: %q", p.editor.Text)
	}
	// Typing in a setting never replaces edited text.
	p.editor.SetText("Hi Jo,\n\nMine again. Thank you, I decline.\n\nBest regards,\nAna Silva\n")
	h.settle()
	h.typeInto(p.recipient, "x")
	h.settle()
	if !strings.Contains(p.editor.Text, "Mine again") || h.shows("Replace your edited letter?") {
		t.Error("typing a setting touched the edited text")
	}
}

func TestDraftIsSavedAndSurvivesSwitching(t *testing.T) {
	h := newHarness(t, acme, tracker.Opportunity{Company: "Globex", Role: "Analyst"})
	h.selectCompany("Acme Inc")
	p := h.app.letter
	mine := "Dear Jo,\n\nThank you. I have decided to decline the interview.\n\nBest regards,\nAna Silva\n"
	p.editor.SetText(mine)
	p.alternative.SetSelected(labelOf(letter.Alternatives, letter.Referral))
	h.settle()
	h.tap("Keep my text")
	h.typeInto(p.referralName, "Ben Okafor")
	h.selectCompany("Globex") // leaving saves at once, without waiting for a pause
	if strings.Contains(p.editor.Text, "Decline the interview") || p.recipient.Text != "" {
		t.Errorf("Globex shows Acme's letter")
	}
	h.selectCompany("Acme Inc")
	if p.editor.Text != mine || p.referralName.Text != "Ben Okafor" || p.spec.Alternative != letter.Referral {
		t.Errorf("draft lost: %q %q", p.editor.Text, p.referralName.Text)
	}
	stored, _ := h.store.Get(h.app.current.ID)
	if stored.Draft == nil || stored.Draft.Body != mine {
		t.Errorf("stored draft %+v", stored.Draft)
	}
}

func TestDeclineFromTheChecklistPicksTheReason(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	for _, id := range []string{"path.goals", "path.strengths", "role.pay"} {
		h.answer(id, checklist.Concern)
	}
	test.Tap(h.app.decide.decline)
	h.settle()
	p := h.app.letter
	if p.spec.Reason != letter.CareerGoals || !strings.Contains(p.editor.Text, "direction") && !strings.Contains(p.editor.Text, "long-term plans") {
		t.Errorf("reason %s, text %q", p.spec.Reason, p.editor.Text)
	}
	if h.win.Canvas().Focused() != p.editor {
		t.Error("the editor does not have the focus")
	}
}

func TestFirstRunAsksForTheProfile(t *testing.T) {
	h := newHarnessWith(t, nil, acme)
	if !h.shows("Welcome to Decline Desk") {
		t.Fatalf("no welcome: %q", h.texts())
	}
	if !h.button("Save").Disabled() {
		t.Error("Save enabled with an empty profile")
	}
	form := h.app.profileForm
	h.typeInto(form.name, "Bea Stone")
	h.typeInto(form.email, "bea@example.com")
	h.tap("Save")
	if p, _ := h.store.Profile(); p.FullName != "Bea Stone" || p.Email != "bea@example.com" {
		t.Errorf("stored profile %+v", p)
	}
	h.selectCompany("Acme Inc")
	if !strings.HasSuffix(h.app.letter.editor.Text, "Sincerely,\nBea Stone\n") {
		t.Errorf("letter not signed with the profile: %q", h.app.letter.editor.Text)
	}
}

func TestCopyPutsTheLetterOnTheClipboardAndInHistory(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	test.Tap(p.copyBtn)
	h.settle()
	if got := h.app.fyneApp.Clipboard().Content(); got != p.rendered.Body || !strings.HasPrefix(got, "Dear Jo Park,") {
		t.Errorf("clipboard %q", got)
	}
	o, _ := h.store.Get(h.app.current.ID)
	last := o.History[len(o.History)-1]
	if last.Kind != tracker.EventCopied || last.Letter == nil || last.Letter.Body != p.rendered.Body || last.Letter.Subject != p.rendered.Subject {
		t.Errorf("history %+v", last)
	}
	if !h.app.status.Visible() || !strings.Contains(h.app.status.Text, "Letter copied") {
		t.Errorf("no confirmation: %q", h.app.status.Text)
	}
	h.app.fyneApp.Clipboard().SetContent("")
	shortcut(h, ctrlShift("C")) // the shortcut copies too
	again, _ := h.store.Get(h.app.current.ID)
	if len(again.History) != len(o.History)+1 || h.app.fyneApp.Clipboard().Content() != p.rendered.Body {
		t.Error("Ctrl+Shift+C did not copy")
	}
}

func TestMailAppAndDraftFileRecordWhatWasSent(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	test.Tap(p.mailBtn)
	h.settle()
	o, _ := h.store.Get(h.app.current.ID)
	if last := o.History[len(o.History)-1]; last.Kind != tracker.EventMailed || last.Letter == nil {
		t.Errorf("mail: %+v", last)
	}
	// The draft file itself, saved where the user says.
	dir := t.TempDir()
	path := h.saveAs(p.onExport, dir, "d.eml")
	raw, _ := os.ReadFile(path)
	if !strings.Contains(string(raw), "X-Unsent: 1\r\n") || !strings.Contains(string(raw), "To: Jo Park <jo@acme.test>\r\n") {
		t.Errorf("draft:\n%s", raw)
	}
}

func TestMarkDeclinedAndTheAfterChecklist(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	if p.after.Visible() {
		t.Error("after-checklist shown before declining")
	}
	test.Tap(p.copyBtn)
	h.settle()
	test.Tap(p.declineBtn)
	if !h.shows("Mark as declined?") || p.markFollowUp.Text != string(dayAt(90)) {
		t.Fatalf("dialog: %q, follow-up %q", h.texts(), p.markFollowUp.Text)
	}
	p.markFollowUp.SetText(string(dayAt(96)))
	body := p.rendered.Body
	h.tap("Mark declined")
	o := h.app.current
	if o.Status != stage.Declined || o.RespondedOn != dayAt(0) || o.FollowUpOn != dayAt(96) {
		t.Fatalf("after marking: %+v", o)
	}
	last := o.History[len(o.History)-1]
	if last.Letter == nil || last.Letter.Body != body {
		t.Errorf("letter not archived: %+v", last)
	}
	if !p.after.Visible() || !p.afterChecks[stage.StepLetterSent].Checked || !p.afterChecks[stage.StepTrackerUpdated].Checked ||
		p.afterChecks[stage.StepProfilesUpdated].Checked {
		t.Errorf("after-checklist: visible %v", p.after.Visible())
	}
	p.afterChecks[stage.StepProfilesUpdated].SetChecked(true)
	h.settle()
	if stored, _ := h.store.Get(o.ID); !stored.After[stage.StepProfilesUpdated] {
		t.Error("ticking a step was not saved")
	}
	if !h.shows("follow up on " + dayAt(96).Format(day.Short)) {
		t.Errorf("the letter pane does not say when to follow up: %q", h.texts())
	}
	h.app.showTab(tabDetails)
	if !h.shows("Status: from Interview invited to Declined (by me)") {
		t.Errorf("texts %q", h.texts())
	}
	// The archived letter can be read later, read-only.
	if h.app.tracker.details == nil {
		t.Fatal("no details")
	}
	h.tap("Letter")
	if !h.shows("Letter sent to Acme Inc") {
		t.Errorf("archived letter not shown: %q", h.texts())
	}
}

// Recommending someone before their name is typed shows the letter with a placeholder for
// the name, which the proofreader flags: the letter never goes blank for a missing word.
func TestARecommendationWithoutANameShowsAPlaceholder(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	p.alternative.SetSelected("Recommend someone")
	h.settle()
	if p.problems.Visible() || !strings.Contains(p.previewBody.String(), "[Name of the person you recommend]") {
		t.Fatalf("problems %q, letter:\n%s", p.problems.Text, p.previewBody.String())
	}
	flagged := false
	for _, f := range p.found {
		flagged = flagged || (f.Rule == proofread.RulePlaceholder && strings.Contains(f.Text, "recommend"))
	}
	if !flagged {
		t.Errorf("the placeholder is not flagged: %+v", p.found)
	}
	p.referralName.SetText("Ben Okafor")
	h.settle()
	if !strings.Contains(p.previewBody.String(), "Ben Okafor") || strings.Contains(p.previewBody.String(), "[Name") {
		t.Errorf("the name does not replace the placeholder:\n%s", p.previewBody.String())
	}
}

func TestSettingsThatCannotMakeALetterSayWhyAndAreKept(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	before := p.editor.Text
	p.recipientEmail.SetText("jo-at-acme")
	p.alternative.SetSelected("Recommend someone")
	h.settle()
	if !p.problems.Visible() {
		t.Fatal("no problems shown for a bad email and a missing name")
	}
	if !strings.Contains(p.problems.Text, "Their email: ") {
		t.Errorf("problems lack the email:\n%s", p.problems.Text)
	}
	if !p.copyBtn.Disabled() || !p.emlBtn.Disabled() || !p.mailBtn.Disabled() || !p.declineBtn.Disabled() {
		t.Error("sending is possible without a letter")
	}
	if p.previewSubject.Text != "No letter yet" {
		t.Errorf("preview %q", p.previewSubject.Text)
	}
	if p.editor.Text != before || p.spec.Body != "" {
		t.Errorf("the editor changed while the settings make no letter:\n%s", p.editor.Text)
	}
	// What was typed is kept, even though it makes no letter yet.
	p.flush()
	h.settle()
	o, _ := h.store.Get(h.app.current.ID)
	if o.Draft == nil || o.Draft.RecipientEmail != "jo-at-acme" || o.Draft.Alternative != letter.Referral {
		t.Fatalf("draft not saved: %+v", o.Draft)
	}
	p.recipientEmail.SetText("jo@acme.test")
	p.referralName.SetText("Sam Lee")
	h.settle()
	if p.problems.Visible() || p.copyBtn.Disabled() {
		t.Errorf("problems still shown after fixing them: %q", p.problems.Text)
	}
}

func TestMarkDeclinedWithABadFollowUpDateChangesNothing(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	test.Tap(p.declineBtn)
	p.markFollowUp.SetText("soon")
	h.tap("Mark declined")
	if !h.shows("Nothing was changed") {
		t.Errorf("no message for a bad date: %q", h.texts())
	}
	if o, _ := h.store.Get(h.app.current.ID); o.Status != stage.Invited || o.RespondedOn != "" {
		t.Errorf("marked anyway: %+v", o)
	}
}
