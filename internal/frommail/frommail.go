// Package frommail is the one place that says what a mail makes of the tracker: the mail is
// read by package invitation, and what it read becomes a new opportunity, or the changes
// to the tracked one it is about (the duplicate rule), together with the mail to keep for
// the reply. The window shows a Proposal field by field and saves it once the user
// confirms it; the command line prints it and saves it.
//
//	res, err := frommail.Read(r, pasted, now)         // err's message is for the user
//	p, err := frommail.Propose(res, store, now)       // store: anything with Duplicates
//	for _, f := range p.Fields { /* f.Label, f.Value, f.From, f.Was */ }
//	o, err := p.Save(store)                           // AddFromMail or UpdateFromMail
package frommail

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/invitation"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// Read reads one mail for the tracker — an .eml file or a message piped in, or, with
// pasted, text copied from a mail app with or without its header lines — on the day now,
// in now's time zone. Its errors are written for the user (see invitation.Read).
func Read(r io.Reader, pasted bool, now time.Time) (invitation.Result, error) {
	return invitation.Read(r, invitation.Options{Now: now, Location: now.Location(), Pasted: pasted})
}

// Tracked is what Propose asks of the tracker: the tracked opportunities a new one would
// duplicate, and one of them with what is kept beside it.
type Tracked interface {
	Duplicates(o tracker.Opportunity) ([]tracker.Opportunity, error)
	Get(id uint64) (tracker.Opportunity, error)
}

// Saver is what Save asks of the tracker.
type Saver interface {
	AddFromMail(o tracker.Opportunity, m tracker.Mail, allowDuplicate bool) (tracker.Opportunity, error)
	UpdateFromMail(o tracker.Opportunity, m tracker.Mail, allowDuplicate bool) (tracker.Opportunity, error)
}

// Field is one field of the opportunity as the mail fills it.
type Field struct {
	Name  string // the opportunity's field (tracker.Fields): company, role, …
	Label string // as the window names it
	// Value is the field as it will be saved, as the form writes it (days YYYY-MM-DD,
	// the status by its id); Shown is the same for people to read.
	Value, Shown string
	// From says where the mail said it; "" when the mail did not, and Value is the
	// record's own or a default.
	From invitation.Source
	// Was and WasShown are the tracked record's value before, for an update; Changed
	// says the mail changes it.
	Was, WasShown string
	Changed       bool
	update        bool
	// Detail adds what the field cannot hold: the interview's time and place.
	Detail string
}

// Proposal is what a mail makes of the tracker, to confirm and save.
type Proposal struct {
	// Record is what is saved: a new opportunity (ID 0), or the tracked one with what the
	// mail changes.
	Record tracker.Opportunity
	// Existing is the tracked opportunity the mail is about, before the mail; nil when
	// the mail brings a new one. Others are further tracked ones it matches too.
	Existing *tracker.Opportunity
	Others   []tracker.Opportunity
	Mail     tracker.Mail
	Fields   []Field
	// Notes say what could not be read and what was done instead, in the user's words.
	Notes []string
	// Reply says how the letter for the record will answer the mail.
	Reply string
}

// Where a day is taken from when the mail does not name it.
const (
	FromMailDate invitation.Source = "mail's date"
	FromToday    invitation.Source = "today"
)

// The fields a mail fills, in the order they are shown.
var mailFields = []string{"company", "role", "location", "contact_name", "contact_email", "interview_on", "status", "invited_on"}

// ErrIncomplete means the mail does not name what every opportunity needs (company and
// role): the window asks for it, the command line says so and saves nothing.
var ErrIncomplete = errors.New("the mail does not say")

// Propose turns what was read from a mail into a new opportunity, or into the changes to
// the tracked opportunity it is about (the duplicate rule): its status moves on as the
// mail says (stage.AfterMail), the interview day and the contact become the mail's, what
// the record lacks is filled in. now is when the mail is read.
func Propose(res invitation.Result, tracked Tracked, now time.Time) (Proposal, error) {
	today := day.Of(now)
	p := Proposal{Mail: mailOf(res), Notes: append([]string(nil), res.Notes...)}
	read := map[string]invitation.Field{}
	for _, f := range res.Fields() {
		read[f.Name] = f
	}
	// The day the mail came: its date, unless it has none or one still to come.
	sent, sentFrom := today, FromToday
	if !res.Sent.IsZero() {
		if d := day.Of(res.Sent.In(now.Location())); d.Valid() && d <= today {
			sent, sentFrom = d, FromMailDate
		}
	}
	cand := tracker.Opportunity{
		Company: read["company"].Value, Role: read["role"].Value, Location: read["location"].Value,
		ContactName: read["contact_name"].Value, ContactEmail: read["contact_email"].Value,
		InterviewOn: res.Interview.Day, Status: stage.Status(res.Stage),
	}
	if !cand.Status.Valid() {
		cand.Status = stage.Invited // what a mail that brings an opportunity in usually is
	}
	cand.Normalize()
	if tracked != nil && cand.Company != "" && cand.Role != "" {
		dups, err := tracked.Duplicates(cand)
		if err != nil {
			return Proposal{}, err
		}
		if len(dups) > 0 {
			old, err := tracked.Get(dups[0].ID)
			if err != nil {
				return Proposal{}, err
			}
			p.Existing, p.Others = &old, dups[1:]
		}
	}
	from := func(name string) invitation.Source { return read[name].From }
	if p.Existing == nil {
		p.Record = cand
		if cand.Status == stage.Invited || cand.Status == stage.Scheduled {
			p.Record.InvitedOn = sent
		}
	} else {
		o := *p.Existing
		o.History, o.Checklist, o.Draft, o.Mail = nil, nil, nil, nil
		if res.Interview.Day != "" {
			o.InterviewOn = res.Interview.Day
		}
		if cand.ContactEmail != "" {
			// The person to answer now: the reply goes to whoever wrote this mail.
			o.ContactEmail, o.ContactName = cand.ContactEmail, cand.ContactName
		}
		if o.Location == "" {
			o.Location = cand.Location
		}
		o.Status = o.Status.AfterMail(stage.Status(res.Stage))
		if o.InvitedOn == "" && o.Status != p.Existing.Status && (o.Status == stage.Invited || o.Status == stage.Scheduled) {
			o.InvitedOn = sent
		}
		p.Record = o
	}
	for _, name := range mailFields {
		f, _ := tracker.FieldNamed(name)
		fl := Field{Name: name, Label: f.Label, Value: f.TextOf(&p.Record), Shown: f.Show(&p.Record)}
		if fl.Value != "" {
			fl.From = from(name)
		}
		if name == "invited_on" && fl.Value != "" && fl.Value == string(sent) {
			fl.From = sentFrom
		}
		if name == "interview_on" && fl.Value != "" {
			fl.Detail = when(res.Interview, now.Location())
		}
		if p.Existing != nil {
			fl.update = true
			fl.Was, fl.WasShown = f.TextOf(p.Existing), f.Show(p.Existing)
			fl.Changed = fl.Was != fl.Value
			if !fl.Changed {
				fl.From = ""
			}
		}
		p.Fields = append(p.Fields, fl)
	}
	if p.Existing == nil && res.Stage == invitation.StageUnknown {
		p.Notes = append(p.Notes, "The mail does not say clearly what stage it is about: the status is "+stage.Invited.Label()+"; check it.")
	}
	if p.Existing != nil && res.Stage != invitation.StageUnknown && p.Record.Status != stage.Status(res.Stage) {
		p.Notes = append(p.Notes, fmt.Sprintf("The mail reads like %s, but the opportunity is %s and stays so: change it yourself if it moved.",
			strings.ToLower(stage.Status(res.Stage).Label()), strings.ToLower(p.Existing.Status.Label())))
	}
	if len(p.Others) > 0 {
		p.Notes = append(p.Notes, fmt.Sprintf("The mail matches %d tracked opportunities; the first, #%d, is the one updated.", len(p.Others)+1, p.Existing.ID))
	}
	p.Reply = replyWords(p.Mail)
	return p, nil
}

// Where says in words where the value comes from: the part of the mail, or that the
// mail does not say, or — for an update — that the tracked value stays.
func (f Field) Where() string {
	switch {
	case f.update && !f.Changed:
		return "as tracked"
	case f.From == "" && f.Value == "":
		return "not in the mail"
	case f.From == "":
		return "not in the mail: check it"
	case f.From == FromToday:
		return "the day it was read"
	}
	return "from the " + string(f.From)
}

// Missing names the fields every opportunity needs that the record lacks, by their labels.
func (p Proposal) Missing() []string {
	var out []string
	for _, err := range p.Record.FieldErrors() {
		var fe *tracker.FieldError
		if errors.As(err, &fe) && (fe.Field == "company" || fe.Field == "role") {
			out = append(out, strings.ToLower(tracker.FieldLabel(fe.Field)))
		}
	}
	return out
}

// Check says what keeps the proposal from being saved as it is: the fields the mail does
// not name (ErrIncomplete), or a field that is not valid.
func (p Proposal) Check() error {
	if missing := p.Missing(); len(missing) > 0 {
		return fmt.Errorf("%w which %s it is about", ErrIncomplete, strings.Join(missing, " or "))
	}
	return p.Record.Validate()
}

// Known reports whether the mail is the one already kept with the tracked opportunity,
// and the record to save changes nothing in it: saving it again would only repeat it in
// the history.
func (p Proposal) Known() bool {
	if p.Existing == nil || p.Existing.Mail == nil || p.Mail.MessageID == "" || p.Existing.Mail.MessageID != p.Mail.MessageID {
		return false
	}
	for _, name := range mailFields {
		if f, _ := tracker.FieldNamed(name); f.TextOf(&p.Record) != f.TextOf(p.Existing) {
			return false
		}
	}
	return true
}

// Save saves the proposal: a new opportunity with its mail, or the update of the tracked
// one; a new opportunity that duplicates one tracked since is refused as in the form. A
// mail already kept that changes nothing (Known) is not saved again.
func (p Proposal) Save(s Saver) (tracker.Opportunity, error) {
	if p.Known() {
		return *p.Existing, nil
	}
	if p.Existing == nil {
		return s.AddFromMail(p.Record, p.Mail, false)
	}
	return s.UpdateFromMail(p.Record, p.Mail, true)
}

// mailOf is the mail as the record keeps it.
func mailOf(res invitation.Result) tracker.Mail {
	from := res.ContactEmail.Value
	if n := res.ContactName.Value; n != "" && from != "" {
		from = n + " <" + from + ">"
	}
	return tracker.Mail{
		MessageID: res.Thread.MessageID, References: res.Thread.References, Subject: res.Thread.Subject,
		From: from, Sent: res.Sent, Text: res.Text,
	}
}

// replyWords says how the letter will answer the mail.
func replyWords(m tracker.Mail) string {
	switch {
	case m.MessageID != "":
		return "The letter will answer in the mail's thread."
	case m.Subject != "":
		return "The mail's Message-ID is not known (it was forwarded or pasted), so the letter answers with the same subject in a new thread."
	}
	return "The mail has no subject or Message-ID, so the letter is a new mail with its own subject."
}

// when is the interview's time and place, as the mail gives them: the time where the
// user is when the mail names the zone, else as written.
func when(in invitation.Interview, loc *time.Location) string {
	var parts []string
	if in.HasTime {
		t := in.Start
		if in.HasZone && loc != nil {
			t = t.In(loc)
			parts = append(parts, "at "+t.Format("15:04")+" your time")
		} else {
			parts = append(parts, "at "+t.Format("15:04"))
		}
	}
	if in.Place != "" {
		parts = append(parts, in.Place)
	}
	return strings.Join(parts, ", ")
}
