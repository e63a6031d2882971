package tracker

import "testing"

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Date
		ok   bool
	}{
		{"", "", true},
		{"  ", "", true},
		{"2026-03-07", "2026-03-07", true},
		{"3/7/2026", "2026-03-07", true},
		{"03/07/2026", "2026-03-07", true},
		{"12/31/1999", "1999-12-31", true},
		{"2/29/2024", "2024-02-29", true},
		{"2/29/2025", "", false},
		{"13/1/2026", "", false},
		{"2026-02-30", "", false},
		{"7.3.2026", "", false},
		{"3/7/26", "", false},
		{"tomorrow", "", false},
		{"2026-3-7", "", false},
	} {
		got, err := ParseDate(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	d := Date("2026-11-25")
	if got := d.AddDays(90); got != "2027-02-23" {
		t.Errorf("AddDays(90) = %s", got)
	}
	if got := d.AddDays(-25); got != "2026-10-31" {
		t.Errorf("AddDays(-25) = %s", got)
	}
	if got := Date("2026-11-20").DaysSince(d); got != 5 {
		t.Errorf("DaysSince = %d, want 5", got)
	}
	if got := Date("2026-12-01").DaysSince(d); got != -6 {
		t.Errorf("DaysSince future = %d, want -6", got)
	}
	if Date("").AddDays(3) != "" || Date("").DaysSince(d) != 0 {
		t.Error("blank date should stay blank")
	}
	if !Date("").Valid() || !d.Valid() || Date("2026-13-01").Valid() || Date("26-1-1").Valid() {
		t.Error("Valid misjudges")
	}
}
