package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/eml/emltest"
	"github.com/declinedesk/declinedesk/internal/frommail/frommailtest"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// cliMail runs the command line on the test clock's day, reading stdin from r.
func cliMail(t *testing.T, stdin io.Reader, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := runWith(&env{stdin: stdin, stdout: &out, stderr: &errb, clock: clocktest.New(), clip: &fakeClipboard{}}, args...)
	return result{code, out.String(), errb.String()}
}

func listed(t *testing.T, db string) []map[string]any {
	t.Helper()
	r := cliToday(t, "", "--db", db, "list", "--json")
	var recs []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &recs); err != nil {
		t.Fatalf("list --json: %v %+v", err, r)
	}
	return recs
}

// An invitation adds the opportunity and prints what was read, field by field, with where
// each came from; the answer in its thread updates it; the same mail again changes
// nothing.
func TestImportMailAddsThenUpdates(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	inv := frommailtest.Invitation(clocktest.Epoch)
	path := writeFile(t, "invitation.eml", inv.EML)
	r := cliMail(t, nil, "--db", db, "import-mail", path)
	if r.code != 0 {
		t.Fatalf("import-mail: %+v", r)
	}
	for _, line := range [][]string{
		{"Company", "Harborline", "from the subject"},
		{"Role", "Backend Engineer", "from the subject"},
		{"Location", "—", "not in the mail"},
		{"Contact email", "priya.nand@harborline.test", "from the sender"},
		{"Interview on", inv.Interview.Format(day.Short) + ", at 10:30", "from the text"},
		{"Status", "Interview invited", "from the subject"},
		{"Invited on", inv.Sent.Format(day.Short), "from the mail's date"},
	} {
		if !hasLine(r.stdout, line...) {
			t.Errorf("no line with %q in\n%s", line, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, "Added #1: Harborline — Backend Engineer (Interview invited)") || !strings.Contains(r.stdout, "in the mail's thread") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	recs := listed(t, db)
	if len(recs) != 1 || recs[0]["interview_on"] != string(inv.Interview) || recs[0]["contact_name"] != "Priya Nand" || recs[0]["status"] != "invited" {
		t.Fatalf("records %+v", recs)
	}

	conf := frommailtest.Confirmation(clocktest.Epoch)
	r = cliMail(t, strings.NewReader(conf.EML), "import-mail", "-", "--db", db)
	if r.code != 0 || !strings.Contains(r.stdout, "The mail in standard input is about #1, Harborline — Backend Engineer, which you track:") ||
		!hasLine(r.stdout, "Status", "Interview scheduled", "from the text (was Interview invited)") ||
		!hasLine(r.stdout, "Interview on", conf.Interview.Format(day.Short), "(was "+inv.Interview.Format(day.Short)+")") ||
		!hasLine(r.stdout, "Company", "Harborline", "as tracked") || !strings.Contains(r.stdout, "Updated #1") {
		t.Fatalf("the answer: %+v", r)
	}
	recs = listed(t, db)
	if len(recs) != 1 || recs[0]["status"] != "scheduled" || recs[0]["interview_on"] != string(conf.Interview) {
		t.Errorf("after the answer: %+v", recs)
	}
	if h := recs[0]["history"].([]any); len(h) != 3 || !strings.Contains(h[1].(map[string]any)["event"].(string), "Updated from an email") {
		t.Errorf("history %+v", h)
	}
	r = cliMail(t, strings.NewReader(conf.EML), "--db", db, "import-mail", "-")
	if r.code != 0 || !strings.Contains(r.stdout, "Nothing new: the mail is already kept with #1") {
		t.Errorf("the same mail again: %+v", r)
	}
	if h := listed(t, db)[0]["history"].([]any); len(h) != 3 {
		t.Errorf("the same mail again went into the history: %+v", h)
	}
}

// hasLine reports whether a line of out holds each of parts, in order.
func hasLine(out string, parts ...string) bool {
	for _, line := range strings.Split(out, "\n") {
		rest, ok := line, true
		for _, p := range parts {
			i := strings.Index(rest, p)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(p):]
		}
		if ok {
			return true
		}
	}
	return false
}

// The letter for a record that came from a mail is a reply to the latest mail: In-Reply-To,
// References, "Re:" once, to the contact — as Python's email package reads the draft.
func TestComposeIDAnswersTheMailInItsThread(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	conf := frommailtest.Confirmation(clocktest.Epoch)
	for _, m := range []string{frommailtest.Invitation(clocktest.Epoch).EML, conf.EML} {
		if r := cliMail(t, strings.NewReader(m), "--db", db, "import-mail", "-"); r.code != 0 {
			t.Fatalf("import-mail: %+v", r)
		}
	}
	out := filepath.Join(t.TempDir(), "reply.eml")
	r := cliMail(t, nil, "--db", db, "compose", "--id", "1", "--from", "Ana Silva <ana@example.com>", "--eml", out)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Subject: Re: Interview invitation: Backend Engineer at Harborline\n") ||
		!strings.Contains(r.stderr, "in its thread") {
		t.Fatalf("compose: %+v", r)
	}
	// The draft on standard output is the same reply.
	r = cliMail(t, nil, "--db", db, "compose", "--id", "1", "--from", "Ana Silva <ana@example.com>", "--eml", "-")
	stdoutDraft := writeFile(t, "stdout.eml", r.stdout)
	for i, got := range emltest.Read(t, out, stdoutDraft) {
		wantRefs := "<" + strings.Join(append(conf.References, conf.MessageID), "> <") + ">"
		if len(got.Defects) > 0 || strings.Join(got.InReplyToIDs, " ") != "<"+conf.MessageID+">" || strings.Join(got.ReferencesIDs, " ") != wantRefs ||
			emltest.Value(got.Subject) != "Re: Interview invitation: Backend Engineer at Harborline" ||
			strings.Join(got.ToAddress, ",") != frommailtest.ContactEmail || strings.Join(got.ToName, ",") != frommailtest.ContactName ||
			!strings.Contains(got.Body, "Ana Silva") {
			t.Errorf("draft %d as Python reads it: %+v", i, got)
		}
	}
	// A record typed in gets a letter of its own, not a reply.
	db2, ids := tracked(t, ana, tracker.Opportunity{Company: "Harborline", Role: "Backend Engineer", Status: "invited", ContactEmail: "priya.nand@harborline.test"})
	plain := filepath.Join(t.TempDir(), "plain.eml")
	if r := cliMail(t, nil, "--db", db2, "compose", "--id", itoa(ids[0]), "--eml", plain); r.code != 0 {
		t.Fatalf("compose: %+v", r)
	}
	got := emltest.Read(t, plain)[0]
	if got.InReplyTo != nil || got.References != nil || strings.HasPrefix(emltest.Value(got.Subject), "Re:") {
		t.Errorf("a letter for a record typed in: %+v", got)
	}
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }

// What is not a usable mail is a clear message and exit 2, and the database is not even
// created; a calendar part that cannot be read and a 50 MB attachment are left aside, with
// a note for the calendar, and the mail is read.
func TestImportMailRefusesWhatIsNoMailAndSavesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	for _, tc := range []struct {
		name, content, want string
	}{
		{"table.csv", "Company,Role\nHarborline,Backend Engineer\n", "is not an email"},
		{"photo.eml", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "is not an email"},
		{"nosender.eml", frommailtest.NoSender(clocktest.Epoch), "no sender address"},
		{"empty.eml", "\n\n", "nothing to read"},
		{"notes.txt", frommailtest.Pasted(clocktest.Epoch), "is not an email"},
		{"chatter.eml", "From: pal@example.org\r\nSubject: thursday\r\n\r\n" + frommailtest.Chatter, "does not say which role"},
	} {
		path := writeFile(t, tc.name, tc.content)
		r := cliMail(t, nil, "--db", db, "import-mail", path)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "nothing was saved") {
			t.Errorf("%s: %+v", tc.name, r)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Fatalf("%s: the database was created (%v)", tc.name, err)
		}
	}
	if r := cliMail(t, nil, "--db", db, "import-mail", filepath.Join(dir, "missing.eml")); r.code != 2 || !strings.Contains(r.stderr, "missing.eml") {
		t.Errorf("a missing file: %+v", r)
	}
	// With a database there, a bad mail leaves it byte for byte.
	broken := frommailtest.BrokenCalendar(clocktest.Epoch)
	r := cliMail(t, strings.NewReader(broken.EML), "--db", db, "import-mail", "-")
	if r.code != 0 || !strings.Contains(r.stdout, "Note: The calendar invitation in the mail could not be read") ||
		!hasLine(r.stdout, "Interview on", broken.Interview.Format(day.Short), "from the text") {
		t.Fatalf("a broken calendar: %+v", r)
	}
	before, _ := os.ReadFile(db)
	r = cliMail(t, strings.NewReader(frommailtest.NoSender(clocktest.Epoch)), "--db", db, "import-mail", "-")
	if after, _ := os.ReadFile(db); r.code != 2 || !bytes.Equal(before, after) {
		t.Errorf("no sender, with a database: %+v; file changed: %v", r, !bytes.Equal(before, after))
	}
	// 50 MB attached: read through, skipped, never kept.
	r = cliMail(t, frommailtest.WithAttachment(clocktest.Epoch.AddDate(0, 0, 1), 50<<20), "--db", db, "import-mail", "-")
	if r.code != 0 || !strings.Contains(r.stdout, "Updated #1") {
		t.Fatalf("a mail with 50 MB attached: %+v", r)
	}
	s, err := tracker.Open(db, tracker.Options{Clock: clocktest.New()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if o, err := s.Get(1); err != nil || o.Mail == nil || len(o.Mail.Text) > 4<<10 || strings.Contains(o.Mail.Text, "QUJD") {
		t.Errorf("the mail kept: %v %d bytes", err, len(o.Mail.Text))
	}
}

func TestImportMailUsage(t *testing.T) {
	if r := cliMail(t, nil, "help"); !strings.Contains(r.stdout, "declinedesk import-mail FILE.eml|-") {
		t.Errorf("usage: %s", r.stdout)
	}
	if r := cliMail(t, nil, "import-mail"); r.code != 2 || !strings.Contains(r.stderr, "missing FILE.eml") {
		t.Errorf("no file: %+v", r)
	}
	if r := cliMail(t, nil, "import-mail", "a.eml", "b.eml"); r.code != 2 {
		t.Errorf("two files: %+v", r)
	}
}
