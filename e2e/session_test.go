//go:build e2e

package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

var bin = flag.String("bin", "", "path of the declinedesk binary under test")

// How long a step may take before the test gives up. They are deadlines, not delays: a step
// ends as soon as what it waits for is there, and the limits leave room for a machine busy
// with other work.
const (
	windowLimit  = 40 * time.Second // a window appears
	stepLimit    = 30 * time.Second // an action shows its effect
	exitLimit    = 30 * time.Second // a window closes and its process exits
	commandLimit = 60 * time.Second // one command: the app's command line, xdotool, xclip
)

// session is one virtual screen with a home folder of its own.
type session struct {
	t             *testing.T
	display       string
	width, height int
	dir           string
	env           []string
	outputs       []*bytes.Buffer
}

// newSession starts a session on a screen of the app's default window size.
func newSession(t *testing.T) *session { return newSessionSized(t, "1280x800") }

// newSessionSized starts a session on a screen of size "WxH".
func newSessionSized(t *testing.T, size string) *session {
	t.Helper()
	if *bin == "" {
		t.Fatal("run with -bin PATH (make e2e does)")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "xdpyinfo", "xprop", "xclip"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run scripts/deps.sh test", tool)
		}
	}
	w, h, ok := strings.Cut(size, "x")
	s := &session{t: t, dir: t.TempDir()}
	var errW, errH error
	s.width, errW = strconv.Atoi(w)
	s.height, errH = strconv.Atoi(h)
	if !ok || errW != nil || errH != nil {
		t.Fatalf("screen size %q: want WxH", size)
	}
	home := filepath.Join(s.dir, "home")
	os.MkdirAll(filepath.Join(home, ".cache"), 0o700)
	// Xvfb picks a free display itself and writes its number once it accepts clients, so
	// tests never race a server that another test is shutting down. -noreset keeps it from
	// resetting when its last client leaves: xdotool is such a client, and a window that
	// connects during the reset fails to find any display at all.
	r, wr, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	x := exec.Command("Xvfb", "-displayfd", "3", "-noreset", "-screen", "0", size+"x24", "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{wr}
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	wr.Close()
	t.Cleanup(func() {
		// A terminated Xvfb removes its lock and socket; a killed one leaves them for the
		// next test's server to trip over.
		x.Process.Signal(syscall.SIGTERM)
		exited := make(chan struct{})
		go func() { x.Wait(); close(exited) }()
		select {
		case <-exited:
		case <-time.After(exitLimit):
			x.Process.Kill()
			<-exited
		}
	})
	num := make(chan string, 1)
	go func() {
		defer r.Close()
		line, _ := bufio.NewReader(r).ReadString('\n') // the number and a newline; EOF if Xvfb fails
		num <- strings.TrimSpace(line)
	}()
	select {
	case n := <-num:
		if n == "" {
			t.Fatal("Xvfb did not start")
		}
		s.display = ":" + n
	case <-time.After(windowLimit):
		t.Fatalf("Xvfb did not start within %v", windowLimit)
	}
	s.env = append(os.Environ(), "DISPLAY="+s.display, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"LANG=en_US.UTF-8", "DECLINEDESK_DB=", "WAYLAND_DISPLAY=")
	s.waitFor("the display", windowLimit, func() bool { return s.run("xdpyinfo", "-display", s.display) == nil })
	return s
}

// waitFor waits until ok holds, and fails the test if it does not within limit.
func (s *session) waitFor(what string, limit time.Duration, ok func() bool) {
	s.t.Helper()
	if !poll(limit, ok) {
		s.screenshot("gave-up")
		s.t.Fatalf("gave up waiting for %s after %v; the app said:\n%s", what, limit, s.appOutput())
	}
}

// retry does act, then waits up to patience for ok, and does act again while ok does not
// hold, until limit has passed. It is for keys whose effect shows only once it has happened
// (a letter is copied, a file is written) and that do no harm when pressed again before the
// window was ready for them.
func (s *session) retry(what string, limit, patience time.Duration, act func(), ok func() bool) {
	s.t.Helper()
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	for attempt := 1; ; attempt++ {
		act()
		if poll(patience, ok) {
			if attempt > 1 {
				s.t.Logf("%s: took %d attempts", what, attempt)
			}
			return
		}
		select {
		case <-deadline.C:
			s.screenshot("gave-up")
			s.t.Fatalf("gave up on %s after %d attempts in %v; the app said:\n%s", what, attempt, limit, s.appOutput())
		default:
		}
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

// command is a program run in the session, bounded by commandLimit: a hang fails the step.
func (s *session) command(name string, args ...string) (*exec.Cmd, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(context.Background(), commandLimit)
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = s.env
	return cmd, cancel
}

// run runs a program in the session and returns its error.
func (s *session) run(name string, args ...string) error {
	cmd, cancel := s.command(name, args...)
	defer cancel()
	return cmd.Run()
}

// xdotool runs xdotool in the session and returns what it printed.
func (s *session) xdotool(args ...string) (string, error) {
	cmd, cancel := s.command("xdotool", args...)
	defer cancel()
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}

// cli runs a command-line command and returns its exit code and output.
func (s *session) cli(args ...string) (int, string, string) {
	s.t.Helper()
	cmd, cancel := s.command(*bin, args...)
	defer cancel()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee) && ee.ExitCode() >= 0:
		code = ee.ExitCode()
	case err != nil:
		s.t.Fatalf("declinedesk %v: %v %s", args, err, errb.String())
	}
	return code, out.String(), errb.String()
}

// cliOnCopy runs a command-line command on a copy of the database db. While a window holds
// the file, the command line refuses it (exit 3); a copy shows what the window has saved
// so far. A copy taken in the middle of a write may be refused: callers poll.
func (s *session) cliOnCopy(db string, args ...string) (int, string, string) {
	s.t.Helper()
	data, err := os.ReadFile(db)
	if err != nil {
		return -1, "", err.Error()
	}
	dir, err := os.MkdirTemp(s.dir, "copy-")
	if err != nil {
		s.t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	cp := filepath.Join(dir, "copy.db")
	if err := os.WriteFile(cp, data, 0o600); err != nil {
		s.t.Fatal(err)
	}
	return s.cli(append([]string{"--db", cp}, args...)...)
}

// record is one opportunity as list --json prints it.
type record struct {
	ID                    int
	Company, Role, Status string
	History               []struct{ At, Event string }
}

// events are the history's events, in order.
func (r record) events() []string {
	var ev []string
	for _, h := range r.History {
		ev = append(ev, h.Event)
	}
	return ev
}

// hasEvent reports whether r's history has an event starting with prefix.
func (r record) hasEvent(prefix string) bool {
	for _, h := range r.History {
		if strings.HasPrefix(h.Event, prefix) {
			return true
		}
	}
	return false
}

func parseRecords(t *testing.T, js string) []record {
	t.Helper()
	var recs []record
	if err := json.Unmarshal([]byte(js), &recs); err != nil {
		t.Fatalf("list --json: %v\n%s", err, js)
	}
	return recs
}

// list is every opportunity in db, through the command line.
func (s *session) list(db string) []record {
	s.t.Helper()
	code, stdout, stderr := s.cli("--db", db, "list", "--json")
	if code != 0 {
		s.t.Fatalf("list: exit %d %s", code, stderr)
	}
	return parseRecords(s.t, stdout)
}

// waitSaved waits until a copy of db, which a window holds, lists records that satisfy ok.
func (s *session) waitSaved(what, db string, ok func([]record) bool) []record {
	s.t.Helper()
	var recs []record
	s.waitFor(what, stepLimit, func() bool {
		code, stdout, _ := s.cliOnCopy(db, "list", "--json")
		if code != 0 {
			return false
		}
		if err := json.Unmarshal([]byte(stdout), &recs); err != nil {
			return false
		}
		return ok(recs)
	})
	return recs
}

// clipboard is what the system clipboard holds, "" when nothing.
func (s *session) clipboard() string {
	cmd, cancel := s.command("xclip", "-o", "-selection", "clipboard")
	defer cancel()
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return string(out)
}

func (s *session) screenshot(name string) {
	if dir := os.Getenv("E2E_SHOTS"); dir != "" {
		s.run("import", "-display", s.display, "-window", "root", filepath.Join(dir, s.t.Name()+"-"+name+".png"))
	}
}

// appWindow is one running declinedesk process with a window.
type appWindow struct {
	s    *session
	cmd  *exec.Cmd
	done chan error
	out  *bytes.Buffer
	id   string // the X window, once it is visible
}

// start runs the app; its window may not be there yet.
func (s *session) start(args ...string) *appWindow {
	s.t.Helper()
	cmd := exec.Command(*bin, args...)
	cmd.Env = s.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	s.outputs = append(s.outputs, &out)
	if err := cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	w := &appWindow{s: s, cmd: cmd, done: make(chan error, 1), out: &out}
	go func() { w.done <- cmd.Wait() }()
	s.t.Cleanup(func() { cmd.Process.Kill() })
	return w
}

// open runs the app and waits for its window.
func (s *session) open(args ...string) *appWindow {
	s.t.Helper()
	w := s.start(args...)
	w.waitVisible()
	return w
}

// waitVisible waits for the process's visible window. Windows are found by process, so
// that two Decline Desk windows are never mistaken for each other.
func (w *appWindow) waitVisible() {
	w.s.t.Helper()
	w.s.waitFor("the window", windowLimit, func() bool {
		out, _ := w.s.xdotool("search", "--all", "--onlyvisible", "--pid", strconv.Itoa(w.cmd.Process.Pid), "--name", "^Decline Desk")
		if f := strings.Fields(out); len(f) > 0 {
			w.id = f[len(f)-1]
		}
		return w.id != ""
	})
}

// focused reports whether the window has the keyboard focus.
func (w *appWindow) focused() bool {
	out, err := w.s.xdotool("getwindowfocus")
	return err == nil && out == w.id
}

// focus gives the window the keyboard focus (there is no window manager to do it) and
// waits until the X server says it has it.
func (w *appWindow) focus() {
	w.s.t.Helper()
	w.s.waitFor("the keyboard focus on the window", stepLimit, func() bool {
		if w.focused() {
			return true
		}
		w.s.xdotool("windowfocus", "--sync", w.id)
		return w.focused()
	})
}

// key presses keys (xdotool names, such as ctrl+n or Return) in the window, which must have
// the focus: the keys go where a keyboard's would.
func (w *appWindow) key(keys ...string) {
	w.s.t.Helper()
	if !w.focused() {
		w.s.t.Fatalf("the window lost the keyboard focus before %v", keys)
	}
	if out, err := w.s.xdotool(append([]string{"key", "--"}, keys...)...); err != nil {
		w.s.t.Fatalf("xdotool key %v: %v %s", keys, err, out)
	}
}

// typeText types text into the window, which must have the focus.
func (w *appWindow) typeText(text string) {
	w.s.t.Helper()
	if !w.focused() {
		w.s.t.Fatalf("the window lost the keyboard focus before typing %q", text)
	}
	if out, err := w.s.xdotool("type", "--delay", "20", "--", text); err != nil {
		w.s.t.Fatalf("xdotool type %q: %v %s", text, err, out)
	}
}

// waitTrackerShown waits until the window has put the tracker on screen. Once the list
// shows, the window takes the day's backup into the backups folder beside the database;
// the profile is read before the list, so on first run the welcome is up by then.
func (w *appWindow) waitTrackerShown(db string) {
	w.s.t.Helper()
	w.s.waitFor("the tracker on screen (the day's backup beside "+filepath.Base(db)+")", windowLimit, func() bool {
		found, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "backups", "declinedesk-*.db"))
		return len(found) > 0
	})
}

// wait waits for the process to exit and returns its error.
func (w *appWindow) wait() error {
	w.s.t.Helper()
	select {
	case err := <-w.done:
		return err
	case <-time.After(exitLimit):
		w.s.t.Fatalf("the app did not exit within %v; it said:\n%s", exitLimit, w.out)
		return nil
	}
}

// quit presses Ctrl+Q and checks that the app saves, closes the database and exits cleanly.
func (w *appWindow) quit() {
	w.s.t.Helper()
	w.key("ctrl+q")
	if err := w.wait(); err != nil {
		w.s.t.Fatalf("app exit: %v\n%s", err, w.out)
	}
}

// geometry is the window's position and size on the screen.
func (w *appWindow) geometry() (x, y, width, height int) {
	w.s.t.Helper()
	out, err := w.s.xdotool("getwindowgeometry", "--shell", w.id)
	if err != nil {
		w.s.t.Fatalf("xdotool getwindowgeometry: %v %s", err, out)
	}
	v := map[string]int{}
	for _, line := range strings.Fields(out) {
		if k, n, ok := strings.Cut(line, "="); ok {
			v[k], _ = strconv.Atoi(n)
		}
	}
	return v["X"], v["Y"], v["WIDTH"], v["HEIGHT"]
}

// minSize is the smallest size the window lets itself be given, from its size hints.
func (w *appWindow) minSize() (width, height int, ok bool) {
	cmd, cancel := w.s.command("xprop", "-id", w.id, "WM_NORMAL_HINTS")
	defer cancel()
	out, err := cmd.Output()
	if err != nil {
		return 0, 0, false
	}
	for _, line := range strings.Split(string(out), "\n") {
		if _, size, found := strings.Cut(line, "minimum size:"); found {
			if _, err := fmt.Sscanf(strings.TrimSpace(size), "%d by %d", &width, &height); err == nil {
				return width, height, true
			}
		}
	}
	return 0, 0, false
}

// exitCode is a process's exit code from its error, -1 when it did not exit by itself.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}
