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
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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
	for n := 90; n < 200; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); errors.Is(err, os.ErrNotExist) {
			s.display = fmt.Sprintf(":%d", n)
			break
		}
	}
	x := exec.Command("Xvfb", s.display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Process.Kill(); x.Wait() })
	s.env = append(os.Environ(), "DISPLAY="+s.display, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"LANG=en_US.UTF-8", "DECLINEDESK_DB=")
	s.waitFor("the display", 10*time.Second, func() bool { return exec.Command("xdpyinfo", "-display", s.display).Run() == nil })
	return s
}

func (s *session) waitFor(what string, limit time.Duration, ok func() bool) {
	s.t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			s.t.Fatalf("gave up waiting for %s after %v", what, limit)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// start runs the app's window; the returned channel gets its exit error.
func (s *session) start(args ...string) (*exec.Cmd, chan error, *bytes.Buffer) {
	s.t.Helper()
	cmd := exec.Command(*bin, args...)
	cmd.Env = s.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	s.t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, done, &out
}

// windows lists the visible windows whose title starts with title.
func (s *session) windows(title string) []string {
	out, _ := s.xdotool("search", "--onlyvisible", "--name", "^"+title).Output()
	return strings.Fields(string(out))
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
	_, done, out := s.start("--db", db)
	s.waitFor("the window", 20*time.Second, func() bool { return len(s.windows("Decline Desk")) > 0 })
	wid := s.windows("Decline Desk")[0]

	// While the window holds the database, the command line says so at once and exits 3.
	start := time.Now()
	code, _, stderr := s.cli("--db", db, "list")
	if code != 3 || !strings.Contains(stderr, "already open") {
		t.Errorf("list while the window is open: exit %d, %q", code, stderr)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("second instance took %v to give up", d)
	}

	// A second window says the tracker is already open instead of hanging.
	_, done2, _ := s.start("--db", db)
	s.waitFor("the second window", 10*time.Second, func() bool { return len(s.windows("Decline Desk")) > 1 })
	s.screenshot("second-instance")
	for _, w := range s.windows("Decline Desk") {
		if w != wid {
			s.do("mousemove", "--window", w, "320", "180")
			s.do("key", "--window", w, "Tab", "space") // the Quit button
		}
	}
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
	_, done, out := s.start("--db", db)
	s.waitFor("the window", 20*time.Second, func() bool { return len(s.windows("Decline Desk")) > 0 })
	wid := s.windows("Decline Desk")[0]
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
