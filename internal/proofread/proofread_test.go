package proofread

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/letter"
)

// letterWith is a sound letter with middle added to its decision paragraph.
func letterWith(middle string) string {
	return "Subject: Go Engineer interview\n\nDear Jo Park,\n\n" +
		"Thank you for inviting me to interview for the Go Engineer role at Acme.\n\n" +
		"I have decided to withdraw my application. " + middle + "\n\n" +
		"Best regards,\nAna Silva\n"
}

func findings(text, rule string, opts Options) []Finding {
	var out []Finding
	for _, f := range Text(text, opts) {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

type ruleCase struct {
	text string
	flag string // "" when the rule must stay quiet; else text the flagged span must contain
}

func checkRule(t *testing.T, rule string, cases []ruleCase, opts Options) {
	t.Helper()
	pos, neg := 0, 0
	for _, c := range cases {
		got := findings(c.text, rule, opts)
		if c.flag == "" {
			neg++
			if len(got) > 0 {
				t.Errorf("%s flagged %q in:\n%s", rule, got[0].Text, c.text)
			}
			continue
		}
		pos++
		if len(got) == 0 {
			t.Errorf("%s missed %q in:\n%s", rule, c.flag, c.text)
			continue
		}
		if !strings.Contains(got[0].Text, c.flag) {
			t.Errorf("%s flagged %q, want it to contain %q", rule, got[0].Text, c.flag)
		}
		if got[0].Severity != severityOf(rule) || got[0].Message == "" {
			t.Errorf("%s: severity %q message %q", rule, got[0].Severity, got[0].Message)
		}
	}
	if pos < 6 || neg < 6 {
		t.Errorf("%s has %d positive and %d negative examples; want at least 6 of each", rule, pos, neg)
	}
}

func TestSoundLetterHasNoFindings(t *testing.T) {
	if fs := Text(letterWith(""), Options{Name: "Ana Silva"}); len(fs) != 0 {
		t.Errorf("findings on a sound letter: %+v", fs)
	}
}

func TestFindingSpans(t *testing.T) {
	line := "Thank you. Ça va? I decline, yet I'm not sure if I want it!!"
	text := "Subject: Hi\n\nDear Jo,\n\n" + line + "\n\nBest regards,\nAna Silva\n"
	for _, f := range Text(text, Options{}) {
		if text[f.Start:f.End] != f.Text {
			t.Errorf("%s: span %d-%d is %q, text %q", f.Rule, f.Start, f.End, text[f.Start:f.End], f.Text)
		}
		if f.Line != 5 {
			t.Errorf("%s on line %d", f.Rule, f.Line)
		}
	}
	fh := findings(text, RuleFalseHope, Options{})
	wantCol := utf8.RuneCountInString(line[:strings.Index(line, "not sure")]) + 1
	if len(fh) != 1 || fh[0].Col != wantCol || fh[0].Text != "not sure if" {
		t.Errorf("false hope at col %d: %+v (columns count characters, so Ç is one)", fh[0].Col, fh)
	}
}

// A letter checked as a subject and a body: each finding says which, and counts its
// offsets, line and column from the start of that part.
func TestLetterParts(t *testing.T) {
	l := letter.Letter{Subject: "Withdrawl of my aplication", Body: "Dear Jo,\n\nThank you. I withdraw my application.\nIt it was kind!!\n\nBest regards,\nAna Silva\n"}
	got := map[string]Finding{}
	for _, f := range Letter(l, Options{Name: "Ana Silva"}) {
		got[f.Text] = f
	}
	for _, want := range []struct {
		text             string
		part             Part
		start, line, col int
	}{
		{"Withdrawl", Subject, 0, 1, 1},
		{"aplication", Subject, 16, 1, 17},
		{"It it", Body, strings.Index(l.Body, "It it"), 4, 1},
		{"!!", Body, strings.Index(l.Body, "!!"), 4, 15},
	} {
		f, ok := got[want.text]
		if !ok {
			t.Errorf("no finding on %q: %+v", want.text, got)
			continue
		}
		if f.Part != want.part || f.Start != want.start || f.End != want.start+len(want.text) || f.Line != want.line || f.Col != want.col {
			t.Errorf("%q: %s %d-%d line %d col %d; want %s %d line %d col %d", want.text, f.Part, f.Start, f.End, f.Line, f.Col,
				want.part, want.start, want.line, want.col)
		}
	}
	// The same letter checked as one text counts from the start of the text.
	for _, f := range Text(l.Text(), Options{Name: "Ana Silva"}) {
		if f.Part != WholeText || l.Text()[f.Start:f.End] != f.Text {
			t.Errorf("%s: %s %d-%d %q", f.Rule, f.Part, f.Start, f.End, f.Text)
		}
	}
}
