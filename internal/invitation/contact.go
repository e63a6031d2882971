package invitation

import (
	"strings"
	"unicode"
)

// contact chooses who to answer: the Reply-To when it takes replies, else the sender; when
// both are addresses that take no replies, an address in the signature, the calendar
// invitation's organizer or the text. The name goes with the address, else it is the
// signature's.
func (rd *reader) contact(v view, sig []string, ev *event, text string) (name, email Guess) {
	srcReply, srcFrom := FromReplyTo, FromSender
	if v.forwarded {
		srcReply, srcFrom = FromForwarded, FromForwarded
	}
	type cand struct {
		a    address
		from Source
	}
	var cands []cand
	for _, a := range v.replyTo {
		cands = append(cands, cand{a, srcReply})
	}
	for _, a := range v.from {
		cands = append(cands, cand{a, srcFrom})
	}
	noReply := ""
	for _, c := range cands {
		if !usableEmail(c.a.email) {
			continue
		}
		if isNoReply(c.a.email) {
			if noReply == "" {
				noReply = c.a.email
			}
			continue
		}
		email = Guess{c.a.email, c.from}
		if n := personOf(c.a.name); n != "" && !namesMailbox(n, c.a.email) {
			name = Guess{n, c.from}
		}
		break
	}
	excluded := map[string]bool{}
	for _, a := range v.to {
		excluded[strings.ToLower(a.email)] = true
	}
	other := func(found string) bool {
		return usableEmail(found) && !isNoReply(found) && !excluded[strings.ToLower(found)] && !inList(known.ats, domainOf(found))
	}
	if email.Value == "" {
		for _, line := range sig {
			if found := addressesIn(line, 1); len(found) > 0 && other(found[0]) {
				email = Guess{found[0], FromSignature}
				break
			}
		}
	}
	if email.Value == "" && ev != nil && other(ev.organizer.email) {
		email = Guess{ev.organizer.email, FromCalendar}
		if n := personOf(ev.organizer.name); n != "" {
			name = Guess{n, FromCalendar}
		}
	}
	if email.Value == "" {
		for _, e := range addressesIn(text, 20) {
			if other(e) {
				email = Guess{e, FromText}
				break
			}
		}
	}
	if name.Value == "" && len(sig) > 0 && isPersonName(sig[0]) {
		name = Guess{sig[0], FromSignature}
	}
	if name.Value == "" {
		for _, c := range cands {
			if n := personOf(c.a.name); n != "" && !namesMailbox(n, c.a.email) {
				name = Guess{n, c.from}
				break
			}
		}
	}
	switch {
	case email.Value == "" && noReply != "":
		rd.note("The mail came from an address that takes no replies (%s): add the recruiter's address yourself.", noReply)
	case email.Value == "" && len(cands) > 0:
		rd.note("The sender's address cannot be read: add the recruiter's address yourself.")
	case email.Value == "":
		rd.note("No sender address was found: add the recruiter's address yourself.")
	}
	return name, email
}

// personOf is a display name when it names a person, not a team or a service: "Jo Park
// via Greenhouse" is Jo Park, "Fernwood Labs Recruiting" is nobody.
func personOf(display string) string {
	n := strings.TrimSpace(senderName(display))
	if n == "" || teamName(display) != "" && !strings.Contains(strings.ToLower(display), " via ") {
		return ""
	}
	if isPersonName(n) {
		return n
	}
	words := strings.Fields(n)
	if len(words) == 1 {
		w := strings.ToLower(words[0])
		r := []rune(words[0])
		if unicode.IsUpper(r[0]) && !known.teamWords[w] && !known.legalForms[w] && !known.roleWords[w] &&
			!strings.ContainsFunc(n, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) {
			return n
		}
	}
	return ""
}

// namesMailbox reports whether a display name is the company's or a team's rather than a
// person's: "Brightwater Analytics <careers@brightwater-analytics.test>".
func namesMailbox(name, email string) bool {
	if isNoReply(email) {
		return false // a relay's sender line: "Sam Ortiz <no-reply@hire.lever.co>" is Sam
	}
	local, _, _ := strings.Cut(strings.ToLower(email), "@")
	for _, w := range strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '-' || r == '_' || r == '+' }) {
		if known.teamWords[w] {
			return true
		}
	}
	d := domainOf(email)
	return !isServiceDomain(d) && sameCompany(name, squash(stemOf(d)))
}

// addressesIn finds up to n addresses in a text, looking only around its @ signs.
func addressesIn(text string, n int) []string {
	var out []string
	for i := 0; i < len(text) && len(out) < n; {
		at := strings.IndexByte(text[i:], '@')
		if at < 0 {
			break
		}
		at += i
		s, e := at-64, at+256
		if s < 0 {
			s = 0
		}
		if e > len(text) {
			e = len(text)
		}
		loc := emailPattern.FindStringIndex(text[s:e])
		if loc == nil || s+loc[1] <= at {
			i = at + 1
			continue
		}
		out = append(out, text[s+loc[0]:s+loc[1]])
		i = s + loc[1]
	}
	return out
}
