//go:build wine

// The Windows checks: the Windows build of Decline Desk (make windows) run under Wine on a
// virtual display. One Wine prefix serves every test; it is made afresh in a temporary
// folder, with no network (Wine's Mono and Gecko installers are switched off), and holds
// two test fixtures built here with mingw-w64 and never shipped: a stand-in for
// bcryptprimitives.dll, which Go programs load at start and Wine 8.0 lacks, and a small
// program that prints the Windows clipboard.
//
//	go test -tags wine ./e2e/ -exe bin/windows/declinedesk.exe   (make test-windows)
package e2e

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

var exe = flag.String("exe", "", "path of the Windows build (declinedesk.exe) under test")

// wine is the Wine prefix and virtual display the tests share.
var wine *winePrefix

type winePrefix struct {
	loader     string   // the wine64 program
	server     string   // wineserver, to stop the prefix at the end
	dir        string   // everything the tests make: the prefix, drive D:, fixtures
	prefix     string   // WINEPREFIX
	env        []string // for every Windows program run
	display    string
	user       string // the Windows user's name: C:\users\<user>
	clipReader string // fixture: prints the clipboard
	mailLog    string // where the stand-in mail app writes the links it is given
}

func TestMain(m *testing.M) {
	flag.Parse()
	if *exe == "" {
		fmt.Fprintln(os.Stderr, "run with -exe PATH of the Windows build (make test-windows does)")
		os.Exit(2)
	}
	abs, err := filepath.Abs(*exe)
	if err == nil {
		*exe = abs
		_, err = os.Stat(abs)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "the Windows build:", err)
		os.Exit(2)
	}
	w, stop, err := setUpWine()
	if err != nil {
		fmt.Fprintln(os.Stderr, "setting up Wine:", err)
		stop()
		os.Exit(1)
	}
	wine = w
	code := m.Run()
	stop()
	os.Exit(code)
}

// setUpWine makes the prefix, starts the display and installs the fixtures. stop undoes
// whatever was done, also after an error.
func setUpWine() (prefix *winePrefix, stop func(), err error) {
	var undo []func()
	stop = func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
	w := &winePrefix{}
	if w.loader, w.server, err = findWine(); err != nil {
		return nil, stop, err
	}
	for _, tool := range []string{"Xvfb", "xdotool", "xdpyinfo", "import", "x86_64-w64-mingw32-gcc"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, stop, fmt.Errorf("%s is missing: run scripts/deps.sh test", tool)
		}
	}
	if w.dir, err = os.MkdirTemp("", "declinedesk-wine-"); err != nil {
		return nil, stop, err
	}
	undo = append(undo, func() { os.RemoveAll(w.dir) })
	w.prefix = filepath.Join(w.dir, "prefix")
	if err := os.Mkdir(w.prefix, 0o700); err != nil {
		return nil, stop, err
	}

	// A screen larger than the window: Wine without a window manager puts the window below
	// where its title bar would be.
	x, display, err := startXvfb("1440x900x24")
	if err != nil {
		return nil, stop, err
	}
	undo = append(undo, func() { stopProcess(x) })
	w.display = display
	w.env = append(os.Environ(),
		"WINEPREFIX="+w.prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=",
		"DISPLAY="+display, "WAYLAND_DISPLAY=", "LANG=en_US.UTF-8", "DECLINEDESK_DB=")

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// One Wine session for all the tests, as a Windows session lasts while its programs come
	// and go: what one program left on the clipboard is there for the next.
	// The server goes on in the background: it must not hold this process's pipes.
	server := exec.CommandContext(ctx, w.server, "-p")
	server.Env = w.env
	if err := server.Run(); err != nil {
		return nil, stop, fmt.Errorf("wineserver: %v", err)
	}
	undo = append(undo, func() {
		kill := exec.Command(w.server, "-k")
		kill.Env = w.env
		kill.Run()
	})
	boot, output, err := w.command(ctx, "wineboot", "--init")
	if err != nil {
		return nil, stop, err
	}
	if err := boot.Run(); err != nil {
		out, errOut := output()
		return nil, stop, fmt.Errorf("wineboot: %v\n%s%s", err, out, errOut)
	}
	output()
	users, err := os.ReadDir(filepath.Join(w.prefix, "drive_c", "users"))
	if err != nil {
		return nil, stop, err
	}
	for _, u := range users {
		if u.IsDir() && u.Name() != "Public" {
			w.user = u.Name()
		}
	}
	if w.user == "" {
		return nil, stop, errors.New("wineboot made no user profile")
	}

	// The fixtures.
	system32 := filepath.Join(w.prefix, "drive_c", "windows", "system32")
	if err := mingw("testdata/wine/processprng.c", filepath.Join(system32, "bcryptprimitives.dll"), "-shared", "-ladvapi32"); err != nil {
		return nil, stop, err
	}
	w.clipReader = filepath.Join(w.dir, "clipread.exe")
	if err := mingw("testdata/wine/clipread.c", w.clipReader); err != nil {
		return nil, stop, err
	}

	// Drive D: is a folder of its own.
	if err := os.MkdirAll(filepath.Join(w.dir, "d"), 0o755); err != nil {
		return nil, stop, err
	}
	if err := os.Symlink(filepath.Join(w.dir, "d"), filepath.Join(w.prefix, "dosdevices", "d:")); err != nil {
		return nil, stop, err
	}

	// The mail app: Wine hands mailto: links to the first program of this list it finds.
	w.mailLog = filepath.Join(w.dir, "mailto.log")
	mailer := filepath.Join(w.dir, "mailer.sh")
	script := "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" + w.mailLog + "'\n"
	if err := os.WriteFile(mailer, []byte(script), 0o755); err != nil {
		return nil, stop, err
	}
	reg, output, err := w.command(ctx, "reg", "add", `HKCU\Software\Wine\WineBrowser`, "/v", "Mailers", "/d", mailer, "/f")
	if err != nil {
		return nil, stop, err
	}
	if err := reg.Run(); err != nil {
		out, errOut := output()
		return nil, stop, fmt.Errorf("setting the mail app: %v\n%s%s", err, out, errOut)
	}
	output()
	return w, stop, nil
}

// findWine finds Wine's 64-bit loader and its server: Debian's wine64 package puts them in
// /usr/lib/wine, other systems on the PATH.
func findWine() (loader, server string, err error) {
	for _, c := range [][2]string{{"/usr/lib/wine/wine64", "/usr/lib/wine/wineserver64"}, {"/usr/lib/wine/wine64", "/usr/lib/wine/wineserver"}} {
		if isFile(c[0]) && isFile(c[1]) {
			return c[0], c[1], nil
		}
	}
	for _, name := range []string{"wine64", "wine"} {
		if p, err := exec.LookPath(name); err == nil {
			if s, err := exec.LookPath("wineserver"); err == nil {
				return p, s, nil
			}
		}
	}
	return "", "", errors.New("Wine is missing: run scripts/deps.sh test")
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// mingw builds a fixture from C with mingw-w64.
func mingw(src, out string, flags ...string) error {
	args := append([]string{"-O2", "-Wall", "-o", out, src}, flags...)
	if out, err := exec.Command("x86_64-w64-mingw32-gcc", args...).CombinedOutput(); err != nil {
		return fmt.Errorf("building %s: %v\n%s", src, err, out)
	}
	return nil
}

// startXvfb starts a virtual display and returns it once it takes clients.
func startXvfb(screen string) (*exec.Cmd, string, error) {
	r, wr, err := os.Pipe()
	if err != nil {
		return nil, "", err
	}
	defer r.Close()
	x := exec.Command("Xvfb", "-displayfd", "3", "-noreset", "-screen", "0", screen, "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{wr}
	if err := x.Start(); err != nil {
		wr.Close()
		return nil, "", err
	}
	wr.Close()
	num := make(chan string, 1)
	go func() {
		b := make([]byte, 16)
		n, _ := r.Read(b)
		num <- strings.TrimSpace(string(b[:n]))
	}()
	select {
	case n := <-num:
		if n == "" {
			stopProcess(x)
			return nil, "", errors.New("Xvfb did not start")
		}
		display := ":" + n
		if !poll(10*time.Second, func() bool { return exec.Command("xdpyinfo", "-display", display).Run() == nil }) {
			stopProcess(x)
			return nil, "", errors.New("the display took no clients within 10 s")
		}
		return x, display, nil
	case <-time.After(15 * time.Second):
		stopProcess(x)
		return nil, "", errors.New("Xvfb did not start within 15 s")
	}
}

// stopProcess asks a process to end and kills it if it does not within 5 s.
func stopProcess(c *exec.Cmd) {
	c.Process.Signal(syscall.SIGTERM)
	exited := make(chan struct{})
	go func() { c.Wait(); close(exited) }()
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		c.Process.Kill()
		<-exited
	}
}

// result is what a command printed and its exit code.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
}

// command prepares a Windows program to run under Wine. Its output goes to files, not
// pipes: Wine's own background programs (explorer.exe and the services) inherit the handles
// and would hold a pipe open long after the program has exited. output reads and removes
// the files.
func (w *winePrefix) command(ctx context.Context, program string, args ...string) (cmd *exec.Cmd, output func() (stdout, stderr string), err error) {
	cmd = exec.CommandContext(ctx, w.loader, append([]string{program}, args...)...)
	cmd.Env = w.env
	var files [2]*os.File
	for i := range files {
		if files[i], err = os.CreateTemp(w.dir, "output-*"); err != nil {
			return nil, nil, err
		}
	}
	cmd.Stdout, cmd.Stderr = files[0], files[1]
	var texts [2]string
	read := false
	return cmd, func() (string, string) {
		if !read {
			for i, f := range files {
				b, _ := os.ReadFile(f.Name())
				texts[i] = string(b)
				f.Close()
				os.Remove(f.Name())
			}
			read = true
		}
		return texts[0], texts[1]
	}, nil
}

// run runs a Windows program under Wine in the folder dir (a Linux path, which Wine maps to
// its drive letter) and waits for it, at most a minute.
func (w *winePrefix) run(t *testing.T, dir string, program string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd, output, err := w.command(ctx, program, args...)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Dir = dir
	err = cmd.Run()
	var r result
	r.stdout, r.stderr = output()
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("%s %q did not finish within a minute: %s", filepath.Base(program), args, r)
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return r
}

// app runs Decline Desk with args, in dir.
func (w *winePrefix) app(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return w.run(t, dir, *exe, args...)
}

// home is the Windows user's profile folder, C:\users\<user>, and where it is on Linux.
func (w *winePrefix) home() (windows, linux string) {
	return `C:\users\` + w.user, filepath.Join(w.prefix, "drive_c", "users", w.user)
}

// driveD is drive D:, on Linux.
func (w *winePrefix) driveD() string { return filepath.Join(w.dir, "d") }

// linuxPath is where a path on drive C: or D: is on Linux.
func (w *winePrefix) linuxPath(t *testing.T, windows string) string {
	t.Helper()
	if len(windows) < 3 || windows[1] != ':' || windows[2] != '\\' {
		t.Fatalf("%q is not a full Windows path", windows)
	}
	rest := filepath.FromSlash(strings.ReplaceAll(windows[3:], `\`, "/"))
	switch strings.ToUpper(windows[:1]) {
	case "C":
		return filepath.Join(w.prefix, "drive_c", rest)
	case "D":
		return filepath.Join(w.driveD(), rest)
	}
	t.Fatalf("no drive for %q", windows)
	return ""
}

// zPath is a Linux path as Windows programs under Wine see it on drive Z:.
func zPath(linux string) string { return `Z:` + strings.ReplaceAll(linux, "/", `\`) }

// bareLF reports whether b has a line feed without a carriage return before it.
func bareLF(b []byte) bool {
	for i, c := range b {
		if c == '\n' && (i == 0 || b[i-1] != '\r') {
			return true
		}
	}
	return false
}

// waitFor polls ok until it holds, for at most limit.
func waitFor(t *testing.T, what string, limit time.Duration, ok func() bool) {
	t.Helper()
	if !poll(limit, ok) {
		t.Fatalf("gave up waiting for %s after %v", what, limit)
	}
}
