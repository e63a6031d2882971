package proofread

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// The proofreader's wording — the phrases each rule looks for and the messages it gives —
// lives in rules/*.txt, so that it can be changed without reading Go. rules/README.md
// describes the format.
//
//go:embed rules/*.txt
var ruleFiles embed.FS

// book is every rule file, read once when the program starts; it never changes after.
var book = mustReadRulebook(ruleFiles)

// rulebook is the parsed rule files: word lists, phrase groups and messages by name.
type rulebook struct {
	lists    map[string][]seq  // "@name = a | b c" definitions, parsed
	listDefs map[string]string // … as written, until first used
	parsing  map[string]bool   // lists being parsed, to catch a list that uses itself
	groups   map[string][]*group
	messages map[string]string
	all      *phraseIndex // every phrase index made, together
	indexes  int          // how many have been made
}

// group is one "[name]" section of a rule file: phrases or words, and what limits them.
type group struct {
	name    string
	message string
	lines   []string // the raw lines, for sections that are lists of words
	phrases []*phrase
	// notAfter and notBefore are words that may not stand just before or just after a
	// match; notFollowedBy, words that may not come in the next few words of its sentence;
	// about, words of which one must stand in the match's clause: what it is said of.
	notAfter, notBefore, notFollowedBy, about wordSet
	aboutDefs                                 []string // the about: lines, until compiled
}

// phrase is one line of a section, compiled.
type phrase struct {
	slots []slot
	group *group
	text  string // as written, for error messages
	in    uint64 // the bits of the indexes that hold it
}

// seq is a sequence of slots that match consecutive words.
type seq = []slot

// slot matches one word, one of several word sequences, or a gap of a few words.
type slot struct {
	atoms    []atom // any one of these words
	alts     []seq  // or any one of these sequences (a list, or a hyphenated word)
	optional bool   // (…): may be absent
	gap      bool   // ..: up to gapWords words of the same sentence
	end      bool   // $: the sentence ends here
}

const gapWords = 3

// atom is a word as a rule file writes it: exact, "stem*" for any ending, or "*ending".
type atom struct {
	text           string
	prefix, suffix bool
}

func (a atom) matches(w string) bool {
	switch {
	case a.prefix:
		return strings.HasPrefix(w, a.text)
	case a.suffix:
		return strings.HasSuffix(w, a.text)
	}
	return w == a.text
}

// wordSet is a set of words, for "is this word one of …" questions: exact words in a map,
// "stem*" and "*ending" tried in turn.
type wordSet struct {
	exact   map[string]bool
	affixes []atom
}

func newWordSet(atoms ...atom) wordSet {
	ws := wordSet{exact: map[string]bool{}}
	ws.add(atoms...)
	return ws
}

func (ws *wordSet) add(atoms ...atom) {
	for _, a := range atoms {
		if a.prefix || a.suffix {
			ws.affixes = append(ws.affixes, a)
		} else {
			ws.exact[a.text] = true
		}
	}
}

func (ws wordSet) empty() bool { return len(ws.exact) == 0 && len(ws.affixes) == 0 }

func (ws wordSet) has(w string) bool {
	if ws.exact[w] {
		return true
	}
	for _, a := range ws.affixes {
		if a.matches(w) {
			return true
		}
	}
	return false
}

func mustReadRulebook(files fs.FS) *rulebook {
	b, err := readRulebook(files)
	if err != nil {
		panic(err) // the files are part of the program; a test reads them
	}
	return b
}

func readRulebook(files fs.FS) (*rulebook, error) {
	b := &rulebook{lists: map[string][]seq{}, listDefs: map[string]string{}, parsing: map[string]bool{},
		groups: map[string][]*group{}, messages: map[string]string{}}
	names, err := fs.Glob(files, "rules/*.txt")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		data, err := fs.ReadFile(files, name)
		if err != nil {
			return nil, err
		}
		if err := b.parse(name, string(data)); err != nil {
			return nil, err
		}
	}
	for _, gs := range b.groups {
		for _, g := range gs {
			if err := b.compile(g); err != nil {
				return nil, err
			}
		}
	}
	return b, nil
}

func (b *rulebook) parse(file, text string) error {
	var g *group
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if i := strings.Index(line, " #"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		where := fmt.Sprintf("%s:%d", file, n+1)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "@") && strings.Contains(line, "="):
			name, def, _ := strings.Cut(line, "=")
			name = strings.TrimSpace(name)
			if _, dup := b.listDefs[name]; dup || strings.ContainsAny(name, " /") {
				return fmt.Errorf("%s: a list is written once, as @name = a | b c", where)
			}
			b.listDefs[name] = def
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			g = &group{name: line[1 : len(line)-1], notAfter: newWordSet(), notBefore: newWordSet(), notFollowedBy: newWordSet(), about: newWordSet()}
			b.groups[g.name] = append(b.groups[g.name], g)
		case g == nil:
			return fmt.Errorf("%s: text before the first [section]", where)
		case strings.HasPrefix(g.name, "messages"):
			key, msg, ok := strings.Cut(line, "=")
			if !ok {
				return fmt.Errorf("%s: a message is written as rule-id = text", where)
			}
			b.messages[strings.TrimSpace(key)] = strings.TrimSpace(msg)
		case strings.HasPrefix(line, "message:"):
			g.message = strings.TrimSpace(strings.TrimPrefix(line, "message:"))
		case strings.HasPrefix(line, "not-after:"):
			g.notAfter.add(b.parseWords(strings.TrimPrefix(line, "not-after:"))...)
		case strings.HasPrefix(line, "not-before:"):
			g.notBefore.add(b.parseWords(strings.TrimPrefix(line, "not-before:"))...)
		case strings.HasPrefix(line, "not-followed-by:"):
			g.notFollowedBy.add(b.parseWords(strings.TrimPrefix(line, "not-followed-by:"))...)
		case strings.HasPrefix(line, "about:"):
			g.aboutDefs = append(g.aboutDefs, strings.TrimPrefix(line, "about:"))
		default:
			g.lines = append(g.lines, line)
		}
	}
	return nil
}

// compile turns the lines of a section into phrases. Sections used only as word lists
// compile too: a word is a phrase of one slot.
func (b *rulebook) compile(g *group) error {
	for _, def := range g.aboutDefs {
		for _, f := range strings.FieldsFunc(def, func(r rune) bool { return r == ',' || r == '/' || r == ' ' }) {
			if !strings.HasPrefix(f, "@") {
				g.about.add(parseAtom(f))
				continue
			}
			// A list of single words: "@them-words = process | interview* | …".
			list, err := b.list(f)
			if err != nil {
				return fmt.Errorf("[%s] about: %v", g.name, err)
			}
			for _, alt := range list {
				if len(alt) != 1 || len(alt[0].alts) > 0 || alt[0].optional {
					return fmt.Errorf("[%s] about: %s must list single words", g.name, f)
				}
				g.about.add(alt[0].atoms...)
			}
		}
	}
	for _, line := range g.lines {
		for _, text := range strings.Split(line, " / ") { // several phrases on one line
			text = strings.TrimSpace(text)
			s, err := b.parseSeq(text)
			if err != nil {
				return fmt.Errorf("[%s] %q: %v", g.name, text, err)
			}
			if len(s) == 0 || s[0].gap || s[0].end || firstAtoms(s) == nil {
				return fmt.Errorf("[%s] %q: a phrase must start with a word", g.name, text)
			}
			g.phrases = append(g.phrases, &phrase{slots: s, group: g, text: text})
		}
	}
	return nil
}

// parseWords reads a list of single words: "a, b/c d".
func (b *rulebook) parseWords(s string) []atom {
	var out []atom
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '/' || r == ' ' }) {
		out = append(out, parseAtom(f))
	}
	return out
}

// parseSeq reads one phrase: words separated by spaces, "a/b" alternatives, "(…)" for
// what may be absent, ".." for a gap, "$" for the end of the sentence, "@name" for a list.
func (b *rulebook) parseSeq(s string) (seq, error) {
	var out seq
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		var field string
		optional := false
		if s[0] == '(' {
			end := strings.IndexByte(s, ')')
			if end < 0 {
				return nil, fmt.Errorf("( without )")
			}
			field, s, optional = s[1:end], s[end+1:], true
		} else if i := strings.IndexByte(s, ' '); i >= 0 {
			field, s = s[:i], s[i+1:]
		} else {
			field, s = s, ""
		}
		sl, err := b.parseSlot(strings.TrimSpace(field))
		if err != nil {
			return nil, err
		}
		if optional && (sl.gap || sl.end) {
			return nil, fmt.Errorf("(%s) cannot be optional", field)
		}
		sl.optional = optional
		out = append(out, sl)
	}
	return out, nil
}

func (b *rulebook) parseSlot(field string) (slot, error) {
	switch {
	case field == "..":
		return slot{gap: true}, nil
	case field == "$":
		return slot{end: true}, nil
	case strings.Contains(field, " "): // "(able to)": an optional sequence
		inner, err := b.parseSeq(field)
		return slot{alts: []seq{inner}}, err
	}
	var sl slot
	for _, alt := range strings.Split(field, "/") {
		switch {
		case alt == "":
			return sl, fmt.Errorf("empty alternative in %q", field)
		case strings.HasPrefix(alt, "@"):
			list, err := b.list(alt)
			if err != nil {
				return sl, err
			}
			sl.alts = append(sl.alts, list...)
		case len(alt) > 1 && strings.Trim(alt, "-") != "" && strings.Contains(strings.Trim(alt, "-*"), "-"):
			// A hyphenated word matches with or without the hyphen: time-wasting, time wasting.
			var s seq
			for _, part := range strings.Split(alt, "-") {
				s = append(s, slot{atoms: []atom{parseAtom(part)}})
			}
			sl.alts = append(sl.alts, s)
		default:
			sl.atoms = append(sl.atoms, parseAtom(alt))
		}
	}
	return sl, nil
}

func parseAtom(s string) atom {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	switch {
	case len(s) > 1 && strings.HasSuffix(s, "*"):
		return atom{text: s[:len(s)-1], prefix: true}
	case len(s) > 1 && strings.HasPrefix(s, "*"):
		return atom{text: s[1:], suffix: true}
	}
	return atom{text: s}
}

// list parses a list's definition the first time it is used.
func (b *rulebook) list(name string) ([]seq, error) {
	if l, ok := b.lists[name]; ok {
		return l, nil
	}
	def, ok := b.listDefs[name]
	if !ok {
		return nil, fmt.Errorf("%s is not defined: write @name = a | b c in one of the files", name)
	}
	if b.parsing[name] {
		return nil, fmt.Errorf("%s uses itself", name)
	}
	b.parsing[name] = true
	defer delete(b.parsing, name)
	var out []seq
	for _, alt := range strings.Split(def, "|") {
		s, err := b.parseSeq(strings.TrimSpace(alt))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if len(s) == 0 {
			return nil, fmt.Errorf("%s has an empty alternative", name)
		}
		out = append(out, s)
	}
	b.lists[name] = out
	return out, nil
}

// firstAtoms lists the words a sequence can start with, or nil if it can start with
// something else (a gap, or nothing at all).
func firstAtoms(s seq) []atom {
	var out []atom
	for _, sl := range s {
		if sl.gap || sl.end {
			return nil
		}
		out = append(out, sl.atoms...)
		for _, alt := range sl.alts {
			f := firstAtoms(alt)
			if f == nil {
				return nil
			}
			out = append(out, f...)
		}
		if !sl.optional {
			return out
		}
	}
	return nil
}

// section returns the groups written under [name]; a missing section is a mistake in the
// program, found by the tests.
func (b *rulebook) section(name string) []*group {
	gs, ok := b.groups[name]
	if !ok {
		panic("proofread: no [" + name + "] in rules/*.txt")
	}
	return gs
}

// words returns the words of a section written as a word list.
func (b *rulebook) words(name string) wordSet {
	out := newWordSet()
	for _, g := range b.section(name) {
		for _, l := range g.lines {
			out.add(b.parseWords(l)...)
		}
	}
	return out
}

// singleWords returns the words that are phrases of a section by themselves ("grateful",
// "thank*"), leaving out the phrases of several words and their limits.
func (b *rulebook) singleWords(name string) wordSet {
	out := newWordSet()
	for _, g := range b.section(name) {
		for _, p := range g.phrases {
			if len(p.slots) == 1 && len(p.slots[0].alts) == 0 && !p.slots[0].optional {
				out.add(p.slots[0].atoms...)
			}
		}
	}
	return out
}

// wordList returns the words of a section in the order written.
func (b *rulebook) wordList(name string) []string {
	var out []string
	for _, g := range b.section(name) {
		for _, l := range g.lines {
			for _, a := range b.parseWords(l) {
				out = append(out, a.text)
			}
		}
	}
	return out
}

// message returns the message a rule gives, as rules/messages.txt words it.
func (b *rulebook) message(key string) string {
	m, ok := b.messages[key]
	if !ok {
		panic("proofread: no message " + key + " in rules/messages.txt")
	}
	return m
}

// phraseIndex finds the phrases of some sections in a letter's words quickly: each phrase is
// tried only at the words it can start with.
type phraseIndex struct {
	exact  map[string][]*phrase
	prefix map[string][]*phrase // by the first three bytes of the stem
	suffix map[string][]*phrase // by the last three bytes of the ending
	other  []*phrase            // phrases that start with a short stem or ending
	// bit marks the phrases of this index (phrase.in); all is every index of the rulebook
	// together, which a letter looks its words up in once for all the indexes.
	bit uint64
	all *phraseIndex
}

func newPhraseIndex() *phraseIndex {
	return &phraseIndex{exact: map[string][]*phrase{}, prefix: map[string][]*phrase{}, suffix: map[string][]*phrase{}}
}

func (b *rulebook) index(sections ...string) *phraseIndex {
	if b.all == nil {
		b.all = newPhraseIndex()
	}
	if b.indexes == 64 {
		panic("proofread: more than 64 phrase indexes")
	}
	ix := newPhraseIndex()
	ix.bit, ix.all = 1<<b.indexes, b.all
	b.indexes++
	for _, name := range sections {
		for _, g := range b.section(name) {
			for _, p := range g.phrases {
				p.in |= ix.bit
				ix.add(p)
				b.all.add(p)
			}
		}
	}
	return ix
}

// add indexes p by the words it can start with.
func (ix *phraseIndex) add(p *phrase) {
	for _, a := range firstAtoms(p.slots) {
		switch {
		case !a.prefix && !a.suffix:
			ix.exact[a.text] = appendOnce(ix.exact[a.text], p)
		case a.prefix && len(a.text) >= 3:
			ix.prefix[a.text[:3]] = appendOnce(ix.prefix[a.text[:3]], p)
		case a.suffix && len(a.text) >= 3:
			k := a.text[len(a.text)-3:]
			ix.suffix[k] = appendOnce(ix.suffix[k], p)
		default:
			ix.other = appendOnce(ix.other, p)
		}
	}
}

func appendOnce(ps []*phrase, p *phrase) []*phrase {
	for _, q := range ps {
		if q == p {
			return ps
		}
	}
	return append(ps, p)
}

// candidates appends to out the phrases that may start at word w, each once.
func (ix *phraseIndex) candidates(w string, out []*phrase) []*phrase {
	from := len(out)
	add := func(ps []*phrase) {
		for _, p := range ps {
			if !slices.Contains(out[from:], p) {
				out = append(out, p)
			}
		}
	}
	add(ix.exact[w])
	if len(w) >= 3 {
		add(ix.prefix[w[:3]])
		add(ix.suffix[w[len(w)-3:]])
	}
	add(ix.other)
	return out
}
