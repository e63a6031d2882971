package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/letter"
)

// marked lists the texts the as-sent view marks, with their colours.
func marked(p *letterPane) map[string]string {
	out := map[string]string{}
	for _, seg := range p.previewBody.Segments {
		if t, ok := seg.(*widget.TextSegment); ok && t.Style.ColorName != "" && t.Style.ColorName != theme.ColorNameForeground {
			out[t.Text] = string(t.Style.ColorName)
		}
	}
	return out
}

func TestTheAsSentViewMarksEveryFindingAndOffersItsFix(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	if len(marked(p)) != 0 {
		t.Fatalf("a clean letter has marks: %v", marked(p))
	}
	h.win.Canvas().Focus(p.editor)
	p.editor.CursorRow, p.editor.CursorColumn = 0, 0
	test.Type(p.editor, "Hi!! I thank you for the the chance. ")
	h.settle()
	marks := marked(p)
	if marks["!!"] != string(theme.ColorNameWarning) || marks["the the"] != string(theme.ColorNameWarning) {
		t.Fatalf("marks %v", marks)
	}
	if !strings.HasPrefix(p.previewBody.String(), "Hi!! I thank you for the the chance. Dear Jo Park,") {
		t.Errorf("the as-sent view does not show the text as typed: %q", p.previewBody.String()[:40])
	}
	// Selecting a finding shows its whole message and its fix; the fix is one click.
	at := -1
	for i, f := range p.found {
		if f.Rule == letter.RuleRepeatedWord {
			at = i
		}
	}
	if at < 0 {
		t.Fatal("no repeated-word finding")
	}
	p.findings.Select(at)
	if p.findingDetail.Text != p.found[at].Message || !p.fixBtn.Visible() || p.fixBtn.Text != "Fix: “the”" {
		t.Fatalf("detail %q, fix %q (visible %v)", p.findingDetail.Text, p.fixBtn.Text, p.fixBtn.Visible())
	}
	if p.editor.SelectedText() != "the the" {
		t.Errorf("the editor selects %q", p.editor.SelectedText())
	}
	test.Tap(p.fixBtn)
	h.settle()
	if !strings.HasPrefix(p.editor.Text, "Hi!! I thank you for the chance.") {
		t.Errorf("after the fix: %q", p.editor.Text[:40])
	}
	if _, still := marked(p)["the the"]; still {
		t.Error("the fixed span is still marked")
	}
	// A finding without a fix offers none.
	for i, f := range p.found {
		if f.Fix == "" {
			p.findings.Select(i)
			if p.fixBtn.Visible() {
				t.Errorf("%s offers a fix", f.Rule)
			}
		}
	}
}
