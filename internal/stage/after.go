package stage

import "github.com/declinedesk/declinedesk/internal/letter"

// AfterStep is one thing to do once the user has turned an opportunity down.
type AfterStep string

// The steps after declining or withdrawing.
const (
	StepLetterSent      AfterStep = "letter-sent"
	StepTrackerUpdated  AfterStep = "tracker-updated"
	StepProfilesUpdated AfterStep = "profiles-updated"
	StepKeepInTouch     AfterStep = "keep-in-touch"
)

// AfterSteps lists the steps in order, with what they ask of the user.
var AfterSteps = []struct {
	Step  AfterStep
	Label string
}{
	{StepLetterSent, "Letter sent"},
	{StepTrackerUpdated, "Tracker updated"},
	{StepProfilesUpdated, "Profiles updated"},
	{StepKeepInTouch, "Kept in touch"},
}

// AfterSending is the status sending a letter of kind k moves an opportunity to, and the
// after-step it ticks besides "letter sent": a decline and a withdrawal settle the
// opportunity and tick "tracker updated"; a keep-in-touch note leaves the status as it is
// ("") and ticks "kept in touch". ok is false for a kind no letter has.
func AfterSending(k letter.Kind) (status Status, step AfterStep, ok bool) {
	switch k.OrDefault() {
	case letter.DeclineInterview, letter.DeclineOffer:
		return Declined, StepTrackerUpdated, true
	case letter.Withdraw:
		return Withdrawn, StepTrackerUpdated, true
	case letter.KeepInTouch:
		return "", StepKeepInTouch, true
	}
	return "", "", false
}
