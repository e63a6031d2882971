package invitation

import (
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
)

// The reference of the date tests: a mail sent on Thursday 3 December 2026, in Berlin's
// winter time.
var cet = time.FixedZone("", 3600)
var ref = reference{"2026-12-03", cet}

func TestDatesInText(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		day        string
		clock      string // "15:04 -0700", or "" when the text gives no time
		zone       bool
		note       string
	}{
		{"en", "Would Thursday, December 10 at 2:00 PM suit you?", "2026-12-10", "14:00 +0100", false, ""},
		{"en", "We can meet on December 10, 2026, 9:00 a.m. EST.", "2026-12-10", "09:00 -0500", true, ""},
		{"en", "Is 2-3 pm on Friday, December 11 possible?", "2026-12-11", "14:00 +0100", false, ""},
		{"en", "We have 11 - 1 pm free on December 11.", "2026-12-11", "11:00 +0100", false, ""},
		{"en", "Tuesday 15th December at noon works.", "2026-12-15", "12:00 +0100", false, ""},
		{"en", "Let's talk at 14:00 CET on 16 December.", "2026-12-16", "14:00 +0100", true, ""},
		{"en", "Would the 3rd of May 2027 at 9.30am work?", "2027-05-03", "09:30 +0100", false, ""},
		{"en", "See you on 15 December.", "2026-12-15", "", false, ""},
		{"en", "The interview is on 2 January.", "2027-01-02", "", false, ""},
		{"en", "The interview is on 2026-12-14 at 13:00 GMT.", "2026-12-14", "13:00 +0000", true, ""},
		{"en", "Please come by on 12/10/2026 at 10am.", "2026-12-10", "10:00 +0100", false, "two ways"},
		{"en", "Please come by on 25/12/2026.", "2026-12-25", "", false, ""},
		{"en", "Could you do Thursday at 2 PM?", "2026-12-10", "14:00 +0100", false, ""},
		{"en", "How about tomorrow at 10am UTC+2?", "2026-12-04", "10:00 +0200", true, ""},
		{"en", "Interview: Friday, December 10, 2:30pm.", "2026-12-10", "14:30 +0100", false, "Friday"},
		{"en", "We spoke on 1 December; the interview is on 7 December at 16:00 PST.", "2026-12-07", "16:00 -0800", true, ""},
		{"en", "Slots: Monday 14 December at 10:00 or Tuesday 15 December at 14:00.", "2026-12-14", "10:00 +0100", false, "more than one time"},
		{"de", "Gerne laden wir Sie am 14.12.2026 um 10:00 Uhr ein.", "2026-12-14", "10:00 +0100", false, ""},
		{"de", "Passt Ihnen Mo., 14. Dez. 2026, 10 Uhr?", "2026-12-14", "10:00 +0100", false, ""},
		{"de", "am Montag, 14. Dezember, um 9.30 Uhr", "2026-12-14", "09:30 +0100", false, ""},
		{"de", "Wie wäre es am 17.12. um 9 Uhr?", "2026-12-17", "09:00 +0100", false, ""},
		{"de", "Termin: 10/12/2026, 14:00 Uhr MEZ", "2026-12-10", "14:00 +0100", true, "two ways"},
		{"fr", "le jeudi 10 décembre à 14h", "2026-12-10", "14:00 +0100", false, ""},
		{"fr", "Rendez-vous le 1er décembre 2027 à 9 h 30.", "2027-12-01", "09:30 +0100", false, ""},
		{"es", "el jueves 10 de diciembre a las 10:00", "2026-12-10", "10:00 +0100", false, ""},
		{"es", "la entrevista será el 15 de diciembre de 2026", "2026-12-15", "", false, ""},
		{"it", "giovedì 10 dicembre alle 14:30", "2026-12-10", "14:30 +0100", false, ""},
		{"nl", "donderdag 10 december om 14:00", "2026-12-10", "14:00 +0100", false, ""},
		// Not interview days.
		{"en", "We applied version 2.1.3 to 10 out of 10 servers.", "", "", false, ""},
		{"en", "Call me on +49 30 1234 5678 or at 030.12.2026 extension.", "", "", false, ""},
		{"en", "Thank you for your application of 3 November.", "", "", false, ""},
		{"en", "We met in May 10:30 sessions.", "", "", false, ""},
		{"de", "Guten Morgen, die Stelle ist ab sofort frei.", "", "", false, ""},
	} {
		rd := &reader{}
		in := rd.pickDate(findDates(tc.text, ref, tc.lang), ref)
		clock := ""
		if in.HasTime {
			clock = in.Start.Format("15:04 -0700")
		}
		if string(in.Day) != tc.day || clock != tc.clock || in.HasZone != tc.zone {
			t.Errorf("%q: %s %q zone %v, want %s %q zone %v", tc.text, in.Day, clock, in.HasZone, tc.day, tc.clock, tc.zone)
		}
		if in.HasTime && day.Of(in.Start) != in.Day {
			t.Errorf("%q: starts %v, on another day than %s", tc.text, in.Start, in.Day)
		}
		if tc.note == "" && len(rd.notes) > 0 || tc.note != "" && !notesSay(rd.notes, []string{tc.note}) {
			t.Errorf("%q: notes %q, want %q", tc.text, rd.notes, tc.note)
		}
	}
}

func TestDayInTheUsersZone(t *testing.T) {
	// 23:30 in New York is the next morning in Berlin: with the user's zone known, the
	// day is the user's.
	rd := &reader{opts: Options{Location: cet}}
	in := rd.pickDate(findDates("Can we talk on December 10 at 11:30 pm EST?", ref, "en"), ref)
	if string(in.Day) != "2026-12-11" || in.Start.Format(time.RFC3339) != "2026-12-10T23:30:00-05:00" {
		t.Errorf("%s, %v", in.Day, in.Start)
	}
	// Without a stated zone the day stays as written.
	in = rd.pickDate(findDates("Can we talk on December 10 at 11:30 pm?", ref, "en"), ref)
	if string(in.Day) != "2026-12-10" {
		t.Errorf("%s", in.Day)
	}
}

func TestADayWithoutAYearNeedsAReference(t *testing.T) {
	rd := &reader{}
	if in := rd.pickDate(findDates("See you on 15 December at 10:00.", reference{}, "en"), reference{}); !in.Day.IsZero() {
		t.Errorf("a day without a year and without a reference: %v", in.Day)
	}
	if in := rd.pickDate(findDates("See you on 15 December 2026.", reference{}, "en"), reference{}); string(in.Day) != "2026-12-15" {
		t.Errorf("%v", in.Day)
	}
	// 29 February is the next one there is, when that is in the coming months.
	r := reference{"2027-12-03", time.UTC}
	if in := rd.pickDate(findDates("on 29 February", r, "en"), r); string(in.Day) != "2028-02-29" {
		t.Errorf("%v", in.Day)
	}
	r = reference{"2026-12-03", time.UTC}
	if in := rd.pickDate(findDates("on 29 February", r, "en"), r); !in.Day.IsZero() {
		t.Errorf("29 February, fifteen months away: %v", in.Day)
	}
}

func TestCalendarZones(t *testing.T) {
	cal := func(tzid, extra string) []byte {
		return []byte(strings.ReplaceAll("BEGIN:VCALENDAR\nVERSION:2.0\n"+extra+"BEGIN:VEVENT\nUID:x\nDTSTART;TZID="+tzid+
			":20260715T100000\nEND:VEVENT\nEND:VCALENDAR\n", "\n", "\r\n"))
	}
	vtz := "BEGIN:VTIMEZONE\nTZID:Custom Zone\nBEGIN:STANDARD\nDTSTART:16010101T030000\nTZOFFSETFROM:+1100\nTZOFFSETTO:+1000\n" +
		"RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4\nEND:STANDARD\nBEGIN:DAYLIGHT\nDTSTART:16010101T020000\nTZOFFSETFROM:+1000\n" +
		"TZOFFSETTO:+1100\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=10\nEND:DAYLIGHT\nEND:VTIMEZONE\n"
	for _, tc := range []struct {
		tzid, extra, want string
		zone              bool
	}{
		{"Europe/Berlin", "", "10:00 +0200", true}, // summer time from the tz database
		{"\"America/New_York\"", "", "10:00 -0400", true},
		{"W. Europe Standard Time", "", "10:00 +0200", true},
		{"Eastern Standard Time", "", "10:00 -0400", true},
		{"/mozilla.org/20050126_1/Asia/Tokyo", "", "10:00 +0900", true},
		{"Custom Zone", vtz, "10:00 +1000", true}, // July is winter in the south
		{"Nowhere/Atlantis", "", "10:00 +0100", false},
		{"Local", "", "10:00 +0100", false},
	} {
		ev, err := readCalendar(cal(tc.tzid, tc.extra), ref)
		if err != nil {
			t.Errorf("%s: %v", tc.tzid, err)
			continue
		}
		if got := ev.start.Format("15:04 -0700"); got != tc.want || ev.hasZone != tc.zone {
			t.Errorf("%s: %s zone %v, want %s zone %v", tc.tzid, got, ev.hasZone, tc.want, tc.zone)
		}
	}
}

func TestYearlyRules(t *testing.T) {
	first := time.Date(1601, 1, 1, 2, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		rule string
		year int
		want string
	}{
		{"FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", 2026, "2026-03-29"},
		{"FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", 2026, "2026-10-25"},
		{"FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", 2026, "2026-03-08"},
		{"FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", 2026, "2026-11-01"},
		{"FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10", 2027, "2027-10-31"},
	} {
		got, ok := yearlyOnset(tc.rule, tc.year, first)
		if !ok || got.Format(time.DateOnly) != tc.want || got.Hour() != 2 {
			t.Errorf("%s in %d: %v %v, want %s", tc.rule, tc.year, got, ok, tc.want)
		}
	}
	for _, bad := range []string{"FREQ=MONTHLY;BYMONTH=3;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=13;BYDAY=1SU", "FREQ=YEARLY;BYMONTH=3;BYDAY=9SU", "FREQ=YEARLY;BYMONTH=3;BYDAY=XX", "FREQ=YEARLY;BYDAY=1SU"} {
		if _, ok := yearlyOnset(bad, 2026, first); ok {
			t.Errorf("%s accepted", bad)
		}
	}
}
