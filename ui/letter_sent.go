package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/draft"
	"github.com/declinedesk/declinedesk/internal/followup"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// The Letter tab once a letter went out: that letter as it was sent, the steps after it,
// and the next letter the stage calls for — never the same decision again.

// buildSentView makes the view of the letter that went out.
func (p *letterPane) buildSentView() fyne.CanvasObject {
	p.sentTitle = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	p.sentHeading = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.sentBody = widget.NewRichText()
	p.sentBody.Wrapping = fyne.TextWrapWord
	p.sentScroll = container.NewVScroll(p.sentBody)
	p.nextBtn = &widget.Button{Text: "Write the keep-in-touch note", Icon: theme.MailComposeIcon(), OnTapped: p.onWriteKeepInTouch}
	due := &widget.Label{Text: "Your keep-in-touch follow-up is due: a short, friendly note keeps the door open.", Wrapping: fyne.TextWrapWord}
	p.keepInTouch = container.NewBorder(nil, nil, widget.NewIcon(theme.MailComposeIcon()), nil, due)
	p.keepInTouch.Hide()
	p.after = p.newAfterChecklist()
	bottom := container.NewVBox(widget.NewSeparator(), p.after, p.keepInTouch, container.NewHBox(p.nextBtn))
	return container.NewBorder(container.NewVBox(p.sentHeading, p.sentTitle), bottom, nil, nil, p.sentScroll)
}

// showSent shows the letter that went out, with next the letter the stage calls for now;
// sent nil goes back to writing.
func (p *letterPane) showSent(sent *tracker.SentLetter, next letter.Kind) {
	p.wentOut = sent
	if sent == nil {
		p.sentView.Hide()
		p.showWriting(true)
		return
	}
	p.showWriting(false)
	when := ""
	for i := len(p.shown.History) - 1; i >= 0; i-- {
		if e := p.shown.History[i]; e.Kind == tracker.EventSent && e.Letter != nil && *e.Letter == *sent {
			when = " on " + day.Of(e.At.In(p.app.now().Location())).Format(day.Short)
			break
		}
	}
	p.sentHeading.SetText(p.heading.Text)
	p.sentTitle.SetText("This letter went out" + when + ". It is kept in the history.")
	head := "Subject: " + sent.Subject
	if sent.To != "" {
		head = "To: " + sent.To + "\n" + head
	}
	p.sentBody.ParseMarkdown("") // clear
	p.sentBody.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: head},
		&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: sent.Body},
	}
	p.sentBody.Refresh()
	p.sentScroll.ScrollToTop()
	due := next == letter.KeepInTouch && followup.KeepInTouchDue(p.shown, p.app.today())
	switch {
	case due:
		p.keepInTouch.Show()
		p.nextBtn.Importance = widget.HighImportance
		p.nextBtn.SetText("Write the keep-in-touch note")
		p.nextBtn.Show()
	case next == letter.KeepInTouch:
		p.keepInTouch.Hide()
		p.nextBtn.Importance = widget.LowImportance
		p.nextBtn.SetText("Write a keep-in-touch note now")
		p.nextBtn.Show()
	default:
		p.keepInTouch.Hide()
		p.nextBtn.Hide()
	}
	p.nextBtn.Refresh()
	p.sentView.Show()
}

// showWriting shows the writing part of the tab — settings, editor, letter as sent, send
// bar — or hides it for the view of a letter that went out.
func (p *letterPane) showWriting(on bool) {
	for _, o := range []fyne.CanvasObject{p.writing, p.sendBar} {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
	if !on {
		p.viewRow.Hide()
		p.changedBox.Hide()
	} else if p.narrow {
		p.viewRow.Show()
	}
}

// onWriteKeepInTouch turns to the keep-in-touch note. The letter sent before is kept in
// the history, so nothing is lost.
func (p *letterPane) onWriteKeepInTouch() {
	o := p.shown
	if o == nil {
		return
	}
	l := draft.For(o, draft.Request{Sender: p.sender(), Kind: letter.KeepInTouch, Today: p.app.today()})
	p.spec = l.Spec
	p.noLetter = false
	p.showSent(nil, "")
	p.fillSettings()
	p.refreshNow()
	p.scheduleSave()
	p.app.win.Canvas().Focus(p.editor)
}

// newAfterChecklist builds the after-declining checklist, shown once the opportunity is
// declined.
func (p *letterPane) newAfterChecklist() *fyne.Container {
	p.afterTitle = &widget.Label{Text: "After declining", TextStyle: fyne.TextStyle{Bold: true}}
	box := container.NewVBox(p.afterTitle)
	grid := container.NewGridWithColumns(2)
	for _, s := range stage.AfterSteps {
		step := s.Step
		c := widget.NewCheck(s.Label, func(done bool) { p.onAfterStep(step, done) })
		p.afterChecks[step] = c
		grid.Add(c)
	}
	p.followUp = &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	box.Add(grid)
	box.Add(p.followUp)
	box.Hide()
	return box
}

func (p *letterPane) refreshAfter() {
	o := p.shown
	if o == nil || !o.Status.Declined() {
		p.after.Hide()
		return
	}
	if o.Status == stage.Withdrawn {
		p.afterTitle.SetText("After withdrawing")
	} else {
		p.afterTitle.SetText("After declining")
	}
	p.quiet = true
	for step, c := range p.afterChecks {
		c.SetChecked(o.After[step])
	}
	p.quiet = false
	switch {
	case o.FollowUpOn == "":
		p.followUp.SetText("Update your job-search status on LinkedIn and other profiles. No keep-in-touch date is set; add a follow-up date in the tracker to be reminded.")
	case o.FollowUpOn < p.app.today():
		p.followUp.SetText("Keep in touch: the follow-up date " + o.FollowUpOn.Format(day.Short) + " has passed — a short note now keeps the door open.")
	default:
		p.followUp.SetText("Keep in touch: follow up on " + o.FollowUpOn.Format(day.Short) + " (change it with Edit in the tracker).")
	}
	p.after.Show()
}

func (p *letterPane) onAfterStep(step stage.AfterStep, done bool) {
	if p.quiet || p.shown == nil {
		return
	}
	id := p.shown.ID
	p.app.save("The checklist was not saved", func(s *tracker.BoltStore) (tracker.Opportunity, error) {
		return s.SetAfterStep(id, step, done)
	})
}
