package tracker

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
)

// Row is what the list shows of an opportunity and what search looks through. A tracker
// keeps 100,000 of them in memory, so a row is kept small: 64 bytes plus its text.
// Rows are never changed once made, so a query result can be read without locks.
type Row struct {
	ID         uint64
	ActivityAt int64  // Unix seconds: the opportunity's last activity (see Opportunity.ActivityAt)
	names      string // company then role, as written
	// text is the lower-cased company, role, contact name, notes and tags, NUL-separated,
	// company first so that its first companyLen bytes are the company sort key.
	text       string
	companyLen int32
	roleAt     int32 // where the role starts in names
	slot       int32 // the row's place in the index's text arena; -1 when it has none
	// dayStatus packs the follow-up day (days since 0001-01-01 plus one, 0 for none) in
	// its low 24 bits, 1 + the status's place in statusTable in the next 7 and whether the
	// no-response suggestion was dismissed in the top bit.
	dayStatus uint32
}

const (
	dayBits       = 24
	statusMask    = 1<<7 - 1
	dismissedFlag = 1 << 31
)

// dayZero is 0001-01-01 in Unix seconds: every valid date is a small count of days after it.
var dayZero = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()

func (r *Row) followUp() uint32 { return r.dayStatus & (1<<dayBits - 1) }

// packDay is d as the row packs it: days since 0001-01-01 plus one; 0 for no date, or for
// one that is not a day or does not fit (year 0, garbage), so that it never spills into
// the status.
func packDay(d day.Day) uint32 {
	t, err := time.Parse(time.DateOnly, string(d))
	if err != nil || t.Unix() < dayZero {
		return 0
	}
	if days := (t.Unix()-dayZero)/86400 + 1; days < 1<<dayBits {
		return uint32(days)
	}
	return 0
}

// RowOf makes the list row of o.
func RowOf(o *Opportunity) *Row {
	company := strings.ToLower(o.Company)
	var b strings.Builder
	b.Grow(len(o.Company) + len(o.Role) + len(o.ContactName) + len(o.Notes) + 16)
	b.WriteString(company)
	for _, part := range append([]string{o.Role, o.ContactName, o.Notes}, o.Tags...) {
		b.WriteByte(0)
		b.WriteString(strings.ToLower(part))
	}
	r := &Row{
		ID: o.ID, ActivityAt: o.ActivityAt.Unix(), names: o.Company + o.Role, roleAt: int32(len(o.Company)),
		text: b.String(), companyLen: int32(len(company)), slot: -1,
	}
	r.dayStatus = uint32(o.Status.Number()) << dayBits
	// Any stored day that fits is shown, even one outside the years the forms accept.
	r.dayStatus |= packDay(o.FollowUpOn)
	if o.NoResponseDismissed {
		r.dayStatus |= dismissedFlag
	}
	return r
}

// Company is the company as written.
func (r *Row) Company() string { return r.names[:r.roleAt] }

// Role is the role as written.
func (r *Row) Role() string { return r.names[r.roleAt:] }

// Status is the opportunity's status.
func (r *Row) Status() stage.Status {
	return stage.Numbered(int((r.dayStatus >> dayBits) & statusMask))
}

// FollowUpOn is the follow-up day, "" when none.
func (r *Row) FollowUpOn() day.Day {
	if r.followUp() == 0 {
		return ""
	}
	return day.Of(time.Unix(int64(r.followUp()-1)*86400+dayZero, 0).UTC())
}

// Overdue reports whether the row's follow-up day has passed.
func (r *Row) Overdue(today day.Day) bool {
	t := today.Time()
	return r.followUp() != 0 && !t.IsZero() && int64(r.followUp()-1) < (t.Unix()-dayZero)/86400
}

// Due reports whether the row's follow-up falls on today or has passed.
func (r *Row) Due(today day.Day) bool { return r.dueBy(packDay(today)) }

// dueBy is Due for a packed day; no row is due on day 0 (no valid today).
func (r *Row) dueBy(day uint32) bool { f := r.followUp(); return f != 0 && f <= day }

// NoResponseDismissed reports whether the user chose to keep waiting for a reply.
func (r *Row) NoResponseDismissed() bool { return r.dayStatus&dismissedFlag != 0 }

// SortOrder is how the list is ordered.
type SortOrder int

// The list orders.
const (
	ByActivity SortOrder = iota // latest activity first
	ByCompany                   // A to Z
	ByFollowUp                  // soonest follow-up first, none last
)

// SortOrders lists the orders with the names the user picks from.
var SortOrders = []struct {
	Order SortOrder
	Label string
}{{ByActivity, "Latest"}, {ByCompany, "Company"}, {ByFollowUp, "Follow-up"}}

func (o SortOrder) compare(a, b *Row) int {
	switch o {
	case ByCompany:
		if c := strings.Compare(a.text[:a.companyLen], b.text[:b.companyLen]); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	case ByFollowUp:
		if fa, fb := a.followUp(), b.followUp(); fa != fb {
			switch {
			case fa == 0:
				return 1
			case fb == 0:
				return -1
			}
			return cmp.Compare(fa, fb)
		}
		return ByCompany.compare(a, b)
	default:
		if c := cmp.Compare(b.ActivityAt, a.ActivityAt); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	}
}

// Query selects and orders rows. Every word of Text must appear (ignoring case) in the
// company, role, contact name, notes or tags; Status, when set, keeps only that status;
// Due keeps only the rows whose follow-up falls on Today or before (none when Today is
// not a date).
type Query struct {
	Text   string
	Status stage.Status
	Sort   SortOrder
	Due    bool
	Today  day.Day
}

// Index holds every opportunity's row in memory so the list can search and sort a large
// tracker instantly. It is safe for use from several goroutines.
//
// The rows themselves sit in one array and their texts end to end in one arena string:
// a few allocations instead of several per row, and a search scans the arena in one pass,
// which is far faster than visiting every row. Rows added or changed later are "loose",
// with their own text, until the arena is rebuilt.
type Index struct {
	mu     sync.RWMutex
	sorted map[SortOrder][]*Row // built on first use, then kept in order on every change
	counts map[stage.Status]int
	n      int // rows in all

	arena      string          // the texts of the arena rows, each followed by 0x01
	arenaIDs   []uint64        // the id of each slot, ascending
	arenaRows  []*Row          // the row of each slot; nil once replaced or removed
	starts     []int32         // where each slot begins; starts[len(arenaRows)] is the end
	loose      map[uint64]*Row // rows added or changed since the arena was built
	staleSlots int
}

// NewIndex makes an index of rows.
func NewIndex(rows []*Row) *Index {
	ix := &Index{sorted: map[SortOrder][]*Row{}, counts: map[stage.Status]int{}, loose: map[uint64]*Row{}}
	for _, r := range rows {
		ix.loose[r.ID] = r
		ix.counts[r.Status()]++
	}
	ix.n = len(ix.loose)
	ix.buildArena()
	return ix
}

// get finds the current row of id, or nil.
func (ix *Index) get(id uint64) *Row {
	if r, ok := ix.loose[id]; ok {
		return r
	}
	if i, found := slices.BinarySearch(ix.arenaIDs, id); found {
		return ix.arenaRows[i]
	}
	return nil
}

// all lists every current row, in no particular order.
func (ix *Index) all() []*Row {
	out := make([]*Row, 0, ix.n)
	for _, r := range ix.arenaRows {
		if r != nil {
			out = append(out, r)
		}
	}
	for _, r := range ix.loose {
		out = append(out, r)
	}
	return out
}

// buildArena packs every row, its text, company and role into shared memory.
func (ix *Index) buildArena() {
	old := ix.all()
	slices.SortFunc(old, func(a, b *Row) int { return cmp.Compare(a.ID, b.ID) })
	size, display := 0, 0
	for _, r := range old {
		size += len(r.text) + 1
		display += len(r.names)
	}
	var text, names strings.Builder
	text.Grow(size)
	names.Grow(display)
	starts := make([]int32, 0, len(old)+1)
	for _, r := range old {
		starts = append(starts, int32(text.Len()))
		text.WriteString(r.text)
		text.WriteByte(1) // no search word holds it, so no match runs from one row into the next
		names.WriteString(r.names)
	}
	starts = append(starts, int32(text.Len()))
	all, nameStr := text.String(), names.String()
	// Every string a row keeps comes from here, not from the decoding that made the row: a
	// few live bytes left in each of the decoder's pages would keep all of them in memory.
	mem := make([]Row, len(old))
	rows := make([]*Row, len(old))
	ids := make([]uint64, len(old))
	at := 0
	for i, r := range old {
		// Rows are rebuilt, not changed, so that results already handed out stay as they were.
		nr := &mem[i]
		*nr = *r
		nr.text = all[starts[i] : starts[i+1]-1]
		nr.names = nameStr[at : at+len(r.names)]
		at += len(r.names)
		nr.slot = int32(i)
		rows[i], ids[i] = nr, r.ID
	}
	ix.arena, ix.arenaIDs, ix.arenaRows, ix.starts = all, ids, rows, starts
	ix.loose, ix.staleSlots = map[uint64]*Row{}, 0
	ix.sorted = map[SortOrder][]*Row{} // the rows are new objects; orders are rebuilt on use
}

// LoadIndex reads every opportunity of s into a new index.
func LoadIndex(s interface {
	ForEach(withHistory bool, fn func(o *Opportunity) error) error
}) (*Index, error) {
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
	return ix.n
}

// Counts is the number of opportunities per status.
func (ix *Index) Counts() map[stage.Status]int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := make(map[stage.Status]int, len(ix.counts))
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
	ix.loose[r.ID] = r
	ix.n++
	ix.counts[r.Status()]++
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
}

func (ix *Index) removeLocked(id uint64) {
	old := ix.get(id)
	if old == nil {
		return
	}
	if old.slot >= 0 {
		ix.arenaRows[old.slot] = nil
		ix.staleSlots++
	} else {
		delete(ix.loose, id)
	}
	ix.n--
	if ix.counts[old.Status()]--; ix.counts[old.Status()] == 0 {
		delete(ix.counts, old.Status())
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
	ix.mu.RLock()
	_, sorted := ix.sorted[q.Sort]
	if sorted && !ix.churned() {
		defer ix.mu.RUnlock()
		return ix.findLocked(q, terms)
	}
	ix.mu.RUnlock()
	// The order must be built first: the whole search then runs under the write lock, so
	// that no rebuild in between can take the order away.
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.churned() {
		ix.buildArena()
	}
	ix.ensureOrderLocked(q.Sort)
	return ix.findLocked(q, terms)
}

// findLocked is Find for a caller that holds the lock and has the order built.
func (ix *Index) findLocked(q Query, terms []string) []*Row {
	rows := ix.sorted[q.Sort]
	var dueBy uint32
	if q.Due {
		dueBy = packDay(q.Today)
		if q.Sort == ByFollowUp {
			// In this order the due rows come first: the rest need not be looked at.
			n, _ := slices.BinarySearchFunc(rows, dueBy, func(r *Row, day uint32) int {
				if r.dueBy(day) {
					return -1
				}
				return 1
			})
			rows = rows[:n]
		}
	}
	if len(terms) == 0 && q.Status == "" && (!q.Due || q.Sort == ByFollowUp) {
		return slices.Clone(rows)
	}
	var hit []bool // by arena slot
	if len(terms) > 0 {
		hit = ix.scanArena(terms)
	}
	var out []*Row
	for _, r := range rows {
		if q.Status != "" && r.Status() != q.Status {
			continue
		}
		if q.Due && !r.dueBy(dueBy) {
			continue
		}
		switch {
		case len(terms) == 0:
		case r.slot >= 0:
			if !hit[r.slot] {
				continue
			}
		case !matchesAll(r.text, terms):
			continue
		}
		out = append(out, r)
	}
	return out
}

// scanArena marks the arena slots whose text holds every term. Scanning one long string
// finds the first term far faster than visiting every row; only the slots where it occurs
// are then checked for the other terms.
func (ix *Index) scanArena(terms []string) []bool {
	hit := make([]bool, len(ix.arenaRows))
	text, starts := ix.arena, ix.starts
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
		if ix.arenaRows[i] != nil && matchesAll(text[starts[i]:next], terms[1:]) {
			hit[i] = true
		}
		pos = next
	}
	return hit
}

func matchesAll(text string, terms []string) bool {
	for _, t := range terms {
		if !strings.Contains(text, t) {
			return false
		}
	}
	return true
}

// churned reports whether so many rows changed since the arena was built that it is
// worth building again.
func (ix *Index) churned() bool {
	c := len(ix.loose) + ix.staleSlots
	return c > 1000 && c > ix.n/4
}

// ensureOrderLocked sorts the rows by order the first time that order is asked for; from
// then on Put and Remove keep it sorted. The caller holds the write lock.
func (ix *Index) ensureOrderLocked(order SortOrder) {
	if _, ok := ix.sorted[order]; ok {
		return
	}
	rows := ix.all()
	slices.SortFunc(rows, order.compare)
	ix.sorted[order] = rows
}
