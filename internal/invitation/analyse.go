package invitation

import (
	"errors"
	"net/mail"
	"strings"
	"time"

	gomail "github.com/emersion/go-message/mail"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/eml"
)

// maxSubject bounds a subject kept for the reply: longer than any a mail app writes, short
// enough for a header.
const maxSubject = 1000

// maxAnalysed is how much of a text is searched for the fields: enough for any letter,
// and a bound on the time a huge text can take.
const maxAnalysed = 64 << 10

// view is the message the mail is about: the mail itself, or the message it forwards.
type view struct {
	from, replyTo []address
	to            []address // the recipients: the user, never the contact
	subject       string
	sent          time.Time
	messageID     string
	references    []string
	text          string // its whole text
	newest        string // what its sender wrote, without the quoted messages under it
	forwarded     bool   // read from a forwarded copy
	inline        bool   // … forwarded as text, so without its Message-ID
	hasHeader     bool
}

// result reads the fields from a message read by walk.
func (rd *reader) result(top *part) (Result, error) {
	var res Result
	outerText := normalize(partText(top))
	sp := splitText(outerText)
	outer := rd.viewOf(top, outerText, sp)
	v := outer
	subjectForward := hasForwardPrefix(outer.subject)
	short := len(strings.TrimSpace(sp.newest)) < 400
	switch {
	case len(top.inner) > 0 && (subjectForward || short):
		inner := top.inner[0]
		text := normalize(partText(inner))
		v = rd.viewOf(inner, text, splitText(text))
		v.forwarded = true
		outerText = strings.TrimSpace(outerText + "\n\n" + forwardedText(v))
	case sp.inner != nil && (subjectForward || sp.forwardMarker || short && sp.kind != quoteMarks && sp.kind != wroteLine &&
		!hasReplyPrefix(outer.subject) && !quotesRecipient(sp.inner, outer)):
		// A forward: the message under the marker is the one to answer. (A short reply
		// above the user's own quoted message is not one.)
		v = rd.textView(sp.inner, outer)
	}
	if v.forwarded && !v.inline {
		v.to = append(v.to, outer.from...) // the one who forwarded it is not the contact
	}
	if outer.hasHeader && !v.forwarded && !rd.opts.Pasted && !hasAddress(outer.from) && !hasAddress(outer.replyTo) {
		return Result{}, ErrNoSender
	}
	res.Text = outerText
	res.Sent = v.sent
	ref := rd.referenceFor(v)

	// Calendar invitations, from every message of the mail.
	var ev *event
	for _, p := range append([]*part{top}, top.inner...) {
		for _, b := range p.calendars {
			if ev != nil {
				break
			}
			e, err := readCalendar(b, ref)
			switch {
			case errors.Is(err, errCancelled):
				rd.note("The calendar invitation in the mail cancels the event: its date was not taken.")
			case err != nil:
				rd.note("The calendar invitation in the mail could not be read (%s); the date was looked for in the text instead.", err)
			default:
				ev = &e
			}
		}
	}

	newest := cut(v.newest, maxAnalysed)
	if strings.TrimSpace(newest) == "" {
		newest = cut(v.text, maxAnalysed)
	}
	sig := signature(newest)
	lang := language(newest)

	// Who to answer.
	res.ContactName, res.ContactEmail = rd.contact(v, sig, ev, newest)

	// The company and the role.
	var stems []string
	for _, a := range append(append([]address{}, v.replyTo...), v.from...) {
		if d := domainOf(a.email); d != "" && !isServiceDomain(d) {
			if s := squash(stemOf(d)); s != "" && !contains(stems, s) {
				stems = append(stems, s)
			}
		}
	}
	var roles, companies []candidate
	subject := baseSubject(v.subject)
	r, c := readSubject(subject, FromSubject)
	roles, companies = append(roles, r...), append(companies, c...)
	if ev != nil && ev.summary != "" {
		r, c := readSubject(prefix(ev.summary, maxSubject), FromCalendar)
		roles, companies = append(roles, r...), append(companies, c...)
	}
	r, c = readText(newest)
	roles, companies = append(roles, r...), append(companies, c...)
	if older := cut(strings.TrimSpace(strings.TrimPrefix(v.text, v.newest)), maxAnalysed); older != "" {
		// The messages quoted under the newest lines, for what those do not say.
		r, c := readText(older)
		if len(roles) == 0 {
			for _, x := range r {
				x.weight--
				roles = append(roles, x)
			}
		}
		for _, x := range c {
			x.weight--
			companies = append(companies, x)
		}
	}
	companies = append(companies, readSignature(sig, stems)...)
	for _, a := range append(append([]address{}, v.replyTo...), v.from...) {
		if t := teamName(a.name); t != "" {
			companies = append(companies, candidate{t, FromSenderName, companyWeight[FromSenderName]})
		}
	}
	for _, s := range stems {
		if spelled := spelledStem(subject+"\n"+cut(v.text, maxAnalysed), s); spelled != "" {
			companies = append(companies, candidate{spelled, FromDomain, companyWeight[FromDomain]})
		} else if len(companies) == 0 {
			for _, a := range append(append([]address{}, v.replyTo...), v.from...) {
				if d := domainOf(a.email); squash(stemOf(d)) == s {
					companies = append(companies, candidate{nameOfStem(stemOf(d)), FromDomain, companyWeight[FromDomain]})
					break
				}
			}
		}
	}
	// People are not companies: "Interview with Jo Park", "Jo Park via Greenhouse".
	people := map[string]bool{squash(res.ContactName.Value): true}
	for _, a := range v.to {
		people[squash(a.name)] = true
	}
	if len(sig) > 0 && isPersonName(sig[0]) {
		people[squash(sig[0])] = true
	}
	kept := companies[:0]
	for _, c := range companies {
		if k := squash(c.value); !people[k] && !isRole(c.value) && !known.teamWords[k] {
			kept = append(kept, c)
		}
	}
	res.Company = pick(kept, func(name string) bool {
		for _, s := range stems {
			if sameCompany(name, s) {
				return true
			}
		}
		return false
	})
	res.Role = pick(roles, nil)

	// Where.
	var place string
	res.Location, place = readLocation(newest)
	if ev != nil && ev.location != "" {
		place = ev.location
		if city := cityOf(ev.location); city != "" && res.Location.Value == "" {
			res.Location = Guess{city, FromCalendar}
		}
	}

	// When.
	if ev != nil {
		res.Interview = rd.interviewOf(*ev)
	} else {
		res.Interview = rd.pickDate(findDates(newest, ref, lang), ref)
		if res.Interview.Day.IsZero() && v.newest != v.text && strings.TrimSpace(v.newest) != "" {
			// Nothing in the newest lines: the day may be in the message they answer.
			older := cut(strings.TrimSpace(strings.TrimPrefix(v.text, v.newest)), maxAnalysed)
			res.Interview = rd.pickDate(findDates(older, ref, lang), ref)
		}
	}
	res.Interview.Place = place

	// What the mail is about.
	switch s := stageIn(subject); {
	case s != StageUnknown && s == stageIn(subject+"\n"+newest):
		res.Stage, res.StageFrom = s, FromSubject
	default:
		if s := stageIn(subject + "\n" + newest); s != StageUnknown {
			res.Stage, res.StageFrom = s, FromText
		} else if ev != nil && ev.request {
			res.Stage, res.StageFrom = StageInvited, FromCalendar
		}
	}

	if res.Interview.From == FromText && (res.Stage == StageOffer || res.Stage == StageRejected) {
		// An offer's or a rejection's dates are deadlines and past interviews, not an
		// interview to come.
		res.Interview = Interview{Place: res.Interview.Place}
	}

	// The thread to answer in.
	res.Thread = Thread{Subject: v.subject}
	if !v.inline {
		res.Thread.MessageID = v.messageID
		res.Thread.References = v.references
	} else if v.subject != "" {
		rd.note("The invitation was forwarded as text: its Message-ID is not in the mail, so a reply starts a new conversation with the same subject.")
	}
	// Every guess is one line of text, or nothing.
	for _, g := range []*Guess{&res.ContactName, &res.ContactEmail, &res.Company, &res.Role, &res.Location} {
		if g.Value = oneLine(g.Value); g.Value == "" {
			*g = Guess{}
		}
	}
	res.Notes = rd.notes
	return res, nil
}

func hasAddress(list []address) bool {
	for _, a := range list {
		if a.email != "" {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// cut is the start of s, at most n bytes, on a line boundary where there is one.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '\n'); i > n/2 {
		return s[:i]
	}
	return strings.ToValidUTF8(s, "")
}

// partText is the text of a message: its plain text parts, else its HTML as text.
func partText(p *part) string {
	if s := strings.Join(p.plain, "\n\n"); strings.TrimSpace(s) != "" {
		return s
	}
	var b strings.Builder
	for _, h := range p.html {
		b.WriteString(htmlText(h))
		b.WriteString("\n\n")
	}
	return b.String()
}

// viewOf reads the header of a message.
func (rd *reader) viewOf(p *part, text string, sp split) view {
	v := view{text: text, newest: sp.newest, hasHeader: p.header != nil}
	h := p.header
	if h == nil {
		return v
	}
	v.from = addressesOf(h, "From")
	if len(v.from) == 0 {
		v.from = addressesOf(h, "Sender")
	}
	v.replyTo = addressesOf(h, "Reply-To")
	v.to = append(addressesOf(h, "To"), addressesOf(h, "Cc")...)
	v.subject = prefix(headerText(h, "Subject"), maxSubject)
	if t, err := h.Date(); err == nil && !t.IsZero() {
		v.sent = t
	} else if s := h.Get("Date"); s != "" {
		v.sent = looseDate(s, time.UTC)
	} else if s := h.Get("Sent"); s != "" {
		v.sent = looseDate(s, time.UTC) // pasted from Outlook's view of a message
	}
	v.messageID, v.references = rd.threadOf(h)
	return v
}

// textView is a message forwarded as text, under the header lines its forwarder's mail
// app wrote.
func (rd *reader) textView(m *textMessage, outer view) view {
	v := view{forwarded: true, inline: true, text: m.body, hasHeader: true}
	if a, ok := looseAddress(m.fields["from"]); ok {
		v.from = []address{a}
	}
	if a, ok := looseAddress(m.fields["reply-to"]); ok && a.email != "" {
		v.replyTo = []address{a}
	}
	if a, ok := looseAddress(m.fields["to"]); ok {
		v.to = []address{a}
	}
	v.to = append(v.to, outer.from...) // the one who forwarded it is not the contact either
	v.subject = prefix(oneLine(m.fields["subject"]), maxSubject)
	zone := time.UTC
	if !outer.sent.IsZero() {
		zone = outer.sent.Location() // the forwarder's clock is the best guess of the sender's
	}
	v.sent = looseDate(m.fields["date"], zone)
	if v.sent.IsZero() {
		v.sent = outer.sent
	}
	inner := splitText(m.body)
	v.newest = inner.newest
	return v
}

// forwardedText is a forwarded message written out as a mail app shows it, to keep with
// the text of the mail that carried it.
func forwardedText(v view) string {
	var b strings.Builder
	b.WriteString("---------- Forwarded message ----------\n")
	if len(v.from) > 0 {
		b.WriteString("From: " + formatAddress(v.from[0]) + "\n")
	}
	if !v.sent.IsZero() {
		b.WriteString("Date: " + v.sent.Format(time.RFC1123Z) + "\n")
	}
	if v.subject != "" {
		b.WriteString("Subject: " + v.subject + "\n")
	}
	b.WriteString("\n" + v.text)
	return b.String()
}

func formatAddress(a address) string {
	switch {
	case a.name == "":
		return a.email
	case a.email == "":
		return a.name
	}
	return a.name + " <" + a.email + ">"
}

// threadOf reads a message's Message-ID and References (its In-Reply-To when it has no
// References), keeping only identifiers a reply can carry, and the first and latest of a
// very long thread.
func (rd *reader) threadOf(h *gomail.Header) (string, []string) {
	id, err := h.MessageID()
	if err != nil || !eml.ValidMsgID(id) {
		id = strings.Trim(strings.TrimSpace(h.Get("Message-Id")), "<>")
		if !eml.ValidMsgID(id) {
			if h.Get("Message-Id") != "" {
				rd.note("The mail's Message-ID cannot be read: a reply to it starts a new conversation.")
			}
			id = ""
		}
	}
	if id == "" {
		return "", nil // without the mail's own identifier, a reply has nothing to answer
	}
	refs := msgIDs(h.Get("References"))
	if len(refs) == 0 {
		refs = msgIDs(h.Get("In-Reply-To"))
	}
	kept := refs[:0]
	for _, r := range refs {
		if r != id && !contains(kept, r) {
			kept = append(kept, r)
		}
	}
	if len(kept) > maxRefs {
		kept = append(kept[:1], kept[len(kept)-maxRefs+1:]...)
	}
	if len(kept) == 0 {
		return id, nil
	}
	return id, kept
}

// msgIDs reads a list of message identifiers, skipping what is not one; CFWS and comments
// between them are ignored.
func msgIDs(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return out
		}
		id := strings.TrimSpace(s[i+1 : i+j])
		if eml.ValidMsgID(id) {
			out = append(out, id)
		}
		s = s[i+j+1:]
	}
}

// looseDate reads a Date line as mail apps write it above a forwarded message ("Thu, Dec
// 3, 2026 at 9:14 AM", "Donnerstag, 3. Dezember 2026 09:14"), or an RFC 5322 date. A
// time without a zone is taken in zone.
func looseDate(s string, zone *time.Location) time.Time {
	if t, err := mail.ParseDate(s); err == nil {
		return t
	}
	ws := findDates(s, reference{}, "en")
	if len(ws) == 0 || ws[0].date.day() == "" {
		return time.Time{}
	}
	w := ws[0]
	loc := zone
	if w.zone != nil {
		loc = w.zone
	}
	return time.Date(w.date.year, w.date.month, w.date.mday, w.hour, w.minute, 0, 0, loc)
}

// referenceFor is the day and clock that a day without a year is read against: the day
// the message was sent, else the day it is read.
func (rd *reader) referenceFor(v view) reference {
	switch {
	case !v.sent.IsZero():
		return reference{day.Of(v.sent), v.sent.Location()}
	case !rd.opts.Now.IsZero():
		now := rd.opts.Now
		if rd.opts.Location != nil {
			now = now.In(rd.opts.Location)
		}
		return reference{day.Of(now), now.Location()}
	}
	return reference{}
}

// hasReplyPrefix reports whether a subject starts as a reply's does ("Re:", "AW:").
func hasReplyPrefix(subject string) bool {
	s := strings.TrimSpace(subject)
	return s != "" && !hasForwardPrefix(s) && baseSubject(s) != oneLine(s)
}

// quotesRecipient reports whether a message written out under a mail is one the mail's
// recipient sent: the user's own words quoted in a reply.
func quotesRecipient(m *textMessage, outer view) bool {
	a, ok := looseAddress(m.fields["from"])
	if !ok {
		return false
	}
	for _, r := range outer.to {
		if a.email != "" && strings.EqualFold(a.email, r.email) || a.email == "" && a.name != "" && a.name == r.name {
			return true
		}
	}
	return false
}

// hasForwardPrefix reports whether a subject starts as a forwarded mail's does.
func hasForwardPrefix(subject string) bool {
	s := strings.ToLower(strings.TrimSpace(subject))
	for p := range known.fwdPrefixes {
		if strings.HasPrefix(s, p+":") || strings.HasPrefix(s, p+" :") {
			return true
		}
	}
	return false
}

// baseSubject is a subject without its reply and forward prefixes.
func baseSubject(s string) string {
	return strings.TrimPrefix(strings.TrimPrefix(eml.ReplySubject(s), "Re:"), " ")
}

// language guesses which language a text is written in, by its most common words.
func language(text string) string {
	counts := map[string]int{}
	for i, w := range wordsOf(text) {
		if i > 2000 {
			break
		}
		for lang, words := range known.languages {
			if words[w] {
				counts[lang]++
			}
		}
	}
	best, n := "en", 0
	for lang, c := range counts {
		if c > n || c == n && lang < best {
			best, n = lang, c
		}
	}
	return best
}

// interviewOf is the interview as a calendar invitation sets it.
func (rd *reader) interviewOf(ev event) Interview {
	in := Interview{From: FromCalendar}
	if ev.allDay {
		in.Day = day.Of(ev.start)
		return in
	}
	in.Start, in.HasTime, in.HasZone, in.End = ev.start, true, ev.hasZone, ev.end
	in.Day = rd.dayOfStart(ev.start, ev.hasZone)
	return in
}

// dayOfStart is the day of an interview starting at t: where the user is, when the zone
// is known and the user's is given; else as written.
func (rd *reader) dayOfStart(t time.Time, hasZone bool) day.Day {
	if hasZone && rd.opts.Location != nil {
		return day.Of(t.In(rd.opts.Location))
	}
	return day.Of(t)
}

// pickDate chooses the interview's day among the days a text names: days before the mail
// was sent are not it; a day with a time, or on a line about the interview, is more likely.
func (rd *reader) pickDate(ws []when, ref reference) Interview {
	best, bestScore := -1, 0
	var ambiguous []string
	timed := 0
	for i, w := range ws {
		d := w.date.day()
		if d == "" {
			continue
		}
		if !ref.day.IsZero() {
			// Interviews are weeks ahead: a day long past or far off is something else
			// ("your application of 3 November" read as next November).
			t, r := d.Time(), ref.day.Time()
			ahead := r.AddDate(2, 0, 0)
			if !w.hasYear || w.relWeek {
				ahead = r.AddDate(0, 6, 0)
			}
			if t.Before(r) || t.After(ahead) {
				continue
			}
		}
		score := 1
		if w.hasTime {
			score += 3
			timed++
		}
		if w.near {
			score += 2
		}
		if w.relWeek {
			score--
		}
		if score > bestScore {
			best, bestScore = i, score
		}
		if w.ambiguous {
			ambiguous = append(ambiguous, string(d))
		}
	}
	if best < 0 {
		return Interview{}
	}
	w := ws[best]
	in := Interview{Day: w.date.day(), From: FromText}
	if w.ambiguous {
		rd.note("The date %s could be read two ways (day first or month first): check it.", in.Day.Format(day.Long))
	}
	if timed > 1 {
		rd.note("The mail names more than one time: the first likely one was taken; check it.")
	}
	if wd := in.Day.Time().Weekday(); w.hasWeekday && wd != w.weekday {
		rd.note("The mail gives the day as %s, but %s is a %s: check the date.", w.weekday, in.Day.Format(day.DayMonthYear), wd)
	}
	if !w.hasTime {
		return in
	}
	loc, hasZone := ref.zone, false
	if w.zone != nil {
		loc, hasZone = w.zone, true
	}
	if loc == nil {
		loc = time.UTC
	}
	in.Start = time.Date(w.date.year, w.date.month, w.date.mday, w.hour, w.minute, 0, 0, loc)
	in.HasTime, in.HasZone = true, hasZone
	in.Day = rd.dayOfStart(in.Start, hasZone)
	return in
}
