package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"github.com/declinedesk/declinedesk/internal/letter"
)

// stageText says which letter the stage suggests, and why.
func stageText(kind letter.Kind, why string) string {
	if kind == "" {
		return "No letter suggested: " + why + " You can still choose one."
	}
	return "Suggested for this stage. " + why
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
