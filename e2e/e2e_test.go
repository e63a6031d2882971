//go:build e2e

// Package e2e runs the real declinedesk binary in a real window under Xvfb, drives it with
// the keyboard through xdotool like a user would, and checks the result through what the
// app leaves behind: the command line's view of the database, files on disk, the
// clipboard, the window's geometry. Every step waits for a condition with a deadline,
// never for a fixed time.
package e2e

import (
	"bytes"
	"io"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestAddInWindowThenListFromCLI(t *testing.T) {
	s := newSession(t)
	db := filepath.Join(s.dir, "tracker.db")
	app := s.open("--db", db)

	// While the window holds the database, the command line says so and exits 3; a hang
	// would run into the command's deadline.
	code, _, stderr := s.cli("--db", db, "list")
	if code != 3 || !strings.Contains(stderr, "already open") {
		t.Errorf("list while the window is open: exit %d, %q", code, stderr)
	}

	// A second window says the tracker is already open instead of hanging, and Escape
	// closes it with exit 3.
	second := s.open("--db", db)
	s.screenshot("second-instance")
	second.focus()
	second.key("Escape")
	if err := second.wait(); exitCode(err) != 3 {
		t.Errorf("second instance exit: %v\n%s", err, second.out)
	}

	// Add an opportunity with the keyboard only: Ctrl+N, type, Tab, type, Enter. On first
	// run the welcome is up once the tracker is read, and the window's shortcuts wait while
	// a dialog is open: put it off with Escape first.
	app.focus()
	app.waitTrackerShown(db)
	app.key("Escape")
	app.key("ctrl+n")
	app.typeText("Acme Inc")
	app.key("Tab")
	app.typeText("Go Engineer")
	app.key("Return")
	// Saved at once, while the window is still open.
	s.waitSaved("Acme Inc in the database", db, func(recs []record) bool {
		return len(recs) == 1 && recs[0].Company == "Acme Inc"
	})
	s.screenshot("added")

	// Quit with Ctrl+Q: the app saves, closes the database and exits cleanly.
	app.quit()

	recs := s.list(db)
	if len(recs) != 1 || recs[0].Company != "Acme Inc" || recs[0].Role != "Go Engineer" || recs[0].Status != "saved" ||
		len(recs[0].History) != 1 || recs[0].History[0].Event != "Added to the tracker" {
		t.Errorf("stored %+v", recs)
	}
	if fi, err := os.Stat(db); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode: %v %v", fi.Mode(), err)
	}
}

// TestOpensImportedTrackerAndSearches opens a tracker filled by the command line, puts the
// welcome off with Escape, searches with Ctrl+F, goes to the match with Down and deletes it
// with Delete and Enter: only the searched-for opportunity can be the one deleted.
func TestOpensImportedTrackerAndSearches(t *testing.T) {
	s := newSession(t)
	db := filepath.Join(s.dir, "tracker.db")
	csv := filepath.Join(s.dir, "in.csv")
	os.WriteFile(csv, []byte("Company,Job Title,Stage,Follow up\nGlobex,Analyst,Interviewing,2026-01-02\nInitech,Go Lead,Applied,\n"), 0o600)
	if code, stdout, stderr := s.cli("--db", db, "import", csv); code != 0 || !strings.Contains(stdout, "imported: 2") {
		t.Fatalf("import: %d %s %s", code, stdout, stderr)
	}
	if code, stdout, _ := s.cli("--db", db, "list", "--status", "scheduled"); code != 0 || !strings.Contains(stdout, "Globex") {
		t.Errorf("list before the window opened: %d %s", code, stdout)
	}
	app := s.open("--db", db)
	app.focus()
	app.waitTrackerShown(db)
	app.key("Escape") // no profile yet: the welcome can wait
	app.key("ctrl+f")
	app.typeText("globex")
	app.key("Down")
	s.screenshot("search")
	// Delete asks first, Enter confirms. Until the selected opportunity is loaded there is
	// nothing to delete, and Enter does nothing without a dialog.
	s.retry("the deletion saved", stepLimit, 3*time.Second, func() { app.key("Delete", "Return") }, func() bool {
		code, stdout, _ := s.cliOnCopy(db, "list", "--json")
		return code == 0 && len(parseRecords(t, stdout)) == 1
	})
	recs := s.waitSaved("one opportunity left", db, func(recs []record) bool { return len(recs) == 1 })
	if recs[0].Company != "Initech" {
		t.Errorf("Down after searching for globex did not go to the match: %s is left, the other one was deleted", recs[0].Company)
	}
	app.quit()

	recs = s.list(db)
	if len(recs) != 1 || recs[0].Company != "Initech" || recs[0].Status != "applied" || len(recs[0].History) != 1 {
		t.Errorf("after the window closed: %+v", recs)
	}
	if code, stdout, _ := s.cli("--db", db, "list", "--status", "scheduled"); code != 0 || strings.Contains(stdout, "Globex") {
		t.Errorf("list --status scheduled after deleting Globex: %d %s", code, stdout)
	}
}

// signIn fills the first-run welcome — name, Tab, email, Enter — and waits until the
// profile is saved: the letter for record id is then signed with the name.
func (w *appWindow) signIn(db, name, email, id string) {
	w.s.t.Helper()
	w.typeText(name)
	w.key("Tab")
	w.typeText(email)
	w.key("Return")
	w.s.waitFor("the profile saved", stepLimit, func() bool {
		code, stdout, _ := w.s.cliOnCopy(db, "compose", "--id", id)
		return code == 0 && strings.HasSuffix(strings.TrimSpace(stdout), name)
	})
}

// TestLetterFromTheWindow signs in on first run, opens an opportunity, saves its letter as an
// .eml draft through the app's save dialog, and reads the draft back as a mail reader would.
func TestLetterFromTheWindow(t *testing.T) {
	s := newSession(t)
	db := filepath.Join(s.dir, "tracker.db")
	csv := filepath.Join(s.dir, "one.csv")
	os.WriteFile(csv, []byte("Company,Role,Contact,Email,Stage,Invited\nAcme Inc,Go Engineer,Jo Park,jo@acme.test,Interview invited,2026-11-23\n"), 0o600)
	if code, _, stderr := s.cli("--db", db, "import", csv); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	app := s.open("--db", db)
	app.focus()
	app.waitTrackerShown(db)
	app.signIn(db, "Ana Silva", "ana@example.com", "1")
	app.key("Down")   // the one row of the list
	app.key("ctrl+i") // the import dialog opens and closes without harm
	s.screenshot("import-dialog")
	app.key("Escape")

	// Ctrl+E asks where to save, suggesting a name in the home folder; Enter takes it. The
	// letter is there once it is rendered: until then Ctrl+E only says there is none, and
	// Enter closes that. Down keeps the one row selected.
	path := filepath.Join(s.dir, "home", "Decline - Acme Inc - Go Engineer.eml")
	s.retry("the .eml draft on disk", stepLimit, 5*time.Second, func() {
		app.key("Down", "ctrl+e")
		s.screenshot("save-dialog")
		app.key("Return")
	}, func() bool { _, err := os.Stat(path); return err == nil })
	s.waitSaved("the draft in the history", db, func(recs []record) bool {
		return len(recs) == 1 && recs[0].hasEvent("Letter saved as an email draft: Decline - Acme Inc - Go Engineer.eml")
	})
	s.screenshot("saved")
	app.quit()

	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no draft: %v\n%s", err, app.out)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if msg.Header.Get("To") != "Jo Park <jo@acme.test>" || msg.Header.Get("From") != "Ana Silva <ana@example.com>" ||
		msg.Header.Get("X-Unsent") != "1" || !strings.HasPrefix(string(body), "Dear Jo Park,\r\n") ||
		!strings.HasSuffix(string(body), "Sincerely,\r\nAna Silva\r\n") {
		t.Errorf("draft:\n%s\nbody:\n%s", raw, body)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("draft mode %v", fi.Mode().Perm())
	}
	// Python's email package, a mail reader other than our own code, reads it the same way.
	if py, err := exec.LookPath("python3"); err == nil {
		script := "import email,email.policy,sys\nm=email.message_from_binary_file(open(sys.argv[1],'rb'),policy=email.policy.default)\n" +
			"print(m['To']);print(m['Subject']);print(m.get_content(),end='')"
		cmd, cancel := s.command(py, "-c", script, path)
		got, err := cmd.Output()
		cancel()
		if err != nil || !strings.HasPrefix(string(got), "Jo Park <jo@acme.test>\nDeclining the interview — Go Engineer at Acme Inc\nDear Jo Park,\n") {
			t.Errorf("python reads: %v\n%s", err, got)
		}
	}
	// Saving a draft records it and changes nothing else: the letter is not sent yet.
	recs := s.list(db)
	if len(recs) != 1 || recs[0].Status != "invited" ||
		!recs[0].hasEvent("Letter saved as an email draft: Decline - Acme Inc - Go Engineer.eml") {
		t.Errorf("history: %+v", recs)
	}
}

// TestCopyOutlivesTheCommand copies a composed letter with the real clipboard tool and reads
// it back after the command has exited.
func TestCopyOutlivesTheCommand(t *testing.T) {
	s := newSession(t)
	spec := filepath.Join(s.dir, "spec.json")
	os.WriteFile(spec, []byte(`{"recipient_name":"Jo Park","company":"Acme","role":"Dev","reason":"timing",
		"sender_name":"Ana Silva","sender_email":"ana@example.com"}`), 0o600)
	code, stdout, stderr := s.cli("compose", spec, "--copy")
	if code != 0 || !strings.Contains(stderr, "copied") {
		t.Fatalf("compose --copy: %d %s", code, stderr)
	}
	var got string
	s.waitFor("the letter on the clipboard", stepLimit, func() bool { got = s.clipboard(); return got != "" })
	if !strings.HasPrefix(got, "Dear Jo Park,") || !strings.Contains(stdout, got) {
		t.Errorf("clipboard holds %q", got)
	}
}

// TestTheKeyboardJourney goes from the first-run welcome to a copied letter without the
// mouse: name, Tab, email, Enter; Ctrl+F, a company, Down; Ctrl+Shift+C. The clipboard is
// read back with xclip while the window is open, and again once it has closed.
func TestTheKeyboardJourney(t *testing.T) {
	s := newSession(t)
	db := filepath.Join(s.dir, "tracker.db")
	csv := filepath.Join(s.dir, "two.csv")
	os.WriteFile(csv, []byte("Company,Role,Contact,Email,Stage\nAcme Inc,Go Engineer,Jo Park,jo@acme.test,Interview invited\n"+
		"Globex,Analyst,Ann Lee,ann@globex.test,Offer\n"), 0o600)
	if code, _, stderr := s.cli("--db", db, "import", csv); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	app := s.open("--db", db)
	app.focus()
	app.waitTrackerShown(db)
	app.signIn(db, "Ana Silva", "ana@example.com", "1")
	app.key("ctrl+f")
	app.typeText("globex")
	app.key("Down")
	s.retry("the letter on the clipboard", stepLimit, 3*time.Second, func() { app.key("ctrl+shift+c") },
		func() bool { return strings.HasPrefix(s.clipboard(), "Dear ") })
	s.screenshot("keyboard-journey")
	got := s.clipboard()
	if !strings.HasPrefix(got, "Dear Ann Lee,") || !strings.Contains(got, "offer") ||
		!strings.HasSuffix(strings.TrimSpace(got), "Ana Silva") {
		t.Errorf("clipboard after the journey: %q", got)
	}
	s.waitSaved("the copy in Globex's history", db, func(recs []record) bool {
		for _, r := range recs {
			if r.Company == "Globex" && r.hasEvent("Letter copied") {
				return true
			}
		}
		return false
	})
	app.quit()

	if after := s.clipboard(); after != got {
		t.Errorf("the clipboard once the window closed: %q, want the letter", after)
	}
	for _, r := range s.list(db) {
		if r.Company != "Globex" && r.hasEvent("Letter copied") {
			t.Errorf("%s's letter was copied too: %q", r.Company, r.events())
		}
	}
}

// TestWindowOpensInsideASmallScreen opens the window on a 960×640 screen: it must fit,
// as it opens and once the tracker shows, and again when it reopens with the size it
// remembered.
func TestWindowOpensInsideASmallScreen(t *testing.T) {
	s := newSessionSized(t, "960x640")
	db := filepath.Join(s.dir, "tracker.db")
	fits := func(app *appWindow, when string) {
		t.Helper()
		if x, y, w, h := app.geometry(); x < 0 || y < 0 || x+w > s.width || y+h > s.height {
			t.Errorf("%s: the window is %dx%d at %d,%d on a %dx%d screen", when, w, h, x, y, s.width, s.height)
		}
		if w, h, ok := app.minSize(); ok && (w > s.width || h > s.height) {
			t.Errorf("%s: the window asks for at least %dx%d on a %dx%d screen", when, w, h, s.width, s.height)
		}
	}
	app := s.open("--db", db)
	fits(app, "as it opens")
	app.waitTrackerShown(db)
	s.screenshot("small-screen")
	fits(app, "once the tracker shows")
	app.focus()
	app.quit()

	again := s.open("--db", db)
	fits(again, "reopened")
	again.focus()
	again.quit()
}

// TestCalendarFileReadByAnotherParser exports the calendar with the real binary, twice, and
// reads it with Python's icalendar: every follow-up and interview ahead, all-day dates, UIDs
// that stay the same from one export to the next, and names with ; , " and non-ASCII.
func TestCalendarFileReadByAnotherParser(t *testing.T) {
	s := newSession(t)
	py := ""
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		if path, err := exec.LookPath(name); err == nil && s.run(path, "-c", "import icalendar") == nil {
			py = path
			break
		}
	}
	if py == "" {
		t.Fatal("python3-icalendar is missing: run scripts/deps.sh test")
	}
	db := filepath.Join(s.dir, "tracker.db")
	// The command line dates events by the system's clock, so the test does too: a month
	// ahead is ahead whatever the day.
	ahead := time.Now().AddDate(0, 0, 30).Format(time.DateOnly)
	csv := filepath.Join(s.dir, "in.csv")
	os.WriteFile(csv, []byte("Company,Role,Stage,Follow up,Interview\n"+
		"\"Müller; Söhne, \"\"GmbH\"\"\",Ingénieur,Offer,"+ahead+",\n"+
		"Acme,"+strings.Repeat("Very Long Title ", 8)+",Interview scheduled,,"+ahead+"\n"), 0o600)
	if code, _, stderr := s.cli("--db", db, "import", csv); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	read := func(name string) string {
		out := filepath.Join(s.dir, name)
		if code, _, stderr := s.cli("--db", db, "calendar", out); code != 0 {
			t.Fatalf("calendar: %s", stderr)
		}
		script := "import icalendar,sys\nc=icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read())\n" +
			"for e in c.walk('VEVENT'):\n print(e['UID'], e.decoded('DTSTART').isoformat(), type(e.decoded('DTSTART')).__name__, e['SUMMARY'])\n"
		cmd, cancel := s.command(py, "-c", script, out)
		defer cancel()
		got, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("icalendar: %v\n%s", err, got)
		}
		return string(got)
	}
	first, second := read("a.ics"), read("b.ics")
	lines := strings.Split(strings.TrimSpace(first), "\n")
	if len(lines) != 2 || first != second {
		t.Fatalf("events:\n%s\nsecond export:\n%s", first, second)
	}
	for _, want := range []string{ahead + " date Follow up: Müller; Söhne, \"GmbH\" — Ingénieur", ahead + " date Interview: Acme — Very Long Title"} {
		if !strings.Contains(first, want) {
			t.Errorf("missing %q in\n%s", want, first)
		}
	}
}
