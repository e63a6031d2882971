package followup

import "github.com/declinedesk/declinedesk/internal/day"

// ShouldNotify decides whether this start of the app shows the notification of follow-ups
// due: only when notifications are on, something is due, and none was shown today yet.
// lastNotifiedDay is the day of the last one as the window stored it ("" for never); a
// day after today (the clock was put back, or the user flew west) counts as today, so the
// user never gets two in one day. A stored value that is not a day counts as never.
func ShouldNotify(lastNotifiedDay string, today day.Day, dueCount int, enabled bool) bool {
	if !enabled || dueCount <= 0 || today == "" || !today.Valid() {
		return false
	}
	last := day.Day(lastNotifiedDay)
	return last == "" || !last.Valid() || last < today
}
