// Package sample makes believable, repeatable job-search records for benchmarks,
// screenshots and performance scripts.
package sample

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

var (
	companies = []string{"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises",
		"Soylent", "Tyrell", "Cyberdyne", "Wonka", "Vandelay Industries", "Pied Piper", "Aperture", "Black Mesa",
		"Massive Dynamic", "Oscorp", "Nakatomi", "Gringotts", "Monarch Solutions", "Northwind", "Contoso", "Fabrikam",
		"Tailspin Toys", "Litware", "Adatum", "Proseware", "Lucerne Publishing", "Wide World Importers", "Blue Yonder"}
	suffixes = []string{"", " Inc", " LLC", " GmbH", " Ltd", " Labs", " Group", " Systems", " Digital", " Health"}
	roles    = []string{"Software Engineer", "Go Developer", "Data Analyst", "Product Manager", "UX Designer",
		"Site Reliability Engineer", "QA Engineer", "Technical Writer", "Engineering Manager", "Data Scientist",
		"Support Engineer", "Platform Engineer", "Security Analyst", "Mobile Developer", "Solutions Architect"}
	levels    = []string{"", "", "Junior ", "Senior ", "Staff "}
	cities    = []string{"Berlin", "Lisbon", "Remote", "Toronto", "Austin", "London", "Dublin", "Oslo", "Madrid", "Denver"}
	sources   = []string{"LinkedIn", "Referral", "Company site", "Indeed", "Recruiter", "Meetup", ""}
	first     = []string{"Ana", "Ben", "Chloé", "Dev", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kenji", "Lea"}
	last      = []string{"Silva", "Okafor", "Nguyen", "Schmidt", "Rossi", "Kowalski", "Haddad", "Larsen", "Ito", "Moreau"}
	tagWords  = []string{"remote", "hybrid", "fintech", "startup", "visa", "contract", "referral", "dream job"}
	noteLines = []string{"Recruiter reached out on LinkedIn.", "Salary range not listed.", "Team uses Go and Postgres.",
		"Asked about relocation.", "Second round would be on site.", "Friend works there.", ""}
)

// Opportunities makes n records, the same ones for the same seed. Company and role
// combinations repeat rarely, and never within the first few thousand records.
func Opportunities(n int, seed uint64) []tracker.Opportunity {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	statuses := stage.Statuses()
	base := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	out := make([]tracker.Opportunity, n)
	for i := range out {
		company := pick(rng, companies) + pick(rng, suffixes)
		if i >= len(companies) {
			company = fmt.Sprintf("%s %d", company, i)
		}
		applied := base.AddDate(0, 0, rng.IntN(300))
		o := tracker.Opportunity{
			Company:     company,
			Role:        pick(rng, levels) + pick(rng, roles),
			Location:    pick(rng, cities),
			ContactName: pick(rng, first) + " " + pick(rng, last),
			Source:      pick(rng, sources),
			URL:         fmt.Sprintf("https://jobs.example.com/%d", i+1),
			Status:      statuses[rng.IntN(len(statuses))],
			AppliedOn:   day.Of(applied),
			Notes:       pick(rng, noteLines),
			CreatedAt:   applied,
			UpdatedAt:   applied.Add(time.Duration(rng.IntN(2000)) * time.Hour),
		}
		o.ContactEmail = fmt.Sprintf("recruiting%d@example.com", rng.IntN(1000))
		if rng.IntN(3) == 0 {
			o.InvitedOn = day.Of(applied.AddDate(0, 0, 3+rng.IntN(20)))
		}
		if rng.IntN(3) == 0 {
			o.FollowUpOn = day.Of(applied.AddDate(0, 0, 14+rng.IntN(200)))
		}
		for range rng.IntN(3) {
			o.Tags = append(o.Tags, pick(rng, tagWords))
		}
		o.Normalize()
		out[i] = o
	}
	return out
}

func pick(rng *rand.Rand, from []string) string { return from[rng.IntN(len(from))] }
