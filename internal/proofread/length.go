package proofread

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/proofread/dict"
)

// Length and repeated words.

const maxWords = 200

var doubledOK = book.words("doubled-ok")

func (d *doc) length() {
	n := len(d.body)
	if n <= maxWords {
		return
	}
	start := d.body[maxWords].start
	end := len(strings.TrimRight(d.text[:d.bodyEnd], " \t\r\n"))
	d.add(RuleTooLong, start, end, fmt.Sprintf(book.message(RuleTooLong), n, maxWords), "")
}

// repeatedWords reports a word written twice in a row ("the the", "I I"), in any case,
// also where a sentence wraps onto the next line and where the second is a contraction of
// the first ("I I'll"), but not across punctuation or a break between sentences, not where
// the doubling is correct ("had had"), and not in a name ("Bora Bora"). The fix keeps the
// second word, as written.
func (d *doc) repeatedWords(dic *dict.Dictionary) {
	for i := 1; i < len(d.body); i++ {
		a, b := d.body[i-1], d.body[i]
		end := contraction(b.word)
		contracted := end != "" && strings.TrimSuffix(b.word, end) == a.word
		if a.word != b.word && !contracted || !b.tight || doubledOK.has(a.word) || strings.ContainsAny(d.text[a.end:b.start], "-‐") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(a.word); unicode.IsDigit(r) {
			continue
		}
		second, _ := utf8.DecodeRuneInString(d.text[b.start:])
		if unicode.IsUpper(second) && !dic.Known(strings.ToLower(d.text[b.start:b.end])) && a.word != "i" {
			continue // a name: Bora Bora, Baden Baden
		}
		w := d.text[a.start:a.end]
		fix := w
		if contracted {
			fix = d.text[b.start:b.end]
		}
		d.add(RuleRepeatedWord, a.start, b.end, fmt.Sprintf(book.message(RuleRepeatedWord), w), fix)
	}
}

// tabs reports each run of tab characters in the letter's text: they come with pasted text
// and show as odd gaps in mail. The fix is one space, or nothing where a space is already
// beside the run.
func (d *doc) tabs() {
	text := d.text[:d.bodyEnd]
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\t')
		if j < 0 {
			return
		}
		start := i + j
		end := start
		for end < len(text) && text[end] == '\t' {
			end++
		}
		fix := " "
		if (start > 0 && text[start-1] == ' ') || (end < len(text) && (text[end] == ' ' || text[end] == '\n')) || start == 0 || text[start-1] == '\n' {
			fix = ""
		}
		d.add(RuleTab, start, end, book.message(RuleTab), fix)
		i = end
	}
}

// contraction is the ending of a contracted word ("'ll" of "i'll"), or "" for none.
func contraction(w string) string {
	if strings.IndexByte(w, '\'') < 0 {
		return ""
	}
	for _, end := range []string{"'ll", "'m", "'ve", "'d", "'re", "'s"} {
		if strings.HasSuffix(w, end) && len(w) > len(end) {
			return end
		}
	}
	return ""
}
