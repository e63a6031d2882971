package checklist

import (
	"fmt"
	"time"
)

// Urgency is how pressing a reply is.
type Urgency int

// The urgencies, from none to pressing.
const (
	NoUrgency Urgency = iota
	Calm
	Soon
	Now
)

// Reply thresholds, in days since the invitation and days before the interview.
const (
	replySoonAfter  = 2  // from two days after the invitation, remind to reply soon
	replyNowAfter   = 4  // from four days, urge a reply today
	interviewNearIn = 3  // an interview this close makes any reply urgent
	longAgo         = 14 // after two weeks, the nudge stops saying they are waiting
)

// Badge is the timing nudge shown above the checklist.
type Badge struct {
	Text    string
	Urgency Urgency
}

// Dates are the days that decide the timing; a zero time is a day not set.
type Dates struct {
	Invited, Interview, Responded time.Time
}

// Timing says how long ago the invitation came and how soon a reply is due. It is quiet
// once the user has responded.
func Timing(d Dates, today time.Time) Badge {
	if !d.Responded.IsZero() {
		return Badge{Text: "You replied on " + d.Responded.Format(time.DateOnly) + ".", Urgency: NoUrgency}
	}
	if !d.Interview.IsZero() {
		switch days := daysBetween(today, d.Interview); {
		case days < 0:
			return Badge{Text: "The interview date has passed.", Urgency: NoUrgency}
		case days == 0:
			return Badge{Text: "The interview is today — if you are declining, tell them right away.", Urgency: Now}
		case days <= interviewNearIn:
			return Badge{Text: fmt.Sprintf("The interview is in %s — reply today.", dayCount(days)), Urgency: Now}
		case d.Invited.IsZero():
			return Badge{Text: fmt.Sprintf("The interview is in %s.", dayCount(days)), Urgency: Calm}
		}
	}
	if d.Invited.IsZero() {
		return Badge{Text: "Add the day you were invited to see how soon to reply.", Urgency: NoUrgency}
	}
	switch days := daysBetween(d.Invited, today); {
	case days < 0:
		return Badge{Text: "The invitation date is in the future — check it.", Urgency: NoUrgency}
	case days == 0:
		return Badge{Text: "Invited today — a reply within a day or two is courteous.", Urgency: Calm}
	case days < replySoonAfter:
		return Badge{Text: "Invited yesterday — a reply within a day or two is courteous.", Urgency: Calm}
	case days < replyNowAfter:
		return Badge{Text: fmt.Sprintf("Invited %s ago — reply soon.", dayCount(days)), Urgency: Soon}
	case days <= longAgo:
		return Badge{Text: fmt.Sprintf("Invited %s ago — reply today; they are waiting.", dayCount(days)), Urgency: Now}
	default:
		return Badge{Text: fmt.Sprintf("Invited %s ago — if you have not replied yet, a short answer today still helps.", dayCount(days)), Urgency: Now}
	}
}

// daysBetween counts calendar days from a to b, ignoring the time of day.
func daysBetween(a, b time.Time) int {
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	return int(day(b).Sub(day(a)).Hours() / 24)
}

func dayCount(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
