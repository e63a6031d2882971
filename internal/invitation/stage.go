package invitation

import "strings"

// stageIn is the stage a text suggests, by the phrases of words/phrases.txt: a rejection
// outweighs everything, an offer an interview, a confirmed interview an invitation; an
// offer and a rejection together suggest nothing.
func stageIn(text string) Stage {
	words := wordsOf(text)
	found := map[Stage]bool{}
	for i, w := range words {
		for _, sp := range known.stageIndex[w] {
			if !found[sp.stage] && matchAt(words, i, sp.phrase) {
				found[sp.stage] = true
			}
		}
		for _, sp := range known.stageStars {
			if !found[sp.stage] && matchAt(words, i, sp.phrase) {
				found[sp.stage] = true
			}
		}
	}
	switch {
	case found[StageRejected] && found[StageOffer]:
		return StageUnknown
	case found[StageRejected]:
		return StageRejected
	case found[StageOffer]:
		return StageOffer
	case found[StageScheduled]:
		return StageScheduled
	case found[StageInvited]:
		return StageInvited
	}
	return StageUnknown
}

// matchAt reports whether phrase p matches words from i on.
func matchAt(words []string, i int, p phrase) bool {
	if len(p) == 0 {
		return true
	}
	if p[0] == "" { // a gap: up to gapWords words
		for skip := 0; skip <= gapWords && i+skip <= len(words); skip++ {
			if matchAt(words, i+skip, p[1:]) {
				return true
			}
		}
		return false
	}
	if i >= len(words) || !wordMatches(words[i], p[0]) {
		return false
	}
	return matchAt(words, i+1, p[1:])
}

func wordMatches(word, pattern string) bool {
	if stem, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(word, stem)
	}
	return word == pattern
}
