package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// opportunityForm adds or edits an opportunity. Its fields are the field table's
// (tracker.Fields), each checked as it is typed by the same check the store makes; a
// duplicate of a tracked opportunity is shown before anything is saved.
type opportunityForm struct {
	app     *App
	editing *tracker.Opportunity // nil when adding

	entries      map[string]*entry // by field name
	status       *widget.Select
	form         *widget.Form
	submitBtn    *widget.Button
	duplicate    *widget.Label
	duplicateBox *fyne.Container
	showExisting *widget.Button
	saveAnyway   *widget.Button
	dialog       *dialog.CustomDialog

	existing []tracker.Opportunity // the duplicates last found
}

func showOpportunityForm(a *App, editing *tracker.Opportunity) *opportunityForm {
	f := &opportunityForm{app: a, editing: editing, entries: map[string]*entry{}}
	order := a.dateOrder()
	var labels []string
	for _, s := range stage.Statuses() {
		labels = append(labels, s.Label())
	}
	f.status = widget.NewSelect(labels, nil)
	f.status.SetSelected(stage.Saved.Label())
	f.form = &widget.Form{}
	for _, fd := range tracker.Fields() {
		if !fd.Editable() {
			continue
		}
		if fd.Kind == tracker.KindStatus {
			f.form.Items = append(f.form.Items, &widget.FormItem{Text: fd.Label, Widget: f.status})
			continue
		}
		var e *entry
		switch fd.Kind {
		case tracker.KindLongText:
			e = newMultiLineEntry(a)
			e.SetMinRowsVisible(3)
		case tracker.KindDay:
			e = newDateEntry(a, order)
		default:
			e = newEntry(a)
			e.PlaceHolder = fd.Placeholder
			e.OnSubmitted = func(string) { f.submit(false) } // Enter saves, as in any dialog
		}
		e.Validator = func(text string) error { return fd.Check(text, order) }
		if editing != nil {
			e.SetText(fd.EditText(editing))
		}
		f.entries[fd.Name] = e
		f.form.Items = append(f.form.Items, &widget.FormItem{Text: fd.Label, Widget: e, Required: fd.Required, HintText: fd.Hint})
	}
	if editing != nil {
		f.status.SetSelected(editing.Status.Label())
	}
	// The buttons sit under the scrolling fields, not in the form: an error under a field
	// or the duplicate warning can never push them out of the dialog.
	f.submitBtn = &widget.Button{Text: "Add", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: func() { f.submit(false) }}
	cancel := &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: func() { f.dialog.Hide() }}
	title := "New opportunity"
	if editing != nil {
		title = "Edit " + editing.Company + " — " + editing.Role
		f.submitBtn.SetText("Save")
	}

	f.duplicate = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	f.showExisting = &widget.Button{Text: "Show it", OnTapped: f.onShowExisting}
	f.saveAnyway = &widget.Button{Text: "Save anyway", Importance: widget.LowImportance, OnTapped: func() { f.submit(true) }}
	f.duplicateBox = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, f.duplicate),
		container.NewHBox(f.showExisting, f.saveAnyway),
	)
	f.duplicateBox.Hide()

	// Add waits for every required field, and for every field to be valid.
	var invalid error
	var required []*entry
	for _, fd := range tracker.Fields() {
		if e := f.entries[fd.Name]; e != nil && fd.Required {
			required = append(required, e)
		}
	}
	ready := func() {
		missing := false
		for _, e := range required {
			missing = missing || strings.TrimSpace(e.Text) == ""
		}
		if invalid != nil || missing {
			f.submitBtn.Disable()
		} else {
			f.submitBtn.Enable()
		}
	}
	f.form.SetOnValidationChanged(func(err error) { invalid = err; ready() })
	for _, e := range required {
		e.OnChanged = func(string) { ready() }
	}
	ready()
	buttons := dialogButtons(cancel, f.submitBtn)
	content := container.NewBorder(f.duplicateBox, buttons, nil, nil, container.NewVScroll(f.form))
	f.dialog = dialog.NewCustomWithoutButtons(title, content, a.win)
	f.dialog.Resize(fyne.NewSize(560, min(760, a.win.Canvas().Size().Height-40)))
	a.presentWith(f.dialog, func() { f.submit(false) })
	a.win.Canvas().Focus(f.entry("company"))
	return f
}

// entry is the form's entry for the field called name.
func (f *opportunityForm) entry(name string) *entry { return f.entries[name] }

// newDateEntry is a text field for a day — written YYYY-MM-DD, or with slashes in the order
// the user writes dates — with a calendar to pick it from.
func newDateEntry(a *App, order day.Order) *entry {
	e := newEntry(a)
	switch order {
	case day.DayFirst:
		e.PlaceHolder = "YYYY-MM-DD or D/M/YYYY"
	case day.MonthFirst:
		e.PlaceHolder = "YYYY-MM-DD or M/D/YYYY"
	default:
		e.PlaceHolder = "YYYY-MM-DD"
	}
	var pick *widget.Button
	pick = &widget.Button{Icon: theme.CalendarIcon(), Importance: widget.LowImportance, OnTapped: func() {
		start := a.now()
		if d, err := day.Parse(e.Text, order); err == nil && d != "" {
			start = d.Time()
		}
		var pop *widget.PopUp
		choose := func(t time.Time) {
			e.SetText(string(day.Of(t)))
			pop.Hide()
		}
		cal := widget.NewCalendar(start, choose)
		// Fyne's calendar does not mark today, so the picker says which day it is.
		today := &widget.Button{Text: "Today, " + a.today().Format(day.Short), Icon: theme.CalendarIcon(),
			Importance: widget.LowImportance, OnTapped: func() { choose(a.now()) }}
		pop = widget.NewPopUp(container.NewBorder(today, nil, nil, nil, cal), a.win.Canvas())
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(pick)
		a.popUp = pop
		pop.ShowAtPosition(pos.Add(fyne.NewPos(-pop.Content.MinSize().Width+pick.Size().Width, pick.Size().Height)))
	}}
	e.ActionItem = pick
	return e
}

// read collects the fields into an opportunity, each read as the field table reads it.
func (f *opportunityForm) read() tracker.Opportunity {
	var o tracker.Opportunity
	if f.editing != nil {
		o = *f.editing
	}
	order := f.app.dateOrder()
	for _, fd := range tracker.Fields() {
		if e := f.entries[fd.Name]; e != nil {
			_ = fd.SetText(&o, e.Text, order) // the validators already refused what does not read
		}
	}
	for _, s := range stage.Statuses() {
		if s.Label() == f.status.Selected {
			o.Status = s
		}
	}
	o.Normalize()
	return o
}

// submit saves the form. Unless anyway is set, a duplicate is shown instead of saved.
func (f *opportunityForm) submit(anyway bool) {
	if err := f.form.Validate(); err != nil {
		return
	}
	o := f.read()
	a := f.app
	f.submitBtn.Disable()
	background(a.work, func() (tracker.Opportunity, error) {
		if f.editing != nil {
			return a.store.Update(o, anyway)
		}
		return a.store.Add(o, anyway)
	}, func(saved tracker.Opportunity, err error) {
		f.submitBtn.Enable()
		var dup *tracker.DuplicateError
		switch {
		case errors.As(err, &dup):
			f.showDuplicate(dup.Existing)
		case err != nil:
			a.showError("The opportunity was not saved", err)
		default:
			f.dialog.Hide()
			a.saved(saved)
			if f.editing == nil {
				a.selectOpportunity(saved.ID)
			}
		}
	})
}

func (f *opportunityForm) showDuplicate(existing []tracker.Opportunity) {
	f.existing = existing
	e := existing[0]
	msg := fmt.Sprintf("You already track %s — %s (%s", e.Company, e.Role, e.Status.Label())
	if e.RespondedOn != "" {
		msg += ", responded " + e.RespondedOn.Format(day.Short)
	}
	msg += ")."
	if e.Status.Declined() {
		msg += " You turned this one down before — check before applying again."
	}
	if len(existing) > 1 {
		msg += fmt.Sprintf(" %d similar records in all.", len(existing))
	}
	f.duplicate.SetText(msg)
	f.duplicateBox.Show()
}

func (f *opportunityForm) onShowExisting() {
	if len(f.existing) == 0 {
		return
	}
	f.dialog.Hide()
	f.app.tracker.clearQuery()
	f.app.selectOpportunity(f.existing[0].ID)
}
