package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/draft"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/proofread"
)

// refresh renders and proofreads the letter off the UI goroutine and shows the newest
// result, so that typing never waits for the proofreader.
func (p *letterPane) refresh() {
	p.seq++
	seq, spec, opts, noLetter := p.seq, p.spec, p.renderOptions(), p.noLetter
	known := p.knownNames()
	subjectHint := ""
	type result struct {
		letter   letter.Letter
		problems []error
		findings []proofread.Finding
	}
	goAndReturn(p.app.work, func() result {
		if noLetter {
			return result{}
		}
		if problems := spec.FieldErrors(); len(problems) > 0 {
			return result{problems: problems}
		}
		l, err := letter.RenderWith(spec, opts)
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
		} else {
			p.problems.Hide()
			subjectHint = r.letter.Subject
		}
		p.settings.Refresh()
		if p.subject.Text == "" && subjectHint != "" {
			p.subject.SetPlaceHolder(subjectHint)
		}
		p.showPreview()
		p.showFindings()
		p.refreshActions()
	})
}

// proofreadOptions tell the proofreader the names the letter may use, so that they are
// never taken for misspellings.
func proofreadOptions(s letter.Spec, known []string) proofread.Options {
	return proofread.Options{Kind: s.Kind.OrDefault(), Name: s.SenderName, Recipient: s.RecipientName, Company: s.Company,
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
	p.findings.UnselectAll()
	p.findings.Refresh()
	p.showChosen(nil)
}

// maxChoices is how many of a finding's suggestions the pane offers as buttons: the
// likeliest, few enough to take in at a glance.
const maxChoices = 3

// showChosen shows the selected finding's whole message, and its fix when it has one, or
// else the words it may have meant, each a button.
func (p *letterPane) showChosen(f *proofread.Finding) {
	p.chosen = f
	p.fixBtn.Hide()
	p.choices.Hide()
	if f == nil {
		p.findingDetail.SetText("")
		p.findingDetail.Hide()
		return
	}
	p.findingDetail.SetText(f.Message)
	p.findingDetail.Show()
	switch {
	case f.Fix != "":
		p.fixBtn.SetText("Fix: “" + shorten(f.Fix, 24) + "”")
		p.fixBtn.Show()
	case len(f.Suggestions) > 0:
		for i, b := range p.choiceBtns {
			if i < len(f.Suggestions) {
				b.SetText(shorten(f.Suggestions[i], 24))
				b.Show()
			} else {
				b.Hide()
			}
		}
		p.choices.Show()
	}
}

// shorten cuts s to n characters, with an ellipsis when it was longer.
func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// onFix puts the chosen finding's fix in place of its span, in the subject or the text.
func (p *letterPane) onFix() {
	if f := p.chosen; f != nil && f.Fix != "" {
		p.replace(f, f.Fix)
	}
}

// onChoice puts the chosen finding's i-th suggestion in place of its span.
func (p *letterPane) onChoice(i int) {
	if f := p.chosen; f != nil && i < len(f.Suggestions) {
		p.replace(f, f.Suggestions[i])
	}
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

// onFindingSelected selects the finding's text in the editor, or in the subject field when
// it is in the subject.
func (p *letterPane) onFindingSelected(i widget.ListItemID) {
	if i >= len(p.found) {
		return
	}
	f := p.found[i]
	p.showChosen(&f)
	if f.Part == proofread.Subject {
		p.app.win.Canvas().Focus(p.subject)
		return
	}
	p.app.win.Canvas().Focus(p.editor)
	selectRange(p.editor, f.Start, f.End)
}

// findingRow is one finding: its severity, where it is and what to do.
type findingRow struct {
	widget.BaseWidget
	icon *widget.Icon
	text *widget.Label
}

func newFindingRow() fyne.CanvasObject {
	r := &findingRow{icon: widget.NewIcon(theme.InfoIcon()), text: &widget.Label{Truncation: fyne.TextTruncateEllipsis}}
	r.ExtendBaseWidget(r)
	return r
}

// set shows f, where it is (the subject, or a line of the editor) and what to do.
func (r *findingRow) set(f proofread.Finding) {
	switch f.Severity {
	case proofread.SevError:
		r.icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	case proofread.SevWarning:
		r.icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
	default:
		r.icon.SetResource(theme.InfoIcon())
	}
	quote := ""
	if t := strings.TrimSpace(f.Text); t != "" && len([]rune(t)) <= 40 && !strings.Contains(t, "\n") && !strings.HasPrefix(f.Message, "“"+t+"”") {
		quote = " “" + t + "”" // unless the message starts with it already
	}
	where := "Subject:"
	if f.Part != proofread.Subject {
		where = fmt.Sprintf("Line %d:", f.Line)
	}
	r.text.SetText(fmt.Sprintf("%s%s %s", where, quote, f.Message))
}

func (r *findingRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.icon, nil, r.text))
}
