package followup

import (
	"time"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// NoResponse reports whether o should be suggested for "no response": it is at applied or
// invited, untouched for at least days calendar days (where the user is, as now says) and
// the user has not chosen to keep waiting. The suggestion is only that: the user decides.
func NoResponse(o *tracker.Opportunity, now time.Time, days int) bool {
	return waiting(o.Status) && !o.NoResponseDismissed && o.UpdatedAt.Before(untouchedSince(now, days))
}

// SuggestNoResponse lists the rows of the index that NoResponse would suggest, the longest
// waiting last (the list's order, most recently updated first).
func SuggestNoResponse(ix *tracker.Index, now time.Time, days int) []*tracker.Row {
	limit := untouchedSince(now, days).Unix()
	var out []*tracker.Row
	for _, r := range ix.Find(tracker.Query{Sort: tracker.ByUpdated}) {
		if r.UpdatedAt < limit && waiting(r.Status()) && !r.NoResponseDismissed() {
			out = append(out, r)
		}
	}
	return out
}

func waiting(s tracker.Status) bool { return s == tracker.Applied || s == tracker.Invited }

// untouchedSince is the start of the local day days before now's: a record last changed
// before it has been untouched for at least days calendar days.
func untouchedSince(now time.Time, days int) time.Time {
	y, m, d := now.Date()
	return time.Date(y, m, d-days+1, 0, 0, 0, 0, now.Location())
}
