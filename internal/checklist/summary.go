package checklist

import (
	"fmt"
	"strings"
)

// Suggestion is what the answers point to.
type Suggestion string

// The suggestions; "" means there are not enough answers to suggest anything.
const (
	Proceed Suggestion = "proceed"
	Decline Suggestion = "decline"
)

// SectionCount is how one section was answered.
type SectionCount struct {
	Section                        Section
	Fits, Concerns, Unsure, Missed int
}

// Summary sums up the answers.
type Summary struct {
	Sections   []SectionCount
	Answered   int
	Total      int
	Suggestion Suggestion
	Why        string // the suggestion's reasons in plain words
	Reason     string // the letter reason the concerns point to; "" without concerns
	Concerns   []Item
	Unsure     []Item
}

// reasonPriority breaks ties between letter reasons suggested equally often: the more
// specific, the earlier.
var reasonPriority = []string{"another-offer", "career-goals", "compensation", "timing", "personal", "not-a-fit"}

// Summarize counts the answers per section and suggests proceeding or declining.
//
// The rule, so that it can be explained in one breath: with no concern, proceed; with three
// concerns or more, or more concerns than items that fit, decline; otherwise proceed and
// raise the concerns in the interview. Nothing is suggested before a third of the items
// are answered.
func Summarize(a Answers) Summary {
	var s Summary
	var fits, concerns int
	reasons := map[string]int{}
	for _, sec := range sections {
		c := SectionCount{Section: sec}
		for _, it := range sec.Items {
			s.Total++
			switch a[it.ID].Choice {
			case Fits:
				c.Fits++
			case Concern:
				c.Concerns++
				s.Concerns = append(s.Concerns, it)
				reasons[it.Reason]++
			case Unsure:
				c.Unsure++
				s.Unsure = append(s.Unsure, it)
			default:
				c.Missed++
				continue
			}
			s.Answered++
		}
		fits += c.Fits
		concerns += c.Concerns
		s.Sections = append(s.Sections, c)
	}
	for _, r := range reasonPriority {
		if reasons[r] > reasons[s.Reason] {
			s.Reason = r
		}
	}

	switch {
	case s.Answered*3 < s.Total:
		s.Why = fmt.Sprintf("Answer at least %d of the %d items to get a suggestion.", (s.Total+2)/3, s.Total)
		return s
	case concerns == 0:
		s.Suggestion = Proceed
		s.Why = "Nothing you answered stands in the way."
	case concerns >= 3 || concerns > fits:
		s.Suggestion = Decline
		s.Why = "Your concerns: " + hooks(s.Concerns) + "."
	default:
		s.Suggestion = Proceed
		s.Why = "More fits than worries. Raise " + hooks(s.Concerns) + " in the interview."
	}
	if len(s.Unsure) > 0 {
		s.Why += " Find out more about " + hooks(s.Unsure) + " before you reply."
	}
	return s
}

// hooks names items in a list: "a, b and c".
func hooks(items []Item) string {
	names := make([]string, len(items))
	for i, it := range items {
		names[i] = it.Hook
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
