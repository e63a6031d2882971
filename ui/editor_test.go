package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestSelectRangeInAWrappedEditor(t *testing.T) {
	test.NewTempApp(t)
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetText("Dear Jo,\n\n" + strings.Repeat("Thank you for the invitation to interview. ", 12) +
		"Ça va? I'm not sure if I'm interested.\n\nBest regards,\nAna Silva")
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(300, 600)) // narrow, so the long paragraph wraps over many rows
	w.Canvas().Focus(e)
	for _, want := range []string{"not sure if", "Dear", "Ana Silva", "Ça va?", "Best regards,\nAna"} {
		start := strings.Index(e.Text, want)
		selectRange(e, start, start+len(want))
		if got := e.SelectedText(); got != want {
			t.Errorf("selected %q, want %q", got, want)
		}
	}
	// An empty range places the cursor without selecting.
	at := strings.Index(e.Text, "Best")
	selectRange(e, at, at)
	if e.SelectedText() != "" || e.CursorTextOffset() != len([]rune(e.Text[:at])) {
		t.Errorf("cursor at %d, selection %q", e.CursorTextOffset(), e.SelectedText())
	}
}
