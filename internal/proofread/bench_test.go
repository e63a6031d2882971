package proofread

import (
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/letter/lettertest"
)

// BenchmarkRenderAndProofread300Words renders a 300-word letter from a spec and proofreads
// its subject and body, as the Letter pane does on every keystroke.
func BenchmarkRenderAndProofread300Words(b *testing.B) {
	s := lettertest.Base()
	l, _ := letter.Render(s)
	// Grow the template letter to 300 words with more of its own kind of sentences.
	extra := strings.Repeat("I have valued every conversation with your team and learned a great deal about the work you do. ", 11)
	s.Body = strings.Replace(l.Body, "Thank you again", extra+"\n\nThank you again", 1)
	if n := len(newDoc(s.Body, Options{}).body); n < 290 || n > 320 {
		b.Fatalf("letter has %d words", n)
	}
	LoadDictionary() // once, as the app does at start
	b.ResetTimer()
	for b.Loop() {
		l, err := letter.Render(s)
		if err != nil {
			b.Fatal(err)
		}
		if fs := Letter(l, Options{Name: s.SenderName}); len(fs) != 1 || fs[0].Rule != RuleTooLong {
			b.Fatalf("findings %+v", fs)
		}
	}
}

// BenchmarkProofread300WordsWithMistakes proofreads a 300-word letter that keeps the
// proofreader busy: typos to suggest for, a placeholder, a repeat, criticism, false hope.
func BenchmarkProofread300WordsWithMistakes(b *testing.B) {
	s := lettertest.Base()
	l, _ := letter.Render(s)
	extra := strings.Repeat("I have valued every conversation with your team and learned a great deal about the work you do. ", 10) +
		"I recieved your note, and frankly the process was slow; maybe later I will definately reconsider the the role at [Company Name]. "
	text := strings.Replace(l.Text(), "Thank you again", extra+"\n\nThank you again", 1)
	opts := Options{Kind: letter.DeclineInterview, Name: s.SenderName, Company: s.Company, Recipient: s.RecipientName, Role: s.Role}
	if n := len(newDoc(text, opts).body); n < 290 || n > 320 {
		b.Fatalf("letter has %d words", n)
	}
	LoadDictionary()
	b.ResetTimer()
	for b.Loop() {
		if fs := Text(text, opts); len(fs) < 7 {
			b.Fatalf("findings %+v", fs)
		}
	}
}

// BenchmarkProofreadFiveFreshTypos proofreads a short letter with five misspellings that no
// typo list holds, so that each is guessed at from the whole dictionary, as the window
// does on every keystroke while they stand.
func BenchmarkProofreadFiveFreshTypos(b *testing.B) {
	text := "Dear Jo,\n\nMany thnaks for the invitation. It was a hard choise, but I see this asa fair end, " +
		"and I will decline the intervew with my regsrds to the team.\n\nBest regards,\nAna Silva\n"
	LoadDictionary()
	if fs := findings(text, RuleMisspelling, Options{Name: "Ana Silva"}); len(fs) != 5 {
		b.Fatalf("misspellings %+v", fs)
	}
	for b.Loop() {
		Text(text, Options{Name: "Ana Silva"})
	}
}
