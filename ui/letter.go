package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/clock"
	"github.com/declinedesk/declinedesk/internal/draft"
	"github.com/declinedesk/declinedesk/internal/followup"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/proofread"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// draftSaveDelay is how long typing must pause before the draft is saved.
const draftSaveDelay = 800 * time.Millisecond

// letterPane is the Letter tab of the workspace: the letter's settings, the editor with the proofreader's
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
	// the finding selected in the list: its whole message and, when it has one, its fix, or
	// else the words it may have meant, to pick from
	findingDetail *widget.Label
	fixBtn        *widget.Button
	choices       *fyne.Container
	choiceBtns    []*widget.Button
	chosen        *proofread.Finding
	// the as-sent view: exactly what will be sent, with every finding's span marked
	previewSubject, previewTo *widget.Label
	previewBody               *widget.RichText
	previewScroll             *container.Scroll
	settingsScroll            *container.Scroll
	// sending and after
	copyBtn, emlBtn, mailBtn, declineBtn *widget.Button
	after                                *fyne.Container
	afterTitle                           *widget.Label
	afterChecks                          map[stage.AfterStep]*widget.Check
	followUp                             *widget.Label
	markFollowUp                         *entry

	frame   *paneFrame
	content fyne.CanvasObject

	shown     *tracker.Opportunity
	spec      letter.Spec // what the settings and editor say; Body is set once the text is edited
	rendered  letter.Letter
	found     []proofread.Finding
	seq       int // the newest preview asked for; older ones are dropped
	unsaved   bool
	saveTimer clock.Timer
	quiet     bool // set while widgets are filled in code, so that their callbacks stay still
}

func newLetterPane(a *App) *letterPane {
	p := &letterPane{app: a, afterChecks: map[stage.AfterStep]*widget.Check{}}
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
			o.(*findingRow).set(p.found[i])
		}
	})
	p.findings.OnSelected = p.onFindingSelected
	p.findingDetail = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.fixBtn = &widget.Button{Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: p.onFix}
	p.fixBtn.Hide()
	p.choiceBtns = make([]*widget.Button, maxChoices)
	btns := make([]fyne.CanvasObject, maxChoices)
	for i := range p.choiceBtns {
		p.choiceBtns[i] = &widget.Button{OnTapped: func() { p.onChoice(i) }}
		btns[i] = p.choiceBtns[i]
	}
	// The choices scroll sideways when long words do not fit: they never widen the window.
	p.choices = container.NewStack(container.NewHScroll(container.NewHBox(append([]fyne.CanvasObject{&widget.Label{Text: "Did you mean"}}, btns...)...)))
	p.choices.Hide()

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
	p.declineBtn = &widget.Button{Text: "Mark declined…", Icon: theme.ConfirmIcon(), OnTapped: p.onMarkSent}
	p.after = p.newAfterChecklist()

	// The editor and the findings on the left, the letter as it will be sent on the right:
	// the as-sent view gets the height to show a whole letter.
	chosen := container.NewVBox(container.NewBorder(nil, nil, nil, p.fixBtn, p.findingDetail), p.choices)
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
		if changes := draft.Follow(&p.spec, o); len(changes) > 0 {
			p.noteChanges(changes)
			p.fillSettings()
			p.refresh()
			p.scheduleSave()
		}
		return
	}
	l := draft.For(o, draft.Request{Sender: p.app.profile, Answers: p.app.decide.answersFor(o.ID), Today: p.app.today()})
	kind, why := l.Suggested, l.Why
	p.changedBox.Hide()
	p.noLetter = o.Draft == nil && kind == ""
	p.spec = l.Spec
	if o.Draft != nil && len(l.Changes) > 0 {
		p.noteChanges(l.Changes)
		p.unsaved = true
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
	p.app.save("Your letter was not saved", func(s *tracker.BoltStore) (tracker.Opportunity, error) {
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
