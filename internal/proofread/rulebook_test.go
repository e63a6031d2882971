package proofread

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/declinedesk/declinedesk/internal/letter"
)

// The phrase language of rules/*.txt, on a rule file of its own.
func TestPhraseLanguage(t *testing.T) {
	b, err := readRulebook(fstest.MapFS{"rules/a.txt": {Data: []byte(`
# a comment
@me = i | we | i am
[test]
message: found
not-after: please
sure/certain (yet) if   # trailing comment
apologi* / *n't know
@me .. sorry
time-wasting
not sure $
[messages]
x = the message
`)}})
	if err != nil {
		t.Fatal(err)
	}
	if b.message("x") != "the message" {
		t.Errorf("message %q", b.message("x"))
	}
	ix := b.index("test")
	for text, want := range map[string]string{
		"I am sure if it rains.":      "sure if",
		"Certain yet if so.":          "Certain yet if",
		"I apologise.":                "apologise",
		"They don't know.":            "don't know",
		"I am, honestly, very sorry.": "I am, honestly, very sorry",
		"We sorry.":                   "We sorry",
		"A time wasting call.":        "time wasting",
		"A time-wasting call.":        "time-wasting",
		"I am not sure.":              "not sure",
		"I am not sure about it.":     "",
		"Please apologise.":           "",
		"Sure. If so.":                "",
		"I am sure, if so.":           "",
		"I am not in any way, shape, form, or manner sorry.": "",
	} {
		d := newDoc(text, Options{})
		got := ""
		d.find(ix, func(m match) {
			if got == "" {
				s, e := d.span(m.first, m.last)
				got = text[s:e]
				if m.group.message != "found" {
					t.Errorf("message %q", m.group.message)
				}
			}
		})
		if got != want {
			t.Errorf("%q: found %q, want %q", text, got, want)
		}
	}
	for _, bad := range []string{
		"[x]\n(unclosed phrase\n",
		"[x]\n.. gap first\n",
		"[x]\na//b\n",
		"[x]\n@nowhere\n",
		"@a = @a\n[x]\n@a\n",
		"text before any section\n",
		"@a = x\n@a = y\n",
		"[messages]\nno equals sign\n",
	} {
		if _, err := readRulebook(fstest.MapFS{"rules/a.txt": {Data: []byte(bad)}}); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

// Every message the program asks for is written in rules/messages.txt, and every rule has one.
func TestEveryMessageIsWritten(t *testing.T) {
	for _, r := range Rules {
		switch r.ID {
		case RuleFalseHope, RuleNegative, RuleCliche, RuleHedging: // their sections carry the message
			for _, g := range book.section(r.ID) {
				if g.message == "" {
					t.Errorf("a [%s] section has no message", r.ID)
				}
			}
			continue
		}
		keys := []string{r.ID}
		if r.ID == RuleExclamation {
			keys = []string{"exclamation.double", "exclamation.many"}
		}
		for _, k := range keys {
			if _, ok := book.messages[k]; !ok {
				t.Errorf("no message %s", k)
			}
		}
	}
	for _, k := range letter.Kinds {
		if _, ok := book.messages["no-decision."+string(k.ID)]; !ok && k.ID != letter.KeepInTouch {
			t.Errorf("no message no-decision.%s", k.ID)
		}
	}
	for key, m := range book.messages {
		if strings.TrimSpace(m) == "" {
			t.Errorf("%s: empty message", key)
		}
	}
}
