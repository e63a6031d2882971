package tracker

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// Row is what the list shows of an opportunity and what search looks through.
// Rows are never changed once made, so a query result can be read without locks.
type Row struct {
	ID         uint64
	Company    string
	Role       string
	Status     Status
	FollowUpOn Date
	UpdatedAt  int64 // Unix seconds

	// text is the lower-cased company, role, contact, notes and tags, NUL-separated,
	// company first so that its first companyLen bytes are the company sort key.
	text       string
	companyLen int
}

// RowOf makes the list row of o.
func RowOf(o *Opportunity) *Row {
	company := strings.ToLower(o.Company)
	var b strings.Builder
	b.Grow(len(o.Company) + len(o.Role) + len(o.ContactName) + len(o.ContactEmail) + len(o.Notes) + 16)
	b.WriteString(company)
	for _, part := range append([]string{o.Role, o.ContactName, o.ContactEmail, o.Notes}, o.Tags...) {
		b.WriteByte(0)
		b.WriteString(strings.ToLower(part))
	}
	return &Row{
		ID: o.ID, Company: o.Company, Role: o.Role, Status: o.Status, FollowUpOn: o.FollowUpOn,
		UpdatedAt: o.UpdatedAt.Unix(), text: b.String(), companyLen: len(company),
	}
}

// Overdue reports whether the row's follow-up day has passed.
func (r *Row) Overdue(today Date) bool { return r.FollowUpOn != "" && r.FollowUpOn < today }

// SortOrder is how the list is ordered.
type SortOrder int

// The list orders.
const (
	ByUpdated  SortOrder = iota // most recently changed first
	ByCompany                   // A to Z
	ByFollowUp                  // soonest follow-up first, none last
)

// SortOrders lists the orders with the names the user picks from.
var SortOrders = []struct {
	Order SortOrder
	Label string
}{{ByUpdated, "Recently updated"}, {ByCompany, "Company A–Z"}, {ByFollowUp, "Follow-up date"}}

func (o SortOrder) compare(a, b *Row) int {
	switch o {
	case ByCompany:
		if c := strings.Compare(a.text[:a.companyLen], b.text[:b.companyLen]); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	case ByFollowUp:
		if a.FollowUpOn != b.FollowUpOn {
			switch {
			case a.FollowUpOn == "":
				return 1
			case b.FollowUpOn == "":
				return -1
			}
			return strings.Compare(string(a.FollowUpOn), string(b.FollowUpOn))
		}
		return ByCompany.compare(a, b)
	default:
		if c := cmp.Compare(b.UpdatedAt, a.UpdatedAt); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	}
}

// Query selects and orders rows. Every word of Text must appear (ignoring case) in the
// company, role, contact, notes or tags; Status, when set, keeps only that status.
type Query struct {
	Text   string
	Status Status
	Sort   SortOrder
}

// Index holds every opportunity's row in memory so the list can search and sort a large
// tracker instantly. It is safe for use from several goroutines.
type Index struct {
	mu     sync.RWMutex
	byID   map[uint64]*Row
	sorted map[SortOrder][]*Row // built on first use, then kept in order on every change
	counts map[Status]int
	text   joinedText // every row's search text in one string, for the last order searched
}

// joinedText is the search text of the rows of one order, end to end; starts[i] is where
// row i begins and starts[len(rows)] is the end.
type joinedText struct {
	order  SortOrder
	all    string
	starts []int32
}

// NewIndex makes an index of rows.
func NewIndex(rows []*Row) *Index {
	ix := &Index{byID: make(map[uint64]*Row, len(rows)), sorted: map[SortOrder][]*Row{}, counts: map[Status]int{}}
	for _, r := range rows {
		ix.byID[r.ID] = r
		ix.counts[r.Status]++
	}
	return ix
}

// LoadIndex reads every opportunity of s into a new index.
func LoadIndex(s Store) (*Index, error) {
	var rows []*Row
	err := s.ForEach(false, func(o *Opportunity) error {
		rows = append(rows, RowOf(o))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return NewIndex(rows), nil
}

// Len is the number of rows.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.byID)
}

// Counts is the number of opportunities per status.
func (ix *Index) Counts() map[Status]int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := make(map[Status]int, len(ix.counts))
	for k, v := range ix.counts {
		out[k] = v
	}
	return out
}

// Put adds o's row or replaces the row it had.
func (ix *Index) Put(o *Opportunity) {
	r := RowOf(o)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.removeLocked(o.ID)
	ix.text = joinedText{}
	ix.byID[r.ID] = r
	ix.counts[r.Status]++
	for order, rows := range ix.sorted {
		i, _ := slices.BinarySearchFunc(rows, r, order.compare)
		ix.sorted[order] = slices.Insert(rows, i, r)
	}
}

// Remove drops the row of id, if there is one.
func (ix *Index) Remove(id uint64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.removeLocked(id)
	ix.text = joinedText{}
}

func (ix *Index) removeLocked(id uint64) {
	old, ok := ix.byID[id]
	if !ok {
		return
	}
	delete(ix.byID, id)
	if ix.counts[old.Status]--; ix.counts[old.Status] == 0 {
		delete(ix.counts, old.Status)
	}
	for order, rows := range ix.sorted {
		if i, found := slices.BinarySearchFunc(rows, old, order.compare); found {
			ix.sorted[order] = slices.Delete(rows, i, i+1)
		}
	}
}

// Find returns the rows matching q in q's order. The result is the caller's to keep.
func (ix *Index) Find(q Query) []*Row {
	terms := strings.Fields(strings.ToLower(q.Text))
	ix.ensureOrder(q.Sort)
	if len(terms) > 0 {
		ix.ensureText(q.Sort)
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	rows := ix.sorted[q.Sort]
	if len(terms) == 0 {
		if q.Status == "" {
			return slices.Clone(rows)
		}
		var out []*Row
		for _, r := range rows {
			if r.Status == q.Status {
				out = append(out, r)
			}
		}
		return out
	}
	// Scanning one long string finds the first word far faster than visiting every row;
	// only the rows where it occurs are then checked in full.
	var out []*Row
	text, starts := ix.text.all, ix.text.starts
	for pos := 0; pos < len(text); {
		at := strings.Index(text[pos:], terms[0])
		if at < 0 {
			break
		}
		i, found := slices.BinarySearch(starts, int32(pos+at))
		if !found {
			i--
		}
		next := int(starts[i+1])
		if matchesAll(text[starts[i]:next], terms[1:]) && (q.Status == "" || rows[i].Status == q.Status) {
			out = append(out, rows[i])
		}
		pos = next
	}
	return out
}

func matchesAll(text string, terms []string) bool {
	for _, t := range terms {
		if !strings.Contains(text, t) {
			return false
		}
	}
	return true
}

// ensureText joins the rows' search text in order's order, once per change.
func (ix *Index) ensureText(order SortOrder) {
	ix.mu.RLock()
	ok := ix.text.order == order && ix.text.starts != nil
	ix.mu.RUnlock()
	if ok {
		return
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.text.order == order && ix.text.starts != nil {
		return
	}
	rows := ix.sorted[order]
	size := 0
	for _, r := range rows {
		size += len(r.text) + 1
	}
	var b strings.Builder
	b.Grow(size)
	starts := make([]int32, 0, len(rows)+1)
	for _, r := range rows {
		starts = append(starts, int32(b.Len()))
		b.WriteString(r.text)
		b.WriteByte(1) // no search word holds it, so no match runs from one row into the next
	}
	starts = append(starts, int32(b.Len()))
	ix.text = joinedText{order: order, all: b.String(), starts: starts}
}

// ensureOrder sorts the rows by order the first time that order is asked for; from then
// on Put and Remove keep it sorted.
func (ix *Index) ensureOrder(order SortOrder) {
	ix.mu.RLock()
	_, ok := ix.sorted[order]
	ix.mu.RUnlock()
	if ok {
		return
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if _, ok := ix.sorted[order]; ok {
		return
	}
	rows := make([]*Row, 0, len(ix.byID))
	for _, r := range ix.byID {
		rows = append(rows, r)
	}
	slices.SortFunc(rows, order.compare)
	ix.sorted[order] = rows
}
