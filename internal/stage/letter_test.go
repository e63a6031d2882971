package stage

import (
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
)

func TestSuggestedKind(t *testing.T) {
	today := day.Day(clocktest.Day(0))
	on := func(n int) day.Day { return day.Day(clocktest.Day(n)) }
	for _, tc := range []struct {
		status              Status
		interview, followUp day.Day
		kind                letter.Kind
		why                 string // words the reason must hold
	}{
		{Saved, "", "", letter.Withdraw, "takes it back"},
		{Applied, "", "", letter.Withdraw, "withdraw the application"},
		{Applied, on(-3), "", letter.Withdraw, "withdraw the application"},
		{Invited, "", "", letter.DeclineInterview, "decline the invitation"},
		{Invited, on(-3), "", letter.DeclineInterview, "decline the invitation"},
		{Scheduled, on(4), "", letter.DeclineInterview, "is still to come"},
		{Scheduled, on(0), "", letter.DeclineInterview, on(0).Format(day.Long) + " is still to come"}, // later today
		{Scheduled, "", "", letter.DeclineInterview, "is still to come"},
		{Scheduled, on(-1), "", letter.Withdraw, on(-1).Format(day.Long) + " has taken place"},
		{Scheduled, on(-90), "", letter.Withdraw, "thank them for the conversation"},
		{Offer, on(-10), "", letter.DeclineOffer, "decline it"},
		{Declined, "", on(-2), letter.KeepInTouch, "follow-up is due"},
		{Declined, "", on(0), letter.KeepInTouch, "follow-up is due"},
		{Declined, "", on(30), letter.KeepInTouch, "not due until " + on(30).Format(day.Long)},
		{Declined, "", "", letter.KeepInTouch, "No follow-up is set"},
		{Withdrawn, on(-40), on(-1), letter.KeepInTouch, "You withdrew"},
		{Withdrawn, "", on(5), letter.KeepInTouch, "not due until"},
		{Accepted, "", "", "", "nothing to turn down"},
		{Rejected, on(-5), "", "", "no decision of yours"},
		{Ghosted, "", "", "", "no reply is owed"},
		{"frozen", "", "", "", "suggests no letter"},
	} {
		kind, why := SuggestedKind(Facts{Status: tc.status, InterviewOn: tc.interview, FollowUpOn: tc.followUp}, today)
		if kind != tc.kind || !strings.Contains(why, tc.why) {
			t.Errorf("%s, interview %q, follow-up %q: %q, %q; want %q with %q", tc.status, tc.interview, tc.followUp, kind, why, tc.kind, tc.why)
		}
		if kind != "" && !strings.HasSuffix(why, ".") {
			t.Errorf("%s: %q is not a sentence", tc.status, why)
		}
	}
}

// TestEveryStatusHasALetterOrAReason: the table covers every status, and each status with
// no letter says why in words the window can show.
func TestEveryStatusHasALetterOrAReason(t *testing.T) {
	for _, st := range Statuses() {
		found := false
		for _, row := range letterForStage {
			found = found || row.status == st
		}
		if !found {
			t.Errorf("%s is not in the table", st)
		}
		_, why := SuggestedKind(Facts{Status: st}, day.Day(clocktest.Day(0)))
		if why == "" || strings.Contains(why, string(st)+")") {
			t.Errorf("%s: why %q", st, why)
		}
	}
}
