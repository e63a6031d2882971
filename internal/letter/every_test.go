package letter_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/letter/lettertest"
)

var (
	decisionWords = regexp.MustCompile(`(?i)declin|withdr|turn(ed|ing)? down|pass(ing)? on|accepted|not attend|say no`)
	talkWords     = regexp.MustCompile(`(?i)conversation|speak|talking|talk with`)
)

// TestEveryLetterSaysWhatItsKindMust writes every letter the templates can make and reads
// each for what its kind must say: the greeting, the names, the decision, the thanks that
// fit whether the interview took place, the alternative and the signature. (That each also
// passes the proofreader is tested in package proofread.)
func TestEveryLetterSaysWhatItsKindMust(t *testing.T) {
	n := map[letter.Kind]int{}
	for _, c := range lettertest.Every() {
		s := c.Spec
		l, err := letter.RenderWith(s, letter.RenderOptions{Today: clocktest.Epoch})
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		n[s.Kind]++
		text, body := l.Text(), l.Body
		must := func(ok bool, what string) {
			t.Helper()
			if !ok {
				t.Errorf("%s: %s\n%s", c, what, text)
			}
		}
		greeting, _, _ := strings.Cut(body, "\n")
		if s.RecipientName != "" {
			must(greeting == map[letter.Tone]string{letter.Formal: "Dear Jo Park,", letter.Warm: "Dear Jo,", letter.Brief: "Hi Jo,"}[s.Tone], "greeting "+greeting)
		} else {
			must(greeting == map[letter.Tone]string{letter.Formal: "Dear Acme Inc hiring team,", letter.Warm: "Dear Acme Inc team,", letter.Brief: "Hello,"}[s.Tone], "greeting "+greeting)
		}
		must(strings.Contains(body, "Acme Inc") && strings.Contains(body, "Senior Go Engineer"), "company or role missing")
		must(strings.HasSuffix(body, "\nAna Silva\nSenior Go Engineer · +1 555 0100\n"), "the writer does not sign")
		must(!strings.ContainsAny(text, "{}") && !strings.Contains(text, "  ") && !strings.Contains(body, "\n\n\n"), "unfilled placeholder or stray space")
		must(!strings.HasPrefix(strings.ToLower(l.Subject), "interview invitation"), "subject reads like their message: "+l.Subject)
		interviewDay := ""
		if s.InterviewDate != "" {
			d, _ := time.Parse(time.DateOnly, s.InterviewDate)
			interviewDay = d.Format("Monday, January 2")
		}
		if s.Kind.UsesReason() {
			must(strings.Contains(l.Subject, "Senior Go Engineer"), "subject lacks the role: "+l.Subject)
			switch s.Alternative {
			case letter.Referral:
				must(strings.Contains(body, "Ben Okafor") && strings.Contains(body, "ben@example.org"), "referral missing")
			case letter.Reschedule:
				d, _ := time.Parse(time.DateOnly, s.AlternativeDate)
				must(strings.Contains(body, d.Format("January 2")), "reschedule date missing")
			}
			must(strings.Contains(body, s.ReasonText) == (s.Reason == letter.Custom), "the writer's reason is misplaced")
		}
		switch s.Kind {
		case letter.DeclineInterview:
			must(strings.Contains(body, "decline the interview") || strings.Contains(body, "declining the interview") ||
				strings.Contains(body, "not attend the interview"), "does not decline the interview")
			must(strings.Contains(body, interviewDay), "interview date not woven in")
		case letter.Withdraw:
			must(strings.Contains(body, "withdraw"), "does not withdraw")
			must(!strings.Contains(strings.ToLower(text), "invit"), "speaks of an invitation")
			if c.Interview == "past" {
				must(talkWords.MatchString(body) && strings.Contains(body, interviewDay), "does not thank them for the conversation")
			} else {
				must(!talkWords.MatchString(body) && (interviewDay == "" || !strings.Contains(body, interviewDay)), "thanks them for a conversation that has not happened")
				must(strings.Contains(body, "considering my application") || strings.Contains(body, "interest you have taken in my application"),
					"does not thank them for considering the application")
			}
		case letter.DeclineOffer:
			lower := strings.ToLower(text)
			must(strings.Contains(lower, "offer"), "does not mention the offer")
			must(!strings.Contains(lower, "interview") && !strings.Contains(lower, "invit"), "speaks of an interview or invitation")
			must(strings.Contains(body, "decline") || strings.Contains(body, "declining") || strings.Contains(body, "turn down") ||
				strings.Contains(body, "say no to yours"), "does not decline the offer")
		case letter.KeepInTouch:
			must(!decisionWords.MatchString(text), "decides something: "+decisionWords.FindString(text))
			must(!strings.Contains(body, s.ReasonText) && !strings.Contains(body, "Ben Okafor"), "gives a reason or an alternative")
			must(!strings.Contains(body, interviewDay) || interviewDay == "", "mentions the interview date")
			must(strings.Contains(body, lettertest.Update+".") == (s.UpdateText != ""), "the news is missing, or there without news")
		}
	}
	want := map[letter.Kind]int{
		letter.DeclineInterview: 8 * 4 * 3 * 2 * 3, letter.Withdraw: 8 * 3 * 3 * 2 * 3, letter.DeclineOffer: 8 * 3 * 3 * 2 * 3,
		letter.KeepInTouch: 3 * 2 * 3 * 2,
	}
	for k, w := range want {
		if n[k] != w {
			t.Errorf("%s: wrote %d letters, want %d", k, n[k], w)
		}
	}
}

// TestEveryBlockIsUsedAndFound: the letters name only blocks templates.txt has, and every
// block there is used by some letter, so that a misspelt block name cannot hide.
func TestEveryBlockIsUsedAndFound(t *testing.T) {
	blocks := letter.Blocks()
	used := map[string]bool{}
	for _, c := range lettertest.Every() {
		for _, group := range letter.BlockNames(c.Spec, letter.RenderOptions{Today: clocktest.Epoch}) {
			for _, name := range strings.Split(group, "+") {
				if _, ok := blocks[name]; !ok {
					t.Errorf("%s: no block [%s]", c, name)
				}
				used[name] = true
			}
		}
	}
	for name, text := range blocks {
		if !used[name] {
			t.Errorf("[%s] is never used", name)
		}
		if strings.TrimSpace(text) == "" {
			t.Errorf("[%s] is empty", name)
		}
	}
}
