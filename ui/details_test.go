package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// drawnText is what o draws on screen, its pieces joined with spaces: the whole text when
// nothing was cut off.
func drawnText(o fyne.CanvasObject) string {
	var parts []string
	for _, c := range objectsIn(o) {
		if t, ok := c.(*canvas.Text); ok && t.Visible() {
			parts = append(parts, strings.TrimSpace(t.Text))
		}
	}
	return strings.Join(parts, " ")
}

// The Details tab shows the selected opportunity's whole name and whole link, wrapped,
// however narrow the window.
func TestDetailsShowWholeNamesAndLinks(t *testing.T) {
	o := tracker.Opportunity{Company: "The Very Long Name Consolidated Holdings International", Role: "Principal Platform Reliability Engineer",
		URL: "https://careers.example.com/jobs/2026/principal-platform-reliability-engineer-remote-europe?source=newsletter&ref=12345"}
	h := newHarness(t, o)
	h.win.Resize(fyne.NewSize(960, 640))
	h.app.showTab(tabDetails)
	h.selectCompany(o.Company)
	h.relayout()
	d := h.app.tracker.details
	if got, want := drawnText(d.title), o.Company+" — "+o.Role; got != want {
		t.Errorf("the title shows %q, not %q", got, want)
	}
	var link *widget.Hyperlink
	for _, c := range objectsIn(d.fields) {
		if l, ok := c.(*widget.Hyperlink); ok {
			link = l
		}
	}
	if link == nil {
		t.Fatal("no link")
	}
	if got := strings.ReplaceAll(drawnText(link), " ", ""); got != o.URL {
		t.Errorf("the link shows %q", got)
	}
}
