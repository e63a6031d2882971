package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/csvio"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

func csvFile(name, text string) csvio.File { return csvio.BytesFile(name, []byte(text)) }

const csvWithBadRows = "company,role,status\n" +
	"Globex,Analyst,applied\n" +
	",No Company,applied\n" +
	"Initech,QA,applied\n"

func TestImportAsksBeforeLeavingBadRowsOut(t *testing.T) {
	h := newHarness(t, acme)
	p := h.app.tracker
	p.importFrom(csvFile("jobs.csv", csvWithBadRows))
	h.settle()
	if !h.shows("Some rows have errors") || !h.shows("1 row cannot be imported. Nothing has been imported yet.") ||
		!h.shows("line 3") {
		t.Fatalf("no question about the bad row: %q", h.texts())
	}
	h.tap("Cancel")
	if n := h.count(); n != 1 {
		t.Fatalf("cancelling imported %d records", n-1)
	}

	p.importFrom(csvFile("jobs.csv", csvWithBadRows))
	h.settle()
	h.tap("Import the valid rows")
	if n := h.count(); n != 3 {
		t.Fatalf("%d records after importing the 2 valid rows", n)
	}
	if !h.shows("Imported 2 opportunities from jobs.csv.") || !h.shows("Left out 1 row with errors:") {
		t.Errorf("report: %q", h.texts())
	}
	if len(p.rows) != 3 {
		t.Errorf("the list shows %d rows", len(p.rows))
	}
}

func TestImportOfAFileThatIsNotATableChangesNothing(t *testing.T) {
	for _, tc := range []struct{ name, text, says string }{
		{"empty", "", "the file is empty"},
		{"a workbook", "PK\x03\x04\x14\x00\x06\x00", "this is not a text file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, acme)
			h.app.tracker.importFrom(csvFile("data.csv", tc.text))
			h.settle()
			if !h.shows("Nothing was imported from data.csv") || !h.shows(tc.says) {
				t.Errorf("message: %q", h.texts())
			}
			if n := h.count(); n != 1 {
				t.Errorf("%d records after a failed import", n)
			}
			if o := h.app.tracker.rows[0]; o.Company() != acme.Company || o.Status() != stage.Invited {
				t.Errorf("the tracker changed: %+v", o)
			}
		})
	}
}

// A sheet without a company or role column that import knows asks which column holds
// what; cancelling changes nothing.
func TestImportOfASheetWithColumnsOfItsOwnAsksForThem(t *testing.T) {
	h := newHarness(t, acme)
	h.app.tracker.importFrom(csvFile("data.csv", "name,age\nJo,40\n"))
	h.settle()
	if !h.shows("Which column holds what?") || !h.shows("Decline Desk does not know the columns of data.csv") || !h.shows("e.g. 40") {
		t.Fatalf("no column step: %q", h.texts())
	}
	h.tap("Cancel")
	if h.count() != 1 || h.app.tracker.columns != nil || h.shows("Which column holds what?") {
		t.Errorf("cancelling left %d records, or the step open", h.count())
	}
	// Escape closes it as Cancel does.
	h.app.tracker.importFrom(csvFile("data.csv", "name,age\nJo,40\n"))
	h.settle()
	h.press(fyne.KeyEscape)
	if h.count() != 1 || h.app.tracker.columns != nil || h.shows("Which column holds what?") {
		t.Errorf("escape left %d records, or the step open", h.count())
	}
}

func TestImportAsksHowDatesAreWrittenWhenTheFileCannotTell(t *testing.T) {
	h := newHarness(t)
	p := h.app.tracker
	const file = "Company;Role;Applied\nAcme;Dev;03/04/2026\n"
	p.importFrom(csvFile("europe.csv", file))
	h.settle()
	if !h.shows("How are the dates written?") || !h.shows("03/04/2026 (line 2)") || h.count() != 0 {
		t.Fatalf("no question, or something imported: %d records", h.count())
	}
	h.tap("Cancel")
	if h.count() != 0 {
		t.Fatal("cancelling imported")
	}
	p.importFrom(csvFile("europe.csv", file))
	h.settle()
	h.tap("Day first: 3 April 2026")
	if !h.shows("europe.csv holds 1 opportunity. The first is Acme — Dev.") || h.count() != 0 {
		t.Fatalf("no confirmation before writing: %d records", h.count())
	}
	h.tap("Import")
	h.tap("Close")
	var got day.Day
	h.store.ForEach(false, func(o *tracker.Opportunity) error { got = o.AppliedOn; return nil })
	if h.count() != 1 || got != "2026-04-03" {
		t.Errorf("%d records, applied %q", h.count(), got)
	}
}

// A short report makes a small dialog: no tall empty box for one line. A long one fills at
// most the window and scrolls.
func TestImportReportIsSizedToWhatItSays(t *testing.T) {
	h := newHarness(t, acme)
	gap := func() (float32, float32) {
		h.relayout()
		d := fyne.CurrentApp().Driver()
		var text *widget.Label
		var closeBtn *widget.Button
		for _, o := range objectsIn(h.win.Canvas().Overlays().Top()) {
			switch w := o.(type) {
			case *widget.Label:
				if strings.HasPrefix(w.Text, "Imported") {
					text = w
				}
			case *widget.Button:
				if w.Text == "Close" {
					closeBtn = w
				}
			}
		}
		if text == nil || closeBtn == nil {
			t.Fatalf("no report: %q", h.texts())
		}
		bottom := d.AbsolutePositionForObject(text).Y + text.MinSize().Height
		return d.AbsolutePositionForObject(closeBtn).Y - bottom, d.AbsolutePositionForObject(closeBtn).Y
	}
	h.app.tracker.importFrom(csvFile("one.csv", "company,role\nGlobex,Analyst\n"))
	h.settle()
	h.tap("Import")
	if g, _ := gap(); g > 40 || g < 0 {
		t.Errorf("a one-line report leaves %.0f px between its end and its button", g)
	}
	h.press(fyne.KeyEscape)

	var csv strings.Builder
	csv.WriteString("company,role\n")
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&csv, "Acme Inc,Go Engineer\n") // all skipped, each listed
	}
	h.app.tracker.importFrom(csvFile("many.csv", csv.String()))
	h.settle()
	h.tap("Import")
	if _, y := gap(); y > h.win.Canvas().Size().Height {
		t.Errorf("a long report puts its button at %.0f px, below the window", y)
	}
}
