// Package followup decides what the job search asks of the user today: the follow-ups that
// are due, the applications that went unanswered, the declined roles to keep in touch
// with, and when to say so. It changes nothing itself; the window and the store act on it.
package followup

import (
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// Due lists the rows whose follow-up falls on today or before, the longest overdue first.
// It works on the list index, so it stays quick at 100,000 opportunities.
func Due(ix *tracker.Index, today day.Day) []*tracker.Row {
	return ix.Find(tracker.Query{Due: true, Today: today, Sort: tracker.ByFollowUp})
}

// DueCount is how many follow-ups are due on today or before: the count the window keeps
// in view.
func DueCount(ix *tracker.Index, today day.Day) int { return len(Due(ix, today)) }

// IsDue reports whether o's follow-up falls on today or before.
func IsDue(o *tracker.Opportunity, today day.Day) bool {
	// Valid dates are YYYY-MM-DD, which compare as strings.
	return o.FollowUpOn != "" && o.FollowUpOn.Valid() && today != "" && today.Valid() && o.FollowUpOn <= today
}

// KeepInTouchDue reports whether the user turned o down and its follow-up has come: the
// time to send the keep-in-touch letter.
func KeepInTouchDue(o *tracker.Opportunity, today day.Day) bool {
	return o.Status.Declined() && IsDue(o, today)
}
