package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// selectCompany selects the list row of company and waits until it is shown.
func (h *harness) selectCompany(company string) {
	h.t.Helper()
	for i, r := range h.app.tracker.rows {
		if r.Company() == company {
			h.app.tracker.list.Select(i)
			h.settle()
			if h.app.current == nil || h.app.current.Company != company {
				h.t.Fatalf("%s not shown", company)
			}
			return
		}
	}
	h.t.Fatalf("%s not in the list", company)
}

func (h *harness) answer(id string, c checklist.Choice) {
	h.t.Helper()
	h.app.decide.rows[id].choice.SetSelected(c.Label())
	h.settle()
}

func TestDecidePaneExplainsItselfWithoutSelection(t *testing.T) {
	h := newHarness(t)
	h.app.showTab(tabDecide)
	if !h.shows("Decide before you decline") || !h.shows("Pick an opportunity in the tracker") {
		t.Errorf("texts %q", h.texts())
	}
}

func TestAnswersDriveTheSummaryAndSurviveSwitching(t *testing.T) {
	h := newHarness(t,
		tracker.Opportunity{Company: "Acme", Role: "Go Engineer", Status: stage.Invited, InvitedOn: dayAt(-4)},
		tracker.Opportunity{Company: "Globex", Role: "Analyst"},
	)
	p := h.app.decide
	h.app.showTab(tabDecide)
	h.selectCompany("Acme")
	if !h.shows("Invited 4 days ago — reply today") {
		t.Errorf("timing badge: %q", p.badge.Text)
	}
	if p.verdict.Text != "No suggestion yet" {
		t.Errorf("verdict before answers: %q", p.verdict.Text)
	}
	for _, id := range []string{"role.description", "role.responsibilities", "company.mission", "path.goals"} {
		h.answer(id, checklist.Fits)
	}
	h.answer("role.pay", checklist.Concern)
	h.answer("path.balance", checklist.Unsure)
	if p.verdict.Text != "Suggestion: go ahead with the interview" || !strings.Contains(p.why.Text, "Raise the pay and level in the interview") {
		t.Errorf("after one concern: %q / %q", p.verdict.Text, p.why.Text)
	}
	if p.counts[0].Text != "The role\n1 concern" || p.counts[2].Text != "Your path\n1 unsure" {
		t.Errorf("counts %q %q", p.counts[0].Text, p.counts[2].Text)
	}
	h.answer("path.timing", checklist.Concern)
	h.answer("path.offers", checklist.Concern)
	if p.verdict.Text != "Suggestion: decline" || p.summary().Reason != "another-offer" {
		t.Errorf("after three concerns: %q, reason %q", p.verdict.Text, p.summary().Reason)
	}
	// A note is kept too, even when the selection changes before it was saved.
	h.typeInto(p.rows["role.pay"].note, "20% under market")

	h.selectCompany("Globex")
	if p.verdict.Text != "No suggestion yet" || p.rows["role.pay"].choice.Selected != "" || p.rows["role.pay"].note.Text != "" {
		t.Errorf("Globex shows Acme's answers")
	}
	h.selectCompany("Acme")
	if p.rows["role.pay"].choice.Selected != "Concern" || p.rows["role.pay"].note.Text != "20% under market" || p.verdict.Text != "Suggestion: decline" {
		t.Errorf("answers lost on the way back: %q %q %q", p.rows["role.pay"].choice.Selected, p.rows["role.pay"].note.Text, p.verdict.Text)
	}
	stored, _ := h.store.Get(h.app.current.ID)
	if stored.Checklist["role.pay"].Note != "20% under market" || len(stored.Checklist) != 8 {
		t.Errorf("stored %+v", stored.Checklist)
	}
}

func TestNoteTypedJustBeforeClosingIsSaved(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Go Engineer"})
	h.selectCompany("Acme")
	id := h.app.current.ID
	h.typeInto(h.app.decide.rows["company.reviews"].note, "mixed reviews about on-call")
	h.app.onClose()
	h.settle()
	s := reopen(t, h)
	got, _ := s.Get(id)
	if got.Checklist["company.reviews"].Note != "mixed reviews about on-call" {
		t.Errorf("note lost on close: %+v", got.Checklist)
	}
}

func TestProceedOffersToScheduleAndDeclineGoesToTheLetter(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Go Engineer", Status: stage.Invited})
	h.selectCompany("Acme")
	test.Tap(h.app.decide.proceed)
	if !h.shows("Go ahead with the interview?") {
		t.Fatalf("no offer: %q", h.texts())
	}
	h.tap("Set status")
	if h.app.current.Status != stage.Scheduled {
		t.Errorf("status %s", h.app.current.Status)
	}
	got, _ := h.store.Get(h.app.current.ID)
	if got.History[len(got.History)-1].Describe() != "Status: from Interview invited to Interview scheduled" {
		t.Errorf("history %+v", got.History)
	}
}

// The checklist keeps its height however long the summary's reasons get, and whatever the
// opportunity: answering never moves what is being answered.
func TestTheSummaryNeverPushesTheChecklist(t *testing.T) {
	h := newHarness(t,
		tracker.Opportunity{Company: "Acme", Role: "Go Engineer", Status: stage.Invited, InvitedOn: dayAt(-1)},
		tracker.Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Declined, RespondedOn: dayAt(-3)})
	h.win.Resize(fyne.NewSize(960, 640))
	p := h.app.decide
	h.app.showTab(tabDecide)
	h.selectCompany("Acme")
	h.relayout()
	height := p.scroll.Size().Height
	var ids []string
	for _, sec := range checklist.Sections() {
		for _, it := range sec.Items {
			ids = append(ids, it.ID)
		}
	}
	for i, id := range ids {
		choice := checklist.Concern
		if i%3 == 1 {
			choice = checklist.Unsure
		}
		h.answer(id, choice)
		h.relayout()
		if got := p.scroll.Size().Height; got != height {
			t.Fatalf("after answering %d items (%q) the checklist is %.0f px high, was %.0f", i+1, p.why.Text, got, height)
		}
	}
	h.selectCompany("Globex")
	h.relayout()
	if got := p.scroll.Size().Height; got != height {
		t.Errorf("a settled opportunity gives the checklist %.0f px, an open one %.0f", got, height)
	}
}

// Once the decision is made, the Decide tab no longer counts answers still to give.
func TestDecidedOpportunityIsNotCountedAsUnanswered(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Declined, RespondedOn: dayAt(-3)})
	h.app.showTab(tabDecide)
	h.selectCompany("Globex")
	p := h.app.decide
	for _, it := range p.sections.Items {
		if strings.Contains(it.Title, "answered") {
			t.Errorf("section title %q beside %q", it.Title, p.badge.Text)
		}
	}
	for _, txt := range h.texts() {
		if strings.Contains(txt, "not answered") || strings.Contains(txt, "No suggestion yet") || strings.Contains(txt, "Answer at least") {
			t.Errorf("a declined opportunity still says %q", txt)
		}
	}
	if !h.shows("Declined (by me)") {
		t.Errorf("the summary does not say what was decided: %q", h.texts())
	}
}

// The mouse wheel scrolls the checklist wherever the pointer is, a note field included.
func TestTheWheelScrollsTheChecklistOverANote(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Go Engineer", Status: stage.Invited})
	h.app.showTab(tabDecide)
	h.selectCompany("Acme")
	p := h.app.decide
	r := p.rows["role.responsibilities"]
	test.Tap(r.addNote)
	h.settle()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.note).Add(fyne.NewPos(20, r.note.Size().Height/2))
	if top := p.scroll.Position(); pos.Y > top.Y+p.scroll.Size().Height {
		t.Fatal("setup: the note is not on screen")
	}
	test.Scroll(h.win.Canvas(), pos, 0, -80)
	if p.scroll.Offset.Y == 0 {
		t.Error("the wheel over a note does not scroll the checklist")
	}
}

// Tab goes through the checklist one item at a time, and whatever gets the focus is
// brought into view; the arrows change an answer.
func TestTabThroughTheChecklistKeepsTheFocusInView(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Go Engineer", Status: stage.Invited})
	h.win.Resize(fyne.NewSize(960, 640))
	h.app.showTab(tabDecide)
	h.selectCompany("Acme")
	h.relayout()
	p := h.app.decide
	first := p.rows["role.description"].choice
	h.win.Canvas().Focus(first)
	first.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	first.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if first.Selected != checklist.Concern.Label() {
		t.Errorf("Right twice answers %q", first.Selected)
	}
	h.settle()
	d := fyne.CurrentApp().Driver()
	inChecklist := map[fyne.CanvasObject]bool{}
	for _, o := range objectsIn(p.scroll.Content) {
		inChecklist[o] = true
	}
	stops := map[fyne.Focusable]bool{}
	for i := 0; i < 40; i++ {
		h.win.Canvas().FocusNext()
		f := h.win.Canvas().Focused()
		o, ok := f.(fyne.CanvasObject)
		if !ok || stops[f] {
			break
		}
		stops[f] = true
		if !inChecklist[o] {
			continue
		}
		top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(p.scroll.Content).Y
		if top < p.scroll.Offset.Y || top+o.Size().Height > p.scroll.Offset.Y+p.scroll.Size().Height {
			t.Fatalf("Tab %d: the focus (%T) is at %.0f–%.0f px, the checklist shows %.0f–%.0f", i+1, o,
				top, top+o.Size().Height, p.scroll.Offset.Y, p.scroll.Offset.Y+p.scroll.Size().Height)
		}
	}
	if p.scroll.Offset.Y == 0 {
		t.Error("tabbing through the checklist never scrolled it")
	}
	if !stops[p.rows["role.responsibilities"].choice] {
		t.Error("Tab does not reach the second item's answer")
	}
}

// A click on an answer chooses it; a click on the chosen one clears it.
func TestClickingAnAnswer(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Go Engineer", Status: stage.Invited})
	h.app.showTab(tabDecide)
	h.selectCompany("Acme")
	h.relayout()
	c := h.app.decide.rows["role.pay"].choice
	for i, want := range []string{"Unsure", "", "Fits", "Concern"} {
		label := want
		if label == "" {
			label = "Unsure" // the chosen one, again
		}
		var at fyne.Position
		for _, o := range objectsIn(c) {
			if txt, ok := o.(*canvas.Text); ok && txt.Text == label {
				at = txt.Position().Add(fyne.NewPos(txt.Size().Width/2, txt.Size().Height/2))
			}
		}
		test.TapAt(c, at)
		h.settle()
		stored, _ := h.store.Get(h.app.current.ID)
		if c.Selected != want || stored.Checklist["role.pay"].Choice.Label() != want {
			t.Errorf("click %d on %s: chosen %q, stored %q", i+1, label, c.Selected, stored.Checklist["role.pay"].Choice.Label())
		}
	}
}
