//go:build wine

package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk"
)

// TestWindowsWindow opens the window on the default database and checks, while it is open,
// that no second Decline Desk gets the file: not a command, whatever case it spells the path
// in, and not a second window. It closes the window with Ctrl+Q and finds the window's
// settings beside the database, in the app's folder under %APPDATA%.
func TestWindowsWindow(t *testing.T) {
	// Where the database goes by default: the app's folder in %APPDATA%, asked of Windows.
	r := wine.run(t, "", "cmd", "/c", "echo %APPDATA%")
	appData := strings.TrimSpace(r.stdout)
	if r.code != 0 || !strings.HasPrefix(appData, `C:\`) {
		t.Fatalf("%%APPDATA%%: %s", r)
	}
	folder := appData + `\fyne\` + declinedesk.AppInfo().ID
	folderL := wine.linuxPath(t, folder)

	inbox := filepath.Join(wine.driveD(), "Window Inbox")
	mkdirs(t, inbox)
	csv := "Company,Role,Stage\r\nQuillon Press,Copy Editor,Interview invited\r\n"
	if err := os.WriteFile(filepath.Join(inbox, "one.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := wine.app(t, "", "import", `D:\Window Inbox\one.csv`); r.code != 0 {
		t.Fatalf("import into the default database: %s", r)
	}
	if _, err := os.Stat(filepath.Join(folderL, "declinedesk.db")); err != nil {
		t.Fatalf("the default database is not in %s: %v", folder, err)
	}

	done := wine.start(t)
	wid := wine.windowOf(t, nil, 60*time.Second)
	shot := wine.waitForDrawing(t, wid, 60*time.Second)
	saveShot(t, "windows-window", shot)

	// While the window holds the database, commands say so and exit 3, at once.
	for _, db := range []string{"", strings.ToUpper(folder + `\declinedesk.db`), strings.ToLower(folder + `\DeclineDesk.db`)} {
		args := []string{"list"}
		if db != "" {
			args = append([]string{"--db", db}, args...)
		}
		if r := wine.app(t, "", args...); r.code != 3 || !strings.Contains(r.stderr, "already open") {
			t.Errorf("%q while the window is open: %s", args, r)
		}
	}

	// A second window says the tracker is already open, and exits 3 once closed.
	done2 := wine.start(t)
	w2 := wine.windowOf(t, []string{wid}, 60*time.Second)
	saveShot(t, "windows-second-instance", wine.waitForDrawing(t, w2, 60*time.Second))
	wine.xdotool(t, "mousemove", "--window", w2, "200", "120")
	wine.xdotool(t, "key", "--window", w2, "Escape")
	if code := waitExitCode(t, done2, 30*time.Second); code != 3 {
		t.Errorf("the second window exited %d, want 3", code)
	}

	wine.xdotool(t, "mousemove", "--window", wid, "640", "400")
	wine.xdotool(t, "key", "--window", wid, "ctrl+q")
	if code := waitExitCode(t, done, 30*time.Second); code != 0 {
		t.Fatalf("the window exited %d after Ctrl+Q", code)
	}

	// Fyne keeps the window's settings in its storage root: the same folder.
	if _, err := os.Stat(filepath.Join(folderL, "preferences.json")); err != nil {
		entries, _ := os.ReadDir(folderL)
		t.Errorf("the window's settings are not beside the database in %s (%v): %v", folder, entries, err)
	}
	if r := wine.app(t, "", "list"); r.code != 0 || !strings.Contains(r.stdout, "Quillon Press") {
		t.Errorf("list after the window closed: %s", r)
	}
}

// start opens Decline Desk's window; the channel gets its exit code.
func (w *winePrefix) start(t *testing.T, args ...string) chan int {
	t.Helper()
	cmd, output, err := w.command(context.Background(), *exe, args...)
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 1)
	go func() {
		err := cmd.Wait()
		var ee *exec.ExitError
		switch {
		case err == nil:
			done <- 0
		case errors.As(err, &ee):
			done <- ee.ExitCode()
		default:
			done <- -1
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		if out, errOut := output(); t.Failed() {
			t.Logf("the window printed:\n%s%s", out, errOut)
		}
	})
	return done
}

func waitExitCode(t *testing.T, done chan int, limit time.Duration) int {
	t.Helper()
	select {
	case code := <-done:
		return code
	case <-time.After(limit):
		t.Fatalf("the app did not exit within %v", limit)
		return 0
	}
}

func (w *winePrefix) xdotool(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("xdotool", args...)
	cmd.Env = w.env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("xdotool %q: %v", args, err)
	}
	return string(out)
}

// windowOf waits for a visible Decline Desk window other than those in not.
func (w *winePrefix) windowOf(t *testing.T, not []string, limit time.Duration) string {
	t.Helper()
	var wid string
	waitFor(t, "a Decline Desk window", limit, func() bool {
		cmd := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^Decline Desk")
		cmd.Env = w.env
		out, _ := cmd.Output()
		for _, id := range strings.Fields(string(out)) {
			if !contains(not, id) {
				wid = id
				return true
			}
		}
		return false
	})
	return wid
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// waitForDrawing takes screenshots of a window until one shows something drawn: many
// colours, none of them covering nearly all of it (an empty or unpainted window is one).
func (w *winePrefix) waitForDrawing(t *testing.T, wid string, limit time.Duration) []byte {
	t.Helper()
	var png []byte
	var err error
	shot := func() bool {
		cmd := exec.Command("import", "-display", w.display, "-window", wid, "png:-")
		cmd.Env = w.env
		if png, err = cmd.Output(); err != nil {
			return false
		}
		var img image.Image
		if img, _, err = image.Decode(bytes.NewReader(png)); err != nil {
			return false
		}
		if !drawn(img) {
			err = fmt.Errorf("a %v picture with nothing drawn", img.Bounds().Size())
			return false
		}
		return true
	}
	if !poll(limit, shot) {
		saveShot(t, "not-drawn", png)
		t.Fatalf("gave up waiting for the window to be drawn after %v: %v", limit, err)
	}
	return png
}

// drawn reports whether an image holds a drawing: at least 16 colours (text alone brings
// dozens), and no colour on more than 97% of it. A window not painted yet is one colour.
func drawn(img image.Image) bool {
	b := img.Bounds()
	if b.Dx() < 200 || b.Dy() < 200 {
		return false
	}
	counts := map[color.RGBA]int{}
	most := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			c := color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), uint8(a >> 8)}
			counts[c]++
			most = max(most, counts[c])
		}
	}
	return len(counts) >= 16 && most*100 <= b.Dx()*b.Dy()*97
}

// saveShot keeps a screenshot in $E2E_SHOTS, when set, to be looked at.
func saveShot(t *testing.T, name string, png []byte) {
	if dir := os.Getenv("E2E_SHOTS"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			t.Log(err)
		}
	}
}
