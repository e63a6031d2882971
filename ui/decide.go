package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/clock"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// noteSaveDelay is how long typing in a note must pause before the note is saved.
const noteSaveDelay = 600 * time.Millisecond

// decidePane is the Decide tab of the workspace: the checklist to weigh an invitation before declining,
// its summary and suggestion, and the way on to the letter.
type decidePane struct {
	app *App

	heading  *widget.Label
	badge    *widget.Label
	badgeIco *widget.Icon
	sections *widget.Accordion
	rows     map[string]*checkRow
	counts   []*widget.Label // one per section, in the summary
	verdict  *widget.Label
	scroll   *container.Scroll // the checklist; back at the top for each new opportunity
	why      *widget.Label
	decline  *widget.Button
	proceed  *widget.Button
	actions  *fyne.Container // the two buttons
	column   *fyne.Container // the checklist, the summary and the buttons
	frame    *paneFrame
	content  fyne.CanvasObject

	shown     *tracker.Opportunity
	answers   checklist.Answers // what is on screen, saved or about to be
	unsaved   bool
	noteTimer clock.Timer
}

// checkRow is one item: what to weigh, where to look, the three answers and a note, which
// stays folded away until it is wanted.
type checkRow struct {
	item    checklist.Item
	choice  *choiceGroup
	note    *entry
	wheel   *wheelToPage // over the note, so that the wheel scrolls the checklist
	addNote *revealingButton
}

// showNote unfolds the note field when asked for or when it holds a note.
func (r *checkRow) showNote(show bool) {
	if show || r.note.Text != "" {
		r.note.Show()
		r.wheel.Show()
		r.addNote.Hide()
	} else {
		r.note.Hide()
		r.wheel.Hide()
		r.addNote.Show()
	}
}

func newDecidePane(a *App) *decidePane {
	p := &decidePane{app: a, rows: map[string]*checkRow{}}
	p.frame = newPaneFrame(theme.QuestionIcon(), "Decide before you decline",
		"Pick an opportunity in the tracker. This checklist walks you through the role, the company and your own path, "+
			"then suggests whether to go ahead or to decline — and says why.", p.build)
	p.content = p.frame.content()
	return p
}

// build makes the checklist's widgets, the first time an opportunity is shown.
func (p *decidePane) build() fyne.CanvasObject {
	p.heading = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameSubHeadingText}
	p.badge = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.badgeIco = widget.NewIcon(theme.HistoryIcon())

	var labels []string
	for _, c := range checklist.Choices {
		labels = append(labels, c.Label())
	}
	p.sections = widget.NewAccordion()
	p.sections.MultiOpen = true
	for _, sec := range checklist.Sections() {
		box := container.NewVBox(&widget.Label{Text: sec.Intro, Wrapping: fyne.TextWrapWord})
		for _, it := range sec.Items {
			r := &checkRow{item: it}
			r.choice = newChoiceGroup(labels)
			r.choice.OnChanged = func(string) { p.onChoice(r) }
			r.choice.onFocus = func() { p.reveal(r.choice) }
			r.note = newEntry(p.app)
			r.note.PlaceHolder = "Note (optional)"
			r.note.onFocus = func() { p.reveal(r.note) }
			r.note.OnChanged = func(string) { p.onNote(r) }
			r.wheel = newWheelToPage()
			r.addNote = newRevealingButton(func(b fyne.CanvasObject) { p.reveal(b) })
			r.addNote.Icon, r.addNote.Importance = theme.DocumentCreateIcon(), widget.LowImportance
			r.addNote.OnTapped = func() {
				r.showNote(true)
				p.sections.Refresh() // the accordion keeps its size until told
				p.app.win.Canvas().Focus(r.note)
			}
			r.showNote(false)
			p.rows[it.ID] = r
			box.Add(widget.NewSeparator())
			box.Add(container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()),
				&widget.Label{Text: it.Text, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord},
				&widget.Label{Text: it.Hint, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}))
			box.Add(container.NewBorder(nil, nil, nil, r.addNote, r.choice))
			box.Add(container.NewStack(r.note, r.wheel))
		}
		p.sections.Append(widget.NewAccordionItem(sec.Title, box))
	}
	p.sections.OpenAll()

	// Each section's count on one line under its title: never wrapped, so never taller.
	for range checklist.Sections() {
		p.counts = append(p.counts, &widget.Label{SizeName: theme.SizeNameCaptionText})
	}
	var countCells []fyne.CanvasObject
	for _, c := range p.counts {
		countCells = append(countCells, c)
	}
	p.verdict = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	p.why = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.decline = &widget.Button{Text: "Decline — write the letter", Icon: theme.MailComposeIcon(), OnTapped: p.onDecline}
	p.proceed = &widget.Button{Text: "Proceed", Icon: theme.ConfirmIcon(), OnTapped: p.onProceed}
	// The summary keeps one height whatever it says, so that answering never moves the
	// checklist: the suggestion and its reasons get three lines and scroll when they need
	// more.
	tight := func(objs ...fyne.CanvasObject) *fyne.Container {
		return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), objs...)
	}
	threeLines := tight(&widget.Label{Text: "1", TextStyle: fyne.TextStyle{Bold: true}}, &widget.Label{Text: "2\n3"})
	summary := container.NewVBox(
		widget.NewSeparator(),
		container.NewGridWithColumns(3, countCells...),
		container.New(likeTemplate{template: threeLines, fixedHeight: true}, container.NewVScroll(tight(p.verdict, p.why))),
	)
	// The two buttons share a row, or take one each where the pane is narrow; the row stays
	// when a settled stage has none.
	p.actions = container.New(flowLayout{fill: true, width: new(float32), least: p.proceed}, p.decline, p.proceed)

	// The heading, the badge and the sections scroll as one page, and the wheel scrolls it
	// wherever the pointer is.
	header := container.NewVBox(p.heading, container.NewBorder(nil, nil, p.badgeIco, nil, p.badge))
	p.scroll = container.NewVScroll(container.NewVBox(header, p.sections))
	for _, r := range p.rows {
		r.wheel.scroll = p.scroll
	}
	p.column = container.New(columnLayout{grow: 0}, p.scroll, summary, p.actions)
	return p.column
}

// reveal scrolls the checklist so that o, which has just got the keyboard focus, is in view:
// Fyne does not, and a focus out of sight is no focus at all.
func (p *decidePane) reveal(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(p.scroll.Content).Y
	bottom, view := top+o.Size().Height, p.scroll.Size().Height
	pad := 2 * theme.Padding()
	switch {
	case top < p.scroll.Offset.Y:
		p.scroll.ScrollToOffset(fyne.NewPos(0, max(top-pad, 0)))
	case bottom > p.scroll.Offset.Y+view:
		p.scroll.ScrollToOffset(fyne.NewPos(0, bottom-view+pad))
	}
}

// revealingButton is a button that says when it gets the keyboard focus.
type revealingButton struct {
	widget.Button
	onFocus func(fyne.CanvasObject)
}

func newRevealingButton(onFocus func(fyne.CanvasObject)) *revealingButton {
	b := &revealingButton{onFocus: onFocus}
	b.ExtendBaseWidget(b)
	return b
}

func (b *revealingButton) FocusGained() {
	b.Button.FocusGained()
	b.onFocus(b)
}

// wheelToPage lies over a field and hands the mouse wheel to the page around it: a text
// field scrolls its own text, and would otherwise stop the page under the pointer. Taps,
// hovers and drags go through to the field.
type wheelToPage struct {
	widget.BaseWidget
	scroll *container.Scroll
}

func newWheelToPage() *wheelToPage {
	w := &wheelToPage{}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelToPage) Scrolled(e *fyne.ScrollEvent) {
	if w.scroll != nil {
		w.scroll.Scrolled(e)
	}
}

func (w *wheelToPage) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// show puts o on screen. The same opportunity again (after a save) only refreshes the
// header, so that nothing typed meanwhile is overwritten.
func (p *decidePane) show(o *tracker.Opportunity) {
	same := o != nil && p.shown != nil && o.ID == p.shown.ID
	p.shown = o
	p.frame.showWork(o != nil)
	if o == nil {
		return
	}
	p.heading.SetText(o.Company + " — " + o.Role)
	p.showTiming(o)
	p.showActions(o.Status)
	if same {
		p.refreshSummary() // the stage may have moved on
		return
	}
	p.answers = checklist.Answers{}
	for id, a := range o.Checklist {
		p.answers[id] = a
	}
	for id, r := range p.rows {
		a := p.answers[id]
		r.choice.OnChanged = nil // putting answers on screen is not answering
		r.choice.SetSelected(a.Choice.Label())
		r.choice.OnChanged = func(string) { p.onChoice(r) }
		r.note.OnChanged = nil
		r.note.SetText(a.Note)
		r.note.OnChanged = func(string) { p.onNote(r) }
		r.showNote(false)
	}
	p.unsaved = false
	p.refreshSummary()
	p.scroll.ScrollToTop()
}

func (p *decidePane) showTiming(o *tracker.Opportunity) {
	b := stageBadge(o, p.app.today())
	p.badge.SetText(b.Text)
	switch b.Urgency {
	case checklist.Now:
		p.badge.Importance = widget.DangerImportance
		p.badgeIco.SetResource(theme.NewErrorThemedResource(theme.HistoryIcon()))
	case checklist.Soon:
		p.badge.Importance = widget.WarningImportance
		p.badgeIco.SetResource(theme.NewWarningThemedResource(theme.HistoryIcon()))
	default:
		p.badge.Importance = widget.MediumImportance
		p.badgeIco.SetResource(theme.HistoryIcon())
	}
	p.badge.Refresh()
}

func (p *decidePane) onChoice(r *checkRow) {
	a := p.answers[r.item.ID]
	a.Choice = ""
	for _, c := range checklist.Choices {
		if c.Label() == r.choice.Selected {
			a.Choice = c
		}
	}
	p.answers[r.item.ID] = a
	p.refreshSummary()
	p.save()
}

func (p *decidePane) onNote(r *checkRow) {
	a := p.answers[r.item.ID]
	a.Note = r.note.Text
	p.answers[r.item.ID] = a
	p.unsaved = true
	if p.noteTimer != nil {
		p.noteTimer.Stop()
	}
	p.noteTimer = p.app.clock.AfterFunc(noteSaveDelay, func() { p.app.work.toUI(p.flush) })
}

// flush saves the answers if a note is waiting to be saved.
func (p *decidePane) flush() {
	if p.unsaved {
		p.save()
	}
}

// save stores a copy of the answers off the UI goroutine.
func (p *decidePane) save() {
	if p.shown == nil {
		return
	}
	if p.noteTimer != nil {
		p.noteTimer.Stop()
	}
	p.unsaved = false
	id, snapshot := p.shown.ID, checklist.Answers{}
	for k, v := range p.answers {
		snapshot[k] = v
	}
	p.app.save("Your checklist answers were not saved", func(s *tracker.BoltStore) (tracker.Opportunity, error) {
		return s.SaveChecklist(id, snapshot)
	})
}

// leave saves what is pending before another opportunity is shown or the window closes.
func (p *decidePane) leave() { p.flush() }

func (p *decidePane) summary() checklist.Summary { return checklist.Summarize(p.answers) }

// answersFor is the checklist as answered on screen for opportunity id, nil when the pane
// shows another one.
func (p *decidePane) answersFor(id uint64) checklist.Answers {
	if p.shown == nil || p.shown.ID != id {
		return nil
	}
	return p.answers
}

func (p *decidePane) refreshSummary() {
	s := p.summary()
	// Once the decision is made there is nothing left to answer: the sections are not
	// counted as unanswered, and the summary says where the opportunity stands.
	settled := p.shown != nil && p.shown.Status.Question() == stage.Nothing
	for i, c := range s.Sections {
		total := len(c.Section.Items)
		if settled {
			p.counts[i].SetText(c.Section.Title + "\n" + settledCountText(c))
			p.sections.Items[i].Title = c.Section.Title
			continue
		}
		p.counts[i].SetText(c.Section.Title + "\n" + countText(c))
		p.sections.Items[i].Title = fmt.Sprintf("%s  ·  %d of %d answered", c.Section.Title, total-c.Missed, total)
	}
	p.sections.Refresh()
	switch {
	case settled:
		p.verdict.SetText("Settled: " + p.shown.Status.Label())
		p.verdict.Importance = widget.MediumImportance
	case s.Suggestion == checklist.Decline:
		p.verdict.SetText("Suggestion: decline")
		p.verdict.Importance = widget.WarningImportance
	case s.Suggestion == checklist.Proceed:
		p.verdict.SetText("Suggestion: go ahead with the interview")
		p.verdict.Importance = widget.SuccessImportance
	default:
		p.verdict.SetText("No suggestion yet")
		p.verdict.Importance = widget.MediumImportance
	}
	p.verdict.Refresh()
	switch {
	case settled && s.Answered > 0:
		p.why.SetText("Your answers stay here, for the record.")
	case settled:
		p.why.SetText("")
	default:
		p.why.SetText(s.Why)
	}
	p.decline.Importance = widget.MediumImportance
	p.proceed.Importance = widget.MediumImportance
	switch s.Suggestion {
	case checklist.Decline:
		p.decline.Importance = widget.HighImportance
	case checklist.Proceed:
		p.proceed.Importance = widget.HighImportance
	}
	p.decline.Refresh()
	p.proceed.Refresh()
}

// settledCountText is a section's answers once the decision is made: what was found, not
// what is missing.
func settledCountText(c checklist.SectionCount) string {
	parts := doubts(c)
	if c.Fits > 0 {
		parts = append(parts, fmt.Sprintf("%d fit", c.Fits))
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, " · ")
}

// doubts counts a section's concerns and the answers left unsure.
func doubts(c checklist.SectionCount) []string {
	var parts []string
	if c.Concerns > 0 {
		parts = append(parts, plural(c.Concerns, "concern", "concerns"))
	}
	if c.Unsure > 0 {
		parts = append(parts, fmt.Sprintf("%d unsure", c.Unsure))
	}
	return parts
}

func countText(c checklist.SectionCount) string {
	parts := doubts(c)
	switch {
	case len(parts) > 0:
		return strings.Join(parts, " · ")
	case c.Missed == len(c.Section.Items):
		return "not answered"
	case c.Missed > 0:
		return "fits so far"
	}
	return "all fit"
}

// onDecline goes on to the letter, with the reason the concerns point to.
func (p *decidePane) onDecline() {
	if p.shown == nil {
		return
	}
	p.flush()
	p.app.writeLetter(letter.Reason(p.summary().Reason))
}

// stageBadge is the timing nudge for where o stands: how soon to answer an invitation,
// that an offer waits for an answer, or that nothing is pending.
func stageBadge(o *tracker.Opportunity, today day.Day) checklist.Badge {
	switch o.Status.Question() {
	case stage.AboutInterview:
		return checklist.Timing(checklist.Dates{Invited: o.InvitedOn.Time(), Interview: o.InterviewOn.Time(), Responded: o.RespondedOn.Time()}, today.Time())
	case stage.AboutOffer:
		return checklist.Badge{Text: "They made you an offer: whichever way you decide, a prompt answer is a courtesy.", Urgency: checklist.Soon}
	case stage.AboutApplying:
		return checklist.Badge{Text: "No interview yet: if you have changed your mind, withdrawing now spares everyone time.", Urgency: checklist.Calm}
	}
	if o.Status.Declined() {
		if !o.RespondedOn.IsZero() {
			return checklist.Badge{Text: "You replied on " + o.RespondedOn.Format(day.Short) + ". What is left is in the after-steps of the Letter tab."}
		}
		return checklist.Badge{Text: "You have answered this one. What is left is in the after-steps of the Letter tab."}
	}
	return checklist.Badge{Text: "This one is settled (" + o.Status.Label() + "): there is nothing to decide."}
}

// stageActions are the Decide pane's two buttons for where o stands: what declining means
// and what going ahead means, or none once it is settled.
func stageActions(s stage.Status) (decline, proceed string) {
	switch s.Question() {
	case stage.AboutInterview:
		return "Decline — write the letter", "Go ahead with the interview"
	case stage.AboutOffer:
		return "Decline the offer — write the letter", "Accept the offer"
	case stage.AboutApplying:
		return "Withdraw — write the letter", ""
	}
	return "", ""
}

// showActions labels the two buttons for the stage, hiding what does not apply.
func (p *decidePane) showActions(s stage.Status) {
	decline, proceed := stageActions(s)
	for _, b := range []struct {
		btn  *widget.Button
		text string
	}{{p.decline, decline}, {p.proceed, proceed}} {
		b.btn.SetText(b.text)
		if b.text == "" {
			b.btn.Hide()
		} else {
			b.btn.Show()
		}
	}
	layOutAgain(p.column, p.actions) // other names may need other rows
}

// onProceed offers to move the opportunity on: to the interview, or to the new job.
func (p *decidePane) onProceed() {
	o := p.shown
	if o == nil {
		return
	}
	p.flush()
	next, title := o.Status.GoAhead(), "Go ahead with the interview?"
	if o.Status.Question() == stage.AboutOffer {
		title = "Accept the offer?"
	}
	if next == "" {
		return
	}
	if o.Status == next {
		p.app.showInformation("Good luck!", "It is already marked “"+next.Label()+"”.")
		return
	}
	d := dialog.NewConfirm(title,
		fmt.Sprintf("Set %s — %s to “%s”? The change is kept in its history.", o.Company, o.Role, next.Label()),
		func(ok bool) {
			if ok {
				changed := *o
				changed.Status = next
				saveOpportunity(p.app, changed)
			}
		}, p.app.win)
	d.SetConfirmText("Set status")
	d.SetDismissText("Not now")
	p.app.present(d)
}
