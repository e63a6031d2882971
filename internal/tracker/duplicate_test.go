package tracker

import "testing"

func TestNormalizeCompany(t *testing.T) {
	same := [][]string{
		{"Acme", "ACME Inc.", "Acme, Inc", "acme  llc", "The Acme Company", "Acme Ltd.", "Acme GmbH", "Acme Corp."},
		{"Smith & Sons", "smith and sons", "Smith & Sons, LLC"},
		{"O'Reilly Media", "OReilly Media Inc"},
		{"Müller AG", "müller"},
	}
	for _, group := range same {
		want := NormalizeCompany(group[0])
		for _, name := range group[1:] {
			if got := NormalizeCompany(name); got != want {
				t.Errorf("NormalizeCompany(%q) = %q, want %q (as %q)", name, got, want, group[0])
			}
		}
	}
	different := [][2]string{{"Acme", "Acme Labs"}, {"Apple", "Applied"}, {"Co", "Inc"}}
	for _, p := range different {
		if NormalizeCompany(p[0]) == NormalizeCompany(p[1]) {
			t.Errorf("%q and %q should differ", p[0], p[1])
		}
	}
	if got := NormalizeCompany("Inc"); got != "inc" {
		t.Errorf("a name made only of a suffix keeps it: got %q", got)
	}
}

func TestNormalizeRoleAndURL(t *testing.T) {
	if NormalizeRole("Senior  Go-Engineer") != NormalizeRole("senior go engineer") {
		t.Error("role spacing/punctuation should not matter")
	}
	for _, pair := range [][2]string{{"Sr. Go Eng.", "Senior Go Engineer"}, {"Jr Data Analyst", "Junior Data Analyst"},
		{"Engineering Mgr", "engineering manager"}, {"VP Sales", "Vice President Sales"}, {"Go Dev", "Go Developer"}} {
		if NormalizeRole(pair[0]) != NormalizeRole(pair[1]) {
			t.Errorf("%q and %q should be the same role", pair[0], pair[1])
		}
	}
	if NormalizeRole("Developer Relations") == NormalizeRole("Dev Ops") {
		t.Error("different roles merged")
	}
	same := []string{
		"https://jobs.example.com/posting/42",
		"http://www.jobs.example.com/posting/42/",
		"jobs.example.com/posting/42#apply",
		"https://JOBS.example.com/posting/42?utm_source=x&utm_medium=y",
	}
	for _, u := range same[1:] {
		if NormalizeURL(u) != NormalizeURL(same[0]) {
			t.Errorf("NormalizeURL(%q) = %q, want %q", u, NormalizeURL(u), NormalizeURL(same[0]))
		}
	}
	if NormalizeURL("https://x.com/jobs?id=1") == NormalizeURL("https://x.com/jobs?id=2") {
		t.Error("query parameters other than utm_ identify postings")
	}
	if NormalizeURL("  ") != "" {
		t.Error("blank URL should have no key")
	}
}
