package letter

import (
	"strings"
	"testing"
)

// BenchmarkRenderAndProofread300Words renders a 300-word letter from a spec and proofreads
// it, as the Letter pane does on every keystroke.
func BenchmarkRenderAndProofread300Words(b *testing.B) {
	s := baseSpec()
	l, _ := Render(s)
	// Grow the template letter to 300 words with more of its own kind of sentences.
	extra := strings.Repeat("I have valued every conversation with your team and learned a great deal about the work you do. ", 11)
	s.Body = strings.Replace(l.Body, "Thank you again", extra+"\n\nThank you again", 1)
	if n := len(newDoc(s.Body, ProofreadOptions{}).body); n < 290 || n > 320 {
		b.Fatalf("letter has %d words", n)
	}
	Proofread(s.Body, ProofreadOptions{}) // load the spelling list once, as the app does at start
	b.ResetTimer()
	for b.Loop() {
		l, err := Render(s)
		if err != nil {
			b.Fatal(err)
		}
		if fs := Proofread(l.Text(), ProofreadOptions{Name: s.SenderName}); len(fs) != 1 || fs[0].Rule != RuleTooLong {
			b.Fatalf("findings %+v", fs)
		}
	}
}
