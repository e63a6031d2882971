package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// hoverOver rests the pointer on o for as long as a tip takes, and reports the tip shown.
func (h *harness) hoverOver(o fyne.CanvasObject) string {
	h.t.Helper()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	test.MoveMouse(h.win.Canvas(), pos)
	h.clock.Advance(tipDelay)
	h.settle()
	return h.app.tracker.tips.showing()
}

// moveAway takes the pointer to the workspace, far from the list.
func (h *harness) moveAway() {
	test.MoveMouse(h.win.Canvas(), fyne.NewPos(h.win.Canvas().Size().Width-5, h.win.Canvas().Size().Height-5))
	h.settle()
}

// Each colour of the bar over the list says what it stands for when the pointer rests on
// it, and filters the list when clicked; the legend does the same from the keyboard.
func TestTheChartSaysWhatItsColoursMean(t *testing.T) {
	h := newHarness(t,
		tracker.Opportunity{Company: "Acme", Role: "Dev", Status: stage.Applied},
		tracker.Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Applied},
		tracker.Opportunity{Company: "Initech", Role: "QA", Status: stage.Applied},
		tracker.Opportunity{Company: "Umbrella", Role: "Lead", Status: stage.Offer})
	p := h.app.tracker
	applied := p.chart.segments[stage.Applied]
	if got := h.hoverOver(applied); got != "Applied: 3" || !h.shows("Applied: 3") {
		t.Errorf("the pointer on the Applied part shows %q", got)
	}
	if got := h.hoverOver(p.chart.segments[stage.Offer]); got != "Offer: 1" {
		t.Errorf("moving on to the Offer part shows %q", got)
	}
	h.moveAway()
	if got := p.tips.showing(); got != "" || h.shows("Offer: 1") {
		t.Errorf("the tip %q stays once the pointer left", got)
	}
	test.Tap(applied)
	h.settle()
	if p.query.Status != stage.Applied || len(p.rows) != 3 {
		t.Errorf("clicking the Applied part filters by %q, %d rows", p.query.Status, len(p.rows))
	}

	// Without a mouse: the fold lists the counts, and each entry takes the focus and filters.
	p.onChartToggle()
	h.settle()
	offer := p.chart.entries[stage.Offer]
	if !offer.Visible() || !h.shows("Offer") {
		t.Fatal("the counts by status are not listed")
	}
	h.win.Canvas().Focus(offer)
	if h.win.Canvas().Focused() != fyne.Focusable(offer) {
		t.Fatal("a legend entry cannot take the focus")
	}
	offer.TypedRune(' ')
	h.settle()
	if p.query.Status != stage.Offer || len(p.rows) != 1 {
		t.Errorf("Space on the Offer entry filters by %q, %d rows", p.query.Status, len(p.rows))
	}
}

// Searching does not rebuild the chart: the counts per status do not change with it.
func TestSearchingLeavesTheChartAlone(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Dev", Status: stage.Applied})
	p := h.app.tracker
	bar := p.chart.bar.Objects[0]
	h.typeInto(p.search, "ac")
	h.settle()
	if len(p.chart.bar.Objects) != 1 || p.chart.bar.Objects[0] != bar {
		t.Error("typing a search rebuilt the chart")
	}
}
