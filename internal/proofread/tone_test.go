package proofread

import (
	"testing"
)

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
	}, Options{})
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
	}, Options{})
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
	}, Options{})
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
	}, Options{})
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
	}, Options{})
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
	}, Options{})
}

// Criticism in its quieter forms, and what only sounds like it.
func TestNegativeRemarkQuietForms(t *testing.T) {
	checkRule(t, RuleNegative, []ruleCase{
		{letterWith("I was disappointed that the salary was lower than advertised."), "disappointed that"},
		{letterWith("I was disappointed to learn the role is mostly on call."), "disappointed to"},
		{letterWith("The late change left me in an awkward position."), "left me in an awkward position"},
		{letterWith("Frankly, the process was longer than it needed to be."), "Frankly, the process was"},
		{letterWith("To be honest, the interview felt like a formality."), "honest, the interview felt"},
		{letterWith("The communication from your side has been poor."), "been poor"},
		{letterWith("The recruiter never got back to me."), "never got back"},
		{letterWith("It took five weeks to hear anything."), "took five weeks to hear"},
		{letterWith("The panel didn't give me a fair hearing."), "didn't give me a fair hearing"},
		{letterWith("I did not appreciate being kept on hold."), "did not appreciate"},
		{letterWith("The offer was well below what I expected."), "below what I expected"},
		{letterWith("I felt the process was unfair."), "unfair"},
		{letterWith("The pay sits well below what such a role demands."), "well below what such a role demands"},
		{letterWith("The final round did not give me much confidence in the leadership."), "confidence"},
		{letterWith("I have lost confidence in the management."), "lost confidence in the management"},
		{letterWith("The interviewers kept talking over each other."), "talking over each other"},
		{letterWith("Your confidence in me means a great deal."), ""},
		{letterWith("The salary is below what I need to move, so I must decline."), ""},
		{letterWith("I feel terrible about the short notice."), ""},
		{letterWith("I am disappointed to have to withdraw."), ""},
		{letterWith("I was disappointed that I could not make it work."), ""},
		{letterWith("Honestly, the team was lovely and I will miss them."), ""},
		{letterWith("It would be unfair to you to keep the slot."), ""},
		{letterWith("I hate to send this news."), ""},
		{letterWith("I was not disappointed by anything in the process."), ""},
		{letterWith("The commute would simply be too long for me."), ""},
		{letterWith("I hope we will work together in the future."), ""},
	}, Options{})
}

// Noncommittal lines, and the firm ones that resemble them.
func TestFalseHopeVariants(t *testing.T) {
	checkRule(t, RuleFalseHope, []ruleCase{
		{letterWith("I might change my mind in a few weeks."), "might change my mind"},
		{letterWith("I could be persuaded to reconsider."), "could be persuaded to reconsider"},
		{letterWith("Please don't rule me out just yet."), "don't rule me out"},
		{letterWith("Perhaps we could pick this up again next year."), "Perhaps we could pick"},
		{letterWith("Maybe later in the year things will change."), "Maybe later"},
		{letterWith("Let me think about it a little longer."), "Let me think about it"},
		{letterWith("I am still weighing my options."), "still weighing"},
		{letterWith("I need a few more days to decide."), "need a few more days to decide"},
		{letterWith("Could I put my application on hold?"), "put my application on hold"},
		{letterWith("I withdraw for now."), "withdraw for now"},
		{letterWith("I am on the fence."), "on the fence"},
		{letterWith("I hope our paths cross again."), ""},
		{letterWith("Perhaps we could stay in touch."), ""},
		{letterWith("I have made up my mind."), ""},
		{letterWith("I would be glad to hear about other roles."), ""},
		{letterWith("Roles that might interest me would be in data."), ""},
		{letterWith("I did not need more time to think."), ""},
		{letterWith("I am declining the offer at this point in my career."), ""},
		{letterWith("Perhaps you could send my thanks to Sam again."), ""},
		{letterWith("After taking a day to reflect, I am sure of it."), ""},
		{letterWith("Having taken time to think, I am sure."), ""},
		{letterWith("I needed some time to think, and now I know."), ""},
		{letterWith("I would like some time to reflect on it."), "like some time to reflect"},
	}, Options{})
}

// "I regret to inform you" is a formula, not an apology, and sympathy is not one either.
func TestApologyFormulas(t *testing.T) {
	checkRule(t, RuleOverApology, []ruleCase{
		{letterWith("I regret to inform you of this. I am sorry. My apologies for the delay."), "apologies"},
		{letterWith("Sorry for the delay, and sorry again."), "sorry"},
		{letterWith("I apologise for the short notice. Forgive me."), "Forgive me"},
		{letterWith("I regret the trouble and apologize for it."), "apologize"},
		{letterWith("My apologies; I am so sorry."), "sorry"},
		{letterWith("Regretfully, I am sorry to say I must apologise."), "apologise"},
		{letterWith("I regret to inform you that I am sorry for the short notice."), ""},
		{letterWith("Regretfully, I must decline. I apologise for the late reply."), ""},
		{letterWith("I was sorry to hear about the move. Apologies for the late reply."), ""},
		{letterWith("No need to apologise for the delay; I am sorry for mine."), ""},
		{letterWith("I regret to let you know this."), ""},
		{letterWith("I was sorry to read about the restructure, and I regret to say I must decline."), ""},
	}, Options{})
}

func TestExclamationFix(t *testing.T) {
	for text, want := range map[string][2]string{
		letterWith("Thanks!! Really!!!"): {"!!", "!"},
		letterWith("Thanks! Really!"):    {"!", "."},
	} {
		got := findings(text, RuleExclamation, Options{})
		if len(got) != 1 || got[0].Text != want[0] || got[0].Fix != want[1] {
			t.Errorf("%+v, want %q fixed as %q", got, want[0], want[1])
		}
	}
}

// Rudeness and slang, and criticism put as what the job would not give the writer.
func TestNegativeRemarkRudeness(t *testing.T) {
	checkRule(t, RuleNegative, []ruleCase{
		{letterWith("Frankly, a well trained monkey could manage the tasks."), "well trained monkey"},
		{letterWith("The role, to be frank... sucks."), "sucks"},
		{letterWith("The shift pattern is pretty suckish."), "suckish"},
		{letterWith("The commute is a sh*tter and I am out."), "sh*tter"},
		{letterWith("Honestly the whole process was a joke."), "joke"},
		{letterWith("The post would not benefit me or my career much."), "not benefit me"},
		{letterWith("The role would add little value to my career."), "little value to my"},
		{letterWith("I would not learn anything new in the role."), "not learn anything"},
		{letterWith("The position is frankly beneath me."), "beneath me"},
		{letterWith("Your offer would be a step down for me."), "a step down"},
		{letterWith("There is no room for growth in the team."), "no room for growth"},
		{letterWith("The work would not be challenging enough."), "not be challenging enough"},
		{letterWith("Sorry for the mess with my calendar this week."), ""},
		{letterWith("I feel stupid for taking so long to reply."), ""},
		{letterWith("I learned a great deal from our talk."), ""},
		{letterWith("The role does not fit my plans for the next few years."), ""},
		{letterWith("I have accepted a role that is closer to my family."), ""},
		{letterWith("It would not be fair to you to keep my application open."), ""},
		{letterWith("My home village is poor, and I am moving back to help."), ""},
		{letterWith("The *new* role is a great fit for someone else, I am sure."), ""},
		{letterWith("I wrote 5*3 by mistake."), ""},
	}, Options{})
}
