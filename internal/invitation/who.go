package invitation

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/emersion/go-message/mail"

	"github.com/declinedesk/declinedesk/internal/mailaddr"
)

// address is a mailbox as a mail names it.
type address struct{ name, email string }

// emailPattern finds an address in free text.
var emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+'\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?)+`)

// addressesOf reads an address field of a header; a field that is not quite RFC 5322
// ("Park, Jo <jo@…>" unquoted, a missing ">") is read loosely.
func addressesOf(h *mail.Header, key string) []address {
	if h == nil || h.Get(key) == "" {
		return nil
	}
	if list, err := h.AddressList(key); err == nil && len(list) > 0 {
		out := make([]address, 0, len(list))
		for _, a := range list {
			out = append(out, address{cleanName(a.Name, a.Address), strings.TrimSpace(a.Address)})
		}
		return out
	}
	if a, ok := looseAddress(headerText(h, key)); ok {
		return []address{a}
	}
	return nil
}

// looseAddress reads "Jo Park <jo@…>", "Jo Park [mailto:jo@…]", "Park, Jo <jo@…>" or a
// bare address, as mail apps write them above a forwarded message. A name with no address
// is returned too (Outlook leaves the address out for people of the same company).
func looseAddress(s string) (address, bool) {
	s = oneLine(prefix(s, 1000)) // an address, even with its name, is never longer
	if s == "" {
		return address{}, false
	}
	if a, err := mail.ParseAddress(s); err == nil {
		return address{cleanName(a.Name, a.Address), a.Address}, true
	}
	loc := emailPattern.FindStringIndex(s)
	if loc == nil {
		return address{name: cleanName(s, "")}, cleanName(s, "") != ""
	}
	email := s[loc[0]:loc[1]]
	name := s[:loc[0]] + " " + s[loc[1]:]
	name = strings.NewReplacer("mailto:", " ", "<", " ", ">", " ", "[", " ", "]", " ", "(", " ", ")", " ").Replace(name)
	return address{cleanName(name, email), email}, true
}

// cleanName is a display name as a person would write it: no quotes, "First Last" for
// "Last, First", nothing when it is only the address again.
func cleanName(name, email string) string {
	name = oneLine(strings.Trim(oneLine(name), `"' ,;`))
	if name == "" || strings.Contains(name, "@") || strings.EqualFold(name, email) {
		return ""
	}
	if last, first, ok := strings.Cut(name, ", "); ok && !strings.Contains(first, ",") &&
		len(strings.Fields(last)) <= 2 && len(strings.Fields(first)) <= 2 && isPersonName(first+" "+last) {
		return first + " " + last
	}
	return name
}

// usableEmail reports whether an address can go in the To line of a reply.
func usableEmail(e string) bool {
	if e == "" || mailaddr.Check(e) != nil {
		return false
	}
	for i := 0; i < len(e); i++ {
		if e[i] >= 0x80 {
			return false
		}
	}
	return true
}

// isNoReply reports whether an address takes no replies (noreply@, do-not-reply@ …).
func isNoReply(email string) bool {
	local, _, _ := strings.Cut(strings.ToLower(email), "@")
	if known.noReply[local] {
		return true
	}
	squashed := strings.NewReplacer("-", "", "_", "", ".", "").Replace(local)
	return strings.Contains(squashed, "noreply") || strings.Contains(squashed, "donotreply")
}

// domainOf is the domain of an address, lowercased.
func domainOf(email string) string {
	_, d, _ := strings.Cut(strings.ToLower(email), "@")
	return strings.TrimSuffix(d, ".")
}

// inList reports whether domain or one of its parents is in s.
func inList(s set, domain string) bool {
	for d := domain; d != ""; {
		if s[d] {
			return true
		}
		_, rest, ok := strings.Cut(d, ".")
		if !ok {
			break
		}
		d = rest
	}
	return false
}

// isServiceDomain reports whether mail from domain is sent by a service (an applicant
// tracking system, a job board) or a free mail provider: the domain is not the company's.
func isServiceDomain(domain string) bool {
	return inList(known.ats, domain) || inList(known.freemail, domain)
}

// stemOf is the name a company registered its domain under: "fernwood-labs" for
// careers.fernwood-labs.co.uk.
func stemOf(domain string) string {
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return ""
	}
	n := len(labels) - 1
	if len(labels) >= 3 && known.suffixes[labels[n-1]+"."+labels[n]] {
		n--
	}
	return labels[n-1]
}

// isPersonName reports whether s reads as a person's name: two to five words that start
// with a capital (or are particles such as "van", "de"), no digits, no team words.
func isPersonName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 || len([]rune(s)) > 60 {
		return false
	}
	caps := 0
	for _, w := range words {
		r := []rune(w)
		lw := strings.ToLower(strings.Trim(w, ".,"))
		switch {
		case known.teamWords[lw] || known.legalForms[lw] || known.roleWords[lw]:
			return false
		case strings.ContainsFunc(w, func(r rune) bool { return unicode.IsDigit(r) || r == '@' || r == '|' || r == '&' }):
			return false
		case unicode.IsUpper(r[0]):
			caps++
		case isParticle(lw):
		default:
			return false
		}
	}
	return caps >= 2
}

func isParticle(w string) bool {
	switch w {
	case "de", "van", "von", "der", "den", "da", "di", "del", "la", "le", "du", "dos", "das", "y", "e", "ten", "ter", "bin", "al", "el":
		return true
	}
	return false
}

// senderName is a display name with what a relay adds taken off: "Jo Park via Greenhouse"
// is Jo Park.
func senderName(name string) string {
	if i := strings.Index(strings.ToLower(name), " via "); i > 0 {
		return strings.TrimSpace(name[:i])
	}
	return name
}

// teamName is what remains of a sender's name that names a team ("Fernwood Labs
// Recruiting", "Careers at Fernwood Labs", "Fernwood Labs via Greenhouse") once the team
// words are taken off: the company. "" when the name is not a team's.
func teamName(name string) string {
	if i := strings.Index(strings.ToLower(name), " via "); i > 0 {
		return strings.TrimSpace(name[:i])
	}
	words := strings.Fields(name)
	var kept []string
	team := false
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",.:|-–"))
		if known.teamWords[lw] || lw == "at" || lw == "bei" || lw == "chez" || lw == "the" || (lw == "&" || lw == "and") && len(kept) == 0 {
			team = team || known.teamWords[lw]
			continue
		}
		if w = strings.Trim(w, ",:|-–"); w != "" {
			kept = append(kept, w)
		}
	}
	for len(kept) > 0 && (kept[len(kept)-1] == "&" || strings.EqualFold(kept[len(kept)-1], "and")) {
		kept = kept[:len(kept)-1]
	}
	if !team || len(kept) == 0 || len(kept) > 5 {
		return ""
	}
	return strings.Join(kept, " ")
}
