package ui

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// testNow is the "now" every UI test starts at.
var testNow = clocktest.Epoch

// day is the date offset days from testNow, as the forms write it.
func dayAt(offset int) day.Day { return day.Day(clocktest.Day(offset)) }

type harness struct {
	t     testing.TB
	ui    uiQueue
	app   *App
	win   fyne.Window
	store *tracker.BoltStore
	clock *clocktest.Fake // the one clock of the store and the window
}

// testProfile signs the letters of UI tests.
var testProfile = tracker.Profile{FullName: "Ana Silva", Email: "ana@example.com"}

// newHarness opens a fresh database with the test profile and opps in it and builds the
// window around it.
func newHarness(t testing.TB, opps ...tracker.Opportunity) *harness {
	t.Helper()
	return newHarnessWith(t, &testProfile, opps...)
}

// newHarnessWith is newHarness with another profile, or none (first run) when nil.
func newHarnessWith(t testing.TB, profile *tracker.Profile, opps ...tracker.Opportunity) *harness {
	t.Helper()
	fa := test.NewTempApp(t)
	c := clocktest.New()
	s, err := tracker.Open(filepath.Join(t.TempDir(), "ui.db"), tracker.Options{Clock: c})
	if err != nil {
		t.Fatal(err)
	}
	if profile != nil {
		if err := s.SaveProfile(*profile); err != nil {
			t.Fatal(err)
		}
	}
	for _, o := range opps {
		if _, err := s.Add(o, true); err != nil {
			t.Fatal(err)
		}
	}
	w := fa.NewWindow("Decline Desk")
	h := &harness{t: t, win: w, store: s, clock: c}
	h.app = New(fa, w, s, Options{Clock: c, runOnUI: h.ui.post, clipboard: fyneClipboard{fa}})
	a := h.app
	w.Resize(fyne.NewSize(1280, 800))
	h.settle()
	t.Cleanup(func() {
		a.work.wait()
		s.Close()
	})
	return h
}

// uiQueue stands in for the UI goroutine: background work posts its results here, and the
// test goroutine runs them when it settles, so UI code never runs on two goroutines.
type uiQueue struct {
	mu  sync.Mutex
	fns []func()
}

func (q *uiQueue) post(f func()) {
	q.mu.Lock()
	q.fns = append(q.fns, f)
	q.mu.Unlock()
}

// drain runs what was posted, in order, and reports whether there was anything.
func (q *uiQueue) drain() bool {
	q.mu.Lock()
	fns := q.fns
	q.fns = nil
	q.mu.Unlock()
	for _, f := range fns {
		f()
	}
	return len(fns) > 0
}

// settle waits for the background work and runs its results, until nothing is left.
func (h *harness) settle() {
	for {
		h.app.work.wait()
		if !h.ui.drain() {
			return
		}
	}
}

// typeInto focuses e as a click would, and types text into it.
func (h *harness) typeInto(e fyne.Focusable, text string) {
	h.win.Canvas().Focus(e)
	test.Type(e, text)
}

// texts lists every text shown in the window and its dialogs.
func (h *harness) texts() []string {
	var out []string
	objs := test.LaidOutObjects(h.win.Canvas().Content())
	for _, o := range h.win.Canvas().Overlays().List() {
		objs = append(objs, test.LaidOutObjects(o)...)
	}
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		switch t := o.(type) {
		case *canvas.Text:
			out = append(out, t.Text)
		case *widget.Label: // a wrapped label is drawn in pieces; its text is whole here
			out = append(out, t.Text)
		}
	}
	return out
}

// shows reports whether some visible text in the window contains want.
func (h *harness) shows(want string) bool {
	for _, t := range h.texts() {
		if strings.Contains(t, want) {
			return true
		}
	}
	return false
}

// button finds a visible, enabled button labelled text in the top dialog, or in the window.
func (h *harness) button(text string) *widget.Button {
	h.t.Helper()
	var roots []fyne.CanvasObject
	if top := h.win.Canvas().Overlays().Top(); top != nil {
		roots = append(roots, top)
	}
	roots = append(roots, h.win.Canvas().Content())
	for _, root := range roots {
		for _, o := range test.LaidOutObjects(root) {
			if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
				return b
			}
		}
	}
	h.t.Fatalf("no button %q; texts: %q", text, h.texts())
	return nil
}

// tap taps the button labelled text and waits for the work it started.
func (h *harness) tap(text string) {
	h.t.Helper()
	b := h.button(text)
	if b.Disabled() {
		h.t.Fatalf("button %q is disabled", text)
	}
	test.Tap(b)
	h.settle()
}

func (h *harness) count() int {
	h.t.Helper()
	n, err := h.store.Count()
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// reopen closes the harness's database if still open and opens it again, as a restart would.
func reopen(t *testing.T, h *harness) *tracker.BoltStore {
	t.Helper()
	h.settle()
	h.store.Close()
	s, err := tracker.Open(h.store.Path(), tracker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
