package csvio

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// headerAliases maps the column names of spreadsheets and job trackers, normalised by
// headerKey, to our columns.
var headerAliases = map[string]string{
	"id": "id",

	"company": "company", "employer": "company", "organization": "company", "organisation": "company",
	"company name": "company", "employer name": "company",

	"role": "role", "job title": "role", "position": "role", "title": "role", "job": "role",
	"position title": "role", "job role": "role",

	"location": "location", "city": "location", "job location": "location",

	"status": "status", "stage": "status", "application status": "status",

	"contact": "contact_name", "recruiter": "contact_name", "contact name": "contact_name",
	"recruiter name": "contact_name", "hiring manager": "contact_name",

	"email": "contact_email", "contact email": "contact_email", "e mail": "contact_email",
	"recruiter email": "contact_email", "contact e mail": "contact_email",

	"source": "source", "job board": "source", "found via": "source", "found on": "source",

	"url": "url", "link": "url", "job url": "url", "job link": "url", "posting url": "url",
	"job posting": "url", "posting": "url",

	"applied": "applied_on", "date applied": "applied_on", "applied on": "applied_on",
	"application date": "applied_on", "applied date": "applied_on",

	"invited": "invited_on", "invited on": "invited_on", "date invited": "invited_on", "invitation date": "invited_on",

	"interview": "interview_on", "interview on": "interview_on", "interview date": "interview_on",

	"responded": "responded_on", "responded on": "responded_on", "response date": "responded_on",
	"date responded": "responded_on",

	"follow up": "follow_up_on", "follow up on": "follow_up_on", "follow up date": "follow_up_on",
	"next follow up": "follow_up_on", "followup": "follow_up_on",

	"tags": "tags", "tag": "tags", "labels": "tags",

	"notes": "notes", "note": "notes", "comments": "notes", "comment": "notes",

	"created at": "created_at", "created": "created_at", "updated at": "updated_at", "updated": "updated_at",
	"last updated": "updated_at", "history": "history",
}

// headerKey lowercases a header and turns _ - . and runs of spaces into one space.
func headerKey(h string) string {
	h = strings.Map(func(r rune) rune {
		switch r {
		case '_', '-', '.', ':', '/':
			return ' '
		}
		return r
	}, strings.ToLower(h))
	return strings.Join(strings.Fields(h), " ")
}

// LineError is a row that cannot be imported, with its line in the file.
type LineError struct {
	Line   int
	Reason string
}

func (e LineError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }

// Row is a record read from the file and the line it starts on.
type Row struct {
	Line        int
	Opportunity tracker.Opportunity
}

// Parsed is a whole file read: its good rows, its bad ones, and the columns no field uses.
type Parsed struct {
	Rows    []Row
	Errors  []LineError
	Ignored []string
}

// ErrNotCSV means the file could not be read as a table with Company and Role columns.
var ErrNotCSV = errors.New("not a CSV file of opportunities")

// ParseOptions say what the file itself cannot.
type ParseOptions struct {
	// Dates is the order of dates written with slashes; OrderUnknown lets the file tell,
	// and when it cannot, Parse fails with a *DateOrderError rather than guess.
	Dates tracker.DateOrder
	// MaxBytes bounds the file, which is read whole to tell its date order; 0 means
	// DefaultMaxBytes.
	MaxBytes int64
}

// DefaultMaxBytes is far more than a million opportunities take, and far less than the
// memory of any computer that runs the app.
const DefaultMaxBytes = 1 << 30

// Parse reads a CSV file of opportunities. It accepts UTF-8 with or without a byte-order
// mark, comma, semicolon or tab separators, Windows, Unix and old Mac line ends, quoted
// fields with separators and line breaks, and the column and status names of common
// trackers. A file that has no header naming a company and a role column fails with
// ErrNotCSV; dates whose order cannot be told fail with a *DateOrderError; every other
// problem is a LineError.
func Parse(r io.Reader, opts ParseOptions) (Parsed, error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return Parsed{}, err
	}
	if int64(len(data)) > limit {
		return Parsed{}, fmt.Errorf("%w: the file is over %d MiB, far more than a tracker holds; check that it is the right file", ErrNotCSV, limit>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first := data[:min(len(data), 4096)]
	if headerLine, _, _ := bytes.Cut(first, []byte("\n")); bytes.IndexByte(headerLine, 0) >= 0 {
		return Parsed{}, fmt.Errorf("%w: this is not a text file; save the spreadsheet as CSV (UTF-8) and import that", ErrNotCSV)
	}
	if bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') >= 0 {
		// Old Mac files end lines with CR alone, which the CSV reader does not take as a
		// line end.
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sniffSeparator(first)
	cr.FieldsPerRecord = -1 // spreadsheets drop trailing empty cells
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return Parsed{}, fmt.Errorf("%w: the file is empty", ErrNotCSV)
		}
		return Parsed{}, fmt.Errorf("%w: %v", ErrNotCSV, err)
	}
	cols, ignored := mapHeader(header)
	var p Parsed
	p.Ignored = ignored
	for _, need := range []string{"company", "role"} {
		if _, ok := cols[need]; !ok {
			return p, fmt.Errorf("%w: no %s (found: %s)", ErrNotCSV, columnHelp[need], shorten(printable(strings.Join(header, ", "))))
		}
	}
	own := slices.Equal(header, Columns)
	var recs []record
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				p.Errors = append(p.Errors, LineError{Line: pe.StartLine, Reason: fmt.Sprintf("the line is not valid CSV: %v", pe.Err)})
				continue
			}
			return p, err
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue
		}
		if own {
			for i := range rec {
				rec[i] = unguard(rec[i])
			}
		}
		recs = append(recs, record{line, rec})
	}
	order := opts.Dates
	if order == tracker.OrderUnknown {
		if order, err = dateOrderOf(recs, cols); err != nil {
			return Parsed{}, err
		}
	}
	for _, r := range recs {
		o, reason := rowOpportunity(r.fields, cols, order)
		if reason != "" {
			p.Errors = append(p.Errors, LineError{Line: r.line, Reason: reason})
			continue
		}
		p.Rows = append(p.Rows, Row{Line: r.line, Opportunity: o})
	}
	return p, nil
}

// record is one row of the file as read, and the line it starts on.
type record struct {
	line   int
	fields []string
}

var columnHelp = map[string]string{
	"company": "Company column (also accepted: Employer, Organization)",
	"role":    "Role column (also accepted: Job Title, Position, Title)",
}

// printable drops the control characters and invalid bytes a message must not show.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, s)
}

// sniffSeparator picks the separator the header line uses most: comma, semicolon or tab.
func sniffSeparator(head []byte) rune {
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	best, n := ',', bytes.Count(head, []byte(","))
	for _, sep := range []rune{';', '\t'} {
		if c := bytes.Count(head, []byte(string(sep))); c > n {
			best, n = sep, c
		}
	}
	return best
}

func mapHeader(header []string) (map[string]int, []string) {
	cols := map[string]int{}
	var ignored []string
	for i, h := range header {
		name, ok := headerAliases[headerKey(h)]
		if _, taken := cols[name]; !ok || taken {
			if strings.TrimSpace(h) != "" {
				ignored = append(ignored, h)
			}
			continue
		}
		cols[name] = i
	}
	return cols, ignored
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// rowOpportunity turns one record into an opportunity, or says what is wrong with it.
func rowOpportunity(rec []string, cols map[string]int, order tracker.DateOrder) (tracker.Opportunity, string) {
	get := func(name string) string {
		if i, ok := cols[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	for _, f := range rec {
		if !utf8.ValidString(f) {
			return tracker.Opportunity{}, "the text is not UTF-8; save the file as “CSV UTF-8” and import it again"
		}
	}
	o := tracker.Opportunity{
		Company: get("company"), Role: get("role"), Location: get("location"),
		ContactName: get("contact_name"), ContactEmail: get("contact_email"), Source: get("source"),
		URL: get("url"), Tags: tracker.SplitTags(get("tags")), Notes: get("notes"),
	}
	if o.Company == "" {
		return o, "the company is missing"
	}
	if o.Role == "" {
		return o, "the role is missing"
	}
	// "Jo Park <jo@acme.com>" in a contact column carries both name and address, in files
	// that have no email column of their own.
	if _, hasEmail := cols["contact_email"]; !hasEmail && strings.Contains(o.ContactName, "@") {
		if a, err := mail.ParseAddress(o.ContactName); err == nil {
			o.ContactName, o.ContactEmail = a.Name, a.Address
		}
	}
	for _, d := range []struct {
		col string
		to  *tracker.Date
	}{{"applied_on", &o.AppliedOn}, {"invited_on", &o.InvitedOn}, {"interview_on", &o.InterviewOn},
		{"responded_on", &o.RespondedOn}, {"follow_up_on", &o.FollowUpOn}} {
		v, err := tracker.ParseDateIn(get(d.col), order)
		if err != nil {
			return o, fmt.Sprintf("%s: %v", columnLabel(d.col), err)
		}
		*d.to = v
	}
	if s := get("status"); s != "" {
		st, err := tracker.ParseStatus(s)
		if err != nil {
			return o, err.Error()
		}
		o.Status = st
	} else if o.AppliedOn != "" {
		o.Status = tracker.Applied // a tracker row with an application date but no stage
	}
	for _, t := range []struct {
		col string
		to  *time.Time
	}{{"created_at", &o.CreatedAt}, {"updated_at", &o.UpdatedAt}} {
		v, err := parseTime(get(t.col), order)
		if err != nil {
			return o, fmt.Sprintf("%s: %v", columnLabel(t.col), err)
		}
		*t.to = v
	}
	h, err := ParseHistory(get("history"))
	if err != nil {
		return o, err.Error()
	}
	o.History = h
	o.Normalize()
	if errs := o.FieldErrors(); len(errs) > 0 {
		reasons := make([]string, len(errs))
		for i, err := range errs {
			reasons[i] = err.Error()
			var fe *tracker.FieldError
			if errors.As(err, &fe) {
				reasons[i] = columnLabel(fe.Field) + ": " + fe.Message
			}
		}
		return o, strings.Join(reasons, "; ")
	}
	return o, ""
}

// columnLabels are the columns as the window names them, for messages.
var columnLabels = map[string]string{
	"company": "Company", "role": "Role", "location": "Location", "status": "Status",
	"contact_name": "Contact", "contact_email": "Contact email", "source": "Source", "url": "Link",
	"applied_on": "Applied on", "invited_on": "Invited on", "interview_on": "Interview on",
	"responded_on": "Responded on", "follow_up_on": "Follow up on", "tags": "Tags", "notes": "Notes",
	"created_at": "Created", "updated_at": "Updated", "history": "History",
}

// columnLabel is a column as the window names it.
func columnLabel(col string) string {
	if l, ok := columnLabels[col]; ok {
		return l
	}
	return col
}

func parseTime(s string, order tracker.DateOrder) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(timeLayout, s); err == nil {
		return t.UTC(), nil
	}
	d, err := tracker.ParseDateIn(s, order)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date and time (expected 2026-11-25T09:30:00Z)", s)
	}
	return d.Time(), nil
}

// Options choose how Import treats a file with bad rows.
type Options struct {
	// ValidOnly imports the good rows of a file that has bad ones; by default a single bad
	// row stops the whole import.
	ValidOnly bool
	// Progress, when set, is told how far the import got; it is called from the goroutine
	// running Import.
	Progress tracker.Progress
	// Dates is the order of slash dates, when the user said it.
	Dates tracker.DateOrder
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
	Imported []uint64
	Skipped  []Skip
	Errors   []LineError
	Ignored  []string // columns that were not read
}

// ErrBadRows means the file has rows that cannot be imported and nothing was imported.
var ErrBadRows = errors.New("nothing was imported because some rows have errors")

// Import reads a CSV file into s in one transaction. With bad rows and without
// ValidOnly it imports nothing and returns ErrBadRows with the report of every bad row.
func Import(s tracker.Store, r io.Reader, opts Options) (Report, error) {
	p, err := Parse(r, ParseOptions{Dates: opts.Dates})
	if err != nil {
		return p.report(), err
	}
	if len(p.Errors) > 0 && !opts.ValidOnly {
		return p.report(), ErrBadRows
	}
	return p.Store(s, opts.Progress)
}

// report is what the file alone says: its bad rows and unread columns.
func (p Parsed) report() Report {
	return Report{Errors: p.Errors, Ignored: p.Ignored}
}

// Store imports the good rows into s in one transaction, skipping duplicates. progress, when
// set, is called from the goroutine running Store.
func (p Parsed) Store(s tracker.Store, progress tracker.Progress) (Report, error) {
	rep := p.report()
	recs := make([]tracker.Opportunity, len(p.Rows))
	for i, row := range p.Rows {
		recs[i] = row.Opportunity
	}
	res, err := s.Import(recs, progress)
	if err != nil {
		return rep, err
	}
	rep.Imported = res.Imported
	for _, sk := range res.Skipped {
		row := p.Rows[sk.Index]
		rep.Skipped = append(rep.Skipped, Skip{Line: row.Line, Company: row.Opportunity.Company, Role: row.Opportunity.Role, Existing: sk.Existing})
	}
	return rep, nil
}

// Summary is the report in a few lines for people.
func (r Report) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "imported: %d\nskipped: %d\nerrors: %d\n", len(r.Imported), len(r.Skipped), len(r.Errors))
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "line %d: skipped %s — %s, already tracked as #%d (%s)\n", s.Line, s.Company, s.Role, s.Existing.ID, s.Existing.Status.Label())
	}
	for _, e := range r.Errors {
		fmt.Fprintf(&b, "%s\n", e)
	}
	if len(r.Ignored) > 0 {
		fmt.Fprintf(&b, "columns not read: %s\n", strings.Join(r.Ignored, ", "))
	}
	return b.String()
}
