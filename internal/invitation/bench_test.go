package invitation

import (
	"bytes"
	"strings"
	"testing"
)

// invitation100KB is calendar.eml grown to 100 KB the way real invitations are: an HTML
// version with a long quoted thread and legal footer beside the text and calendar parts.
func invitation100KB(tb testing.TB) []byte {
	base := mustRead(tb, "calendar.eml")
	var html strings.Builder
	html.WriteString("<html><body><p>Hi Ana, looking forward to meeting you at our office.</p>")
	for html.Len() < 100<<10-len(base) {
		html.WriteString("<blockquote><p>On an earlier day we wrote about the Site Reliability Engineer role at Kestrel Robotics, " +
			"the team in Hamburg, on-call duties shared by six people, and the interview on 14 December at 10:00.</p>" +
			"<p style=\"font-size:9px\">Kestrel Robotics GmbH · Speicherstadt 4 · 20457 Hamburg · This message may be confidential.</p></blockquote>")
	}
	html.WriteString("</body></html>")
	part := "--alt-02\nContent-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + html.String() + "\n\n--alt-02\nContent-Type: text/calendar"
	b := []byte(strings.Replace(base, "--alt-02\nContent-Type: text/calendar", part, 1))
	if len(b) < 100<<10 || len(b) > 110<<10 {
		tb.Fatalf("the mail is %d bytes", len(b))
	}
	return b
}

// BenchmarkRead100KB reads a 100 KB invitation with a calendar part; the target is 50 ms.
func BenchmarkRead100KB(b *testing.B) {
	mail := invitation100KB(b)
	b.SetBytes(int64(len(mail)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := Read(bytes.NewReader(mail), Options{Now: now})
		if err != nil || res.Interview.From != FromCalendar {
			b.Fatalf("%v %+v", err, res.Interview)
		}
	}
}

// BenchmarkRead100KBText is the same mail read as pasted text, without its calendar: the
// reader searches the whole text for the day.
func BenchmarkRead100KBText(b *testing.B) {
	mail := invitation100KB(b)
	text := []byte(strings.Repeat("We would like to invite you to an interview for the Site Reliability Engineer role at Kestrel Robotics, "+
		"on-call duties shared by six people, and perhaps the interview on 14 December at 10:00.\n", (100<<10)/200))
	_ = mail
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := Read(bytes.NewReader(text), Options{Now: now, Pasted: true})
		if err != nil || string(res.Interview.Day) != "2026-12-14" {
			b.Fatalf("%v %+v", err, res.Interview)
		}
	}
}

// BenchmarkReadLargePaste reads 4 MiB of pasted text, the most a paste is read, made of the
// lines that cost most: header lines of a forwarded message, carried on and on.
func BenchmarkReadLargePaste(b *testing.B) {
	var text strings.Builder
	text.WriteString("---------- Forwarded message ---------\nFrom: Jo Park <jo@fernwood.test>\nTo: Ana Silva <ana@example.com>\n")
	for text.Len() < maxText {
		text.WriteString("Subject: Interview on 14 December at 10:00, From: x <y@z.test> wrote:\n")
	}
	paste := []byte(text.String()[:maxText])
	b.SetBytes(int64(len(paste)))
	for b.Loop() {
		if _, err := Read(bytes.NewReader(paste), Options{Now: now, Pasted: true}); err != nil {
			b.Fatal(err)
		}
	}
}
