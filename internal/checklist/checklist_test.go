package checklist

import (
	"strings"
	"testing"
	"time"
)

func TestChecklistShape(t *testing.T) {
	secs := Sections()
	want := []string{"The role", "The company", "Your path"}
	if len(secs) != len(want) {
		t.Fatalf("%d sections", len(secs))
	}
	seen := map[string]bool{}
	for i, s := range secs {
		if s.Title != want[i] {
			t.Errorf("section %d is %q, want %q", i, s.Title, want[i])
		}
		if n := len(s.Items); n < 5 || n > 7 {
			t.Errorf("%s has %d items, want 5–7", s.Title, n)
		}
		for _, it := range s.Items {
			if seen[it.ID] {
				t.Errorf("duplicate id %s", it.ID)
			}
			seen[it.ID] = true
			if !strings.HasPrefix(it.ID, s.ID+".") || it.Text == "" || it.Hint == "" || it.Hook == "" || it.Reason == "" {
				t.Errorf("incomplete item %+v", it)
			}
		}
	}
	// Sections hands out copies: changing them leaves the checklist alone.
	secs[0].Items[0].Text = "changed"
	if Sections()[0].Items[0].Text == "changed" {
		t.Error("Sections shares its items")
	}
}

// TestReasonMapping is the table of which letter reason a concern points to.
func TestReasonMapping(t *testing.T) {
	want := map[string]string{
		"role.description": "not-a-fit", "role.responsibilities": "not-a-fit", "role.requirements": "not-a-fit",
		"role.growth": "career-goals", "role.pay": "compensation", "role.changes": "not-a-fit",
		"company.mission": "not-a-fit", "company.reviews": "not-a-fit", "company.public": "not-a-fit",
		"company.inclusion": "not-a-fit", "company.responsibility": "not-a-fit",
		"path.goals": "career-goals", "path.strengths": "career-goals", "path.environment": "not-a-fit",
		"path.balance": "personal", "path.finances": "compensation", "path.offers": "another-offer", "path.timing": "timing",
	}
	n := 0
	for _, s := range Sections() {
		for _, it := range s.Items {
			n++
			if want[it.ID] != it.Reason {
				t.Errorf("%s → %q, want %q", it.ID, it.Reason, want[it.ID])
			}
		}
	}
	if n != len(want) {
		t.Errorf("%d items, table has %d", n, len(want))
	}
}

func answers(pairs ...string) Answers {
	a := Answers{}
	for i := 0; i+1 < len(pairs); i += 2 {
		a[pairs[i]] = Answer{Choice: Choice(pairs[i+1])}
	}
	return a
}

// allFit answers every item "fits", then applies the given changes.
func allFit(changes ...string) Answers {
	a := Answers{}
	for _, s := range Sections() {
		for _, it := range s.Items {
			a[it.ID] = Answer{Choice: Fits}
		}
	}
	for id, ans := range answers(changes...) {
		a[id] = ans
	}
	return a
}

func TestSummarize(t *testing.T) {
	for _, tc := range []struct {
		name       string
		a          Answers
		suggestion Suggestion
		reason     string
		why        []string
	}{
		{"nothing answered", Answers{}, "", "", []string{"Answer at least 6 of the 18 items"}},
		{"too few answers, a tie goes to the more specific reason", answers("role.pay", "concern", "path.goals", "concern"), "", "career-goals", []string{"Answer at least"}},
		{"all fit", allFit(), Proceed, "", []string{"Nothing you answered stands in the way."}},
		{"one concern among fits", allFit("role.pay", "concern"), Proceed, "compensation",
			[]string{"More fits than worries. Raise the pay and level in the interview."}},
		{"three concerns decline", allFit("role.pay", "concern", "path.balance", "concern", "path.timing", "concern"), Decline, "compensation",
			[]string{"Your concerns: the pay and level, work-life balance and timing."}},
		{"career goals outweigh", allFit("path.goals", "concern", "path.strengths", "concern", "role.pay", "concern"), Decline, "career-goals", nil},
		{"another offer wins a tie", allFit("path.offers", "concern", "path.timing", "concern", "company.reviews", "concern"), Decline, "another-offer", nil},
		{"not a fit when company worries dominate", allFit("company.mission", "concern", "company.reviews", "concern", "path.timing", "concern"), Decline, "not-a-fit", nil},
		{"more concerns than fits", answers("role.description", "concern", "role.pay", "concern", "role.growth", "fits",
			"path.goals", "unsure", "path.balance", "unsure", "company.public", "unsure"), Decline, "compensation",
			[]string{"Your concerns: the work itself and the pay and level.", "Find out more about how it treats people, your long-term goals and work-life balance before you reply."}},
		{"unsure items are named", allFit("path.finances", "unsure"), Proceed, "", []string{"Find out more about your finances"}},
	} {
		s := Summarize(tc.a)
		if s.Suggestion != tc.suggestion || s.Reason != tc.reason {
			t.Errorf("%s: suggestion %q reason %q, want %q %q (%s)", tc.name, s.Suggestion, s.Reason, tc.suggestion, tc.reason, s.Why)
		}
		for _, w := range tc.why {
			if !strings.Contains(s.Why, w) {
				t.Errorf("%s: why %q lacks %q", tc.name, s.Why, w)
			}
		}
	}
}

func TestSummaryCountsPerSection(t *testing.T) {
	s := Summarize(answers("role.pay", "concern", "role.growth", "unsure", "role.changes", "fits", "path.timing", "concern"))
	role, company, path := s.Sections[0], s.Sections[1], s.Sections[2]
	if role.Concerns != 1 || role.Unsure != 1 || role.Fits != 1 || role.Missed != 3 {
		t.Errorf("role %+v", role)
	}
	if company.Missed != 5 || path.Concerns != 1 || s.Answered != 4 || s.Total != 18 {
		t.Errorf("company %+v path %+v answered %d/%d", company, path, s.Answered, s.Total)
	}
}

func TestClean(t *testing.T) {
	a := Answers{
		"role.pay":     {Choice: Concern, Note: "too low"},
		"role.growth":  {Note: "ask about training"},
		"nope.unknown": {Choice: Fits},
		"path.goals":   {Choice: "maybe"},
		"path.timing":  {},
	}
	got := a.Clean()
	if len(got) != 2 || got["role.pay"].Note != "too low" || got["role.growth"].Choice != "" {
		t.Errorf("Clean = %+v", got)
	}
}

func TestTiming(t *testing.T) {
	today := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)
	day := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, _ := time.Parse(time.DateOnly, s)
		return d
	}
	for _, tc := range []struct {
		invited, interview, responded string
		want                          string
		urgency                       Urgency
	}{
		{"", "", "", "Add the day you were invited", NoUrgency},
		{"2026-11-25", "", "", "Invited today", Calm},
		{"2026-11-24", "", "", "Invited yesterday", Calm},
		{"2026-11-23", "", "", "Invited 2 days ago — reply soon.", Soon},
		{"2026-11-22", "", "", "Invited 3 days ago — reply soon.", Soon},
		{"2026-11-21", "", "", "Invited 4 days ago — reply today", Now},
		{"2026-11-11", "", "", "Invited 14 days ago — reply today", Now},
		{"2026-10-01", "", "", "Invited 55 days ago — if you have not replied yet", Now},
		{"2026-11-30", "", "", "in the future", NoUrgency},
		{"2026-11-24", "2026-11-27", "", "The interview is in 2 days — reply today.", Now},
		{"2026-11-24", "2026-11-25", "", "The interview is today", Now},
		{"", "2026-12-20", "", "The interview is in 25 days.", Calm},
		{"2026-11-24", "2026-12-20", "", "Invited yesterday", Calm},
		{"2026-11-01", "2026-11-20", "", "The interview date has passed.", NoUrgency},
		{"2026-11-01", "2026-11-27", "2026-11-02", "You replied on 2026-11-02.", NoUrgency},
	} {
		b := Timing(Dates{Invited: day(tc.invited), Interview: day(tc.interview), Responded: day(tc.responded)}, today)
		if !strings.Contains(b.Text, tc.want) || b.Urgency != tc.urgency {
			t.Errorf("invited %q interview %q responded %q: %q (%d), want %q (%d)",
				tc.invited, tc.interview, tc.responded, b.Text, b.Urgency, tc.want, tc.urgency)
		}
	}
}
