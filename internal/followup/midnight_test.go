package followup_test

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones below, on machines without a zone database

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/followup"
)

func TestNextMidnight(t *testing.T) {
	zone := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatalf("zone %s: %v", name, err)
		}
		return loc
	}
	berlin, santiago := zone("Europe/Berlin"), zone("America/Santiago")
	at := func(loc *time.Location, text string) time.Time {
		t.Helper()
		tm, err := time.ParseInLocation("2006-01-02 15:04", text, loc)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	// The clock changes are fixed days of each zone's rules, not days relative to the test clock.
	for _, tc := range []struct {
		name string
		now  time.Time
		want time.Duration
	}{
		{"test clock, UTC", clocktest.Epoch, clocktest.Epoch.Truncate(24 * time.Hour).Add(24 * time.Hour).Sub(clocktest.Epoch)},
		{"at midnight, a whole day", clocktest.Epoch.Truncate(24 * time.Hour), 24 * time.Hour},
		{"a second before midnight", clocktest.Epoch.Truncate(24 * time.Hour).Add(-time.Second), time.Second},
		{"Berlin, an ordinary evening", at(berlin, "2026-11-25 22:15"), 105 * time.Minute},
		{"Berlin, the day clocks go forward has 23 hours", at(berlin, "2026-03-29 00:00"), 23 * time.Hour},
		{"Berlin, before the change", at(berlin, "2026-03-29 01:30"), 21*time.Hour + 30*time.Minute},
		{"Berlin, after the change", at(berlin, "2026-03-29 03:30"), 20*time.Hour + 30*time.Minute},
		{"Berlin, the day clocks go back has 25 hours", at(berlin, "2026-10-25 00:00"), 25 * time.Hour},
		{"Berlin, the evening before clocks go back", at(berlin, "2026-10-24 23:00"), time.Hour},
		{"Santiago, where clocks skip midnight", at(santiago, "2026-09-05 23:30"), 30 * time.Minute},
		{"Santiago, the short day itself", at(santiago, "2026-09-06 01:00"), 23 * time.Hour},
	} {
		got := followup.NextMidnight(tc.now)
		if got != tc.want {
			t.Errorf("%s (%v): %v, want %v", tc.name, tc.now, got, tc.want)
		}
		// Whatever the zone does, the day must have changed then, and not a second earlier.
		y, m, d := tc.now.Date()
		if ny, nm, nd := tc.now.Add(got).Date(); ny == y && nm == m && nd == d {
			t.Errorf("%s: still the same day after %v", tc.name, got)
		}
		if py, pm, pd := tc.now.Add(got - time.Second).Date(); py != y || pm != m || pd != d {
			t.Errorf("%s: the day changed before %v", tc.name, got)
		}
	}
}
