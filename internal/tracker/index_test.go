package tracker_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/sample"
	"github.com/declinedesk/declinedesk/internal/stage"
	. "github.com/declinedesk/declinedesk/internal/tracker"
)

func ids(rows []*Row) []uint64 {
	out := make([]uint64, len(rows))
	for i, r := range rows {
		out[i] = r.ID
	}
	return out
}

func TestIndexFindFiltersAndSorts(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	opps := []Opportunity{
		{ID: 1, Company: "beta", Role: "Go dev", Status: stage.Applied, ActivityAt: day(3), FollowUpOn: "2026-12-01", Tags: []string{"Remote"}},
		{ID: 2, Company: "Alpha", Role: "Analyst", Status: stage.Declined, ActivityAt: day(5), ContactName: "Jo Park"},
		{ID: 3, Company: "Gamma", Role: "Go lead", Status: stage.Applied, ActivityAt: day(1), FollowUpOn: "2026-11-20", Notes: "Met at GopherCon"},
		{ID: 4, Company: "alpha", Role: "Designer", Status: stage.Saved, ActivityAt: day(5)},
	}
	ix := indexOf(opps)

	for _, tc := range []struct {
		name string
		q    Query
		want []uint64
	}{
		{"latest activity first, ties newest id first", Query{}, []uint64{4, 2, 1, 3}},
		{"company A–Z ignores case", Query{Sort: ByCompany}, []uint64{2, 4, 1, 3}},
		{"follow-up soonest, none last", Query{Sort: ByFollowUp}, []uint64{3, 1, 2, 4}},
		{"search role", Query{Text: "go"}, []uint64{1, 3}},
		{"search is case-insensitive and every word must match", Query{Text: "GO Lead"}, []uint64{3}},
		{"search notes", Query{Text: "gophercon"}, []uint64{3}},
		{"search contact", Query{Text: "park"}, []uint64{2}},
		{"search tags", Query{Text: "remote"}, []uint64{1}},
		{"status filter", Query{Status: stage.Applied, Sort: ByCompany}, []uint64{1, 3}},
		{"status and text", Query{Status: stage.Applied, Text: "beta"}, []uint64{1}},
		{"nothing matches", Query{Text: "zzz"}, []uint64{}},
	} {
		got := ids(ix.Find(tc.q))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	if c := ix.Counts(); c[stage.Applied] != 2 || c[stage.Declined] != 1 || c[stage.Saved] != 1 || len(c) != 3 {
		t.Errorf("counts %v", c)
	}
	if !RowOf(&opps[2]).Overdue("2026-11-25") || RowOf(&opps[0]).Overdue("2026-11-25") || RowOf(&opps[1]).Overdue("2026-11-25") {
		t.Error("overdue misjudged")
	}
}

func TestIndexStaysSortedThroughChanges(t *testing.T) {
	opps, ix := sampleIndex(500, 7)
	for _, o := range SortOrders {
		ix.Find(Query{Sort: o.Order}) // build every order, so changes must keep them sorted
	}
	for i := 0; i < 200; i++ {
		o := opps[i*2]
		o.Company = fmt.Sprintf("Renamed %d", 500-i)
		o.Status = stage.Declined
		o.ActivityAt = o.ActivityAt.Add(time.Duration(i) * time.Hour)
		ix.Put(&o)
		ix.Remove(uint64(i*2 + 2))
	}
	ix.Put(&Opportunity{ID: 9999, Company: "new", Role: "x", Status: stage.Saved})
	if ix.Len() != 301 {
		t.Fatalf("len %d, want 301", ix.Len())
	}
	for _, o := range SortOrders {
		got := ix.Find(Query{Sort: o.Order})
		fresh := NewIndex(got).Find(Query{Sort: o.Order})
		if !slices.Equal(ids(got), ids(fresh)) {
			t.Errorf("%s: incremental order differs from a fresh sort", o.Label)
		}
	}
	total := 0
	for _, n := range ix.Counts() {
		total += n
	}
	if total != 301 {
		t.Errorf("counts add up to %d", total)
	}
}

func BenchmarkFilter100k(b *testing.B) {
	_, ix := sampleIndex(100_000, 1)
	ix.Find(Query{})
	b.ResetTimer()
	for b.Loop() {
		if len(ix.Find(Query{Text: "senior go"})) == 0 {
			b.Fatal("no match")
		}
	}
}

// TestIndexSearchAfterManyChanges changes enough rows for the arena to be rebuilt, and
// checks that search and every order agree with an index made fresh from the same rows.
func TestIndexSearchAfterManyChanges(t *testing.T) {
	opps, ix := sampleIndex(3000, 3)
	current := map[uint64]Opportunity{}
	for _, o := range opps {
		current[o.ID] = o
	}
	for step := 0; step < 1500; step++ {
		id := uint64(step*2 + 1)
		if step%3 == 0 {
			ix.Remove(id)
			delete(current, id)
			continue
		}
		o := current[id]
		o.Role = fmt.Sprintf("Zebra Keeper %d", step)
		o.ActivityAt = o.ActivityAt.Add(time.Hour)
		ix.Put(&o)
		current[id] = o
		if step%500 == 0 {
			ix.Find(Query{Text: "zebra"}) // searches between changes, while the arena ages
		}
	}
	var fresh []*Row
	for _, o := range current {
		o := o
		fresh = append(fresh, RowOf(&o))
	}
	want := NewIndex(fresh)
	for _, q := range []Query{{Text: "zebra keeper"}, {Text: "senior"}, {Text: "zebra", Sort: ByCompany}, {Status: stage.Declined, Sort: ByFollowUp}, {}} {
		if got, w := ids(ix.Find(q)), ids(want.Find(q)); !slices.Equal(got, w) {
			t.Errorf("%+v: %d rows, fresh index %d", q, len(got), len(w))
		}
	}
	if ix.Len() != len(current) {
		t.Errorf("len %d, want %d", ix.Len(), len(current))
	}
	if n := len(ix.Find(Query{Text: "zebra keeper"})); n != 1000 {
		t.Errorf("%d renamed rows found, want 1000", n)
	}
}

func TestRowKeepsWhatTheListShows(t *testing.T) {
	for _, o := range []Opportunity{
		{ID: 1, Company: "Müller & Söhne", Role: "Ingénieure", Status: stage.Declined, FollowUpOn: "2027-02-28"},
		{ID: 2, Company: "A", Role: "", Status: stage.Saved},
		{ID: 3, Company: "Acme", Role: "Dev", Status: stage.Accepted, FollowUpOn: "1970-01-01"},
		{ID: 4, Company: "Old", Role: "Dev", Status: stage.Ghosted, FollowUpOn: "0001-01-01"},
		{ID: 5, Company: "Far", Role: "Dev", Status: stage.Offer, FollowUpOn: "9999-12-31"},
	} {
		for _, r := range []*Row{RowOf(&o), NewIndex([]*Row{RowOf(&o)}).Find(Query{})[0]} {
			if r.Company() != o.Company || r.Role() != o.Role || r.Status() != o.Status || r.FollowUpOn() != o.FollowUpOn {
				t.Errorf("row of %+v: %q %q %q %q", o, r.Company(), r.Role(), r.Status(), r.FollowUpOn())
			}
		}
	}
	for _, d := range []day.Day{"0000-01-01", "-001-01-01", "2026-02-30", "garbage"} {
		r := RowOf(&Opportunity{ID: 9, Company: "X", Role: "Y", Status: stage.Offer, FollowUpOn: d})
		if r.Status() != stage.Offer || r.FollowUpOn() != "" {
			t.Errorf("a stored follow-up of %q: status %q, follow-up %q", d, r.Status(), r.FollowUpOn())
		}
	}
	r := RowOf(&Opportunity{FollowUpOn: "2026-11-24"})
	if !r.Overdue("2026-11-25") || r.Overdue("2026-11-24") || RowOf(&Opportunity{}).Overdue("2026-11-25") {
		t.Error("overdue misjudged")
	}
	if size := unsafe.Sizeof(Row{}); size > 64 {
		t.Errorf("a row takes %d bytes; 100,000 of them are kept in memory", size)
	}
}

// TestFindWhileTheIndexIsRebuilt searches while other goroutines change enough rows to
// make the index rebuild itself: every search must see every row (run with -race).
func TestFindWhileTheIndexIsRebuilt(t *testing.T) {
	var rows []*Row
	for i := 1; i <= 5000; i++ {
		rows = append(rows, RowOf(&Opportunity{ID: uint64(i), Company: fmt.Sprintf("Company %d", i), Role: "Dev", Status: stage.Applied}))
	}
	ix := NewIndex(rows)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for round := 0; round < 3; round++ {
			for i := 1; i <= 5000; i++ {
				ix.Put(&Opportunity{ID: uint64(i), Company: fmt.Sprintf("Company %d", i), Role: fmt.Sprintf("Dev %d", round), Status: stage.Applied})
			}
		}
	}()
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				for _, order := range []SortOrder{ByActivity, ByCompany, ByFollowUp} {
					if n := len(ix.Find(Query{Sort: order})); n != 5000 {
						t.Errorf("a search during a rebuild found %d rows", n)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestDueKeepsFollowUpsOnOrBeforeToday(t *testing.T) {
	today := day.Day(clocktest.Day(0))
	opps := []Opportunity{
		{ID: 1, Company: "Acme", Role: "Dev", Status: stage.Applied, FollowUpOn: day.Day(clocktest.Day(-3))},
		{ID: 2, Company: "Beta", Role: "Dev", Status: stage.Declined, FollowUpOn: today},
		{ID: 3, Company: "Gamma", Role: "Lead", Status: stage.Applied, FollowUpOn: day.Day(clocktest.Day(1))},
		{ID: 4, Company: "Delta", Role: "Dev", Status: stage.Saved},
		{ID: 5, Company: "Epsilon", Role: "Dev", Status: stage.Applied, FollowUpOn: day.Day(clocktest.Day(-400))},
	}
	ix := indexOf(opps)
	for _, tc := range []struct {
		name string
		q    Query
		want []uint64
	}{
		{"soonest first", Query{Due: true, Today: today, Sort: ByFollowUp}, []uint64{5, 1, 2}},
		{"in another order", Query{Due: true, Today: today, Sort: ByCompany}, []uint64{1, 2, 5}},
		{"with a status", Query{Due: true, Today: today, Status: stage.Applied, Sort: ByFollowUp}, []uint64{5, 1}},
		{"with a search", Query{Due: true, Today: today, Text: "dev", Sort: ByFollowUp}, []uint64{5, 1, 2}},
		{"tomorrow one more", Query{Due: true, Today: day.Day(clocktest.Day(1)), Sort: ByFollowUp}, []uint64{5, 1, 2, 3}},
		{"long ago none", Query{Due: true, Today: day.Day(clocktest.Day(-401)), Sort: ByFollowUp}, []uint64{}},
		{"no today, none due", Query{Due: true, Sort: ByFollowUp}, []uint64{}},
		{"not a date, none due", Query{Due: true, Today: "soon", Sort: ByActivity}, []uint64{}},
		{"Today alone filters nothing", Query{Today: today, Sort: ByCompany}, []uint64{1, 2, 4, 5, 3}},
	} {
		if got := ids(ix.Find(tc.q)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	for i, want := range []bool{true, true, false, false, true} {
		if got := RowOf(&opps[i]).Due(today); got != want {
			t.Errorf("#%d Due = %v, want %v", opps[i].ID, got, want)
		}
	}
}

// TestDueAgreesInEveryOrder checks the shortcut taken in follow-up order against a plain
// scan in the other orders, on a larger set that changes after the orders are built.
func TestDueAgreesInEveryOrder(t *testing.T) {
	opps, ix := sampleIndex(3000, 5)
	today := medianFollowUp(ix)
	for _, o := range SortOrders {
		ix.Find(Query{Sort: o.Order})
	}
	for i := 0; i < 300; i++ {
		o := opps[i*7]
		o.FollowUpOn = today.AddDays(i%5 - 2)
		ix.Put(&o)
	}
	var want []uint64
	for _, r := range ix.Find(Query{Sort: ByFollowUp}) {
		if r.Due(today) {
			want = append(want, r.ID)
		}
	}
	if len(want) < 100 || len(want) > 2900 {
		t.Fatalf("%d due: the sample no longer spreads follow-ups around %s", len(want), today)
	}
	slices.Sort(want)
	for _, o := range SortOrders {
		got := ids(ix.Find(Query{Due: true, Today: today, Sort: o.Order}))
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: %d due, want %d", o.Label, len(got), len(want))
		}
	}
}

// medianFollowUp is the follow-up day in the middle of the index, so that about half the
// rows with one are due on it whatever days the sample picks.
func medianFollowUp(ix *Index) day.Day {
	var days []day.Day
	for _, r := range ix.Find(Query{Sort: ByFollowUp}) {
		if r.FollowUpOn() != "" {
			days = append(days, r.FollowUpOn())
		}
	}
	return days[len(days)/2]
}

func BenchmarkDue100k(b *testing.B) {
	_, ix := sampleIndex(100_000, 1)
	today := medianFollowUp(ix)
	for _, bc := range []struct {
		name  string
		order SortOrder
	}{{"by follow-up", ByFollowUp}, {"by updated", ByActivity}} {
		ix.Find(Query{Sort: bc.order})
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if len(ix.Find(Query{Due: true, Today: today, Sort: bc.order})) == 0 {
					b.Fatal("nothing due")
				}
			}
		})
	}
}

// indexOf indexes opps as the window does.
func indexOf(opps []Opportunity) *Index {
	rows := make([]*Row, len(opps))
	for i := range opps {
		rows[i] = RowOf(&opps[i])
	}
	return NewIndex(rows)
}

// sampleIndex makes n sample opportunities, numbered from 1, and their index.
func sampleIndex(n int, seed uint64) ([]Opportunity, *Index) {
	opps := sample.Opportunities(n, seed)
	for i := range opps {
		opps[i].ID = uint64(i + 1)
	}
	return opps, indexOf(opps)
}
