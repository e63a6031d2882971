package letter

import (
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
)

// FuzzRender: whatever the fields hold, a spec that validates renders, of any kind, and the
// letter has no template placeholder left unfilled. The alternative's byte also picks the
// kind, and the reason text doubles as the writer's news.
func FuzzRender(f *testing.F) {
	f.Add("Jo Park", "Acme", "Go Engineer", "Ana Silva", "Ben", "2026-12-01", uint8(0), uint8(0), uint8(0), "because")
	f.Add("", "{company}", "{{role}}", "Ana María Silva", "", "", uint8(7), uint8(2), uint8(1), "{reason_text}")
	f.Add("Jo Park", "Acme", "Go Engineer", "Ana Silva", "Ben", clocktest.Day(-3), uint8(1), uint8(6), uint8(1), "I moved")
	f.Add("", "Acme", "Go Engineer", "Ana Silva", "", "", uint8(2), uint8(9), uint8(2), "x")
	f.Add("Jo", "Acme", "Go Engineer", "Ana Silva", "", "", uint8(2), uint8(13), uint8(0), "{update_text} {sender_name}")
	f.Fuzz(func(t *testing.T, recipient, company, role, sender, referral, date string, reason, alt, tone uint8, reasonText string) {
		s := Spec{
			RecipientName: recipient, Company: company, Role: role, SenderName: sender, ReferralName: referral,
			InterviewDate: date, AlternativeDate: "2027-01-15", ReasonText: reasonText,
			Reason:      Reasons[int(reason)%len(Reasons)].ID,
			Alternative: Alternatives[int(alt)%len(Alternatives)].ID,
			Tone:        Tones[int(tone)%len(Tones)].ID,
			Kind:        Kinds[int(alt/4)%len(Kinds)].ID,
			UpdateText:  reasonText,
		}
		l, err := RenderWith(s, RenderOptions{Today: clocktest.Epoch})
		if err != nil {
			if s.Validate() == nil {
				t.Fatalf("valid spec refused: %v", err)
			}
			return
		}
		input := recipient + company + role + sender + referral + reasonText
		for _, p := range []string{"{recipient_name}", "{first_name}", "{company}", "{role}", "{on_date}", "{reason_text}",
			"{alternative_date}", "{referral_name}", "{referral_email}", "{update_text}", "{sender_name}"} {
			if strings.Count(l.Body+l.Subject, p) > strings.Count(input, p)*8 {
				t.Fatalf("unfilled %s in:\n%s", p, l.Text())
			}
			if !strings.Contains(input, "{") && strings.Contains(l.Body+l.Subject, p) {
				t.Fatalf("unfilled %s in:\n%s", p, l.Text())
			}
		}
	})
}
