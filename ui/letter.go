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
	"github.com/declinedesk/declinedesk/internal/followup"
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
	// stage: which letter the opportunity's stage calls for, and why
	kind      *widget.Select
	stageNote *widget.Label
	noLetter  bool // the stage suggests no letter and the user has not chosen one
	// changed says what changed in the opportunity since an edited letter was written
	changed    *widget.Label
	changedBox *fyne.Container
	// keepInTouch offers the keep-in-touch note once a declined opportunity's follow-up is due
	keepInTouch *fyne.Container
	// settings: the letter spec
	recipient, recipientEmail *entry
	reason                    *widget.Select
	reasonText                *entry
	alternative               *widget.Select
	altDate                   *entry
	referralName              *entry
	referralEmail             *entry
	tone                      *widget.RadioGroup
	subject                   *entry
	reasonRow, altDateRow     *fyne.Container
	referralRow               *fyne.Container
	choiceRow, updateRow      *fyne.Container
	update                    *entry
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
	previewScroll             *container.Scroll
	settingsScroll            *container.Scroll
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

	field := func(placeholder string) *entry {
		e := newEntry(p.app)
		e.PlaceHolder = placeholder
		e.OnChanged = func(string) { p.onSettingTyped() }
		return e
	}
	p.recipient = field("Recipient's name")
	p.recipientEmail = field("their@email")
	p.reasonText = field("Your reason, in one sentence")
	p.altDate = field("YYYY-MM-DD")
	p.referralName = field("Name of the person you recommend")
	p.referralEmail = field("Their email (optional)")
	p.subject = field("")

	p.kind = widget.NewSelect(optionLabels(letter.Kinds), func(string) { p.onKindChosen() })
	p.kind.PlaceHolder = "Choose a letter"
	p.stageNote = &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	p.changed = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	p.changedBox = container.NewBorder(nil, nil, nil,
		&widget.Button{Text: "Rewrite with the new details", Icon: theme.ViewRefreshIcon(), OnTapped: p.onRewrite}, p.changed)
	p.changedBox.Hide()
	p.keepInTouch = container.NewBorder(nil, nil, widget.NewIcon(theme.MailComposeIcon()),
		&widget.Button{Text: "Write the keep-in-touch note", Importance: widget.HighImportance, OnTapped: p.onWriteKeepInTouch},
		&widget.Label{Text: "Your keep-in-touch follow-up is due: a short, friendly note keeps the door open.", Wrapping: fyne.TextWrapWord})
	p.keepInTouch.Hide()
	p.update = field("What you have been doing (optional)")
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
	pair := func(a, b fyne.CanvasObject) *fyne.Container { return container.NewGridWithColumns(2, a, b) }
	p.choiceRow = container.NewVBox(row("Reason", p.reason), row("Instead", p.alternative))
	p.updateRow = row("News", p.update)
	form := container.NewVBox(
		row("Letter", p.kind), p.stageNote,
		row("To", pair(p.recipient, p.recipientEmail)),
		p.choiceRow, p.updateRow,
		p.reasonRow, p.altDateRow, p.referralRow,
		row("Tone", p.tone), row("Subject", p.subject),
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
	p.previewTo = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	p.previewBody = widget.NewRichText()
	p.previewBody.Wrapping = fyne.TextWrapWord
	// The caption shares the To line, to leave the letter every line of height.
	caption := &widget.Label{Text: "exactly as sent", SizeName: theme.SizeNameCaptionText, Importance: widget.LowImportance}
	p.previewScroll = container.NewVScroll(container.NewVBox(p.previewSubject, p.problems,
		container.NewBorder(nil, nil, nil, caption, p.previewTo), widget.NewSeparator(), p.previewBody))

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
	asSent := p.previewScroll
	// The settings and the editor share the left half; the letter as it will be sent has
	// the whole height of the right half, to be read in one piece.
	// The settings scroll in their own part, so that however many rows unfold the window
	// never asks for more height than a small screen has.
	p.settingsScroll = container.NewVScroll(container.NewVBox(p.keepInTouch, p.after, p.changedBox, p.settings))
	left := container.NewVSplit(p.settingsScroll, editorArea)
	left.Offset = 0.47
	writing := container.NewHSplit(left, asSent)
	writing.Offset = 0.5
	// The ways to send and the step after sending share one bar under the letter; the
	// heading rides in it too, to leave the letter every line of height.
	send := container.NewBorder(nil, nil, container.NewHBox(p.copyBtn, p.emlBtn, p.mailBtn), p.declineBtn, p.heading)
	return container.NewBorder(nil, send, nil, nil, writing)
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
		// The opportunity was saved: the letter takes its new company, role and dates.
		if changes := followRecord(&p.spec, o); len(changes) > 0 {
			p.noteChanges(changes)
			p.fillSettings()
			p.refresh()
			p.scheduleSave()
		}
		return
	}
	kind, why := tracker.SuggestedKind(o, p.app.today())
	p.changedBox.Hide()
	p.noLetter = false
	switch {
	case o.Draft != nil:
		p.spec = *o.Draft
		if changes := followRecord(&p.spec, o); len(changes) > 0 {
			p.noteChanges(changes)
			p.unsaved = true
		}
	case kind == "":
		p.spec = p.newSpec(o)
		p.noLetter = true
	default:
		p.spec = p.newSpec(o).WithKind(kind)
	}
	p.stageNote.SetText(stageText(kind, why))
	p.settingsScroll.ScrollToTop()
	p.previewScroll.ScrollToTop()
	if kind == letter.KeepInTouch && p.spec.Kind.OrDefault() != letter.KeepInTouch && followup.KeepInTouchDue(o, p.app.today()) {
		p.keepInTouch.Show()
	} else {
		p.keepInTouch.Hide()
	}
	p.fillSettings()
	p.refresh()
}

// onWriteKeepInTouch turns the letter into the keep-in-touch note. The letter sent when
// declining is kept in the history, so nothing is lost.
func (p *letterPane) onWriteKeepInTouch() {
	p.keepInTouch.Hide()
	p.spec.Body = "" // the decline's text is archived in the history
	p.kind.SetSelected(letter.KeepInTouch.Label())
}

// stageText says which letter the stage suggests, and why.
func stageText(kind letter.Kind, why string) string {
	if kind == "" {
		return "No letter suggested: " + why + " You can still choose one."
	}
	return "Suggested for this stage. " + why
}

// followRecord takes into an existing letter what it borrows from the opportunity —
// company, role, interview date, and the contact where the letter names none — and says
// what changed, in words.
func followRecord(s *letter.Spec, o *tracker.Opportunity) []string {
	var changes []string
	take := func(what string, have *string, now string) {
		if *have != now {
			if *have != "" {
				changes = append(changes, fmt.Sprintf("the %s is now %s (the letter had %s)", what, orNone(now), *have))
			}
			*have = now
		}
	}
	take("company", &s.Company, o.Company)
	take("role", &s.Role, o.Role)
	take("interview date", &s.InterviewDate, string(o.InterviewOn))
	if s.RecipientName == "" {
		s.RecipientName = o.ContactName
	}
	if s.RecipientEmail == "" {
		s.RecipientEmail = o.ContactEmail
	}
	return changes
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// noteChanges tells the user what changed under an edited letter; an untouched one is
// simply written again with the new details.
func (p *letterPane) noteChanges(changes []string) {
	if p.spec.Body == "" {
		return
	}
	p.changed.SetText("The opportunity changed since you edited this letter: " + strings.Join(changes, "; ") +
		". Your text may still use the old details — check it before you send it, or write it again.")
	p.changedBox.Show()
}

// onKindChosen switches the letter to another kind, asking first when the text was edited.
func (p *letterPane) onKindChosen() {
	if p.quiet || p.shown == nil {
		return
	}
	k := idOf(letter.Kinds, p.kind.Selected)
	if k == "" || (k == p.spec.Kind.OrDefault() && !p.noLetter) {
		return
	}
	apply := func() {
		p.noLetter = false
		p.readSettings()
		p.spec = p.spec.WithKind(k)
		p.changedBox.Hide()
		p.fillSettings()
		p.refresh()
		p.scheduleSave()
	}
	if p.spec.Body == "" {
		apply()
		return
	}
	d := dialog.NewConfirm("Replace your edited letter?",
		fmt.Sprintf("A letter to %s is written anew. Your edits to this one will be lost.", strings.ToLower(k.Label())),
		func(ok bool) {
			if ok {
				apply()
				return
			}
			p.quiet = true
			p.kind.SetSelected(labelOf(letter.Kinds, p.spec.Kind.OrDefault()))
			p.quiet = false
		}, p.app.win)
	d.SetConfirmText("Replace text")
	d.SetDismissText("Keep my text")
	p.app.present(d)
}

// newSpec starts a letter for o: recipient and dates from the tracker, the sender from the
// profile, the reason from the checklist when it suggests one.
func (p *letterPane) newSpec(o *tracker.Opportunity) letter.Spec {
	reason := letter.NotAFit
	if r := p.app.checklistReason(o); r != "" {
		reason = r
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
	if p.noLetter {
		p.kind.ClearSelected()
	} else {
		p.kind.SetSelected(labelOf(letter.Kinds, s.Kind.OrDefault()))
	}
	p.alternative.Options = optionLabels(s.Kind.Alternatives())
	p.update.SetText(s.UpdateText)
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
	if p.noLetter {
		return ""
	}
	l, err := letter.RenderWith(p.spec, p.renderOptions())
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
	kind := p.spec.Kind
	show(p.choiceRow, kind.UsesReason())
	show(p.updateRow, kind.UsesUpdate())
	show(p.reasonRow, kind.UsesReason() && p.spec.Reason == letter.Custom)
	show(p.altDateRow, kind.UsesReason() && p.spec.Alternative == letter.Reschedule)
	show(p.referralRow, kind.UsesReason() && p.spec.Alternative == letter.Referral)
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
	s.UpdateText = strings.TrimSpace(p.update.Text)
	if p.shown != nil {
		s.Company, s.Role, s.InterviewDate = p.shown.Company, p.shown.Role, string(p.shown.InterviewOn)
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
	seq, spec, opts, noLetter := p.seq, p.spec, p.renderOptions(), p.noLetter
	known := p.knownNames()
	subjectHint := ""
	type result struct {
		letter   letter.Letter
		problems []error
		findings []letter.Finding
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
		return result{letter: l, findings: letter.Proofread(l.Text(), proofreadOptions(spec, known))}
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
func proofreadOptions(s letter.Spec, known []string) letter.ProofreadOptions {
	return letter.ProofreadOptions{Kind: s.Kind.OrDefault(), Name: s.SenderName, Recipient: s.RecipientName, Company: s.Company,
		Role: s.Role, Referral: s.ReferralName, Known: known}
}

// renderOptions tell the letter what day it is, so that a withdrawal after the interview
// thanks for the conversation.
func (p *letterPane) renderOptions() letter.RenderOptions {
	return letter.RenderOptions{Today: p.app.now()}
}

// knownNames are the names the opportunity holds, which are never misspellings.
func (p *letterPane) knownNames() []string {
	if p.shown == nil {
		return nil
	}
	return []string{p.shown.ContactName, p.shown.Company, p.shown.Role}
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
func (p *letterPane) startDecline(reason letter.Reason) {
	if p.shown == nil {
		return
	}
	p.settings.Open(0)
	if reason != "" && reason != p.spec.Reason {
		p.reason.SetSelected(labelOf(letter.Reasons, reason))
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
	p.declineBtn.SetText(markingOf(p.spec.Kind).button)
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
