package ui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// detailsView is the Details tab of the workspace: the selected opportunity's fields, a
// quick status switch and its history.
type detailsView struct {
	p *trackerPane

	title   *widget.Label
	status  *widget.Select
	fields  *fyne.Container
	history *fyne.Container
	edit    *widget.Button
	del     *widget.Button
	note    *widget.Button
	empty   *widget.Label
	silence *noResponseBanner
	card    *container.Scroll
	content fyne.CanvasObject

	shown *tracker.Opportunity
}

func newDetailsView(p *trackerPane) *detailsView {
	d := &detailsView{p: p}
	d.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	var labels []string
	for _, s := range stage.Statuses() {
		labels = append(labels, s.Label())
	}
	d.status = widget.NewSelect(labels, d.onStatus)
	d.fields = container.New(layout.NewFormLayout())
	d.history = container.NewVBox()
	d.edit = &widget.Button{Text: "Edit…", Icon: theme.DocumentCreateIcon(), OnTapped: p.onEdit}
	d.note = &widget.Button{Text: "Add note…", Icon: theme.ContentAddIcon(), OnTapped: p.onAddNote}
	d.del = &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.DangerImportance, OnTapped: p.onDelete}
	d.empty = widget.NewLabel("Select an opportunity to see its details and history.")
	d.empty.Wrapping = fyne.TextWrapWord

	d.silence = newNoResponseBanner(d)
	card := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(d.edit, d.del), d.title),
		d.silence.content,
		container.NewBorder(nil, nil, widget.NewLabel("Status"), nil, d.status),
		d.fields,
		container.NewBorder(nil, nil, &widget.Label{Text: "History", TextStyle: fyne.TextStyle{Bold: true}}, d.note),
		d.history,
	)
	d.card = container.NewVScroll(card)
	d.empty.Alignment = fyne.TextAlignCenter
	d.content = container.NewStack(container.NewVBox(layout.NewSpacer(), d.empty, layout.NewSpacer()), d.card)
	d.show(nil)
	return d
}

// linkTo is a link the user can open, or its text when it is no web address. Either is
// shown whole, broken over lines where it must.
func linkTo(raw string) fyne.CanvasObject {
	link := raw
	if !strings.Contains(link, "://") {
		link = "https://" + link
	}
	if u, err := url.Parse(link); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		h := widget.NewHyperlink(raw, u)
		h.Wrapping = fyne.TextWrapBreak
		return h
	}
	return &widget.Label{Text: raw, Wrapping: fyne.TextWrapBreak}
}

func (d *detailsView) show(o *tracker.Opportunity) {
	if o == nil || d.shown == nil || o.ID != d.shown.ID {
		defer d.card.ScrollToTop() // another opportunity is read from its top
	}
	d.shown = o
	d.silence.show(o)
	if o == nil {
		d.empty.Show()
		d.card.Hide()
		return
	}
	d.empty.Hide()
	d.card.Show()
	d.title.SetText(o.Company + " — " + o.Role)
	d.status.OnChanged = nil // showing a status is not changing it
	d.status.SetSelected(o.Status.Label())
	d.status.OnChanged = d.onStatus

	d.fields.Objects = nil
	add := func(name string, value fyne.CanvasObject) {
		d.fields.Add(&widget.Label{Text: name, TextStyle: fyne.TextStyle{Bold: true}})
		d.fields.Add(value)
	}
	text := func(name, value string) {
		if value != "" {
			add(name, &widget.Label{Text: value, Wrapping: fyne.TextWrapWord})
		}
	}
	// The record's own fields, in the field table's order; the title and the status are
	// shown above, the history below.
	for _, f := range tracker.Fields() {
		switch f.Name {
		case "company", "role", "status":
			continue
		}
		value := f.Show(o)
		if !f.Editable() || value == "" {
			continue
		}
		switch {
		case f.Kind == tracker.KindURL:
			add(f.Label, linkTo(o.URL))
		case f.Name == "follow_up_on":
			l := &widget.Label{Text: value}
			if o.FollowUpOn < d.p.app.today() {
				l.Text += " · overdue"
				l.Importance = widget.DangerImportance
			}
			add(f.Label, l)
		default:
			text(f.Label, value)
		}
	}
	if o.Mail != nil {
		add("Email", mailSummary(d.p.app, o))
	}
	d.fields.Refresh()

	d.history.Objects = nil
	for i := len(o.History) - 1; i >= 0; i-- { // newest first
		d.history.Add(historyLine(d.p.app, o, o.History[i]))
	}
	d.history.Refresh()
}

// historyLine is one event: its day and what happened, with the letter when one was sent.
func historyLine(a *App, o *tracker.Opportunity, e tracker.Event) fyne.CanvasObject {
	when := &widget.Label{Text: day.Of(e.At.Local()).Format(day.Short), SizeName: theme.SizeNameCaptionText}
	what := &widget.Label{Text: e.Describe(),
		Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	if e.Letter == nil {
		return container.NewBorder(nil, nil, when, nil, what)
	}
	letter := *e.Letter
	view := &widget.Button{Text: "Letter", Icon: theme.MailComposeIcon(), Importance: widget.LowImportance, OnTapped: func() {
		showSentLetter(a, o.Company, letter)
	}}
	return container.NewBorder(nil, nil, when, view, what)
}

// showSentLetter shows a letter from the history, read-only.
func showSentLetter(a *App, company string, l tracker.SentLetter) {
	head := "Subject: " + l.Subject
	if l.To != "" {
		head = "To: " + l.To + "\n" + head
	}
	text := widget.NewLabel(head + "\n\n" + l.Body)
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	d := dialog.NewCustom("Letter sent to "+company, "Close", container.NewVScroll(text), a.win)
	d.Resize(fyne.NewSize(560, 520))
	a.present(d)
}

// onStatus saves a status picked in the details; the store records the change in history.
func (d *detailsView) onStatus(label string) {
	o := d.shown
	if o == nil || o.Status.Label() == label {
		return
	}
	next := *o
	for _, s := range stage.Statuses() {
		if s.Label() == label {
			next.Status = s
		}
	}
	saveOpportunity(d.p.app, next)
}

// saveOpportunity stores edited fields of o and shows the result everywhere.
func saveOpportunity(a *App, o tracker.Opportunity) {
	background(a.work, func() (tracker.Opportunity, error) { return a.store.Update(o, true) },
		func(saved tracker.Opportunity, err error) {
			if err != nil {
				a.showError("The change was not saved", err)
				if a.current != nil {
					a.setCurrent(a.current) // show what is stored again
				}
				return
			}
			a.saved(saved)
		})
}
