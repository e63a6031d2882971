package stage

import "testing"

func TestStatusesAreTheTenOfTheContract(t *testing.T) {
	want := map[Status]string{
		"saved": "Saved", "applied": "Applied", "invited": "Interview invited",
		"scheduled": "Interview scheduled", "offer": "Offer", "declined": "Declined (by me)",
		"withdrawn": "Withdrawn", "rejected": "Rejected", "ghosted": "No response", "accepted": "Accepted",
	}
	got := Statuses()
	if len(got) != len(want) {
		t.Fatalf("got %d statuses, want %d", len(got), len(want))
	}
	for _, s := range got {
		if want[s] != s.Label() {
			t.Errorf("%s: label %q, want %q", s, s.Label(), want[s])
		}
		if !s.Valid() {
			t.Errorf("%s not valid", s)
		}
	}
	if Status("nope").Valid() || Status("").Valid() {
		t.Error("unknown status reported valid")
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Status
	}{
		{"saved", Saved}, {"Wishlist", Saved}, {"BOOKMARKED", Saved},
		{"applied", Applied}, {"Applied", Applied},
		{"Interview invited", Invited}, {"invited", Invited},
		{"Interviewing", Scheduled}, {"interview  scheduled", Scheduled},
		{"Offer", Offer}, {"Offer Declined", Declined}, {"declined (by me)", Declined},
		{"withdrew", Withdrawn}, {"Not selected", Rejected}, {"Ghosted", Ghosted},
		{"no response", Ghosted}, {" Hired ", Accepted}, {"offer accepted", Accepted},
	} {
		got, err := Parse(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "maybe", "offerx"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

// What each status means, asked of the one table.
func TestWhatEachStatusMeans(t *testing.T) {
	for _, tc := range []struct {
		s                 Status
		question          Question
		waiting, declined bool
		goAhead           Status
	}{
		{Saved, AboutApplying, false, false, ""},
		{Applied, AboutApplying, true, false, ""},
		{Invited, AboutInterview, true, false, Scheduled},
		{Scheduled, AboutInterview, false, false, Scheduled},
		{Offer, AboutOffer, false, false, Accepted},
		{Declined, Nothing, false, true, ""},
		{Withdrawn, Nothing, false, true, ""},
		{Rejected, Nothing, false, false, ""},
		{Ghosted, Nothing, false, false, ""},
		{Accepted, Nothing, false, false, ""},
		{"unknown", Nothing, false, false, ""},
	} {
		if tc.s.Question() != tc.question || tc.s.Waiting() != tc.waiting || tc.s.Declined() != tc.declined || tc.s.GoAhead() != tc.goAhead {
			t.Errorf("%s: %v %v %v %q", tc.s, tc.s.Question(), tc.s.Waiting(), tc.s.Declined(), tc.s.GoAhead())
		}
	}
}

func TestAfterMail(t *testing.T) {
	for _, tc := range []struct {
		at, mail, want Status
	}{
		{Applied, Invited, Invited},
		{Saved, Scheduled, Scheduled},
		{Invited, Scheduled, Scheduled},
		{Scheduled, Offer, Offer},
		{Scheduled, Invited, Scheduled}, // a reminder of the invitation does not undo the schedule
		{Offer, Scheduled, Offer},
		{Invited, Invited, Invited},
		{Invited, "", Invited},
		{Invited, "nonsense", Invited},
		{Applied, Rejected, Rejected},
		{Offer, Rejected, Rejected},
		{Ghosted, Invited, Invited}, // they wrote after all
		{Rejected, Invited, Invited},
		{Declined, Invited, Declined}, // what the user settled stays
		{Withdrawn, Offer, Withdrawn},
		{Accepted, Rejected, Accepted},
		{"", Invited, Invited},
	} {
		if got := tc.at.AfterMail(tc.mail); got != tc.want {
			t.Errorf("at %q, a mail suggesting %q: %q, want %q", tc.at, tc.mail, got, tc.want)
		}
	}
}
