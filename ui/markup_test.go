package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// The list row and the chart legend, as the test driver renders them: text, colours and
// layout in markup, which is steadier than pictures across fonts.
func TestListRowRendering(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		file string
		o    tracker.Opportunity
	}{
		{"row_overdue.xml", tracker.Opportunity{ID: 1, Company: "Acme Inc", Role: "Go Engineer", Status: stage.Invited, FollowUpOn: "2026-11-01"}},
		{"row_plain.xml", tracker.Opportunity{ID: 2, Company: "Globex", Role: "Analyst", Status: stage.Declined}},
	} {
		r := newOppRow().(*oppRow)
		r.set(tracker.RowOf(&tc.o), day.Of(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)))
		w := test.NewTempWindow(t, r)
		w.Resize(fyne.NewSize(400, 60))
		test.AssertRendersToMarkup(t, tc.file, w.Canvas())
	}
}

func TestStatusChartRendering(t *testing.T) {
	test.NewTempApp(t)
	c := newStatusChart(nil)
	c.set(map[stage.Status]int{stage.Applied: 1200, stage.Declined: 3, stage.Offer: 40}, stage.Declined)
	c.setOpen(true)
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(400, 90))
	test.AssertRendersToMarkup(t, "status_chart.xml", w.Canvas())
}
