package ui

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/csvio"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// Every field of the field table that people fill in appears in the form, with its label,
// and in the details once it holds something; the CSV export and the JSON carry every
// field. A field added to the table appears in all of them without another line of code.
func TestTheFieldTableDrivesFormDetailsCSVAndJSON(t *testing.T) {
	o := tracker.Opportunity{Company: "Acme Inc", Role: "Go Engineer", Status: stage.Invited, Location: "Lisbon",
		ContactName: "Jo Park", ContactEmail: "jo@acme.test", Source: "Referral", URL: "acme.test/jobs/1",
		AppliedOn: dayAt(-20), InvitedOn: dayAt(-2), InterviewOn: dayAt(6), RespondedOn: dayAt(-1), FollowUpOn: dayAt(9),
		Tags: []string{"remote", "fintech"}, Notes: "Met the team at a meetup."}
	h := newHarness(t, o)
	h.selectCompany("Acme Inc")
	f := showOpportunityForm(h.app, h.app.current)
	formLabels := map[string]bool{}
	for _, item := range f.form.Items {
		formLabels[item.Text] = true
	}
	f.dialog.Hide()
	details := map[string]bool{}
	for _, obj := range h.app.tracker.details.fields.Objects {
		if l, ok := obj.(*widget.Label); ok {
			details[l.Text] = true
		}
	}
	var csv strings.Builder
	if _, err := csvio.Export(&csv, h.store, csvio.ExportOptions{Raw: true}); err != nil {
		t.Fatal(err)
	}
	header := strings.Split(strings.SplitN(csv.String(), "\n", 2)[0], ",")
	stored, _ := h.store.Get(h.app.current.ID)
	js, _ := json.Marshal(csvio.JSON(&stored))
	for i, fd := range tracker.Fields() {
		if header[i] != fd.Name || !strings.Contains(string(js), `"`+fd.Name+`":`) {
			t.Errorf("%s: not in the CSV header (%q) or the JSON", fd.Name, header[i])
		}
		if !fd.Editable() {
			continue
		}
		if !formLabels[fd.Label] {
			t.Errorf("%s: no %q in the form", fd.Name, fd.Label)
		}
		switch fd.Name {
		case "company", "role", "status": // the title and the status select
		default:
			if !details[fd.Label] {
				t.Errorf("%s: no %q in the details", fd.Name, fd.Label)
			}
		}
	}
}

// Working on a letter is not news from the other side: the record being written to stays
// where it is in the list, however long the user types.
func TestWritingALetterMovesNothingInTheList(t *testing.T) {
	h := newHarness(t,
		tracker.Opportunity{Company: "Acme Inc", Role: "Go Engineer", Status: stage.Invited},
		tracker.Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Invited},
		tracker.Opportunity{Company: "Initech", Role: "QA Lead", Status: stage.Applied},
	)
	p := h.app.tracker
	order := func() []string {
		var out []string
		for _, r := range p.rows {
			out = append(out, r.Company())
		}
		return out
	}
	before := order()
	h.selectCompany("Globex")
	activity := h.app.current.ActivityAt
	l := h.app.letter
	for i := 0; i < 3; i++ {
		h.clock.Advance(time.Hour)
		h.win.Canvas().Focus(l.editor)
		test.Type(l.editor, " More words.")
		h.clock.Advance(2 * draftSaveDelay) // the draft is saved
		h.settle()
	}
	l.tone.SetSelected("Warm")
	h.app.decide.show(h.app.current)
	h.answer(checklist.Sections()[0].Items[0].ID, checklist.Concern)
	h.clock.Advance(time.Minute) // the answers are saved
	h.settle()
	if got := order(); strings.Join(got, ",") != strings.Join(before, ",") {
		t.Errorf("the list moved while a letter was written: %v, was %v", got, before)
	}
	o, _ := h.store.Get(h.app.current.ID)
	if o.Draft == nil || !strings.Contains(o.Draft.Body, "More words.") || len(o.Checklist) == 0 {
		t.Fatal("the draft and the answers were not saved, so the test proves nothing")
	}
	if !o.ActivityAt.Equal(activity) {
		t.Errorf("saving the draft moved the last activity from %v to %v", activity, o.ActivityAt)
	}
}
