package dict

import (
	"runtime"
	"slices"
	"sync"
	"testing"
)

func TestKnown(t *testing.T) {
	d := Load()
	for _, w := range []string{
		"received", "colour", "color", "organise", "organize", "judgement", "programme", "travelling", "traveling",
		"Thank", "SINCERELY", "I'm", "I’m", "don’t", "recruiter's", "recruiter’s", "companies'", "it's", "let's",
		"roadmaps", "onboarded", "upskilling", "stakeholders", "synergies", "co", "e", "you'd", "Paris",
		"learnt", "cancelled", "apologise", "apologize", "analyse", "realised",
		"candidature", "dialer", "rialto", "curriculum", "vitae", "that's", "we've",
	} {
		if !d.Known(w) {
			t.Errorf("%q is English", w)
		}
	}
	for _, w := range []string{"recieved", "definately", "oppurtunity", "interveiw", "sincerly", "thier", "beleive", "teh", "alot", "greatful",
		"thankyou", "everytime", "wellcome", "withold", "intrested", "accomodate", "seperately",
		"gratefull", "successfull", "carefull", "usefull", "thats", "interms", "myskills", "suckish"} {
		if d.Known(w) {
			t.Errorf("%q is a typo", w)
		}
	}
}

func TestCompound(t *testing.T) {
	d := Load()
	for w, want := range map[string]string{"storytelling": "story+telling", "codebase": "code+base", "timeframe": "time+frame",
		"Storytellers": "story+tellers"} {
		if a, b, ok := d.Compound(w); !ok || a+"+"+b != want {
			t.Errorf("Compound(%q) = %q %q %v, want %s", w, a, b, ok, want)
		}
	}
	// Small words run into another are no compounds: "your name", "this role", "in terms".
	for _, w := range []string{"gratefull", "everytime", "thankyou", "wellcome", "zqxjvkwy", "alot", "récépissé",
		"yourname", "thisrole", "interms", "intervie"} {
		if a, b, ok := d.Compound(w); ok {
			t.Errorf("Compound(%q) = %q %q", w, a, b)
		}
	}
}

func TestSuggest(t *testing.T) {
	d := Load()
	for _, tc := range []struct{ word, want string }{
		{"recieved", "received"}, {"Recieved", "Received"}, {"definately", "definitely"}, {"oppurtunity", "opportunity"},
		{"interveiw", "interview"}, {"sincerly", "sincerely"}, {"Sincerly", "Sincerely"}, {"teh", "the"},
		{"adress", "address"}, {"alot", "a lot"}, {"monday", "Monday"}, {"dont", "don't"}, {"oppertunities", "opportunities"},
		{"collaegue", "colleague"}, {"gratefull", "grateful"}, {"sucessfull", "successful"}, {"choise", "choice"},
	} {
		got := d.Suggest(tc.word, 3)
		if len(got) == 0 || got[0] != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q first", tc.word, got, tc.want)
		}
	}
	if got := d.Suggest("tmrw", 3); len(got) != 0 {
		t.Errorf("suggestions two edits from a short word: %q", got)
	}
	if got := d.Suggest("zqxjvkw", 3); len(got) != 0 {
		t.Errorf("suggestions for nonsense: %q", got)
	}
	if got := d.Suggest("née", 3); slices.Contains(got, "née") {
		t.Errorf("suggested the word itself: %q", got)
	}
}

// Correct offers a fix only when one guess is clearly right, and otherwise choices.
func TestCorrect(t *testing.T) {
	d := Load()
	for _, tc := range []struct {
		word, fix string
		choices   []string // the first ones, in order
	}{
		{"asa", "as a", nil}, {"Asa", "As a", nil},
		{"interms", "in terms", nil}, {"myskills", "my skills", nil}, {"togenuinely", "to genuinely", nil},
		{"Interms", "In terms", nil}, {"thisrole", "this role", nil},
		{"recieved", "received", nil}, {"thnaks", "thanks", nil}, {"gratefull", "grateful", nil},
		{"dont", "don't", nil}, {"thats", "that's", nil}, {"weve", "we've", nil}, {"im", "I'm", nil},
		{"monday", "Monday", nil}, {"regsrds", "regards", nil},
		{"choise", "", []string{"choice", "choose"}},
		{"heare", "", []string{"hear", "heard", "hears"}},
		{"kust", "", []string{"just", "must"}},
		{"suckish", "", nil},
		{"pls", "please", nil}, {"thx", "thanks", nil},
		{"async", "", nil}, // not "a sync": a letter alone runs into nothing but its pairs
		{"lol", "", nil},   // short words are fixed only from the typo list
		{"zqxjvkwy", "", nil},
	} {
		fix, choices := d.Correct(tc.word, true)
		if fix != tc.fix || len(choices) < len(tc.choices) || !slices.Equal(choices[:len(tc.choices)], tc.choices) {
			t.Errorf("Correct(%q) = %q %q, want %q %q…", tc.word, fix, choices, tc.fix, tc.choices)
		}
		if fix != "" && len(choices) > 0 {
			t.Errorf("Correct(%q): a fix and choices", tc.word)
		}
	}
	// Never a rare word that happens to be one slip away, and never a fix that is no word.
	for _, w := range []string{"suckish", "tter", "heare", "choise", "async", "lol", "cv", "pdf", "btw"} {
		if fix, _ := d.Correct(w, true); fix != "" {
			t.Errorf("Correct(%q) fixes to %q", w, fix)
		}
	}
}

// A word two small words typed together splits where a part is a small word, two short
// parts only when they are a pair people type as one.
func TestSplits(t *testing.T) {
	d := Load()
	texts := func(gs []Guess) []string {
		var out []string
		for _, g := range gs {
			out = append(out, g.Text)
		}
		return out
	}
	for w, want := range map[string][]string{
		"asa": {"as a"}, "interms": {"in terms"}, "heare": nil, "ther": nil, "lookforward": {"look forward"},
		"ifi": {"if I"}, "iam": {"I am"}, "ofi": nil,
	} {
		if got := texts(d.splits(w)); !slices.Equal(got, want) {
			t.Errorf("splits(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestSlips(t *testing.T) {
	for _, tc := range []struct{ a, b byte }{{'a', 's'}, {'a', 'q'}, {'a', 'w'}, {'s', 'e'}, {'k', 'm'}, {'g', 'b'}, {'p', 'l'}} {
		if !nearKeys(tc.a, tc.b) || !nearKeys(tc.b, tc.a) {
			t.Errorf("%c and %c are neighbours", tc.a, tc.b)
		}
	}
	for _, tc := range []struct{ a, b byte }{{'a', 'e'}, {'q', 'p'}, {'a', 'a'}, {'z', 'q'}, {'s', 'r'}, {'\'', 'a'}} {
		if nearKeys(tc.a, tc.b) {
			t.Errorf("%c and %c are not neighbours", tc.a, tc.b)
		}
	}
	// A swap is likelier than a wrong neighbour, a neighbour than any other key, and a slip
	// on the first letter least of all.
	order := []struct{ got, want string }{
		{"recieve", "receive"}, {"seperate", "separate"}, {"thabk", "thank"}, {"thapk", "thank"},
	}
	for i := 1; i < len(order); i++ {
		a, b := channel(order[i-1].got, order[i-1].want), channel(order[i].got, order[i].want)
		if !(a > b) || b <= 0 {
			t.Errorf("channel(%s→%s) = %g, not above channel(%s→%s) = %g", order[i-1].got, order[i-1].want, a, order[i].got, order[i].want, b)
		}
	}
	if a, b := channel("thabk", "thank"), channel("yhank", "thank"); !(a > b) {
		t.Errorf("a slip on the first letter is as likely as another: %g, %g", a, b)
	}
	if got := channel("receive", "receive"); got != 1 {
		t.Errorf("no slip: %g", got)
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"abc", "abc", 0}, {"abc", "acb", 1}, {"abc", "ab", 1}, {"kitten", "sitting", 3}, {"ab", "abcdef", 3}} {
		if got := distance(tc.a, tc.b, 2); got != min(tc.want, 3) {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// The dictionary is read once, however many goroutines ask for it at the same moment.
func TestLoadOnceFromManyGoroutines(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]*Dictionary, 8)
	for i := range got {
		wg.Go(func() { got[i] = Load(); got[i].Known("interview") })
	}
	wg.Wait()
	for _, d := range got {
		if d != got[0] {
			t.Fatal("loaded twice")
		}
	}
}

// BenchmarkLoad reads the dictionary from the embedded lists, as the first Load does, and
// reports the heap it keeps (target: ≤ 150 ms, ≤ 40 MiB).
func BenchmarkLoad(b *testing.B) {
	var kept uint64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		d := build()
		runtime.GC()
		runtime.ReadMemStats(&after)
		kept = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(d)
	}
	b.ReportMetric(float64(kept)/(1<<20), "MiB-kept")
}

func BenchmarkSuggest(b *testing.B) {
	d := Load()
	for b.Loop() {
		d.Suggest("collaegue", 3)
		d.Suggest("oppurtunity", 3)
	}
}

// BenchmarkBuild times reading the lists alone.
func BenchmarkBuild(b *testing.B) {
	for b.Loop() {
		build()
	}
}
