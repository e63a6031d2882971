package invitation

import (
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
)

// Source says where a guess was read, in the words a window shows beside it.
type Source string

// The places a guess is read from.
const (
	FromCalendar   Source = "calendar invitation"
	FromSubject    Source = "subject"
	FromSignature  Source = "signature"
	FromDomain     Source = "sender's domain"
	FromSenderName Source = "sender's name"
	FromReplyTo    Source = "Reply-To"
	FromSender     Source = "sender"
	FromForwarded  Source = "forwarded message"
	FromText       Source = "text"
)

// Guess is one value read from the mail and where it was read; Value is "" when the mail
// did not say.
type Guess struct {
	Value string
	From  Source
}

// Stage is what the mail suggests about the application. The values are the ids of the
// tracker's statuses.
type Stage string

// The stages a mail can suggest. A mail that is none of them, or that the reader is not
// sure about, suggests StageUnknown.
const (
	StageUnknown   Stage = ""
	StageInvited   Stage = "invited"   // an invitation to an interview
	StageScheduled Stage = "scheduled" // an interview confirmed for a time
	StageOffer     Stage = "offer"
	StageRejected  Stage = "rejected"
)

// Interview is when the interview takes place, as far as the mail says.
type Interview struct {
	// Day is the day of the interview; zero when the mail names none. When the time and
	// its zone are known and Options.Location is set, it is the day there.
	Day day.Day
	// Start is the moment the interview starts, when HasTime.
	Start time.Time
	// HasTime is set when the mail gives a time of day, not only a day.
	HasTime bool
	// HasZone is set when the mail says which time zone the time is in (a calendar
	// invitation, or "14:00 CET" in the text). Otherwise Start is in the zone of the
	// mail's Date line: the sender's own clock.
	HasZone bool
	// End is when the interview ends, when a calendar invitation says; else zero.
	End time.Time
	// Place is where it takes place, as the invitation says ("Microsoft Teams",
	// "Hafenstraße 12, Hamburg"), or "".
	Place string
	From  Source
}

// Thread is what an answer needs to land in the mail's thread: the Message-ID and
// References of the mail to answer (without angle brackets, oldest first), and its subject.
// MessageID is "" when the mail to answer is known only from a copy forwarded as text, or
// has no usable Message-ID: a reply then starts a new thread, with the same subject, and
// References is empty too.
type Thread struct {
	MessageID  string
	References []string
	Subject    string
}

// Result is what a mail says about the opportunity it is about: every field a guess, with
// where it was read, for the user to confirm.
type Result struct {
	ContactName  Guess
	ContactEmail Guess // Reply-To when the mail has one, else the sender
	Company      Guess
	Role         Guess
	Location     Guess // where the job is, when the mail says clearly
	Interview    Interview
	Stage        Stage
	StageFrom    Source
	Thread       Thread
	// Sent is when the mail was sent (its Date line; for a forwarded mail, the
	// original's), or zero.
	Sent time.Time
	// Text is the mail's text as a person reads it: decoded, HTML turned into lines,
	// forwarded and quoted messages included. It is what to keep with the record.
	Text string
	// Notes say, in the user's words, what could not be read and what was done instead.
	Notes []string
}

// Field is one field of the opportunity that the mail fills, for a window that shows the
// guesses one by one.
type Field struct {
	Name  string // the opportunity's field: company, role, location, contact_name, contact_email, interview_on, status
	Value string // "" when the mail does not say
	From  Source
}

// Fields lists the guesses as the opportunity's fields, in the order a form shows them,
// each with where it was read. Fields the mail does not fill have an empty Value.
func (r Result) Fields() []Field {
	return []Field{
		{"company", r.Company.Value, r.Company.From},
		{"role", r.Role.Value, r.Role.From},
		{"location", r.Location.Value, r.Location.From},
		{"contact_name", r.ContactName.Value, r.ContactName.From},
		{"contact_email", r.ContactEmail.Value, r.ContactEmail.From},
		{"interview_on", string(r.Interview.Day), r.Interview.From},
		{"status", string(r.Stage), r.StageFrom},
	}
}
