package csvio

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// ParseOptions say what the file itself cannot.
type ParseOptions struct {
	// Dates is the order of dates written with slashes; OrderUnknown lets the file tell,
	// and when it cannot, Read returns a *DateOrderError rather than guess.
	Dates day.Order
	// MaxBytes bounds the file; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Mapping, when set, says which field columns are read into, over what the file's
	// format or the columns' names say.
	Mapping Mapping
}

// Plan is a CSV file read through once, without importing: what the import will do, and
// everything wrong with it. Only a few rows are kept; Store reads the file again.
type Plan struct {
	File    File
	Header  []string
	Format  string      // what the file was recognised as: "Huntr board export"
	Ignored []string    // the columns no field reads
	Good    int         // rows that can be imported
	Errors  []LineError // the first MaxListed rows that cannot
	Bad     int         // every row that cannot
	First   []Row       // the first few good rows, for a preview

	format  *Format // nil: a spreadsheet, read by its columns' names
	layout  *layout
	own     bool // Decline Desk's own spreadsheet-safe export: its guards come off
	opts    ParseOptions
	order   day.Order
	firstAt []rawRow // the first rows as read, to show again in another date order
}

type rawRow struct {
	line int
	rec  []string
}

// MaxListed is how many bad rows and skipped rows a plan or report lists; the rest are
// counted.
const MaxListed = tracker.MaxListed

// previewRows is how many good rows a plan keeps to show.
const previewRows = 5

// Read reads a CSV file of opportunities through, checking every row, and says what an
// import of it would do. The file's format is recognised from its header: another
// tracker's export, Decline Desk's own, or a spreadsheet whose columns are found by name.
// A header in which no company or role column can be found fails with a *ColumnsError
// (an ErrNotCSV): the plan it comes with holds the first rows, to Preview a Mapping and
// Read again with it. When the file's slash dates could be read day first or month first
// and it does not say which, Read returns the plan with a *DateOrderError: choose one with
// WithDates. Dates that could only be read one way in some rows and only the other way in
// others fail with a *MixedDatesError.
func Read(f File, opts ParseOptions) (*Plan, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	t, err := openTable(f, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	defer t.Close()
	header, _, err := t.next()
	switch {
	case err == io.EOF:
		return nil, fmt.Errorf("%w: the file is empty", ErrNotCSV)
	case err != nil:
		return nil, notCSV(err)
	}
	header = slices.Clone(header)
	p := &Plan{File: f, Header: header, opts: opts, order: opts.Dates, format: recognise(header)}
	switch {
	case p.format != nil:
		p.Format = p.format.Name
	case len(opts.Mapping) > 0:
		p.Format = FormatMapped
	default:
		p.Format = FormatSpreadsheet
	}
	if err := opts.Mapping.check(header); err != nil {
		return p, err
	}
	if p.layout, err = newLayout(header, p.format, opts.Mapping); err != nil {
		return p, err
	}
	p.Ignored = p.layout.ignored
	if err := p.layout.require(header); err != nil {
		// Keep the first rows, to show them read with the columns the user chooses.
		for len(p.firstAt) < previewRows {
			rec, line, err := t.next()
			if err == io.EOF {
				break
			}
			if err != nil || blank(rec) {
				continue
			}
			p.firstAt = append(p.firstAt, rawRow{line, slices.Clone(rec)})
		}
		return p, err
	}
	// The export marks itself spreadsheet-safe by quoting its first column's name, which
	// no CSV reader shows: a raw export, or a file of another origin, keeps its quotes.
	p.own = p.format == ownFormat && slices.Equal(header, Columns()) && strings.HasPrefix(string(t.firstLine), `"id"`)
	if p.order == day.OrderUnknown && p.format != nil && p.format.Dates != day.OrderUnknown {
		p.order = p.format.Dates // the tool always writes its dates one way
	}
	rows := rowReader{l: p.layout, order: p.order, own: p.own}
	var ev orderEvidence
	for {
		rec, line, err := t.next()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			p.bad(LineError{Line: pe.StartLine, Reason: fmt.Sprintf("the line is not valid CSV: %v", pe.Err)})
			continue
		}
		if err != nil {
			return nil, notCSV(err)
		}
		if blank(rec) {
			continue
		}
		if p.order == day.OrderUnknown {
			ev.add(rec, line, p.layout)
		}
		if _, reason := rows.opportunity(rec); reason != "" {
			p.bad(LineError{Line: line, Reason: reason})
			continue
		}
		p.Good++
		if len(p.firstAt) < previewRows {
			p.firstAt = append(p.firstAt, rawRow{line, slices.Clone(rec)})
		}
	}
	if p.order == day.OrderUnknown {
		order, err := ev.order()
		if err != nil {
			var oe *DateOrderError
			if errors.As(err, &oe) {
				return p, err // the user says; WithDates goes on from here
			}
			return nil, err
		}
		p.order = order
	}
	p.preview()
	return p, nil
}

// WithDates is the plan with slash dates read in the given order, when the file could
// not tell it.
func (p *Plan) WithDates(order day.Order) *Plan {
	q := *p
	q.order = order
	q.preview()
	return &q
}

// Order is how the plan reads slash dates.
func (p *Plan) Order() day.Order { return p.order }

func (p *Plan) preview() {
	p.First = nil
	rows := rowReader{l: p.layout, order: p.order, own: p.own}
	for _, r := range p.firstAt {
		if o, reason := rows.opportunity(r.rec); reason == "" {
			p.First = append(p.First, Row{Line: r.line, Opportunity: o})
		}
	}
}

func (p *Plan) bad(e LineError) {
	p.Bad++
	if len(p.Errors) < MaxListed {
		p.Errors = append(p.Errors, e)
	}
}

func notCSV(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) || !errors.Is(err, ErrNotCSV) {
		return fmt.Errorf("%w: %v", ErrNotCSV, err)
	}
	return err
}

// Importer is what an import needs of the tracker.
type Importer interface {
	ImportStream(next func() ([]tracker.Opportunity, error), total int, progress tracker.Progress) (tracker.ImportReport, error)
}

// Skip is a row left out because the tracker already has it.
type Skip struct {
	Line     int
	Company  string
	Role     string
	Existing tracker.Opportunity
}

// Report says what an import did.
type Report struct {
	Format   string // what the file was recognised as
	Rows     int    // the rows of the file with something in them
	Imported []uint64
	Skipped  []Skip // the first MaxListed rows skipped
	// SkippedCount counts every row skipped, listed or not.
	SkippedCount int
	Errors       []LineError // the first MaxListed rows left out
	ErrorCount   int
	Ignored      []string // columns that were not read
}

// ErrBadRows means the file has rows that cannot be imported and nothing was imported.
var ErrBadRows = errors.New("nothing was imported because some rows have errors")

// Options choose how Import treats a file with bad rows.
type Options struct {
	// ValidOnly imports the good rows of a file that has bad ones; by default a single bad
	// row stops the whole import.
	ValidOnly bool
	// Progress, when set, is told how far the import got; it is called from the goroutine
	// running Import.
	Progress tracker.Progress
	// Dates is the order of slash dates, when the user said it.
	Dates day.Order
	// MaxBytes bounds the file; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Mapping says which field columns are read into (see ParseOptions).
	Mapping Mapping
}

// Import reads a CSV file into s as one change. With bad rows and without ValidOnly it
// imports nothing and returns ErrBadRows with the report of the bad rows.
func Import(s Importer, f File, opts Options) (Report, error) {
	p, err := Read(f, ParseOptions{Dates: opts.Dates, MaxBytes: opts.MaxBytes, Mapping: opts.Mapping})
	if err != nil {
		if p != nil {
			return p.report(), err
		}
		return Report{}, err
	}
	if p.Bad > 0 && !opts.ValidOnly {
		return p.report(), ErrBadRows
	}
	return p.Store(s, opts.Progress)
}

// report is what the file alone says: its bad rows and unread columns.
func (p *Plan) report() Report {
	return Report{Format: p.Format, Rows: p.Good + p.Bad, Errors: p.Errors, ErrorCount: p.Bad, Ignored: p.Ignored}
}

// Store imports the good rows into s as one change, skipping duplicates, reading the file
// again a batch at a time. progress, when set, is called from the goroutine running Store.
func (p *Plan) Store(s Importer, progress tracker.Progress) (Report, error) {
	rep := p.report()
	rows, err := p.rows()
	if err != nil {
		return rep, err
	}
	defer rows.Close()
	var lines []int // the line of every row handed over, to name the skipped ones
	res, err := s.ImportStream(func() ([]tracker.Opportunity, error) {
		var batch []tracker.Opportunity
		for len(batch) < storeBatch {
			r, ok, err := rows.next()
			if err != nil || !ok {
				return batch, err
			}
			batch = append(batch, r.Opportunity)
			lines = append(lines, r.Line)
		}
		return batch, nil
	}, p.Good, progress)
	if err != nil {
		return rep, err
	}
	rep.Imported = res.Imported
	rep.SkippedCount = res.SkippedCount
	for _, sk := range res.Skipped {
		rep.Skipped = append(rep.Skipped, Skip{Line: lines[sk.Index], Company: sk.Company, Role: sk.Role, Existing: sk.Existing})
	}
	return rep, nil
}

// storeBatch is how many rows Store hands over at a time.
const storeBatch = 5000

// EachRow calls fn with every good row of the file, in order, reading it again; fn
// returns false to stop.
func (p *Plan) EachRow(fn func(Row) bool) error {
	rows, err := p.rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for {
		r, ok, err := rows.next()
		if err != nil || !ok || !fn(r) {
			return err
		}
	}
}

// rowCursor reads the good rows of a planned file, one at a time.
type rowCursor struct {
	*table
	rows rowReader
}

func (p *Plan) rows() (*rowCursor, error) {
	t, err := openTable(p.File, p.opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	if _, _, err := t.next(); err != nil { // the header, read before
		t.Close()
		return nil, notCSV(err)
	}
	return &rowCursor{t, rowReader{l: p.layout, order: p.order, own: p.own}}, nil
}

// next is the next good row; false at the end. The bad rows were reported by Read.
func (c *rowCursor) next() (Row, bool, error) {
	for {
		rec, line, err := c.table.next()
		if err == io.EOF {
			return Row{}, false, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			continue
		}
		if err != nil {
			return Row{}, false, notCSV(err)
		}
		if blank(rec) {
			continue
		}
		if o, reason := c.rows.opportunity(rec); reason == "" {
			return Row{Line: line, Opportunity: o}, true, nil
		}
	}
}

// Summary is the report in a few lines for people.
func (r Report) Summary() string {
	var b strings.Builder
	if r.Format != "" {
		n := "opportunities"
		if r.Rows == 1 {
			n = "opportunity"
		}
		fmt.Fprintf(&b, "%s: %d %s\n", r.Format, r.Rows, n)
	}
	fmt.Fprintf(&b, "imported: %d\nskipped: %d\nerrors: %d\n", len(r.Imported), r.SkippedCount, r.ErrorCount)
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "line %d: skipped %s — %s, already tracked as #%d (%s)\n", s.Line, s.Company, s.Role, s.Existing.ID, s.Existing.Status.Label())
	}
	if n := r.SkippedCount - len(r.Skipped); n > 0 {
		fmt.Fprintf(&b, "… and %d more rows skipped\n", n)
	}
	for _, e := range r.Errors {
		fmt.Fprintf(&b, "%s\n", e)
	}
	if n := r.ErrorCount - len(r.Errors); n > 0 {
		fmt.Fprintf(&b, "… and %d more rows with errors\n", n)
	}
	if len(r.Ignored) > 0 {
		fmt.Fprintf(&b, "columns not read: %s\n", strings.Join(r.Ignored, ", "))
	}
	return b.String()
}
