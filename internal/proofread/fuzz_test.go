package proofread

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/letter"
)

// FuzzProofread: any text at all is proofread without panic, whole or as a subject and a
// body, and every finding points at the exact text it quotes in its part, on rune
// boundaries, with a line and column that agree; its fix, put in place of that text, leaves
// valid UTF-8 valid. The second input supplies the names the app knows and picks the kind.
func FuzzProofread(f *testing.F) {
	f.Add(letterWith("I'm not sure if I'm interested!! [Company Name]"), "Ana Silva")
	f.Add("", "")
	f.Add("\xff\xfe!!\n\n“quoted", "x")
	f.Add("Subject: a\nTo: b\n\n", "")
	f.Add("Best regards,", "Ana Silva")
	f.Add("Dear …,\n\nThank you. I won't attend the the interview; could we reschedule?\n\nKind regard,\nYour Name\nSent from my phone", "Jo Park")
	f.Add("Dear Mr./Ms. Lastname,\n\n(Interviewer Name) __(Position)__ ____ {{name}} <Name> XXX TBD\n\nBest,\n", "Acme")
	f.Add("Hi ,\nrecieved teh adress. Frankly, the process was slow… maybe later?\nCheers", "Ana María de la Cruz")
	f.Add("Dear ,\n\nThanks\u202e!\x1b[31m I I decline.\r\n\r\nBest regards,\r\n", "Ana")
	f.Fuzz(func(t *testing.T, text, name string) {
		name = strings.ToValidUTF8(name, "")
		kinds := []letter.Kind{"", letter.DeclineInterview, letter.Withdraw, letter.DeclineOffer, letter.KeepInTouch, letter.Kind(name)}
		opts := Options{Kind: kinds[len(name)%len(kinds)], Name: name, Recipient: name, Company: name,
			Role: name, Referral: name, Known: strings.Fields(name)}
		for _, fd := range Text(text, opts) {
			if fd.Part != WholeText {
				t.Fatalf("%s: a whole text's finding is in the %s", fd.Rule, fd.Part)
			}
			checkSpan(t, fd, text)
		}
		// The same text as a letter: its first line the subject, the rest the body. Every
		// finding lies in one of the two, counted from its start.
		subject, body, _ := strings.Cut(text, "\n")
		l := letter.Letter{Subject: subject, Body: body}
		for _, fd := range Letter(l, opts) {
			switch fd.Part {
			case Subject:
				checkSpan(t, fd, l.Subject)
			case Body:
				checkSpan(t, fd, l.Body)
			default:
				t.Fatalf("%s: a letter's finding is in part %q", fd.Rule, fd.Part)
			}
		}
	})
}

// checkSpan fails the test unless fd points at the exact text it quotes in part, on rune
// boundaries, with a line and column that agree, and a fix that keeps valid UTF-8 valid.
func checkSpan(t *testing.T, fd Finding, part string) {
	t.Helper()
	if fd.Start < 0 || fd.End < fd.Start || fd.End > len(part) {
		t.Fatalf("%s: span %d-%d outside %d bytes", fd.Rule, fd.Start, fd.End, len(part))
	}
	if !onBoundary(part, fd.Start) || !onBoundary(part, fd.End) {
		t.Fatalf("%s: span %d-%d splits a character", fd.Rule, fd.Start, fd.End)
	}
	if part[fd.Start:fd.End] != fd.Text {
		t.Fatalf("%s: text %q, span holds %q", fd.Rule, fd.Text, part[fd.Start:fd.End])
	}
	lineStart := strings.LastIndexByte(part[:fd.Start], '\n') + 1
	if fd.Line != strings.Count(part[:fd.Start], "\n")+1 || fd.Col != utf8.RuneCountInString(part[lineStart:fd.Start])+1 {
		t.Fatalf("%s: line %d col %d wrong for offset %d", fd.Rule, fd.Line, fd.Col, fd.Start)
	}
	if severityOf(fd.Rule) != fd.Severity || fd.Message == "" {
		t.Fatalf("%s: severity %s, message %q", fd.Rule, fd.Severity, fd.Message)
	}
	if fixed := part[:fd.Start] + fd.Fix + part[fd.End:]; utf8.ValidString(part) && !utf8.ValidString(fixed) {
		t.Fatalf("%s: fix %q breaks the text's UTF-8", fd.Rule, fd.Fix)
	}
	if fd.Fix == fd.Text && fd.Fix != "" {
		t.Fatalf("%s: the fix %q changes nothing", fd.Rule, fd.Fix)
	}
}

// onBoundary is an independent check of RuneBoundary: ranging over the text visits every
// character's start.
func onBoundary(text string, pos int) bool {
	if pos == len(text) {
		return true
	}
	for i := range text {
		if i == pos {
			return true
		}
	}
	return false
}
