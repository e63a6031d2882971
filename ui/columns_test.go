package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// A sheet made from a Notion template: columns of its own, one row without a role.
const templateSheet = "Outfit,Gig,Pipeline,Sent on,Misc\n" +
	"Kestrel Systems,Go Engineer,Interviewing,2026-10-01,x\n" +
	"Ambergate,,Applied,2026-10-02,y\n" +
	"Fenwick Foods,Engineering Manager,Applied,2026-10-03,z\n"

// choose picks the field for a column in the open step, as a person would.
func (h *harness) choose(column, field string) {
	h.t.Helper()
	s := h.app.tracker.columns
	if s == nil {
		h.t.Fatalf("no column step; texts: %q", h.texts())
	}
	sel, ok := s.choose[column]
	if !ok {
		h.t.Fatalf("no column %q", column)
	}
	sel.SetSelected(field)
	h.settle()
}

func TestTheColumnStepMapsPreviewsAndImports(t *testing.T) {
	h := newHarness(t)
	p := h.app.tracker
	p.importFrom(csvFile("applications.csv", templateSheet))
	h.settle()
	if !h.shows("Which column holds what?") || !h.shows("Decline Desk does not know the columns of applications.csv") ||
		!h.shows("e.g. Kestrel Systems") || h.count() != 0 {
		t.Fatalf("no column step: %q", h.texts())
	}
	// Until a company and a role are chosen, there is nothing to continue to.
	if !h.shows("Choose the column that holds the company.") || !h.button("Continue").Disabled() {
		t.Errorf("continue without a company: %q", h.texts())
	}
	h.choose("outfit", "Company")
	if !h.shows("Choose the column that holds the role.") || !h.button("Continue").Disabled() {
		t.Errorf("continue without a role: %q", h.texts())
	}
	h.choose("gig", "Role")
	h.choose("pipeline", "Status")
	h.choose("sent on", "Applied on")
	// The first rows, read with the columns as chosen, and the one that cannot be imported.
	for _, want := range []string{
		"Line 2: Company: Kestrel Systems · Role: Go Engineer · Status: Interview scheduled · Applied on: 2026-10-01",
		"Line 3 cannot be imported: the role is missing",
		"1 row of the first 3 cannot be imported",
	} {
		if !h.shows(want) {
			t.Errorf("the preview lacks %q: %q", want, h.texts())
		}
	}
	// Two columns for one field are refused before anything is read further.
	h.choose("misc", "Company")
	if !h.shows(`Two columns are read into the company: "Outfit" and "Misc"; choose one.`) || !h.button("Continue").Disabled() {
		t.Errorf("two companies: %q", h.texts())
	}
	h.choose("misc", "Skip")
	h.tap("Continue")
	// The whole file, read this way: its bad row is named before anything is written.
	if !h.shows("Some rows have errors") || !h.shows("line 3: the role is missing") || h.count() != 0 {
		t.Fatalf("no question about the bad row: %q", h.texts())
	}
	h.tap("Import the valid rows")
	if h.count() != 2 || !h.shows("Imported 2 opportunities from applications.csv.") || !h.shows("Columns not read: Misc") {
		t.Fatalf("%d records; %q", h.count(), h.texts())
	}
	var got []tracker.Opportunity
	h.store.ForEach(false, func(o *tracker.Opportunity) error { got = append(got, *o); return nil })
	if got[0].Company != "Kestrel Systems" || got[0].Status != stage.Scheduled || got[0].AppliedOn != "2026-10-01" || got[1].Role != "Engineering Manager" {
		t.Errorf("stored %+v", got)
	}
}

func TestTheColumnStepRemembersTheChoiceForTheseColumns(t *testing.T) {
	h := newHarness(t)
	p := h.app.tracker
	p.importFrom(csvFile("first.csv", templateSheet))
	h.settle()
	h.choose("outfit", "Company")
	h.choose("gig", "Role")
	h.choose("misc", "Notes")
	h.tap("Continue")
	h.tap("Cancel") // nothing imported: the choice is remembered all the same
	if h.count() != 0 {
		t.Fatal("cancelling imported")
	}
	// The same columns in another order and case: the step opens with the choice made.
	p.importFrom(csvFile("second.csv", "MISC,Gig,Outfit,Pipeline,Sent on\nnote,Tech Lead,Orrery Games,Offer,2026-09-01\n"))
	h.settle()
	s := p.columns
	if s == nil || !h.shows("second.csv has the columns of a sheet you imported before") {
		t.Fatalf("no step, or not as chosen: %q", h.texts())
	}
	for col, want := range map[string]string{"outfit": "Company", "gig": "Role", "misc": "Notes", "pipeline": "Skip"} {
		if got := s.choose[col].Selected; got != want {
			t.Errorf("%s: %q, want %q", col, got, want)
		}
	}
	if !h.shows("Line 2: Company: Orrery Games · Role: Tech Lead · Status: Saved · Notes: note") {
		t.Errorf("preview: %q", h.texts())
	}
	h.press(fyne.KeyReturn) // Enter continues
	if !h.shows("second.csv holds 1 opportunity. The first is Orrery Games — Tech Lead.") {
		t.Fatalf("no confirmation: %q", h.texts())
	}
	h.tap("Import")
	if h.count() != 1 {
		t.Errorf("%d records", h.count())
	}
	// Other columns are another sheet: nothing remembered.
	p.importFrom(csvFile("third.csv", "Outfit,Gig,Elsewhere\nA,B,C\n"))
	h.settle()
	if h.shows("a sheet you imported before") || p.columns.choose["outfit"].Selected != "Skip" {
		t.Errorf("another sheet took the choice: %q", h.texts())
	}
}

// A file whose columns are those of another tracker imports without the step, and says
// what it was read as.
func TestAnExportOfAnotherTrackerNeedsNoStep(t *testing.T) {
	h := newHarness(t)
	rr := "Company,Role,Stage,Stage Date,Application Date,Location,Salary,Source,URL,Tags,Contacts,Notes,Closed Reason,Stage History,Timeline,Created At,Updated At\n" +
		"Marisol Robotics,Firmware Engineer,closed,,2026-10-01,,,,,\"[\"\"embedded\"\"]\",Maya Chen <maya@marisol.test>,,withdrew,Applied (2026-10-01) → Closed (2026-10-09),,,\n"
	h.app.tracker.importFrom(csvFile("rr.csv", rr))
	h.settle()
	if h.app.tracker.columns != nil || !h.shows("rr.csv is a Reactive Resume (v6) export and holds 1 opportunity.") ||
		!h.shows("Columns that will not be read: Stage Date.") {
		t.Fatalf("%q", h.texts())
	}
	h.tap("Import")
	if !h.shows("Read as a Reactive Resume (v6) export: 1 row.") || h.count() != 1 {
		t.Errorf("%q", h.texts())
	}
}

func TestTheColumnStepFitsAt960x640(t *testing.T) {
	h := newHarness(t)
	h.win.Resize(fyne.NewSize(960, 640))
	var header strings.Builder
	header.WriteString("Outfit")
	for i := 0; i < 24; i++ { // a wide sheet, as exports of some trackers are
		header.WriteString(",A column with a long name that goes on and on " + strings.Repeat("x", i))
	}
	h.app.tracker.importFrom(csvFile("wide.csv", header.String()+"\nAcme\n"))
	h.settle()
	top := h.win.Canvas().Overlays().Top()
	if top == nil || h.app.tracker.columns == nil {
		t.Fatalf("no step: %q", h.texts())
	}
	if min := top.MinSize(); min.Width > 960 || min.Height > 640 {
		t.Errorf("the step asks for %.0f×%.0f", min.Width, min.Height)
	}
}
