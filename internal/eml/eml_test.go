package eml

import (
	"bytes"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

var when = time.Date(2026, 11, 25, 14, 30, 0, 0, time.FixedZone("CET", 3600))

// roundTrip writes d, reads it back as a mail reader would and checks every promise.
func roundTrip(t testing.TB, d Draft) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		t.Fatalf("Write: %v", err)
	}
	raw := buf.String()
	for i, line := range strings.SplitAfter(raw, "\n") {
		if line != "" && !strings.HasSuffix(line, "\r\n") && i < strings.Count(raw, "\n") {
			t.Fatalf("line %d does not end in CRLF: %q", i+1, line)
		}
	}
	head := raw[:strings.Index(raw, "\r\n\r\n")]
	for _, line := range strings.Split(head, "\r\n") {
		if len(line) > 78 && !oneLongID(line) {
			t.Errorf("header line of %d characters: %q", len(line), line)
		}
	}
	msg, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("net/mail cannot read the draft: %v\n%s", err, raw)
	}
	var keys []string
	for k := range msg.Header {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := []string{"Content-Transfer-Encoding", "Content-Type", "Date", "From", "Mime-Version", "Subject", "X-Unsent"}
	if d.ToEmail != "" {
		want = append(want, "To")
	}
	if d.Thread.IsReply() {
		want = append(want, "In-Reply-To", "References")
	}
	sort.Strings(want)
	if strings.Join(keys, ",") != strings.Join(want, ",") {
		t.Errorf("headers %v, want %v", keys, want)
	}
	dec := new(mime.WordDecoder)
	subject, err := dec.DecodeHeader(msg.Header.Get("Subject"))
	if err != nil || subject != d.Subject {
		t.Errorf("subject %q (%v), want %q\n%s", subject, err, d.Subject, head)
	}
	from, err := mail.ParseAddress(msg.Header.Get("From"))
	if err != nil || from.Name != strings.TrimSpace(d.FromName) || from.Address != d.FromEmail {
		t.Errorf("From %+v (%v), want %q <%s>\n%s", from, err, d.FromName, d.FromEmail, head)
	}
	if d.ToEmail != "" {
		to, err := mail.ParseAddress(msg.Header.Get("To"))
		if err != nil || to.Name != strings.TrimSpace(d.ToName) || to.Address != d.ToEmail {
			t.Errorf("To %+v (%v), want %q <%s>\n%s", to, err, d.ToName, d.ToEmail, head)
		}
	}
	if date, err := msg.Header.Date(); err != nil || !date.Equal(d.Date.Truncate(time.Second)) {
		t.Errorf("Date %v (%v), want %v", date, err, d.Date)
	}
	if d.Thread.IsReply() {
		if got := msg.Header.Get("In-Reply-To"); got != "<"+d.Thread.MessageID+">" {
			t.Errorf("In-Reply-To %q, want <%s>", got, d.Thread.MessageID)
		}
		want := wantReferences(d.Thread)
		if got := strings.Fields(msg.Header.Get("References")); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("References %q\nwant %q", got, want)
		}
	}
	if msg.Header.Get("X-Unsent") != "1" || msg.Header.Get("Mime-Version") != "1.0" ||
		msg.Header.Get("Content-Transfer-Encoding") != "quoted-printable" {
		t.Errorf("fixed headers wrong:\n%s", head)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "text/plain" || !strings.EqualFold(params["charset"], "utf-8") {
		t.Errorf("Content-Type %q", msg.Header.Get("Content-Type"))
	}
	body, err := io.ReadAll(quotedprintable.NewReader(msg.Body))
	if err != nil {
		t.Fatal(err)
	}
	wantBody := strings.ReplaceAll(strings.ReplaceAll(d.Body, "\r\n", "\n"), "\r", "\n")
	if got := strings.ReplaceAll(string(body), "\r\n", "\n"); got != wantBody {
		t.Errorf("body %q, want %q", got, wantBody)
	}
}

// oneLongID reports whether a header line holds a single message identifier too long to
// fit 78 characters, the one case where a longer line is allowed.
func oneLongID(line string) bool {
	for _, name := range []string{"In-Reply-To:", "References:"} {
		line = strings.TrimPrefix(line, name)
	}
	return len(line) <= 998 && strings.HasPrefix(line, " <") && strings.HasSuffix(line, ">") &&
		strings.Count(line, "<") == 1 && !strings.Contains(line[1:], " ")
}

// wantReferences is what a reply's References must hold, written out independently of the
// writer: the parent's References without repeats, then its Message-ID.
func wantReferences(th Thread) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range th.References {
		if !seen[id] && id != th.MessageID && id != "" {
			seen[id] = true
			out = append(out, "<"+id+">")
		}
	}
	return append(out, "<"+th.MessageID+">")
}

func TestRoundTrip(t *testing.T) {
	body := "Dear Jo,\n\nThank you for the invitation — I decline.\nA line with trailing spaces   \nAnd = signs, 100%.\n\nBest regards,\nAna Silva\n"
	long := strings.TrimSpace(strings.Repeat("Interview invitation for the role ", 6))[:200]
	for _, tc := range []struct{ name, from, to, subject string }{
		{"ascii", "Ana Silva", "Jo Park", "Interview invitation: Go Engineer at Acme"},
		{"accented", "Zoë Müller-Lüdenscheidt", "José Ñúñez", "Entretien : développeur — déclin"},
		{"cjk", "山田 太郎", "李小龙", "面接のご案内：ソフトウェアエンジニア"},
		{"emoji", "Ana 🌱 Silva", "Jo 🎉 Park", "Thanks 🙏 — Go Engineer 🚀"},
		{"200-character subject", "Ana Silva", "Jo Park", long},
		{"long unbroken subject", "Ana Silva", "Jo Park", strings.Repeat("x", 150)},
		{"long accented subject", "Ana Silva", "Jo Park", strings.Repeat("déjà vu ", 25)},
		{"specials in names", "Silva, Ana (Dr.)", `Jo "JP" Park`, "Re: hello"},
		{"no recipient name", "Ana Silva", "", "Hi"},
		{"encoded-word lookalike", "=?UTF-8?Q?x?=", "Jo", "=?UTF-8?B?aGk=?="},
	} {
		t.Run(tc.name, func(t *testing.T) {
			roundTrip(t, Draft{FromName: tc.from, FromEmail: "ana@example.com", ToName: tc.to, ToEmail: "jo@acme.test",
				Subject: tc.subject, Body: body, Date: when})
		})
	}
	if len(long) != 200 {
		t.Fatalf("long subject has %d characters", len(long))
	}
	roundTrip(t, Draft{FromName: "Ana Silva", FromEmail: "ana@example.com", Subject: "No recipient yet", Body: "x", Date: when})
	roundTrip(t, Draft{FromEmail: "ana@example.com", ToEmail: "jo@acme.test", Subject: "", Body: "", Date: when})
	roundTrip(t, Draft{FromName: "Ana Silva", FromEmail: "ana@example.com", Subject: "CRLF body", Body: "a\r\nb\rc\n", Date: when})
	roundTrip(t, Draft{FromName: "Ana Silva", FromEmail: "ana@example.com", Subject: "Long line", Body: strings.Repeat("word ", 60) + "\n", Date: when})
}

func TestHeaderInjectionIsRefused(t *testing.T) {
	good := Draft{FromName: "Ana Silva", FromEmail: "ana@example.com", ToName: "Jo Park", ToEmail: "jo@acme.test", Subject: "Hi", Body: "x", Date: when}
	fields := map[string]func(*Draft, string){
		"from name":  func(d *Draft, v string) { d.FromName = v },
		"from email": func(d *Draft, v string) { d.FromEmail = v },
		"to name":    func(d *Draft, v string) { d.ToName = v },
		"to email":   func(d *Draft, v string) { d.ToEmail = v },
		"subject":    func(d *Draft, v string) { d.Subject = v },
	}
	dir := t.TempDir()
	for name, set := range fields {
		for _, bad := range []string{"a\rBcc: x@evil.test", "a\nBcc: x@evil.test", "a\r\nBcc: x@evil.test", "a\x00b", "bell\a", "esc\x1b]52;c;aGk=\a", "del\x7f", "vt\v", "ff\f"} {
			d := good
			set(&d, bad)
			path := filepath.Join(dir, "out.eml")
			err := WriteFile(path, d, nil)
			if err == nil {
				t.Errorf("%s %q accepted", name, bad)
			}
			if _, statErr := os.Stat(path); statErr == nil {
				t.Fatalf("%s %q: a file was written", name, bad)
			}
			var buf bytes.Buffer
			if Write(&buf, d) == nil || buf.Len() != 0 {
				t.Errorf("%s %q: Write wrote %d bytes", name, bad, buf.Len())
			}
		}
	}
	// The message says what to fix.
	d := good
	d.Subject = "Hi\r\nBcc: x@evil.test"
	if err := Write(io.Discard, d); err == nil || !strings.Contains(err.Error(), "subject must be one line") {
		t.Errorf("message: %v", err)
	}
	d = good
	d.Body = "null\x00byte"
	if err := Write(io.Discard, d); err == nil {
		t.Error("NUL in body accepted")
	}
	d = good
	d.FromEmail = ""
	if err := Write(io.Discard, d); err == nil || !strings.Contains(err.Error(), "From address") {
		t.Errorf("missing sender: %v", err)
	}
	d = good
	d.ToEmail = "jö@acme.test"
	if err := Write(io.Discard, d); err == nil {
		t.Error("non-ASCII address accepted")
	}
}

func TestWriteFileIsAtomicAndPrivate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.eml")
	os.WriteFile(path, []byte("previous"), 0o644)
	bad := Draft{FromEmail: "ana@example.com", Subject: "a\nb"}
	if WriteFile(path, bad, nil) == nil {
		t.Fatal("bad draft written")
	}
	if b, _ := os.ReadFile(path); string(b) != "previous" {
		t.Errorf("a failed write changed the file: %q", b)
	}
	if err := WriteFile(path, Draft{FromEmail: "ana@example.com", Subject: "ok", Body: "x", Date: when}, nil); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if err := WriteFile(filepath.Join(dir, "missing", "x.eml"), Draft{FromEmail: "ana@example.com", Date: when}, nil); err == nil {
		t.Error("write into a missing folder succeeded")
	}
}

func TestFileName(t *testing.T) {
	for _, tc := range []struct{ company, role, want string }{
		{"Acme Inc", "Go Engineer", "Decline - Acme Inc - Go Engineer.eml"},
		{"../../etc", "passwd", "Decline - etc - passwd.eml"},
		{`..\..\Windows`, "System32", "Decline - Windows - System32.eml"},
		{"a:b", "c*d?e", "Decline - a b - c d e.eml"},
		{"", "", "Decline.eml"},
		{"...", "   ", "Decline.eml"},
		{"Müller & Söhne GmbH", "Entwickler/in", "Decline - Müller & Söhne GmbH - Entwickler in.eml"},
		{"Tab\tNew\nLine", "Nul\x00", "Decline - Tab New Line - Nul.eml"},
	} {
		if got := FileName(tc.company, tc.role); got != tc.want {
			t.Errorf("FileName(%q, %q) = %q, want %q", tc.company, tc.role, got, tc.want)
		}
	}
	// A 300-character company is cut to a name every system accepts, on a character boundary.
	long := FileName(strings.Repeat("Ä", 300), "Role")
	if len(long) > maxNameBytes || !strings.HasSuffix(long, ".eml") || strings.ContainsRune(long, '\uFFFD') {
		t.Errorf("long name %q (%d bytes)", long, len(long))
	}
	devices := map[string]bool{"con": true, "prn": true, "aux": true, "nul": true, "com1": true, "lpt1": true}
	for _, hostile := range []string{"../", "CON", "con.txt", "NUL", "COM1", "LPT1", "a:b", strings.Repeat("x", 300), "/", ".", "..", "nul.txt"} {
		for _, name := range []string{FileName(hostile, ""), FileName("", hostile), FileName(hostile, hostile)} {
			base := strings.ToLower(strings.SplitN(name, ".", 2)[0])
			if strings.ContainsAny(name, `/\:*?"<>|`) || strings.HasPrefix(name, ".") || len(name) > maxNameBytes ||
				filepath.Base(name) != name || devices[base] || strings.HasSuffix(strings.TrimSuffix(name, ".eml"), ".") {
				t.Errorf("FileName with %q gives the unsafe %q", hostile, name)
			}
		}
	}
}

func TestMailtoURL(t *testing.T) {
	got := MailtoURL("jo@acme.test", "Interview — Go & Rust?", "Dear Jo,\nThanks 100%.\n\nAna")
	want := "mailto:jo@acme.test?subject=Interview%20%E2%80%94%20Go%20%26%20Rust%3F&body=Dear%20Jo%2C%0D%0AThanks%20100%25.%0D%0A%0D%0AAna"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := MailtoURL("", "Hi", "x"); got != "mailto:?subject=Hi&body=x" {
		t.Errorf("no recipient: %s", got)
	}
}
