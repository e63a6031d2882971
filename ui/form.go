package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// opportunityForm adds or edits an opportunity. Fields are checked as they are typed; a
// duplicate of a tracked opportunity is shown before anything is saved.
type opportunityForm struct {
	app     *App
	editing *tracker.Opportunity // nil when adding

	company, role, location     *entry
	contactName, contactEmail   *entry
	source, url, tags, notes    *entry
	applied, invited, interview *entry
	responded, followUp         *entry
	status                      *widget.Select
	form                        *widget.Form
	submitBtn                   *widget.Button
	duplicate                   *widget.Label
	duplicateBox                *fyne.Container
	showExisting, saveAnyway    *widget.Button
	dialog                      *dialog.CustomDialog

	existing []tracker.Opportunity // the duplicates last found
}

func showOpportunityForm(a *App, editing *tracker.Opportunity) *opportunityForm {
	f := &opportunityForm{app: a, editing: editing}
	required := func(what string) func(string) error {
		return func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New("enter the " + what)
			}
			return nil
		}
	}
	field := func(placeholder string, validate func(string) error) *entry {
		e := newEntry(a)
		e.PlaceHolder = placeholder
		e.Validator = validate
		return e
	}
	f.company = field("e.g. Acme Inc", required("company name"))
	f.role = field("e.g. Senior Go Engineer", required("role"))
	f.location = field("City, or Remote", nil)
	f.contactName = field("Recruiter or hiring manager", nil)
	f.contactEmail = field("name@example.com", tracker.CheckEmail)
	f.source = field("LinkedIn, referral, company site…", nil)
	f.url = field("Link to the job posting", func(s string) error {
		if strings.ContainsAny(strings.TrimSpace(s), " \t") {
			return errors.New("a link cannot contain spaces")
		}
		return nil
	})
	f.tags = field("remote, senior", nil)
	f.notes = newMultiLineEntry(a)
	f.notes.SetMinRowsVisible(3)
	f.applied = newDateEntry(a)
	f.invited = newDateEntry(a)
	f.interview = newDateEntry(a)
	f.responded = newDateEntry(a)
	f.followUp = newDateEntry(a)
	var labels []string
	for _, s := range tracker.Statuses() {
		labels = append(labels, s.Label())
	}
	f.status = widget.NewSelect(labels, nil)
	f.status.SetSelected(tracker.Saved.Label())
	for _, e := range []*entry{f.company, f.role, f.location, f.contactName, f.contactEmail, f.source, f.url, f.tags,
		f.applied, f.invited, f.interview, f.responded, f.followUp} {
		e.OnSubmitted = func(string) { f.submit(false) } // Enter saves, as in any dialog
	}

	if o := editing; o != nil {
		f.company.SetText(o.Company)
		f.role.SetText(o.Role)
		f.location.SetText(o.Location)
		f.contactName.SetText(o.ContactName)
		f.contactEmail.SetText(o.ContactEmail)
		f.source.SetText(o.Source)
		f.url.SetText(o.URL)
		f.tags.SetText(strings.Join(o.Tags, ", "))
		f.notes.SetText(o.Notes)
		f.applied.SetText(string(o.AppliedOn))
		f.invited.SetText(string(o.InvitedOn))
		f.interview.SetText(string(o.InterviewOn))
		f.responded.SetText(string(o.RespondedOn))
		f.followUp.SetText(string(o.FollowUpOn))
		f.status.SetSelected(o.Status.Label())
	}

	f.form = &widget.Form{
		Items: []*widget.FormItem{
			{Text: "Company", Widget: f.company, Required: true},
			{Text: "Role", Widget: f.role, Required: true},
			{Text: "Status", Widget: f.status},
			{Text: "Location", Widget: f.location},
			{Text: "Contact", Widget: f.contactName},
			{Text: "Contact email", Widget: f.contactEmail},
			{Text: "Source", Widget: f.source},
			{Text: "Link", Widget: f.url},
			{Text: "Applied on", Widget: f.applied},
			{Text: "Invited on", Widget: f.invited},
			{Text: "Interview on", Widget: f.interview},
			{Text: "Responded on", Widget: f.responded},
			{Text: "Follow up on", Widget: f.followUp},
			{Text: "Tags", Widget: f.tags, HintText: "Separate tags with commas"},
			{Text: "Notes", Widget: f.notes},
		},
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

	// Add waits for a company and a role, and for every field to be valid.
	var invalid error
	ready := func() {
		if invalid != nil || strings.TrimSpace(f.company.Text) == "" || strings.TrimSpace(f.role.Text) == "" {
			f.submitBtn.Disable()
		} else {
			f.submitBtn.Enable()
		}
	}
	f.form.SetOnValidationChanged(func(err error) { invalid = err; ready() })
	for _, e := range []*entry{f.company, f.role} {
		e.OnChanged = func(string) { ready() }
	}
	ready()
	buttons := container.NewHBox(layout.NewSpacer(), cancel, f.submitBtn)
	content := container.NewBorder(f.duplicateBox, buttons, nil, nil, container.NewVScroll(f.form))
	f.dialog = dialog.NewCustomWithoutButtons(title, content, a.win)
	f.dialog.Resize(fyne.NewSize(560, min(760, a.win.Canvas().Size().Height-40)))
	a.presentWith(f.dialog, func() { f.submit(false) })
	a.win.Canvas().Focus(f.company)
	return f
}

// newDateEntry is a text field for a YYYY-MM-DD day with a calendar to pick it from.
func newDateEntry(a *App) *entry {
	e := newEntry(a)
	e.PlaceHolder = "YYYY-MM-DD"
	e.Validator = func(s string) error {
		_, err := day.Parse(s, day.MonthFirst)
		return err
	}
	var pick *widget.Button
	pick = &widget.Button{Icon: theme.CalendarIcon(), Importance: widget.LowImportance, OnTapped: func() {
		start := a.now()
		if d, err := day.Parse(e.Text, day.MonthFirst); err == nil && d != "" {
			start = d.Time()
		}
		var pop *widget.PopUp
		choose := func(t time.Time) {
			e.SetText(string(day.Of(t)))
			pop.Hide()
		}
		cal := widget.NewCalendar(start, choose)
		// Fyne's calendar does not mark today, so the picker says which day it is.
		today := &widget.Button{Text: "Today, " + a.now().Format("Mon 2 Jan 2006"), Icon: theme.CalendarIcon(),
			Importance: widget.LowImportance, OnTapped: func() { choose(a.now()) }}
		pop = widget.NewPopUp(container.NewBorder(today, nil, nil, nil, cal), a.win.Canvas())
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(pick)
		a.popUp = pop
		pop.ShowAtPosition(pos.Add(fyne.NewPos(-pop.Content.MinSize().Width+pick.Size().Width, pick.Size().Height)))
	}}
	e.ActionItem = pick
	return e
}

// read collects the fields into an opportunity.
func (f *opportunityForm) read() tracker.Opportunity {
	var o tracker.Opportunity
	if f.editing != nil {
		o = *f.editing
	}
	o.Company, o.Role, o.Location = f.company.Text, f.role.Text, f.location.Text
	o.ContactName, o.ContactEmail = f.contactName.Text, strings.TrimSpace(f.contactEmail.Text)
	o.Source, o.URL, o.Notes = f.source.Text, strings.TrimSpace(f.url.Text), f.notes.Text
	o.Tags = tracker.SplitTags(f.tags.Text)
	for _, s := range tracker.Statuses() {
		if s.Label() == f.status.Selected {
			o.Status = s
		}
	}
	for _, d := range []struct {
		e  *entry
		to *day.Day
	}{{f.applied, &o.AppliedOn}, {f.invited, &o.InvitedOn}, {f.interview, &o.InterviewOn}, {f.responded, &o.RespondedOn}, {f.followUp, &o.FollowUpOn}} {
		*d.to, _ = day.Parse(d.e.Text, day.MonthFirst) // the validator already refused bad dates
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
		msg += ", responded " + string(e.RespondedOn)
	}
	msg += ")."
	if e.Status == tracker.Declined || e.Status == tracker.Withdrawn {
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
