// Package proofread reads a letter that says no — declining an interview, withdrawing an
// application, declining an offer, keeping in touch — against the advice for declining
// well: thanks, a clear decision, nothing negative, no placeholder left, a sign-off and the
// writer's name, spelling. Its wording lives in rules/*.txt, its word lists in dict/.
package proofread

import (
	"strings"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/proofread/dict"
)

// Severity says how much a finding matters.
type Severity string

// The severities: an error should be fixed before sending, a warning probably, a tip maybe.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	SevTip     Severity = "tip"
)

// Rule ids.
const (
	RuleNoGratitude  = "no-gratitude"
	RuleNoDecision   = "no-decision"
	RuleFalseHope    = "false-hope"
	RuleNegative     = "negative-remark"
	RulePlaceholder  = "placeholder"
	RuleNoClosing    = "no-closing"
	RuleNoName       = "no-name"
	RuleOverApology  = "over-apology"
	RuleTooLong      = "too-long"
	RuleExclamation  = "exclamation"
	RuleMisspelling  = "misspelling"
	RuleRepeatedWord = "repeated-word"
	RuleTab          = "tab"
	RuleCliche       = "cliche"
	RuleHedging      = "hedging"
)

// Rules lists every rule id with its severity, in the order the product documents them.
var Rules = []struct {
	ID       string
	Severity Severity
}{
	{RuleNoGratitude, SevError}, {RuleNoDecision, SevError}, {RuleFalseHope, SevError},
	{RuleNegative, SevError}, {RulePlaceholder, SevError}, {RuleNoClosing, SevError}, {RuleNoName, SevError},
	{RuleOverApology, SevWarning}, {RuleTooLong, SevWarning}, {RuleExclamation, SevWarning},
	{RuleMisspelling, SevWarning}, {RuleRepeatedWord, SevWarning}, {RuleTab, SevWarning},
	{RuleCliche, SevTip}, {RuleHedging, SevTip},
}

func severityOf(rule string) Severity {
	for _, r := range Rules {
		if r.ID == rule {
			return r.Severity
		}
	}
	return SevTip
}

// Part is the part of a letter a finding stands in, and what its offsets count from.
type Part string

// The parts. A text checked whole (see Text) is one part; a letter checked with Letter has
// a subject and a body, which the user edits in different places.
const (
	WholeText Part = ""        // the text given to Text
	Subject   Part = "subject" // Letter.Subject
	Body      Part = "body"    // Letter.Body
)

// Finding is one thing the proofreader would change, and where: Part says which part of
// the letter it is in, Start and End are byte offsets into that part (on rune boundaries),
// and Line and Col count from 1 inside it, Col in characters. Fix, when not empty, is the
// text that should replace Text: the proofreader is sure of it. Suggestions, when the
// proofreader is not sure, are what the writer may have meant, likeliest first, for the
// writer to pick from; a finding has a fix or suggestions, never both.
type Finding struct {
	Rule        string   `json:"rule"`
	Severity    Severity `json:"severity"`
	Message     string   `json:"message"`
	Text        string   `json:"text"`
	Part        Part     `json:"-"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Line        int      `json:"line"`
	Col         int      `json:"col"`
	Fix         string   `json:"fix"`
	Suggestions []string `json:"suggestions"`
}

// Options tell the proofreader what it cannot see in the text: what the letter is for, and
// the names the app knows, which are never misspellings and fill placeholders.
type Options struct {
	// Kind is the decision the letter must state (see letter.Kind). Empty, or a kind not
	// in letter.Kinds, accepts a decision of any kind, the offer included: the app was not
	// told what the letter is for, and a false "no decision" would cost more than a missed one.
	Kind      letter.Kind
	Name      string   // the writer's full name (the profile's), expected after the sign-off
	Recipient string   // the person written to
	Company   string   // the company written to
	Role      string   // the role
	Referral  string   // someone the letter recommends
	Known     []string // any other names the app knows: tracker contacts, companies …
}

// Text checks a letter given as one text — with or without a "Subject:" line and other
// headers before a blank line, as a file holds it — and returns its findings in text order,
// each in the part WholeText. The first call loads the spelling dictionary unless
// LoadDictionary already has.
func Text(text string, opts Options) []Finding {
	d := newDoc(text, opts)
	dic := dict.Load()
	d.gratitude(dic)
	d.decision()
	d.placeholders()
	d.closingAndName()
	d.tone()
	d.length()
	d.repeatedWords(dic)
	d.tabs()
	d.spelling(dic)
	return d.findings()
}

// subjectLabel starts the line Letter reads the subject from.
const subjectLabel = "Subject: "

// Letter checks a letter as it will be sent, its subject and its body, and returns its
// findings in order, each in the part it stands in (Subject or Body), with offsets, lines
// and columns inside that part: what the window needs to mark and fix them where the user
// edits them.
func Letter(l letter.Letter, opts Options) []Finding {
	head := subjectLabel + l.Subject + "\n\n"
	found := Text(head+l.Body, opts)
	subjectEnd := len(subjectLabel) + len(l.Subject)
	headLines := strings.Count(head, "\n")
	labelCols := utf8.RuneCountInString(subjectLabel)
	for i := range found {
		f := &found[i]
		if f.Start > subjectEnd {
			f.Part = Body
			if f.Start < len(head) { // between the subject and the body: the body's start
				f.Start, f.Line, f.Col = len(head), headLines+1, 1
			}
			f.Start, f.End = f.Start-len(head), max(f.Start, f.End)-len(head)
			f.Line -= headLines
			f.Text = l.Body[f.Start:f.End]
			continue
		}
		f.Part = Subject
		start, end := max(0, f.Start-len(subjectLabel)), min(len(l.Subject), max(0, f.End-len(subjectLabel)))
		if start != f.Start-len(subjectLabel) || end != f.End-len(subjectLabel) {
			f.Fix = "" // the span reached past the subject: its fix was for more than the subject
		}
		f.Start, f.End = start, max(start, end)
		f.Line, f.Col = 1, max(1, f.Col-labelCols)
		f.Text = l.Subject[f.Start:f.End]
	}
	return found
}

// LoadDictionary reads the spelling dictionary now, so that the first check does not wait
// for it. It is safe to call from any goroutine, any number of times; a window calls it off
// its UI goroutine at start.
func LoadDictionary() { dict.Load() }

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == SevError {
			return true
		}
	}
	return false
}
