//go:build e2e

// Package e2e runs the real declinedesk binary in a real window under Xvfb, drives it with
// xdotool like a user would, and checks the result through the command line.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

var bin = flag.String("bin", "", "path of the declinedesk binary under test")

// session is one virtual display with a home folder of its own.
type session struct {
	t       *testing.T
	display string
	dir     string
	env     []string
	outputs []*bytes.Buffer
}

func newSession(t *testing.T) *session {
	t.Helper()
	if *bin == "" {
		t.Fatal("run with -bin PATH (make e2e does)")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "xdpyinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run scripts/deps.sh test", tool)
		}
	}
	s := &session{t: t, dir: t.TempDir()}
	home := filepath.Join(s.dir, "home")
	os.MkdirAll(filepath.Join(home, ".cache"), 0o700)
	// Xvfb picks a free display itself and writes its number once it accepts clients, so
	// tests never race a server that another test is shutting down. -noreset keeps it from
	// resetting when its last client leaves: the probe below is such a client, and a window
	// that connects during the reset fails to find any display at all.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	x := exec.Command("Xvfb", "-displayfd", "3", "-noreset", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() {
		// A terminated Xvfb removes its lock and socket; a killed one leaves them for the
		// next test's server to trip over.
		x.Process.Signal(syscall.SIGTERM)
		exited := make(chan struct{})
		go func() { x.Wait(); close(exited) }()
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			x.Process.Kill()
			<-exited
		}
	})
	num := make(chan string, 1)
	go func() {
		b := make([]byte, 16)
		n, _ := r.Read(b)
		num <- strings.TrimSpace(string(b[:n]))
	}()
	select {
	case n := <-num:
		if n == "" {
			t.Fatal("Xvfb did not start")
		}
		s.display = ":" + n
	case <-time.After(15 * time.Second):
		t.Fatal("Xvfb did not start within 15 s")
	}
	s.env = append(os.Environ(), "DISPLAY="+s.display, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"LANG=en_US.UTF-8", "DECLINEDESK_DB=", "WAYLAND_DISPLAY=")
	s.waitFor("the display", 10*time.Second, func() bool { return exec.Command("xdpyinfo", "-display", s.display).Run() == nil })
	return s
}

func (s *session) waitFor(what string, limit time.Duration, ok func() bool) {
	s.t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			s.t.Fatalf("gave up waiting for %s after %v; the app said:\n%s", what, limit, s.appOutput())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// appOutput is what the windows started so far printed.
func (s *session) appOutput() string {
	var b strings.Builder
	for _, o := range s.outputs {
		b.WriteString(o.String())
	}
	return b.String()
}

// start runs the app's window; the returned channel gets its exit error.
func (s *session) start(args ...string) (*exec.Cmd, chan error, *bytes.Buffer) {
	s.t.Helper()
	cmd := exec.Command(*bin, args...)
	cmd.Env = s.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	s.outputs = append(s.outputs, &out)
	if err := cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	s.t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, done, &out
}

// windowOf waits for the visible window of the process cmd and returns its id. Windows are
// found by process, so that two Decline Desk windows are never mistaken for each other.
func (s *session) windowOf(cmd *exec.Cmd, limit time.Duration) string {
	s.t.Helper()
	var wid string
	s.waitFor("the window", limit, func() bool {
		out, _ := s.xdotool("search", "--all", "--onlyvisible", "--pid", fmt.Sprint(cmd.Process.Pid), "--name", "^Decline Desk").Output()
		if f := strings.Fields(string(out)); len(f) > 0 {
			wid = f[len(f)-1]
		}
		return wid != ""
	})
	return wid
}

func (s *session) xdotool(args ...string) *exec.Cmd {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = s.env
	return cmd
}

func (s *session) do(args ...string) {
	s.t.Helper()
	if out, err := s.xdotool(args...).CombinedOutput(); err != nil {
		s.t.Fatalf("xdotool %v: %v %s", args, err, out)
	}
	time.Sleep(150 * time.Millisecond)
}

// cli runs a command-line command and returns its exit code and output.
func (s *session) cli(args ...string) (int, string, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, *bin, args...)
	cmd.Env = s.env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		s.t.Fatal(err)
	}
	return code, out.String(), errb.String()
}

func (s *session) screenshot(name string) {
	if dir := os.Getenv("E2E_SHOTS"); dir != "" {
		exec.Command("import", "-display", s.display, "-window", "root", filepath.Join(dir, name+".png")).Run()
	}
}

func waitExit(t *testing.T, done chan error, limit time.Duration) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(limit):
		t.Fatalf("the app did not exit within %v", limit)
		return nil
	}
}

func TestAddInWindowThenListFromCLI(t *testing.T) {
	s := newSession(t)
	db := filepath.Join(s.dir, "tracker.db")
	app, done, out := s.start("--db", db)
	wid := s.windowOf(app, 20*time.Second)

	// While the window holds the database, the command line says so and exits 3; a hang
	// would run into the command's deadline.
	code, _, stderr := s.cli("--db", db, "list")
	if code != 3 || !strings.Contains(stderr, "already open") {
		t.Errorf("list while the window is open: exit %d, %q", code, stderr)
	}

	// A second window says the tracker is already open instead of hanging.
	second, done2, _ := s.start("--db", db)
	w2 := s.windowOf(second, 10*time.Second)
	time.Sleep(500 * time.Millisecond)
	s.do("windowraise", w2) // there is no window manager to bring it up
	s.screenshot("second-instance")
	s.do("mousemove", "--window", w2, "320", "180") // keys go to the window under the pointer
	s.do("key", "Escape")
	if err := waitExit(t, done2, 10*time.Second); err == nil || err.(*exec.ExitError).ExitCode() != 3 {
		t.Errorf("second instance exit: %v", err)
	}

	// Add an opportunity with the keyboard only: Ctrl+N, type, Tab, type, Enter.
	s.do("mousemove", "--window", wid, "640", "400")
	s.do("key", "--window", wid, "ctrl+n")
	time.Sleep(500 * time.Millisecond)
	s.do("type", "--delay", "20", "Acme Inc")
	s.do("key", "Tab")
	s.do("type", "--delay", "20", "Go Engineer")
	s.do("key", "Return")
	time.Sleep(time.Second)
	s.screenshot("added")

	// Quit with Ctrl+Q: the app saves, closes the database and exits cleanly.
	s.do("key", "--window", wid, "ctrl+q")
	if err := waitExit(t, done, 15*time.Second); err != nil {
		t.Fatalf("app exit: %v\n%s", err, out)
	}

	code, stdout, stderr := s.cli("--db", db, "list", "--json")
	if code != 0 {
		t.Fatalf("list: exit %d %s", code, stderr)
	}
	var recs []struct {
		Company, Role, Status string
		History               []struct{ Event string }
	}
	if err := json.Unmarshal([]byte(stdout), &recs); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	if len(recs) != 1 || recs[0].Company != "Acme Inc" || recs[0].Role != "Go Engineer" || recs[0].Status != "saved" ||
		len(recs[0].History) != 1 || recs[0].History[0].Event != "Added to the tracker" {
		t.Errorf("stored %+v", recs)
	}
	if fi, err := os.Stat(db); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode: %v %v", fi.Mode(), err)
	}
}

func TestOpensImportedTrackerAndSearches(t *testing.T) {
	s := newSession(t)
	db := filepath.Join(s.dir, "tracker.db")
	csv := filepath.Join(s.dir, "in.csv")
	os.WriteFile(csv, []byte("Company,Job Title,Stage,Follow up\nGlobex,Analyst,Interviewing,2026-01-02\nInitech,Go Lead,Applied,\n"), 0o600)
	if code, stdout, stderr := s.cli("--db", db, "import", csv); code != 0 || !strings.Contains(stdout, "imported: 2") {
		t.Fatalf("import: %d %s %s", code, stdout, stderr)
	}
	app, done, out := s.start("--db", db)
	wid := s.windowOf(app, 20*time.Second)
	s.do("mousemove", "--window", wid, "640", "400")
	s.do("key", "--window", wid, "ctrl+f")
	s.do("type", "--delay", "20", "globex")
	time.Sleep(500 * time.Millisecond)
	s.screenshot("search")
	s.do("key", "--window", wid, "ctrl+q")
	if err := waitExit(t, done, 15*time.Second); err != nil {
		t.Fatalf("app exit: %v\n%s", err, out)
	}
	if code, stdout, _ := s.cli("--db", db, "list", "--status", "scheduled"); code != 0 || !strings.Contains(stdout, "Globex") {
		t.Errorf("list after the window closed: %d %s", code, stdout)
	}
}

// TestLetterFromTheWindow signs in on first run, opens an opportunity, saves its letter as an
// .eml draft through the real save dialog, and reads the draft back as a mail reader would.
func TestLetterFromTheWindow(t *testing.T) {
	s := newSession(t)
	db := filepath.Join(s.dir, "tracker.db")
	csv := filepath.Join(s.dir, "one.csv")
	os.WriteFile(csv, []byte("Company,Role,Contact,Email,Stage,Invited\nAcme Inc,Go Engineer,Jo Park,jo@acme.test,Interview invited,2026-11-23\n"), 0o600)
	if code, _, stderr := s.cli("--db", db, "import", csv); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	app, done, out := s.start("--db", db)
	wid := s.windowOf(app, 20*time.Second)
	s.do("mousemove", "--window", wid, "640", "400")
	time.Sleep(700 * time.Millisecond)
	// First run: the profile dialog has the focus.
	s.do("type", "--delay", "20", "Ana Silva")
	s.do("key", "Tab")
	s.do("type", "--delay", "20", "ana@example.com")
	s.do("key", "Return")
	time.Sleep(500 * time.Millisecond)
	s.do("mousemove", "--window", wid, "200", "175") // the one row of the list
	s.do("click", "1")
	time.Sleep(time.Second)
	s.do("key", "--window", wid, "ctrl+i") // the import dialog opens and closes without harm
	time.Sleep(700 * time.Millisecond)
	s.screenshot("import-dialog")
	s.do("key", "Escape")
	time.Sleep(300 * time.Millisecond)
	s.do("key", "--window", wid, "ctrl+e")
	time.Sleep(time.Second)
	s.screenshot("save-dialog")
	s.do("key", "Return") // the suggested name, in the home folder
	time.Sleep(time.Second)
	s.screenshot("saved")
	s.do("key", "--window", wid, "ctrl+q")
	if err := waitExit(t, done, 15*time.Second); err != nil {
		t.Fatalf("app exit: %v\n%s", err, out)
	}

	path := filepath.Join(s.dir, "home", "Decline - Acme Inc - Go Engineer.eml")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no draft: %v\n%s", err, out)
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
		got, err := exec.Command(py, "-c", script, path).Output()
		if err != nil || !strings.HasPrefix(string(got), "Jo Park <jo@acme.test>\nDeclining the interview — Go Engineer at Acme Inc\nDear Jo Park,\n") {
			t.Errorf("python reads: %v\n%s", err, got)
		}
	}
	code, stdout, _ := s.cli("--db", db, "list", "--json")
	if code != 0 || !strings.Contains(stdout, "Letter saved as an email draft: Decline - Acme Inc - Go Engineer.eml") {
		t.Errorf("history: %s", stdout)
	}
}

// TestCopyOutlivesTheCommand copies a composed letter with the real clipboard tool and reads
// it back after the command has exited.
func TestCopyOutlivesTheCommand(t *testing.T) {
	s := newSession(t)
	if _, err := exec.LookPath("xclip"); err != nil {
		t.Fatal("xclip is missing: run scripts/deps.sh test")
	}
	spec := filepath.Join(s.dir, "spec.json")
	os.WriteFile(spec, []byte(`{"recipient_name":"Jo Park","company":"Acme","role":"Dev","reason":"timing",
		"sender_name":"Ana Silva","sender_email":"ana@example.com"}`), 0o600)
	code, stdout, stderr := s.cli("compose", spec, "--copy")
	if code != 0 || !strings.Contains(stderr, "copied") {
		t.Fatalf("compose --copy: %d %s", code, stderr)
	}
	cmd := exec.Command("xclip", "-o", "-selection", "clipboard")
	cmd.Env = s.env
	got, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(got), "Dear Jo Park,") || !strings.Contains(stdout, string(got)) {
		t.Errorf("clipboard holds %q", got)
	}
}

// TestTheKeyboardJourney goes from the first-run welcome to a copied letter without the
// mouse: name, Tab, email, Enter; Ctrl+F, a company, Down; Ctrl+Shift+C. The clipboard is
// read back with xclip while the window is still open.
func TestTheKeyboardJourney(t *testing.T) {
	s := newSession(t)
	db := filepath.Join(s.dir, "tracker.db")
	csv := filepath.Join(s.dir, "two.csv")
	os.WriteFile(csv, []byte("Company,Role,Contact,Email,Stage\nAcme Inc,Go Engineer,Jo Park,jo@acme.test,Interview invited\n"+
		"Globex,Analyst,Ann Lee,ann@globex.test,Offer\n"), 0o600)
	if code, _, stderr := s.cli("--db", db, "import", csv); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	app, done, out := s.start("--db", db)
	wid := s.windowOf(app, 20*time.Second)
	time.Sleep(700 * time.Millisecond)
	s.do("type", "--delay", "20", "Ana Silva")
	s.do("key", "Tab")
	s.do("type", "--delay", "20", "ana@example.com")
	s.do("key", "Return")
	time.Sleep(500 * time.Millisecond)
	s.do("key", "--window", wid, "ctrl+f")
	s.do("type", "--delay", "20", "globex")
	time.Sleep(500 * time.Millisecond)
	s.do("key", "Down")
	time.Sleep(time.Second)
	s.do("key", "--window", wid, "ctrl+shift+c")
	time.Sleep(700 * time.Millisecond)
	s.screenshot("keyboard-journey")
	cmd := exec.Command("xclip", "-o", "-selection", "clipboard")
	cmd.Env = s.env
	got, err := cmd.Output()
	s.do("key", "--window", wid, "ctrl+q")
	if err := waitExit(t, done, 15*time.Second); err != nil {
		t.Fatalf("app exit: %v\n%s", err, out)
	}
	if err != nil || !strings.HasPrefix(string(got), "Dear Ann Lee,") || !strings.Contains(string(got), "offer") ||
		!strings.HasSuffix(strings.TrimSpace(string(got)), "Ana Silva") {
		t.Errorf("clipboard after the journey: %v %q", err, got)
	}
}

// TestCalendarFileReadByAnotherParser exports the calendar with the real binary, twice, and
// reads it with Python's icalendar: every follow-up and interview ahead, all-day dates, UIDs
// that stay the same from one export to the next, and names with ; , " and non-ASCII.
func TestCalendarFileReadByAnotherParser(t *testing.T) {
	s := newSession(t)
	py := ""
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		if path, err := exec.LookPath(name); err == nil && exec.Command(path, "-c", "import icalendar").Run() == nil {
			py = path
			break
		}
	}
	if py == "" {
		t.Fatal("python3-icalendar is missing: run scripts/deps.sh test")
	}
	db := filepath.Join(s.dir, "tracker.db")
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
		got, err := exec.Command(py, "-c", script, out).CombinedOutput()
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
