//go:build wine

package e2e

import (
	"bytes"
	"encoding/json"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/eml"
)

// winRecord is one opportunity as list --json prints it under Windows.
type winRecord struct {
	ID                    uint64
	Company, Role, Status string
	ContactEmail          string `json:"contact_email"`
	AppliedOn             string `json:"applied_on"`
	FollowUpOn            string `json:"follow_up_on"`
	Notes                 string
}

func listJSON(t *testing.T, r result) []winRecord {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("list: %s", r)
	}
	var recs []winRecord
	if err := json.Unmarshal([]byte(r.stdout), &recs); err != nil {
		t.Fatalf("list --json: %v\n%s", err, r.stdout)
	}
	return recs
}

func mkdirs(t *testing.T, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWindowsCommandLine works on a tracker in a folder with a space in its name, through
// drive letters, backslashes, forward slashes, relative paths and other case spellings, with
// a CSV file as Windows spreadsheets write it (CRLF line ends, a quoted note over two lines),
// and writes every kind of output file.
func TestWindowsCommandLine(t *testing.T) {
	home, homeL := wine.home()
	folder, folderL := home+`\My Job Search`, filepath.Join(homeL, "My Job Search")
	db := folder + `\Tracker.db`
	inbox := filepath.Join(wine.driveD(), "Inbox Files")
	mkdirs(t, folderL, inbox, filepath.Join(folderL, "Out Files"), filepath.Join(wine.driveD(), "Letters"),
		filepath.Join(wine.driveD(), "Calendar Files"), filepath.Join(wine.driveD(), "Second Copy"))

	followUp := time.Now().AddDate(0, 1, 0).Format(time.DateOnly)
	csv := "Company,Job Title,Status,Date Applied,Follow Up,Email,Notes\r\n" +
		"Birch & Co,Data Analyst,Interviewing,2026-03-02," + followUp + ",tove@birch.example,\"Met Tove at the spring fair.\r\nSecond round next week.\"\r\n" +
		"Larkspur Labs,Go Developer,Applied,2026-02-11,,,\r\n" +
		"CON,NUL,Wishlist,,,,A company and a role named like Windows devices\r\n"
	if err := os.WriteFile(filepath.Join(inbox, "applications.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := wine.app(t, "", "--db", db, "import", `D:\Inbox Files\applications.csv`); r.code != 0 || !strings.Contains(r.stdout, "imported: 3") {
		t.Fatalf("import from drive D: %s", r)
	}
	dbL := filepath.Join(folderL, "Tracker.db")
	if _, err := os.Stat(dbL); err != nil {
		t.Fatalf("the database is not where --db named it: %v", err)
	}

	recs := listJSON(t, wine.app(t, "", "--db", db, "list", "--json"))
	byCompany := map[string]winRecord{}
	for _, r := range recs {
		byCompany[r.Company] = r
	}
	birch, devices := byCompany["Birch & Co"], byCompany["CON"]
	if len(recs) != 3 || birch.Role != "Data Analyst" || birch.Status != "scheduled" || birch.FollowUpOn != followUp ||
		birch.ContactEmail != "tove@birch.example" || devices.Role != "NUL" || devices.Status != "saved" {
		t.Fatalf("imported %+v", recs)
	}
	if want := "Met Tove at the spring fair.\nSecond round next week."; birch.Notes != want {
		t.Errorf("a note over two CRLF lines came in as %q, want %q", birch.Notes, want)
	}
	if byCompany["Larkspur Labs"].AppliedOn != "2026-02-11" {
		t.Errorf("Larkspur Labs: %+v", byCompany["Larkspur Labs"])
	}

	// The same file, however Windows lets a user write its name.
	for _, c := range []struct{ dir, db string }{
		{"", strings.ReplaceAll(db, `\`, "/")},
		{"", strings.ToUpper(db)},
		{"", zPath(filepath.Join(folderL, "TRACKER.DB"))},
		{folderL, "tracker.db"},
		{homeL, `My Job Search\Tracker.db`},
		{homeL, `.\my job search\..\My Job Search\Tracker.db`},
	} {
		if got := listJSON(t, wine.app(t, c.dir, "--db", c.db, "list", "--json")); len(got) != 3 {
			t.Errorf("--db %s (in %s) lists %d records, want the same 3", c.db, c.dir, len(got))
		}
	}
	if entries, _ := os.ReadDir(folderL); len(entries) != 2 { // Tracker.db and Out Files
		t.Errorf("spelling the database another way made new files: %v", entries)
	}

	// The database in any spelling is never an output, and stays as it was.
	before, err := os.ReadFile(dbL)
	if err != nil {
		t.Fatal(err)
	}
	spellings := []string{strings.ToUpper(db), strings.ToLower(strings.ReplaceAll(db, `\`, "/")), zPath(filepath.Join(folderL, "tracker.DB"))}
	for _, out := range spellings {
		for _, args := range [][]string{
			{"export", out},
			{"calendar", out},
			{"backup", out},
			{"compose", "--id", strconv.FormatUint(birch.ID, 10), "--from", "Mara Lindqvist <mara@example.org>", "--eml", out},
		} {
			r := wine.app(t, "", append([]string{"--db", db}, args...)...)
			if r.code != 2 || !strings.Contains(r.stderr, "Decline Desk") {
				t.Errorf("%s to %s: %s, want exit 2 and a refusal", args[0], out, r)
			}
		}
	}
	if after, err := os.ReadFile(dbL); err != nil || !bytes.Equal(before, after) {
		t.Errorf("the database changed after outputs aimed at it (%v)", err)
	}

	// CSV export to a relative path, read back into a second tracker on drive D:.
	if r := wine.app(t, folderL, "--db", "Tracker.db", "export", `Out Files\all jobs.csv`); r.code != 0 {
		t.Fatalf("export: %s", r)
	}
	exported, err := os.ReadFile(filepath.Join(folderL, "Out Files", "all jobs.csv"))
	// Decline Desk's own export names its first column "id", quoted: how an import knows
	// the cells it guarded for spreadsheets.
	if err != nil || !bytes.HasPrefix(exported, []byte(`"id",company,role,`)) {
		t.Fatalf("exported %q (%v)", exported, err)
	}
	if r := wine.app(t, "", "--db", `D:\Second Copy\copy.db`, "import", folder+`\Out Files\all jobs.csv`); r.code != 0 || !strings.Contains(r.stdout, "imported: 3") {
		t.Errorf("importing the export: %s", r)
	}

	// An .eml draft under its default name, also for the record named like devices.
	for _, o := range []winRecord{birch, devices} {
		name := eml.FileName(o.Company, o.Role)
		out := `D:\Letters\` + name
		r := wine.app(t, "", "--db", db, "compose", "--id", strconv.FormatUint(o.ID, 10), "--kind", "withdraw", "--from", "Mara Lindqvist <mara@example.org>", "--eml", out)
		if r.code != 0 {
			t.Errorf("compose --eml %s: %s", out, r)
			continue
		}
		raw, err := os.ReadFile(filepath.Join(wine.driveD(), "Letters", name))
		if err != nil {
			t.Errorf("the draft %q is not on disk under that name: %v", name, err)
			continue
		}
		if bareLF(raw) {
			t.Errorf("%s: a line ends without CR", name)
		}
		msg, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if from := msg.Header.Get("From"); !strings.Contains(from, "mara@example.org") || msg.Header.Get("Subject") == "" {
			t.Errorf("%s: From %q, Subject %q", name, from, msg.Header.Get("Subject"))
		}
		if o.ContactEmail != "" && !strings.Contains(msg.Header.Get("To"), o.ContactEmail) {
			t.Errorf("%s: To %q", name, msg.Header.Get("To"))
		}
	}

	// The calendar: the follow-up ahead, lines ending in CRLF.
	if r := wine.app(t, "", "--db", db, "calendar", `D:\Calendar Files\follow-ups.ics`); r.code != 0 {
		t.Fatalf("calendar: %s", r)
	}
	ics, err := os.ReadFile(filepath.Join(wine.driveD(), "Calendar Files", "follow-ups.ics"))
	if err != nil {
		t.Fatal(err)
	}
	unfolded := strings.ReplaceAll(string(ics), "\r\n ", "")
	if bareLF(ics) || !strings.HasPrefix(unfolded, "BEGIN:VCALENDAR\r\n") || strings.Count(unfolded, "BEGIN:VEVENT") != 1 ||
		!strings.Contains(unfolded, "DTSTART;VALUE=DATE:"+strings.ReplaceAll(followUp, "-", "")) || !strings.Contains(unfolded, "Birch") {
		t.Errorf("calendar:\n%s", ics)
	}
}

// letterSpec writes a letter spec in a folder with a space in its name and returns its
// Windows path.
func letterSpec(t *testing.T) string {
	t.Helper()
	home, homeL := wine.home()
	mkdirs(t, filepath.Join(homeL, "My Letters"))
	spec := `{"company": "Fernhill Studio", "role": "Motion Designer", "reason": "career-goals",
	  "recipient_name": "Ines Duarte", "recipient_email": "ines@fernhill.example",
	  "tone": "warm", "sender_name": "Mara Lindqvist", "sender_email": "mara@example.org"}`
	if err := os.WriteFile(filepath.Join(homeL, "My Letters", "spec for Ines.json"), []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	return home + `\My Letters\spec for Ines.json`
}

// composed splits compose's output into the subject and the body.
func composed(t *testing.T, r result) (subject, body string) {
	t.Helper()
	head, body, ok := strings.Cut(r.stdout, "\n\n")
	if r.code != 0 || !ok || !strings.HasPrefix(head, "Subject: ") {
		t.Fatalf("compose: %s", r)
	}
	return strings.TrimPrefix(head, "Subject: "), body
}

// TestWindowsClipboard copies a letter from the command line and reads the Windows
// clipboard after the command has exited: the letter is there, its lines ending in CRLF as
// Windows programs expect.
func TestWindowsClipboard(t *testing.T) {
	_, body := composed(t, wine.app(t, "", "compose", letterSpec(t), "--copy"))
	r := wine.run(t, "", wine.clipReader)
	if r.code != 0 {
		t.Fatalf("reading the clipboard: %s", r)
	}
	if !strings.Contains(r.stdout, "\r\n") || bareLF([]byte(r.stdout)) {
		t.Errorf("the clipboard's lines do not all end in CRLF: %q", r.stdout)
	}
	got := strings.TrimRight(strings.ReplaceAll(r.stdout, "\r\n", "\n"), "\n")
	if want := strings.TrimRight(body, "\n"); got != want {
		t.Errorf("clipboard holds\n%q\nwant the letter\n%q", got, want)
	}
}

// TestWindowsMailtoLink gives the mailto: link the window opens for a letter to Windows the
// way Fyne opens links there (rundll32 url.dll,FileProtocolHandler), and checks that the mail
// app receives it whole: recipient, subject and every line of the body.
func TestWindowsMailtoLink(t *testing.T) {
	subject, body := composed(t, wine.app(t, "", "compose", letterSpec(t)))
	link := eml.MailtoURL("ines@fernhill.example", subject, body)
	if r := wine.run(t, "", "rundll32", "url.dll,FileProtocolHandler", link); r.code != 0 {
		t.Fatalf("rundll32: %s", r)
	}
	var got string
	waitFor(t, "the mail app to be started", 30*time.Second, func() bool {
		b, _ := os.ReadFile(wine.mailLog)
		got = strings.TrimSpace(string(b))
		return got != ""
	})
	if got != link {
		t.Fatalf("the mail app got\n%s\nwant\n%s", got, link)
	}
	u, err := url.Parse(got)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if u.Opaque != "ines@fernhill.example" || q.Get("subject") != subject || q.Get("body") != strings.ReplaceAll(body, "\n", "\r\n") {
		t.Errorf("the link reads: to %q, subject %q, body %q", u.Opaque, q.Get("subject"), q.Get("body"))
	}
}
