package proofread

import (
	"strings"
	"testing"
)

func TestPlaceholder(t *testing.T) {
	checkRule(t, RulePlaceholder, []ruleCase{
		{letterWith("I admire [Company Name] a lot."), "[Company Name]"},
		{strings.Replace(letterWith(""), "Ana Silva", "<Your Name>", 1), "<Your Name>"},
		{letterWith("Hello {{name}}, again."), "{{name}}"},
		{letterWith("I can start on XXX."), "XXX"},
		{letterWith("The date is TBD."), "TBD"},
		{letterWith("My notice period is {notice}."), "{notice}"},
		{letterWith("The salary was $XX,XXX."), "$XX,XXX"},
		{letterWith("Reach me at <jo@acme.test>."), ""},
		{letterWith("The posting said it was \"fun\" [sic]."), ""},
		{letterWith("I wear size XXL shirts."), ""},
		{letterWith("Xavier Xu referred me."), ""},
		{letterWith("See point [1] of your email."), ""},
		{letterWith("My TBDs are done."), ""},
		{strings.Replace(letterWith(""), "Ana Silva", "Tba Okafor", 1), ""},
	}, Options{})
}

// Placeholders in every style templates use are found; ordinary brackets, parentheses and
// capitalised words are not.
func TestPlaceholderStyles(t *testing.T) {
	greeting := func(g string) string { return strings.Replace(letterWith(""), "Dear Jo Park,", g, 1) }
	signed := func(tail string) string { return strings.Replace(letterWith(""), "Ana Silva\n", tail, 1) }
	checkRule(t, RulePlaceholder, []ruleCase{
		{greeting("Dear [Name],"), "[Name]"},
		{greeting("Dear <Name>,"), "<Name>"},
		{greeting("Dear {{name}},"), "{{name}}"},
		{greeting("Dear (Interviewer Name),"), "(Interviewer Name)"},
		{greeting("Dear …,"), "…"},
		{greeting("Dear ...,"), "..."},
		{greeting("Dear ,"), "Dear ,"},
		{greeting("Dear ____,"), "____"},
		{greeting("Dear Mr./Ms. Lastname,"), "Mr./Ms. Lastname"},
		{greeting("Dear Ms. Lastname,"), "Ms. Lastname"},
		{greeting("Dear Hiring Manager's Name,"), "Hiring Manager's Name"},
		{letterWith("I applied for the __(Position)__ role."), "__(Position)__"},
		{letterWith("I can start on ____ if needed."), "____"},
		{letterWith("I was glad to hear about (Company Name)."), "(Company Name)"},
		{letterWith("The interview on (insert date) is off."), "(insert date)"},
		{letterWith("Thank you for the (job title) interview."), "(job title)"},
		{letterWith("I applied for the Job Title role at Company Name."), "Job Title"},
		{letterWith("Please pass my thanks to YOUR NAME."), "YOUR NAME"},
		{signed("Your Name\n"), "Your Name"},
		{signed("Company Name\n"), "Company Name"},
		{signed("Ana Silva\nJob Title\n"), "Job Title"},
		{signed("your full name\n"), "your full name"},
		{signed("Name\n"), "Name"},
		{letterWith("My start date would be TBC."), "TBC"},
		{letterWith("Lorem ipsum dolor sit amet."), "Lorem ipsum"},
		// Ordinary text.
		{greeting("Dear Hiring Manager,"), ""},
		{greeting("Hello,"), ""},
		{greeting("Hi Jo,"), ""},
		{letterWith("I could not make the second slot (the Tuesday one)."), ""},
		{letterWith("Thank you (and the whole team) for your time."), ""},
		{letterWith("I enjoyed meeting Ben (Acme Robotics) last week."), ""},
		{letterWith("My current role (my first as a lead) keeps me busy."), ""},
		{letterWith("The Role and the Company were both appealing."), ""},
		{letterWith("I wrote \"(Interviewer Name)\" in my notes, sorry."), "(Interviewer Name)"},
		{letterWith("Let's talk (see my calendar [here](https://cal.example.com))."), ""},
		{signed("Ana Silva\nPhone: +1 555 0100\nEmail: ana@example.com\n"), ""},
		{signed("Ana Silva\nSenior Data Engineer\n"), ""},
		{letterWith("The XXL and the X-ray are fine."), ""},
	}, Options{Name: "Ana Silva"})
}

// The forms of letter templates found in the wild: a year still to be written, address
// lines, a label signed in the name's place, a bare label with a note in brackets.
func TestPlaceholderTemplateForms(t *testing.T) {
	top := func(head string) string {
		return head + "\n\n" + strings.TrimPrefix(letterWith(""), "Subject: Go Engineer interview\n\n")
	}
	signed := func(tail string) string { return strings.Replace(letterWith(""), "Ana Silva\n", tail, 1) }
	checkRule(t, RulePlaceholder, []ruleCase{
		{top("April 20, 20XX"), "20XX"},
		{letterWith("I can start in the spring of 20xx."), "20xx"},
		{top("(Home Address)\n(City, State, Zip Code)"), "(Home Address)"},
		{top("(Your Street Address)"), "(Your Street Address)"},
		{signed("(Name of the Candidate)\n"), "(Name of the Candidate)"},
		{signed("Your name (typed)\n"), "Your name (typed)"},
		{signed("Your Signature (handwritten)\n"), "Your Signature (handwritten)"},
		{letterWith("I applied for the Name of the Role position."), "Name of the Role"},
		{top("April 20, 2026"), ""},
		{letterWith("I moved home (the city, not the town) last year."), ""},
		{letterWith("My address changed in 2019."), ""},
		{signed("Ana Silva (typed in a hurry)\n"), ""},
		{letterWith("The company was founded in the 1990s."), ""},
		{signed("Ana Silva\n(she/her)\n"), ""},
	}, Options{Name: "Ana Silva"})
	// A label signed in the name's place is filled with the writer's name.
	got := findings(signed("(Name of the Candidate)\n"), RulePlaceholder, Options{Name: "Ana Silva"})
	if len(got) != 1 || got[0].Fix != "Ana Silva" {
		t.Errorf("(Name of the Candidate) under the sign-off: %+v", got)
	}
}

// A placeholder the app can fill carries the fill as its fix: the writer's name for a name
// placeholder, the recipient, the company or the role for theirs.
func TestPlaceholderFixes(t *testing.T) {
	opts := Options{Name: "Ana Silva", Recipient: "Jo Park", Company: "Acme Robotics", Role: "Data Engineer"}
	base := "Dear Jo Park,\n\nThank you for the interview. I have decided to decline it. %s\n\nBest regards,\n%s\n"
	for _, tc := range []struct{ middle, sign, span, fix string }{
		{"", "[Your Name]", "[Your Name]", "Ana Silva"},
		{"", "Your Name", "Your Name", "Ana Silva"},
		{"", "<Your Full Name>", "<Your Full Name>", "Ana Silva"},
		{"", "[Name]", "[Name]", "Ana Silva"},
		{"I admire [Company Name].", "Ana Silva", "[Company Name]", "Acme Robotics"},
		{"I admire {company}.", "Ana Silva", "{company}", "Acme Robotics"},
		{"The [Job Title] role suits someone else.", "Ana Silva", "[Job Title]", "Data Engineer"},
		{"Please thank [Hiring Manager's Name].", "Ana Silva", "[Hiring Manager's Name]", "Jo Park"},
		{"Please thank [Interviewer's First Name].", "Ana Silva", "[Interviewer's First Name]", "Jo"},
		{"The date is [Date].", "Ana Silva", "[Date]", ""},
		{"It was XXX.", "Ana Silva", "XXX", ""},
	} {
		text := strings.Replace(strings.Replace(base, "%s", tc.middle, 1), "%s", tc.sign, 1)
		got := findings(text, RulePlaceholder, opts)
		if len(got) != 1 || got[0].Text != tc.span || got[0].Fix != tc.fix {
			t.Errorf("%q / %q: %+v, want %q fixed as %q", tc.middle, tc.sign, got, tc.span, tc.fix)
		}
	}
	for _, tc := range []struct{ greeting, span, fix string }{
		{"Dear [Name],", "[Name]", "Jo Park"},
		{"Dear …,", "…", "Jo Park"},
		{"Dear ,", "Dear ,", "Dear Jo Park,"},
		{"Dear Mr./Ms. Lastname,", "Mr./Ms. Lastname", "Jo Park"},
		{"Hi {{first_name}},", "{{first_name}}", "Jo"},
	} {
		text := strings.Replace(strings.Replace(base, "Dear Jo Park,", tc.greeting, 1), "%s", "", 1)
		text = strings.Replace(text, "%s", "Ana Silva", 1)
		got := findings(text, RulePlaceholder, opts)
		if len(got) != 1 || got[0].Text != tc.span || got[0].Fix != tc.fix {
			t.Errorf("%q: %+v, want %q fixed as %q", tc.greeting, got, tc.span, tc.fix)
		}
	}
	// Without the values, the placeholder is still found, with no fix.
	if got := findings("Dear [Name],\n\nThanks. I decline.\n\nBest,\n[Your Name]\n", RulePlaceholder, Options{}); len(got) != 2 || got[0].Fix != "" || got[1].Fix != "" {
		t.Errorf("without values: %+v", got)
	}
}

// A name the app knows is never a placeholder, even when it looks like one.
func TestPlaceholderKnownNames(t *testing.T) {
	text := letterWith("I admire TBD Labs and the Company Name Collective.")
	if got := findings(text, RulePlaceholder, Options{Known: []string{"TBD Labs", "Company Name Collective"}}); len(got) != 0 {
		t.Errorf("known names taken for placeholders: %+v", got)
	}
	if got := findings(text, RulePlaceholder, Options{}); len(got) != 2 {
		t.Errorf("unknown, they are placeholders: %+v", got)
	}
}

// The earlier message quoted under a reply is theirs: its gaps are not the writer's.
func TestPlaceholderNotInQuotedReply(t *testing.T) {
	text := letterWith("") + "\nOn Mon, 2 Mar 2026 at 09:14, Jo Park <jo@acme.test> wrote:\n> Dear [Candidate Name],\n> Your interview is on TBD.\n"
	if got := findings(text, RulePlaceholder, Options{}); len(got) != 0 {
		t.Errorf("placeholders found in the quoted message: %+v", got)
	}
	if got := Text(text, Options{Name: "Ana Silva"}); len(got) != 0 {
		t.Errorf("the quoted message hides the letter's end: %+v", got)
	}
}
