package tracker_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/sample"
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
		{ID: 1, Company: "beta", Role: "Go dev", Status: Applied, UpdatedAt: day(3), FollowUpOn: "2026-12-01", Tags: []string{"Remote"}},
		{ID: 2, Company: "Alpha", Role: "Analyst", Status: Declined, UpdatedAt: day(5), ContactName: "Jo Park"},
		{ID: 3, Company: "Gamma", Role: "Go lead", Status: Applied, UpdatedAt: day(1), FollowUpOn: "2026-11-20", Notes: "Met at GopherCon"},
		{ID: 4, Company: "alpha", Role: "Designer", Status: Saved, UpdatedAt: day(5)},
	}
	var rows []*Row
	for i := range opps {
		rows = append(rows, RowOf(&opps[i]))
	}
	ix := NewIndex(rows)

	for _, tc := range []struct {
		name string
		q    Query
		want []uint64
	}{
		{"all by updated, ties newest id first", Query{}, []uint64{4, 2, 1, 3}},
		{"company A–Z ignores case", Query{Sort: ByCompany}, []uint64{2, 4, 1, 3}},
		{"follow-up soonest, none last", Query{Sort: ByFollowUp}, []uint64{3, 1, 2, 4}},
		{"search role", Query{Text: "go"}, []uint64{1, 3}},
		{"search is case-insensitive and every word must match", Query{Text: "GO Lead"}, []uint64{3}},
		{"search notes", Query{Text: "gophercon"}, []uint64{3}},
		{"search contact", Query{Text: "park"}, []uint64{2}},
		{"search tags", Query{Text: "remote"}, []uint64{1}},
		{"status filter", Query{Status: Applied, Sort: ByCompany}, []uint64{1, 3}},
		{"status and text", Query{Status: Applied, Text: "beta"}, []uint64{1}},
		{"nothing matches", Query{Text: "zzz"}, []uint64{}},
	} {
		got := ids(ix.Find(tc.q))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	if c := ix.Counts(); c[Applied] != 2 || c[Declined] != 1 || c[Saved] != 1 || len(c) != 3 {
		t.Errorf("counts %v", c)
	}
	if !rows[2].Overdue("2026-11-25") || rows[0].Overdue("2026-11-25") || rows[1].Overdue("2026-11-25") {
		t.Error("overdue misjudged")
	}
}

func TestIndexStaysSortedThroughChanges(t *testing.T) {
	opps := sample.Opportunities(500, 7)
	var rows []*Row
	for i := range opps {
		opps[i].ID = uint64(i + 1)
		rows = append(rows, RowOf(&opps[i]))
	}
	ix := NewIndex(rows)
	for _, o := range SortOrders {
		ix.Find(Query{Sort: o.Order}) // build every order, so changes must keep them sorted
	}
	for i := 0; i < 200; i++ {
		o := opps[i*2]
		o.Company = fmt.Sprintf("Renamed %d", 500-i)
		o.Status = Declined
		o.UpdatedAt = o.UpdatedAt.Add(time.Duration(i) * time.Hour)
		ix.Put(&o)
		ix.Remove(uint64(i*2 + 2))
	}
	ix.Put(&Opportunity{ID: 9999, Company: "new", Role: "x", Status: Saved})
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
	opps := sample.Opportunities(100_000, 1)
	rows := make([]*Row, len(opps))
	for i := range opps {
		opps[i].ID = uint64(i + 1)
		rows[i] = RowOf(&opps[i])
	}
	ix := NewIndex(rows)
	ix.Find(Query{})
	b.ResetTimer()
	for b.Loop() {
		if len(ix.Find(Query{Text: "senior go"})) == 0 {
			b.Fatal("no match")
		}
	}
}
