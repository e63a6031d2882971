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
		{"1/1/0000", "", false},
		{"0000-12-31", "", false},
		{"1899-12-31", "", false},
		{"1900-01-01", "1900-01-01", true},
		{"12/31/2999", "2999-12-31", true},
		{"3000-01-01", "", false},
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

func TestParseDateInDayFirst(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Date
		ok   bool
	}{
		{"3/7/2026", "2026-07-03", true},
		{"31/12/2026", "2026-12-31", true},
		{"7.3.2026", "2026-03-07", true},
		{"31.12.2026", "2026-12-31", true},
		{"12/31/2026", "", false},
		{"2026-03-07", "2026-03-07", true},
		{"1.1.1800", "", false},
	} {
		got, err := ParseDateIn(tc.in, DayFirst)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseDateIn(%q, DayFirst) = %q, %v; want %q ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestOrderEvidence(t *testing.T) {
	for _, tc := range []struct {
		in        string
		order     DateOrder
		ambiguous bool
	}{
		{"31/1/2026", DayFirst, false},
		{"1/31/2026", MonthFirst, false},
		{"3/4/2026", OrderUnknown, true},
		{"4/4/2026", OrderUnknown, false},
		{"4.5.2026", DayFirst, false},
		{"2026-04-05", OrderUnknown, false},
		{"13/13/2026", OrderUnknown, false},
		{"", OrderUnknown, false},
	} {
		order, amb := OrderEvidence(tc.in)
		if order != tc.order || amb != tc.ambiguous {
			t.Errorf("OrderEvidence(%q) = %v, %v", tc.in, order, amb)
		}
	}
}

func TestValidRefusesYearsTheWindowCannotShow(t *testing.T) {
	for _, d := range []Date{"0000-01-01", "1899-12-31", "3000-01-01", "9999-12-31"} {
		if d.Valid() {
			t.Errorf("%s accepted", d)
		}
	}
}
