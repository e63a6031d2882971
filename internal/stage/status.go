// Package stage is the one home of what a status means: its label and the names other
// trackers give it, whether the job search waits for the other side or is settled, what
// there is to decide, which letter it calls for, and what sending a letter does to it.
// The store, the command line and the window all ask it.
package stage

import (
	"fmt"
	"strings"
)

// Status is where an opportunity stands in the job search.
type Status string

// The statuses, in the order a search usually moves through them.
const (
	Saved     Status = "saved"
	Applied   Status = "applied"
	Invited   Status = "invited"
	Scheduled Status = "scheduled"
	Offer     Status = "offer"
	Declined  Status = "declined"
	Withdrawn Status = "withdrawn"
	Rejected  Status = "rejected"
	Ghosted   Status = "ghosted"
	Accepted  Status = "accepted"
)

// statusTable is the one list of statuses: id, label shown to the user, the other names
// job trackers and spreadsheets use for it (matched case-insensitively on import), and
// what it means for the job search.
var statusTable = []struct {
	id       Status
	label    string
	aliases  []string
	question Question // what the user has to decide at this stage
	waiting  bool     // the user waits for the other side: "no response" may come
	declined bool     // the user turned it down: after-steps and keeping in touch follow
}{
	{Saved, "Saved", []string{"wishlist", "bookmarked", "interested", "to apply", "not applied", "draft", "saved for later"}, AboutApplying, false, false},
	{Applied, "Applied", []string{"submitted", "application sent", "in review", "pending"}, AboutApplying, true, false},
	{Invited, "Interview invited", []string{"invitation", "interview invitation", "invited to interview", "screening"}, AboutInterview, true, false},
	{Scheduled, "Interview scheduled", []string{"interviewing", "interview", "interviews", "in progress", "phone screen", "on site", "onsite", "final round"}, AboutInterview, false, false},
	{Offer, "Offer", []string{"offered", "offer received", "offer extended"}, AboutOffer, false, false},
	{Declined, "Declined (by me)", []string{"offer declined", "declined by me", "i declined", "turned down", "declined offer"}, Nothing, false, true},
	{Withdrawn, "Withdrawn", []string{"withdrew", "application withdrawn", "withdrawn by me"}, Nothing, false, true},
	{Rejected, "Rejected", []string{"not selected", "denied", "unsuccessful", "no offer"}, Nothing, false, false},
	{Ghosted, "No response", []string{"ghosted", "no reply", "no answer", "silent"}, Nothing, false, false},
	{Accepted, "Accepted", []string{"offer accepted", "hired", "signed", "accepted offer"}, Nothing, false, false},
}

// Question is what the user has to decide at a stage.
type Question int

// The questions.
const (
	Nothing        Question = iota // settled: there is nothing to decide
	AboutApplying                  // go on with the application, or withdraw it
	AboutInterview                 // go to the interview, or decline it
	AboutOffer                     // accept the offer, or decline it
)

func (s Status) row() (int, bool) {
	for i, e := range statusTable {
		if e.id == s {
			return i, true
		}
	}
	return 0, false
}

// Question is what there is to decide at this stage.
func (s Status) Question() Question {
	if i, ok := s.row(); ok {
		return statusTable[i].question
	}
	return Nothing
}

// Waiting reports whether the user waits for the other side to answer: an application or
// an invitation left unanswered long enough may be suggested for "no response".
func (s Status) Waiting() bool {
	i, ok := s.row()
	return ok && statusTable[i].waiting
}

// Declined reports whether the user turned the opportunity down — declined or withdrew —
// after which the after-steps and keeping in touch follow.
func (s Status) Declined() bool {
	i, ok := s.row()
	return ok && statusTable[i].declined
}

// GoAhead is the status going ahead leads to: from an interview question to the interview,
// from an offer to the job; "" where there is nothing to go ahead with.
func (s Status) GoAhead() Status {
	switch s.Question() {
	case AboutInterview:
		return Scheduled
	case AboutOffer:
		return Accepted
	}
	return ""
}

// Statuses lists every status in display order.
func Statuses() []Status {
	out := make([]Status, len(statusTable))
	for i, s := range statusTable {
		out[i] = s.id
	}
	return out
}

// Label is the status as the user reads it; an unknown status shows as itself.
func (s Status) Label() string {
	for _, e := range statusTable {
		if e.id == s {
			return e.label
		}
	}
	return string(s)
}

// Valid reports whether s is one of the statuses.
func (s Status) Valid() bool {
	for _, e := range statusTable {
		if e.id == s {
			return true
		}
	}
	return false
}

// Parse accepts a status id, its label or a common alias, in any case.
func Parse(text string) (Status, error) {
	key := strings.Join(strings.Fields(strings.ToLower(text)), " ")
	for _, e := range statusTable {
		if key == string(e.id) || key == strings.ToLower(e.label) {
			return e.id, nil
		}
		for _, a := range e.aliases {
			if key == a {
				return e.id, nil
			}
		}
	}
	// The names people see on screen; the ids (saved, applied, …) are accepted as well.
	labels := make([]string, len(statusTable))
	for i, e := range statusTable {
		labels[i] = e.label
	}
	return "", fmt.Errorf("unknown status %q: use one of %s", text, strings.Join(labels, ", "))
}

// Number is the status's place in the list, from 1; 0 for an unknown status. The list's
// index packs statuses into a few bits with it.
func (s Status) Number() int {
	if i, ok := s.row(); ok {
		return i + 1
	}
	return 0
}

// Numbered is the status at place n of the list (see Number); "" for none.
func Numbered(n int) Status {
	if n < 1 || n > len(statusTable) {
		return ""
	}
	return statusTable[n-1].id
}

// AfterMail is the status a mail from the other side moves an opportunity at s to, when
// the mail suggests the status suggested ("" when it suggests none, which keeps s). The
// open statuses only move on, in the order of the list: a confirmed interview after an
// invitation, an offer after an interview, never back. A rejection ends any open stage;
// after a rejection or a silence, the mail is taken as it says. What the user settled —
// declined, withdrew, accepted — no mail changes.
func (s Status) AfterMail(suggested Status) Status {
	switch {
	case !suggested.Valid() || s.Declined() || s == Accepted:
		return s
	case !s.Valid() || s == Rejected || s == Ghosted || suggested == Rejected:
		return suggested
	case suggested.open() && s.open() && suggested.Number() > s.Number():
		return suggested
	}
	return s
}

// open reports whether s is a stage of a search still under way, before anything was
// settled: saved up to an offer.
func (s Status) open() bool { return s.Valid() && s.Number() <= Offer.Number() }
