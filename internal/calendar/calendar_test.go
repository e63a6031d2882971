package calendar

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

func dayAt(n int) day.Day { return day.Day(clocktest.Day(n)) }

// opportunities is a Source made of a list.
type opportunities []tracker.Opportunity

func (l opportunities) ForEach(_ bool, fn func(o *tracker.Opportunity) error) error {
	for i := range l {
		o := l[i]
		if err := fn(&o); err != nil {
			return err
		}
	}
	return nil
}

var opts = Options{Now: clocktest.Epoch, Product: "Decline Desk 9.8.7"}

// tricky holds what calendar files must escape or fold, in the fields the events show.
var tricky = opportunities{
	{ID: 1, Company: `Acme, Inc.; "Widgets" \ Gadgets`, Role: "Go Engineer", Status: stage.Applied,
		ContactName: "Jo Park", ContactEmail: "jo@acme.test", FollowUpOn: dayAt(3), InterviewOn: dayAt(10), UpdatedAt: clocktest.Epoch.AddDate(0, 0, -2)},
	{ID: 2, Company: "Line\nbreak\r\nand\ttab Ltd", Role: "Analyst", Status: stage.Declined,
		ContactName: "Ana Silva", FollowUpOn: dayAt(-4), InterviewOn: dayAt(-1)},
	{ID: 3, Company: strings.Repeat("Müller & Söhne Größenwahn ", 6), Role: strings.Repeat("日本語の役職", 9), Status: stage.Withdrawn,
		ContactEmail: "hr@muller.test", FollowUpOn: dayAt(0), InterviewOn: dayAt(0)},
	{ID: 4, Company: "Saved Co", Role: "Nothing planned", Status: stage.Saved},
	{ID: 5, Company: "Emoji 🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉 Corp", Role: "Dev", Status: stage.Invited, InterviewOn: dayAt(1)},
	{ID: 6, Company: "Bad dates", Role: "Dev", Status: stage.Applied, FollowUpOn: "2026-02-30", InterviewOn: "soon"},
}

func export(t *testing.T, src Source, o Options) (string, int) {
	t.Helper()
	var b bytes.Buffer
	n, err := Export(&b, src, o)
	if err != nil {
		t.Fatal(err)
	}
	return b.String(), n
}

// property is one unfolded content line.
type property struct {
	name   string
	params string // with the leading ';', as written
	value  string // as written, still escaped
}

// parse is a minimal reader, independent of the library: it checks the physical lines
// (CRLF, at most 75 octets) and unfolds them.
func parse(t testing.TB, ics string) []property {
	t.Helper()
	if !strings.HasSuffix(ics, "\r\n") {
		t.Fatalf("the file does not end with CRLF: %q", ics[max(0, len(ics)-20):])
	}
	physical := strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n")
	var logical []string
	for i, l := range physical {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Fatalf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(logical) == 0 {
				t.Fatal("the file starts with a continuation line")
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	var out []property
	for _, l := range logical {
		if !utf8.ValidString(l) {
			t.Fatalf("not UTF-8 once unfolded: %q", l)
		}
		colon := strings.IndexByte(l, ':')
		if colon < 0 {
			t.Fatalf("no ':' in %q", l)
		}
		head := l[:colon]
		p := property{value: l[colon+1:]}
		if semi := strings.IndexByte(head, ';'); semi >= 0 {
			p.name, p.params = head[:semi], head[semi:]
		} else {
			p.name = head
		}
		out = append(out, p)
	}
	return out
}

// unescape reads a TEXT value (RFC 5545, 3.3.11).
func unescape(t testing.TB, v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' {
			if v[i] == ',' || v[i] == ';' {
				t.Errorf("unescaped %q in %q", v[i], v)
			}
			b.WriteByte(v[i])
			continue
		}
		i++
		if i == len(v) {
			t.Fatalf("a lone backslash ends %q", v)
		}
		switch v[i] {
		case '\\', ',', ';':
			b.WriteByte(v[i])
		case 'n', 'N':
			b.WriteByte('\n')
		default:
			t.Fatalf("unknown escape \\%c in %q", v[i], v)
		}
	}
	return b.String()
}

// vevent is an event as read back.
type vevent map[string]property

func events(t testing.TB, props []property) []vevent {
	t.Helper()
	var out []vevent
	var cur vevent
	depth := 0
	for _, p := range props {
		switch {
		case p.name == "BEGIN":
			depth++
			if p.value == "VEVENT" {
				cur = vevent{}
			}
		case p.name == "END":
			depth--
			if p.value == "VEVENT" {
				out = append(out, cur)
				cur = nil
			}
		case cur != nil:
			if _, ok := cur[p.name]; ok && p.name != "DESCRIPTION" {
				t.Errorf("%s twice in one event", p.name)
			}
			if _, ok := cur[p.name]; !ok {
				cur[p.name] = p
			}
		}
	}
	if depth != 0 {
		t.Errorf("BEGIN and END do not pair up (%d open)", depth)
	}
	return out
}

func TestEventsOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		o    tracker.Opportunity
		want []string // UID, day, summary, description
	}{
		{"a follow-up and an interview ahead",
			tracker.Opportunity{ID: 7, Company: "Acme", Role: "Dev", Status: stage.Applied, ContactName: "Jo Park", ContactEmail: "jo@acme.test", FollowUpOn: dayAt(2), InterviewOn: dayAt(5)},
			[]string{
				"followup-7@declinedesk", string(dayAt(2)), "Follow up: Acme — Dev", "Follow up on your application for Dev at Acme.\nContact: Jo Park <jo@acme.test>",
				"interview-7@declinedesk", string(dayAt(5)), "Interview: Acme — Dev", "Interview for Dev at Acme. If you will not go, tell them as early as you can.\nContact: Jo Park <jo@acme.test>",
			}},
		{"an overdue follow-up still shows; a past interview does not",
			tracker.Opportunity{ID: 8, Company: "Acme", Role: "Dev", Status: stage.Offer, ContactEmail: "jo@acme.test", FollowUpOn: dayAt(-9), InterviewOn: dayAt(-1)},
			[]string{"followup-8@declinedesk", string(dayAt(-9)), "Follow up: Acme — Dev", "Follow up on your application for Dev at Acme.\nContact: jo@acme.test"}},
		{"an interview today is still ahead",
			tracker.Opportunity{ID: 9, Company: "Acme", Role: "Dev", Status: stage.Scheduled, ContactName: "Jo", InterviewOn: dayAt(0)},
			[]string{"interview-9@declinedesk", string(dayAt(0)), "Interview: Acme — Dev", "Interview for Dev at Acme. If you will not go, tell them as early as you can.\nContact: Jo"}},
		{"declined: keep in touch",
			tracker.Opportunity{ID: 10, Company: "Acme", Role: "Dev", Status: stage.Declined, FollowUpOn: dayAt(90)},
			[]string{"followup-10@declinedesk", string(dayAt(90)), "Follow up: Acme — Dev", "Send Acme a short keep-in-touch note, so that they think of you next time; Decline Desk has a keep-in-touch letter for it."}},
		{"withdrawn: keep in touch",
			tracker.Opportunity{ID: 11, Company: "Acme", Role: "Dev", Status: stage.Withdrawn, FollowUpOn: dayAt(1)},
			[]string{"followup-11@declinedesk", string(dayAt(1)), "Follow up: Acme — Dev", "Send Acme a short keep-in-touch note, so that they think of you next time; Decline Desk has a keep-in-touch letter for it."}},
		{"no role",
			tracker.Opportunity{ID: 12, Company: "Acme", Status: stage.Applied, FollowUpOn: dayAt(1)},
			[]string{"followup-12@declinedesk", string(dayAt(1)), "Follow up: Acme", "Follow up on your application at Acme."}},
		{"nothing planned", tracker.Opportunity{ID: 13, Company: "Acme", Role: "Dev"}, nil},
		{"stored dates that are not days", tracker.Opportunity{ID: 14, Company: "Acme", Role: "Dev", FollowUpOn: "2026-13-01", InterviewOn: "tomorrow"}, nil},
	} {
		var got []string
		for _, e := range EventsOf(&tc.o, dayAt(0)) {
			got = append(got, e.UID(), string(e.Day), e.Summary, e.Description)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestTheFileIsRFC5545(t *testing.T) {
	ics, n := export(t, tricky, opts)
	props := parse(t, ics)
	if props[0].name != "BEGIN" || props[0].value != "VCALENDAR" || props[len(props)-1].value != "VCALENDAR" {
		t.Fatalf("not one calendar: %q … %q", props[0], props[len(props)-1])
	}
	var prodid, version string
	for _, p := range props {
		switch p.name {
		case "PRODID":
			prodid = unescape(t, p.value)
		case "VERSION":
			version = p.value
		}
	}
	if prodid != "-//Decline Desk//Decline Desk 9.8.7//EN" || version != "2.0" {
		t.Errorf("PRODID %q, VERSION %q", prodid, version)
	}
	evs := events(t, props)
	// #1 follow-up and interview, #2 follow-up only (its interview is past), #3 both (today),
	// #5 interview; #4 has no dates and #6 none that are days.
	if n != 6 || len(evs) != 6 {
		t.Fatalf("%d events counted, %d written, want 6", n, len(evs))
	}
	stamp := clocktest.Epoch.UTC().Format("20060102T150405Z")
	var uids []string
	for _, e := range evs {
		uid := unescape(t, e["UID"].value)
		uids = append(uids, uid)
		start, end := e["DTSTART"], e["DTEND"]
		if start.params != ";VALUE=DATE" || end.params != ";VALUE=DATE" {
			t.Errorf("%s: not all-day: DTSTART%s DTEND%s", uid, start.params, end.params)
		}
		s, err1 := time.Parse("20060102", start.value)
		en, err2 := time.Parse("20060102", end.value)
		if err1 != nil || err2 != nil || !en.Equal(s.AddDate(0, 0, 1)) {
			t.Errorf("%s: from %s to %s, want one whole day", uid, start.value, end.value)
		}
		if e["DTSTAMP"].value != stamp {
			t.Errorf("%s: DTSTAMP %s, want the clock's %s", uid, e["DTSTAMP"].value, stamp)
		}
		if e["TRANSP"].value != "TRANSPARENT" {
			t.Errorf("%s: the day shows as busy", uid)
		}
		if e["ACTION"].value != "DISPLAY" || e["TRIGGER"].value != "PT9H" {
			t.Errorf("%s: reminder %+v %+v", uid, e["ACTION"], e["TRIGGER"])
		}
	}
	want := []string{"followup-2@declinedesk", "followup-3@declinedesk", "interview-3@declinedesk",
		"interview-5@declinedesk", "followup-1@declinedesk", "interview-1@declinedesk"}
	if !slices.Equal(uids, want) {
		t.Errorf("events %v, want them by day: %v", uids, want)
	}
}

func TestEscapedTextReadsBackExactly(t *testing.T) {
	evs := events(t, parse(t, mustExport(t, tricky)))
	got := map[string][2]string{}
	for _, e := range evs {
		got[unescape(t, e["UID"].value)] = [2]string{unescape(t, e["SUMMARY"].value), unescape(t, e["DESCRIPTION"].value)}
	}
	long := strings.TrimSpace(strings.Repeat("Müller & Söhne Größenwahn ", 6))
	for uid, want := range map[string][2]string{
		"followup-1@declinedesk": {`Follow up: Acme, Inc.; "Widgets" \ Gadgets — Go Engineer`,
			"Follow up on your application for Go Engineer at Acme, Inc.; \"Widgets\" \\ Gadgets.\nContact: Jo Park <jo@acme.test>"},
		"followup-2@declinedesk": {"Follow up: Line break and tab Ltd — Analyst",
			"Send Line break and tab Ltd a short keep-in-touch note, so that they think of you next time; Decline Desk has a keep-in-touch letter for it.\nContact: Ana Silva"},
		"interview-3@declinedesk": {"Interview: " + long + " — " + strings.Repeat("日本語の役職", 9),
			"Interview for " + strings.Repeat("日本語の役職", 9) + " at " + long + ". If you will not go, tell them as early as you can.\nContact: hr@muller.test"},
	} {
		if got[uid] != want {
			t.Errorf("%s:\n got %q\nwant %q", uid, got[uid], want)
		}
	}
}

func mustExport(t *testing.T, src Source) string {
	ics, _ := export(t, src, opts)
	return ics
}

func TestLongNonASCIITextFoldsAtOctetsWithoutSplittingCharacters(t *testing.T) {
	for _, word := range []string{"ü", "日", "🎉", "e\u0301", "a", "\\", ",", "\\n"} {
		for _, n := range []int{40, 73, 74, 75, 76, 200} {
			company := strings.Repeat(word, n)
			ics := mustExport(t, opportunities{{ID: 1, Company: company, Role: "Dev", FollowUpOn: dayAt(1)}})
			evs := events(t, parse(t, ics)) // checks every line: CRLF, ≤ 75 octets, UTF-8
			if got := unescape(t, evs[0]["SUMMARY"].value); got != "Follow up: "+company+" — Dev" {
				t.Errorf("%d × %q: summary read back as %q", n, word, got)
			}
		}
	}
}

func TestUIDsAreStableAcrossExports(t *testing.T) {
	first := mustExport(t, tricky)
	if again := mustExport(t, tricky); again != first {
		t.Error("two exports at the same moment differ")
	}
	// A moment later only the time stamps differ.
	later := opts
	later.Now = clocktest.Epoch.Add(time.Second)
	second, _ := export(t, tricky, later)
	a, b := strings.Split(first, "\r\n"), strings.Split(second, "\r\n")
	if len(a) != len(b) {
		t.Fatalf("%d lines, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] && !strings.HasPrefix(a[i], "DTSTAMP:") {
			t.Errorf("line %d: %q, then %q", i+1, a[i], b[i])
		}
	}
	// Days later, what is still in the calendar keeps its UID and its day.
	days := opts
	days.Now = clocktest.Epoch.AddDate(0, 0, 4)
	third, _ := export(t, tricky, days)
	was := map[string]string{}
	for _, e := range events(t, parse(t, first)) {
		was[e["UID"].value] = e["DTSTART"].value + " " + e["SUMMARY"].value
	}
	still := events(t, parse(t, third))
	if len(still) != 4 { // the three follow-ups, and #1's interview, the one still ahead
		t.Errorf("%d events four days on", len(still))
	}
	for _, e := range still {
		if now := e["DTSTART"].value + " " + e["SUMMARY"].value; was[e["UID"].value] != now {
			t.Errorf("%s: %q, then %q", e["UID"].value, was[e["UID"].value], now)
		}
	}
}

func TestAnEmptyTrackerIsAnEmptyCalendar(t *testing.T) {
	ics, n := export(t, opportunities{{ID: 1, Company: "Acme", Role: "Dev"}}, opts)
	props := parse(t, ics)
	var names []string
	for _, p := range props {
		names = append(names, p.name+":"+p.value)
	}
	want := []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Decline Desk//Decline Desk 9.8.7//EN", "END:VCALENDAR"}
	if n != 0 || !slices.Equal(names, want) {
		t.Errorf("%d events: %q", n, names)
	}
	if ics2, _ := export(t, opportunities{}, opts); ics2 != ics {
		t.Error("no opportunities and none with dates differ")
	}
	if ics3, _ := export(t, opportunities{}, Options{Now: clocktest.Epoch}); !strings.Contains(ics3, "\r\nPRODID:-//Decline Desk//Decline Desk//EN\r\n") {
		t.Errorf("without a product: %q", ics3)
	}
}

type failingWriter struct{ after int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.after -= len(p); f.after < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestAFailedWriteIsAnError(t *testing.T) {
	size := len(mustExport(t, tricky))
	for _, after := range []int{0, 10, size / 2, size - 5} {
		if _, err := Export(&failingWriter{after: after}, tricky, opts); err == nil {
			t.Errorf("a write failing after %d of %d bytes went unnoticed", after, size)
		}
	}
	boom := errors.New("unreadable")
	if _, err := Export(&bytes.Buffer{}, failingSource{boom}, opts); !errors.Is(err, boom) {
		t.Errorf("source error: %v", err)
	}
}

type failingSource struct{ err error }

func (f failingSource) ForEach(bool, func(*tracker.Opportunity) error) error { return f.err }
