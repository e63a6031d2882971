package letter

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
)

// letterCase is one combination the all-letters test writes.
type letterCase struct {
	spec      Spec
	interview string // "past", "ahead" or "none"
}

func (c letterCase) String() string {
	s := c.spec
	name := map[bool]string{true: "named", false: "unnamed"}[s.RecipientName != ""]
	out := string(s.Kind) + "/" + string(s.Tone) + "/" + name + "/interview-" + c.interview
	if s.Kind.UsesReason() {
		out += "/" + string(s.Reason) + "/" + string(s.Alternative)
	} else {
		out += map[bool]string{true: "/with-update", false: "/no-update"}[s.UpdateText != ""]
	}
	return out
}

// everyLetter lists every kind × reason × alternative × tone, with and without a
// recipient name, with the interview behind, ahead or undated; keep-in-touch with and
// without news. Every spec also carries a reason and an alternative, which a keep-in-touch
// note must ignore.
func everyLetter() []letterCase {
	var out []letterCase
	dates := map[string]string{"past": clocktest.Day(-7), "ahead": clocktest.Day(6), "none": ""}
	for _, k := range Kinds {
		reasons, alts, updates := Reasons, k.ID.Alternatives(), []string{""}
		if !k.ID.UsesReason() {
			reasons = []Option[Reason]{{Custom, ""}}
			alts = []Option[Alternative]{{Reschedule, ""}}
			updates = []string{"", "I have since joined a platform team, where I look after our build tools"}
		}
		for _, r := range reasons {
			for _, a := range alts {
				for _, tone := range Tones {
					for _, named := range []bool{true, false} {
						for _, when := range []string{"past", "ahead", "none"} {
							for _, update := range updates {
								s := Spec{
									RecipientName: "Jo Park", RecipientEmail: "jo@acme.test", Company: "Acme Inc", Role: "Senior Go Engineer",
									InterviewDate: dates[when], Reason: r.ID, Alternative: a.ID, Tone: tone.ID, Kind: k.ID,
									ReasonText:      "I have chosen to stay in my current team for another year.",
									AlternativeDate: clocktest.Day(96), ReferralName: "Ben Okafor", ReferralEmail: "ben@example.org",
									SenderName: "Ana Silva", SenderEmail: "ana@example.com", Signature: "Senior Go Engineer · +1 555 0100",
									UpdateText: update,
								}
								if !named {
									s.RecipientName = ""
								}
								out = append(out, letterCase{s, when})
							}
						}
					}
				}
			}
		}
	}
	return out
}

var (
	decisionWords = regexp.MustCompile(`(?i)declin|withdr|turn(ed|ing)? down|pass(ing)? on|accepted|not attend|say no`)
	talkWords     = regexp.MustCompile(`(?i)conversation|speak|talking|talk with`)
)

// TestEveryLetterPassesTheProofreader writes every letter the templates can make and reads
// each as the user would: the proofreader, told the kind and the names the app knows, finds
// no error and no warning (spelling included), and the letter says what its kind must.
func TestEveryLetterPassesTheProofreader(t *testing.T) {
	today := clocktest.Epoch
	n := map[Kind]int{}
	for _, c := range everyLetter() {
		s := c.spec
		l, err := RenderWith(s, RenderOptions{Today: today})
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		n[s.Kind]++
		text, body := l.Text(), l.Body
		full := ProofreadOptions{Kind: s.Kind, Name: s.SenderName, Recipient: s.RecipientName, Company: s.Company,
			Role: s.Role, Referral: s.ReferralName, Known: []string{"Jo Park", "Acme Inc", "Ben Okafor"}}
		// Told everything, as the window is; told the kind and the writer's name only, as
		// check --kind K --name N is.
		for _, opts := range []ProofreadOptions{full, {Kind: s.Kind, Name: s.SenderName}} {
			for _, f := range Proofread(text, opts) {
				if f.Severity != SevTip {
					t.Errorf("%s: %s %q — %s\n%s", c, f.Rule, f.Text, f.Message, text)
				}
			}
		}
		must := func(ok bool, what string) {
			t.Helper()
			if !ok {
				t.Errorf("%s: %s\n%s", c, what, text)
			}
		}
		greeting, _, _ := strings.Cut(body, "\n")
		if s.RecipientName != "" {
			must(greeting == map[Tone]string{Formal: "Dear Jo Park,", Warm: "Dear Jo,", Brief: "Hi Jo,"}[s.Tone], "greeting "+greeting)
		} else {
			must(greeting == map[Tone]string{Formal: "Dear Acme Inc hiring team,", Warm: "Dear Acme Inc team,", Brief: "Hello,"}[s.Tone], "greeting "+greeting)
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
			case Referral:
				must(strings.Contains(body, "Ben Okafor") && strings.Contains(body, "ben@example.org"), "referral missing")
			case Reschedule:
				d, _ := time.Parse(time.DateOnly, s.AlternativeDate)
				must(strings.Contains(body, d.Format("January 2")), "reschedule date missing")
			}
			must(strings.Contains(body, s.ReasonText) == (s.Reason == Custom), "the writer's reason is misplaced")
		}
		switch s.Kind {
		case DeclineInterview:
			must(strings.Contains(body, "decline the interview") || strings.Contains(body, "declining the interview") ||
				strings.Contains(body, "not attend the interview"), "does not decline the interview")
			must(strings.Contains(body, interviewDay), "interview date not woven in")
		case Withdraw:
			must(strings.Contains(body, "withdraw"), "does not withdraw")
			must(!strings.Contains(strings.ToLower(text), "invit"), "speaks of an invitation")
			if c.interview == "past" {
				must(talkWords.MatchString(body) && strings.Contains(body, interviewDay), "does not thank them for the conversation")
			} else {
				must(!talkWords.MatchString(body) && (interviewDay == "" || !strings.Contains(body, interviewDay)), "thanks them for a conversation that has not happened")
				must(strings.Contains(body, "considering my application") || strings.Contains(body, "interest you have taken in my application"),
					"does not thank them for considering the application")
			}
		case DeclineOffer:
			lower := strings.ToLower(text)
			must(strings.Contains(lower, "offer"), "does not mention the offer")
			must(!strings.Contains(lower, "interview") && !strings.Contains(lower, "invit"), "speaks of an interview or invitation")
			must(strings.Contains(body, "decline") || strings.Contains(body, "declining") || strings.Contains(body, "turn down") ||
				strings.Contains(body, "say no to yours"), "does not decline the offer")
		case KeepInTouch:
			must(!decisionWords.MatchString(text), "decides something: "+decisionWords.FindString(text))
			must(!strings.Contains(body, s.ReasonText) && !strings.Contains(body, "Ben Okafor"), "gives a reason or an alternative")
			must(!strings.Contains(body, interviewDay) || interviewDay == "", "mentions the interview date")
			must(strings.Contains(body, "I have since joined a platform team, where I look after our build tools.") == (s.UpdateText != ""),
				"the news is missing, or there without news")
			// It decides nothing: a proofreader told another kind misses the decision.
			for _, k := range []Kind{DeclineInterview, Withdraw, DeclineOffer} {
				if len(findings(text, RuleNoDecision, ProofreadOptions{Kind: k, Name: s.SenderName})) == 0 {
					t.Errorf("%s: reads as a %s letter\n%s", c, k, text)
				}
			}
		}
	}
	want := map[Kind]int{
		DeclineInterview: 8 * 4 * 3 * 2 * 3, Withdraw: 8 * 3 * 3 * 2 * 3, DeclineOffer: 8 * 3 * 3 * 2 * 3,
		KeepInTouch: 3 * 2 * 3 * 2,
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
	used := map[string]bool{}
	for _, c := range everyLetter() {
		for _, group := range c.spec.blockNames(RenderOptions{Today: clocktest.Epoch}) {
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

// TestSubjectsAreEachKindsOwn: no kind borrows another's subject, and none reads like the
// employer's message.
func TestSubjectsAreEachKindsOwn(t *testing.T) {
	owner := map[string]Kind{}
	for _, k := range Kinds {
		for _, tone := range Tones {
			s := baseSpec()
			s.Kind, s.Tone, s.Alternative = k.ID, tone.ID, NoAlternative
			l, err := RenderWith(s, RenderOptions{Today: clocktest.Epoch})
			if err != nil {
				t.Fatal(err)
			}
			if other, ok := owner[l.Subject]; ok && other != k.ID {
				t.Errorf("%s and %s share the subject %q", other, k.ID, l.Subject)
			}
			owner[l.Subject] = k.ID
			if strings.HasPrefix(strings.ToLower(l.Subject), "interview") || strings.HasPrefix(strings.ToLower(l.Subject), "offer") {
				t.Errorf("%s/%s: %q reads like the employer's message", k.ID, tone.ID, l.Subject)
			}
		}
	}
	if len(owner) != len(Kinds)*len(Tones) {
		t.Errorf("%d subjects for %d kinds × %d tones", len(owner), len(Kinds), len(Tones))
	}
}

func TestWithdrawKnowsWhetherTheInterviewTookPlace(t *testing.T) {
	for _, tc := range []struct {
		interview string
		today     time.Time
		talked    bool
	}{
		{clocktest.Day(-1), clocktest.Epoch, true},
		{clocktest.Day(-400), clocktest.Epoch, true},
		{clocktest.Day(0), clocktest.Epoch, false}, // later today: still ahead
		{clocktest.Day(3), clocktest.Epoch, false},
		{"", clocktest.Epoch, false},
		{clocktest.Day(-1), time.Time{}, false}, // no day given: never assume a conversation
	} {
		s := baseSpec()
		s.Kind, s.InterviewDate, s.Tone = Withdraw, tc.interview, Warm
		l, err := RenderWith(s, RenderOptions{Today: tc.today})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(l.Body, "our conversation"); got != tc.talked {
			t.Errorf("interview %q, today %v: thanks for the conversation = %v\n%s", tc.interview, tc.today.Format(time.DateOnly), got, l.Body)
		}
	}
	// Render knows no day.
	s := baseSpec()
	s.Kind, s.InterviewDate = Withdraw, clocktest.Day(-30)
	if l, _ := Render(s); !strings.Contains(l.Body, "considering my application") {
		t.Errorf("Render without a day:\n%s", l.Body)
	}
}

// TestKeepInTouchIgnoresReasonAndAlternative: the note decides nothing, so the reason and
// the alternative a draft still holds — even incomplete ones — neither show nor stop it.
func TestKeepInTouchIgnoresReasonAndAlternative(t *testing.T) {
	s := baseSpec()
	s.Kind, s.Tone = KeepInTouch, Warm
	s.Reason, s.ReasonText = Custom, "I am moving to Lisbon next spring."
	s.Alternative, s.AlternativeDate = Reschedule, "" // would be an error in a deciding letter
	l, err := RenderWith(s, RenderOptions{Today: clocktest.Epoch})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(l.Body, "Lisbon") || strings.Contains(l.Body, "after") && strings.Contains(l.Body, "talk again") {
		t.Errorf("reason or alternative rendered:\n%s", l.Body)
	}
	s.Reason = "" // no reason at all is fine too
	if _, err := RenderWith(s, RenderOptions{}); err != nil {
		t.Errorf("keep-in-touch without a reason: %v", err)
	}
	// Every other kind needs its reason and a complete alternative.
	for _, k := range []Kind{DeclineInterview, Withdraw, DeclineOffer} {
		s.Kind = k
		if err := s.Validate(); err == nil {
			t.Errorf("%s accepted no reason", k)
		}
	}
	// News is for keep-in-touch only: another kind leaves it out.
	s = baseSpec()
	s.UpdateText = "I now lead a small data team."
	if l, _ := Render(s); strings.Contains(l.Body, "data team") {
		t.Errorf("decline-interview carries the news:\n%s", l.Body)
	}
	s.Kind = KeepInTouch
	if l, _ := Render(s); !strings.Contains(l.Body, "I now lead a small data team.") {
		t.Errorf("keep-in-touch lost the news:\n%s", l.Body)
	}
}

func TestKindChoices(t *testing.T) {
	for _, tc := range []struct {
		kind             Kind
		reason, update   bool
		alternatives     string
		reschedule, none bool
	}{
		{"", true, false, "none, reschedule, referral, stay-in-touch", true, true},
		{DeclineInterview, true, false, "none, reschedule, referral, stay-in-touch", true, true},
		{Withdraw, true, false, "none, referral, stay-in-touch", false, true},
		{DeclineOffer, true, false, "none, referral, stay-in-touch", false, true},
		{KeepInTouch, false, true, "", false, false},
	} {
		k := tc.kind
		if k.UsesReason() != tc.reason || k.UsesUpdate() != tc.update || ids(k.Alternatives()) != tc.alternatives ||
			k.Offers(Reschedule) != tc.reschedule || k.Offers("") != tc.none || k.Offers(NoAlternative) != tc.none {
			t.Errorf("%q: reason %v update %v alternatives %q", k, k.UsesReason(), k.UsesUpdate(), ids(k.Alternatives()))
		}
		if k.Label() == "" || k.Label() == string(k) {
			t.Errorf("%q has no label", k)
		}
	}
}

func TestNonsensicalCombinations(t *testing.T) {
	fieldErr := func(s Spec, field string) *FieldError {
		for _, e := range s.FieldErrors() {
			var fe *FieldError
			if errors.As(e, &fe) && fe.Field == field {
				return fe
			}
		}
		return nil
	}
	// Talking again after a date undoes a withdrawal or a declined offer.
	for _, k := range []Kind{Withdraw, DeclineOffer} {
		s := baseSpec()
		s.Kind, s.Alternative, s.AlternativeDate = k, Reschedule, clocktest.Day(90)
		fe := fieldErr(s, "alternative")
		if fe == nil {
			t.Fatalf("%s with reschedule accepted", k)
		}
		for _, want := range []string{"reschedule", "none, referral, stay-in-touch", k.does()} {
			if !strings.Contains(fe.Message, want) {
				t.Errorf("%s: %q lacks %q", k, fe.Message, want)
			}
		}
		if _, err := Render(s); err == nil {
			t.Errorf("%s: rendered with reschedule", k)
		}
		// Moved there by WithKind, the letter offers to stay in touch instead.
		moved := baseSpec()
		moved.Alternative, moved.AlternativeDate = Reschedule, clocktest.Day(90)
		moved = moved.WithKind(k)
		l, err := RenderWith(moved, RenderOptions{Today: clocktest.Epoch})
		if err != nil || moved.Alternative != StayInTouch || !strings.Contains(l.Body, "stay in touch") {
			t.Errorf("%s via WithKind: %v %q\n%s", k, err, moved.Alternative, l.Body)
		}
	}
	// An unknown kind names the valid ones.
	s := baseSpec()
	s.Kind = "thank-you"
	fe := fieldErr(s, "kind")
	if fe == nil || !strings.Contains(fe.Message, `"thank-you"`) || !strings.Contains(fe.Message, "decline-interview, withdraw, decline-offer, keep-in-touch") {
		t.Errorf("unknown kind: %v", fe)
	}
	// The news is one line, whatever the kind.
	s = baseSpec()
	s.UpdateText = "I moved.\nBcc: everyone@example.com"
	if fe := fieldErr(s, "update_text"); fe == nil || !strings.Contains(fe.Message, "one line") {
		t.Errorf("update_text with a line break: %v", fe)
	}
}

func TestWithKind(t *testing.T) {
	s := baseSpec()
	s.Subject, s.Body = "About Monday", "Dear Jo,\n\nmy own words about the interview\n"
	same := s.WithKind(DeclineInterview) // "" is decline-interview: the text still fits
	if same.Body != s.Body || same.Subject != s.Subject || same.Kind != DeclineInterview {
		t.Errorf("same kind lost the text: %+v", same)
	}
	moved := s.WithKind(DeclineOffer)
	if moved.Body != "" || moved.Subject != "" || moved.Kind != DeclineOffer {
		t.Errorf("another kind kept the old text: %+v", moved)
	}
	if moved.Reason != s.Reason || moved.Tone != s.Tone || moved.RecipientName != s.RecipientName {
		t.Errorf("settings lost: %+v", moved)
	}
	// Keep-in-touch keeps a reschedule it ignores, so that switching back restores it.
	s = baseSpec()
	s.Alternative, s.AlternativeDate = Reschedule, clocktest.Day(90)
	if back := s.WithKind(KeepInTouch).WithKind(DeclineInterview); back.Alternative != Reschedule {
		t.Errorf("round trip through keep-in-touch: %q", back.Alternative)
	}
}
