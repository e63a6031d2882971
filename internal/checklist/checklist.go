// Package checklist is the before-you-decline checklist: what to weigh about the role, the
// company and your own path, the answers given, and what they suggest.
package checklist

// Choice is the answer to one item.
type Choice string

// The answers an item can have; "" is not answered yet.
const (
	Fits    Choice = "fits"
	Concern Choice = "concern"
	Unsure  Choice = "unsure"
)

// Choices lists the answers in the order they are offered.
var Choices = []Choice{Fits, Concern, Unsure}

// Label is the choice as the user reads it.
func (c Choice) Label() string {
	switch c {
	case Fits:
		return "Fits"
	case Concern:
		return "Concern"
	case Unsure:
		return "Unsure"
	}
	return ""
}

// Answer is what the user said about one item.
type Answer struct {
	Choice Choice `json:"choice,omitempty"`
	Note   string `json:"note,omitempty"`
}

// Answers holds the answers given, by item id. Items not answered are absent.
type Answers map[string]Answer

// Item is one thing to weigh.
type Item struct {
	ID   string
	Text string // what should hold for the opportunity to fit, phrased so "Fits" means yes
	Hint string // where to look
	Hook string // a few words that name the item in a summary
	// Reason is the letter reason a concern about this item points to (see the letter
	// package's reason ids).
	Reason string
}

// Section is a group of items.
type Section struct {
	ID    string
	Title string
	Intro string
	Items []Item
}

// sections is the checklist. Its words are ours; its substance follows the usual advice on
// weighing an interview invitation before turning it down.
var sections = []Section{
	{ID: "role", Title: "The role", Intro: "Is the job itself what you want?", Items: []Item{
		{ID: "role.description", Text: "The job description still describes work you want to do",
			Hint: "Reread the posting: title, purpose of the job, what a normal week looks like.", Hook: "the work itself", Reason: "not-a-fit"},
		{ID: "role.responsibilities", Text: "You would enjoy the responsibilities",
			Hint: "Who you report to, what you own, how much is hands-on, how much is meetings.", Hook: "the responsibilities", Reason: "not-a-fit"},
		{ID: "role.requirements", Text: "The requirements match your experience",
			Hint: "Degrees, certifications and years asked for, next to what you actually bring.", Hook: "the requirements", Reason: "not-a-fit"},
		{ID: "role.growth", Text: "It would build the skills you want to grow",
			Hint: "Which of your skills it uses every day, and what new ones it teaches.", Hook: "room to grow", Reason: "career-goals"},
		{ID: "role.pay", Text: "The pay and level match what you are after",
			Hint: "Salary range, seniority, benefits, bonus, equity.", Hook: "the pay and level", Reason: "compensation"},
		{ID: "role.changes", Text: "Nothing important changed since you applied",
			Hint: "A new title, scope, location, team or pay range since the posting you answered.", Hook: "changes since you applied", Reason: "not-a-fit"},
	}},
	{ID: "company", Title: "The company", Intro: "Would you be glad to work there?", Items: []Item{
		{ID: "company.mission", Text: "Its mission and values match yours",
			Hint: "The About page, the mission statement, what it says it stands for.", Hook: "mission and values", Reason: "not-a-fit"},
		{ID: "company.reviews", Text: "Current and former staff speak well of it",
			Hint: "Employee reviews on culture, management and workload.", Hook: "what staff say", Reason: "not-a-fit"},
		{ID: "company.public", Text: "It treats people well in public",
			Hint: "How it answers staff, candidates and customers on social media and in the news.", Hook: "how it treats people", Reason: "not-a-fit"},
		{ID: "company.inclusion", Text: "It takes diversity and inclusion seriously",
			Hint: "Who leads it, who it hires, what it does beyond statements.", Hook: "diversity and inclusion", Reason: "not-a-fit"},
		{ID: "company.responsibility", Text: "Its social responsibility sits well with you",
			Hint: "Its record with communities, the environment and suppliers.", Hook: "social responsibility", Reason: "not-a-fit"},
	}},
	{ID: "path", Title: "Your path", Intro: "Does it take you where you are going?", Items: []Item{
		{ID: "path.goals", Text: "It is a step towards your long-term goals",
			Hint: "Where you want to be in three to five years, and whether this gets you closer.", Hook: "your long-term goals", Reason: "career-goals"},
		{ID: "path.strengths", Text: "It makes good use of your skills and interests",
			Hint: "The things you do best and most like doing.", Hook: "your skills and interests", Reason: "career-goals"},
		{ID: "path.environment", Text: "The work environment suits you",
			Hint: "Office, hybrid or remote; team size; pace; the kind of colleagues you work best with.", Hook: "the work environment", Reason: "not-a-fit"},
		{ID: "path.balance", Text: "It keeps your work-life balance healthy",
			Hint: "Hours, travel, on-call, commute, family commitments.", Hook: "work-life balance", Reason: "personal"},
		{ID: "path.finances", Text: "It works for your finances",
			Hint: "Take-home pay against your costs, relocation, the risk of a move.", Hook: "your finances", Reason: "compensation"},
		{ID: "path.offers", Text: "No other offer suits you better",
			Hint: "Offers you hold or expect soon, and how this one compares.", Hook: "another offer", Reason: "another-offer"},
		{ID: "path.timing", Text: "The timing is right for a move",
			Hint: "Notice period, projects you want to finish, events in your life.", Hook: "timing", Reason: "timing"},
	}},
}

// Sections is the checklist, in order. The result is the caller's to keep.
func Sections() []Section {
	out := make([]Section, len(sections))
	for i, s := range sections {
		out[i] = s
		out[i].Items = append([]Item(nil), s.Items...)
	}
	return out
}

// ItemByID finds an item of the checklist.
func ItemByID(id string) (Item, bool) {
	for _, s := range sections {
		for _, it := range s.Items {
			if it.ID == id {
				return it, true
			}
		}
	}
	return Item{}, false
}

// Clean drops answers to items that are not in the checklist and answers with neither a
// choice nor a note, and trims nothing else: what the user wrote is kept as written.
func (a Answers) Clean() Answers {
	out := Answers{}
	for id, ans := range a {
		if _, ok := ItemByID(id); !ok {
			continue
		}
		if ans.Choice != Fits && ans.Choice != Concern && ans.Choice != Unsure {
			ans.Choice = ""
		}
		if ans.Choice == "" && ans.Note == "" {
			continue
		}
		out[id] = ans
	}
	return out
}
