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
	} {
		if !d.Known(w) {
			t.Errorf("%q is English", w)
		}
	}
	for _, w := range []string{"recieved", "definately", "oppurtunity", "interveiw", "sincerly", "thier", "beleive", "teh", "alot", "greatful",
		"thankyou", "everytime", "wellcome", "withold", "intrested", "accomodate", "seperately",
		"gratefull", "successfull", "carefull", "usefull"} {
		if d.Known(w) {
			t.Errorf("%q is a typo", w)
		}
	}
}

func TestCompound(t *testing.T) {
	d := Load()
	for w, want := range map[string]string{"storytelling": "story+telling", "codebase": "code+base", "timeframe": "time+frame",
		"Storytellers": "story+tellers", "yourname": "your+name"} {
		if a, b, ok := d.Compound(w); !ok || a+"+"+b != want {
			t.Errorf("Compound(%q) = %q %q %v, want %s", w, a, b, ok, want)
		}
	}
	for _, w := range []string{"gratefull", "everytime", "thankyou", "wellcome", "zqxjvkwy", "alot", "récépissé"} {
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
