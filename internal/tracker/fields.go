package tracker

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
)

// Kind is what a field of an opportunity holds, which says how it is read, checked,
// written and shown.
type Kind int

// The kinds of field.
const (
	KindText     Kind = iota // one line of text
	KindLongText             // text with line breaks: the notes
	KindEmail                // one bare address, or nothing
	KindURL                  // a link without spaces
	KindDay                  // a calendar day, YYYY-MM-DD
	KindTags                 // a list of short labels
	KindStatus               // one of the statuses
	KindID                   // the record's number, given by the store
	KindStamp                // a moment kept by the store: created, updated
	KindHistory              // the record's history
)

// Field is one field of an opportunity, as every part of the app knows it: its name in
// JSON and in the CSV export, its label on screen, the column names other trackers and
// spreadsheets give it, what it holds and how long it may be. Fields lists them; import,
// export, JSON, the form and the details view all work from that one list.
type Field struct {
	Name        string   // JSON key and CSV column of the export: "contact_email"
	Label       string   // as the window shows it: "Contact email"
	Aliases     []string // other column names, in HeaderKey form: "recruiter email"
	Kind        Kind
	Required    bool
	MaxLen      int    // in characters, for text kinds; 0 for the others
	Placeholder string // what the form shows in an empty field
	Hint        string // what the form says under the field

	text func(o *Opportunity) *string  // the text kinds
	day  func(o *Opportunity) *day.Day // KindDay
}

// Field lengths. A company or a role needs far less, but a pasted paragraph must still
// be refused with the field named rather than failing deep in the database.
const (
	maxLineLen  = 1000
	maxNotesLen = 100_000
	maxURLLen   = 4000
	maxTagLen   = 100
	maxTags     = 100
)

var fields = []Field{
	{Name: "id", Label: "Number", Kind: KindID},
	{Name: "company", Label: "Company", Kind: KindText, Required: true, MaxLen: maxLineLen, Placeholder: "e.g. Acme Inc",
		Aliases: []string{"employer", "organization", "company name", "organisation", "employer name", "firm"},
		text:    func(o *Opportunity) *string { return &o.Company }},
	{Name: "role", Label: "Role", Kind: KindText, Required: true, MaxLen: maxLineLen, Placeholder: "e.g. Senior Go Engineer",
		Aliases: []string{"job title", "position", "title", "job", "position title", "job role", "role title"},
		text:    func(o *Opportunity) *string { return &o.Role }},
	{Name: "location", Label: "Location", Kind: KindText, MaxLen: maxLineLen, Placeholder: "City, or Remote",
		Aliases: []string{"city", "job location", "work location"},
		text:    func(o *Opportunity) *string { return &o.Location }},
	{Name: "status", Label: "Status", Kind: KindStatus,
		Aliases: []string{"stage", "application status", "current stage"}},
	{Name: "contact_name", Label: "Contact", Kind: KindText, MaxLen: maxLineLen, Placeholder: "Recruiter or hiring manager",
		Aliases: []string{"contact", "recruiter", "recruiter name", "hiring manager", "contact name", "contact person", "contacts"},
		text:    func(o *Opportunity) *string { return &o.ContactName }},
	{Name: "contact_email", Label: "Contact email", Kind: KindEmail, MaxLen: 254, Placeholder: "name@example.com",
		Aliases: []string{"email", "e mail", "recruiter email", "contact e mail"},
		text:    func(o *Opportunity) *string { return &o.ContactEmail }},
	{Name: "source", Label: "Source", Kind: KindText, MaxLen: maxLineLen, Placeholder: "LinkedIn, referral, company site…",
		Aliases: []string{"job board", "found via", "found on", "job source"},
		text:    func(o *Opportunity) *string { return &o.Source }},
	{Name: "url", Label: "Link", Kind: KindURL, MaxLen: maxURLLen, Placeholder: "Link to the job posting",
		Aliases: []string{"link", "job url", "job link", "posting url", "job posting", "posting"},
		text:    func(o *Opportunity) *string { return &o.URL }},
	{Name: "applied_on", Label: "Applied on", Kind: KindDay,
		Aliases: []string{"applied", "date applied", "application date", "applied date", "applied on", "date of application"},
		day:     func(o *Opportunity) *day.Day { return &o.AppliedOn }},
	{Name: "invited_on", Label: "Invited on", Kind: KindDay,
		Aliases: []string{"invited", "date invited", "invitation date"},
		day:     func(o *Opportunity) *day.Day { return &o.InvitedOn }},
	{Name: "interview_on", Label: "Interview on", Kind: KindDay,
		Aliases: []string{"interview", "interview date"},
		day:     func(o *Opportunity) *day.Day { return &o.InterviewOn }},
	{Name: "responded_on", Label: "Responded on", Kind: KindDay,
		Aliases: []string{"responded", "response date", "date responded"},
		day:     func(o *Opportunity) *day.Day { return &o.RespondedOn }},
	{Name: "follow_up_on", Label: "Follow up on", Kind: KindDay,
		Aliases: []string{"follow up", "follow up date", "next follow up", "followup"},
		day:     func(o *Opportunity) *day.Day { return &o.FollowUpOn }},
	{Name: "tags", Label: "Tags", Kind: KindTags, Placeholder: "remote, senior", Hint: "Separate tags with commas",
		Aliases: []string{"tag", "labels"}},
	{Name: "notes", Label: "Notes", Kind: KindLongText, MaxLen: maxNotesLen,
		Aliases: []string{"note", "comments", "comment"},
		text:    func(o *Opportunity) *string { return &o.Notes }},
	{Name: "created_at", Label: "Created", Kind: KindStamp, Aliases: []string{"created", "created on", "date added", "added on", "saved date", "date saved"}},
	{Name: "updated_at", Label: "Updated", Kind: KindStamp, Aliases: []string{"updated", "last updated", "last modified", "modified"}},
	{Name: "history", Label: "History", Kind: KindHistory},
}

// Fields lists the fields of an opportunity in the order of the export's columns.
func Fields() []Field { return fields }

// FieldNamed is the field with this name (see Field.Name).
func FieldNamed(name string) (Field, bool) {
	for _, f := range fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// FieldLabel is how the window names the field called name; an unknown name shows as
// itself.
func FieldLabel(name string) string {
	if f, ok := FieldNamed(name); ok {
		return f.Label
	}
	return name
}

// Editable reports whether people type the field (the form shows it); the store keeps
// the others.
func (f Field) Editable() bool {
	switch f.Kind {
	case KindID, KindStamp, KindHistory:
		return false
	}
	return true
}

// TextOf is the field of o as one text: as the export writes it, and as the form and the
// details view show it. Dates are YYYY-MM-DD, moments RFC 3339 in UTC, tags joined
// with "; ", the status its id. The history is written by the CSV package.
func (f Field) TextOf(o *Opportunity) string {
	switch f.Kind {
	case KindID:
		return strconv.FormatUint(o.ID, 10)
	case KindStatus:
		return string(o.Status)
	case KindDay:
		return string(*f.day(o))
	case KindTags:
		return strings.Join(o.Tags, ";")
	case KindStamp:
		t := o.CreatedAt
		if f.Name == "updated_at" {
			t = o.UpdatedAt
		}
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	case KindHistory:
		return ""
	}
	return *f.text(o)
}

// Show is the field of o as people read it: days written by day.Format, tags separated
// by commas, the status by its label; "" when it holds nothing.
func (f Field) Show(o *Opportunity) string {
	switch f.Kind {
	case KindDay:
		return f.day(o).Format(day.Short)
	case KindTags:
		return strings.Join(o.Tags, ", ")
	case KindStatus:
		return o.Status.Label()
	case KindStamp, KindID, KindHistory:
		return ""
	}
	return *f.text(o)
}

// Day is the day the field holds, for a KindDay field; "" for the others.
func (f Field) Day(o *Opportunity) day.Day {
	if f.Kind != KindDay {
		return ""
	}
	return *f.day(o)
}

// EditText is the field of o as the form puts it in its entry: what SetText reads back.
func (f Field) EditText(o *Opportunity) string {
	if f.Kind == KindTags {
		return strings.Join(o.Tags, ", ")
	}
	return f.TextOf(o)
}

// SetText puts text into the field of o, read as the form reads it: dates as
// YYYY-MM-DD or in order, tags separated by commas or semicolons, a status by id, label
// or alias. It says what is wrong with text, without the field's name. It does not set
// the fields the store keeps.
func (f Field) SetText(o *Opportunity, text string, order day.Order) error {
	switch f.Kind {
	case KindText, KindLongText, KindEmail, KindURL:
		*f.text(o) = text
	case KindDay:
		d, err := day.Parse(text, order)
		if err != nil {
			return err
		}
		*f.day(o) = d
	case KindTags:
		o.Tags = SplitTags(text)
	case KindStatus:
		if strings.TrimSpace(text) == "" {
			o.Status = ""
			return nil
		}
		s, err := stage.Parse(text)
		if err != nil {
			return err
		}
		o.Status = s
	default:
		return fmt.Errorf("%s is kept by Decline Desk", f.Label)
	}
	return f.check(o)
}

// Check says what is wrong with text typed into the field, or nil: the one validation
// the form shows beside the field and the store makes before saving.
func (f Field) Check(text string, order day.Order) error {
	if !f.Editable() || (f.Kind == KindStatus && strings.TrimSpace(text) == "") {
		return nil
	}
	var o Opportunity
	return f.SetText(&o, text, order)
}

// check says what is wrong with the field's value in o, or nil.
func (f Field) check(o *Opportunity) error {
	switch f.Kind {
	case KindText, KindLongText, KindEmail, KindURL:
		v := *f.text(o)
		if f.Required && strings.TrimSpace(v) == "" {
			return fmt.Errorf("enter the %s", strings.ToLower(f.Label))
		}
		if n := utf8.RuneCountInString(v); f.MaxLen > 0 && n > f.MaxLen {
			return fmt.Errorf("is %d characters long; at most %d fit", n, f.MaxLen)
		}
		if strings.ContainsRune(v, 0) {
			return fmt.Errorf("contains a NUL character, which is not text")
		}
		switch f.Kind {
		case KindEmail:
			return CheckEmail(v)
		case KindURL:
			if strings.ContainsAny(strings.TrimSpace(v), " \t\r\n") {
				return fmt.Errorf("a link cannot contain spaces")
			}
		}
	case KindDay:
		if d := *f.day(o); !d.Valid() {
			return fmt.Errorf("%q is not a date: write it as YYYY-MM-DD", string(d))
		}
	case KindTags:
		if len(o.Tags) > maxTags {
			return fmt.Errorf("%d tags; at most %d fit", len(o.Tags), maxTags)
		}
		for _, t := range o.Tags {
			if n := utf8.RuneCountInString(t); n > maxTagLen {
				return fmt.Errorf("a tag is %d characters long; at most %d fit", n, maxTagLen)
			}
		}
	case KindStatus:
		if !o.Status.Valid() {
			return fmt.Errorf("unknown status %q", o.Status)
		}
	case KindStamp:
		t := o.CreatedAt
		if f.Name == "updated_at" {
			t = o.UpdatedAt
		}
		if !t.IsZero() && (t.Year() < day.MinYear || t.Year() > day.MaxYear) {
			return fmt.Errorf("%s is not a moment between %d and %d", t.UTC().Format(time.RFC3339), day.MinYear, day.MaxYear)
		}
	}
	return nil
}
