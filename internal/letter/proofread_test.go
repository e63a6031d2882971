package letter

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// letterWith is a sound letter with middle added to its decision paragraph.
func letterWith(middle string) string {
	return "Subject: Go Engineer interview\n\nDear Jo Park,\n\n" +
		"Thank you for inviting me to interview for the Go Engineer role at Acme.\n\n" +
		"I have decided to withdraw my application. " + middle + "\n\n" +
		"Best regards,\nAna Silva\n"
}

func findings(text, rule string, opts ProofreadOptions) []Finding {
	var out []Finding
	for _, f := range Proofread(text, opts) {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

type ruleCase struct {
	text string
	flag string // "" when the rule must stay quiet; else text the flagged span must contain
}

func checkRule(t *testing.T, rule string, cases []ruleCase, opts ProofreadOptions) {
	t.Helper()
	pos, neg := 0, 0
	for _, c := range cases {
		got := findings(c.text, rule, opts)
		if c.flag == "" {
			neg++
			if len(got) > 0 {
				t.Errorf("%s flagged %q in:\n%s", rule, got[0].Text, c.text)
			}
			continue
		}
		pos++
		if len(got) == 0 {
			t.Errorf("%s missed %q in:\n%s", rule, c.flag, c.text)
			continue
		}
		if !strings.Contains(got[0].Text, c.flag) {
			t.Errorf("%s flagged %q, want it to contain %q", rule, got[0].Text, c.flag)
		}
		if got[0].Severity != severityOf(rule) || got[0].Message == "" {
			t.Errorf("%s: severity %q message %q", rule, got[0].Severity, got[0].Message)
		}
	}
	if pos < 6 || neg < 6 {
		t.Errorf("%s has %d positive and %d negative examples; want at least 6 of each", rule, pos, neg)
	}
}

func TestSoundLetterHasNoFindings(t *testing.T) {
	if fs := Proofread(letterWith(""), ProofreadOptions{Name: "Ana Silva"}); len(fs) != 0 {
		t.Errorf("findings on a sound letter: %+v", fs)
	}
}

func TestNoGratitude(t *testing.T) {
	without := func(thanks string) string {
		return "Dear Jo,\n\n" + thanks + "\n\nI have decided to withdraw my application.\n\nBest regards,\nAna Silva\n"
	}
	checkRule(t, RuleNoGratitude, []ruleCase{
		{without("I got your invitation."), "Dear Jo,"},
		{without("I did not appreciate the way the call went."), "Dear Jo,"},
		{without("No thanks."), "Dear Jo,"},
		{without(`My friend said "thank you" is optional.`), "Dear Jo,"},
		{without("I have never been grateful for recruiter calls."), "Dear Jo,"},
		{"Subject: x\n\nHello,\n\nI withdraw.\n\nBest regards,\nAna Silva", "Hello,"},
		{without("Thank you for the invitation."), ""},
		{without("Thanks for thinking of me."), ""},
		{without("I appreciate your time."), ""},
		{without("I am grateful for the chance to talk."), ""},
		{without("Many thanks for your patience."), ""},
		{without("I'm thankful you considered me."), ""},
		{without("Your help is much appreciated."), ""},
	}, ProofreadOptions{})
}

func TestNoDecision(t *testing.T) {
	body := func(decision string) string {
		return "Dear Jo,\n\nThank you for the invitation to interview. " + decision + "\n\nBest regards,\nAna Silva\n"
	}
	checkRule(t, RuleNoDecision, []ruleCase{
		{body("I look forward to hearing from you."), "Dear Jo,"},
		{body("Should I decline the interview?"), "Dear Jo,"},
		{body("I don't want to withdraw my application."), "Dear Jo,"},
		{body("I am wondering whether to decline."), "Dear Jo,"},
		{body(`My mentor told me to "decline politely".`), "Dear Jo,"},
		{body("If I withdraw, I will tell you."), "Dear Jo,"},
		{body("I have decided to decline the interview."), ""},
		{body("I am withdrawing my application."), ""},
		{body("I will not be able to attend the interview."), ""},
		{body("I won't be moving forward with the process."), ""},
		{body("I have decided not to pursue this role."), ""},
		{body("I must respectfully pass on this opportunity."), ""},
		{body("I am no longer interested in being considered."), ""},
		{body("I'm turning down the invitation."), ""},
	}, ProofreadOptions{})
}

func TestFalseHope(t *testing.T) {
	checkRule(t, RuleFalseHope, []ruleCase{
		{letterWith("I'm not sure if I'm interested in the role."), "not sure if"},
		{letterWith("I need more time to think about it."), "need more time to think"},
		{letterWith("Maybe later we can talk."), "Maybe later"},
		{letterWith("I would like to keep my options open."), "keep my options open"},
		{letterWith("I am not certain yet."), "not certain yet"},
		{letterWith("I'll get back to you next week."), "I'll get back to you"},
		{letterWith("I haven't decided yet, honestly."), "haven't decided"},
		{letterWith("I might still be interested in a later round."), "might still be interested"},
		{letterWith("I am sure you will find a great candidate."), ""},
		{letterWith("I don't need more time to think: my decision is final."), ""},
		{letterWith("I am certain this is the right decision for me."), ""},
		{letterWith(`Your note asked if I was "not sure if I'm interested" — I am decided.`), ""},
		{letterWith("I'm not sure I would have been the best fit."), ""},
		{letterWith("Perhaps you know someone who would be a better fit."), ""},
		{letterWith("I hope our paths cross again."), ""},
	}, ProofreadOptions{})
}

func TestNegativeRemark(t *testing.T) {
	checkRule(t, RuleNegative, []ruleCase{
		{letterWith("The interview process was disorganized."), "disorganized"},
		{letterWith("Honestly, the salary you offered is below market."), "below market"},
		{letterWith("Your recruiter was rude on the phone."), "rude"},
		{letterWith("The reviews of the company culture are terrible."), "terrible"},
		{letterWith("Four rounds is a waste of my time."), "waste of my time"},
		{letterWith("I was disappointed by the offer."), "disappointed by"},
		{letterWith("The role seems boring."), "boring"},
		{letterWith("The process was not disorganized at all."), ""},
		{letterWith("I was never disappointed by our conversations."), ""},
		{letterWith("The compensation does not meet my current requirements."), ""},
		{letterWith("I enjoyed meeting the team."), ""},
		{letterWith(`A friend described the job as "boring", but that is not my reason.`), ""},
		{letterWith("Your team has been kind and responsive throughout."), ""},
		{letterWith("It is not an unreasonable request on your side."), ""},
	}, ProofreadOptions{})
}

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
	}, ProofreadOptions{})
}

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
		{end("Talk soon\nAna Silva"), "Ana Silva"},
		{end("Best regards,\nAna Silva"), ""},
		{end("Sincerely,\nAna Silva"), ""},
		{end("Kind regards\nAna Silva"), ""},
		{end("Warm regards,\nAna Silva\nSenior Go Engineer · +1 555 0100"), ""},
		{end("Thank you again,\nAna Silva"), ""},
		{end("Best regards, Ana Silva"), ""},
		{end("Yours sincerely,\n\nAna Silva\n\n"), ""},
	}, ProofreadOptions{})
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
	}, ProofreadOptions{})
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
	}, ProofreadOptions{Name: "Ana Silva"})
}

func TestOverApology(t *testing.T) {
	checkRule(t, RuleOverApology, []ruleCase{
		{letterWith("I am sorry. I apologize for the trouble."), "apologize"},
		{letterWith("Sorry again, and sorry for the late reply."), "sorry"},
		{letterWith("I regret the short notice; my apologies."), "apologies"},
		{letterWith("Apologies for the delay. I'm so sorry."), "sorry"},
		{letterWith("I regret the short notice and I apologise."), "apologise"},
		{letterWith("Sorry, sorry, sorry."), "sorry"},
		{letterWith("I am sorry for the short notice."), ""},
		{letterWith("I regret that I cannot attend."), ""},
		{letterWith("I'm not sorry I applied, and I apologize for the late reply."), ""},
		{letterWith(`You wrote "sorry for the delay" — no need. I apologize for mine.`), ""},
		{letterWith("Please accept my apologies for the short notice."), ""},
		{letterWith("Thank you for your patience."), ""},
	}, ProofreadOptions{})
}

func TestTooLong(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) + "." }
	checkRule(t, RuleTooLong, []ruleCase{
		// The letter around the words has 28 words of its own.
		{letterWith(words(250)), "word"},
		{letterWith(words(200)), "word"},
		{letterWith(words(190)), "word"},
		{letterWith(words(500)), "word"},
		{letterWith(strings.Repeat("Don't ", 190)), "Don't"},
		{letterWith(words(173)), "Silva"}, // the 201st word is the last
		{letterWith(words(172)), ""},
		{letterWith(words(100)), ""},
		{letterWith(""), ""},
		{"Subject: " + words(100) + "\n\n" + letterWith(words(150))[len("Subject: Go Engineer interview\n\n"):], ""},
		{letterWith(strings.Repeat("— ", 300)), ""},
		{letterWith(words(50)), ""},
	}, ProofreadOptions{})
}

func TestExclamation(t *testing.T) {
	checkRule(t, RuleExclamation, []ruleCase{
		{letterWith("Thanks again!!"), "!!"},
		{letterWith("Great team! Lovely people!"), "!"},
		{letterWith("Wow!!!"), "!!!"},
		{letterWith("Yes! No! Maybe!"), "!"},
		{letterWith("Really?!!"), "!!"},
		{letterWith("Best of luck! Take care!"), "!"},
		{letterWith("Best of luck!"), ""},
		{letterWith("Thank you."), ""},
		{letterWith(""), ""},
		{letterWith("Is that right?"), ""},
		{"Subject: Hi!\n\n" + letterWith("Great!")[len("Subject: Go Engineer interview\n\n"):], ""},
		{letterWith("It was a pleasure."), ""},
	}, ProofreadOptions{})
}

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
	}, ProofreadOptions{})
}

func TestCliche(t *testing.T) {
	checkRule(t, RuleCliche, []ruleCase{
		{letterWith("Let's circle back next year."), "circle back"},
		{letterWith("Happy to touch base later."), "touch base"},
		{letterWith("At the end of the day, it is my choice."), "At the end of the day"},
		{letterWith("I lack the bandwidth right now."), "bandwidth"},
		{letterWith("There are few synergies with my plans."), "synergies"},
		{letterWith("This is not a win-win."), "win-win"},
		{letterWith("I hope we stay in touch."), ""},
		{letterWith("I will be in contact if anything changes."), ""},
		{letterWith("It was a deep and thoughtful conversation."), ""},
		{letterWith("The base salary was fine."), ""},
		{letterWith("I enjoyed our talk."), ""},
		{letterWith(`The posting asked for a "rockstar ninja" who can "circle back".`), ""},
	}, ProofreadOptions{})
}

func TestHedging(t *testing.T) {
	checkRule(t, RuleHedging, []ruleCase{
		{letterWith("I kind of feel it is not for me."), "kind of"},
		{letterWith("It is sort of far from my plans."), "sort of"},
		{letterWith("I guess this is goodbye."), "I guess"},
		{letterWith("I suppose that is all."), "I suppose"},
		{letterWith("It is somewhat far from my goals."), "somewhat"},
		{letterWith("I feel like the timing is off."), "I feel like"},
		{letterWith("It was probably for the best."), "probably"},
		{letterWith("My background suits a different kind of role."), ""},
		{letterWith("What kind of team would fit me?"), ""},
		{letterWith("This sort of decision is never easy."), ""},
		{letterWith("I am sure of my decision."), ""},
		{letterWith("I feel grateful for the chance."), ""},
		{letterWith(`The job ad said "kind of remote".`), ""},
	}, ProofreadOptions{})
}

func TestFindingSpans(t *testing.T) {
	line := "Thank you. Ça va? I decline, yet I'm not sure if I want it!!"
	text := "Subject: Hi\n\nDear Jo,\n\n" + line + "\n\nBest regards,\nAna Silva\n"
	for _, f := range Proofread(text, ProofreadOptions{}) {
		if text[f.Start:f.End] != f.Text {
			t.Errorf("%s: span %d-%d is %q, text %q", f.Rule, f.Start, f.End, text[f.Start:f.End], f.Text)
		}
		if f.Line != 5 {
			t.Errorf("%s on line %d", f.Rule, f.Line)
		}
	}
	fh := findings(text, RuleFalseHope, ProofreadOptions{})
	wantCol := utf8.RuneCountInString(line[:strings.Index(line, "not sure")]) + 1
	if len(fh) != 1 || fh[0].Col != wantCol || fh[0].Text != "not sure if" {
		t.Errorf("false hope at col %d: %+v (columns count characters, so Ç is one)", fh[0].Col, fh)
	}
}
