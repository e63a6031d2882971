package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk"
	"github.com/declinedesk/declinedesk/internal/clock"
	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
)

// runAt runs the program with the given clock.
func runAt(t *testing.T, c clock.Clock, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := runWith(&env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, clock: c}, args...)
	return result{code, out.String(), errb.String()}
}

// plannedCSV has a follow-up overdue and an interview ahead (Acme), a keep-in-touch
// follow-up ahead and an interview already past (Globex), and nothing planned (Initech).
func plannedCSV() string {
	return "Company,Role,Status,Contact,Email,Interview Date,Follow Up\n" +
		"Acme,Go Engineer,Interviewing,Jo Park,jo@acme.test," + clocktest.Day(5) + "," + clocktest.Day(-3) + "\n" +
		"Globex,Analyst,Offer Declined,,," + clocktest.Day(-2) + "," + clocktest.Day(85) + "\n" +
		"Initech,Tester,Applied,,,,\n"
}

// unfolded is the calendar's content lines, with folded lines joined again.
func unfolded(t *testing.T, ics string) []string {
	t.Helper()
	if !strings.HasSuffix(ics, "\r\n") || strings.Contains(strings.ReplaceAll(ics, "\r\n", ""), "\n") {
		t.Fatalf("lines do not all end with CRLF: %q", ics)
	}
	return strings.Split(strings.TrimSuffix(strings.ReplaceAll(ics, "\r\n ", ""), "\r\n"), "\r\n")
}

var uidLine = regexp.MustCompile(`^UID:(.*)$`)

func uids(t *testing.T, ics string) []string {
	var out []string
	for _, l := range unfolded(t, ics) {
		if m := uidLine.FindStringSubmatch(l); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

func TestCalendarCommand(t *testing.T) {
	dir := t.TempDir()
	db, out := filepath.Join(dir, "t.db"), filepath.Join(dir, "plan.ics")
	c := clocktest.New()
	if r := runAt(t, c, plannedCSV(), "--db", db, "import", "-"); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	r := runAt(t, c, "", "--db", db, "calendar", out)
	if r.code != 0 || r.stdout != "" || r.stderr != "wrote 3 events to "+out+"\n" {
		t.Fatalf("calendar: %+v", r)
	}
	first, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := unfolded(t, string(first))
	// Events come by day: the overdue follow-up, the interview ahead, the keep-in-touch note.
	want := []string{"followup-1@declinedesk", "interview-1@declinedesk", "followup-2@declinedesk"}
	if got := uids(t, string(first)); !slices.Equal(got, want) {
		t.Errorf("events %v, want %v (Globex's interview is past)", got, want)
	}
	for _, l := range []string{
		"DTSTART;VALUE=DATE:" + strings.ReplaceAll(clocktest.Day(-3), "-", ""),
		"DTEND;VALUE=DATE:" + strings.ReplaceAll(clocktest.Day(-2), "-", ""),
		"DTSTART;VALUE=DATE:" + strings.ReplaceAll(clocktest.Day(5), "-", ""),
		"DTSTART;VALUE=DATE:" + strings.ReplaceAll(clocktest.Day(85), "-", ""),
		"DTSTAMP:" + clocktest.Epoch.UTC().Format("20060102T150405Z"),
		"SUMMARY:Follow up: Acme — Go Engineer",
		"SUMMARY:Interview: Acme — Go Engineer",
		"SUMMARY:Follow up: Globex — Analyst",
		`DESCRIPTION:Follow up on your application for Go Engineer at Acme.\nContact: Jo Park <jo@acme.test>`,
		"PRODID:-//Decline Desk//Decline Desk " + declinedesk.AppInfo().Version + "//EN",
	} {
		if !slices.Contains(lines, l) {
			t.Errorf("no line %q in\n%s", l, first)
		}
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("the calendar is readable by others: %v", fi.Mode())
	}

	// A second export, later on the same day, to standard output: the same events by the
	// same UIDs, so that importing it updates them; only the time stamps differ.
	c.Advance(time.Minute)
	r = runAt(t, c, "", "--db", db, "calendar", "-")
	if r.code != 0 || r.stderr != "wrote 3 events\n" {
		t.Fatalf("calendar -: %+v", r)
	}
	if got := uids(t, r.stdout); !slices.Equal(got, want) {
		t.Errorf("second export: %v", got)
	}
	stamp := regexp.MustCompile(`DTSTAMP:\d{8}T\d{6}Z`)
	if a, b := stamp.ReplaceAllString(string(first), ""), stamp.ReplaceAllString(r.stdout, ""); a != b {
		t.Errorf("the exports differ beyond their time stamps:\n%s\n%s", first, r.stdout)
	}
	if strings.Contains(r.stdout, "DTSTAMP:"+clocktest.Epoch.UTC().Format("20060102T150405Z")) {
		t.Error("the second export kept the first one's time stamp")
	}

	// Six days on, Acme's interview is past too.
	c.Set(clocktest.Epoch.AddDate(0, 0, 6))
	r = runAt(t, c, "", "--db", db, "calendar", "-")
	if got := uids(t, r.stdout); r.code != 0 || !slices.Equal(got, []string{"followup-1@declinedesk", "followup-2@declinedesk"}) {
		t.Errorf("six days on: %v, %+v", got, r)
	}
}

func TestCalendarOfAnEmptyTracker(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	r := runAt(t, clocktest.New(), "", "--db", db, "calendar", "-")
	lines := unfolded(t, r.stdout)
	if r.code != 0 || r.stderr != "wrote 0 events\n" || len(lines) != 4 || lines[0] != "BEGIN:VCALENDAR" ||
		lines[1] != "VERSION:2.0" || !strings.HasPrefix(lines[2], "PRODID:") || lines[3] != "END:VCALENDAR" {
		t.Errorf("%+v", r)
	}
}

func TestCalendarNeverGoesOverTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	c := clocktest.New()
	runAt(t, c, plannedCSV(), "--db", db, "import", "-")
	before, _ := os.ReadFile(db)
	link := filepath.Join(dir, "plan.ics")
	os.Symlink(db, link)
	for _, target := range []string{db, link, filepath.Join(dir, ".", "t.db")} {
		r := runAt(t, c, "", "--db", db, "calendar", target)
		if r.code != 2 || !strings.Contains(r.stderr, "database or one of its backups") {
			t.Errorf("%s: %+v", target, r)
		}
	}
	sameBytes(t, db, before)
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
}

func TestCalendarUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	for _, args := range [][]string{{"calendar"}, {"calendar", "a.ics", "b.ics"}, {"calendar", "--nope", "a.ics"}} {
		r := runAt(t, clocktest.New(), "", append([]string{"--db", db}, args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, "usage: declinedesk calendar OUT.ics|-") {
			t.Errorf("%v: %+v", args, r)
		}
	}
	if r := cli(t, "", "help"); !strings.Contains(r.stdout, "declinedesk calendar OUT.ics|-\n  declinedesk backup") {
		t.Errorf("help does not list calendar before backup: %q", r.stdout)
	}
}
