package tracker

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

// statusTable is the one list of statuses: id, label shown to the user, and the other
// names job trackers and spreadsheets use for it (matched case-insensitively on import).
var statusTable = []struct {
	id      Status
	label   string
	aliases []string
}{
	{Saved, "Saved", []string{"wishlist", "bookmarked", "interested", "to apply", "not applied", "draft", "saved for later"}},
	{Applied, "Applied", []string{"submitted", "application sent", "in review", "pending"}},
	{Invited, "Interview invited", []string{"invitation", "interview invitation", "invited to interview", "screening"}},
	{Scheduled, "Interview scheduled", []string{"interviewing", "interview", "interviews", "in progress", "phone screen", "on site", "onsite", "final round"}},
	{Offer, "Offer", []string{"offered", "offer received", "offer extended"}},
	{Declined, "Declined (by me)", []string{"offer declined", "declined by me", "i declined", "turned down", "declined offer"}},
	{Withdrawn, "Withdrawn", []string{"withdrew", "application withdrawn", "withdrawn by me"}},
	{Rejected, "Rejected", []string{"not selected", "denied", "unsuccessful", "no offer"}},
	{Ghosted, "No response", []string{"ghosted", "no reply", "no answer", "silent"}},
	{Accepted, "Accepted", []string{"offer accepted", "hired", "signed", "accepted offer"}},
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

// ParseStatus accepts a status id, its label or a common alias, in any case.
func ParseStatus(text string) (Status, error) {
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
