package proofread

import (
	"strings"
	"testing"
)

func TestMisspelling(t *testing.T) {
	checkRule(t, RuleMisspelling, []ruleCase{
		{letterWith("I recieved your email."), "recieved"},
		{letterWith("Thank you for the oppurtunity."), "oppurtunity"},
		{letterWith("I definately enjoyed it."), "definately"},
		{letterWith("The interveiw was kind."), "interveiw"},
		{strings.Replace(letterWith(""), "Best regards,", "Sincerly,", 1), "Sincerly"},
		{letterWith("I beleive it is right."), "beleive"},
		{letterWith("Thier team was great."), "Thier"},
		{letterWith("I received your email."), ""},
		{letterWith("I organise my time carefully."), ""},
		{letterWith("Thank you for the opportunity."), ""},
		{letterWith("The interview was kind."), ""},
		{letterWith("Kubernetes and PostgreSQL are in my toolbox."), ""},
		{letterWith("Jo Nguyen and Siobhán Ó Briain say hello."), ""},
	}, Options{})
}

// The dictionary check: US and UK spellings, possessives, contractions, hyphenated words
// and inflections pass; names, addresses, links and numbers are never words to spell.
func TestMisspellingEdges(t *testing.T) {
	checkRule(t, RuleMisspelling, []ruleCase{
		{letterWith("I realised the programme's colour suited my judgement."), ""},
		{letterWith("I realized the program's color suited my judgment."), ""},
		{letterWith("The recruiter’s note and the companies' offers didn’t fit; it’s fine, we’d agree."), ""},
		{letterWith("Our well-being, co-workers, follow-up, e-mail and long-term plans."), ""},
		{letterWith("I worked on onboarding roadmaps and upskilling."), ""},
		{letterWith("Reach me at ana.silva@example.com or https://ana.example.org/cv or acme.io."), ""},
		{letterWith("The interview on 3rd March at 10am, Q3 2025, is off."), ""},
		{letterWith("My colleague Priyanka Venkataraman mentioned Zorblax to me."), ""},
		{letterWith("The café in Jyväskylä serves a naïve crème brûlée."), ""},
		{letterWith("It's a NO from me: FAQ, HR, SaaS, iOS and McKinsey aside."), ""},
		{letterWith("The role, e.g. its hours, i.e. nights, etc. and so on."), ""},
		{letterWith("I recieved the adress."), "recieved"},
		{letterWith("I beleive it is teh right choise."), "beleive"},
		{letterWith("The the colleauge was kind."), "colleauge"},
		{letterWith("Siobhan's recruiter was thankfull."), "thankfull"},
		{letterWith("I enjoyed the well-beeing workshop."), "beeing"},
		{letterWith("My dicision is final."), "dicision"},
		{letterWith("Please give bossname my regards."), "bossname"},
		{letterWith("Please thank yourname for me."), "yourname"},
		{letterWith("I love storytelling and codebases."), ""},
		{letterWith("Thier team was great."), "Thier"},
		{letterWith("I met Thier and Recieved at the fair."), ""}, // capitalised mid-sentence: names
		{"Subject: Withdrawl of my application\n\nDear Jo,\n\nThank you. I withdraw.\n\nBest regards,\nAna Silva\n", "Withdrawl"},
	}, Options{Name: "Ana Silva"})
}

// The names the app knows are never misspellings, wherever they stand and however written.
func TestMisspellingKnownNames(t *testing.T) {
	text := "Dear Zorblax team,\n\nThank you, kubeflowx and zorblax. I decline.\n\nBest regards,\nAna Qwertyson\n"
	if got := findings(text, RuleMisspelling, Options{}); len(got) != 2 {
		t.Errorf("unknown lower-case names are misspellings: %+v", got)
	}
	opts := Options{Name: "Ana Qwertyson", Company: "Zorblax", Role: "Kubeflowx Engineer"}
	if got := findings(text, RuleMisspelling, opts); len(got) != 0 {
		t.Errorf("known names flagged: %+v", got)
	}
	if got := findings(text+"P.S. zorblax's team was kind.\n", RuleMisspelling, Options{Known: []string{"Zorblax Ltd", "kubeflowx"}}); len(got) != 0 {
		t.Errorf("known names flagged: %+v", got)
	}
}

// A misspelling's fix is the dictionary's first suggestion, in the word's capitals.
func TestMisspellingFix(t *testing.T) {
	for word, fix := range map[string]string{"recieved": "received", "Sincerly": "Sincerely", "definately": "definitely",
		"oppurtunity": "opportunity", "gratefull": "grateful", "experiance": "experience", "dont": "don't"} {
		text := letterWith("I wrote " + word + " here.")
		if word == "Sincerly" {
			text = strings.Replace(letterWith(""), "Best regards,", "Sincerly,", 1)
		}
		got := findings(text, RuleMisspelling, Options{})
		if len(got) != 1 || got[0].Text != word || got[0].Fix != fix {
			t.Errorf("%s: %+v, want fix %q", word, got, fix)
		}
	}
	got := findings(letterWith("I wrote zqxjvkwy here."), RuleMisspelling, Options{})
	if len(got) != 1 || got[0].Fix != "" || !strings.Contains(got[0].Message, "zqxjvkwy") {
		t.Errorf("no suggestion, no fix: %+v", got)
	}
}

// A template's gap for a name, run together, is no word to split: "bossname" stands for a
// name, while "yourcompany" is "your company".
func TestMisspellingNameGap(t *testing.T) {
	for word, fix := range map[string]string{"bossname": "", "yourname": "", "managername": "", "yourcompany": "your company", "myrole": "my role"} {
		got := findings(letterWith("Please thank "+word+" for me."), RuleMisspelling, Options{})
		if len(got) != 1 || got[0].Fix != fix || fix == "" && (len(got[0].Suggestions) > 0 || !strings.Contains(got[0].Message, "gap")) {
			t.Errorf("%s: %+v, want fix %q", word, got, fix)
		}
	}
}

// The sign-off line holds nothing to spell: its words are a sign-off's, perhaps of the
// writer's own language, and the name.
func TestMisspellingNotInTheSignoff(t *testing.T) {
	text := strings.Replace(letterWith("I recieved it."), "Best regards,", "Cordiali saluti,", 1)
	got := findings(text, RuleMisspelling, Options{})
	if len(got) != 1 || got[0].Text != "recieved" {
		t.Errorf("findings %+v", got)
	}
}
