package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// profileForm asks who the user is; every letter is signed with it.
type profileForm struct {
	name, email, signature *entry
	form                   *widget.Form
	saveBtn                *widget.Button
	dialog                 *dialog.CustomDialog
}

// showProfile opens the profile form. welcome is true on first run.
func showProfile(a *App, welcome bool) *profileForm {
	f := &profileForm{name: newEntry(a), email: newEntry(a), signature: newEntry(a)}
	// Filled before the validators are set, so that an empty form does not greet the user
	// with errors before anything was typed.
	p := a.profile
	f.name.SetText(p.FullName)
	f.email.SetText(p.Email)
	f.signature.SetText(p.Signature)
	f.name.PlaceHolder = "First and last name"
	f.name.Validator = func(s string) error {
		if len(strings.Fields(s)) < 2 {
			return errors.New("enter your first and last name")
		}
		return nil
	}
	f.email.PlaceHolder = "you@example.com"
	f.email.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("enter your email address")
		}
		return tracker.CheckEmail(s)
	}
	f.signature.PlaceHolder = "Optional, e.g. Senior Go Engineer · +1 555 0100"

	intro := widget.NewLabel("Your letters are signed with this. It stays on this computer.")
	if welcome {
		intro.SetText("Welcome to Decline Desk. Before your first letter: who is writing? " +
			"Your name signs every letter and your address goes in the From line of exported drafts. It stays on this computer.")
	}
	intro.Wrapping = fyne.TextWrapWord
	f.form = &widget.Form{
		Items: []*widget.FormItem{
			{Text: "Full name", Widget: f.name, Required: true},
			{Text: "Email", Widget: f.email, Required: true},
			{Text: "Signature line", Widget: f.signature, HintText: "Shown under your name"},
		},
	}
	// The buttons are the dialog's, centred as in every dialog, not the form's. Save waits
	// for a name and an address that will do.
	f.saveBtn = &widget.Button{Text: "Save", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: func() { f.save(a) }}
	cancel := &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: func() { f.dialog.Hide() }}
	if welcome {
		cancel.SetText("Later")
	}
	ready := func() bool { return f.name.Validator(f.name.Text) == nil && f.email.Validator(f.email.Text) == nil }
	for _, e := range []*entry{f.name, f.email, f.signature} {
		e.OnChanged = func(string) {
			if ready() {
				f.saveBtn.Enable()
			} else {
				f.saveBtn.Disable()
			}
		}
		e.OnSubmitted = func(string) {
			if ready() {
				f.save(a)
			}
		}
	}
	f.name.OnChanged("")
	title := "Your profile"
	if welcome {
		title = "Welcome"
	}
	f.dialog = dialog.NewCustomWithoutButtons(title, container.NewBorder(intro, dialogButtons(cancel, f.saveBtn), nil, nil, f.form), a.win)
	f.dialog.Resize(fyne.NewSize(520, 320))
	a.present(f.dialog)
	a.win.Canvas().Focus(f.name)
	return f
}

func (f *profileForm) save(a *App) {
	p := tracker.Profile{FullName: strings.TrimSpace(f.name.Text), Email: strings.TrimSpace(f.email.Text), Signature: strings.TrimSpace(f.signature.Text)}
	background(a.work, func() (struct{}, error) { return struct{}{}, a.store.SaveProfile(p) }, func(_ struct{}, err error) {
		if err != nil {
			a.showError("Your profile was not saved", err)
			return
		}
		f.dialog.Hide()
		a.profile = p
		a.letter.profileChanged()
	})
}
