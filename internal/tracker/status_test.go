package tracker

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

func TestParseStatus(t *testing.T) {
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
		got, err := ParseStatus(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "maybe", "offerx"} {
		if _, err := ParseStatus(bad); err == nil {
			t.Errorf("ParseStatus(%q) accepted", bad)
		}
	}
}
