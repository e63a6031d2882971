package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/clock"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// draftSaveDelay is how long typing must pause before the draft is saved.
const draftSaveDelay = 800 * time.Millisecond

// letterPane is the right pane: the letter's settings, the editor with the proofreader's
// findings, the live preview of exactly what will be sent, and the ways to send it.
type letterPane struct {
	app *App

	heading *widget.Label
	// settings: the letter spec
	recipient, recipientEmail *widget.Entry
	reason                    *widget.Select
	reasonText                *widget.Entry
	alternative               *widget.Select
	altDate                   *widget.Entry
	referralName              *widget.Entry
	referralEmail             *widget.Entry
	tone                      *widget.RadioGroup
	subject                   *widget.Entry
	reasonRow, altDateRow     *fyne.Container
	referralRow               *fyne.Container
	problems                  *widget.Label // what keeps the spec from making a letter
	edited                    *fyne.Container
	editedNote                *widget.Label
	rewrite                   *widget.Button
	settings                  *widget.Accordion
	// writing
	editor   *widget.Entry
	findings *widget.List
	verdict  *widget.Label
	// the finding selected in the list: its whole message and, when it has one, its fix
	findingDetail *widget.Label
	fixBtn        *widget.Button
	chosen        *letter.Finding
	// the as-sent view: exactly what will be sent, with every finding's span marked
	previewSubject, previewTo *widget.Label
	previewBody               *widget.RichText
	// sending and after
	copyBtn, emlBtn, mailBtn, declineBtn *widget.Button
	after                                *fyne.Container
	afterChecks                          map[tracker.AfterStep]*widget.Check
	followUp                             *widget.Label
	markFollowUp                         *entry

	frame   *paneFrame
	content fyne.CanvasObject

	shown     *tracker.Opportunity
	spec      letter.Spec // what the settings and editor say; Body is set once the text is edited
	rendered  letter.Letter
	found     []letter.Finding
	seq       int // the newest preview asked for; older ones are dropped
	unsaved   bool
	saveTimer clock.Timer
	quiet     bool // set while widgets are filled in code, so that their callbacks stay still
}

func newLetterPane(a *App) *letterPane {
	p := &letterPane{app: a, afterChecks: map[tracker.AfterStep]*widget.Check{}}
	p.frame = newPaneFrame(theme.MailComposeIcon(), "Write the letter",
		"Pick an opportunity in the tracker. Decline Desk drafts a short, polite letter — thanks, a clear decision, "+
			"a reason and, if you like, an alternative — checks it as you edit, and sends it your way: clipboard, mail app or .eml draft.", p.build)
	p.content = p.frame.content()
	return p
}

// build makes the letter's widgets, the first time an opportunity is shown.
func (p *letterPane) build() fyne.CanvasObject {
	p.heading = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}

	entry := func(placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.PlaceHolder = placeholder
		e.OnChanged = func(string) { p.onSettingTyped() }
		return e
	}
	p.recipient = entry("Recipient's name")
	p.recipientEmail = entry("their@email")
	p.reasonText = entry("Your reason, in one sentence")
	p.altDate = entry("YYYY-MM-DD")
	p.referralName = entry("Name of the person you recommend")
	p.referralEmail = entry("Their email (optional)")
	p.subject = entry("")

	p.reason = widget.NewSelect(optionLabels(letter.Reasons), func(string) { p.onSettingChosen() })
	p.alternative = widget.NewSelect(optionLabels(letter.Alternatives), func(string) { p.onSettingChosen() })
	p.tone = &widget.RadioGroup{Options: optionLabels(letter.Tones), Horizontal: true, Required: true}
	p.tone.ExtendBaseWidget(p.tone)
	p.tone.OnChanged = func(string) { p.onSettingChosen() }

	row := func(label string, content fyne.CanvasObject) *fyne.Container {
		l := &widget.Label{Text: label, TextStyle: fyne.TextStyle{Bold: true}}
		return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(72, l.MinSize().Height), l), nil, content)
	}
	p.reasonRow = row("", p.reasonText)
	p.altDateRow = row("", p.altDate)
	p.referralRow = row("", container.NewGridWithColumns(2, p.referralName, p.referralEmail))
	p.problems = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	p.problems.Hide()
	p.rewrite = &widget.Button{Text: "Rewrite from settings…", Icon: theme.ViewRefreshIcon(), Importance: widget.LowImportance, OnTapped: p.onRewrite}
	p.editedNote = &widget.Label{Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText}
	// One line that is always there, so that the editor never moves when it changes.
	p.edited = container.NewBorder(nil, nil, nil, p.rewrite, p.editedNote)
	// Two settings a row, so that the letter below keeps its height.
	pair := func(a, b fyne.CanvasObject) *fyne.Container { return container.NewGridWithColumns(2, a, b) }
	form := container.NewVBox(
		pair(row("To", p.recipient), p.recipientEmail),
		pair(row("Reason", p.reason), row("Instead", p.alternative)),
		p.reasonRow, p.altDateRow, p.referralRow,
		pair(row("Tone", p.tone), row("Subject", p.subject)),
	)
	p.settings = widget.NewAccordion(widget.NewAccordionItem("Letter settings", form))
	p.settings.Open(0)

	p.editor = widget.NewMultiLineEntry()
	p.editor.Wrapping = fyne.TextWrapWord
	p.editor.SetMinRowsVisible(6)
	p.editor.OnChanged = p.onTextEdited
	p.verdict = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.findings = widget.NewList(func() int { return len(p.found) }, newFindingRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(p.found) {
			o.(*findingRow).set(p.found[i], 2) // the proofread text starts with "Subject: …" and a blank line
		}
	})
	p.findings.OnSelected = p.onFindingSelected
	p.findingDetail = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.fixBtn = &widget.Button{Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: p.onFix}
	p.fixBtn.Hide()

	p.previewSubject = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	p.previewTo = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.previewBody = widget.NewRichText()
	p.previewBody.Wrapping = fyne.TextWrapWord
	preview := container.NewVScroll(container.NewVBox(p.previewSubject, p.problems, p.previewTo, widget.NewSeparator(), p.previewBody))

	p.copyBtn = &widget.Button{Text: "Copy", Icon: theme.ContentCopyIcon(), Importance: widget.HighImportance, OnTapped: p.onCopy}
	p.emlBtn = &widget.Button{Text: "Save .eml…", Icon: theme.DocumentSaveIcon(), OnTapped: p.onExport}
	p.mailBtn = &widget.Button{Text: "Open in Mail", Icon: theme.MailSendIcon(), OnTapped: p.onMail}
	p.declineBtn = &widget.Button{Text: "Mark declined…", Icon: theme.ConfirmIcon(), OnTapped: p.onMarkDeclined}
	p.after = p.newAfterChecklist()

	// The editor and the findings on the left, the letter as it will be sent on the right:
	// the as-sent view gets the height to show a whole letter.
	chosen := container.NewBorder(nil, nil, nil, p.fixBtn, p.findingDetail)
	findingsBox := container.NewBorder(p.verdict, chosen, nil, nil, p.findings)
	editorArea := container.NewVSplit(container.NewBorder(p.edited, nil, nil, nil, p.editor), findingsBox)
	editorArea.Offset = 0.62
	asSent := container.NewBorder(
		&widget.Label{Text: "Exactly what will be sent", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText},
		nil, nil, nil, preview)
	writing := container.NewHSplit(editorArea, asSent)
	writing.Offset = 0.5
	// The ways to send and the step after sending share one bar under the letter; the
	// heading rides in it too, to leave the letter every line of height.
	send := container.NewBorder(nil, nil, container.NewHBox(p.copyBtn, p.emlBtn, p.mailBtn), p.declineBtn, p.heading)
	top := container.NewVBox(p.after, p.settings)
	return container.NewBorder(top, send, nil, nil, writing)
}

func optionLabels[T ~string](opts []letter.Option[T]) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Label
	}
	return out
}

// show puts the letter of o on screen: its saved draft, or a new letter from the
// opportunity, the profile and the checklist's suggestion. The same opportunity again
// (after a save) only refreshes what does not belong to the letter.
func (p *letterPane) show(o *tracker.Opportunity) {
	same := o != nil && p.shown != nil && o.ID == p.shown.ID
	p.shown = o
	p.frame.showWork(o != nil)
	if o == nil {
		return
	}
	p.heading.SetText("Letter to " + o.Company + " — " + o.Role)
	p.refreshAfter()
	p.refreshActions()
	if same {
		return
	}
	if o.Draft != nil {
		p.spec = *o.Draft
	} else {
		p.spec = p.newSpec(o)
	}
	p.fillSettings()
	p.unsaved = false
	p.refresh()
}

// newSpec starts a letter for o: recipient and dates from the tracker, the sender from the
// profile, the reason from the checklist when it suggests one.
func (p *letterPane) newSpec(o *tracker.Opportunity) letter.Spec {
	reason := letter.NotAFit
	if r := p.app.decide.summary().Reason; r != "" && p.app.decide.shown != nil && p.app.decide.shown.ID == o.ID {
		reason = letter.Reason(r)
	}
	return letter.Spec{
		RecipientName: o.ContactName, RecipientEmail: o.ContactEmail, Company: o.Company, Role: o.Role,
		InterviewDate: string(o.InterviewOn), Reason: reason, Alternative: letter.StayInTouch, Tone: letter.Formal,
		SenderName: p.app.profile.FullName, SenderEmail: p.app.profile.Email, Signature: p.app.profile.Signature,
	}
}

// fillSettings shows p.spec in the settings and the editor.
func (p *letterPane) fillSettings() {
	p.quiet = true
	defer func() { p.quiet = false }()
	s := p.spec
	p.recipient.SetText(s.RecipientName)
	p.recipientEmail.SetText(s.RecipientEmail)
	p.reason.SetSelected(labelOf(letter.Reasons, s.Reason))
	p.reasonText.SetText(s.ReasonText)
	p.alternative.SetSelected(labelOf(letter.Alternatives, s.Alternative))
	p.altDate.SetText(s.AlternativeDate)
	p.referralName.SetText(s.ReferralName)
	p.referralEmail.SetText(s.ReferralEmail)
	tone := s.Tone
	if tone == "" {
		tone = letter.Formal
	}
	p.tone.SetSelected(labelOf(letter.Tones, tone))
	p.subject.SetText(s.Subject)
	p.showConditionalRows()
	p.setEditorText(p.bodyToShow())
}

func labelOf[T ~string](opts []letter.Option[T], id T) string {
	for _, o := range opts {
		if o.ID == id {
			return o.Label
		}
	}
	return ""
}

func idOf[T ~string](opts []letter.Option[T], label string) T {
	for _, o := range opts {
		if o.Label == label {
			return o.ID
		}
	}
	return ""
}

// bodyToShow is the edited text, or the template's letter when the text was not edited.
func (p *letterPane) bodyToShow() string {
	if p.spec.Body != "" {
		return p.spec.Body
	}
	s := p.spec
	l, err := letter.Render(s)
	if err != nil {
		return ""
	}
	return l.Body
}

func (p *letterPane) setEditorText(text string) {
	if p.editor.Text == text {
		return
	}
	quiet := p.quiet
	p.quiet = true
	p.editor.SetText(text)
	p.quiet = quiet
}

func (p *letterPane) showConditionalRows() {
	show := func(c *fyne.Container, visible bool) {
		if visible {
			c.Show()
		} else {
			c.Hide()
		}
	}
	show(p.reasonRow, p.spec.Reason == letter.Custom)
	show(p.altDateRow, p.spec.Alternative == letter.Reschedule)
	show(p.referralRow, p.spec.Alternative == letter.Referral)
	if p.spec.Body != "" {
		p.editedNote.SetText("You edited the text, so new settings do not rewrite it.")
		p.rewrite.Enable()
	} else {
		p.editedNote.SetText("Written from the settings; edit it freely.")
		p.rewrite.Disable()
	}
	p.settings.Refresh() // the accordion keeps its size until told
}

// readSettings takes the settings into p.spec, leaving the body alone.
func (p *letterPane) readSettings() {
	s := &p.spec
	s.RecipientName, s.RecipientEmail = strings.TrimSpace(p.recipient.Text), strings.TrimSpace(p.recipientEmail.Text)
	s.Reason = idOf(letter.Reasons, p.reason.Selected)
	s.ReasonText = strings.TrimSpace(p.reasonText.Text)
	s.Alternative = idOf(letter.Alternatives, p.alternative.Selected)
	s.AlternativeDate = strings.TrimSpace(p.altDate.Text)
	if d, err := tracker.ParseDate(s.AlternativeDate); err == nil && d != "" {
		s.AlternativeDate = string(d)
	}
	s.ReferralName, s.ReferralEmail = strings.TrimSpace(p.referralName.Text), strings.TrimSpace(p.referralEmail.Text)
	s.Tone = idOf(letter.Tones, p.tone.Selected)
	s.Subject = strings.TrimSpace(p.subject.Text)
	if p.shown != nil {
		s.Company, s.Role = p.shown.Company, p.shown.Role
	}
	s.SenderName, s.SenderEmail, s.Signature = p.app.profile.FullName, p.app.profile.Email, p.app.profile.Signature
}

// onSettingTyped follows a typed setting. Edited text is never rewritten by typing; the
// banner offers to rewrite it.
func (p *letterPane) onSettingTyped() {
	if p.quiet || p.shown == nil {
		return
	}
	p.readSettings()
	p.afterChange()
}

// onSettingChosen follows a picked reason, offer or tone. When the text was edited by
// hand, it asks before replacing it.
func (p *letterPane) onSettingChosen() {
	if p.quiet || p.shown == nil {
		return
	}
	p.readSettings()
	if p.spec.Body == "" {
		p.afterChange()
		return
	}
	p.afterChange()
	p.confirmRewrite()
}

func (p *letterPane) onRewrite() { p.confirmRewrite() }

// confirmRewrite asks before the hand-edited text is replaced by the template's letter.
func (p *letterPane) confirmRewrite() {
	d := dialog.NewConfirm("Replace your edited letter?",
		"The letter text was edited by hand. Write it again from the settings? Your edits will be lost.",
		func(ok bool) {
			if !ok {
				return
			}
			p.spec.Body = ""
			p.afterChange()
		}, p.app.win)
	d.SetConfirmText("Replace text")
	d.SetDismissText("Keep my text")
	p.app.present(d)
}

// afterChange brings the editor, preview and findings up to date and schedules a save.
// While the settings make no letter, the editor keeps the last one rather than go blank.
func (p *letterPane) afterChange() {
	p.showConditionalRows()
	if body := p.bodyToShow(); p.spec.Body == "" && body != "" {
		p.setEditorText(body)
	}
	p.refresh()
	p.scheduleSave()
}

// onTextEdited follows typing in the editor. Text that matches the template again counts
// as not edited, so that settings go on shaping it.
func (p *letterPane) onTextEdited(text string) {
	if p.quiet || p.shown == nil {
		return
	}
	p.spec.Body = ""
	if text != p.bodyToShow() {
		p.spec.Body = text
	}
	p.showConditionalRows()
	p.refresh()
	p.scheduleSave()
}

// refresh renders and proofreads the letter off the UI goroutine and shows the newest
// result, so that typing never waits for the proofreader.
func (p *letterPane) refresh() {
	p.seq++
	seq, spec := p.seq, p.spec
	subjectHint := ""
	type result struct {
		letter   letter.Letter
		problems []error
		findings []letter.Finding
	}
	goAndReturn(p.app.work, func() result {
		if problems := spec.FieldErrors(); len(problems) > 0 {
			return result{problems: problems}
		}
		l, err := letter.Render(spec)
		if err != nil {
			return result{problems: []error{err}}
		}
		return result{letter: l, findings: letter.Proofread(l.Text(), proofreadOptions(spec))}
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
func proofreadOptions(s letter.Spec) letter.ProofreadOptions {
	return letter.ProofreadOptions{Name: s.SenderName, Recipient: s.RecipientName, Company: s.Company,
		Role: s.Role, Referral: s.ReferralName}
}

// settingNames are the letter spec's fields in the settings' words.
var settingNames = map[string]string{"sender_name": "Your name (File > Profile)", "sender_email": "Your email (File > Profile)",
	"recipient_email": "Their email", "reason_text": "Your reason", "alternative_date": "The date",
	"referral_name": "The person you recommend", "referral_email": "The email of the person you recommend",
	"reason": "The reason", "subject": "The subject", "recipient_name": "The recipient's name",
	"company": "The company", "role": "The role"}

// problemText lists what stops the spec from making a letter, in the settings' words.
func problemText(problems []error) string {
	lines := make([]string, len(problems))
	var fe *letter.FieldError
	for i, err := range problems {
		lines[i] = err.Error()
		if errors.As(err, &fe) && settingNames[fe.Field] != "" {
			lines[i] = settingNames[fe.Field] + ": " + fe.Message
		}
	}
	return strings.Join(lines, "\n")
}

func (p *letterPane) showPreview() {
	l := p.rendered
	if l.Body == "" && l.Subject == "" {
		p.previewSubject.SetText("No letter yet")
		p.previewTo.SetText("")
		p.previewBody.Segments = nil
		p.previewBody.Refresh()
		return
	}
	p.previewSubject.SetText("Subject: " + l.Subject)
	if l.To == "" {
		p.previewTo.SetText("To: (no address yet — add their email above, or fill it in your mail app)")
	} else {
		p.previewTo.SetText("To: " + l.To)
	}
	p.previewBody.Segments = markedBody(l, p.found)
	p.previewBody.Refresh()
}

// markedBody is the letter's body as rich text, each finding's span in its severity's
// colour, bold and underlined. Spans come from the proofread text, which starts with the
// subject line; overlapping spans are marked once.
func markedBody(l letter.Letter, found []letter.Finding) []widget.RichTextSegment {
	head := len(bodyHead(l))
	body := l.Body
	spans := make([]letter.Finding, 0, len(found))
	for _, f := range found {
		if f.End > head && f.Start < head+len(body) && f.End > f.Start {
			spans = append(spans, f)
		}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var segs []widget.RichTextSegment
	plain := func(text string) {
		if text != "" {
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: text})
		}
	}
	at := 0
	for _, f := range spans {
		start, end := max(f.Start-head, at), min(f.End-head, len(body))
		if start >= end {
			continue
		}
		plain(body[at:start])
		style := widget.RichTextStyleInline
		style.ColorName = severityColor(f.Severity)
		style.TextStyle = fyne.TextStyle{Bold: true, Underline: true}
		segs = append(segs, &widget.TextSegment{Style: style, Text: body[start:end]})
		at = end
	}
	plain(body[at:])
	return segs
}

// bodyHead is what comes before the body in the proofread text.
func bodyHead(l letter.Letter) string { return "Subject: " + l.Subject + "\n\n" }

func severityColor(s letter.Severity) fyne.ThemeColorName {
	switch s {
	case letter.SevError:
		return theme.ColorNameError
	case letter.SevWarning:
		return theme.ColorNameWarning
	}
	return theme.ColorNamePrimary
}

func (p *letterPane) showFindings() {
	var errs, warns, tips int
	for _, f := range p.found {
		switch f.Severity {
		case letter.SevError:
			errs++
		case letter.SevWarning:
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

// showChosen shows the selected finding's whole message, and its fix when it has one.
func (p *letterPane) showChosen(f *letter.Finding) {
	p.chosen = f
	if f == nil {
		p.findingDetail.SetText("")
		p.findingDetail.Hide()
		p.fixBtn.Hide()
		return
	}
	p.findingDetail.SetText(f.Message)
	p.findingDetail.Show()
	if f.Fix == "" {
		p.fixBtn.Hide()
		return
	}
	fix := f.Fix
	if len([]rune(fix)) > 24 {
		fix = string([]rune(fix)[:23]) + "…"
	}
	p.fixBtn.SetText("Fix: “" + fix + "”")
	p.fixBtn.Show()
}

// onFix puts the chosen finding's fix in place of its span, in the subject or the text.
func (p *letterPane) onFix() {
	f := p.chosen
	if f == nil || f.Fix == "" {
		return
	}
	head := bodyHead(p.rendered)
	if f.Start < len(head) {
		const label = "Subject: "
		subject := p.rendered.Subject
		start, end := f.Start-len(label), f.End-len(label)
		if start < 0 || end > len(subject) {
			return
		}
		p.subject.SetText(subject[:start] + f.Fix + subject[end:])
		return
	}
	text := p.editor.Text
	start, end := f.Start-len(head), f.End-len(head)
	if end > len(text) || text[start:end] != f.Text {
		return // the text changed since it was proofread
	}
	p.editor.SetText(text[:start] + f.Fix + text[end:])
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
// it is in the subject line.
func (p *letterPane) onFindingSelected(i widget.ListItemID) {
	if i >= len(p.found) {
		return
	}
	f := p.found[i]
	p.showChosen(&f)
	head := len(bodyHead(p.rendered))
	if f.Start < head {
		p.app.win.Canvas().Focus(p.subject)
		return
	}
	p.app.win.Canvas().Focus(p.editor)
	selectRange(p.editor, f.Start-head, f.End-head)
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

// set shows f; headLines is how many lines come before the body in the proofread text, so
// that line numbers count in the editor.
func (r *findingRow) set(f letter.Finding, headLines int) {
	switch f.Severity {
	case letter.SevError:
		r.icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	case letter.SevWarning:
		r.icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
	default:
		r.icon.SetResource(theme.InfoIcon())
	}
	quote := ""
	if t := strings.TrimSpace(f.Text); t != "" && len([]rune(t)) <= 40 && !strings.Contains(t, "\n") {
		quote = " “" + t + "”"
	}
	where := "Subject:"
	if f.Line > headLines {
		where = fmt.Sprintf("Line %d:", f.Line-headLines)
	}
	r.text.SetText(fmt.Sprintf("%s%s %s", where, quote, f.Message))
}

func (r *findingRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.icon, nil, r.text))
}

// scheduleSave saves the draft once typing pauses.
func (p *letterPane) scheduleSave() {
	p.unsaved = true
	if p.saveTimer != nil {
		p.saveTimer.Stop()
	}
	p.saveTimer = p.app.clock.AfterFunc(draftSaveDelay, func() { p.app.work.toUI(p.flush) })
}

// flush saves the draft now if it changed.
func (p *letterPane) flush() {
	if p.saveTimer != nil {
		p.saveTimer.Stop()
	}
	if !p.unsaved || p.shown == nil {
		return
	}
	p.unsaved = false
	id, spec := p.shown.ID, p.spec
	p.app.save("Your letter was not saved", func(s tracker.Store) (tracker.Opportunity, error) {
		return s.SaveDraft(id, &spec)
	})
}

// leave saves what is pending before another opportunity is shown or the window closes.
func (p *letterPane) leave() { p.flush() }

// startDecline comes from the Decide pane: the letter takes the reason the checklist
// suggests (asking first if the text was edited) and the editor gets the focus.
func (p *letterPane) startDecline(reason string) {
	if p.shown == nil {
		return
	}
	p.settings.Open(0)
	if reason != "" && letter.Reason(reason) != p.spec.Reason {
		p.reason.SetSelected(labelOf(letter.Reasons, letter.Reason(reason)))
	}
	p.app.win.Canvas().Focus(p.editor)
}

// profileChanged signs the letter with the new profile.
func (p *letterPane) profileChanged() {
	if p.shown == nil {
		return
	}
	p.readSettings()
	p.afterChange()
}

func (p *letterPane) onProfile() { p.app.profileForm = showProfile(p.app, false) }

// refreshActions enables the send actions only when there is a letter to send.
func (p *letterPane) refreshActions() {
	ready := p.canSend()
	for _, b := range []*widget.Button{p.copyBtn, p.emlBtn, p.mailBtn, p.declineBtn} {
		if ready {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	p.app.refreshMenus()
}

// canSend reports whether there is a letter to send.
func (p *letterPane) canSend() bool { return p.shown != nil && p.rendered.Body != "" }
