package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
)

func optionLabels[T ~string](opts []letter.Option[T]) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Label
	}
	return out
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
	note := "Written from the settings; edit it freely."
	if p.spec.Body != "" {
		note = "Edited by you: settings no longer rewrite it."
	}
	if p.editedNote.Text != note { // not a refresh a keystroke
		p.editedNote.SetText(note)
		if p.spec.Body != "" {
			p.rewrite.Enable()
		} else {
			p.rewrite.Disable()
		}
	}
}

// readSettings takes the settings into p.spec, leaving the body alone.
func (p *letterPane) readSettings() {
	s := &p.spec
	s.RecipientName, s.RecipientEmail = strings.TrimSpace(p.recipient.Text), strings.TrimSpace(p.recipientEmail.Text)
	s.Reason = idOf(letter.Reasons, p.reason.Selected)
	s.ReasonText = strings.TrimSpace(p.reasonText.Text)
	s.Alternative = idOf(letter.Alternatives, p.alternative.Selected)
	s.AlternativeDate = strings.TrimSpace(p.altDate.Text)
	if d, err := day.Parse(s.AlternativeDate, p.app.dateOrder()); err == nil && d != "" {
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
