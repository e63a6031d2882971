package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/draft"
	"github.com/declinedesk/declinedesk/internal/frommail"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// An opportunity starts from the invitation email: File → New from Email… opens a saved
// .eml file or takes the mail's text pasted in, and an .eml file dropped on the window
// does the same. The mail is read off the UI goroutine (package frommail); what was read
// is shown field by field, with where each came from, and nothing is saved until the user
// confirms it.

// mailStart is the New from Email dialog: open a file, or paste the text.
type mailStart struct {
	app    *App
	paste  *entry
	read   *widget.Button
	dialog *dialog.CustomDialog
}

// onNewFromEmail shows the New from Email dialog.
func (a *App) onNewFromEmail() { a.newFromEmail() }

func (a *App) newFromEmail() *mailStart {
	s := &mailStart{app: a}
	intro := &widget.Label{Wrapping: fyne.TextWrapWord, Text: "Start from the invitation: open the mail saved as an .eml file " +
		"(your mail app saves one with Save As, or by dragging the mail out), or paste its text below — with the header lines " +
		"(From, Subject, Date…) when your mail app shows them. You check what was read before anything is saved."}
	open := &widget.Button{Text: "Open an .eml file…", Icon: theme.FolderOpenIcon(), OnTapped: s.onOpen}
	drop := &widget.Label{Text: "or drop one on the window", Importance: widget.LowImportance}
	s.paste = newMultiLineEntry(a)
	s.paste.PlaceHolder = "Paste the mail's text here"
	s.paste.SetMinRowsVisible(8)
	s.read = &widget.Button{Text: "Read the text", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: s.onRead}
	s.read.Disable()
	s.paste.OnChanged = func(text string) {
		if strings.TrimSpace(text) == "" {
			s.read.Disable()
		} else {
			s.read.Enable()
		}
	}
	pasteBtn := &widget.Button{Text: "Paste", Icon: theme.ContentPasteIcon(), Importance: widget.LowImportance, OnTapped: func() {
		s.paste.SetText(a.fyneApp.Clipboard().Content())
	}}
	cancel := &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: func() { s.dialog.Hide() }}
	top := container.NewVBox(intro, container.NewHBox(open, drop), widget.NewSeparator())
	bottom := container.NewHBox(pasteBtn, layout.NewSpacer(), cancel, s.read)
	s.dialog = dialog.NewCustomWithoutButtons("New from email", container.NewBorder(top, bottom, nil, nil, s.paste), a.win)
	s.dialog.Resize(fyne.NewSize(620, min(560, a.win.Canvas().Size().Height-40)))
	a.presentWith(s.dialog, s.onRead)
	a.win.Canvas().Focus(s.paste)
	return s
}

// onOpen asks for a mail file and reads it.
func (s *mailStart) onOpen() {
	a := s.app
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			a.showError("The file could not be opened", err)
			return
		}
		if r == nil {
			return
		}
		s.dialog.Hide()
		a.readMailFile(r.URI(), "", func() (io.ReadCloser, error) { return r, nil })
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".eml", ".EML", ".txt", ".TXT"}))
	a.showFileDialog(d)
}

// onRead reads the pasted text; the dialog stays open until there is something to confirm.
func (s *mailStart) onRead() {
	text := s.paste.Text
	if strings.TrimSpace(text) == "" {
		return
	}
	s.read.Disable()
	s.app.readMail("the pasted text", true, func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil },
		func(ok bool) {
			s.read.Enable()
			if ok {
				s.dialog.Hide()
			}
		})
}

// onDropped reads a mail file dropped on the window.
func (a *App) onDropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) == 0 {
		return
	}
	u := uris[0]
	say := ""
	if len(uris) > 1 {
		say = "One mail at a time: reading " + u.Name() + "…"
	}
	a.readMailFile(u, say, func() (io.ReadCloser, error) { return storage.Reader(u) })
}

// readMailFile reads the mail in the file u — an .eml file, or a text file holding a mail's
// text as a mail app shows it — saying so in the status line (say, or the file's name).
func (a *App) readMailFile(u fyne.URI, say string, open func() (io.ReadCloser, error)) {
	pasted := strings.EqualFold(filepath.Ext(u.Name()), ".txt")
	if say == "" {
		say = "Reading " + u.Name() + "…"
	}
	a.notify(say)
	a.readMail(u.Name(), pasted, open, nil)
}

// readMail reads a mail off the UI goroutine and shows what it makes of the tracker, to
// confirm. What is wrong with it is said, and nothing is saved. done, when set, hears
// whether there is something to confirm.
func (a *App) readMail(name string, pasted bool, open func() (io.ReadCloser, error), done func(ok bool)) {
	now := a.now()
	background(a.work, func() (frommail.Proposal, error) {
		r, err := open()
		if err != nil {
			return frommail.Proposal{}, err
		}
		defer r.Close()
		res, err := frommail.Read(r, pasted, now)
		if err != nil {
			return frommail.Proposal{}, err
		}
		return frommail.Propose(res, a.store, now)
	}, func(p frommail.Proposal, err error) {
		if done != nil {
			done(err == nil)
		}
		if err != nil {
			a.showError("Nothing was read from "+name, err)
			return
		}
		a.intake = a.confirmMail(name, p)
	})
}

// mailConfirm is the confirm step: the fields the mail fills, each editable, with where
// it was read; confirming adds the opportunity, or updates the tracked one it is about.
type mailConfirm struct {
	app      *App
	proposal frommail.Proposal
	entries  map[string]*entry // by field name
	status   *widget.Select
	form     *widget.Form
	save     *widget.Button
	dialog   *dialog.CustomDialog
}

func (a *App) confirmMail(name string, p frommail.Proposal) *mailConfirm {
	c := &mailConfirm{app: a, proposal: p, entries: map[string]*entry{}}
	order := a.dateOrder()
	c.form = &widget.Form{}
	var required []*entry
	for _, f := range p.Fields {
		fd, ok := tracker.FieldNamed(f.Name)
		if !ok {
			continue
		}
		hint := f.Where()
		if fd.Kind == tracker.KindDay && f.Shown != "" {
			hint += " · " + f.Shown // the day in words, weekday and all, to check it by
		}
		if f.Detail != "" {
			hint += ", " + f.Detail
		}
		if f.Changed {
			hint += " (was " + orNone(f.WasShown) + ")"
		}
		if fd.Kind == tracker.KindStatus {
			var labels []string
			for _, s := range stage.Statuses() {
				labels = append(labels, s.Label())
			}
			c.status = widget.NewSelect(labels, nil)
			c.status.SetSelected(p.Record.Status.Label())
			c.form.Items = append(c.form.Items, &widget.FormItem{Text: fd.Label, Widget: c.status, HintText: hint})
			continue
		}
		var e *entry
		if fd.Kind == tracker.KindDay {
			e = newDateEntry(a, order)
		} else {
			e = newEntry(a)
			e.PlaceHolder = fd.Placeholder
			e.OnSubmitted = func(string) { c.submit() }
		}
		e.SetText(fd.EditText(&p.Record))
		e.Validator = func(text string) error { return fd.Check(text, order) }
		c.entries[f.Name] = e
		if fd.Required {
			required = append(required, e)
		}
		c.form.Items = append(c.form.Items, &widget.FormItem{Text: fd.Label, Widget: e, Required: fd.Required, HintText: hint})
	}

	head := &widget.Label{Wrapping: fyne.TextWrapWord}
	title := "New from email"
	c.save = &widget.Button{Text: "Add to the tracker", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: c.submit}
	if x := p.Existing; x != nil {
		title = "Update from email"
		head.SetText(fmt.Sprintf("The mail in %s is about %s — %s, which you track (#%d). Confirm to update it with what the mail says; "+
			"the fields it does not change stay as they are.", name, x.Company, x.Role, x.ID))
		c.save.SetText(fmt.Sprintf("Update #%d", x.ID))
	} else {
		head.SetText("Read from " + name + ". Check each field, and change what the mail got wrong: nothing is saved until you add it.")
	}
	top := container.NewVBox(head)
	if len(p.Notes) > 0 {
		notes := &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance, Text: "• " + strings.Join(p.Notes, "\n• ")}
		top.Add(notes)
	}
	reply := &widget.Label{Text: p.Reply, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	body := container.NewVBox(c.form, reply)
	if text := strings.TrimSpace(p.Mail.Text); text != "" {
		body.Add(widget.NewAccordion(widget.NewAccordionItem("The mail", mailText(p.Mail))))
	}

	// Add waits for the fields every opportunity needs, and for every field to be valid.
	var invalid error
	ready := func() {
		missing := false
		for _, e := range required {
			missing = missing || strings.TrimSpace(e.Text) == ""
		}
		if invalid != nil || missing {
			c.save.Disable()
		} else {
			c.save.Enable()
		}
	}
	c.form.SetOnValidationChanged(func(err error) { invalid = err; ready() })
	for _, e := range required {
		e.OnChanged = func(string) { ready() }
	}
	ready()

	cancel := &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: func() { c.dialog.Hide() }}
	buttons := container.NewHBox(layout.NewSpacer(), cancel, c.save)
	c.dialog = dialog.NewCustomWithoutButtons(title, container.NewBorder(top, buttons, nil, nil, container.NewVScroll(body)), a.win)
	c.dialog.Resize(fyne.NewSize(640, min(720, a.win.Canvas().Size().Height-40)))
	a.presentWith(c.dialog, c.submit)
	c.dialog.SetOnClosed(func() {
		if a.intake == c {
			a.intake = nil
		}
	})
	for _, name := range []string{"company", "role"} {
		if e := c.entries[name]; e != nil && strings.TrimSpace(e.Text) == "" {
			a.win.Canvas().Focus(e) // what the mail left out comes first
			return c
		}
	}
	a.win.Canvas().Focus(c.save)
	return c
}

// read is the record to save: the proposal with what the user changed.
func (c *mailConfirm) read() frommail.Proposal {
	p := c.proposal
	order := c.app.dateOrder()
	for name, e := range c.entries {
		if fd, ok := tracker.FieldNamed(name); ok {
			_ = fd.SetText(&p.Record, e.Text, order) // the validators already refused what does not read
		}
	}
	for _, s := range stage.Statuses() {
		if s.Label() == c.status.Selected {
			p.Record.Status = s
		}
	}
	p.Record.Normalize()
	return p
}

// submit saves what the user confirmed, and shows the opportunity.
func (c *mailConfirm) submit() {
	if c.save.Disabled() || c.form.Validate() != nil {
		return
	}
	a, p := c.app, c.read()
	c.save.Disable()
	background(a.work, func() (tracker.Opportunity, error) { return p.Save(a.store) }, func(o tracker.Opportunity, err error) {
		c.save.Enable()
		if err != nil {
			a.showError("Nothing was saved", err)
			return
		}
		c.dialog.Hide()
		a.saved(o)
		a.selectOpportunity(o.ID)
		if a.current != nil && a.current.ID == o.ID {
			a.letter.refresh() // the letter answers the newest mail
		}
		switch {
		case p.Known():
			a.notify("Nothing new: the mail is already kept with " + o.Company + " — " + o.Role + ".")
		case p.Existing != nil:
			a.notify("Updated " + o.Company + " — " + o.Role + " from the mail.")
		default:
			a.notify("Added " + o.Company + " — " + o.Role + " from the mail.")
		}
	})
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// mailText is the mail as the record keeps it, to read: who, when, the subject, the text.
func mailText(m tracker.Mail) fyne.CanvasObject {
	var head []string
	if m.From != "" {
		head = append(head, "From: "+m.From)
	}
	if !m.Sent.IsZero() {
		head = append(head, "Date: "+day.Of(m.Sent).Format(day.Short)+", "+m.Sent.Format("15:04 -0700"))
	}
	if m.Subject != "" {
		head = append(head, "Subject: "+m.Subject)
	}
	text := strings.TrimSpace(m.Text)
	const shown = 20000 // a label this long is already more than a screen; the rest is kept
	if len(text) > shown {
		cut := strings.LastIndexByte(text[:shown], '\n')
		if cut < shown/2 {
			cut = shown
		}
		text = strings.ToValidUTF8(text[:cut], "") + "\n\n[…]"
	} else if m.Cut {
		text += "\n\n[…]"
	}
	l := &widget.Label{Text: strings.Join(append(head, "", text), "\n"), Wrapping: fyne.TextWrapWord, Selectable: true}
	return l
}

// mailSummary is the details view's line for the mail an opportunity came from: its
// subject and sender, and a button that shows it whole.
func mailSummary(a *App, o *tracker.Opportunity) fyne.CanvasObject {
	m := *o.Mail
	about := m.Subject
	if about == "" {
		about = "(no subject)"
	}
	if !m.Sent.IsZero() {
		about += " · " + day.Of(m.Sent).Format(day.Short)
	}
	label := &widget.Label{Text: about, Wrapping: fyne.TextWrapWord}
	read := &widget.Button{Text: "Read…", Icon: theme.MailComposeIcon(), Importance: widget.LowImportance, OnTapped: func() {
		showMail(a, o.Company, m, draft.Thread(o).IsReply())
	}}
	return container.NewBorder(nil, nil, nil, read, label)
}

// showMail shows the mail an opportunity came from, read-only.
func showMail(a *App, company string, m tracker.Mail, threaded bool) {
	note := "Your letter answers this mail in its thread."
	if !threaded {
		note = "This mail was forwarded or pasted, so its Message-ID is not known: your letter answers it in a new thread."
	}
	caption := &widget.Label{Text: note, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	d := dialog.NewCustom("The mail from "+company, "Close", container.NewBorder(caption, nil, nil, nil, container.NewVScroll(mailText(m))), a.win)
	d.Resize(fyne.NewSize(600, min(560, a.win.Canvas().Size().Height-40)))
	a.present(d)
}
