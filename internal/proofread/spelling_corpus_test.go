package proofread

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// spellingCase is one line of testdata/spelling/fixes.txt: a typo and what the writer meant.
type spellingCase struct {
	typo  string
	want  []string // the word meant, or every word that may have been
	clear bool     // "=": the writer surely meant want[0]; "?": no one-click fix may be offered
}

func readSpellingCases(t *testing.T) []spellingCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "spelling", "fixes.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []spellingCase
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if typo, fix, ok := strings.Cut(line, " = "); ok {
			out = append(out, spellingCase{typo: typo, want: []string{fix}, clear: true})
			continue
		}
		typo, alts, ok := strings.Cut(line, " ? ")
		if !ok {
			t.Fatalf("fixes.txt:%d: write typo = fix, or typo ? a | b", n+1)
		}
		c := spellingCase{typo: typo}
		for _, a := range strings.Split(alts, "|") {
			c.want = append(c.want, strings.TrimSpace(a))
		}
		out = append(out, c)
	}
	return out
}

// misspellingAt is the misspelling finding on word in a letter that uses it mid-sentence.
func misspellingAt(word string) (Finding, bool) {
	text := letterWith("I wrote " + word + " here.")
	at := strings.Index(text, "wrote "+word) + len("wrote ")
	for _, f := range Text(text, Options{Name: "Ana Silva"}) {
		if f.Rule == RuleMisspelling && f.Start == at {
			return f, true
		}
	}
	return Finding{}, false
}

// TestSpellingCorpus checks every misspelling of testdata/spelling/fixes.txt as the
// proofreader would in a letter, and measures the one-click fixes: every fix offered must be
// the word the writer meant (fix precision, which must be 100 %), and where the proofreader
// is not sure, the word meant must be among the suggestions. A fix is never offered where
// the line says several words are as likely.
func TestSpellingCorpus(t *testing.T) {
	cases := readSpellingCases(t)
	if len(cases) < 150 {
		t.Fatalf("fixes.txt has %d misspellings; it must hold at least 150", len(cases))
	}
	offered, right, flagged, withChoices, found, clear := 0, 0, 0, 0, 0, 0
	for _, c := range cases {
		if c.clear {
			clear++
		}
		f, ok := misspellingAt(c.typo)
		if !ok {
			t.Errorf("%q is not flagged", c.typo)
			continue
		}
		flagged++
		if f.Fix != "" && len(f.Suggestions) > 0 {
			t.Errorf("%q has a fix %q and suggestions %q", c.typo, f.Fix, f.Suggestions)
		}
		switch {
		case f.Fix != "":
			offered++
			if c.clear && f.Fix == c.want[0] {
				right++
				found++
			} else if c.clear {
				t.Errorf("%q: fix %q, want %q", c.typo, f.Fix, c.want[0])
			} else {
				t.Errorf("%q: fix %q offered, though it may be any of %q", c.typo, f.Fix, c.want)
			}
		case len(f.Suggestions) > 0:
			withChoices++
			if in(f.Suggestions, c.want[0]) {
				found++
			} else {
				t.Errorf("%q: suggestions %q lack %q", c.typo, f.Suggestions, c.want[0])
			}
		default:
			t.Errorf("%q: neither a fix nor a suggestion, want %q", c.typo, c.want[0])
		}
	}
	precision := 100.0
	if offered > 0 {
		precision = 100 * float64(right) / float64(offered)
	}
	t.Logf("%d misspellings, %d flagged: %d one-click fixes offered, %d right: fix precision %.1f%%; "+
		"%d with suggestions; the word meant offered (fix or suggestion) for %d/%d; %d of %d clear typos fixed in one click",
		len(cases), flagged, offered, right, precision, withChoices, found, len(cases), right, clear)
	if precision < 100 {
		t.Errorf("fix precision %.1f%%, want 100%%", precision)
	}
	if 10*right < 8*clear {
		t.Errorf("%d of %d clear typos fixed in one click; want at least 80%%", right, clear)
	}
}

// TestRealWordsPass: the words and phrases of testdata/spelling/real-words.txt are English
// (US or UK) and never misspellings.
func TestRealWordsPass(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "spelling", "real-words.txt"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n++
		if got := findings(letterWith("I wrote "+line+" here."), RuleMisspelling, Options{}); len(got) > 0 {
			t.Errorf("%q flagged: %s", line, got[0].Message)
		}
	}
	if n < 120 {
		t.Errorf("real-words.txt has %d words; it must hold at least 120", n)
	}
}

func in(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
