package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/clock"
	"github.com/declinedesk/declinedesk/internal/draft"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/proofread"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// draftSaveDelay is how long typing must pause before the draft is saved.
const draftSaveDelay = 800 * time.Millisecond

// letterPane is the Letter tab of the workspace: the letter's settings, the editor with
// the proofreader's findings, the letter exactly as it will be sent, and the ways to send
// it; once a letter went out, that letter and the step after it.
//
// It is laid out for any screen the window fits: the settings take the height they need up
// to a share and scroll beyond; the editor and the letter as sent stand side by side where
// both can be read, and share one place, with a switch, where width is short; the send
// buttons wrap rather than overlap.
type letterPane struct {
	app *App

	heading *headingLabel
	// stage: which letter the opportunity's stage calls for, and why
	kind      *widget.Select
	stageNote *widget.Label
	noLetter  bool // the stage suggests no letter and the user has not chosen one
	// changed says what changed in the opportunity since an edited letter was written
	changed    *widget.Label
	changedBox *fyne.Container
	// settings: the letter spec
	settingsBtn               *widget.Button // shows and hides the settings
	settingsBox               *fyne.Container
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
	editedNote                *widget.Label
	rewrite                   *widget.Button
	settingsScroll            *container.Scroll
	// writing: the editor and the proofreader's findings under it, each with its fix
	editor       *entry
	verdict      *widget.Label
	findingBox   *fyne.Container // a card a finding
	cardKeys     []string        // what the cards show, to make them again only when it changes
	findingsArea *container.Scroll
	// the as-sent view: exactly what will be sent, with every finding's span marked
	previewSubject, previewTo *widget.Label
	previewBody               *widget.RichText
	previewScroll             *container.Scroll
	// the switch between the editor and the as-sent view where they share one place
	view       *widget.RadioGroup
	viewRow    *fyne.Container
	showAsSent bool
	narrow     bool
	// sending
	copyBtn, emlBtn, mailBtn, declineBtn *widget.Button
	sendBar                              *fyne.Container
	writingWork                          *fyne.Container // the writing and the send bar below it
	writing                              *fyne.Container
	// after sending: the letter that went out, the after-steps, and the next letter
	sentView     fyne.CanvasObject
	sentTitle    *widget.Label
	sentHeading  *widget.Label
	sentBody     *widget.RichText
	sentScroll   *container.Scroll
	keepInTouch  *fyne.Container // offers the keep-in-touch note once its follow-up is due
	nextBtn      *widget.Button
	after        *fyne.Container
	afterTitle   *widget.Label
	afterChecks  map[stage.AfterStep]*widget.Check
	followUp     *widget.Label
	markFollowUp *entry

	frame   *paneFrame
	content fyne.CanvasObject

	shown   *tracker.Opportunity
	wentOut *tracker.SentLetter // the letter that went out, shown instead of the writing
	// shownStatus is the stage the shown opportunity was at when its letter was made.
	shownStatus stage.Status
	spec        letter.Spec // what the settings and editor say; Body is set once the text is edited
	rendered    letter.Letter
	found       []proofread.Finding
	seq         int // the newest preview asked for; older ones are dropped
	// renderedSeq is the preview on screen; actions asked for before the newest arrives
	// wait in pendingActions.
	renderedSeq    int
	pendingActions []func()
	menusReady     bool // what the menus were last told of the send actions
	unsaved        bool
	saveTimer      clock.Timer
	quiet          bool // set while widgets are filled in code, so that their callbacks stay still
}

func newLetterPane(a *App) *letterPane {
	p := &letterPane{app: a, afterChecks: map[stage.AfterStep]*widget.Check{}}
	p.frame = newPaneFrame(theme.MailComposeIcon(), "Write the letter",
		"Pick an opportunity in the tracker. Decline Desk drafts a short, polite letter — thanks, a clear decision, "+
			"a reason and, if you like, an alternative — checks it as you edit, and sends it your way: clipboard, mail app or .eml draft.", p.build)
	p.content = p.frame.content()
	return p
}

// Widths the Letter tab lays itself out by.
const (
	// letterPairWidth is the least width at which the editor and the letter as sent are
	// both wide enough to read side by side (a line of a letter is some 60 characters).
	letterPairWidth = 780
	// settingsShare and findingsShare are the most of the height they take before they
	// scroll.
	settingsShare = 0.45
	findingsShare = 0.4
	// On a short screen the settings and the findings make do with less before the editor
	// goes below some six lines: editorKeeps is the height of those lines and the caption
	// over them, writingKeeps the same with the proofreader's first lines under them.
	editorKeeps  = 190
	writingKeeps = 280
)

// build makes the letter's widgets, the first time an opportunity is shown.
func (p *letterPane) build() fyne.CanvasObject {
	p.heading = newHeadingLabel()

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
	p.changedBox = container.NewVBox(p.changed,
		container.NewHBox(&widget.Button{Text: "Rewrite with the new details", Icon: theme.ViewRefreshIcon(), OnTapped: p.onRewrite}))
	p.changedBox.Hide()
	p.update = field("What you have been doing (optional)")
	p.reason = widget.NewSelect(optionLabels(letter.Reasons), func(string) { p.onSettingChosen() })
	p.alternative = widget.NewSelect(optionLabels(letter.Alternatives), func(string) { p.onSettingChosen() })
	p.tone = &widget.RadioGroup{Options: optionLabels(letter.Tones), Horizontal: true, Required: true}
	p.tone.ExtendBaseWidget(p.tone)
	p.tone.OnChanged = func(string) { p.onSettingChosen() }

	// A label column as wide as its longest label, so that no label is ever cut.
	labels := []string{"Letter", "To", "Reason", "Instead", "News", "Why", "After", "Who", "Tone", "Subject"}
	labelWidth := float32(0)
	for _, l := range labels {
		labelWidth = max(labelWidth, fyne.MeasureText(l, theme.TextSize(), fyne.TextStyle{Bold: true}).Width)
	}
	labelWidth += 2 * theme.InnerPadding()
	row := func(label string, content fyne.CanvasObject) *fyne.Container {
		l := &widget.Label{Text: label, TextStyle: fyne.TextStyle{Bold: true}}
		return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(labelWidth, l.MinSize().Height), l), nil, content)
	}
	p.reasonRow = row("Why", p.reasonText)
	p.altDateRow = row("After", p.altDate)
	p.referralRow = row("Who", container.NewGridWithColumns(2, p.referralName, p.referralEmail))
	p.problems = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	p.problems.Hide()
	p.rewrite = &widget.Button{Text: "Rewrite from settings…", Icon: theme.ViewRefreshIcon(), Importance: widget.LowImportance, OnTapped: p.onRewrite}
	p.editedNote = &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	pair := func(a, b fyne.CanvasObject) *fyne.Container { return container.NewGridWithColumns(2, a, b) }
	p.choiceRow = container.NewVBox(row("Reason", p.reason), row("Instead", p.alternative))
	p.updateRow = row("News", p.update)
	p.settingsBox = container.NewVBox(
		p.stageNote,
		row("To", pair(p.recipient, p.recipientEmail)),
		p.choiceRow, p.updateRow,
		p.reasonRow, p.altDateRow, p.referralRow,
		row("Tone", p.tone), row("Subject", p.subject),
	)
	p.settingsScroll = container.NewVScroll(p.settingsBox)
	p.settingsBtn = &widget.Button{Text: "Hide settings", Icon: theme.MenuDropUpIcon(), Importance: widget.LowImportance, OnTapped: p.onToggleSettings}

	p.editor = newMultiLineEntry(p.app)
	p.editor.SetMinRowsVisible(4)
	p.editor.OnChanged = p.onTextEdited
	p.verdict = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.findingBox = container.NewVBox()
	p.findingsArea = container.NewVScroll(container.NewVBox(p.verdict, p.findingBox))
	editorColumn := container.New(capLayout{share: findingsShare, atBottom: true, keep: editorKeeps, natural: func(w float32) fyne.Size { return minAtWidth(p.findingsArea.Content, w) }},
		container.NewBorder(container.NewVBox(p.changedBox, container.NewBorder(nil, nil, nil, p.rewrite, p.editedNote)), nil, nil, nil, p.editor),
		p.findingsArea)

	p.previewSubject = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	p.previewTo = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.previewBody = widget.NewRichText()
	p.previewBody.Wrapping = fyne.TextWrapWord
	// The caption shares the To line, to leave the letter every line of height.
	caption := &widget.Label{Text: "exactly as sent", SizeName: theme.SizeNameCaptionText}
	p.previewScroll = container.NewVScroll(container.NewVBox(p.previewSubject, p.problems,
		container.NewBorder(nil, nil, nil, caption, p.previewTo), widget.NewSeparator(), p.previewBody))

	p.view = &widget.RadioGroup{Options: []string{"Write", "As sent"}, Horizontal: true, Required: true}
	p.view.ExtendBaseWidget(p.view)
	p.view.SetSelected("Write")
	p.view.OnChanged = func(v string) {
		p.showAsSent = v == "As sent"
		p.writing.Layout.Layout(p.writing.Objects, p.writing.Size())
		p.writing.Refresh()
	}
	// The settings stand over the editor; the letter as sent has the whole height beside
	// them, to be read in one piece.
	kindRow := container.NewBorder(nil, nil, &widget.Label{Text: "Letter", TextStyle: fyne.TextStyle{Bold: true}}, p.settingsBtn, p.kind)
	writeColumn := container.NewBorder(kindRow, nil, nil, nil,
		container.New(capLayout{share: settingsShare, keep: writingKeeps, natural: func(w float32) fyne.Size { return minAtWidth(p.settingsBox, w) }},
			p.settingsScroll, editorColumn))
	p.writing = container.New(pairLayout{wide: letterPairWidth, second: &p.showAsSent, narrow: &p.narrow, onNarrow: p.onNarrow},
		writeColumn, p.previewScroll)
	body := p.writing

	p.copyBtn = &widget.Button{Text: "Copy", Icon: theme.ContentCopyIcon(), Importance: widget.HighImportance, OnTapped: p.onCopy}
	p.emlBtn = &widget.Button{Text: "Save .eml…", Icon: theme.DocumentSaveIcon(), OnTapped: p.onExport}
	p.mailBtn = &widget.Button{Text: "Open in Mail", Icon: theme.MailSendIcon(), OnTapped: p.onMail}
	p.declineBtn = &widget.Button{Text: "Mark declined…", Icon: theme.ConfirmIcon(), OnTapped: p.onMarkSent}
	p.sendBar = newFlow(false, p.copyBtn, p.emlBtn, p.mailBtn, p.declineBtn)
	p.viewRow = container.NewHBox(&widget.Label{Text: "Show", TextStyle: fyne.TextStyle{Bold: true}}, p.view)
	p.viewRow.Hide()
	writingWork := container.New(columnLayout{grow: 0}, container.NewBorder(p.viewRow, nil, nil, nil, body), p.sendBar)
	p.writingWork = writingWork

	p.sentView = p.buildSentView()
	p.sentView.Hide()

	return container.NewStack(writingWork, p.sentView)
}

// onNarrow shows the switch between the editor and the letter as sent when they share one
// place, and hides it when they stand side by side.
func (p *letterPane) onNarrow(narrow bool) {
	if narrow && p.wentOut == nil {
		p.viewRow.Show()
	} else {
		p.viewRow.Hide()
	}
}

// onToggleSettings hides or shows the letter's settings, to give the letter the height.
func (p *letterPane) onToggleSettings() {
	if p.settingsScroll.Visible() {
		p.settingsScroll.Hide()
		p.settingsBtn.SetText("Show settings")
		p.settingsBtn.SetIcon(theme.MenuDropDownIcon())
	} else {
		p.settingsScroll.Show()
		p.settingsBtn.SetText("Hide settings")
		p.settingsBtn.SetIcon(theme.MenuDropUpIcon())
	}
}

// showSettings shows the settings if they were hidden.
func (p *letterPane) showSettings() {
	if !p.settingsScroll.Visible() {
		p.onToggleSettings()
	}
}

// show puts the letter of o on screen: its saved draft, or a new letter from the
// opportunity, the profile and the checklist's suggestion (package draft) — or, once a
// letter went out, that letter and the next step. The same opportunity again (after a
// save) only refreshes what does not belong to the letter.
func (p *letterPane) show(o *tracker.Opportunity) {
	// The same opportunity at the same stage, after a save: only what it lends the letter
	// is taken again. At another stage — a letter recorded as sent — it is shown afresh.
	same := o != nil && p.shown != nil && o.ID == p.shown.ID && o.Status == p.shownStatus
	p.shown = o
	if o != nil {
		p.shownStatus = o.Status
	}
	p.frame.showWork(o != nil)
	if o == nil {
		return
	}
	p.heading.SetText("Letter to " + o.Company + " — " + o.Role)
	p.refreshAfter()
	if same {
		// The opportunity was saved: the letter takes its new company, role and dates.
		if changes := draft.Follow(&p.spec, o); len(changes) > 0 {
			p.noteChanges(changes)
			p.fillSettings()
			p.refresh()
			p.scheduleSave()
		}
		p.refreshActions()
		return
	}
	l := draft.For(o, draft.Request{Sender: p.sender(), Answers: p.app.decide.answersFor(o.ID), Today: p.app.today()})
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
	p.showSent(l.Sent, kind)
	p.fillSettings()
	// The letter is rendered now, not later: what a send action right after selecting
	// acts on is this opportunity's letter, never the one shown before.
	p.refreshNow()
}

// expectAnother tells the pane that another opportunity is on its way: send actions taken
// before its letter is rendered wait for it (see waitForLetter), never act on this one.
func (p *letterPane) expectAnother() { p.seq++ }

// sender signs the letter: the profile, or a placeholder the proofreader flags while there
// is none, so that the letter shows what the app does before anything is filled in.
func (p *letterPane) sender() tracker.Profile {
	if strings.TrimSpace(p.app.profile.FullName) == "" {
		return tracker.Profile{FullName: senderPlaceholder, Email: p.app.profile.Email, Signature: p.app.profile.Signature}
	}
	return p.app.profile
}

// senderPlaceholder signs a letter written before the profile is filled in.
const senderPlaceholder = "[Your Name]"

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
	p.app.saveAside("Your letter was not saved", func(s *tracker.BoltStore) (tracker.Opportunity, error) {
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
	p.showSettings()
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

// refreshActions enables the send actions only when there is a letter to send. The menus,
// which offer the same actions, are told only when that changes.
func (p *letterPane) refreshActions() {
	ready := p.canSend()
	if text := markingOf(p.spec.Kind).button; text != p.declineBtn.Text {
		p.declineBtn.SetText(text)
		layOutAgain(p.writingWork, p.sendBar) // a longer name may need a row of its own
	}
	for _, b := range []*widget.Button{p.copyBtn, p.emlBtn, p.mailBtn, p.declineBtn} {
		if ready {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if ready != p.menusReady {
		p.menusReady = ready
		p.app.refreshMenus()
	}
}

// canSend reports whether there is a letter to send: one is written, and it is not the
// letter that already went out.
func (p *letterPane) canSend() bool {
	return p.shown != nil && p.wentOut == nil && p.rendered.Body != ""
}
