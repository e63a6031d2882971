package ui

import (
	"strings"

	"testing"

	"fyne.io/fyne/v2"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/proofread"
)

// card is the finding card at i in the Letter tab, by its parts.
type card struct {
	text       *widget.Label
	show, fix  *widget.Button
	choices    []*widget.Button
	choiceText []string
}

func cardOf(p *letterPane, i int) card {
	var c card
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			if c.text == nil {
				c.text = x
			}
		case *widget.Button:
			switch {
			case x.Text == "Show":
				c.show = x
			case strings.HasPrefix(x.Text, "Fix"):
				c.fix = x
			default:
				c.choices = append(c.choices, x)
				c.choiceText = append(c.choiceText, x.Text)
			}
		case *fyne.Container:
			for _, o := range x.Objects {
				walk(o)
			}
		}
	}
	walk(p.findingBox.Objects[i])
	return c
}

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
	// Every finding shows its whole message and its fix; showing it selects its span; the
	// fix is one click.
	at := -1
	for i, f := range p.found {
		if f.Rule == proofread.RuleRepeatedWord {
			at = i
		}
	}
	if at < 0 {
		t.Fatal("no repeated-word finding")
	}
	c := cardOf(p, at)
	if !strings.Contains(c.text.Text, p.found[at].Message) || c.fix == nil || c.fix.Text != "Fix: “the”" {
		t.Fatalf("card %q, fix %v", c.text.Text, c.fix)
	}
	test.Tap(c.show)
	if p.editor.SelectedText() != "the the" {
		t.Errorf("the editor selects %q", p.editor.SelectedText())
	}
	test.Tap(c.fix)
	h.settle()
	if !strings.HasPrefix(p.editor.Text, "Hi!! I thank you for the chance.") {
		t.Errorf("after the fix: %q", p.editor.Text[:40])
	}
	if _, still := marked(p)["the the"]; still {
		t.Error("the fixed span is still marked")
	}
	// A finding without a fix offers none.
	for i, f := range p.found {
		if f.Fix == "" && cardOf(p, i).fix != nil {
			t.Errorf("%s offers a fix", f.Rule)
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
	c := cardOf(p, at)
	if !strings.HasPrefix(c.text.Text, "Subject: “Withdrawl”") {
		t.Errorf("shown as %q", c.text.Text)
	}
	if len(marked(p)) != 0 {
		t.Errorf("the body is marked for the subject's finding: %v", marked(p))
	}
	test.Tap(c.show)
	if h.win.Canvas().Focused() != p.subject || c.fix == nil {
		t.Fatalf("showing it focuses %v, fix %v", h.win.Canvas().Focused(), c.fix)
	}
	body := p.editor.Text
	test.Tap(c.fix)
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
	c := cardOf(p, at)
	if c.fix != nil || len(c.choices) < 2 || c.choiceText[0] != "choice" || c.choiceText[1] != "choose" {
		t.Fatalf("fix %v, choices %q", c.fix, c.choiceText)
	}
	test.Tap(c.choices[1])
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
		if c := cardOf(p, i); f.Fix != "" && (c.fix == nil || len(c.choices) > 0) {
			t.Errorf("%s: fix %v, choices %q", f.Rule, c.fix, c.choiceText)
		}
	}
}

// A line that follows a marked word and a line break is wrapped at the whole width of the
// as-sent view, not at what was left of the marked word's row.
func TestALineAfterAMarkedWordKeepsTheWholeWidth(t *testing.T) {
	h := newHarness(t, acme)
	h.win.Resize(fyne.NewSize(1280, 800))
	h.selectCompany("Acme Inc")
	p := h.app.letter
	h.win.Canvas().Focus(p.editor)
	p.editor.SetText("Dear Jo Park,\n\nI realy hope you are well!!\nThank you for the invitation to interview, and for the time you gave me.\n\nBest regards,\nAna Silva")
	h.settle()
	if len(marked(p)) == 0 {
		t.Fatal("nothing is marked")
	}
	for _, seg := range p.previewBody.Segments {
		if text := seg.Textual(); strings.Contains(strings.TrimSuffix(text, "\n"), "\n") {
			t.Errorf("a segment goes on past a line break: %q", text)
		}
	}
	// The rows as drawn: the texts at one height make one row.
	var rows []string
	lastY := float32(-1)
	for _, o := range test.WidgetRenderer(p.previewBody).Objects() {
		if txt, ok := o.(*canvas.Text); ok {
			if y := txt.Position().Y; y != lastY {
				rows, lastY = append(rows, ""), y
			}
			rows[len(rows)-1] += txt.Text
		}
	}
	blank, thanks := 0, ""
	for _, r := range rows {
		if r == "" {
			blank++
		}
		if strings.HasPrefix(r, "Thank you") {
			thanks = r
		}
	}
	if !strings.Contains(thanks, "interview") || blank != 2 || rows[2] != "I realy hope you are well!!" {
		t.Errorf("the lines after the marks are wrapped early or spaced out: %q", rows)
	}
}
