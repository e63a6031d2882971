package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/proofread"
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
		if f.Rule == proofread.RuleRepeatedWord {
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

// A finding in the subject is shown as the subject's, selects the subject field, leaves the
// body unmarked, and its fix rewrites the subject.
func TestAFindingInTheSubjectIsFixedInTheSubject(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	p.subject.SetText("Withdrawl from the Go Engineer interview")
	h.settle()
	at := -1
	for i, f := range p.found {
		if f.Rule == proofread.RuleMisspelling && f.Text == "Withdrawl" {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("no misspelling in the subject: %+v", p.found)
	}
	if f := p.found[at]; f.Part != proofread.Subject || f.Start != 0 || f.Line != 1 || f.Col != 1 {
		t.Errorf("the subject's finding: %+v", f)
	}
	row := newFindingRow().(*findingRow)
	row.set(p.found[at])
	if !strings.HasPrefix(row.text.Text, "Subject: “Withdrawl”") {
		t.Errorf("shown as %q", row.text.Text)
	}
	if len(marked(p)) != 0 {
		t.Errorf("the body is marked for the subject's finding: %v", marked(p))
	}
	p.findings.Select(at)
	if h.win.Canvas().Focused() != p.subject || !p.fixBtn.Visible() {
		t.Fatalf("selecting it focuses %v, fix shown %v", h.win.Canvas().Focused(), p.fixBtn.Visible())
	}
	body := p.editor.Text
	test.Tap(p.fixBtn)
	h.settle()
	if p.subject.Text != "Withdrawal from the Go Engineer interview" || p.editor.Text != body {
		t.Errorf("after the fix: subject %q, body changed %v", p.subject.Text, p.editor.Text != body)
	}
}

// A misspelling that could be several words offers them as choices, not as a fix; picking
// one puts it in place.
func TestAMisspellingWithSeveralWordsOffersChoices(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	h.win.Canvas().Focus(p.editor)
	p.editor.CursorRow, p.editor.CursorColumn = 0, 0
	test.Type(p.editor, "It was a hard choise. ")
	h.settle()
	at := -1
	for i, f := range p.found {
		if f.Rule == proofread.RuleMisspelling && f.Text == "choise" {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("no misspelling: %+v", p.found)
	}
	p.findings.Select(at)
	if p.fixBtn.Visible() || !p.choices.Visible() {
		t.Fatalf("fix shown %v, choices shown %v", p.fixBtn.Visible(), p.choices.Visible())
	}
	var shown []string
	for _, b := range p.choiceBtns {
		if b.Visible() {
			shown = append(shown, b.Text)
		}
	}
	if len(shown) < 2 || shown[0] != "choice" || shown[1] != "choose" {
		t.Fatalf("choices %q", shown)
	}
	test.Tap(p.choiceBtns[1])
	h.settle()
	if !strings.HasPrefix(p.editor.Text, "It was a hard choose. ") {
		t.Errorf("after picking: %q", p.editor.Text[:30])
	}
	for _, f := range p.found {
		if f.Text == "choise" {
			t.Errorf("still flagged: %+v", f)
		}
	}
	// A finding with a sure fix shows the fix and no choices.
	for i, f := range p.found {
		if f.Fix != "" {
			p.findings.Select(i)
			if !p.fixBtn.Visible() || p.choices.Visible() {
				t.Errorf("%s: fix shown %v, choices shown %v", f.Rule, p.fixBtn.Visible(), p.choices.Visible())
			}
		}
	}
}
