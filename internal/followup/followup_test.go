package followup_test

import (
	"slices"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/followup"
	"github.com/declinedesk/declinedesk/internal/sample"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

func dayAt(n int) day.Day { return day.Day(clocktest.Day(n)) }

func index(opps []tracker.Opportunity) *tracker.Index {
	var rows []*tracker.Row
	for i := range opps {
		rows = append(rows, tracker.RowOf(&opps[i]))
	}
	return tracker.NewIndex(rows)
}

func TestDueListsTodayAndOverdueLongestFirst(t *testing.T) {
	opps := []tracker.Opportunity{
		{ID: 1, Company: "Acme", Role: "Dev", Status: stage.Applied, FollowUpOn: dayAt(-2)},
		{ID: 2, Company: "Beta", Role: "Dev", Status: stage.Declined, FollowUpOn: dayAt(0)},
		{ID: 3, Company: "Gamma", Role: "Dev", Status: stage.Invited, FollowUpOn: dayAt(1)},
		{ID: 4, Company: "Delta", Role: "Dev", Status: stage.Saved},
		{ID: 5, Company: "Eps", Role: "Dev", Status: stage.Offer, FollowUpOn: dayAt(-30)},
	}
	ix := index(opps)
	for _, tc := range []struct {
		today day.Day
		want  []uint64
	}{
		{dayAt(0), []uint64{5, 1, 2}},
		{dayAt(-1), []uint64{5, 1}},
		{dayAt(-3), []uint64{5}},
		{dayAt(1), []uint64{5, 1, 2, 3}},
		{dayAt(-31), nil},
		{"", nil},
	} {
		var got []uint64
		for _, r := range followup.Due(ix, tc.today) {
			got = append(got, r.ID)
		}
		if !slices.Equal(got, tc.want) || followup.DueCount(ix, tc.today) != len(tc.want) {
			t.Errorf("on %q: %v (count %d), want %v", tc.today, got, followup.DueCount(ix, tc.today), tc.want)
		}
		for i := range opps {
			if want := slices.Contains(tc.want, opps[i].ID); followup.IsDue(&opps[i], tc.today) != want {
				t.Errorf("on %q: IsDue(#%d) = %v", tc.today, opps[i].ID, !want)
			}
		}
	}
}

func TestIsDueWithDatesThatAreNotDays(t *testing.T) {
	for _, tc := range []struct {
		followUp, today day.Day
		want            bool
	}{
		{dayAt(0), dayAt(0), true},
		{"garbage", dayAt(0), false},
		{dayAt(0), "garbage", false},
		{"2026-02-30", dayAt(9999), false},
		{"", dayAt(0), false},
	} {
		o := tracker.Opportunity{FollowUpOn: tc.followUp}
		if got := followup.IsDue(&o, tc.today); got != tc.want {
			t.Errorf("follow-up %q today %q: %v", tc.followUp, tc.today, got)
		}
	}
}

func TestKeepInTouchDue(t *testing.T) {
	for _, tc := range []struct {
		status   stage.Status
		followUp day.Day
		want     bool
	}{
		{stage.Declined, dayAt(0), true},
		{stage.Withdrawn, dayAt(-5), true},
		{stage.Declined, dayAt(1), false},
		{stage.Declined, "", false},
		{stage.Applied, dayAt(0), false},
		{stage.Rejected, dayAt(-1), false},
		{stage.Ghosted, dayAt(-1), false},
	} {
		o := tracker.Opportunity{Status: tc.status, FollowUpOn: tc.followUp}
		if got := followup.KeepInTouchDue(&o, dayAt(0)); got != tc.want {
			t.Errorf("%s, follow-up %q: %v, want %v", tc.status, tc.followUp, got, tc.want)
		}
	}
}

func TestNoResponse(t *testing.T) {
	now := clocktest.Epoch // 10:00 UTC
	midnight := now.Truncate(24 * time.Hour)
	for _, tc := range []struct {
		name      string
		status    stage.Status
		updated   time.Time
		dismissed bool
		days      int
		want      bool
	}{
		{"applied 21 days ago", stage.Applied, now.AddDate(0, 0, -21), false, 21, true},
		{"invited 40 days ago", stage.Invited, now.AddDate(0, 0, -40), false, 21, true},
		{"20 days is not yet", stage.Applied, now.AddDate(0, 0, -20), false, 21, false},
		{"late on the 21st day before counts", stage.Applied, midnight.AddDate(0, 0, -20).Add(-time.Second), false, 21, true},
		{"the 20th day's first second does not", stage.Applied, midnight.AddDate(0, 0, -20), false, 21, false},
		{"a shorter wait set by the user", stage.Applied, now.AddDate(0, 0, -7), false, 7, true},
		{"a longer one", stage.Applied, now.AddDate(0, 0, -30), false, 60, false},
		{"kept waiting", stage.Applied, now.AddDate(0, 0, -90), true, 21, false},
		{"scheduled is not waiting", stage.Scheduled, now.AddDate(0, 0, -90), false, 21, false},
		{"saved is not waiting", stage.Saved, now.AddDate(0, 0, -90), false, 21, false},
		{"already no response", stage.Ghosted, now.AddDate(0, 0, -90), false, 21, false},
		{"declined", stage.Declined, now.AddDate(0, 0, -90), false, 21, false},
	} {
		o := tracker.Opportunity{ID: 1, Company: "Acme", Role: "Dev", Status: tc.status, ActivityAt: tc.updated, NoResponseDismissed: tc.dismissed}
		if got := followup.NoResponse(&o, now, tc.days); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		if got := len(followup.SuggestNoResponse(index([]tracker.Opportunity{o}), now, tc.days)) == 1; got != tc.want {
			t.Errorf("%s, from the list: %v, want %v", tc.name, got, tc.want)
		}
		// The store's count of days, which the history note gives, must agree.
		if tc.want && o.DaysUntouched(now) < tc.days {
			t.Errorf("%s: suggested after %d days", tc.name, o.DaysUntouched(now))
		}
		if !tc.want && tc.status == stage.Applied && !tc.dismissed && o.DaysUntouched(now) >= tc.days {
			t.Errorf("%s: not suggested after %d days", tc.name, o.DaysUntouched(now))
		}
	}
}

func TestNoResponseCountsDaysWhereTheUserIs(t *testing.T) {
	// Updated at 23:30 UTC the day before 21 days ago: already the next day in Tokyo.
	noon := clocktest.Epoch.Truncate(24 * time.Hour).Add(3 * time.Hour) // 03:00 UTC, noon in Tokyo
	updated := noon.Truncate(24*time.Hour).AddDate(0, 0, -21).Add(-30 * time.Minute)
	o := tracker.Opportunity{Status: stage.Applied, ActivityAt: updated}
	tokyo := time.FixedZone("UTC+9", 9*3600)
	if !followup.NoResponse(&o, noon, 22) {
		t.Error("in UTC 22 days have passed")
	}
	if followup.NoResponse(&o, noon.In(tokyo), 22) || !followup.NoResponse(&o, noon.In(tokyo), 21) {
		t.Error("in Tokyo it has been 21 days")
	}
}

func TestSettings(t *testing.T) {
	def := followup.DefaultSettings()
	if def != (followup.Settings{NoResponseDays: 21, KeepInTouchDays: 90, Notify: true}) || def.Validate() != nil {
		t.Fatalf("defaults %+v: %v", def, def.Validate())
	}
	for _, tc := range []struct {
		s      followup.Settings
		fields []string
	}{
		{followup.Settings{NoResponseDays: 1, KeepInTouchDays: 1}, nil},
		{followup.Settings{NoResponseDays: 365, KeepInTouchDays: 730, Notify: true}, nil},
		{followup.Settings{NoResponseDays: 0, KeepInTouchDays: 90}, []string{"no_response_days"}},
		{followup.Settings{NoResponseDays: 366, KeepInTouchDays: 90}, []string{"no_response_days"}},
		{followup.Settings{NoResponseDays: 21, KeepInTouchDays: 0}, []string{"keep_in_touch_days"}},
		{followup.Settings{NoResponseDays: 21, KeepInTouchDays: 731}, []string{"keep_in_touch_days"}},
		{followup.Settings{NoResponseDays: -1, KeepInTouchDays: -1}, []string{"no_response_days", "keep_in_touch_days"}},
		{followup.Settings{}, []string{"no_response_days", "keep_in_touch_days"}},
	} {
		var got []string
		if err := tc.s.Validate(); err != nil {
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				fe, ok := e.(*tracker.FieldError)
				if !ok || fe.Message == "" {
					t.Errorf("%+v: %T %v", tc.s, e, e)
					continue
				}
				got = append(got, fe.Field)
			}
		}
		if !slices.Equal(got, tc.fields) {
			t.Errorf("%+v: fields %v, want %v", tc.s, got, tc.fields)
		}
	}
	if got := def.KeepInTouchOn(dayAt(0)); got != dayAt(90) {
		t.Errorf("keep in touch on %s, want %s", got, dayAt(90))
	}
}

func TestShouldNotify(t *testing.T) {
	today := dayAt(0)
	for _, tc := range []struct {
		name    string
		last    string
		today   day.Day
		due     int
		enabled bool
		want    bool
	}{
		{"first start ever", "", today, 3, true, true},
		{"first start of the day", clocktest.Day(-1), today, 1, true, true},
		{"after a week away", clocktest.Day(-7), today, 2, true, true},
		{"second start of the day", clocktest.Day(0), today, 3, true, false},
		{"nothing due", clocktest.Day(-1), today, 0, true, false},
		{"turned off", clocktest.Day(-1), today, 5, false, false},
		{"clock put back a day", clocktest.Day(1), today, 5, true, false},
		{"stored value damaged", "yesterday", today, 5, true, true},
		{"no today", clocktest.Day(-1), "", 5, true, false},
	} {
		if got := followup.ShouldNotify(tc.last, tc.today, tc.due, tc.enabled); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func BenchmarkSuggestNoResponse100k(b *testing.B) {
	opps := sample.Opportunities(100_000, 1)
	for i := range opps {
		opps[i].ID = uint64(i + 1)
	}
	ix := index(opps)
	ix.Find(tracker.Query{})
	for b.Loop() {
		if len(followup.SuggestNoResponse(ix, clocktest.Epoch, 21)) == 0 {
			b.Fatal("nothing suggested")
		}
	}
}
