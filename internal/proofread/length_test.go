package proofread

import (
	"strings"
	"testing"
)

func TestTooLong(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) + "." }
	checkRule(t, RuleTooLong, []ruleCase{
		// The letter around the words has 28 words of its own.
		{letterWith(words(250)), "word"},
		{letterWith(words(200)), "word"},
		{letterWith(words(190)), "word"},
		{letterWith(words(500)), "word"},
		{letterWith(strings.Repeat("Don't ", 190)), "Don't"},
		{letterWith(words(173)), "Silva"}, // the 201st word is the last
		{letterWith(words(172)), ""},
		{letterWith(words(100)), ""},
		{letterWith(""), ""},
		{"Subject: " + words(100) + "\n\n" + letterWith(words(150))[len("Subject: Go Engineer interview\n\n"):], ""},
		{letterWith(strings.Repeat("— ", 300)), ""},
		{letterWith(words(50)), ""},
	}, Options{})
}

// A word written twice in a row is reported, with the single word as the fix; a doubling
// that is correct, a name, or a repeat across punctuation or between sentences is not.
func TestRepeatedWord(t *testing.T) {
	checkRule(t, RuleRepeatedWord, []ruleCase{
		{letterWith("I think that that is fair."), "that that"},
		{letterWith("It was the the best choice."), "the the"},
		{letterWith("The The team was kind."), "The The"},
		{letterWith("After a lot of thought I I have decided."), "I I"},
		{letterWith("I would like to\nto thank you."), "to\nto"}, // a sentence wrapped onto the next line
		{letterWith("It is is true."), "is is"},
		{letterWith("What had had to happen did."), ""},
		{letterWith("We met in Walla Walla last May."), ""},
		{letterWith("It was great. Great people, too."), ""},
		{letterWith("I said no, no to the offer."), ""},
		{letterWith("Thank you\n\nyou were kind."), ""},
		{letterWith("Call me on 555 555 0100."), ""},
		{letterWith("It is a so-so fit."), ""},
		{letterWith("So I I'll say no this time."), "I I'll"},
		{letterWith("We we're sorry to go."), "We we're"},
		{letterWith("It it's a shame."), "It it's"},
		{letterWith("I'll be there. I'll write."), ""},
		{letterWith("I said I'll write."), ""},
		{letterWith("Jo's Jo's café."), "Jo's Jo's"},
	}, Options{})
	got := findings(letterWith("It was the the best choice."), RuleRepeatedWord, Options{})
	if len(got) != 1 || got[0].Fix != "the" {
		t.Errorf("fix: %+v", got)
	}
	got = findings(letterWith("The The team was kind."), RuleRepeatedWord, Options{})
	if len(got) != 1 || got[0].Fix != "The" {
		t.Errorf("the fix keeps the first word's capitals: %+v", got)
	}
	got = findings(letterWith("So I I'll say no this time."), RuleRepeatedWord, Options{})
	if len(got) != 1 || got[0].Fix != "I'll" {
		t.Errorf("the fix keeps the contraction: %+v", got)
	}
}

// A tab pasted into the letter is flagged, and its fix leaves one space between words and
// none where a space or a line's start or end is already there.
func TestTabsAreFlaggedWithAFix(t *testing.T) {
	got := findings(letterWith("Thank you\tfor the\t\tinvitation.\n\tI must decline."), RuleTab, Options{})
	if len(got) != 3 {
		t.Fatalf("findings %+v", got)
	}
	for i, want := range []string{" ", " ", ""} {
		if got[i].Fix != want || strings.Trim(got[i].Text, "\t") != "" {
			t.Errorf("finding %d: %q fixed as %q, want %q", i, got[i].Text, got[i].Fix, want)
		}
	}
}
