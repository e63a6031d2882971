// Package tracker keeps the job seeker's records: opportunities, their statuses and the
// history of what happened, stored in a local bbolt database.
package tracker

import (
	"errors"
	"strings"
	"time"
	"unicode"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/field"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/mailaddr"
	"github.com/declinedesk/declinedesk/internal/stage"
)

// Opportunity is one job the user is considering, applied to, or declined.
type Opportunity struct {
	ID           uint64       `json:"id"`
	Company      string       `json:"company"`
	Role         string       `json:"role"`
	Location     string       `json:"location,omitempty"`
	ContactName  string       `json:"contact_name,omitempty"`
	ContactEmail string       `json:"contact_email,omitempty"`
	Source       string       `json:"source,omitempty"`
	URL          string       `json:"url,omitempty"`
	Status       stage.Status `json:"status"`
	AppliedOn    day.Day      `json:"applied_on,omitempty"`
	InvitedOn    day.Day      `json:"invited_on,omitempty"`
	InterviewOn  day.Day      `json:"interview_on,omitempty"`
	RespondedOn  day.Day      `json:"responded_on,omitempty"`
	FollowUpOn   day.Day      `json:"follow_up_on,omitempty"`
	Tags         []string     `json:"tags,omitempty"`
	Notes        string       `json:"notes,omitempty"`
	CreatedAt    time.Time    `json:"created_at"`
	UpdatedAt    time.Time    `json:"updated_at"` // last edited in any way
	// ActivityAt is the last time something happened between the user and the other side:
	// created, a status change, a note, a letter. Editing a field, a draft or the checklist
	// leaves it: it is what "no response" counts from and what the list's latest-first
	// order follows.
	ActivityAt time.Time `json:"activity_at"`

	// History is read-only here: the store appends to it and never rewrites it.
	History []Event `json:"-"`
	// Checklist holds the answers of the Decide pane; saved with SaveChecklist.
	Checklist checklist.Answers `json:"-"`
	// Draft is the letter being written, nil before one was started; saved with SaveDraft.
	Draft *letter.Spec `json:"-"`
	// DraftStatus is the status the draft was saved at; "" for drafts saved before the
	// app kept it.
	DraftStatus stage.Status `json:"-"`
	// Mail is the mail the opportunity came from, or the latest that updated it; nil for
	// one typed in or imported. Saved with AddFromMail and UpdateFromMail.
	Mail *Mail `json:"-"`
	// After is the after-declining checklist: which steps are done.
	After map[stage.AfterStep]bool `json:"after,omitempty"`
	// NoResponseDismissed is set when the user said to keep waiting rather than mark the
	// opportunity "no response"; only DismissNoResponse sets it, and a change of status
	// clears it, since the wait then starts again.
	NoResponseDismissed bool `json:"no_response_dismissed,omitempty"`
}

// Stage is what the opportunity's stage depends on, for package stage.
func (o *Opportunity) Stage() stage.Facts {
	return stage.Facts{Status: o.Status, InterviewOn: o.InterviewOn, FollowUpOn: o.FollowUpOn}
}

// DaysUntouched counts the calendar days, in now's location, from the last activity with
// the other side to now.
func (o *Opportunity) DaysUntouched(now time.Time) int {
	return day.Of(o.ActivityAt.In(now.Location())).DaysSince(day.Of(now))
}

// Profile is who the user is: every letter is signed with it.
type Profile struct {
	FullName  string `json:"full_name"`
	Email     string `json:"email"`
	Signature string `json:"signature,omitempty"` // an optional line under the name
}

// Validate checks the profile as the letter will use it.
func (p Profile) Validate() error {
	var errs []error
	if len(strings.Fields(p.FullName)) < 2 {
		errs = append(errs, &FieldError{Field: "full_name", Message: "enter your full name, first and last: letters end with it"})
	}
	if strings.TrimSpace(p.Email) == "" {
		errs = append(errs, &FieldError{Field: "email", Message: "enter your email address: it goes in the From line of exported drafts"})
	} else if err := CheckEmail(p.Email); err != nil {
		errs = append(errs, &FieldError{Field: "email", Message: err.Error()})
	}
	for _, f := range []struct{ name, v string }{{"full_name", p.FullName}, {"email", p.Email}, {"signature", p.Signature}} {
		if err := field.CheckHeaderText(f.v); err != nil {
			errs = append(errs, &FieldError{Field: f.name, Message: err.Error()})
		}
	}
	return errors.Join(errs...)
}

// FieldError names the field a value is wrong in, so a form can show it beside that field.
type FieldError = field.Error

// Normalize tidies what people type or paste: it trims every field, turns line breaks in
// one-line fields into spaces, drops empty and repeated tags and fills in a missing status.
func (o *Opportunity) Normalize() {
	for _, f := range []*string{&o.Company, &o.Role, &o.Location, &o.ContactName, &o.ContactEmail, &o.Source, &o.URL} {
		*f = oneLine(*f)
	}
	o.Notes = strings.TrimSpace(invisible.Replace(lineBreaks.Replace(strings.ToValidUTF8(o.Notes, "\uFFFD"))))
	o.Tags = CleanTags(o.Tags)
	if o.Status == "" {
		o.Status = stage.Saved
	}
}

// lineBreaks turns Windows and old Mac line breaks into "\n".
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// invisible drops the characters that show as nothing — a byte-order mark inside a cell, a
// zero-width space — and would make two equal names differ.
var invisible = strings.NewReplacer("\uFEFF", "", "\u200B", "")

// CleanTags trims tags, drops empty and repeated ones (ignoring case) and keeps their order.
// A tag never holds the ',' or ';' that separate tags where people type or import them.
func CleanTags(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		for _, part := range strings.FieldsFunc(t, isTagSeparator) {
			part = oneLine(part)
			key := strings.ToLower(part)
			if part == "" || seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, part)
		}
	}
	return out
}

// SplitTags reads tags typed as "remote, senior; fintech".
func SplitTags(text string) []string { return CleanTags([]string{text}) }

func isTagSeparator(r rune) bool { return r == ',' || r == ';' }

// oneLine trims s, makes it valid UTF-8 and turns each run of spaces, tabs, line breaks
// and control characters into one space.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(invisible.Replace(strings.ToValidUTF8(s, "\uFFFD")), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}

// Validate reports every field that is missing or malformed, each as a *FieldError.
func (o *Opportunity) Validate() error {
	return errors.Join(o.FieldErrors()...)
}

// FieldErrors lists every field that is missing or malformed, each as a *FieldError.
func (o *Opportunity) FieldErrors() []error {
	var errs []error
	for _, f := range fields {
		if err := f.check(o); err != nil {
			errs = append(errs, &FieldError{Field: f.Name, Message: err.Error()})
		}
	}
	return errs
}

// CheckEmail accepts a blank value or one bare address such as jo@example.com.
func CheckEmail(addr string) error { return mailaddr.Check(strings.TrimSpace(addr)) }
