package proofread

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/letter"
)

// corpusLetter is one labelled letter of testdata/corpus (see its README.md).
type corpusLetter struct {
	file      string
	opts      Options
	must, may []string
	fixes     map[string]string // the right fix for a flagged text, "\n" written as \n
	text      string
}

func readCorpus(t *testing.T, dir string) []corpusLetter {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "[0-9]*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []corpusLetter
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		head, text, ok := strings.Cut(string(data), "\n---\n")
		if !ok {
			t.Fatalf("%s: no --- line after the labels", f)
		}
		l := corpusLetter{file: filepath.Base(f), text: text}
		for _, line := range strings.Split(head, "\n") {
			key, value, _ := strings.Cut(line, ":")
			value = strings.TrimSpace(value)
			list := func(sep string) []string {
				var out []string
				for _, v := range strings.Split(value, sep) {
					if v = strings.TrimSpace(v); v != "" {
						out = append(out, v)
					}
				}
				return out
			}
			switch strings.TrimSpace(key) {
			case "kind":
				k, err := letter.ParseKind(value)
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				l.opts.Kind = k
			case "name":
				l.opts.Name = value
			case "known":
				l.opts.Known = list(";")
			case "must":
				l.must = list(",")
			case "may":
				l.may = list(",")
			case "fixes":
				l.fixes = map[string]string{}
				for _, pair := range list(";") {
					from, to, ok := strings.Cut(pair, "=>")
					if !ok {
						t.Fatalf("%s: a fix is written as text => fix", f)
					}
					unescape := strings.NewReplacer(`\n`, "\n").Replace
					l.fixes[unescape(strings.TrimSpace(from))] = unescape(strings.TrimSpace(to))
				}
			}
		}
		for _, r := range append(slices.Clone(l.must), l.may...) {
			if !slices.ContainsFunc(Rules, func(x struct {
				ID       string
				Severity Severity
			}) bool {
				return x.ID == r
			}) {
				t.Fatalf("%s: %q is not a rule", f, r)
			}
		}
		out = append(out, l)
	}
	return out
}

// TestCorpus proofreads every labelled letter of testdata/corpus, told what the app would
// know, and measures the rules: each rule a letter must show has to fire (recall), and no
// error or warning may fire that its labels do not allow (false alarm). Tips never count.
// It measures the one-click fixes too: every fix offered must be the one its letter's labels
// give for that text (fix precision, which must be 100 %).
func TestCorpus(t *testing.T) {
	letters := readCorpus(t, filepath.Join("testdata", "corpus"))
	if len(letters) < 60 {
		t.Fatalf("the corpus has %d letters; it must hold at least 60", len(letters))
	}
	type tally struct{ want, found int }
	perRule := map[string]*tally{}
	var misses, alarms, wrongFixes []string
	offered, right, labelled := 0, 0, 0
	for _, l := range letters {
		fired := map[string]Finding{}
		fixed := map[string]bool{}
		for _, f := range Text(l.text, l.opts) {
			if _, seen := fired[f.Rule]; !seen && f.Severity != SevTip {
				fired[f.Rule] = f
			}
			if f.Fix == "" {
				continue
			}
			offered++
			if want, ok := l.fixes[f.Text]; ok && want == f.Fix {
				right++
				fixed[f.Text] = true
			} else {
				wrongFixes = append(wrongFixes, fmt.Sprintf("%s: %s fixes %q to %q", l.file, f.Rule, f.Text, f.Fix))
			}
		}
		for text, fix := range l.fixes {
			labelled++
			if !fixed[text] {
				misses = append(misses, fmt.Sprintf("%s: no fix %q => %q", l.file, text, fix))
			}
		}
		for _, r := range l.must {
			if perRule[r] == nil {
				perRule[r] = &tally{}
			}
			perRule[r].want++
			if _, ok := fired[r]; ok {
				perRule[r].found++
			} else {
				misses = append(misses, fmt.Sprintf("%s: %s did not fire", l.file, r))
			}
		}
		for r, f := range fired {
			if !slices.Contains(l.must, r) && !slices.Contains(l.may, r) {
				alarms = append(alarms, fmt.Sprintf("%s: %s on %q (line %d) — %s", l.file, r, f.Text, f.Line, f.Message))
			}
		}
	}
	rules := make([]string, 0, len(perRule))
	want, found := 0, 0
	for r, c := range perRule {
		rules = append(rules, r)
		want += c.want
		found += c.found
	}
	sort.Strings(rules)
	for _, r := range rules {
		c := perRule[r]
		t.Logf("%-16s recall %3d/%-3d %5.1f%%", r, c.found, c.want, 100*float64(c.found)/float64(c.want))
	}
	sort.Strings(misses)
	sort.Strings(alarms)
	for _, m := range misses {
		t.Log("missed: " + m)
	}
	for _, a := range alarms {
		t.Log("false alarm: " + a)
	}
	sort.Strings(wrongFixes)
	for _, w := range wrongFixes {
		t.Log("wrong fix: " + w)
	}
	recall := 100.0
	if want > 0 {
		recall = 100 * float64(found) / float64(want)
	}
	t.Logf("%d letters: recall %d/%d = %.1f%%, %d false alarms", len(letters), found, want, recall, len(alarms))
	precision := 100.0
	if offered > 0 {
		precision = 100 * float64(right) / float64(offered)
	}
	t.Logf("one-click fixes: %d offered, %d right: fix precision %.1f%%; %d of %d labelled fixes offered", offered, right, precision, right, labelled)
	if precision < 100 {
		t.Errorf("fix precision %.1f%% is under 100%%", precision)
	}
	if recall < 95 {
		t.Errorf("recall %.1f%% is under 95%%", recall)
	}
	if len(alarms) > 1 {
		t.Errorf("%d false alarms; at most 1 is allowed", len(alarms))
	}
}
