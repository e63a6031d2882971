package day

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Day
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
		got, err := Parse(tc.in, MonthFirst)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("Parse(%q, MonthFirst) = %q, %v; want %q ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	d := Day("2026-11-25")
	if got := d.AddDays(90); got != "2027-02-23" {
		t.Errorf("AddDays(90) = %s", got)
	}
	if got := d.AddDays(-25); got != "2026-10-31" {
		t.Errorf("AddDays(-25) = %s", got)
	}
	if got := Day("2026-11-20").DaysSince(d); got != 5 {
		t.Errorf("DaysSince = %d, want 5", got)
	}
	if got := Day("2026-12-01").DaysSince(d); got != -6 {
		t.Errorf("DaysSince future = %d, want -6", got)
	}
	if Day("").AddDays(3) != "" || Day("").DaysSince(d) != 0 {
		t.Error("blank date should stay blank")
	}
	if !Day("").Valid() || !d.Valid() || Day("2026-13-01").Valid() || Day("26-1-1").Valid() {
		t.Error("Valid misjudges")
	}
}

func TestParseDateInDayFirst(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Day
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
		got, err := Parse(tc.in, DayFirst)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("Parse(%q, DayFirst) = %q, %v; want %q ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestOrderEvidence(t *testing.T) {
	for _, tc := range []struct {
		in        string
		order     Order
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
		order, amb := Evidence(tc.in)
		if order != tc.order || amb != tc.ambiguous {
			t.Errorf("Evidence(%q) = %v, %v", tc.in, order, amb)
		}
	}
}

func TestValidRefusesYearsTheWindowCannotShow(t *testing.T) {
	for _, d := range []Day{"0000-01-01", "1899-12-31", "3000-01-01", "9999-12-31"} {
		if d.Valid() {
			t.Errorf("%s accepted", d)
		}
	}
}

func TestCheck(t *testing.T) {
	for _, ok := range []string{"1900-01-01", "2026-11-25", "2999-12-31"} {
		if err := Check(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "0000-12-31", "1899-12-31", "3000-01-01", "2026-02-30", "12/01/2026"} {
		if err := Check(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// Told no order, a day is taken only when it reads one way; one that reads two ways is
// refused with both readings, never guessed.
func TestParseWithoutAnOrderNeverGuesses(t *testing.T) {
	for in, want := range map[string]Day{"2026-03-04": "2026-03-04", "31/1/2026": "2026-01-31", "1/31/2026": "2026-01-31", "5/5/2026": "2026-05-05", "14.12.2026": "2026-12-14"} {
		if got, err := Parse(in, OrderUnknown); err != nil || got != want {
			t.Errorf("%s: %s, %v", in, got, err)
		}
	}
	_, err := Parse("3/4/2026", OrderUnknown)
	if err == nil || !strings.Contains(err.Error(), "March 4, 2026 or 3 April 2026") {
		t.Errorf("3/4/2026: %v", err)
	}
}

func TestFormatWritesMonthsByName(t *testing.T) {
	d := Day("2026-12-01")
	for s, want := range map[Style]string{Short: "Tue 1 Dec 2026", Long: "Tuesday, December 1, 2026", LongNoYear: "Tuesday, December 1",
		MonthDay: "December 1", MonthDayYear: "December 1, 2026", DayMonthYear: "1 December 2026"} {
		if got := d.Format(s); got != want {
			t.Errorf("style %d: %q, want %q", s, got, want)
		}
	}
	if Day("").Format(Long) != "" {
		t.Error("no day writes as something")
	}
}
