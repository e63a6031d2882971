package eml

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/declinedesk/declinedesk/internal/eml/emltest"
)

func TestReplySubject(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Interview invitation", "Re: Interview invitation"},
		{"Re: Interview invitation", "Re: Interview invitation"},
		{"RE: re: Re:Interview", "Re: Interview"},
		{"AW: RE: Einladung zum Gespräch", "Re: Einladung zum Gespräch"},
		{"SV: Intervju", "Re: Intervju"},
		{"Fwd: Interview at Fernwood", "Re: Interview at Fernwood"},
		{"FW: Fw: fwd: WG: Termin", "Re: Termin"},
		{"Re[2]: Re(3): Next steps", "Re: Next steps"},
		{"RE : Entretien", "Re: Entretien"},
		{"TR: RE: Entretien", "Re: Entretien"},
		{"RV: Entrevista", "Re: Entrevista"},
		{"回复：面试邀请", "Re: 面试邀请"},
		{"  Re:   Interview \r\n\t next  week ", "Re: Interview next week"},
		{"Reasons: we should talk", "Re: Reasons: we should talk"},
		{"Review: your application", "Re: Review: your application"},
		{"Interview: Re: scheduling", "Re: Interview: Re: scheduling"},
		{"Forward thinking roles", "Re: Forward thinking roles"},
		{"", "Re:"},
		{"Re:", "Re:"},
		{"Re: Re: ", "Re:"},
	} {
		if got := ReplySubject(tc.in); got != tc.want {
			t.Errorf("ReplySubject(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// replies are threads of every shape a reply draft must carry: a first answer, a long
// thread, identifiers longer than a header line, repeats, and a subject to encode.
var replies = []struct {
	name, subject string
	wantSubject   string // what a mail app reads
	thread        Thread
}{
	{"first answer", "Interview invitation: Backend Engineer", "Re: Interview invitation: Backend Engineer", Thread{MessageID: "inv-2026-001@mail.fernwood.test"}},
	{"answer in a thread", "Re: Re: AW: Next steps", "Re: Next steps", Thread{
		MessageID:  "c3@mail.fernwood.test",
		References: []string{"a1@mail.fernwood.test", "b2@mx.example.com"},
	}},
	{"long thread", "RE: Re[4]: Scheduling", "Re: Scheduling", Thread{
		MessageID:  longThread(30)[29],
		References: longThread(29),
	}},
	{"identifier longer than a line", "Re: Interview", "Re: Interview", Thread{
		MessageID: "AM0PR07MB4211C1F2B5E0D6A9E7C3D5A1A8F0@AM0PR07MB4211.eurprd07.prod.outlook.example.com",
		References: []string{
			"VI1PR0402MB3392A7E44C61B2D8B8E0A3D3F1E2@VI1PR0402MB3392.eurprd04.prod.outlook.example.com",
			"short@x.test",
			"DB8PR10MB3546E3F02A1C9B7A64E2F14C9D0B@DB8PR10MB3546.EURPRD10.PROD.OUTLOOK.example.com",
		},
	}},
	{"repeats and the parent in its own references", "Fwd: Re: Offer", "Re: Offer", Thread{
		MessageID:  "p@x.test",
		References: []string{"a@x.test", "p@x.test", "a@x.test", "", "b@x.test"},
	}},
	{"encoded subject", "AW: Einladung zum Vorstellungsgespräch – Entwickler (m/w/d)",
		"Re: Einladung zum Vorstellungsgespräch – Entwickler (m/w/d)", Thread{
			MessageID:  "CAF+3xq=8ZbQ@mail.gmail.example.com",
			References: []string{"weird@[10.0.0.1]", "x.y.z@[IPv6:2001:db8::1]"},
		}},
}

// longThread is n made-up identifiers of a thread, oldest first.
func longThread(n int) []string {
	var ids []string
	for i := 1; i <= n; i++ {
		ids = append(ids, fmt.Sprintf("m%02d.%08x@fernwood.test", i, uint32(i*2654435761)))
	}
	return ids
}

func replyDraft(subject string, th Thread) Draft {
	return Draft{FromName: "Ana Silva", FromEmail: "ana@example.com", ToName: "Jo Park", ToEmail: "jo@fernwood.test",
		Subject: ReplySubject(subject), Body: "Dear Jo,\n\nThank you for the invitation.\n\nBest regards,\nAna Silva\n",
		Date: when, Thread: th}
}

func TestReplyDraftsRoundTrip(t *testing.T) {
	for _, tc := range replies {
		t.Run(tc.name, func(t *testing.T) { roundTrip(t, replyDraft(tc.subject, tc.thread)) })
	}
}

func TestReplyHeadersAreFolded(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, replyDraft("x", Thread{MessageID: longThread(30)[29], References: longThread(29)})); err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(buf.String(), "\r\n\r\n")
	var refs []string
	in := false
	for _, line := range strings.Split(head, "\r\n") {
		switch {
		case strings.HasPrefix(line, "References:"):
			in = true
		case in && strings.HasPrefix(line, " "):
		default:
			in = false
		}
		if in {
			refs = append(refs, line)
		}
	}
	// 30 identifiers of 26 characters, " <id>" 29 each: two to a line of at most 78, as a
	// third would make 87.
	if len(refs) != 15 {
		t.Errorf("References written on %d lines, want 15:\n%s", len(refs), strings.Join(refs, "\n"))
	}
	for _, l := range refs {
		if len(l) > 78 || strings.Count(l, "<") != 2 {
			t.Errorf("line %q: %d characters, %d identifiers", l, len(l), strings.Count(l, "<"))
		}
	}
}

func TestReplyThreadIsChecked(t *testing.T) {
	good := replyDraft("Interview", Thread{MessageID: "a@b.test"})
	for _, bad := range []Thread{
		{MessageID: "no-at-sign"},
		{MessageID: "a@b.test>\r\nBcc: x@evil.test"},
		{MessageID: "a b@c.test"},
		{MessageID: "<a@b.test>"},
		{MessageID: "a@b.test", References: []string{"fine@x.test", "bad id@x.test"}},
		{MessageID: "a@b.test", References: []string{"é@x.test"}},
		{MessageID: "a..b@x.test"},
		{MessageID: "a@"},
		{MessageID: strings.Repeat("x", 950) + "@y.test"},
		{References: []string{"orphan@x.test"}},
	} {
		d := good
		d.Thread = bad
		var buf bytes.Buffer
		err := Write(&buf, d)
		if err == nil || buf.Len() != 0 {
			t.Errorf("thread %+v accepted", bad)
			continue
		}
		if !strings.Contains(err.Error(), "Message-ID") {
			t.Errorf("thread %+v: the message does not say what is wrong: %v", bad, err)
		}
	}
}

func TestMailtoReply(t *testing.T) {
	m := Mailto{To: "jo@fernwood.test", Subject: "Re: Interview", Body: "Dear Jo,\nThank you.", InReplyTo: "inv-1@mail.fernwood.test"}
	got := m.URL()
	want := "mailto:jo@fernwood.test?subject=Re%3A%20Interview&in-reply-to=%3Cinv-1%40mail.fernwood.test%3E&body=Dear%20Jo%2C%0D%0AThank%20you."
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	u, err := url.Parse(got)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if u.Scheme != "mailto" || u.Opaque != "jo@fernwood.test" || q.Get("in-reply-to") != "<inv-1@mail.fernwood.test>" ||
		q.Get("subject") != "Re: Interview" || q.Get("body") != "Dear Jo,\r\nThank you." {
		t.Errorf("read back as %s %q %v", u.Scheme, u.Opaque, q)
	}
	if MailtoURL("jo@fernwood.test", "Hi", "x") != (Mailto{To: "jo@fernwood.test", Subject: "Hi", Body: "x"}).URL() {
		t.Error("MailtoURL and Mailto differ")
	}
}

func TestMailtoFits(t *testing.T) {
	m := Mailto{To: "jo@fernwood.test", Subject: "Re: Interview", InReplyTo: "inv-1@mail.fernwood.test"}
	base := len(m.URL())
	m.Body = strings.Repeat("a", MaxMailtoLength-base)
	if len(m.URL()) != MaxMailtoLength || !m.Fits() {
		t.Errorf("a link of %d characters does not fit", len(m.URL()))
	}
	m.Body += "a"
	if m.Fits() {
		t.Errorf("a link of %d characters fits", len(m.URL()))
	}
	// What counts is the link, not the letter: each é takes six characters of it.
	m.Body = strings.Repeat("é", 300)
	if m.Fits() {
		t.Errorf("300 accented letters make a link of %d characters, yet it fits", len(m.URL()))
	}
}

// TestAnIndependentReaderThreadsTheReply reads every reply draft with Python's email
// package, as mail apps would, and checks what threads it: In-Reply-To, References and the
// subject, and that it goes to the contact.
func TestAnIndependentReaderThreadsTheReply(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, tc := range replies {
		path := filepath.Join(dir, fmt.Sprintf("reply-%d.eml", i))
		if err := WriteFile(path, replyDraft(tc.subject, tc.thread), nil); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		paths = append(paths, path)
	}
	got := emltest.Read(t, paths...)
	for i, tc := range replies {
		g := got[i]
		raw, _ := os.ReadFile(paths[i])
		if len(g.Defects) > 0 {
			t.Errorf("%s: Python found defects %v\n%s", tc.name, g.Defects, raw)
		}
		if g.InReplyTo == nil || strings.Join(g.InReplyToIDs, " ") != "<"+tc.thread.MessageID+">" {
			t.Errorf("%s: In-Reply-To read as %v, want <%s>", tc.name, g.InReplyToIDs, tc.thread.MessageID)
		}
		if want := wantReferences(tc.thread); strings.Join(g.ReferencesIDs, " ") != strings.Join(want, " ") {
			t.Errorf("%s: References read as\n%q\nwant\n%q", tc.name, g.ReferencesIDs, want)
		}
		if g.Subject == nil || *g.Subject != tc.wantSubject {
			t.Errorf("%s: subject read as %v, want %q", tc.name, emltest.Value(g.Subject), tc.wantSubject)
		}
		if strings.Join(g.ToAddress, ",") != "jo@fernwood.test" || strings.Join(g.ToName, ",") != "Jo Park" {
			t.Errorf("%s: To read as %v %v", tc.name, g.ToName, g.ToAddress)
		}
		if emltest.Value(g.XUnsent) != "1" || g.ContentType != "text/plain" || g.Charset != "utf-8" ||
			!strings.Contains(g.Body, "Thank you for the invitation.") {
			t.Errorf("%s: X-Unsent %v, %s; %s, body %q", tc.name, emltest.Value(g.XUnsent), g.ContentType, g.Charset, g.Body)
		}
	}
}

// FuzzReplySubject: a reply's subject starts with one "Re:", ends with what the subject
// said after its prefixes, is one line, and replying to it again changes nothing.
func FuzzReplySubject(f *testing.F) {
	for _, s := range []string{"Interview", "Re: RE: AW: x", "Re[2]:Re(3):", "回复：面试", "RE :\tFwd:  x\r\ny", "", "Re:", "\xff\x00re:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := ReplySubject(s)
		if again := ReplySubject(r); again != r {
			t.Fatalf("ReplySubject(%q) = %q, but replying to that gives %q", s, r, again)
		}
		if !strings.HasPrefix(r, "Re:") || strings.ContainsAny(r, "\r\n\t") || strings.Contains(r, "  ") {
			t.Fatalf("ReplySubject(%q) = %q", s, r)
		}
		rest := strings.TrimPrefix(strings.TrimPrefix(r, "Re:"), " ")
		if rest != "" && replyPrefix.MatchString(rest) {
			t.Fatalf("ReplySubject(%q) = %q still starts with a prefix", s, r)
		}
		oneLine := strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
		if !strings.HasSuffix(oneLine, rest) {
			t.Fatalf("ReplySubject(%q) = %q lost words of the subject", s, r)
		}
	})
}

// FuzzReplyThread: any identifiers either make a draft whose In-Reply-To and References read
// back exactly, or are refused with nothing written.
func FuzzReplyThread(f *testing.F) {
	f.Add("inv-1@mail.fernwood.test", "a@x.test b@y.test")
	f.Add("AM0PR07MB4211C1F2B5E0D6A9E7C3D5A1A8F0@AM0PR07MB4211.eurprd07.prod.outlook.example.com", "")
	f.Add("x@[1.2.3.4]", "p@q.r p@q.r x@[1.2.3.4]")
	f.Add("no at", "<a@b>")
	f.Fuzz(func(t *testing.T, id, refs string) {
		d := replyDraft("Interview", Thread{MessageID: id, References: strings.Fields(refs)})
		if d.Check() != nil {
			if Write(io.Discard, d) == nil {
				t.Fatal("a refused thread was written")
			}
			return
		}
		roundTrip(t, d)
	})
}
