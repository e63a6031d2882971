package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

func TestEmptyTrackerSaysWhatToDo(t *testing.T) {
	h := newHarness(t)
	if !h.shows("No opportunities yet — add one or import a CSV") {
		t.Errorf("empty state missing: %q", h.texts())
	}
	h.button("Add opportunity")
	h.button("Import CSV…")
	h.app.showTab(tabDetails)
	if !h.shows("Select an opportunity") {
		t.Error("details pane should explain itself")
	}
}

func TestAddThroughTheForm(t *testing.T) {
	h := newHarness(t)
	h.tap("Add opportunity")
	f := h.app.tracker.form
	if f == nil {
		t.Fatal("no form")
	}
	if !h.button("Add").Disabled() {
		t.Error("Add is enabled before company and role are filled in")
	}
	test.Type(f.entry("company"), "Acme Inc")
	test.Type(f.entry("role"), "Go Engineer")
	test.Type(f.entry("contact_email"), "jo@acme.test")
	h.app.setDateOrder(day.MonthFirst)  // as the settings, or an import's question, set it
	f = showOpportunityForm(h.app, nil) // the form reads dates the way the user writes them
	h.app.tracker.form = f
	test.Type(f.entry("company"), "Acme Inc")
	test.Type(f.entry("role"), "Go Engineer")
	test.Type(f.entry("contact_email"), "jo@acme.test")
	test.Type(f.entry("follow_up_on"), "12/1/2026")
	f.status.SetSelected(stage.Invited.Label())
	h.tap("Add")

	if h.count() != 1 {
		t.Fatalf("stored %d", h.count())
	}
	if len(h.app.tracker.rows) != 1 || h.app.tracker.rows[0].Company() != "Acme Inc" {
		t.Fatalf("list rows %+v", h.app.tracker.rows)
	}
	cur := h.app.current
	if cur == nil || cur.Company != "Acme Inc" || cur.Status != stage.Invited || cur.FollowUpOn != "2026-12-01" || cur.ContactEmail != "jo@acme.test" {
		t.Fatalf("the new opportunity is not selected as entered: %+v", cur)
	}
	if !h.shows("1 opportunity") || !h.shows("Acme Inc — Go Engineer") {
		t.Errorf("texts %q", h.texts())
	}
}

func TestFormShowsValidationMessagesInline(t *testing.T) {
	h := newHarness(t)
	h.app.tracker.onAdd()
	f := h.app.tracker.form
	h.typeInto(f.entry("company"), "Acme")
	h.typeInto(f.entry("role"), "Dev")
	h.typeInto(f.entry("contact_email"), "jo at acme")
	h.typeInto(f.entry("applied_on"), "3/4/2026") // no order chosen: it reads two ways
	h.win.Canvas().Focus(f.entry("notes"))        // messages show once the field is left
	if !h.shows(`"jo at acme" is not an email address`) {
		t.Errorf("no inline email message: %q", h.texts())
	}
	if !h.shows(`"3/4/2026" could be March 4, 2026 or 3 April 2026: write it as YYYY-MM-DD`) {
		t.Errorf("no inline date message: %q", h.texts())
	}
	if !h.button("Add").Disabled() {
		t.Error("Add is enabled with invalid fields")
	}
	f.entry("contact_email").SetText("jo@acme.test")
	f.entry("applied_on").SetText("2026-12-31")
	if h.button("Add").Disabled() {
		t.Error("Add stays disabled once the fields are fixed")
	}
}

func TestDuplicateIsShownBeforeSaving(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme Inc", Role: "Go Engineer", Status: stage.Declined, RespondedOn: "2026-05-01"})
	h.app.tracker.onAdd()
	f := h.app.tracker.form
	test.Type(f.entry("company"), "ACME")
	test.Type(f.entry("role"), "go engineer")
	h.tap("Add")
	if h.count() != 1 {
		t.Fatal("a duplicate was saved without asking")
	}
	if !h.shows("You already track Acme Inc — Go Engineer (Declined (by me), responded Fri 1 May 2026)") {
		t.Errorf("warning missing: %q", h.texts())
	}
	h.tap("Show it")
	if h.app.current == nil || h.app.current.Company != "Acme Inc" {
		t.Errorf("existing record not shown: %+v", h.app.current)
	}

	h.app.tracker.onAdd()
	f = h.app.tracker.form
	test.Type(f.entry("company"), "Acme")
	test.Type(f.entry("role"), "Go Engineer")
	h.tap("Add")
	h.tap("Save anyway")
	if h.count() != 2 {
		t.Errorf("Save anyway did not save: %d", h.count())
	}
}

func TestSearchAndFilter(t *testing.T) {
	h := newHarness(t,
		tracker.Opportunity{Company: "Acme", Role: "Go Engineer", Status: stage.Applied},
		tracker.Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Declined, Notes: "met the team lead"},
		tracker.Opportunity{Company: "Initech", Role: "Go Lead", Status: stage.Applied, FollowUpOn: dayAt(-24)},
	)
	p := h.app.tracker
	if len(p.rows) != 3 || !h.shows("3 opportunities") {
		t.Fatalf("rows %d", len(p.rows))
	}
	if !h.shows("Follow up " + dayAt(-24).Format(day.Short) + " · overdue") {
		t.Errorf("overdue follow-up not highlighted: %q", h.texts())
	}
	test.Type(p.search, "go")
	h.settle()
	if len(p.rows) != 2 || !h.shows("2 of 3 opportunities") {
		t.Errorf("search go: %d rows, %q", len(p.rows), h.texts())
	}
	p.status.SetSelected(stage.Applied.Label())
	h.settle()
	if len(p.rows) != 2 {
		t.Errorf("search + applied: %d", len(p.rows))
	}
	p.search.SetText("team lead")
	h.settle()
	if len(p.rows) != 0 || !h.shows("Nothing matches this search or filter.") {
		t.Errorf("notes of a declined record with the Applied filter: %d rows", len(p.rows))
	}
	h.tap("Show all")
	if len(p.rows) != 3 || p.search.Text != "" || p.status.SelectedIndex() != 0 {
		t.Errorf("Show all: %d rows", len(p.rows))
	}
	// Tapping a status in the chart filters by it; tapping it again clears the filter.
	p.onChartTapped(stage.Declined)
	h.settle()
	if len(p.rows) != 1 || p.rows[0].Company() != "Globex" {
		t.Errorf("chart filter: %+v", p.rows)
	}
	p.onChartTapped(stage.Declined)
	h.settle()
	if len(p.rows) != 3 {
		t.Errorf("chart filter not cleared: %d", len(p.rows))
	}
	p.sort.SetSelected("Company")
	h.settle()
	if p.rows[0].Company() != "Acme" || p.rows[2].Company() != "Initech" {
		t.Errorf("sort by company: %s, %s", p.rows[0].Company(), p.rows[2].Company())
	}
}

func TestDeleteAsksFirst(t *testing.T) {
	h := newHarness(t,
		tracker.Opportunity{Company: "Acme", Role: "Go Engineer"},
		tracker.Opportunity{Company: "Globex", Role: "Analyst"},
	)
	p := h.app.tracker
	p.list.Select(0)
	h.settle()
	doomed := h.app.current
	if doomed == nil {
		t.Fatal("nothing selected")
	}
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if !h.shows("Delete this opportunity?") {
		t.Fatalf("no confirmation: %q", h.texts())
	}
	h.tap("Cancel")
	if h.count() != 2 {
		t.Fatal("deleted without confirmation")
	}
	test.Tap(p.details.del)
	h.tap("Delete")
	if h.count() != 1 {
		t.Fatalf("not deleted: %d left", h.count())
	}
	if h.app.current != nil || len(p.rows) != 1 || p.rows[0].ID == doomed.ID {
		t.Errorf("deleted record still shown: current %+v rows %+v", h.app.current, p.rows)
	}
	if _, err := h.store.Get(doomed.ID); err == nil {
		t.Error("record still in the database")
	}
}

func TestStatusChangeIsRecordedInHistory(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Go Engineer", Status: stage.Invited})
	h.app.tracker.list.Select(0)
	h.settle()
	h.app.tracker.details.status.SetSelected(stage.Scheduled.Label())
	h.settle()
	o, _ := h.store.Get(h.app.current.ID)
	if o.Status != stage.Scheduled || len(o.History) != 2 || o.History[1].Describe() != "Status: from Interview invited to Interview scheduled" {
		t.Errorf("stored %+v", o)
	}
	h.app.showTab(tabDetails)
	if !h.shows("Status: from Interview invited to Interview scheduled") {
		t.Errorf("history not shown: %q", h.texts())
	}
}

// The list shows when it has the keyboard focus, even when its focused row is the selected
// one.
func TestTheListShowsItHasTheFocus(t *testing.T) {
	h := newHarness(t, acme, tracker.Opportunity{Company: "Globex", Role: "Analyst"})
	p := h.app.tracker
	h.selectCompany("Globex")
	ringed := func() bool {
		for _, o := range test.LaidOutObjects(p.body) {
			if r, ok := o.(*canvas.Rectangle); ok && r.Visible() && r.StrokeWidth >= 2 && r.StrokeColor == theme.Color(theme.ColorNamePrimary) {
				return r.Size() == p.list.Size()
			}
		}
		return false
	}
	h.win.Canvas().Focus(p.list)
	if !ringed() {
		t.Error("nothing shows that the list has the focus")
	}
	h.win.Canvas().Focus(p.search)
	if ringed() {
		t.Error("the list still looks focused once the search has the focus")
	}
}

// The Due button keeps its width whatever the count, so that the column never widens.
func TestTheDueButtonKeepsItsWidth(t *testing.T) {
	h := newHarness(t, acme)
	p := h.app.tracker
	widths := func(n int) (float32, float32) {
		p.dueN = n
		p.showDueCount()
		h.win.Content().Refresh()
		return p.due.Size().Width, p.content.MinSize().Width
	}
	w, column := widths(5)
	for _, n := range []int{0, 42, 999, 1000, 24303, 100000} {
		if got, c := widths(n); got != w || c != column {
			t.Errorf("Due %d: button %v wide, column at least %v; with 5 due: %v and %v", n, got, c, w, column)
		}
	}
	if p.due.Text != "Due 999+" {
		t.Errorf("a count too long for the button reads %q", p.due.Text)
	}
}

// A follow-up due today reads so, in the warning colour; an overdue one says it is overdue
// in the error colour; one still ahead is plain.
func TestFollowUpDueTodayStandsOut(t *testing.T) {
	test.NewTempApp(t)
	today := dayAt(0)
	for _, tc := range []struct {
		follow day.Day
		text   string
		colour fyne.ThemeColorName
	}{
		{dayAt(-2), "Follow up " + dayAt(-2).Format(day.Short) + " · overdue", theme.ColorNameError},
		{today, "Follow up today", theme.ColorNameWarning},
		{dayAt(3), "Follow up " + dayAt(3).Format(day.Short), theme.ColorNameForeground},
	} {
		r := newOppRow().(*oppRow)
		r.set(tracker.RowOf(&tracker.Opportunity{ID: 1, Company: "Acme", Role: "Dev", Status: stage.Applied, FollowUpOn: tc.follow}), today)
		if r.follow.Text != tc.text || r.follow.Color != theme.Color(tc.colour) {
			t.Errorf("follow-up on %s: %q in %v, want %q in %s", tc.follow, r.follow.Text, r.follow.Color, tc.text, tc.colour)
		}
	}
}

// A name too long for the list shows whole when the pointer rests on it; a short one has no
// tip. The Due button gives its whole count the same way.
func TestTruncatedNamesShowWholeOnHover(t *testing.T) {
	long := tracker.Opportunity{Company: "The Very Long Name Consolidated Holdings International", Role: "Principal Platform Reliability Engineer"}
	h := newHarness(t, long, tracker.Opportunity{Company: "Acme", Role: "Dev"})
	h.win.Resize(fyne.NewSize(960, 640))
	h.relayout()
	p := h.app.tracker
	rowOf := func(company string) *oppRow {
		for _, o := range objectsIn(p.list) {
			if r, ok := o.(*oppRow); ok && r.Visible() && strings.HasPrefix(r.title.Text, company) {
				return r
			}
		}
		t.Fatalf("no row for %s", company)
		return nil
	}
	whole := long.Company + " — " + long.Role
	r := rowOf(long.Company)
	if !r.truncated() {
		t.Fatalf("setup: %q fits in %.0f px", whole, r.title.Size().Width)
	}
	if got := h.hoverOver(r); got != whole || !h.shows(whole) {
		t.Errorf("the pointer on a truncated name shows %q", got)
	}
	h.moveAway()
	if got := h.hoverOver(rowOf("Acme")); got != "" {
		t.Errorf("a name that fits has a tip: %q", got)
	}
	p.dueN = 24303
	p.showDueCount()
	if got := h.hoverOver(p.due); got != "24,303 follow-ups due today or overdue" {
		t.Errorf("the Due button's tip: %q", got)
	}
}

// With nothing selected the workspace opens on Details, which says what to do; the tab
// last used comes back with the first opportunity selected, unless another was chosen.
func TestTheWorkspaceOpensOnDetailsUntilSomethingIsSelected(t *testing.T) {
	h := newHarness(t, acme, tracker.Opportunity{Company: "Globex", Role: "Analyst"})
	if got := h.app.workspace.SelectedIndex(); got != tabDetails || !h.shows("Select an opportunity to see its details and history.") {
		t.Fatalf("the window opens on tab %d", got)
	}
	h.selectCompany("Acme Inc")
	if got := h.app.workspace.SelectedIndex(); got != tabLetter {
		t.Errorf("the first selection shows tab %d, not the Letter last used", got)
	}
	h.app.showTab(tabDecide)
	h.selectCompany("Globex")
	if got := h.app.workspace.SelectedIndex(); got != tabDecide {
		t.Errorf("selecting another opportunity moved to tab %d", got)
	}

	// A tab chosen before anything is selected stays, Details included.
	for _, tab := range []int{tabDecide, tabDetails} {
		h2 := newHarness(t, acme)
		h2.app.showTab(tab)
		h2.selectCompany("Acme Inc")
		if got := h2.app.workspace.SelectedIndex(); got != tab {
			t.Errorf("tab %d, chosen with nothing selected, gave way to %d", tab, got)
		}
	}
}
