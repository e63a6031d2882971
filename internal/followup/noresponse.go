package followup

import (
	"time"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// NoResponse reports whether o should be suggested for "no response": it waits for the
// other side (stage.Status.Waiting), nothing happened between them for at least days
// calendar days (where the user is, as now says) and the user has not chosen to keep
// waiting. The suggestion is only that: the user decides.
func NoResponse(o *tracker.Opportunity, now time.Time, days int) bool {
	return o.Status.Waiting() && !o.NoResponseDismissed && o.ActivityAt.Before(untouchedSince(now, days))
}

// SuggestNoResponse lists the rows of the index that NoResponse would suggest, the longest
// waiting last (the list's order, latest activity first).
func SuggestNoResponse(ix *tracker.Index, now time.Time, days int) []*tracker.Row {
	limit := untouchedSince(now, days).Unix()
	var out []*tracker.Row
	for _, r := range ix.Find(tracker.Query{Sort: tracker.ByActivity}) {
		if r.ActivityAt < limit && r.Status().Waiting() && !r.NoResponseDismissed() {
			out = append(out, r)
		}
	}
	return out
}

// untouchedSince is the start of the local day days before now's: a record last changed
// before it has been untouched for at least days calendar days.
func untouchedSince(now time.Time, days int) time.Time {
	y, m, d := now.Date()
	return time.Date(y, m, d-days+1, 0, 0, 0, 0, now.Location())
}
