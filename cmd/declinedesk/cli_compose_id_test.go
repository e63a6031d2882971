package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// tracked is a database in a temporary folder with the records given, and the profile
// when one is given; it returns the database path and the records' ids in order.
func tracked(t *testing.T, profile *tracker.Profile, recs ...tracker.Opportunity) (string, []uint64) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "t.db")
	s, err := tracker.Open(db, tracker.Options{Clock: clocktest.New()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ids []uint64
	for _, o := range recs {
		draft := o.Draft
		o.Draft = nil
		added, err := s.Add(o, true)
		if err != nil {
			t.Fatal(err)
		}
		if draft != nil {
			if _, err := s.SaveDraft(added.ID, draft); err != nil {
				t.Fatal(err)
			}
		}
		ids = append(ids, added.ID)
	}
	if profile != nil {
		if err := s.SaveProfile(*profile); err != nil {
			t.Fatal(err)
		}
	}
	return db, ids
}

// cliToday runs the command line on the test clock's day.
func cliToday(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := runWith(&env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, clock: clocktest.New(), clip: &fakeClipboard{}}, args...)
	return result{code, out.String(), errb.String()}
}

var ana = &tracker.Profile{FullName: "Ana Silva", Email: "ana@example.com", Signature: "Go developer · Lisbon"}

func record(status stage.Status) tracker.Opportunity {
	return tracker.Opportunity{Company: "Acme Inc", Role: "Go Engineer", Status: status,
		ContactName: "Jo Park", ContactEmail: "jo@acme.test"}
}

func id(n uint64) string { return strconv.FormatUint(n, 10) }

func TestComposeIDWithTheProfile(t *testing.T) {
	o := record(stage.Invited)
	o.InterviewOn = day.Day(clocktest.Day(6))
	db, ids := tracked(t, ana, o)
	r := cliToday(t, "", "--db", db, "compose", "--id", id(ids[0]))
	if r.code != 0 {
		t.Fatalf("%+v", r)
	}
	for _, want := range []string{"Subject: Declining the interview — Go Engineer at Acme Inc\n\nDear Jo Park,\n",
		"interview for the Go Engineer position at Acme Inc on " + clocktest.Epoch.AddDate(0, 0, 6).Format("Monday, January 2"),
		"decline the interview", "\nSincerely,\nAna Silva\nGo developer · Lisbon\n"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("letter lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "decline-interview letter, from the stage (--kind chooses another): They invited you") {
		t.Errorf("stderr does not say which letter and why: %q", r.stderr)
	}
	// The letter passes the proofreader, told its kind.
	if c := cli(t, r.stdout, "check", "-", "--kind", "decline-interview", "--name", "Ana Silva"); c.code != 0 || !strings.Contains(c.stdout, "No findings") {
		t.Errorf("check: %+v", c)
	}
	// The draft goes where --eml says, never over the database.
	out := filepath.Join(t.TempDir(), "draft.eml")
	if r := cliToday(t, "", "--db", db, "compose", "--id", id(ids[0]), "--eml", out); r.code != 0 || !strings.Contains(r.stderr, "draft written to") {
		t.Errorf("--eml: %+v", r)
	}
	if raw, err := os.ReadFile(out); err != nil || !bytes.Contains(raw, []byte("From: Ana Silva <ana@example.com>")) || !bytes.Contains(raw, []byte("To: Jo Park <jo@acme.test>")) {
		t.Errorf("draft: %v\n%s", err, raw)
	}
	before, _ := os.ReadFile(db)
	if r := cliToday(t, "", "--db", db, "compose", "--id", id(ids[0]), "--eml", db); r.code != 2 || !strings.Contains(r.stderr, "database or one of its backups") {
		t.Errorf("--eml over the database: %+v", r)
	}
	sameBytes(t, db, before)
}

func TestComposeIDSender(t *testing.T) {
	db, ids := tracked(t, nil, record(stage.Invited))
	// No profile: --from signs it.
	r := cliToday(t, "", "--db", db, "compose", "--id", id(ids[0]), "--from", "Bea Costa <bea@example.org>")
	if r.code != 0 || !strings.HasSuffix(r.stdout, "Sincerely,\nBea Costa\n") {
		t.Errorf("--from without a profile: %+v", r)
	}
	// Neither: nothing is written, and the message says what to do.
	r = cliToday(t, "", "--db", db, "compose", "--id", id(ids[0]))
	if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "save your profile") || !strings.Contains(r.stderr, "--from") {
		t.Errorf("no sender: %+v", r)
	}
	for _, bad := range []string{"bea@example.org", "Bea <bea@example.org>", "Bea Costa", "Bea Costa <bea@>"} {
		r = cliToday(t, "", "--db", db, "compose", "--id", id(ids[0]), "--from", bad)
		if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "--from") {
			t.Errorf("--from %q: %+v", bad, r)
		}
	}
	// With a profile, --from still says who writes: the flag is the later word.
	db, ids = tracked(t, ana, record(stage.Invited))
	r = cliToday(t, "", "--db", db, "compose", "--id", id(ids[0]), "--from", "Bea Costa <bea@example.org>")
	if r.code != 0 || !strings.HasSuffix(r.stdout, "Sincerely,\nBea Costa\n") || strings.Contains(r.stdout, "Lisbon") {
		t.Errorf("--from over a profile: %+v", r)
	}
}

func TestComposeIDKindFromTheStage(t *testing.T) {
	scheduledPast := record(stage.Scheduled)
	scheduledPast.InterviewOn = day.Day(clocktest.Day(-4))
	scheduledToday := record(stage.Scheduled)
	scheduledToday.InterviewOn = day.Day(clocktest.Day(0))
	declined := record(stage.Declined)
	declined.FollowUpOn = day.Day(clocktest.Day(-1))
	withdrawn := record(stage.Withdrawn)
	withdrawn.FollowUpOn = day.Day(clocktest.Day(20))
	db, ids := tracked(t, ana, record(stage.Offer), declined, scheduledPast, scheduledToday, record(stage.Applied), withdrawn)
	for i, tc := range []struct {
		kind      letter.Kind
		want      []string
		never     []string
		stderrHas string
	}{
		{letter.DeclineOffer, []string{"Subject: Declining the offer — Go Engineer at Acme Inc", "offering me the Go Engineer position", "decline"},
			[]string{"nterview", "nvit"}, "They made you an offer"},
		{letter.KeepInTouch, []string{"Subject: Keeping in touch — Ana Silva", "I hope you are well", "Go Engineer position at Acme Inc"},
			[]string{"declin", "withdr"}, "follow-up is due"},
		{letter.Withdraw, []string{"Subject: Withdrawing my application", "speak with me about the Go Engineer position at Acme Inc on " +
			clocktest.Epoch.AddDate(0, 0, -4).Format("Monday, January 2"), "withdraw my application"}, []string{"nvit"}, "has taken place"},
		{letter.DeclineInterview, []string{"decline the interview"}, nil, "still to come"},
		{letter.Withdraw, []string{"considering my application", "withdraw my application"}, []string{"speak with me"}, "You applied"},
		{letter.KeepInTouch, []string{"Keeping in touch"}, []string{"withdr"}, "not due until"},
	} {
		r := cliToday(t, "", "--db", db, "compose", "--id", id(ids[i]))
		if r.code != 0 {
			t.Errorf("#%d: %+v", ids[i], r)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%s letter lacks %q:\n%s", tc.kind, w, r.stdout)
			}
		}
		for _, w := range tc.never {
			if strings.Contains(r.stdout, w) {
				t.Errorf("%s letter holds %q:\n%s", tc.kind, w, r.stdout)
			}
		}
		if !strings.Contains(r.stderr, tc.stderrHas) || !strings.Contains(r.stderr, string(tc.kind)+" letter, from the stage") {
			t.Errorf("%s: stderr %q", tc.kind, r.stderr)
		}
		if c := cli(t, r.stdout, "check", "-", "--kind", string(tc.kind), "--name", "Ana Silva"); c.code != 0 || !strings.Contains(c.stdout, "No findings") {
			t.Errorf("%s: check: %+v\n%s", tc.kind, c, r.stdout)
		}
	}
}

func TestComposeIDKindFlag(t *testing.T) {
	db, ids := tracked(t, ana, record(stage.Accepted), record(stage.Invited), record(stage.Rejected))
	// Accepted: no letter suggested, and the message says why and how to write one anyway.
	r := cliToday(t, "", "--db", db, "compose", "--id", id(ids[0]))
	if r.code != 2 || r.stdout != "" {
		t.Fatalf("accepted without --kind: %+v", r)
	}
	for _, want := range []string{"(Accepted): You took this job", "nothing to turn down", "--kind", "decline-interview, withdraw, decline-offer, keep-in-touch"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("accepted: stderr lacks %q: %q", want, r.stderr)
		}
	}
	if r := cliToday(t, "", "--db", db, "compose", "--id", id(ids[0]), "--kind", "keep-in-touch"); r.code != 0 || !strings.Contains(r.stdout, "Keeping in touch") {
		t.Errorf("accepted with --kind: %+v", r)
	}
	// --kind wins over the stage, and says nothing about a stage it did not use.
	r = cliToday(t, "", "--db", db, "compose", "--id", id(ids[1]), "--kind", "withdraw")
	if r.code != 0 || !strings.Contains(r.stdout, "Subject: Withdrawing my application") || strings.Contains(r.stdout, "interview") || r.stderr != "" {
		t.Errorf("--kind withdraw on an invitation: %+v", r)
	}
	if r := cliToday(t, "", "--db", db, "compose", "--id", id(ids[2]), "--kind", "Decline-Offer"); r.code != 0 || !strings.Contains(r.stdout, "Declining the offer") {
		t.Errorf("rejected with --kind: %+v", r)
	}
	// A kind that does not exist lists those that do.
	r = cliToday(t, "", "--db", db, "compose", "--id", id(ids[1]), "--kind", "thank-you")
	if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "decline-interview, withdraw, decline-offer, keep-in-touch") {
		t.Errorf("--kind thank-you: %+v", r)
	}
}

func TestComposeIDUsesTheSavedSettings(t *testing.T) {
	draft := &letter.Spec{RecipientName: "Joanna Park", Reason: letter.Compensation, Alternative: letter.Reschedule,
		AlternativeDate: clocktest.Day(60), Tone: letter.Warm, SenderName: "Old Name", Subject: "About Tuesday",
		Body: "Dear Jo,\n\nThank you for the invitation. I will not attend the interview.\n\nBest regards,\nAna Silva\n"}
	offer := record(stage.Invited)
	offer.Draft = draft
	invited := record(stage.Invited)
	invited.Draft = draft
	db, ids := tracked(t, ana, offer, invited)
	s, err := tracker.Open(db, tracker.Options{Clock: clocktest.New()})
	if err != nil {
		t.Fatal(err)
	}
	moved, _ := s.Get(ids[0])
	moved.Status = stage.Offer
	if _, err := s.Update(moved, true); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// The stage moved on to an offer after the letter was saved: the settings stay, the
	// text written for the interview does not, and the talk after a date becomes staying
	// in touch.
	r := cliToday(t, "", "--db", db, "compose", "--id", id(ids[0]))
	if r.code != 0 {
		t.Fatalf("%+v", r)
	}
	for _, want := range []string{"Subject: Thank you for the offer — Go Engineer at Acme Inc", "Dear Joanna,", "salary",
		"stay in touch", "Warm regards,\nAna Silva\n"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("offer letter lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "Tuesday") || strings.Contains(r.stdout, "not attend") || strings.Contains(r.stdout, "Old Name") {
		t.Errorf("stale text or sender:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "saved letter text was written to decline an interview") {
		t.Errorf("stderr does not say the text was left out: %q", r.stderr)
	}
	// Still an invitation: the text the user wrote is the letter. The recipient's address,
	// which the draft left blank, comes from the contact.
	r = cliToday(t, "", "--db", db, "compose", "--id", id(ids[1]))
	if r.code != 0 || r.stdout != "Subject: About Tuesday\n\n"+draft.Body || strings.Contains(r.stderr, "saved letter text") {
		t.Errorf("own text: %+v", r)
	}
	out := filepath.Join(t.TempDir(), "d.eml")
	if r := cliToday(t, "", "--db", db, "compose", "--id", id(ids[1]), "--eml", out); r.code != 0 {
		t.Fatalf("%+v", r)
	}
	if raw, _ := os.ReadFile(out); !bytes.Contains(raw, []byte("To: Joanna Park <jo@acme.test>")) {
		t.Errorf("recipient:\n%s", raw)
	}
}

func TestComposeIDBadUsage(t *testing.T) {
	db, ids := tracked(t, ana, record(stage.Invited))
	spec := writeFile(t, "spec.json", goodSpec)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"compose", spec, "--id", id(ids[0])}, "not both"},
		{[]string{"compose", spec, "--kind", "withdraw"}, "go with --id"},
		{[]string{"compose", spec, "--from", "Ana Silva <ana@example.com>"}, "go with --id"},
		{[]string{"compose", "--id", "twelve"}, "not a record number"},
		{[]string{"compose", "--id", "0"}, "not a record number"},
		{[]string{"compose"}, "missing SPEC.json (or --id N)"},
	} {
		r := cliToday(t, "", append([]string{"--db", db}, tc.args...)...)
		if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "usage:") {
			t.Errorf("%q: %+v", tc.args, r)
		}
	}
	r := cliToday(t, "", "--db", db, "compose", "--id", "99")
	if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "no opportunity #99") {
		t.Errorf("unknown id: %+v", r)
	}
}
