package tracker

import (
	"errors"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/stage"
)

func TestDaysUntouchedCountsCalendarDaysWhereTheUserIs(t *testing.T) {
	east := time.FixedZone("UTC+2", 2*3600)
	west := time.FixedZone("UTC-8", -8*3600)
	at := func(days int, hour int) time.Time {
		return clocktest.Epoch.Truncate(24*time.Hour).AddDate(0, 0, days).Add(time.Duration(hour) * time.Hour)
	}
	for _, tc := range []struct {
		name    string
		updated time.Time
		now     time.Time
		want    int
	}{
		{"same moment", at(0, 10), at(0, 10), 0},
		{"later the same day", at(0, 1), at(0, 23), 0},
		{"just after midnight counts a day", at(0, 23), at(1, 1), 1},
		{"three weeks", at(-21, 12), at(0, 9), 21},
		// 22:30 UTC is already the next day two hours east, and still the same day far west.
		{"east of UTC", at(-1, 22).Add(30 * time.Minute), at(0, 12).In(east), 0},
		{"west of UTC", at(-1, 9), at(0, 5).In(west), 0},
		{"updated in the future", at(2, 0), at(0, 0), -2},
	} {
		o := Opportunity{ActivityAt: tc.updated}
		if got := o.DaysUntouched(tc.now); got != tc.want {
			t.Errorf("%s: %d days, want %d", tc.name, got, tc.want)
		}
	}
}

func TestMarkNoResponse(t *testing.T) {
	s, c := openTemp(t)
	applied := mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev", Status: stage.Applied})
	invited := mustAdd(t, s, Opportunity{Company: "Beta", Role: "Dev", Status: stage.Invited})
	offer := mustAdd(t, s, Opportunity{Company: "Gamma", Role: "Dev", Status: stage.Offer})
	c.Fake.Set(clocktest.Epoch.AddDate(0, 0, 23))

	for _, tc := range []struct {
		o    Opportunity
		want string
	}{{applied, "Status: from Applied to No response"}, {invited, "Status: from Interview invited to No response"}} {
		got, err := s.MarkNoResponse(tc.o.ID)
		if err != nil {
			t.Fatal(err)
		}
		n := len(got.History)
		if got.Status != stage.Ghosted || n != 3 || got.History[n-2].Describe() != tc.want || got.History[n-1].Describe() != "No response after 23 days" {
			t.Errorf("%s: %s, history %+v", tc.o.Company, got.Status, got.History)
		}
		if !got.UpdatedAt.After(tc.o.UpdatedAt) {
			t.Errorf("%s: not marked updated", tc.o.Company)
		}
	}

	for _, id := range []uint64{applied.ID, offer.ID} { // no longer waiting, or never was
		before, _ := s.Get(id)
		if _, err := s.MarkNoResponse(id); !errors.Is(err, ErrNotWaiting) {
			t.Errorf("#%d: %v", id, err)
		}
		if after, _ := s.Get(id); after.Status != before.Status || len(after.History) != len(before.History) || !after.UpdatedAt.Equal(before.UpdatedAt) {
			t.Errorf("#%d changed although refused", id)
		}
	}
	if _, err := s.MarkNoResponse(404); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing: %v", err)
	}
	c.Fake.Set(clocktest.Epoch.AddDate(0, 0, 24))
	one := mustAdd(t, s, Opportunity{Company: "Delta", Role: "Dev", Status: stage.Applied})
	c.Fake.Set(clocktest.Epoch.AddDate(0, 0, 25))
	if got, _ := s.MarkNoResponse(one.ID); got.History[len(got.History)-1].Describe() != "No response after 1 day" {
		t.Errorf("one day: %+v", got.History)
	}
}

func TestDismissingNoResponseLastsUntilTheStatusChanges(t *testing.T) {
	s, c := openTemp(t)
	o := mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev", Status: stage.Applied})
	c.Fake.Set(clocktest.Epoch.AddDate(0, 0, 30))
	got, err := s.DismissNoResponse(o.ID)
	if err != nil || !got.NoResponseDismissed || len(got.History) != 1 || got.Status != stage.Applied {
		t.Fatalf("dismiss: %+v, %v", got, err)
	}
	if !RowOf(&got).NoResponseDismissed() || RowOf(&o).NoResponseDismissed() || RowOf(&got).Status() != stage.Applied {
		t.Error("the list row does not carry the dismissal")
	}

	// It survives closing the database.
	path := s.Path()
	s.Close()
	s, err = Open(path, Options{Clock: c})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, _ = s.Get(o.ID); !got.NoResponseDismissed {
		t.Fatal("the dismissal was lost on reopening")
	}

	// A form that knows nothing of it keeps it; a new status ends it.
	edit := got
	edit.NoResponseDismissed = false
	edit.Notes = "chased by phone"
	if got, _ = s.Update(edit, false); !got.NoResponseDismissed {
		t.Error("an edit of the notes lost the dismissal")
	}
	edit.Status = stage.Invited
	if got, _ = s.Update(edit, false); got.NoResponseDismissed {
		t.Error("a new status kept the dismissal")
	}
	edit.NoResponseDismissed = true
	edit.Notes = "x"
	if got, _ = s.Update(edit, false); got.NoResponseDismissed {
		t.Error("a form set the dismissal")
	}
	if _, err := s.DismissNoResponse(404); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing: %v", err)
	}
}
