package followup

import "time"

// NextMidnight is how long from now until the day changes where the user is (in now's
// location), so that the window can count the due follow-ups again then. Days of 23 or 25
// hours, where clocks change, are measured as they are; where a change skips midnight
// itself, the new day starts at the change.
func NextMidnight(now time.Time) time.Duration {
	y, m, d := now.Date()
	next := time.Date(y, m, d+1, 0, 0, 0, 0, now.Location())
	if next.Day() == d {
		// time.Date puts a midnight that does not exist before the change, still today.
		_, next = next.ZoneBounds()
	}
	if wait := next.Sub(now); wait > 0 {
		return wait
	}
	// Clocks put back across midnight could bring now past it: then look again soon.
	return time.Minute
}
