package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/declinedesk/declinedesk/internal/sample"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// bigDatabase writes a database of n sample opportunities and returns its path.
func bigDatabase(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "big.db")
	s, err := tracker.Open(path, tracker.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Import(sample.Opportunities(n, 1), nil); err != nil {
		b.Fatal(err)
	}
	s.Close()
	return path
}

// BenchmarkOpenAndFillList100k opens a 100,000-record database, builds the window around it
// and waits until the list shows every row.
func BenchmarkOpenAndFillList100k(b *testing.B) {
	path := bigDatabase(b, 100_000)
	fa := test.NewTempApp(b)
	b.ResetTimer()
	for b.Loop() {
		s, err := tracker.Open(path, tracker.Options{})
		if err != nil {
			b.Fatal(err)
		}
		q := &uiQueue{}
		a := New(fa, fa.NewWindow("Decline Desk"), s, Options{runOnUI: q.post})
		for len(a.tracker.rows) < 100_000 {
			a.work.wait()
			q.drain()
		}
		if a.tracker.list.Length() != 100_000 {
			b.Fatalf("list has %d rows", a.tracker.list.Length())
		}
		b.StopTimer()
		for a.work.wait(); q.drain(); a.work.wait() { // the day's backup, after the list is shown
		}
		s.Close()
		a.win.Close()
		b.StartTimer()
	}
}

// BenchmarkKeystrokeToPreview2000 types one character into a 2,000-character letter and
// waits until the preview and the findings show it: the whole path of a keystroke, in the
// Fyne test driver (which lays out but does not paint).
func BenchmarkKeystrokeToPreview2000(b *testing.B) {
	h := newHarness(b, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	para := "I have valued every conversation with your team and learned a great deal about the work you do. "
	body := p.editor.Text
	for len(body) < 2000 {
		body = strings.Replace(body, "Thank you again", para+"\n\nThank you again", 1)
	}
	p.editor.SetText(body[:2000])
	h.settle()
	h.win.Canvas().Focus(p.editor)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		test.Type(p.editor, "x")
		h.settle()
		if !strings.Contains(p.previewBody.String(), "x") {
			b.Fatal("preview did not follow")
		}
	}
}
