package letter

import (
	"github.com/declinedesk/declinedesk/internal/letter/dict"
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
	{RuleMisspelling, SevWarning}, {RuleRepeatedWord, SevWarning},
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

// Finding is one thing the proofreader would change, and where: Start and End are byte
// offsets into the text (on rune boundaries), Line and Col count from 1, Col in characters.
// Fix, when not empty, is the text that should replace Text.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Text     string   `json:"text"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Fix      string   `json:"fix"`
}

// ProofreadOptions tell the proofreader what it cannot see in the text: what the letter is
// for, and the names the app knows, which are never misspellings and fill placeholders.
type ProofreadOptions struct {
	// Kind is the decision the letter must state (see Kind). Empty, or a kind not in
	// Kinds, accepts a decision of any kind, the offer included: the app was not told
	// what the letter is for, and a false "no decision" would cost more than a missed one.
	Kind      Kind
	Name      string   // the writer's full name (the profile's), expected after the sign-off
	Recipient string   // the person written to
	Company   string   // the company written to
	Role      string   // the role
	Referral  string   // someone the letter recommends
	Known     []string // any other names the app knows: tracker contacts, companies …
}

// Proofread checks a letter — with or without a "Subject:" line and other headers before
// a blank line — and returns its findings in text order. The first call loads the
// spelling dictionary unless LoadDictionary already has.
func Proofread(text string, opts ProofreadOptions) []Finding {
	d := newDoc(text, opts)
	d.gratitude()
	d.decision()
	d.placeholders()
	d.closingAndName()
	d.tone()
	d.length()
	dic := dict.Load()
	d.repeatedWords(dic)
	d.spelling(dic)
	return d.findings()
}

// LoadDictionary reads the spelling dictionary now, so that the first Proofread does not
// wait for it. It is safe to call from any goroutine, any number of times; a window calls
// it off its UI goroutine at start.
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
