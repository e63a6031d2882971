package ui

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/clip"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/draft"
	"github.com/declinedesk/declinedesk/internal/eml"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// marking is what the step after sending is called for one kind of letter.
type marking struct {
	button, title, explain string // explain has a %s for the opportunity
}

func markingOf(k letter.Kind) marking {
	switch k.OrDefault() {
	case letter.Withdraw:
		return marking{"Mark withdrawn…", "Mark as withdrawn?",
			"%s becomes “" + stage.Withdrawn.Label() + "”, today is recorded as your reply, and this letter is kept in its history."}
	case letter.KeepInTouch:
		return marking{"Record as sent…", "Record the note as sent?",
			"The note is kept in the history of %s, and the next keep-in-touch date moves on."}
	case letter.DeclineOffer:
		return marking{"Mark offer declined…", "Mark the offer as declined?",
			"%s becomes “" + stage.Declined.Label() + "”, today is recorded as your reply, and this letter is kept in its history."}
	}
	return marking{"Mark declined…", "Mark as declined?",
		"%s becomes “" + stage.Declined.Label() + "”, today is recorded as your reply, and this letter is kept in its history."}
}

// sent is the letter exactly as it leaves the app, for the history.
func (p *letterPane) sent() tracker.SentLetter {
	return tracker.SentLetter{To: p.rendered.To, Subject: p.rendered.Subject, Body: p.rendered.Body, Kind: p.spec.Kind.OrDefault()}
}

// waitForLetter puts off action until the letter on screen is rendered, when it is not yet:
// a key pressed right after another opportunity was selected acts on that one's letter.
// It reports whether the action was put off.
func (p *letterPane) waitForLetter(action func()) bool {
	if p.renderedSeq == p.seq {
		return false
	}
	p.pendingActions = append(p.pendingActions, action)
	return true
}

// ready reports whether there is a letter to send, saying why not when there is none.
func (p *letterPane) ready() bool {
	if p.shown == nil || p.wentOut != nil {
		return false
	}
	if p.rendered.Body == "" {
		p.app.showInformation("No letter yet", "Fix what the letter settings point out first.")
		return false
	}
	return true
}

// record adds a send event with the letter to the history; note is what the event keeps
// besides (the file's name of an .eml draft).
func (p *letterPane) record(kind tracker.EventKind, note string) {
	id, l := p.shown.ID, p.sent()
	p.app.save("The history was not updated", func(s *tracker.BoltStore) (tracker.Opportunity, error) {
		return s.AppendEvent(id, tracker.Event{Kind: kind, Note: note, Letter: &l})
	})
}

// onCopy puts the letter's body on the clipboard: the system's, so that it outlives the
// app, when a clipboard tool is there, else the window's own.
func (p *letterPane) onCopy() {
	if p.waitForLetter(p.onCopy) || !p.ready() {
		return
	}
	p.flush()
	text := p.rendered.Body
	done := func(err error) {
		if err != nil {
			p.app.showError("The letter was not copied", err)
			return
		}
		p.record(tracker.EventCopied, "")
		p.app.notify("Letter copied — paste it into your email. The subject is: " + p.rendered.Subject)
	}
	if sys, ok := p.app.clipboard.(clip.System); ok && sys.Available() {
		background(p.app.work, func() (struct{}, error) { return struct{}{}, sys.WriteText(text) },
			func(_ struct{}, err error) { done(err) })
		return
	}
	done(p.app.clipboard.WriteText(text))
}

// onExport saves the letter as an .eml draft that mail apps open ready to send.
func (p *letterPane) onExport() {
	if p.waitForLetter(p.onExport) || !p.ready() {
		return
	}
	p.flush()
	o, draft := p.shown, draftOf(p)
	if err := draft.Check(); err != nil {
		p.app.showError("The draft cannot be written", err)
		return
	}
	a := p.app
	a.askSavePath("Save as an email draft", eml.FileName(o.Company, o.Role), ".eml", "", func(path string) {
		background(a.work, func() (struct{}, error) {
			return struct{}{}, eml.WriteFile(path, draft, tracker.OutputGuard(a.dbPath))
		}, func(_ struct{}, err error) {
			if err != nil {
				a.showError("The draft was not written", err)
				return
			}
			name := filepath.Base(path)
			p.record(tracker.EventExported, name)
			a.notify("Draft saved as " + name + " — open it in your mail app to send it.")
			p.askWhetherSent("The draft is saved as " + name + ". Once you have sent it from your mail app, tick the letter as sent.")
		})
	})
}

// draftOf is the letter on screen as an email draft: for a record that came from a mail, a
// reply in its thread (package draft decides).
func draftOf(p *letterPane) eml.Draft {
	return draft.Email(p.shown, p.spec, p.rendered, p.app.now())
}

// onMail opens the letter in the default mail app through a mailto: link, which carries
// In-Reply-To for a record that came from a mail. A letter too long for a link is offered
// as an .eml draft or a copy instead: it would arrive cut short, or not at all.
func (p *letterPane) onMail() {
	if p.waitForLetter(p.onMail) || !p.ready() {
		return
	}
	p.flush()
	link := draft.Mailto(p.shown, p.spec, p.rendered)
	if !link.Fits() {
		p.offerOtherWays("The letter is too long for a mail link",
			fmt.Sprintf("Mail apps take a link of about %s characters; this letter makes one of %s, and would arrive cut short or not at all.",
				thousands(eml.MaxMailtoLength), thousands(len(link.URL())))+
				"\n\nSave it as an .eml draft, which your mail app opens ready to send"+replyWords(p)+", or copy it and paste it into your mail.")
		return
	}
	u, err := url.Parse(link.URL())
	if err == nil {
		err = p.app.openURL(u)
	}
	if err != nil {
		p.mailFailed(err)
		return
	}
	p.record(tracker.EventMailed, "")
	p.askWhetherSent("The letter is open in your mail app. Once you have sent it, tick it as sent.")
}

// onMarkSent records the letter as sent, as its kind says: status, reply date, the letter
// archived, and a date to keep in touch.
func (p *letterPane) onMarkSent() {
	if p.waitForLetter(p.onMarkSent) || !p.ready() {
		return
	}
	p.flush()
	o := p.shown
	order := p.app.dateOrder()
	followUp := newDateEntry(p.app, order)
	followUp.Validator = func(text string) error { _, err := day.Parse(text, order); return err }
	followUp.SetText(string(p.app.settings().KeepInTouchOn(p.app.today())))
	remind := widget.NewCheck("Remind me to keep in touch on", func(on bool) {
		if on {
			followUp.Enable()
		} else {
			followUp.Disable()
		}
	})
	remind.SetChecked(true)
	mark := markingOf(p.spec.Kind)
	intro := widget.NewLabel(fmt.Sprintf(mark.explain, o.Company+" — "+o.Role))
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(intro, container.NewBorder(nil, nil, remind, nil, followUp))
	d := dialog.NewCustomConfirm(mark.title, strings.TrimSuffix(mark.button, "…"), "Cancel", content, func(ok bool) {
		if !ok {
			return
		}
		date := day.Day("")
		if remind.Checked {
			var err error
			if date, err = day.Parse(followUp.Text, order); err != nil {
				p.app.showError("Nothing was changed", err)
				return
			}
		}
		id, l := o.ID, p.sent()
		p.app.save("Nothing was recorded", func(s *tracker.BoltStore) (tracker.Opportunity, error) {
			return s.MarkSent(id, l, date)
		})
	}, p.app.win)
	d.Resize(fyne.NewSize(520, 220))
	p.app.present(d)
	p.markFollowUp = followUp
}

// clipboardFor is where Copy puts text: the system clipboard through its tools when one is
// installed (the text then outlives the app), else the window's own clipboard.
func clipboardFor(fa fyne.App) clip.Writer {
	if sys := (clip.System{}); sys.Available() {
		return sys
	}
	return fyneClipboard{fa}
}

type fyneClipboard struct{ app fyne.App }

func (c fyneClipboard) WriteText(text string) error {
	c.app.Clipboard().SetContent(text)
	return nil
}

// mailFailed says that no mail app could be opened and offers the two ways that need none.
func (p *letterPane) mailFailed(err error) {
	p.offerOtherWays("The mail app could not be opened", "No mail app answered on this computer ("+err.Error()+").\n\n"+
		"Copy the letter and paste it into your mail, or save it as an .eml draft that your mail app opens.")
}

// offerOtherWays says why the letter cannot go to the mail app, and offers the two ways
// that need no link: a copy, and an .eml draft.
func (p *letterPane) offerOtherWays(title, why string) {
	msg := &widget.Label{Wrapping: fyne.TextWrapWord, Text: why}
	var d dialog.Dialog
	copyBtn := &widget.Button{Text: "Copy the letter", Icon: theme.ContentCopyIcon(), Importance: widget.HighImportance,
		OnTapped: func() { d.Hide(); p.onCopy() }}
	saveBtn := &widget.Button{Text: "Save as .eml…", Icon: theme.DocumentSaveIcon(), OnTapped: func() { d.Hide(); p.onExport() }}
	d = dialog.NewCustom(title, "Close", container.NewVBox(msg, container.NewHBox(copyBtn, saveBtn)), p.app.win)
	d.Resize(fyne.NewSize(520, 0))
	p.app.present(d)
}

// replyWords says, for a letter that answers a mail in its thread, that the draft does.
func replyWords(p *letterPane) string {
	if draft.Thread(p.shown).IsReply() {
		return " as a reply in the mail's thread"
	}
	return ""
}

// askWhetherSent asks, after the letter left for the mail app, whether it went out: only
// the user can tick "letter sent".
func (p *letterPane) askWhetherSent(msg string) {
	o := p.shown
	if o == nil || o.After[stage.StepLetterSent] {
		return
	}
	id := o.ID
	d := dialog.NewConfirm("Did the letter go out?", msg, func(sent bool) {
		if sent {
			p.app.save("The step was not saved", func(s *tracker.BoltStore) (tracker.Opportunity, error) {
				return s.SetAfterStep(id, stage.StepLetterSent, true)
			})
		}
	}, p.app.win)
	d.SetConfirmText("It is sent")
	d.SetDismissText("Not yet")
	p.app.present(d)
}
