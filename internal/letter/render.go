package letter

import (
	_ "embed"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
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

// RenderOptions tell Render what the spec cannot: the day the letter is written, and the
// subject of a letter that answers a mail.
type RenderOptions struct {
	// Today decides whether the spec's interview has taken place: a withdrawal after an
	// interview thanks them for the conversation, one before it for considering the
	// application. An interview on Today itself is still ahead. The zero Today knows no
	// day, and a letter that cannot tell never thanks anyone for a conversation that may
	// not have happened.
	Today time.Time
	// Subject, when set, is the subject in place of the template's for a spec without a
	// subject of its own: "Re: …" for a letter that answers a mail.
	Subject string
}

// Render writes the letter of a valid spec on an unknown day: see RenderOptions.Today.
func Render(s Spec) (Letter, error) { return RenderWith(s, RenderOptions{}) }

// RenderWith writes the letter of a valid spec. A spec with a body keeps that body as
// written (line breaks made "\n"); otherwise the template of its kind, reason, alternative
// and tone is filled in.
func RenderWith(s Spec, o RenderOptions) (Letter, error) {
	if err := s.Validate(); err != nil {
		return Letter{}, err
	}
	names := s.blockNames(o)
	fill := s.filler()
	l := Letter{To: s.To(), Subject: strings.TrimSpace(s.Subject)}
	if l.Subject == "" {
		l.Subject = strings.TrimSpace(o.Subject)
	}
	if l.Subject == "" {
		l.Subject = fill.Replace(blocks[names[0]])
	}
	if strings.TrimSpace(s.Body) != "" {
		l.Body = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s.Body)
		return l, nil
	}
	paragraphs := make([]string, 0, len(names))
	for _, group := range names[1:] {
		var sentences []string
		for _, name := range strings.Split(group, "+") {
			sentences = append(sentences, blocks[name])
		}
		paragraphs = append(paragraphs, strings.Join(sentences, " "))
	}
	signature := paragraphs[len(paragraphs)-1] + "\n" + strings.TrimSpace(s.SenderName)
	if sig := strings.TrimSpace(s.Signature); sig != "" {
		signature += "\n" + sig
	}
	paragraphs[len(paragraphs)-1] = signature
	l.Body = fill.Replace(strings.Join(paragraphs, "\n\n")) + "\n"
	return l, nil
}

// blockNames lists the templates.txt blocks a letter is made of: the subject, then one
// entry per paragraph — greeting, thanks, … sign-off — with "+" joining blocks that share
// a paragraph. A block named for the kind ("withdraw.closing.warm") is preferred to the
// one all kinds share ("closing.warm"). s must be valid.
func (s Spec) blockNames(o RenderOptions) []string {
	kind := s.Kind.OrDefault()
	tone := s.Tone
	if tone == "" {
		tone = Formal
	}
	alt := s.Alternative
	if alt == "" {
		alt = NoAlternative
	}
	pick := func(part string) string {
		name := part + "." + string(tone)
		if _, ok := blocks[string(kind)+"."+name]; ok {
			return string(kind) + "." + name
		}
		return name
	}
	greeting := "greeting"
	if strings.TrimSpace(s.RecipientName) == "" {
		greeting += ".unnamed"
	}
	names := []string{pick("subject"), pick(greeting)}
	switch {
	case kind == KeepInTouch:
		names = append(names, pick("thanks"))
		if strings.TrimSpace(s.UpdateText) != "" {
			names = append(names, pick("update"))
		}
		names = append(names, pick("door"))
	case kind == Withdraw && s.interviewed(o.Today):
		names = append(names, pick("thanks.interviewed"), pick("reason."+string(s.Reason)))
	default:
		names = append(names, pick("thanks"), pick("reason."+string(s.Reason)))
	}
	if kind.UsesReason() && alt != NoAlternative {
		p := pick("alternative." + string(alt))
		if alt == Referral && strings.TrimSpace(s.ReferralEmail) != "" {
			p += "+" + pick("alternative.referral-email")
		}
		names = append(names, p)
	}
	return append(names, pick("closing"), pick("signoff"))
}

// interviewed reports whether the spec's interview took place before today.
func (s Spec) interviewed(today time.Time) bool {
	if s.InterviewDate == "" || today.IsZero() {
		return false
	}
	return s.InterviewDate < today.Format(time.DateOnly) // both YYYY-MM-DD
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
		"{reason_text}", sentence(s.ReasonText),
		"{update_text}", sentence(s.UpdateText),
		"{sender_name}", strings.TrimSpace(s.SenderName),
		"{alternative_date}", altDate,
		"{referral_name}", strings.TrimSpace(s.ReferralName),
		"{referral_email}", strings.TrimSpace(s.ReferralEmail),
	)
}

// sentence is text the user wrote, trimmed, ending with a full stop unless it ends with
// its own punctuation.
func sentence(text string) string {
	text = strings.TrimSpace(text)
	if last, _ := utf8.DecodeLastRuneInString(text); text != "" && !strings.ContainsRune(".!?…", last) {
		text += "."
	}
	return text
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
