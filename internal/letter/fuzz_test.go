package letter

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
)

// FuzzProofread: any text at all is proofread without panic, and every finding points at
// the exact text it quotes, on rune boundaries, with a line and column that agree; its fix,
// put in place of that text, leaves valid UTF-8 valid. The second input supplies the names
// the app knows and picks the kind.
func FuzzProofread(f *testing.F) {
	f.Add(letterWith("I'm not sure if I'm interested!! [Company Name]"), "Ana Silva")
	f.Add("", "")
	f.Add("\xff\xfe!!\n\n“quoted", "x")
	f.Add("Subject: a\nTo: b\n\n", "")
	f.Add("Best regards,", "Ana Silva")
	f.Add("Dear …,\n\nThank you. I won't attend the the interview; could we reschedule?\n\nKind regard,\nYour Name\nSent from my phone", "Jo Park")
	f.Add("Dear Mr./Ms. Lastname,\n\n(Interviewer Name) __(Position)__ ____ {{name}} <Name> XXX TBD\n\nBest,\n", "Acme")
	f.Add("Hi ,\nrecieved teh adress. Frankly, the process was slow… maybe later?\nCheers", "Ana María de la Cruz")
	f.Add("Dear ,\n\nThanks\u202e!\x1b[31m I I decline.\r\n\r\nBest regards,\r\n", "Ana")
	f.Fuzz(func(t *testing.T, text, name string) {
		name = strings.ToValidUTF8(name, "")
		kinds := []Kind{"", DeclineInterview, Withdraw, DeclineOffer, KeepInTouch, Kind(name)}
		opts := ProofreadOptions{Kind: kinds[len(name)%len(kinds)], Name: name, Recipient: name, Company: name,
			Role: name, Referral: name, Known: strings.Fields(name)}
		for _, fd := range Proofread(text, opts) {
			if fd.Start < 0 || fd.End < fd.Start || fd.End > len(text) {
				t.Fatalf("%s: span %d-%d outside %d bytes", fd.Rule, fd.Start, fd.End, len(text))
			}
			if !onBoundary(text, fd.Start) || !onBoundary(text, fd.End) {
				t.Fatalf("%s: span %d-%d splits a character", fd.Rule, fd.Start, fd.End)
			}
			if text[fd.Start:fd.End] != fd.Text {
				t.Fatalf("%s: text %q, span holds %q", fd.Rule, fd.Text, text[fd.Start:fd.End])
			}
			lineStart := strings.LastIndexByte(text[:fd.Start], '\n') + 1
			if fd.Line != strings.Count(text[:fd.Start], "\n")+1 || fd.Col != utf8.RuneCountInString(text[lineStart:fd.Start])+1 {
				t.Fatalf("%s: line %d col %d wrong for offset %d", fd.Rule, fd.Line, fd.Col, fd.Start)
			}
			if severityOf(fd.Rule) != fd.Severity || fd.Message == "" {
				t.Fatalf("%s: severity %s, message %q", fd.Rule, fd.Severity, fd.Message)
			}
			if fixed := text[:fd.Start] + fd.Fix + text[fd.End:]; utf8.ValidString(text) && !utf8.ValidString(fixed) {
				t.Fatalf("%s: fix %q breaks the text's UTF-8", fd.Rule, fd.Fix)
			}
			if fd.Fix == fd.Text && fd.Fix != "" {
				t.Fatalf("%s: the fix %q changes nothing", fd.Rule, fd.Fix)
			}
		}
	})
}

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
		Proofread(l.Text(), ProofreadOptions{Kind: s.Kind, Name: sender})
	})
}

// onBoundary is an independent check of RuneBoundary: ranging over the text visits every
// character's start.
func onBoundary(text string, pos int) bool {
	if pos == len(text) {
		return true
	}
	for i := range text {
		if i == pos {
			return true
		}
	}
	return false
}
