package invitation

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestBadInputIsRefusedInWords(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
	for _, tc := range []struct {
		name   string
		input  string
		pasted bool
		want   error
	}{
		{"empty file", "", false, ErrEmpty},
		{"blank paste", " \n\r\n\t ", true, ErrEmpty},
		{"a picture", string(png), false, ErrNotMail},
		{"a picture, pasted", string(png), true, ErrNotMail},
		{"a spreadsheet", "company,role,status\nAcme,Go Engineer,applied\n", false, ErrNotMail},
		{"a letter without headers", "Dear Jo,\n\nThank you for the invitation.\n", false, ErrNotMail},
		{"a PDF", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", false, ErrNotMail},
		{"headers that break off", "From: jo@fernwood.test\nthis line is not a header\n\nbody\n", false, ErrNotMail},
		{"a header longer than 1 MiB", "From: jo@fernwood.test\nSubject: " + strings.Repeat("x", 1<<20+10) + "\n\nbody\n", false, ErrNotMail},
		{"no sender", mustRead(t, "no-sender.eml"), false, ErrNoSender},
		{"a sender that is not an address", "From: Fernwood Labs\nSubject: Interview\n\nHello\n", false, ErrNoSender},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(strings.NewReader(tc.input), Options{Now: now, Pasted: tc.pasted})
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			if !reflect0(res) {
				t.Errorf("a refused mail gave a result: %+v", res)
			}
			if msg := err.Error(); strings.Contains(msg, "message:") || strings.Contains(msg, "textproto") {
				t.Errorf("the message is not in the user's words: %q", msg)
			}
		})
	}
}

func reflect0(r Result) bool {
	return r.ContactEmail.Value == "" && r.Company.Value == "" && r.Text == "" && r.Thread.MessageID == ""
}

func mustRead(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestPastedTextNeedsNoSender(t *testing.T) {
	res, err := Read(strings.NewReader(mustRead(t, "no-sender.eml")), Options{Now: now, Pasted: true})
	if err != nil {
		t.Fatal(err)
	}
	if string(res.Interview.Day) != "2026-12-16" || res.ContactEmail.Value != "" || !notesSay(res.Notes, []string{"No sender address"}) {
		t.Errorf("read as %+v", res)
	}
	// Pasted text whose first line only looks like a header is read as text.
	res, err = Read(strings.NewReader("Subject: Interview\nHi Ana, we would like to invite you to an interview on 15 December.\nLeah Brandt <leah@orchardhealth.test>\n"),
		Options{Now: now, Pasted: true})
	if err != nil || string(res.Interview.Day) != "2026-12-15" || res.ContactEmail.Value != "leah@orchardhealth.test" {
		t.Errorf("read as %+v, %v", res, err)
	}
}

// attachmentMail streams a mail whose text comes first, then an attachment of size bytes
// (base64, in lines of 76), then a calendar part: nothing of it is ever held whole.
func attachmentMail(size int) io.Reader {
	head := mustReadString("plain.eml")
	head = strings.Replace(head, "Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\n",
		"Content-Type: multipart/mixed; boundary=\"big\"\n", 1)
	i := strings.Index(head, "\n\n")
	text := "--big\nContent-Type: text/plain; charset=us-ascii\n\n" + head[i+2:] + "\n--big\n" +
		"Content-Type: application/pdf; name=\"portfolio.pdf\"\nContent-Disposition: attachment; filename=\"portfolio.pdf\"\n" +
		"Content-Transfer-Encoding: base64\n\n"
	tail := "\n--big\nContent-Type: text/calendar; method=REQUEST\n\nBEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\n" +
		"DTSTART:20261211T090000Z\nSUMMARY:Interview\nEND:VEVENT\nEND:VCALENDAR\n--big--\n"
	line := strings.Repeat("QUJD", 19) + "\n" // 76 characters of base64
	lines := (size*4/3 + 75) / 76
	return io.MultiReader(strings.NewReader(head[:i+2]+text), &repeatReader{line: line, n: lines}, strings.NewReader(tail))
}

func mustReadString(name string) string {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		panic(err)
	}
	return string(b)
}

// repeatReader gives line n times, without ever holding more than one.
type repeatReader struct {
	line string
	n    int
	off  int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	total := 0
	for len(p) > 0 {
		if r.n == 0 {
			if total == 0 {
				return 0, io.EOF
			}
			break
		}
		k := copy(p, r.line[r.off:])
		p, total, r.off = p[k:], total+k, r.off+k
		if r.off == len(r.line) {
			r.off, r.n = 0, r.n-1
		}
	}
	return total, nil
}

func TestA50MBAttachmentIsSkippedNotKept(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 67 MB")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := Read(attachmentMail(50<<20), Options{Now: now})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if res.Company.Value != "Fernwood Labs" || res.Role.Value != "Backend Engineer" || len(res.Notes) > 0 {
		t.Errorf("read as %+v", res)
	}
	// The calendar part after the attachment is read: it comes first for the date.
	if res.Interview.From != FromCalendar || string(res.Interview.Day) != "2026-12-11" {
		t.Errorf("interview %+v", res.Interview)
	}
	// Allocations, not only what is live at the end: the attachment never passes through
	// memory as a whole (50 MB would be ten times this).
	if got := after.TotalAlloc - before.TotalAlloc; got > 16<<20 {
		t.Errorf("reading allocated %d MiB", got>>20)
	}
}

func TestLimits(t *testing.T) {
	t.Run("a mail larger than MaxBytes is read in part", func(t *testing.T) {
		res, err := Read(attachmentMail(1<<20), Options{Now: now, MaxBytes: 64 << 10})
		if err != nil {
			t.Fatal(err)
		}
		if res.Company.Value != "Fernwood Labs" || !notesSay(res.Notes, []string{"larger than", "only its beginning"}) {
			t.Errorf("read as %+v", res)
		}
		if res.Interview.From != FromText {
			t.Errorf("the calendar after the limit was read: %+v", res.Interview)
		}
	})
	t.Run("text longer than 4 MiB", func(t *testing.T) {
		body := strings.Repeat("Lorem ipsum dolor sit amet, consectetur.\n", (5<<20)/41)
		res, err := Read(strings.NewReader("From: jo@fernwood-labs.test\nSubject: Hi\n\n"+body), Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Text) > maxText || !notesSay(res.Notes, []string{"longer than 4 MiB"}) {
			t.Errorf("text of %d bytes, notes %q", len(res.Text), res.Notes)
		}
	})
	t.Run("a calendar larger than 1 MiB", func(t *testing.T) {
		cal := "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261211T090000Z\nDESCRIPTION:" + strings.Repeat("x", 2<<20) + "\nEND:VEVENT\nEND:VCALENDAR\n"
		mail := "From: jo@fernwood-labs.test\nSubject: Hi\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nSee you on 14 December.\n--b\nContent-Type: text/calendar\n\n" + cal + "--b--\n"
		res, err := Read(strings.NewReader(mail), Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if res.Interview.From != FromText || string(res.Interview.Day) != "2026-12-14" || !notesSay(res.Notes, []string{"calendar", "larger than 1 MiB"}) {
			t.Errorf("read as %+v", res)
		}
	})
	t.Run("messages forwarded inside messages", func(t *testing.T) {
		inner := "From: jo@fernwood-labs.test\nSubject: Interview\n\nSee you on 14 December.\n"
		for i := 0; i < 10; i++ {
			inner = "From: fwd" + fmt.Sprint(i) + "@example.org\nSubject: Fwd: Interview\nContent-Type: message/rfc822\n\n" + inner
		}
		if _, err := Read(strings.NewReader(inner), Options{Now: now}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("thousands of parts", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("From: jo@fernwood-labs.test\nSubject: Interview\nContent-Type: multipart/mixed; boundary=p\n\n")
		for i := 0; i < 3000; i++ {
			b.WriteString("--p\nContent-Type: image/png\n\nx\n")
		}
		b.WriteString("--p--\n")
		res, err := Read(strings.NewReader(b.String()), Options{Now: now})
		if err != nil || !notesSay(res.Notes, []string{"more than 1000 parts"}) {
			t.Errorf("%v, notes %q", err, res.Notes)
		}
	})
	t.Run("an unknown charset", func(t *testing.T) {
		res, err := Read(strings.NewReader("From: jo@fernwood-labs.test\nSubject: Hi\nContent-Type: text/plain; charset=x-made-up\n\nInterview on 14 December.\n"), Options{Now: now})
		if err != nil || string(res.Interview.Day) != "2026-12-14" || !notesSay(res.Notes, []string{"character set"}) {
			t.Errorf("%v: %+v", err, res)
		}
	})
	t.Run("a multipart without its end", func(t *testing.T) {
		res, err := Read(strings.NewReader("From: jo@fernwood-labs.test\nSubject: Hi\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nInterview on 14 December.\n"), Options{Now: now})
		if err != nil || string(res.Interview.Day) != "2026-12-14" {
			t.Errorf("%v: %+v", err, res)
		}
	})
	t.Run("base64 that breaks off", func(t *testing.T) {
		res, err := Read(strings.NewReader("From: jo@fernwood-labs.test\nSubject: Hi\nContent-Transfer-Encoding: base64\n\nSW50ZXJ2aWV3IG9uIDE0IERlY2VtYmVyLg==!!!*\n"), Options{Now: now})
		if err != nil || string(res.Interview.Day) != "2026-12-14" {
			t.Errorf("%v: %+v", err, res)
		}
	})
	t.Run("a read error", func(t *testing.T) {
		_, err := Read(io.MultiReader(strings.NewReader("From: jo@fernwood-labs.test\n"), errReader{}), Options{Now: now})
		if err == nil || !strings.Contains(err.Error(), "disk on fire") {
			t.Errorf("got %v", err)
		}
	})
	_ = bytes.MinRead
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }
