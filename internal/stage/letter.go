package stage

import (
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
)

// letterForStage is the one table from where an opportunity stands to the letter that
// answers it. Rows are tried in order; the first whose status matches and whose when
// holds (nil: always) gives the kind, and why says so in the user's words.
var letterForStage = []struct {
	status Status
	when   func(f Facts, today day.Day) bool
	kind   letter.Kind
	why    func(f Facts, today day.Day) string
}{
	{Saved, nil, letter.Withdraw, says("Nothing is scheduled yet: if you sent an application, a short letter takes it back.")},
	{Applied, nil, letter.Withdraw, says("You applied and have not been interviewed: withdraw the application.")},
	{Invited, nil, letter.DeclineInterview, says("They invited you to interview: decline the invitation, with thanks.")},
	{Scheduled, interviewPast, letter.Withdraw, func(f Facts, _ day.Day) string {
		return "Your interview on " + f.InterviewOn.Format(day.Long) + " has taken place: withdraw your application and thank them for the conversation."
	}},
	{Scheduled, nil, letter.DeclineInterview, func(f Facts, _ day.Day) string {
		if f.InterviewOn.IsZero() {
			return "Your interview is still to come: decline it, with thanks."
		}
		return "Your interview on " + f.InterviewOn.Format(day.Long) + " is still to come: decline it, with thanks."
	}},
	{Offer, nil, letter.DeclineOffer, says("They made you an offer: decline it, with thanks.")},
	{Declined, nil, letter.KeepInTouch, keepInTouchWhy("You declined this one.")},
	{Withdrawn, nil, letter.KeepInTouch, keepInTouchWhy("You withdrew from this one.")},
	{Accepted, nil, "", says("You took this job, so there is nothing to turn down.")},
	{Rejected, nil, "", says("They chose another candidate, so there is no decision of yours to send.")},
	{Ghosted, nil, "", says("They never answered, so no reply is owed.")},
}

// Facts are what the letter for a stage depends on besides the status.
type Facts struct {
	Status      Status
	InterviewOn day.Day
	FollowUpOn  day.Day
}

// SuggestedKind is the letter the stage calls for on the day today, and why. The kind is
// "" when the stage calls for none (accepted, rejected, no response); the user may still
// choose one.
func SuggestedKind(f Facts, today day.Day) (kind letter.Kind, why string) {
	for _, row := range letterForStage {
		if row.status == f.Status && (row.when == nil || row.when(f, today)) {
			return row.kind, row.why(f, today)
		}
	}
	return "", "Its stage (" + string(f.Status) + ") suggests no letter."
}

func says(why string) func(Facts, day.Day) string {
	return func(Facts, day.Day) string { return why }
}

// interviewPast reports whether the interview day is before today: on the day itself it is
// still to come.
func interviewPast(f Facts, today day.Day) bool {
	return !f.InterviewOn.IsZero() && !today.IsZero() && f.InterviewOn < today
}

// keepInTouchWhy says whether the keep-in-touch follow-up is due.
func keepInTouchWhy(done string) func(Facts, day.Day) string {
	return func(f Facts, today day.Day) string {
		switch {
		case f.FollowUpOn.IsZero():
			return done + " No follow-up is set; a short note keeps in touch whenever you like."
		case f.FollowUpOn <= today:
			return done + " The keep-in-touch follow-up is due: a short note keeps the door open."
		}
		return done + " The keep-in-touch follow-up is not due until " + f.FollowUpOn.Format(day.Long) + "."
	}
}
