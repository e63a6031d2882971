package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/draft"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/proofread"
)

// refresh renders and proofreads the letter off the UI goroutine and shows the newest
// result, so that typing never waits for the proofreader. What the settings leave out but
// a letter needs (the name of someone recommended, a reason to write) shows as a
// placeholder the proofreader flags, so that the letter never goes blank.
func (p *letterPane) refresh() {
	p.seq++
	seq, spec, opts, noLetter := p.seq, p.spec, p.renderOptions(), p.noLetter
	known := p.knownNames()
	type result struct {
		letter   letter.Letter
		problems []error
		findings []proofread.Finding
	}
	goAndReturn(p.app.work, func() result {
		if noLetter {
			return result{}
		}
		shown := spec.WithPlaceholders()
		if problems := shown.FieldErrors(); len(problems) > 0 {
			return result{problems: problems}
		}
		l, err := letter.RenderWith(shown, opts)
		if err != nil {
			return result{problems: []error{err}}
		}
		return result{letter: l, findings: proofread.Letter(l, proofreadOptions(spec, known))}
	}, func(r result) {
		if seq != p.seq {
			return
		}
		p.rendered, p.found = r.letter, r.findings
		if len(r.problems) > 0 {
			p.problems.SetText(problemText(r.problems))
			p.problems.Show()
		} else if p.problems.Visible() {
			p.problems.Hide()
		}
		if r.letter.Subject != "" && p.subject.PlaceHolder != r.letter.Subject {
			p.subject.SetPlaceHolder(r.letter.Subject)
		}
		p.showPreview()
		p.showFindings()
		p.refreshActions()
		p.runAfterRender()
	})
}

// refreshNow is refresh for a letter just put on screen: what a send action taken at once
// acts on must be this letter, so the actions wait for it (see whenRendered).
func (p *letterPane) refreshNow() {
	p.rendered, p.found = letter.Letter{}, nil
	p.refresh()
}

func (p *letterPane) runAfterRender() {
	p.renderedSeq = p.seq
	actions := p.pendingActions
	p.pendingActions = nil
	for _, do := range actions {
		do()
	}
}

// proofreadOptions tell the proofreader the names the letter may use, so that they are
// never taken for misspellings.
func proofreadOptions(s letter.Spec, known []string) proofread.Options {
	name := s.SenderName
	if name == senderPlaceholder {
		name = "" // a placeholder is never the writer's name
	}
	return proofread.Options{Kind: s.Kind.OrDefault(), Name: name, Recipient: s.RecipientName, Company: s.Company,
		Role: s.Role, Referral: s.ReferralName, Known: known}
}

// renderOptions tell the letter what day it is, so that a withdrawal after the interview
// thanks for the conversation, and for a record that came from a mail, the subject of the
// reply (package draft decides).
func (p *letterPane) renderOptions() letter.RenderOptions {
	return draft.RenderOptions(p.shown, p.app.now())
}

// knownNames are the names the opportunity holds, which are never misspellings.
func (p *letterPane) knownNames() []string {
	if p.shown == nil {
		return nil
	}
	return []string{p.shown.ContactName, p.shown.Company, p.shown.Role}
}

func (p *letterPane) showFindings() {
	var errs, warns, tips int
	for _, f := range p.found {
		switch f.Severity {
		case proofread.SevError:
			errs++
		case proofread.SevWarning:
			warns++
		default:
			tips++
		}
	}
	switch {
	case p.rendered.Body == "":
		p.verdict.SetText("")
		p.verdict.Importance = widget.MediumImportance
	case errs > 0:
		p.verdict.SetText(countsText(errs, warns, tips) + " — fix the errors before you send it.")
		p.verdict.Importance = widget.DangerImportance
	case warns > 0:
		p.verdict.SetText(countsText(errs, warns, tips) + " — worth a look before you send it.")
		p.verdict.Importance = widget.WarningImportance
	case tips > 0:
		p.verdict.SetText(countsText(errs, warns, tips) + " — the letter is ready to send.")
		p.verdict.Importance = widget.SuccessImportance
	default:
		p.verdict.SetText("The proofreader found nothing to change. Ready to send.")
		p.verdict.Importance = widget.SuccessImportance
	}
	p.verdict.Refresh()
	// A card is made again only when what it says changed: a keystroke that only moves a
	// finding along the text leaves its card as it is.
	keys := make([]string, len(p.found))
	for i, f := range p.found {
		keys[i] = cardKey(f)
	}
	if slices.Equal(keys, p.cardKeys) {
		return
	}
	p.cardKeys = keys
	cards := make([]fyne.CanvasObject, len(p.found))
	for i := range p.found {
		cards[i] = p.findingCard(i)
	}
	p.findingBox.Objects = cards
	p.findingBox.Refresh()
}

// cardKey is what a finding's card shows: the same key, the same card.
func cardKey(f proofread.Finding) string {
	return fmt.Sprint(f.Rule, f.Severity, f.Part, f.Line, f.Text, f.Message, f.Fix, f.Suggestions)
}

// finding is the i-th finding as proofread last, when a card's button is pressed: its
// span where the text is now.
func (p *letterPane) finding(i int) (proofread.Finding, bool) {
	if i >= len(p.found) {
		return proofread.Finding{}, false
	}
	return p.found[i], true
}

// maxChoices is how many of a finding's suggestions the pane offers as buttons: the
// likeliest, few enough to take in at a glance.
const maxChoices = 3

// findingCard is one finding, whole: its severity, where it is, its message, and what to
// do — its fix in one click, or the words it may have meant, each a button — with a button
// that shows it in the text. Nothing is cut, nothing waits for a click to appear.
func (p *letterPane) findingCard(i int) fyne.CanvasObject {
	f := p.found[i]
	icon := widget.NewIcon(theme.InfoIcon())
	switch f.Severity {
	case proofread.SevError:
		icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	case proofread.SevWarning:
		icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
	}
	quote := ""
	if t := strings.TrimSpace(f.Text); t != "" && len([]rune(t)) <= 40 && !strings.Contains(t, "\n") && !strings.HasPrefix(f.Message, "“"+t+"”") {
		quote = " “" + t + "”" // unless the message starts with it already
	}
	where := "Subject:"
	if f.Part != proofread.Subject {
		where = fmt.Sprintf("Line %d:", f.Line)
	}
	text := &widget.Label{Text: fmt.Sprintf("%s%s %s", where, quote, f.Message), Wrapping: fyne.TextWrapWord}
	actions := []fyne.CanvasObject{&widget.Button{Text: "Show", Icon: theme.SearchIcon(), Importance: widget.LowImportance,
		OnTapped: func() {
			if f, ok := p.finding(i); ok {
				p.showFinding(f)
			}
		}}}
	switch {
	case f.Fix != "":
		label := "Fix: “" + shorten(f.Fix, 24) + "”"
		if strings.TrimSpace(f.Fix) == "" {
			label = "Fix"
		}
		actions = append(actions, &widget.Button{Text: label, Icon: theme.ConfirmIcon(), Importance: widget.HighImportance,
			OnTapped: func() {
				if f, ok := p.finding(i); ok {
					p.replace(&f, f.Fix)
				}
			}})
	case len(f.Suggestions) > 0:
		actions = append(actions, &widget.Label{Text: "Did you mean"})
		for n, s := range f.Suggestions {
			if n == maxChoices {
				break
			}
			actions = append(actions, &widget.Button{Text: shorten(s, 24), OnTapped: func() {
				if f, ok := p.finding(i); ok {
					p.replace(&f, s)
				}
			}})
		}
	}
	// Kept clear of the right edge, where the scroll bar of the findings shows.
	return container.New(layout.NewCustomPaddedLayout(0, 0, 0, 2*theme.Padding()),
		container.NewBorder(nil, nil, container.NewVBox(icon), nil, container.NewVBox(text, newFlow(false, actions...))))
}

// shorten cuts s to n characters, with an ellipsis when it was longer.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// replace puts with in place of f's span, in the subject or the text, unless that text
// changed since it was proofread.
func (p *letterPane) replace(f *proofread.Finding, with string) {
	switch f.Part {
	case proofread.Subject:
		if fixed, ok := replaceSpan(p.rendered.Subject, f, with); ok {
			p.subject.SetText(fixed)
		}
	case proofread.Body:
		if fixed, ok := replaceSpan(p.editor.Text, f, with); ok {
			p.editor.SetText(fixed)
		}
	}
}

// replaceSpan is text with f's span replaced, unless the span no longer holds f's text.
func replaceSpan(text string, f *proofread.Finding, with string) (string, bool) {
	if f.Start < 0 || f.End > len(text) || f.Start > f.End || text[f.Start:f.End] != f.Text {
		return "", false
	}
	return text[:f.Start] + with + text[f.End:], true
}

func countsText(errs, warns, tips int) string {
	var parts []string
	if errs > 0 {
		parts = append(parts, plural(errs, "error", "errors"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning", "warnings"))
	}
	if tips > 0 {
		parts = append(parts, plural(tips, "tip", "tips"))
	}
	return strings.Join(parts, ", ")
}

// showFinding selects the finding's text in the editor, or in the subject field when it is
// in the subject; where the editor shares its place with the letter as sent, the editor
// comes forward.
func (p *letterPane) showFinding(f proofread.Finding) {
	if f.Part == proofread.Subject {
		p.showSettings()
		p.app.win.Canvas().Focus(p.subject)
		return
	}
	if p.narrow && p.showAsSent {
		p.view.SetSelected("Write")
	}
	p.app.win.Canvas().Focus(p.editor)
	selectRange(&p.editor.Entry, f.Start, f.End)
}
