package proofread

import (
	"testing"
)

func TestNoClosing(t *testing.T) {
	end := func(tail string) string {
		return "Dear Jo,\n\nThank you for the invitation. I have decided to decline the interview.\n\n" + tail
	}
	checkRule(t, RuleNoClosing, []ruleCase{
		{end("Ana Silva"), "Ana Silva"},
		{end(""), ""[0:0] + "Thank you"},
		{end("See you around\nAna Silva"), "Ana Silva"},
		{end("Best of luck with your search.\nAna Silva"), "Ana Silva"},
		{end("Regards to the team, Ana Silva"), "Ana Silva"},
		{end("Talk soon,\nAna Silva"), ""}, // informal, but a sign-off all the same
		{end("Have a good weekend\nAna Silva"), "Ana Silva"},
		{end("Best regards,\nAna Silva"), ""},
		{end("Sincerely,\nAna Silva"), ""},
		{end("Kind regards\nAna Silva"), ""},
		{end("Warm regards,\nAna Silva\nSenior Go Engineer · +1 555 0100"), ""},
		{end("Thank you again,\nAna Silva"), ""},
		{end("Best regards, Ana Silva"), ""},
		{end("Yours sincerely,\n\nAna Silva\n\n"), ""},
	}, Options{})
}

func TestNoName(t *testing.T) {
	end := func(tail string) string {
		return "Dear Jo,\n\nThank you for the invitation. I have decided to decline the interview.\n\n" + tail
	}
	checkRule(t, RuleNoName, []ruleCase{
		{end("Best regards,"), "Best regards,"},
		{end("Best regards,\nAna"), "Best regards,"},
		{end("Best regards,\nana silva"), "Best regards,"},
		{end("Sincerely,\n[Your Name]"), "Sincerely,"},
		{end("Sincerely,\nthe candidate"), "Sincerely,"},
		{end("Best regards,\nAna 2024"), "Best regards,"},
		{end("Best regards,\nAna Silva"), ""},
		{end("Best regards,\nAna María de la Cruz"), ""},
		{end("Best regards,\nJean-Luc O'Neil"), ""},
		{end("Best regards,\nJ. R. Okafor\nStaff Engineer"), ""},
		{end("Best regards, Ana Silva"), ""},
		{end("Sincerely,\n\nAna Silva\n+1 555 0100\nana@example.com"), ""},
	}, Options{})
	// With the profile name known, only that name counts.
	checkRule(t, RuleNoName, []ruleCase{
		{end("Best regards,\nJo Park"), "Best regards,"},
		{end("Best regards,\nAna"), "Best regards,"},
		{end("Best regards,\nAna Silva-Costa"), ""},
		{end("Best regards,\nana  silva"), ""},
		{end("Best regards,\nAna Silva\nSenior Go Engineer"), ""},
		{end("Best regards, Ana Silva"), ""},
		{end("Kind regards,\nDr. Ana Silva"), ""},
		{end("Sincerely,\nA. Silva"), "Sincerely,"},
		{end("Sincerely,\nSilva"), "Sincerely,"},
		{end("Thanks,\nAna Silva"), ""},
		{end("Sincerely,\nThe Silva family"), "Sincerely,"},
		{end("Best regards,\nAnna Silver"), "Best regards,"},
		{end("Best,\nAna Silva"), ""},
	}, Options{Name: "Ana Silva"})
}

// Sign-offs are recognised by family, not from a fixed list: any case, singular or plural,
// with or without a comma, after adjectives.
func TestSignoffFamilies(t *testing.T) {
	body := "Dear Jo,\n\nThank you for the invitation. I have decided to decline the interview.\n\n"
	for _, s := range []string{
		"With kind regard,", "Kind Regards", "BEST REGARDS,", "regards", "Warmest wishes", "Best wishes!",
		"Sincerely,", "Yours sincerely,", "Sincerely yours", "Yours faithfully,", "Yours truly,", "Yours,",
		"Thanks,", "Thank you,", "Thanks again!", "Thank you so much,", "Many thanks,", "With thanks,",
		"Best,", "All the best,", "All best,", "Cheers,", "Cheers!", "Respectfully,", "Respectfully yours,",
		"Cordially,", "Warmly,", "Take care,", "With gratitude,", "With appreciation,", "Thanks again, and best wishes,",
		"Thanks and regards,", "With best wishes,", "Kindest regards,", "Warm regards,",
		"All the best to you and the team,", "Best wishes for your search,",
		"Cordiali saluti,", "Cordialement,", "Mit freundlichen Grüßen,", "Saludos,", "Met vriendelijke groeten,",
	} {
		text := body + s + "\nAna Silva\n"
		for _, rule := range []string{RuleNoClosing, RuleNoName} {
			if got := findings(text, rule, Options{Name: "Ana Silva"}); len(got) > 0 {
				t.Errorf("%q: %s on %q", s, rule, got[0].Text)
			}
		}
	}
	for _, s := range []string{"See you around", "Best of luck with your search.", "Regards to the team, Ana Silva",
		"Speak later,", "Have a good weekend", "Thank you for your time and your patience with me."} {
		text := body + s + "\nAna Silva\n"
		if got := findings(text, RuleNoClosing, Options{Name: "Ana Silva"}); len(got) == 0 {
			t.Errorf("%q taken for a sign-off", s)
		}
	}
}

// no-name is reported on its own: a letter that just stops lacks both the sign-off and the
// name; one that ends with the name lacks only the sign-off. A placeholder is never a name,
// and what follows the name (a phone footer, a title) does not hide it.
func TestNameWithOrWithoutSignoff(t *testing.T) {
	body := "Dear Jo,\n\nThank you for the invitation. I have decided to decline the interview.\n\n"
	for _, tc := range []struct {
		name, tail        string
		noClosing, noName bool
	}{
		{"Ana Silva", "I hope the search goes well.", true, true},
		{"", "I hope the search goes well.", true, true},
		{"Ana Silva", "Ana Silva", true, false},
		{"", "Ana Silva", true, false},
		{"", "Ana", true, true},
		{"Ana Silva", "Ana Silva\nSent from my phone", true, false},
		{"", "Ana Silva\nana@example.com\n+1 555 0100", true, false},
		{"Ana Silva", "Best regards,\nAna Silva\n\nSent from my iPhone", false, false},
		{"Ana Silva", "Best regards,\n\nSent from my iPhone", false, true},
		{"", "Best regards,\n[Your Name]", false, true},
		{"", "Best regards,\nYour Name", false, true},
		{"Ana Silva", "Best regards,\n<Ana Silva>", false, true},
		{"", "Best regards,\nCompany Name", false, true},
		{"", "Best regards,\nAna Silva, PhD", false, false},
		{"", "Best regards,\nAna Silva | Data Engineer", false, false},
		{"Ana Silva", "Best regards,\nAna Maria Silva", false, false},
		{"Ana Silva", "Best regards,\nANA SILVA", false, false},
		{"", "Best regards,\nSiobhán Ní Bhriain", false, false},
		{"", "Best regards,\nJan van der Berg", false, false},
	} {
		text := body + tc.tail + "\n"
		opts := Options{Name: tc.name}
		if got := len(findings(text, RuleNoClosing, opts)) > 0; got != tc.noClosing {
			t.Errorf("%q (name %q): no-closing %v, want %v", tc.tail, tc.name, got, tc.noClosing)
		}
		if got := len(findings(text, RuleNoName, opts)) > 0; got != tc.noName {
			t.Errorf("%q (name %q): no-name %v, want %v", tc.tail, tc.name, got, tc.noName)
		}
	}
}

// A sign-off with nothing under it is fixed by adding the profile's name.
func TestNoNameFix(t *testing.T) {
	text := "Dear Jo,\n\nThank you. I decline the interview.\n\nKind regards,\n"
	got := findings(text, RuleNoName, Options{Name: "Ana Silva"})
	if len(got) != 1 || got[0].Text != "Kind regards," || got[0].Fix != "Kind regards,\nAna Silva" {
		t.Errorf("%+v", got)
	}
	if got := findings(text, RuleNoName, Options{}); len(got) != 1 || got[0].Fix != "" {
		t.Errorf("without a profile name: %+v", got)
	}
	if got := findings(text+"Ana\n", RuleNoName, Options{Name: "Ana Silva"}); len(got) != 1 || got[0].Fix != "" {
		t.Errorf("a first name is there: the fix cannot know where the name goes: %+v", got)
	}
}
