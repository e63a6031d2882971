package invitation

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// candidate is one reading of a field, with how much it is trusted.
type candidate struct {
	value  string
	from   Source
	weight int
}

// How much a reading of the company is trusted, by where it was read; a reading that
// agrees with the sender's domain, or with another place, counts more.
var companyWeight = map[Source]int{
	FromCalendar: 5, FromSubject: 5, FromSignature: 4, FromSenderName: 4, FromText: 3, FromDomain: 2,
}

// pick chooses the reading with the most weight, adding up readings that agree (the same
// name in another place) and adding bonus to readings that agree with key.
func pick(cands []candidate, agrees func(string) bool) Guess {
	type group struct {
		best    candidate
		weight  int
		sources map[Source]bool
	}
	groups := map[string]*group{}
	var order []string
	for _, c := range cands {
		k := squash(c.value)
		if k == "" {
			continue
		}
		g, ok := groups[k]
		if !ok {
			g = &group{best: c, sources: map[Source]bool{}}
			groups[k] = g
			order = append(order, k)
			if agrees != nil && agrees(c.value) {
				g.weight += 4
			}
		}
		if !g.sources[c.from] {
			g.sources[c.from] = true
			g.weight += c.weight
		} else {
			g.weight++ // named again in the same place
		}
		if c.weight > g.best.weight {
			g.best = c
		}
	}
	var best *group
	for _, k := range order {
		if g := groups[k]; best == nil || g.weight > best.weight {
			best = g
		}
	}
	if best == nil {
		return Guess{}
	}
	return Guess{best.best.value, best.best.from}
}

// squash is a name reduced to its lowercase letters and digits, accents dropped as domain
// names drop them, to compare readings: "Lumière Logiciels" is lumierelogiciels.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := plainLetters[r]; ok {
			b.WriteString(f)
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plainLetters spell accented letters as domain names do.
var plainLetters = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae", 'ç': "c", 'è': "e", 'é': "e", 'ê': "e",
	'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o",
	'ø': "o", 'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'ß': "ss", 'œ': "oe", 'ł': "l", 'ś': "s",
	'ź': "z", 'ż': "z", 'ć': "c", 'ń': "n", 'ę': "e", 'ą': "a", 'š': "s", 'č': "c", 'ř': "r", 'ž': "z",
}

// germanLetters spell umlauts as German domain names do: Müller is mueller.
var germanLetters = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")

// sameCompany reports whether a name and a domain's squashed stem are the same company:
// equal, or one the start of the other ("fernwood" and "fernwoodlabs"), with umlauts
// spelled either way.
func sameCompany(name, stem string) bool {
	if len(stem) < 3 {
		return false
	}
	for _, n := range []string{squash(name), squash(germanLetters.Replace(name))} {
		if len(n) >= 3 && (n == stem || len(stem) >= 4 && strings.HasPrefix(n, stem) || len(n) >= 4 && strings.HasPrefix(stem, n)) {
			return true
		}
	}
	return false
}

// subjectSeparators split a subject into its parts: "Interview invitation: Backend
// Engineer | Fernwood Labs".
var subjectSeparators = regexp.MustCompile(`\s+[|–—-]\s+|:\s+|\s+/\s+`)

// stageWords make a part of a subject a label rather than a role or a company.
var stageWords = regexp.MustCompile(`(?i)\b(interview|invitation|invite|einladung|vorstellungsgespräch|gespräch|entretien|entrevista|application|bewerbung|candidature|candidatura|next steps|scheduling|schedule|termin|offer|angebot|offre|oferta|update|your|ihre|votre|su|follow-up|thank|danke|merci|gracias|call|meeting|reminder)\b`)

// readSubject reads a subject (or a calendar event's summary) for the role and the company.
func readSubject(subject string, from Source) (roles, companies []candidate) {
	w := companyWeight[from]
	companies = companiesAfterCues(subject, from)
	for _, seg := range subjectSeparators.Split(subject, -1) {
		seg = strings.TrimSpace(seg)
		if seg == "" {
			continue
		}
		role, company, cued := splitAt(seg)
		if cued {
			if role = cleanRole(stripLabel(role)); role != "" {
				roles = append(roles, candidate{role, from, w})
			}
			if company != "" {
				companies = append(companies, candidate{company, from, w})
			}
			continue
		}
		if r := roleAfterCue(seg); r != "" {
			roles = append(roles, candidate{r, from, w})
			continue
		}
		if m := roleBeforeWord.FindStringSubmatch(seg); m != nil {
			if r := cleanRole(lastPhrase(m[1])); r != "" {
				roles = append(roles, candidate{r, from, w})
				continue
			}
		}
		if stageWords.MatchString(seg) {
			// "Bewerbung Teamleiterin Disposition", "Interview Backend Engineer"
			if rest := dropLabelWords(seg); rest != seg && isRole(rest) && !stageWords.MatchString(rest) {
				if r := cleanRole(rest); r != "" {
					roles = append(roles, candidate{r, from, w})
				}
			}
			continue
		}
		if isRole(seg) {
			if r := cleanRole(seg); r != "" {
				roles = append(roles, candidate{r, from, w})
			}
		} else if c := properName(seg); c != "" && c == strings.TrimSpace(seg) {
			companies = append(companies, candidate{c, from, w - 1})
		}
	}
	return roles, companies
}

// dropLabelWords drops the words a subject starts with before the role: "Your
// application", "Bewerbung", "Interview invitation".
func dropLabelWords(s string) string {
	words := strings.Fields(s)
	i := 0
	for i < len(words) {
		w := strings.ToLower(strings.Trim(words[i], ",:;"))
		if !stageWords.MatchString(w) && !known.articles[w] && !known.roleStops[w] {
			break
		}
		i++
	}
	return strings.Join(words[i:], " ")
}

// stripLabel drops the label words a role may follow in a subject: "Interview for Backend
// Engineer" is Backend Engineer.
func stripLabel(s string) string {
	if r := roleAfterCue(s); r != "" {
		return r
	}
	if stageWords.MatchString(s) {
		return ""
	}
	return s
}

// splitAt cuts "Backend Engineer at Fernwood Labs" (or bei, chez, en, @) into the role and
// the company.
func splitAt(s string) (before, company string, ok bool) {
	words := strings.Fields(s)
	for i := 1; i < len(words)-0; i++ {
		lw := strings.ToLower(words[i])
		if lw != "at" && lw != "bei" && lw != "chez" && lw != "en" && lw != "@" && lw != "presso" {
			continue
		}
		if c := properName(strings.Join(words[i+1:], " ")); c != "" {
			return strings.Join(words[:i], " "), c, true
		}
	}
	return s, "", false
}

// isRole reports whether a phrase has a word of a job title.
func isRole(s string) bool {
	for _, w := range wordsOf(s) {
		if known.roleWords[w] {
			return true
		}
		// German compounds: Softwareentwickler, Datenanalystin.
		for _, suffix := range []string{"entwickler", "entwicklerin", "ingenieur", "ingenieurin", "manager", "managerin", "analyst", "analystin", "berater", "beraterin", "leiter", "leiterin"} {
			if strings.HasSuffix(w, suffix) {
				return true
			}
		}
	}
	return false
}

// genderMarker matches the markers after a job title: "(m/w/d)", "(H/F)", "m/f/d".
var genderMarker = regexp.MustCompile(`(?i)\(?\b([mwfdhx]/[mwfdhx](?:/[mwfdhx])?|all genders)\b\)?|\(\s*\)`)

// requisition matches the number of a job opening after its title: "(R-20418)",
// "[Job ID 4471]", "#7712".
var requisition = regexp.MustCompile(`\s*(?:\([^()]*\d[^()]*\)|\[[^\[\]]*\d[^\[\]]*\]|#\s?\d+)`)

// cleanRole tidies a role: no gender marker, article, quotes or trailing punctuation, at
// most eight words; "" when nothing of a role is left.
func cleanRole(s string) string {
	s = requisition.ReplaceAllString(s, "")
	s = genderMarker.ReplaceAllStringFunc(s, func(m string) string {
		inner := strings.Trim(strings.ToLower(m), "() ")
		if known.genders[inner] || inner == "" {
			return ""
		}
		return m
	})
	s = strings.Trim(oneLine(s), ` "'“”„«»,.;:!?-–—`)
	words := strings.Fields(s)
	for len(words) > 0 && known.articles[strings.ToLower(words[0])] {
		words = words[1:]
	}
	if len(words) == 0 || len(words) > 8 || !unicode.IsLetter(firstRune(words[0])) {
		return ""
	}
	s = strings.Join(words, " ")
	if utf8.RuneCountInString(s) > 80 || stageWords.MatchString(s) && !isRole(s) {
		return ""
	}
	return s
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// roleAfterCue reads the role after the words that announce one: "for the position of
// Backend Engineer", "Ihre Bewerbung als Entwickler", "pour le poste de développeur".
func roleAfterCue(s string) string {
	lower := strings.ToLower(s)
	for _, cue := range known.roleBefore {
		i := indexWord(lower, cue)
		if i < 0 {
			continue
		}
		rest := s[i+len(cue):]
		if r := cleanRole(roleWords(rest)); r != "" {
			return r
		}
	}
	return ""
}

// indexWord finds cue in s as whole words.
func indexWord(s, cue string) int {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], cue)
		if i < 0 {
			return -1
		}
		i += from
		before := i == 0 || !isWordByte(s[i-1])
		end := i + len(cue)
		after := end >= len(s) || !isWordByte(s[end]) || strings.HasSuffix(cue, "'")
		if before && after {
			return i
		}
		from = i + 1
	}
	return -1
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// roleWords is the start of s up to where a role ends: a sentence mark, a dash between
// spaces, or a word of [role-stop] (words/fields.txt).
func roleWords(s string) string {
	s = strings.TrimLeft(prefix(s, 200), " :\"“„«")
	var kept []string
	for _, w := range strings.Fields(s) {
		if w == "-" || w == "–" || w == "—" || w == "|" || known.roleStops[strings.ToLower(strings.Trim(w, ",;:.!?()\"”»"))] {
			break
		}
		if i := strings.IndexAny(w, ",;:.!?()\"”»"); i >= 0 {
			if i > 0 && !(w[i] == '(' && genderMarker.MatchString(w)) {
				kept = append(kept, w[:i])
			} else if w[i] == '(' {
				kept = append(kept, w)
				continue
			}
			break
		}
		kept = append(kept, w)
	}
	return strings.Join(kept, " ")
}

// prefix is the start of s, at most n bytes and whole characters: a name or a role is
// never longer, and a long text is not split into words for each of them.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}

// lastPhrase is what follows the last small word of a phrase: "final interview for the
// Firmware Engineer" is Firmware Engineer.
func lastPhrase(s string) string {
	words := strings.Fields(s)
	for i := len(words) - 1; i >= 0; i-- {
		if known.articles[strings.ToLower(words[i])] || known.roleStops[strings.ToLower(words[i])] {
			return strings.Join(words[i+1:], " ")
		}
	}
	return s
}

// roleBeforeWord reads "the Backend Engineer position", "our Data Analyst role".
var roleBeforeWord = regexp.MustCompile(`(?i)\b(?:the|our|this|your|a|an)\s+((?:[\p{L}][\p{L}\p{N}/+#.&-]*\s+){1,6}?)(position|role|opening|vacancy)\b`)

// readText reads a letter's text for the role and the company.
func readText(text string) (roles, companies []candidate) {
	for _, line := range paragraphs(text) {
		if r := roleAfterCue(line); r != "" && isRole(r) {
			roles = append(roles, candidate{r, FromText, 3})
		}
		for _, m := range roleBeforeWord.FindAllStringSubmatch(line, -1) {
			if r := cleanRole(lastPhrase(m[1])); r != "" && (isRole(r) || unicode.IsUpper(firstRune(r))) {
				roles = append(roles, candidate{r, FromText, 3})
			}
		}
		companies = append(companies, companiesAfterCues(line, FromText)...)
	}
	return roles, companies
}

// paragraphs are a text's paragraphs, each as one line: mails wrap lines in the middle of
// a sentence.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// companiesAfterCues reads the proper names after the words that announce a company:
// "at Fernwood Labs", "bei der Müller GmbH", "interest in Fernwood".
func companiesAfterCues(line string, from Source) []candidate {
	var out []candidate
	lower := strings.ToLower(line)
	for _, cue := range known.compBefore {
		for from0 := 0; from0 < len(lower); {
			i := indexWord(lower[from0:], cue)
			if i < 0 {
				break
			}
			i += from0
			from0 = i + len(cue)
			c := properName(line[i+len(cue):])
			if c == "" {
				continue
			}
			w := companyWeight[from]
			if cue == "with" || cue == "en" {
				w-- // "with Jo Park", "en Madrid": often not a company
			}
			out = append(out, candidate{c, from, w})
		}
	}
	return out
}

// properName reads the proper name at the start of s: capitalised words (and the small
// words and legal forms inside company names), up to six, after an article.
func properName(s string) string {
	words := strings.Fields(prefix(s, 200))
	var out []string
	for i, w := range words {
		if i == 0 || len(out) == 0 {
			if known.articles[strings.ToLower(w)] {
				continue
			}
		}
		clean := strings.TrimRight(w, ",;:!?)\"'”»")
		stop := clean != w
		lc := strings.ToLower(clean)
		if strings.HasSuffix(clean, ".") && !known.legalForms[lc] && !known.legalForms[strings.TrimSuffix(lc, ".")] {
			clean, stop = strings.TrimSuffix(clean, "."), true
			lc = strings.ToLower(clean)
		}
		r := firstRune(clean)
		switch {
		case clean == "":
		case len(out) > 0 && (known.legalForms[lc] || known.legalForms[strings.TrimSuffix(lc, ".")]):
			out = append(out, clean)
		case unicode.IsUpper(r) || (unicode.IsDigit(r) && len(out) > 0):
			if _, month := known.months[lc]; month && len(out) == 0 {
				return ""
			}
			if _, day := known.weekdays[lc]; day && len(out) == 0 {
				return ""
			}
			out = append(out, clean)
		case len(out) > 0 && (lc == "&" || lc == "and" || lc == "und" || lc == "y" || lc == "et" || lc == "of" || lc == "de" || lc == "du" || lc == "des" || lc == "la") &&
			i+1 < len(words) && unicode.IsUpper(firstRune(words[i+1])):
			out = append(out, clean)
		default:
			stop = true
		}
		if stop || len(out) >= 6 {
			break
		}
	}
	name := strings.Join(out, " ")
	if utf8.RuneCountInString(name) < 2 || known.teamWords[strings.ToLower(name)] || stageWords.MatchString(name) && len(out) == 1 {
		return ""
	}
	return name
}

// signatureSeparators split a signature line into a title and a company.
var signatureSeparators = regexp.MustCompile(`\s*[|•·,–—]\s*|\s+-\s+|\s+(?i:at|bei|chez|en)\s+`)

// readSignature reads the company from a signature: a line with a legal form ("Müller
// Maschinenbau GmbH"), the part after a job title ("Talent Partner | Fernwood Labs",
// "Recruiter at Fernwood Labs"), or a line that is the sender's domain spelled out.
func readSignature(sig []string, stems []string) []candidate {
	var out []candidate
	for i, line := range sig {
		if i == 0 && isPersonName(line) {
			continue
		}
		if strings.ContainsAny(line, "@") || strings.Contains(line, "://") || digits(line) > 4 {
			continue
		}
		parts := signatureSeparators.Split(line, -1)
		for _, p := range parts {
			p = strings.TrimSpace(p)
			name := properName(p)
			if name == "" || name != p || isTitle(p) {
				continue
			}
			legal := known.legalForms[strings.ToLower(lastWord(p))]
			stem := false
			for _, s := range stems {
				stem = stem || sameCompany(p, s)
			}
			if legal || stem || len(parts) > 1 {
				out = append(out, candidate{name, FromSignature, companyWeight[FromSignature]})
			}
		}
	}
	return out
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func digits(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// isTitle reports whether a phrase is a job title, such as a recruiter's.
func isTitle(s string) bool {
	for _, w := range wordsOf(s) {
		if known.titleWords[w] || known.roleWords[w] {
			return true
		}
	}
	return false
}

// spelledStem finds how a text writes the name a domain stem squashes: "Fernwood Labs" for
// fernwoodlabs, "Müller" for mueller is not found (no spelling rules are guessed).
func spelledStem(text, stem string) string {
	if len(stem) < 3 {
		return ""
	}
	words := strings.Fields(text)
	for i := range words {
		var acc strings.Builder
		for j := i; j < len(words) && j < i+4; j++ {
			w := strings.Trim(words[j], ",.;:!?()\"'“”")
			if !unicode.IsUpper(firstRune(w)) && j == i {
				break
			}
			acc.WriteString(squash(w))
			if acc.String() == stem {
				parts := make([]string, 0, j-i+1)
				for _, p := range words[i : j+1] {
					parts = append(parts, strings.Trim(p, ",.;:!?()\"'“”"))
				}
				return strings.Join(parts, " ")
			}
			if !strings.HasPrefix(stem, acc.String()) {
				break
			}
		}
	}
	return ""
}

// nameOfStem makes a company name of a domain stem: "fernwood-labs" is "Fernwood Labs".
func nameOfStem(stem string) string {
	parts := strings.FieldsFunc(stem, func(r rune) bool { return r == '-' || r == '_' })
	for i, p := range parts {
		r := []rune(p)
		r[0] = unicode.ToUpper(r[0])
		parts[i] = string(r)
	}
	return strings.Join(parts, " ")
}

// videoWords say an interview is held by video or phone: a place, not the job's location.
var videoWords = regexp.MustCompile(`(?i)\b(zoom|teams|meet|webex|skype|video|phone|telefon|téléphone|teléfono|online|virtual|remote call|call|hangouts|whereby|https?://)`)

// postcodeCity reads the town after a postcode: "Hafenstraße 12, 20457 Hamburg" is Hamburg.
var postcodeCity = regexp.MustCompile(`\b(?:[A-Z]{1,2}-)?\d{4,5}\s+(\p{Lu}[\p{L}.-]+(?:\s+(?:am|an|im|de|del|sur|-)?\s*\p{Lu}[\p{L}.-]+)?)`)

// readLocation reads the job's location and the interview's place from "Location: …"
// lines of a text.
func readLocation(text string) (job Guess, place string) {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(strings.Trim(line, "*•-– "))
		lower := strings.ToLower(line)
		for _, label := range known.locLabels {
			if !strings.HasPrefix(lower, label) {
				continue
			}
			rest := strings.TrimSpace(line[len(label):])
			if !strings.HasPrefix(rest, ":") && !strings.HasPrefix(label, "based") {
				continue
			}
			value := oneLine(strings.TrimLeft(rest, ": "))
			if value == "" || utf8.RuneCountInString(value) > 150 {
				continue
			}
			if place == "" {
				place = value
			}
			if city := cityOf(value); job.Value == "" && city != "" {
				job = Guess{city, FromText}
			}
		}
	}
	return job, place
}

// cityOf is the town of a place, or "" for a video call: "Hafenstraße 12, 20457 Hamburg"
// is Hamburg, "Remote" stays Remote.
func cityOf(place string) string {
	if videoWords.MatchString(place) {
		return ""
	}
	if m := postcodeCity.FindStringSubmatch(place); m != nil {
		return strings.TrimSpace(m[1])
	}
	if digits(place) > 0 {
		parts := strings.Split(place, ",")
		last := strings.TrimSpace(parts[len(parts)-1])
		if digits(last) == 0 && last != "" {
			return last
		}
		return ""
	}
	if len(strings.Fields(place)) > 5 {
		return ""
	}
	return place
}
