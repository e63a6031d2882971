package proofread

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The sign-off and the writer's name under it.

const (
	signoffLookBehind = 10 // last non-empty lines searched for the sign-off
	nameLookAhead     = 3  // lines after the sign-off searched for the name
	maxTrailer        = 5  // lines under the name that may be something else (phone, link …)
)

var (
	signoffHeads     = book.words("signoff-head")
	signoffWords     = book.words("signoff-word")
	trailerIndex     = book.index("signature-trailer")
	nameParticles    = book.words("name-particle")
	signoffSplitters = []string{",", " - ", " — ", " – "}
)

// signoffLine is where the letter's sign-off is, once looked for.
type signoffLine struct {
	found      bool
	start, end int // the line
	rest       int // where a name on the same line starts ("Best, Ana Silva"), or -1
	index      int // its place in bodyLines
}

func (d *doc) signoff() signoffLine {
	if d.so != nil {
		return *d.so
	}
	d.so = &signoffLine{rest: -1}
	lines := d.bodyLines()
	for i := len(lines) - 1; i >= 1 && i >= len(lines)-signoffLookBehind; i-- {
		start := lines[i]
		line := d.line(start)
		ok, rest := signoffAt(line)
		if !ok {
			continue
		}
		if i == len(lines)-1 && rest < 0 && !d.closesParagraph(lines[i-1]) {
			continue // a last-line "Thanks" that carries on the text before it is no sign-off
		}
		*d.so = signoffLine{found: true, start: start, end: start + len(line), rest: -1, index: i}
		if rest >= 0 {
			d.so.rest = start + rest
		}
		break
	}
	return *d.so
}

// signoffAt reports whether a line is a sign-off, alone ("Best regards,") or followed by
// the name on the same line ("Best regards, Jo Park"); rest is where the name starts, or -1.
func signoffAt(line string) (ok bool, rest int) {
	parts := 0
	pos := 0
	for pos < len(line) {
		end, next := len(line), len(line)
		for _, sep := range signoffSplitters {
			if k := strings.Index(line[pos:], sep); k >= 0 && pos+k < end {
				end, next = pos+k, pos+k+len(sep)
			}
		}
		part := line[pos:end]
		if strings.TrimSpace(part) != "" {
			if !isSignoff(part, false) {
				// "All the best to you and the team," — a sign-off that runs on, closed by
				// a comma at the end of the line.
				if parts == 0 && isSignoff(part, true) && strings.HasSuffix(strings.TrimSpace(line), ",") {
					return true, -1
				}
				if parts == 0 {
					return false, -1
				}
				return true, pos + len(part) - len(strings.TrimLeft(part, " \t"))
			}
			parts++
		}
		pos = next
	}
	return parts > 0, -1
}

// isSignoff reports whether the words of s are a sign-off: one to six words of the
// sign-off families, one of them a head word. With runOn, only the first words need be.
func isSignoff(s string, runOn bool) bool {
	words := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(s, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
	if len(words) == 0 || strings.ContainsAny(s, "?:;") {
		return false
	}
	head := false
	for i, w := range words {
		if !signoffHeads.has(w) && !signoffWords.has(w) {
			if runOn && head && i > 0 && len(words) <= 10 {
				return true
			}
			return false
		}
		head = head || signoffHeads.has(w)
	}
	return head && len(words) <= 6 && !runOn
}

// closesParagraph reports whether the line before a possible sign-off ends a sentence, as
// the last paragraph of a letter does.
func (d *doc) closesParagraph(start int) bool {
	l := strings.TrimSpace(d.line(start))
	last, _ := utf8.DecodeLastRuneInString(l)
	return l == "" || strings.ContainsRune(".!?,:)…", last)
}

// closingAndName looks for a sign-off near the end and the writer's full name under it.
// Each is reported on its own: a letter that just stops lacks both.
func (d *doc) closingAndName() {
	lines := d.bodyLines()
	so := d.signoff()
	if so.found {
		var candidates [][2]int
		if so.rest >= 0 {
			candidates = append(candidates, [2]int{so.rest, so.end})
		}
		for j := so.index + 1; j < len(lines) && j <= so.index+nameLookAhead; j++ {
			candidates = append(candidates, [2]int{lines[j], lines[j] + len(d.line(lines[j]))})
		}
		if !d.hasName(candidates, true) {
			fix := ""
			if len(candidates) == 0 && d.opts.Name != "" {
				fix = d.text[so.start:so.end] + "\n" + strings.TrimSpace(d.opts.Name)
			}
			d.add(RuleNoName, so.start, so.end, d.nameMessage("no-name"), fix)
		}
		return
	}
	end := len(strings.TrimRight(d.text[:d.bodyEnd], " \t\r\n"))
	if len(lines) == 0 {
		d.add(RuleNoClosing, end, end, book.message(RuleNoClosing), "")
		d.add(RuleNoName, end, end, d.nameMessage("no-name.no-closing"), "")
		return
	}
	last := lines[len(lines)-1]
	d.add(RuleNoClosing, last, end, book.message(RuleNoClosing), "")
	// Without a sign-off, the name is looked for in the last lines, above any trailer such
	// as "Sent from my phone".
	k := len(lines) - 1
	for k > 0 && k >= len(lines)-maxTrailer && d.trailer(lines[k]) {
		k--
	}
	var candidates [][2]int
	for j := k; j >= 1 && j >= k-1; j-- {
		candidates = append(candidates, [2]int{lines[j], lines[j] + len(d.line(lines[j]))})
	}
	if !d.hasName(candidates, false) {
		d.add(RuleNoName, last, end, d.nameMessage("no-name.no-closing"), "")
	}
}

func (d *doc) nameMessage(key string) string {
	if name := strings.TrimSpace(d.opts.Name); name != "" {
		return fmt.Sprintf(book.message(key+".known"), name)
	}
	return book.message(key)
}

// trailer reports whether a signature line is something other than the name: a device
// footer, an address, a link, a phone number.
func (d *doc) trailer(start int) bool {
	l := strings.ToLower(strings.TrimSpace(d.line(start)))
	if strings.ContainsAny(l, "@") || strings.Contains(l, "://") || strings.HasPrefix(l, "www.") {
		return true
	}
	digits := 0
	for _, r := range l {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if digits*3 >= utf8.RuneCountInString(l) {
		return true
	}
	found := false
	first := sort.Search(len(d.body), func(i int) bool { return d.body[i].start >= start })
	if first < len(d.body) && d.lineOf(d.body[first].start) == d.lineOf(start) {
		d.findAt(trailerIndex, first, func(match) { found = true })
	}
	return found
}

// hasName reports whether the writer's full name is among the candidate spans: the
// profile's name when known, else the first candidate (or, without a sign-off, any) when
// it looks like a full name. A placeholder is never a name.
func (d *doc) hasName(candidates [][2]int, firstOnly bool) bool {
	name := strings.TrimSpace(d.opts.Name)
	for i, c := range candidates {
		if d.hasPlaceholder(c[0], c[1]) {
			if name == "" && firstOnly && i == 0 {
				return false
			}
			continue
		}
		l := d.text[c[0]:c[1]]
		if name != "" {
			if containsName(l, name) {
				return true
			}
			continue
		}
		if looksLikeFullName(nameOfLine(l)) {
			return true
		}
		if firstOnly {
			return false
		}
	}
	return false
}

func (d *doc) hasPlaceholder(start, end int) bool {
	for _, f := range d.out {
		if f.Rule == RulePlaceholder && f.Start < end && start < f.End {
			return true
		}
	}
	return false
}

// nameOfLine is the part of a signature line that would be the name: "Ana Silva, PhD" and
// "Ana Silva | Data Engineer" hold "Ana Silva".
func nameOfLine(l string) string {
	if k := strings.IndexAny(l, ",|(–—"); k >= 0 {
		l = l[:k]
	}
	return strings.TrimSpace(l)
}

// containsName reports whether a line holds the full name: as written ("Dr. Ana Silva",
// "Ana Silva-Costa"), in any case and spacing, or with a middle name between.
func containsName(line, name string) bool {
	norm := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(s, "’", "'")), func(r rune) bool {
			return unicode.IsSpace(r) || r == ',' || r == '|'
		})
	}
	l, n := norm(line), norm(name)
	if len(n) == 0 {
		return false
	}
	if strings.Contains(" "+strings.Join(l, " ")+" ", " "+strings.Join(n, " ")) {
		return true
	}
	for i, w := range l {
		if w == n[0] {
			for _, v := range l[i+1:] {
				if v == n[len(n)-1] && len(n) > 1 {
					return true
				}
			}
		}
	}
	return false
}

// looksLikeFullName accepts two or more capitalised words, allowing particles (van, de)
// and initials, and nothing that is not part of a name.
func looksLikeFullName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	capitals := 0
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && !unicode.IsMark(r) && r != '-' && r != '\'' && r != '’' && r != '.' {
				return false
			}
		}
		first, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(first):
			capitals++
		case nameParticles.has(strings.ToLower(w)):
		default:
			return false
		}
	}
	return capitals >= 2
}
