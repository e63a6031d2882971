package main

import (
	"bytes"
	"encoding/json"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/clip"
	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/proofread"
)

const goodSpec = `{
  "recipient_name": "Jo Park", "recipient_email": "jo@acme.test",
  "company": "Acme Inc", "role": "Go Engineer", "interview_date": "2026-12-01",
  "reason": "another-offer", "alternative": "referral", "referral_name": "Ben Okafor",
  "tone": "warm", "sender_name": "Ana Silva", "sender_email": "ana@example.com"
}`

func TestCompose(t *testing.T) {
	r := cli(t, "", "compose", writeFile(t, "spec.json", goodSpec))
	if r.code != 0 {
		t.Fatalf("%+v", r)
	}
	if !strings.HasPrefix(r.stdout, "Subject: Thank you for the invitation — Go Engineer at Acme Inc\n\nDear Jo,\n") ||
		!strings.Contains(r.stdout, "Ben Okafor") || !strings.HasSuffix(r.stdout, "Warm regards,\nAna Silva\n") {
		t.Errorf("letter:\n%s", r.stdout)
	}
	// The composed letter passes check, read from standard input.
	c := cli(t, r.stdout, "check", "-", "--name", "Ana Silva")
	if c.code != 0 || !strings.Contains(c.stdout, "No findings") {
		t.Errorf("check of a composed letter: %+v", c)
	}
}

func TestComposeBadSpecs(t *testing.T) {
	for _, tc := range []struct{ spec, want string }{
		{`{"company": "Acme"`, "not valid JSON"},
		{`{"compnay": "Acme"}`, `unknown field "compnay"`},
		{`{"company": 42}`, "field company must be text in quotes, not a number"},
		{`{"company": "Acme", "role": "Dev", "reason": "bored", "sender_name": "Ana Silva"}`, `unknown reason "bored"`},
		{`{"company": "Acme", "role": "Dev", "reason": "timing", "sender_name": "Ana"}`, "sender_name: enter your full name"},
		{`{"company": "Acme", "role": "Dev", "reason": "timing", "sender_name": "Ana Silva", "subject": "Hi\r\nBcc: x@y.z"}`, "subject: must be one line"},
		{`{"company": "Acme", "role": "Dev", "reason": "timing", "sender_name": "Ana Silva", "kind": "thank-you"}`,
			`kind: unknown kind "thank-you": use one of decline-interview, withdraw, decline-offer, keep-in-touch`},
		{`{"company": "Acme", "role": "Dev", "reason": "timing", "sender_name": "Ana Silva", "kind": "decline-offer", "alternative": "reschedule", "alternative_date": "2027-01-04"}`,
			"alternative: reschedule (talk again after a date) would undo a letter that declines an offer: use one of none, referral, stay-in-touch"},
		{`{"company": "Acme", "role": "Dev", "sender_name": "Ana Silva", "kind": "keep-in-touch", "update_text": "I moved\nBcc: x@y.z"}`, "update_text: must be one line"},
		{`{} {}`, "more than one JSON value"},
		{``, "the file is empty"},
	} {
		r := cli(t, "", "compose", writeFile(t, "spec.json", tc.spec))
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("spec %s: %+v, want %q", tc.spec, r, tc.want)
		}
	}
	if r := cli(t, "", "compose", "/no/such/spec.json"); r.code != 2 || !strings.Contains(r.stderr, "cannot read") {
		t.Errorf("missing file: %+v", r)
	}
}

// TestComposeKinds: a spec file names its kind; the command's day decides whether a
// withdrawal follows an interview.
func TestComposeKinds(t *testing.T) {
	spec := func(kind, extra string) string {
		return writeFile(t, "spec.json", `{"recipient_name": "Jo Park", "company": "Acme Inc", "role": "Go Engineer",
			"reason": "timing", "tone": "warm", "sender_name": "Ana Silva", "kind": "`+kind+`"`+extra+`}`)
	}
	for _, tc := range []struct {
		kind, extra string
		want        []string
	}{
		{"withdraw", `, "interview_date": "` + clocktest.Day(-2) + `"`, []string{"Subject: With thanks — withdrawing", "our conversation", "withdraw my application"}},
		{"withdraw", `, "interview_date": "` + clocktest.Day(2) + `"`, []string{"interest you have taken in my application"}},
		{"decline-offer", ``, []string{"Subject: Thank you for the offer — Go Engineer at Acme Inc", "turn down the offer"}},
		{"keep-in-touch", `, "update_text": "I now lead a small data team"`, []string{"Subject: Hello again from Ana Silva", "A bit of news from my side: I now lead a small data team."}},
	} {
		r := cliToday(t, "", "compose", spec(tc.kind, tc.extra))
		if r.code != 0 {
			t.Errorf("%s: %+v", tc.kind, r)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%s%s: lacks %q\n%s", tc.kind, tc.extra, w, r.stdout)
			}
		}
		if c := cli(t, r.stdout, "check", "-", "--kind", tc.kind, "--name", "Ana Silva"); c.code != 0 || !strings.Contains(c.stdout, "No findings") {
			t.Errorf("%s: check: %+v", tc.kind, c)
		}
	}
}

func TestCheck(t *testing.T) {
	bad := "Dear Jo,\n\nI'm not sure if I'm interested in [Role].\n\nAna\n"
	r := cli(t, bad, "check", "-")
	if r.code != 1 {
		t.Fatalf("exit %d: %+v", r.code, r)
	}
	for _, want := range []string{"[no-gratitude]", "[false-hope]", "[placeholder]", "[no-closing]", "3:5: error [false-hope]"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	r = cli(t, bad, "check", "--json", "-")
	var fs []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &fs); err != nil || r.code != 1 {
		t.Fatalf("json: %v %+v", err, r)
	}
	keys := []string{"rule", "severity", "message", "text", "start", "end", "line", "col", "fix", "suggestions"}
	for _, f := range fs {
		for _, k := range keys {
			if _, ok := f[k]; !ok {
				t.Errorf("finding lacks %q: %v", k, f)
			}
		}
		if len(f) != len(keys) {
			t.Errorf("extra keys in %v", f)
		}
	}
	// Warnings and tips alone exit 0.
	tipOnly := "Dear Jo,\n\nThank you. I kind of want to decline the interview.\n\nBest regards,\nAna Silva\n"
	r = cli(t, tipOnly, "check", "-", "--json")
	if r.code != 0 || !strings.Contains(r.stdout, `"rule": "hedging"`) {
		t.Errorf("tips only: %+v", r)
	}
	// --name: another name under the sign-off is an error.
	r = cli(t, tipOnly, "check", "-", "--name", "Bea Stone")
	if r.code != 1 || !strings.Contains(r.stdout, "[no-name]") {
		t.Errorf("--name: %+v", r)
	}
	if r := cli(t, "", "check", "--json", writeFile(t, "ok.txt", "Dear Jo,\n\nThank you. I decline.\n\nBest regards,\nAna Silva\n")); r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("clean letter --json: %+v", r)
	}
	if r := cli(t, "", "check"); r.code != 2 {
		t.Errorf("no file: %+v", r)
	}
	if r := cli(t, strings.Repeat("x", maxLetterBytes+1), "check", "-"); r.code != 2 || !strings.Contains(r.stderr, "not a letter") {
		t.Errorf("huge input: code %d", r.code)
	}
}

func TestCheckKind(t *testing.T) {
	interview := "Dear Jo,\n\nThank you for the invitation. I have decided to decline the interview.\n\nBest regards,\nAna Silva\n"
	note := "Dear Jo,\n\nThank you again for our talk last spring. I have since moved to a data team and enjoy it.\n\nBest regards,\nAna Silva\n"
	for _, tc := range []struct {
		letter, kind string
		code         int
	}{
		{interview, "decline-interview", 0},
		{interview, "withdraw", 0},
		{interview, "decline-offer", 1}, // an offer letter must decline the offer
		{note, "keep-in-touch", 0},      // a keep-in-touch note decides nothing
		{note, "decline-interview", 1},
		{note, " Keep-In-Touch ", 0},
	} {
		r := cli(t, tc.letter, "check", "-", "--kind", tc.kind)
		if r.code != tc.code {
			t.Errorf("--kind %q: exit %d, want %d\n%s%s", tc.kind, r.code, tc.code, r.stdout, r.stderr)
		}
		if tc.code == 1 && !strings.Contains(r.stdout, "[no-decision]") {
			t.Errorf("--kind %q: %s", tc.kind, r.stdout)
		}
	}
	for _, bad := range []string{"decline", ""} {
		r := cli(t, interview, "check", "-", "--kind", bad)
		if r.code != 2 || r.stdout != "" {
			t.Errorf("--kind %q: %+v", bad, r)
		}
		for _, id := range []string{"decline-interview", "withdraw", "decline-offer", "keep-in-touch"} {
			if !strings.Contains(r.stderr, id) {
				t.Errorf("--kind %q: the message does not list %s: %q", bad, id, r.stderr)
			}
		}
	}
}

func TestCheckPrintsFixes(t *testing.T) {
	text := "Dear Jo,\n\nThank you!! I have decided to decline the the interview.\n\nBest regards,\n[Your Name]\n"
	r := cli(t, text, "check", "-", "--json", "--name", "Ana Silva")
	var fs []proofread.Finding
	if err := json.Unmarshal([]byte(r.stdout), &fs); err != nil {
		t.Fatal(err)
	}
	fixes := map[string]string{}
	for _, f := range fs {
		fixes[f.Rule] = f.Fix
		if text[f.Start:f.End] != f.Text {
			t.Errorf("%s: span %d-%d does not hold %q", f.Rule, f.Start, f.End, f.Text)
		}
	}
	for rule, want := range map[string]string{"exclamation": "!", "repeated-word": "the", "placeholder": "Ana Silva", "no-name": ""} {
		if got, ok := fixes[rule]; !ok || got != want {
			t.Errorf("%s: fix %q (found %v), want %q", rule, got, ok, want)
		}
	}
	if !strings.Contains(r.stdout, `"fix": ""`) {
		t.Errorf("a finding without a fix lacks \"fix\": \"\":\n%s", r.stdout)
	}
	r = cli(t, text, "check", "-", "--name", "Ana Silva")
	if !strings.Contains(r.stdout, `fix: "Ana Silva"`) {
		t.Errorf("plain output does not show the fix:\n%s", r.stdout)
	}
}

// A misspelling the proofreader is sure of has a fix; one with several likely words has
// suggestions and no fix. Every finding carries "suggestions", a list.
func TestCheckPrintsSuggestions(t *testing.T) {
	text := "Dear Jo,\n\nThank you. It was a hard choise, but I see this asa good moment to decline.\n\nBest regards,\nAna Silva\n"
	r := cli(t, text, "check", "-", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %+v", r.code, r)
	}
	var raw []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil {
		t.Fatal(err)
	}
	byText := map[string]map[string]any{}
	for _, f := range raw {
		if _, ok := f["suggestions"].([]any); !ok {
			t.Errorf("%v: suggestions is not a list", f)
		}
		byText[f["text"].(string)] = f
	}
	if f := byText["asa"]; f == nil || f["fix"] != "as a" || len(f["suggestions"].([]any)) != 0 {
		t.Errorf("asa: %v", f)
	}
	f := byText["choise"]
	if f == nil || f["fix"] != "" {
		t.Fatalf("choise: %v", f)
	}
	sug := f["suggestions"].([]any)
	if len(sug) < 2 || sug[0] != "choice" || sug[1] != "choose" {
		t.Errorf("choise: suggestions %v", sug)
	}
	r = cli(t, text, "check", "-")
	if !strings.Contains(r.stdout, `suggestions: "choice", "choose"`) || !strings.Contains(r.stdout, `fix: "as a"`) {
		t.Errorf("plain output:\n%s", r.stdout)
	}
}

func TestCheckRefusesWhatIsNotText(t *testing.T) {
	for name, data := range map[string]string{
		"NUL":          "Dear Jo,\x00\n\nThank you.",
		"UTF-16":       "\xff\xfeD\x00e\x00a\x00r\x00",
		"invalid":      "Dear Jo,\n\nThank you \xc3\x28 for everything.",
		"control":      strings.Repeat("\x01\x02\x1b", 40) + "Dear Jo",
		"binary image": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
	} {
		for _, args := range [][]string{{"check", "-"}, {"check", "--json", writeFile(t, "letter.txt", data)}} {
			r := cli(t, data, args...)
			if r.code != 2 || !strings.Contains(r.stderr, "not a text file") || r.stdout != "" {
				t.Errorf("%s %v: %+v", name, args[1:], r)
			}
		}
	}
}

// A letter with a few control characters is checked, and the plain output shows them as
// escapes: nothing from the letter can move the cursor or recolour the terminal.
func TestCheckNeverPrintsControlCharacters(t *testing.T) {
	text := "Dear Jo,\n\nThank you \x1b[31mso much\x1b[0m!! I decline [Company\x1b]0;pwned\x07 Name] and \u202egnp.exe\u202c and the the\r rest.\n\nBest regards\n"
	r := cli(t, text, "check", "-")
	if r.code != 1 {
		t.Fatalf("exit %d: %+v", r.code, r)
	}
	for _, c := range r.stdout {
		if c != '\n' && (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x202e || c == 0x202c) {
			t.Fatalf("output holds %U:\n%q", c, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, `\x1b`) {
		t.Errorf("the escape character is not shown as \\x1b:\n%s", r.stdout)
	}
	r = cli(t, text, "check", "-", "--json")
	var fs []proofread.Finding
	if err := json.Unmarshal([]byte(r.stdout), &fs); err != nil || len(fs) == 0 {
		t.Fatalf("json: %v\n%s", err, r.stdout)
	}
	if strings.ContainsRune(r.stdout, 0x1b) {
		t.Error("JSON output holds a raw escape character")
	}
}

type fakeClipboard struct {
	text string
	err  error
}

func (f *fakeClipboard) WriteText(s string) error {
	if f.err != nil {
		return f.err
	}
	f.text = s
	return nil
}

func TestComposeEmlAndCopy(t *testing.T) {
	spec := writeFile(t, "spec.json", goodSpec)
	out := filepath.Join(t.TempDir(), "draft.eml")
	fc := &fakeClipboard{}
	var stdout, stderr bytes.Buffer
	code := runWith(&env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, clip: fc}, "compose", spec, "--eml", out, "--copy")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if msg.Header.Get("X-Unsent") != "1" || !strings.Contains(msg.Header.Get("To"), "jo@acme.test") || !strings.Contains(msg.Header.Get("From"), "Ana Silva <ana@example.com>") {
		t.Errorf("headers %v", msg.Header)
	}
	if !strings.HasPrefix(fc.text, "Dear Jo,") || strings.Contains(fc.text, "Subject:") {
		t.Errorf("copied %q", fc.text)
	}
	if !strings.Contains(stderr.String(), "draft written to") || !strings.Contains(stderr.String(), "copied to the clipboard") {
		t.Errorf("stderr %q", stderr.String())
	}

	// No clipboard tool: a clear message and exit 2.
	stderr.Reset()
	code = runWith(&env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, clip: &fakeClipboard{err: clip.ErrNoTool}}, "compose", spec, "--copy")
	if code != 2 || !strings.Contains(stderr.String(), "no clipboard tool found") {
		t.Errorf("no tool: exit %d %q", code, stderr.String())
	}

	// A spec the draft cannot carry: nothing is written.
	bad := writeFile(t, "bad.json", strings.Replace(goodSpec, `"sender_email": "ana@example.com"`, `"sender_email": ""`, 1))
	out2 := filepath.Join(t.TempDir(), "none.eml")
	r := cli(t, "", "compose", bad, "--eml", out2)
	if r.code != 2 || !strings.Contains(r.stderr, "sender email is missing") {
		t.Errorf("no sender email: %+v", r)
	}
	if _, err := os.Stat(out2); err == nil {
		t.Error("a draft was written anyway")
	}
}
