package letter

import (
	_ "embed"
	"fmt"
	"strings"
	"time"
)

//go:embed templates.txt
var templatesText string

// blocks are the named pieces of templates.txt, parsed once.
var blocks = parseBlocks(templatesText)

// parseBlocks reads "[name]" headers and the text under each; # lines are comments.
// Lines of one block are joined with spaces.
func parseBlocks(text string) map[string]string {
	out := map[string]string{}
	var name string
	var lines []string
	flush := func() {
		if name != "" {
			out[name] = strings.Join(lines, " ")
		}
		lines = nil
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			flush()
			name = line[1 : len(line)-1]
		default:
			lines = append(lines, line)
		}
	}
	flush()
	return out
}

// Letter is a letter exactly as it will be sent.
type Letter struct {
	To      string // "Name <address>", the address, or "" when unknown
	Subject string
	Body    string
}

// Render writes the letter of a valid spec. A spec with a body keeps that body as written
// (line breaks made "\n"); otherwise the template of its reason, alternative and tone is
// filled in.
func Render(s Spec) (Letter, error) {
	if err := s.Validate(); err != nil {
		return Letter{}, err
	}
	tone := s.Tone
	if tone == "" {
		tone = Formal
	}
	alt := s.Alternative
	if alt == "" {
		alt = NoAlternative
	}
	fill := s.filler()
	l := Letter{To: s.To(), Subject: strings.TrimSpace(s.Subject)}
	if l.Subject == "" {
		l.Subject = fill.Replace(blocks["subject."+string(tone)])
	}
	if strings.TrimSpace(s.Body) != "" {
		l.Body = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s.Body)
		return l, nil
	}

	greeting := "greeting." + string(tone)
	if strings.TrimSpace(s.RecipientName) == "" {
		greeting += ".unnamed"
	}
	paragraphs := []string{
		blocks[greeting],
		blocks["thanks."+string(tone)],
		blocks["reason."+string(s.Reason)+"."+string(tone)],
	}
	if alt != NoAlternative {
		p := blocks["alternative."+string(alt)+"."+string(tone)]
		if alt == Referral && strings.TrimSpace(s.ReferralEmail) != "" {
			p += " " + blocks["alternative.referral-email."+string(tone)]
		}
		paragraphs = append(paragraphs, p)
	}
	paragraphs = append(paragraphs, blocks["closing."+string(tone)])
	signature := blocks["signoff."+string(tone)] + "\n" + strings.TrimSpace(s.SenderName)
	if sig := strings.TrimSpace(s.Signature); sig != "" {
		signature += "\n" + sig
	}
	paragraphs = append(paragraphs, signature)
	l.Body = fill.Replace(strings.Join(paragraphs, "\n\n")) + "\n"
	return l, nil
}

// To is the recipient as a mail client shows it.
func (s Spec) To() string {
	name, addr := strings.TrimSpace(s.RecipientName), strings.TrimSpace(s.RecipientEmail)
	switch {
	case addr == "":
		return ""
	case name == "":
		return addr
	}
	return name + " <" + addr + ">"
}

// filler substitutes the placeholders in one pass, so that text from the spec is never
// itself searched for placeholders.
func (s Spec) filler() *strings.Replacer {
	onDate := ""
	if d, err := time.Parse(time.DateOnly, s.InterviewDate); err == nil {
		onDate = " on " + d.Format("Monday, January 2")
	}
	altDate := s.AlternativeDate
	if d, err := time.Parse(time.DateOnly, s.AlternativeDate); err == nil {
		altDate = d.Format("January 2")
	}
	reasonText := strings.TrimSpace(s.ReasonText)
	if reasonText != "" && !strings.ContainsAny(reasonText[len(reasonText)-1:], ".!?") {
		reasonText += "."
	}
	name := strings.TrimSpace(s.RecipientName)
	first := name
	if f := strings.Fields(name); len(f) > 1 && !isTitle(f[0]) {
		first = f[0]
	}
	return strings.NewReplacer(
		"{recipient_name}", name,
		"{first_name}", first,
		"{company}", strings.TrimSpace(s.Company),
		"{role}", strings.TrimSpace(s.Role),
		"{on_date}", onDate,
		"{reason_text}", reasonText,
		"{alternative_date}", altDate,
		"{referral_name}", strings.TrimSpace(s.ReferralName),
		"{referral_email}", strings.TrimSpace(s.ReferralEmail),
	)
}

// isTitle reports whether a word is a courtesy title, after which the first name is not
// the next word people would greet ("Dr. Ana Silva" is greeted in full).
func isTitle(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "mr", "mrs", "ms", "mx", "dr", "prof", "sir", "dame":
		return true
	}
	return false
}

// Text is the letter as plain text: "Subject: …", a blank line, then the body.
func (l Letter) Text() string {
	return fmt.Sprintf("Subject: %s\n\n%s", l.Subject, l.Body)
}
