package letter

import (
	"errors"
	"strings"
	"testing"
)

func baseSpec() Spec {
	return Spec{
		RecipientName: "Jo Park", RecipientEmail: "jo@acme.test", Company: "Acme Inc", Role: "Senior Go Engineer",
		InterviewDate: "2026-12-01", Reason: Timing, Alternative: NoAlternative, Tone: Formal,
		SenderName: "Ana Silva", SenderEmail: "ana@example.com",
	}
}

func TestRenderDetails(t *testing.T) {
	s := baseSpec()
	l, err := Render(s)
	if err != nil {
		t.Fatal(err)
	}
	if l.To != "Jo Park <jo@acme.test>" || !strings.HasPrefix(l.Body, "Dear Jo Park,\n\n") || !strings.HasSuffix(l.Body, "Sincerely,\nAna Silva\n") {
		t.Errorf("letter %+v", l)
	}
	if l.Text() != "Subject: "+l.Subject+"\n\n"+l.Body {
		t.Error("Text format")
	}
	s.Tone = Brief
	s.RecipientName = "Dr. Mina Haddad"
	if l, _ := Render(s); !strings.HasPrefix(l.Body, "Hi Dr. Mina Haddad,") {
		t.Errorf("a title keeps the full name: %q", l.Body[:30])
	}
	s.Subject = "My own subject"
	s.Body = "Hi Jo,\r\nmy own words\r\n"
	l, _ = Render(s)
	if l.Subject != "My own subject" || l.Body != "Hi Jo,\nmy own words\n" {
		t.Errorf("overrides: %+v", l)
	}
	s = baseSpec()
	s.RecipientEmail = ""
	if l, _ := Render(s); l.To != "" {
		t.Errorf("To without address: %q", l.To)
	}
	s.RecipientName, s.RecipientEmail = "", "jo@acme.test"
	if l, _ := Render(s); l.To != "jo@acme.test" {
		t.Errorf("To without name: %q", l.To)
	}
	// Text from the spec is never searched for placeholders.
	s = baseSpec()
	s.Company = "{role} Labs"
	if l, _ := Render(s); !strings.Contains(l.Body, "{role} Labs") {
		t.Errorf("spec text was substituted: %s", l.Body)
	}
	// Defaults: no tone is formal, no alternative is none.
	s = baseSpec()
	s.Tone, s.Alternative = "", ""
	if l, err := Render(s); err != nil || !strings.Contains(l.Body, "Sincerely,") {
		t.Errorf("defaults: %v", err)
	}
}

func TestSpecValidation(t *testing.T) {
	for _, tc := range []struct {
		change func(*Spec)
		field  string
		words  string
	}{
		{func(s *Spec) { s.Company = "" }, "company", "enter the company"},
		{func(s *Spec) { s.Role = " " }, "role", "enter the role"},
		{func(s *Spec) { s.SenderName = "" }, "sender_name", "full name"},
		{func(s *Spec) { s.SenderName = "Ana" }, "sender_name", "one word"},
		{func(s *Spec) { s.RecipientEmail = "jo at acme" }, "recipient_email", "not an email address"},
		{func(s *Spec) { s.SenderEmail = "ana@" }, "sender_email", "not an email address"},
		{func(s *Spec) { s.Reason = "" }, "reason", "choose a reason"},
		{func(s *Spec) { s.Reason = "bored" }, "reason", `unknown reason "bored"`},
		{func(s *Spec) { s.Reason = Custom }, "reason_text", "write the reason"},
		{func(s *Spec) { s.Alternative = "lunch" }, "alternative", "unknown alternative"},
		{func(s *Spec) { s.Tone = "angry" }, "tone", "unknown tone"},
		{func(s *Spec) { s.InterviewDate = "12/1/2026" }, "interview_date", "YYYY-MM-DD"},
		{func(s *Spec) { s.Alternative = Reschedule }, "alternative_date", "YYYY-MM-DD"},
		{func(s *Spec) { s.Alternative = Referral }, "referral_name", "name of the person"},
		{func(s *Spec) { s.ReferralEmail = "nope" }, "referral_email", "not an email"},
		{func(s *Spec) { s.Subject = "Hi\r\nBcc: everyone@example.com" }, "subject", "one line"},
		{func(s *Spec) { s.RecipientName = "Jo\nPark" }, "recipient_name", "one line"},
		{func(s *Spec) { s.SenderName = "Ana\x00Silva" }, "sender_name", "control character"},
		{func(s *Spec) { s.RecipientName = "Jo\aPark" }, "recipient_name", "control character"},
		{func(s *Spec) { s.Subject = "Hi\x1b[31m" }, "subject", "control character"},
		{func(s *Spec) { s.Company = "Acme\rInc" }, "company", "one line"},
		{func(s *Spec) { s.Role = "Dev\n" }, "role", "one line"},
		{func(s *Spec) { s.Body = "Hello\x00" }, "body", "NUL"},
	} {
		s := baseSpec()
		tc.change(&s)
		err := s.Validate()
		var fe *FieldError
		found := false
		for _, e := range s.FieldErrors() {
			if errors.As(e, &fe) && fe.Field == tc.field && strings.Contains(fe.Message, tc.words) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: want %q, got %v", tc.field, tc.words, err)
		}
		if _, err := Render(s); err == nil {
			t.Errorf("%s: Render accepted an invalid spec", tc.field)
		}
	}
	good := baseSpec()
	if err := good.Validate(); err != nil {
		t.Errorf("base spec: %v", err)
	}
}

func TestEveryCheckedReasonIsALetterReason(t *testing.T) {
	for _, r := range []string{"another-offer", "career-goals", "not-a-fit", "career-change", "personal", "timing", "compensation", "custom"} {
		if !known(Reasons, Reason(r)) {
			t.Errorf("%s is not a reason", r)
		}
	}
	if len(Reasons) != 8 || len(Alternatives) != 4 || len(Tones) != 3 {
		t.Error("the choices differ from the product's")
	}
}

// A letter that answers a mail takes the subject it is given in place of the template's;
// a subject the writer typed still wins.
func TestTheSubjectOfAnAnswer(t *testing.T) {
	s := baseSpec()
	plain, _ := Render(s)
	l, err := RenderWith(s, RenderOptions{Subject: " Re: Interview next week "})
	if err != nil || l.Subject != "Re: Interview next week" || l.Body != plain.Body {
		t.Errorf("answer: %+v, %v", l, err)
	}
	s.Subject = "My own subject"
	if l, _ := RenderWith(s, RenderOptions{Subject: "Re: Interview next week"}); l.Subject != "My own subject" {
		t.Errorf("the writer's subject: %q", l.Subject)
	}
}
