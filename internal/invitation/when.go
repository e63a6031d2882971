package invitation

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/day"
)

// datePatterns are the ways a day is written in the languages read. Month and weekday
// names are matched as any word and looked up in words/calendar.txt afterwards: patterns
// with every name in them run ten times slower on a long mail.
type datePatterns struct {
	dayMonth, monthDay, dotted, iso, slashed     *regexp.Regexp
	time12, range12, time24, timeUhr, noon, zone *regexp.Regexp
	interviewWords                               *regexp.Regexp
}

var dates = compileDates(known)

func compileDates(l *lexicon) *datePatterns {
	// An optional weekday before the date: "Thursday, ", "Mo., ", "Montag, den ".
	wd := `(?:(\p{L}{2,11})(\.?,?)\s+(?:(?:the|le|el|den|der|am|il)\s+)?)?`
	return &datePatterns{
		// 14 December 2026, Monday 14. Dezember, le 10 décembre, 10 de diciembre de 2026, the 3rd of May
		dayMonth: regexp.MustCompile(`(?i)\b` + wd + `(?:the\s+)?(\d{1,2})(?:st|nd|rd|th|er|\.|º|°)?\s*(?:of\s+|de\s+)?(\p{L}{3,10})\.?(?:,?\s+(?:de\s+|of\s+)?(\d{4}))?`),
		// December 10, Thursday, December 10, 2026, Dec. 10th
		monthDay: regexp.MustCompile(`(?i)\b` + wd + `(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?`),
		// 14.12.2026, Mo., 14.12., 14.12.26
		dotted: regexp.MustCompile(`(?i)\b` + wd + `(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?`),
		// 2026-12-14
		iso: regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`),
		// 10/12/2026: which is the day depends on the language
		slashed: regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b`),
		// 2:00 PM, 2 pm, 2.30p.m.
		time12: regexp.MustCompile(`(?i)\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?`),
		// 2-3 pm, 2:00 – 3:00 PM, 11 to 12 am
		range12: regexp.MustCompile(`(?i)\b(\d{1,2})(?:[:.](\d{2}))?\s*(?:-|–|—|to|until)\s*(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?`),
		// 14:00, 14.00 Uhr, 14h00, 9:30
		time24: regexp.MustCompile(`(?i)\b([01]?\d|2[0-3])(?::|\.|h|\s?h\s?)([0-5]\d)\b(?:\s*(?:uhr|h)\b)?`),
		// 10 Uhr, 14h, 14 h
		timeUhr: regexp.MustCompile(`(?i)\b([01]?\d|2[0-3])\s*(?:uhr|h)\b`),
		noon:    regexp.MustCompile(`(?i)\b(noon|midday|mittags)\b`),
		// (CET), UTC+1, GMT-05:00, EST
		zone:           regexp.MustCompile(`^\s*\(?\s*(?:(UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?|(` + l.zoneRe + `))\b`),
		interviewWords: regexp.MustCompile(`(?i)(interview|gespräch|gespraech|termin|entretien|entrevista|colloquio|gesprek|call|meeting|appointment|slot|rendez-vous|reunión|video)`),
	}
}

// maxDates bounds the days read from one text: each is weighed against the others.
const maxDates = 100

// written is a day as a text writes it: the year is 0 until resolve gives it one when the
// text names none.
type written struct {
	year  int
	month time.Month
	mday  int
}

// day is the calendar day written, or "" when there is no such day or it falls outside the
// years the tracker takes.
func (w written) day() day.Day {
	t := time.Date(w.year, w.month, w.mday, 0, 0, 0, 0, time.UTC)
	if t.Year() != w.year || t.Month() != w.month || t.Day() != w.mday {
		return ""
	}
	if d := day.Of(t); d.Valid() {
		return d
	}
	return ""
}

// when is one day found in a text, perhaps with a time.
type when struct {
	date               written
	hasYear            bool
	weekday            time.Weekday
	hasWeekday         bool
	hour, minute       int
	hasTime            bool
	zone               *time.Location
	start, end         int // of the date in the text
	zoneAt             int // where the time read ended, in the text searched for it
	near               bool
	ambiguous, relWeek bool
}

// reference is what a day without a year is read against: the day the mail was sent,
// where it was sent.
type reference struct {
	day  day.Day
	zone *time.Location // the sender's clock: a time without a zone is in it
}

// digitWindows are the stretches of a text around its numbers, from a word boundary about
// 48 bytes before to one 48 bytes after: every written date has a number, and lies within
// them. Searching only there keeps a long mail fast.
func digitWindows(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) {
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		s, e := i-48, j+48
		if s <= 0 {
			s = 0
		} else {
			for s < i && text[s] != ' ' && text[s] != '\n' {
				s++
			}
		}
		if e >= len(text) {
			e = len(text)
		} else {
			for e < len(text) && text[e] != ' ' && text[e] != '\n' {
				e++
			}
		}
		if n := len(out); n > 0 && s <= out[n-1][1] {
			out[n-1][1] = e
		} else {
			out = append(out, [2]int{s, e})
		}
		i = j
	}
	return out
}

// scan finds the matches of re in the windows of text that accept takes, in order. A
// match it refuses does not hide one that starts inside it: the search goes on after its
// first word.
func scan(re *regexp.Regexp, text string, windows [][2]int, accept func(m []int) bool) {
	for _, w := range windows {
		scanWindow(re, text, w[0], w[1], accept)
	}
}

func scanWindow(re *regexp.Regexp, text string, from, to int, accept func(m []int) bool) {
	for pos := from; pos < to; {
		m := re.FindStringSubmatchIndex(text[pos:to])
		if m == nil {
			return
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += pos
			}
		}
		if accept(m) {
			pos = m[1]
			if m[1] == m[0] {
				pos++
			}
			continue
		}
		next := m[0] + 1
		for next < to && (isWordByte(text[next]) || text[next]&0xC0 == 0x80) {
			next++
		}
		pos = next
	}
}

// weekdayAt reads the optional weekday of a date match (groups g, g+1: the word and the
// punctuation after it): a name of two letters counts only as "Do." or "Do,".
func weekdayAt(text string, m []int, g int) (time.Weekday, bool) {
	if m[2*g] < 0 {
		return 0, false
	}
	name := strings.ToLower(text[m[2*g]:m[2*g+1]])
	if len([]rune(name)) <= 2 && m[2*g+2] == m[2*g+3] {
		return 0, false
	}
	wd, ok := known.weekdays[name]
	return wd, ok
}

// findDates lists the days a text names, in order.
func findDates(text string, ref reference, lang string) []when {
	var out []when
	taken := func(s, e int) bool {
		for _, w := range out {
			if s < w.end && e > w.start {
				return true
			}
		}
		return false
	}
	// add keeps a date, starting at its weekday when it has one, else at from.
	add := func(w when, m []int, from int) bool {
		s := m[0]
		if !w.hasWeekday {
			s = from
		}
		if taken(s, m[1]) {
			return false
		}
		w.start, w.end = s, m[1]
		out = append(out, w)
		return true
	}
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	windows := digitWindows(text)
	group := func(m []int, g int) string { return text[m[2*g]:m[2*g+1]] }
	// named keeps a date whose month is a name, its day and month in the groups given, an
	// optional weekday in group 1 and an optional year in group 5.
	named := func(m []int, monthGroup, dayGroup int) bool {
		mo, ok := known.months[strings.ToLower(group(m, monthGroup))]
		if !ok {
			return false
		}
		w := when{date: written{mday: num(group(m, dayGroup)), month: mo}}
		w.weekday, w.hasWeekday = weekdayAt(text, m, 1)
		if m[10] >= 0 {
			w.date.year, w.hasYear = num(group(m, 5)), true
		}
		return add(w, m, m[6])
	}
	scan(dates.iso, text, windows, func(m []int) bool {
		return add(when{date: written{num(text[m[2]:m[3]]), time.Month(num(text[m[4]:m[5]])), num(text[m[6]:m[7]])}, hasYear: true}, m, m[0])
	})
	scan(dates.dayMonth, text, windows, func(m []int) bool { return named(m, 4, 3) })
	scan(dates.monthDay, text, windows, func(m []int) bool {
		if e := m[1]; e < len(text) && (text[e] == ':' || text[e] == '.' && e+1 < len(text) && isDigit(text[e+1])) {
			return false // "May 10:30" is a time
		}
		return named(m, 3, 4)
	})
	scan(dates.dotted, text, windows, func(m []int) bool {
		s, e := m[6], m[1]
		if s > 0 && (isDigit(text[s-1]) || text[s-1] == '.') || e < len(text) && isDigit(text[e]) ||
			m[10] >= 0 && e+1 < len(text) && text[e] == '.' && isDigit(text[e+1]) {
			return false // part of a longer number, such as a version or a phone number
		}
		w := when{date: written{mday: num(text[m[6]:m[7]]), month: time.Month(num(text[m[8]:m[9]]))}}
		w.weekday, w.hasWeekday = weekdayAt(text, m, 1)
		if m[10] >= 0 {
			w.date.year, w.hasYear = fullYear(num(text[m[10]:m[11]])), true
		}
		return add(w, m, m[6])
	})
	scan(dates.slashed, text, windows, func(m []int) bool {
		a, b := num(text[m[2]:m[3]]), num(text[m[4]:m[5]])
		w := when{hasYear: true}
		w.date.year = fullYear(num(text[m[6]:m[7]]))
		switch {
		case a > 12:
			w.date.month, w.date.mday = time.Month(b), a
		case b > 12:
			w.date.month, w.date.mday = time.Month(a), b
		case lang == "en":
			w.date.month, w.date.mday, w.ambiguous = time.Month(a), b, a != b
		default:
			w.date.month, w.date.mday, w.ambiguous = time.Month(b), a, a != b
		}
		return add(w, m, m[0])
	})
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	if len(out) > maxDates {
		out = out[:maxDates] // the interview is among the first days a mail names
	}
	for i := range out {
		out[i].resolve(ref)
	}
	valid := out[:0]
	for _, w := range out {
		if w.date.day() != "" {
			valid = append(valid, w)
		}
	}
	out = valid
	if len(out) == 0 && !ref.day.IsZero() {
		out = relativeDays(prefix(text, 16<<10), ref)
	}
	for i := range out {
		out[i].findTime(text, out, ref)
		lineStart := strings.LastIndexByte(text[:out[i].start], '\n') + 1
		if lineStart < out[i].start-120 {
			lineStart = out[i].start - 120
		}
		lineEnd := out[i].end + strings.IndexByte(prefix(text[out[i].end:], 120)+"\n", '\n')
		out[i].near = dates.interviewWords.MatchString(text[lineStart:lineEnd])
	}
	return out
}

// relativeDays reads a day named only by its weekday ("on Thursday at 2 PM": the next
// one) or as tomorrow. Weekdays count only written in full.
func relativeDays(text string, ref reference) []when {
	var out []when
	base := ref.day.Time()
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		w := strings.ToLower(text[i:j])
		if wd, ok := known.weekdays[w]; ok && utf8.RuneCountInString(w) >= 5 {
			t := base.AddDate(0, 0, (int(wd)-int(base.Weekday())+6)%7+1)
			out = append(out, when{date: writtenOf(t), hasYear: true, relWeek: true, start: i, end: j})
		} else if known.tomorrow[w] {
			out = append(out, when{date: writtenOf(base.AddDate(0, 0, 1)), hasYear: true, relWeek: true, start: i, end: j})
		}
		i = j
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// fullYear reads a two-digit year as this century's.
func fullYear(y int) int {
	if y < 100 {
		return 2000 + y
	}
	return y
}

// writtenOf is the day of t, as if written out in full.
func writtenOf(t time.Time) written { return written{t.Year(), t.Month(), t.Day()} }

// resolve gives a day without a year the year that makes it the next such day on or after
// the reference day. A weekday that does not fit is a slip of the writer's, not a hint at
// another year: the caller notes it.
func (w *when) resolve(ref reference) {
	if w.hasYear || ref.day.IsZero() {
		return
	}
	from := ref.day.Time().Year()
	for y := from; y <= from+4; y++ { // 29 February waits up to four years
		if d := (written{y, w.date.month, w.date.mday}).day(); d != "" && d >= ref.day {
			w.date.year = y
			return
		}
	}
}

// findTime looks for a time of day just after the date ("December 10 at 2:00 PM", "um 10
// Uhr"), else just before it ("at 2 PM on Thursday"), on the same line.
func (w *when) findTime(text string, all []when, ref reference) {
	// Mails wrap lines: the time may be on the next line, but not in the next paragraph.
	after := text[w.end:]
	if len(after) > 60 {
		after = after[:60]
	}
	if i := strings.Index(after, "\n\n"); i >= 0 {
		after = after[:i]
	}
	after = strings.ReplaceAll(after, "\n", " ")
	// Stop at the next date: its time is its own.
	for _, o := range all {
		if o.start >= w.end && o.start-w.end < len(after) {
			after = after[:o.start-w.end]
		}
	}
	if w.readTime(after, 0) {
		w.readZone(after)
		return
	}
	before := text[:w.start]
	if len(before) > 40 {
		before = before[len(before)-40:]
	}
	if i := strings.LastIndex(before, "\n\n"); i >= 0 {
		before = before[i+2:]
	}
	before = strings.ReplaceAll(before, "\n", " ")
	for _, o := range all {
		if o.end <= w.start && w.start-o.end < len(before) {
			before = before[len(before)-(w.start-o.end):]
		}
	}
	if w.readTime(before, -1) {
		w.readZone(before)
	}
}

// readTime reads the first time in s (the last, when from < 0), and remembers where it
// ended so that a zone after it can be read.
func (w *when) readTime(s string, from int) bool {
	type hit struct{ start, end, h, m int }
	var hits []hit
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	for _, m := range dates.range12.FindAllStringSubmatchIndex(s, -1) {
		h, min := num(s[m[2]:m[3]]), 0
		if m[4] >= 0 {
			min = num(s[m[4]:m[5]])
		}
		end := num(s[m[6]:m[7]]) % 12
		pm := strings.EqualFold(s[m[10]:m[11]], "p")
		if pm {
			end += 12
		}
		h %= 12
		if pm && h+12 <= end {
			h += 12
		}
		hits = append(hits, hit{m[0], m[1], h, min})
	}
	for _, m := range dates.time12.FindAllStringSubmatchIndex(s, -1) {
		h, min := num(s[m[2]:m[3]]), 0
		if h < 1 || h > 12 {
			continue
		}
		if m[4] >= 0 {
			min = num(s[m[4]:m[5]])
		}
		h %= 12
		if strings.EqualFold(s[m[6]:m[7]], "p") {
			h += 12
		}
		hits = append(hits, hit{m[0], m[1], h, min})
	}
	for _, m := range dates.time24.FindAllStringSubmatchIndex(s, -1) {
		if m[1] < len(s) && (s[m[1]] == '.' || s[m[1]] == '/') && m[1]+1 < len(s) && isDigit(s[m[1]+1]) {
			continue // a date such as 14.12.2026, not a time
		}
		hits = append(hits, hit{m[0], m[1], num(s[m[2]:m[3]]), num(s[m[4]:m[5]])})
	}
	for _, m := range dates.timeUhr.FindAllStringSubmatchIndex(s, -1) {
		hits = append(hits, hit{m[0], m[1], num(s[m[2]:m[3]]), 0})
	}
	for _, m := range dates.noon.FindAllStringIndex(s, -1) {
		hits = append(hits, hit{m[0], m[1], 12, 0})
	}
	if len(hits) == 0 {
		return false
	}
	best := hits[0]
	for _, h := range hits[1:] {
		// The earliest (the latest, before the date); of two at the same place, the
		// longer reading ("2-3 pm" over "3 pm").
		if from >= 0 && (h.start < best.start || h.start == best.start && h.end > best.end) ||
			from < 0 && (h.end > best.end || h.end == best.end && h.start < best.start) {
			best = h
		}
	}
	// An AM/PM reading wins over a bare one that overlaps it ("2:00 PM" over "2:00").
	for _, h := range hits {
		if h.start <= best.start && h.end > best.end {
			best = h
		}
	}
	w.hour, w.minute, w.hasTime = best.h, best.m, true
	w.zoneAt = best.end
	return true
}

// readZone reads a time zone written just after the time.
func (w *when) readZone(s string) {
	if w.zoneAt > len(s) {
		return
	}
	m := dates.zone.FindStringSubmatch(s[w.zoneAt:])
	if m == nil {
		return
	}
	if m[5] != "" {
		if z, err := zoneOf(known.zones[strings.ToUpper(m[5])]); err == nil {
			w.zone = z
		}
		return
	}
	h, _ := strconv.Atoi(m[3])
	min, _ := strconv.Atoi(m[4])
	if h > 14 || min > 59 {
		return
	}
	off := h*3600 + min*60
	if m[2] == "-" {
		off = -off
	}
	w.zone = time.FixedZone(fmt.Sprintf("UTC%s%02d:%02d", m[2], h, min), off)
}
