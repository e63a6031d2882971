package invitation

import (
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// The words the reader looks for live in words/*.txt, so that they can be changed without
// reading Go; words/README.md describes the format.
//
//go:embed words/*.txt
var wordFiles embed.FS

// known is every word list, read once when the program starts; it never changes after.
var known = mustLoad(wordFiles)

// lexicon is the word lists, parsed.
type lexicon struct {
	months      map[string]time.Month
	weekdays    map[string]time.Weekday
	tomorrow    set
	zones       map[string]string // name → "+01:00" or a tz database zone
	winZones    map[string]string // Windows zone name, lowercased → tz database zone
	ats         set
	freemail    set
	suffixes    set
	noReply     set
	teamWords   set
	stages      map[Stage][]phrase
	stageIndex  map[string][]stagePhrase // by first word, for phrases that start with one
	stageStars  []stagePhrase            // phrases that start with a word ending in *
	signoffs    []string                 // lowercased, punctuation dropped
	fwdMarkers  []string
	fwdPrefixes set
	labels      map[string]string // "von" → "from"
	wrote       []string
	roleBefore  []string
	roleAfter   set
	compBefore  []string
	articles    set
	locLabels   []string
	legalForms  set
	genders     set
	titleWords  set
	roleWords   set
	roleStops   set
	languages   map[string]set // "de" → its common words

	zoneRe string // the zone names as a pattern, longest first
}

// stagePhrase is a phrase of a stage.
type stagePhrase struct {
	stage  Stage
	phrase phrase
}

type set map[string]bool

func (s set) add(words ...string) {
	for _, w := range words {
		s[w] = true
	}
}

// phrase is a sequence of words; "" stands for a gap of up to gapWords words, and a word
// ending in * matches any word it starts.
type phrase []string

const gapWords = 4

func mustLoad(files fs.FS) *lexicon {
	l, err := load(files)
	if err != nil {
		panic(err) // the files are part of the program: a test catches this first
	}
	return l
}

// load reads every section of every file, then builds the lexicon.
func load(files fs.FS) (*lexicon, error) {
	sections := map[string][]string{}
	names, err := fs.Glob(files, "words/*.txt")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		b, err := fs.ReadFile(files, name)
		if err != nil {
			return nil, err
		}
		section := ""
		for n, line := range strings.Split(string(b), "\n") {
			if i := strings.Index(line, "#"); i >= 0 {
				line = line[:i]
			}
			line = strings.TrimSpace(line)
			switch {
			case line == "":
			case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
				section = line[1 : len(line)-1]
				if _, dup := sections[section]; dup {
					return nil, fmt.Errorf("%s:%d: section [%s] is defined twice", name, n+1, section)
				}
				sections[section] = nil
			case section == "":
				return nil, fmt.Errorf("%s:%d: a line before the first section", name, n+1)
			default:
				sections[section] = append(sections[section], line)
			}
		}
	}
	need := func(name string) ([]string, error) {
		lines, ok := sections[name]
		if !ok || len(lines) == 0 {
			return nil, fmt.Errorf("the word lists have no [%s] section", name)
		}
		return lines, nil
	}
	words := func(name string) (set, error) {
		lines, err := need(name)
		s := set{}
		for _, l := range lines {
			s.add(strings.Fields(strings.ToLower(l))...)
		}
		return s, err
	}
	lines := func(name string) ([]string, error) {
		ls, err := need(name)
		out := make([]string, len(ls))
		for i, l := range ls {
			out[i] = strings.ToLower(l)
		}
		return out, err
	}
	l := &lexicon{months: map[string]time.Month{}, weekdays: map[string]time.Weekday{}, zones: map[string]string{},
		winZones: map[string]string{}, stages: map[Stage][]phrase{}, stageIndex: map[string][]stagePhrase{}, labels: map[string]string{}, languages: map[string]set{}}
	var errs []error
	must := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	numbered := func(name string, max int, put func(n int, word string)) {
		ls, err := need(name)
		must(err)
		for _, line := range ls {
			f := strings.Fields(strings.ToLower(line))
			n, err := strconv.Atoi(f[0])
			if err != nil || n < 0 || n > max || len(f) < 2 {
				must(fmt.Errorf("[%s]: %q does not start with a number up to %d and a name", name, line, max))
				continue
			}
			for _, w := range f[1:] {
				put(n, w)
			}
		}
	}
	// pairs calls put with each line of a section written "key = value".
	pairs := func(name string, put func(line, key, value string)) {
		ls, err := need(name)
		must(err)
		for _, line := range ls {
			key, value, ok := strings.Cut(line, "=")
			if !ok {
				must(fmt.Errorf("[%s]: %q has no =", name, line))
				continue
			}
			put(line, key, value)
		}
	}
	numbered("months", 12, func(n int, w string) { l.months[w] = time.Month(n) })
	numbered("weekdays", 6, func(n int, w string) { l.weekdays[w] = time.Weekday(n) })
	zs, err := need("zones")
	must(err)
	for _, line := range zs {
		f := strings.Fields(line)
		if len(f) != 2 {
			must(fmt.Errorf("[zones]: %q is not a name and a zone", line))
			continue
		}
		if _, err := zoneOf(f[1]); err != nil {
			must(fmt.Errorf("[zones]: %q: %v", line, err))
		}
		l.zones[strings.ToUpper(f[0])] = f[1]
	}
	pairs("windows-zones", func(line, name, zone string) {
		zone = strings.TrimSpace(zone)
		if _, err := time.LoadLocation(zone); err != nil {
			must(fmt.Errorf("[windows-zones]: %q: %v", line, err))
		}
		l.winZones[strings.ToLower(strings.TrimSpace(name))] = zone
	})
	for _, s := range []struct {
		name string
		dst  *set
	}{{"tomorrow", &l.tomorrow}, {"ats", &l.ats}, {"freemail", &l.freemail}, {"public-suffixes", &l.suffixes},
		{"no-reply", &l.noReply}, {"team-words", &l.teamWords}, {"forward-prefix", &l.fwdPrefixes}, {"role-after", &l.roleAfter},
		{"article", &l.articles}, {"legal-form", &l.legalForms}, {"gender-marker", &l.genders}, {"title-word", &l.titleWords},
		{"role-word", &l.roleWords}, {"role-stop", &l.roleStops}} {
		*s.dst, err = words(s.name)
		must(err)
	}
	for _, s := range []Stage{StageRejected, StageOffer, StageScheduled, StageInvited} {
		ls, err := lines(string(s))
		must(err)
		for _, line := range ls {
			p := parsePhrase(line)
			if len(p) == 0 || p[0] == "" {
				must(fmt.Errorf("[%s]: %q does not start with a word", s, line))
				continue
			}
			l.stages[s] = append(l.stages[s], p)
			if strings.HasSuffix(p[0], "*") {
				l.stageStars = append(l.stageStars, stagePhrase{s, p})
			} else {
				l.stageIndex[p[0]] = append(l.stageIndex[p[0]], stagePhrase{s, p})
			}
		}
	}
	for _, s := range []struct {
		name string
		dst  *[]string
	}{{"signoff", &l.signoffs}, {"forward-marker", &l.fwdMarkers}, {"wrote", &l.wrote}, {"role-before", &l.roleBefore},
		{"company-before", &l.compBefore}, {"location-label", &l.locLabels}} {
		*s.dst, err = lines(s.name)
		must(err)
	}
	for i, s := range l.signoffs {
		l.signoffs[i] = strings.Join(wordsOf(s), " ")
	}
	pairs("header-labels", func(_, field, names string) {
		for _, n := range strings.Split(strings.ToLower(names), ",") {
			l.labels[strings.Join(strings.Fields(n), " ")] = strings.TrimSpace(field)
		}
	})
	lang, err := need("language")
	must(err)
	for _, line := range lang {
		f := strings.Fields(strings.ToLower(line))
		l.languages[f[0]] = set{}
		l.languages[f[0]].add(f[1:]...)
	}
	// Longer labels first, so that "enviado el" wins over "enviado".
	sort.Slice(l.roleBefore, func(i, j int) bool { return len(l.roleBefore[i]) > len(l.roleBefore[j]) })
	sort.Slice(l.compBefore, func(i, j int) bool { return len(l.compBefore[i]) > len(l.compBefore[j]) })
	sort.Slice(l.locLabels, func(i, j int) bool { return len(l.locLabels[i]) > len(l.locLabels[j]) })
	l.zoneRe = alternation(keys(l.zones))
	if len(errs) > 0 {
		return nil, fmt.Errorf("the word lists of the mail reader are wrong: %v", errs)
	}
	return l, nil
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// alternation is a regular expression matching any of words, longest first so that
// "sept" wins over "sep".
func alternation(words []string) string {
	sort.Slice(words, func(i, j int) bool {
		if len(words[i]) != len(words[j]) {
			return len(words[i]) > len(words[j])
		}
		return words[i] < words[j]
	})
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(quoted, "|")
}

func parsePhrase(line string) phrase {
	var p phrase
	for _, w := range strings.Fields(line) {
		if w == ".." {
			p = append(p, "")
			continue
		}
		p = append(p, wordsOf(w)...)
		if strings.HasSuffix(w, "*") && len(p) > 0 {
			p[len(p)-1] += "*"
		}
	}
	return p
}

// zoneOf reads a zone of the word lists: a fixed offset such as "+01:00", or a zone of the
// tz database.
func zoneOf(s string) (*time.Location, error) {
	if len(s) == 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':' {
		h, err1 := strconv.Atoi(s[1:3])
		m, err2 := strconv.Atoi(s[4:])
		if err1 != nil || err2 != nil || h > 14 || m > 59 {
			return nil, fmt.Errorf("%q is not an offset", s)
		}
		off := h*3600 + m*60
		if s[0] == '-' {
			off = -off
		}
		return time.FixedZone(s, off), nil
	}
	return time.LoadLocation(s)
}

// wordsOf splits text into lowercase words of letters, digits and apostrophes.
func wordsOf(s string) []string {
	s = strings.ReplaceAll(strings.ToLower(s), "’", "'")
	return strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
}

func isWordRune(r rune) bool {
	return r == '\'' || r == '-' || r == '/' || unicode.IsLetter(r) || unicode.IsDigit(r)
}
