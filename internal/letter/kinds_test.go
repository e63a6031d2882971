package letter

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
)

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
