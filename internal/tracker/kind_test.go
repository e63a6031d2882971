package tracker

import (
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/letter"
)

func TestSuggestedKind(t *testing.T) {
	today := Date(clocktest.Day(0))
	day := func(n int) Date { return Date(clocktest.Day(n)) }
	for _, tc := range []struct {
		status              Status
		interview, followUp Date
		kind                letter.Kind
		why                 string // words the reason must hold
	}{
		{Saved, "", "", letter.Withdraw, "takes it back"},
		{Applied, "", "", letter.Withdraw, "withdraw the application"},
		{Applied, day(-3), "", letter.Withdraw, "withdraw the application"},
		{Invited, "", "", letter.DeclineInterview, "decline the invitation"},
		{Invited, day(-3), "", letter.DeclineInterview, "decline the invitation"},
		{Scheduled, day(4), "", letter.DeclineInterview, "is still to come"},
		{Scheduled, day(0), "", letter.DeclineInterview, day(0).long() + " is still to come"}, // later today
		{Scheduled, "", "", letter.DeclineInterview, "is still to come"},
		{Scheduled, day(-1), "", letter.Withdraw, day(-1).long() + " has taken place"},
		{Scheduled, day(-90), "", letter.Withdraw, "thank them for the conversation"},
		{Offer, day(-10), "", letter.DeclineOffer, "decline it"},
		{Declined, "", day(-2), letter.KeepInTouch, "follow-up is due"},
		{Declined, "", day(0), letter.KeepInTouch, "follow-up is due"},
		{Declined, "", day(30), letter.KeepInTouch, "not due until " + day(30).long()},
		{Declined, "", "", letter.KeepInTouch, "No follow-up is set"},
		{Withdrawn, day(-40), day(-1), letter.KeepInTouch, "You withdrew"},
		{Withdrawn, "", day(5), letter.KeepInTouch, "not due until"},
		{Accepted, "", "", "", "nothing to turn down"},
		{Rejected, day(-5), "", "", "no decision of yours"},
		{Ghosted, "", "", "", "no reply is owed"},
		{"frozen", "", "", "", "suggests no letter"},
	} {
		o := &Opportunity{Company: "Acme", Role: "Go Engineer", Status: tc.status, InterviewOn: tc.interview, FollowUpOn: tc.followUp}
		kind, why := SuggestedKind(o, today)
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
		_, why := SuggestedKind(&Opportunity{Status: st}, Date(clocktest.Day(0)))
		if why == "" || strings.Contains(why, string(st)+")") {
			t.Errorf("%s: why %q", st, why)
		}
	}
}
