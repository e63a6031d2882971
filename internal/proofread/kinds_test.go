package proofread

import (
	"testing"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/letter/lettertest"
)

// TestEveryLetterPassesTheProofreader writes every letter the templates can make and reads
// each as the user would: the proofreader, told the kind and the names the app knows, finds
// no error and no warning (spelling included), whether it reads the letter as the window
// does (subject and body) or as check does (one text). A keep-in-touch note decides
// nothing, so a proofreader told another kind misses the decision.
func TestEveryLetterPassesTheProofreader(t *testing.T) {
	LoadDictionary()
	for _, c := range lettertest.Every() {
		s := c.Spec
		l, err := letter.RenderWith(s, letter.RenderOptions{Today: clocktest.Epoch})
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		text := l.Text()
		full := Options{Kind: s.Kind, Name: s.SenderName, Recipient: s.RecipientName, Company: s.Company,
			Role: s.Role, Referral: s.ReferralName, Known: []string{lettertest.Recipient, lettertest.Company, lettertest.Referral}}
		for _, f := range Letter(l, full) {
			if f.Severity != SevTip {
				t.Errorf("%s: %s %q in the %s — %s\n%s", c, f.Rule, f.Text, f.Part, f.Message, text)
			}
		}
		// Told the kind and the writer's name only, as check --kind K --name N is.
		for _, f := range Text(text, Options{Kind: s.Kind, Name: s.SenderName}) {
			if f.Severity != SevTip {
				t.Errorf("%s: %s %q — %s\n%s", c, f.Rule, f.Text, f.Message, text)
			}
		}
		if s.Kind == letter.KeepInTouch {
			for _, k := range []letter.Kind{letter.DeclineInterview, letter.Withdraw, letter.DeclineOffer} {
				if len(findings(text, RuleNoDecision, Options{Kind: k, Name: s.SenderName})) == 0 {
					t.Errorf("%s: reads as a %s letter\n%s", c, k, text)
				}
			}
		}
	}
}
