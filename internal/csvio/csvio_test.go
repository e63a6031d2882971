package csvio

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

func openStore(t testing.TB) *tracker.BoltStore {
	t.Helper()
	s, err := tracker.Open(filepath.Join(t.TempDir(), "t.db"), tracker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func all(t *testing.T, s *tracker.BoltStore) []tracker.Opportunity {
	t.Helper()
	var out []tracker.Opportunity
	if err := s.ForEach(true, func(o *tracker.Opportunity) error { out = append(out, *o); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestHeaderAndStatusAliases(t *testing.T) {
	for _, tc := range []struct {
		name, csv string
		want      tracker.Opportunity
	}{
		{"our own columns", "company,role,status,follow_up_on\nAcme,Dev,invited,2026-12-01\n",
			tracker.Opportunity{Company: "Acme", Role: "Dev", Status: stage.Invited, FollowUpOn: "2026-12-01"}},
		{"spreadsheet names", "Employer,Job Title,Stage,Date Applied,Link,Recruiter,Email,Notes,Location,Tags\n" +
			"Globex,Analyst,Interviewing,3/17/2026,https://x.test/1,Jo Park,jo@globex.test,Nice team,Oslo,remote; senior\n",
			tracker.Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Scheduled, AppliedOn: "2026-03-17",
				URL: "https://x.test/1", ContactName: "Jo Park", ContactEmail: "jo@globex.test", Notes: "Nice team",
				Location: "Oslo", Tags: []string{"remote", "senior"}}},
		{"other spellings", "ORGANIZATION,position,Status,Applied,Job URL,Contact\nInitech,QA,Wishlist,2026-01-02,x.test/2,Ann <ann@initech.test>\n",
			tracker.Opportunity{Company: "Initech", Role: "QA", Status: stage.Saved, AppliedOn: "2026-01-02", URL: "x.test/2",
				ContactName: "Ann", ContactEmail: "ann@initech.test"}},
		{"title and organisation, offer declined", "Organisation,Title,Status\nHooli,PM,Offer Declined\n",
			tracker.Opportunity{Company: "Hooli", Role: "PM", Status: stage.Declined}},
		{"bookmarked", "company_name;job-title;stage\nHooli;PM;Bookmarked\n",
			tracker.Opportunity{Company: "Hooli", Role: "PM", Status: stage.Saved}},
		{"no status but applied", "Company,Role,Date Applied\nHooli,PM,2026-05-06\n",
			tracker.Opportunity{Company: "Hooli", Role: "PM", Status: stage.Applied, AppliedOn: "2026-05-06"}},
		{"tab separated", "Company\tRole\tStatus\nHooli\tPM\toffer\n",
			tracker.Opportunity{Company: "Hooli", Role: "PM", Status: stage.Offer}},
	} {
		p, err := Parse(strings.NewReader(tc.csv), ParseOptions{})
		if err != nil || len(p.Errors) > 0 || len(p.Rows) != 1 {
			t.Errorf("%s: %v %+v", tc.name, err, p)
			continue
		}
		got := p.Rows[0].Opportunity
		got.History = nil
		tc.want.Normalize()
		if !equalFields(got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, tc.want)
		}
	}
}

func equalFields(a, b tracker.Opportunity) bool {
	return slices.Equal(Fields(&a), Fields(&b))
}

func TestBOMQuotesAndLineNumbers(t *testing.T) {
	in := "\ufeffCompany,Role,Notes\n" +
		"\"Smith, Jones & Co\",\"Engineer, \"\"Senior\"\"\",\"line one\nline two\"\n" +
		"\n" +
		"Acme,Dev,\n"
	p, err := Parse(strings.NewReader(in), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rows) != 2 {
		t.Fatalf("rows %+v", p.Rows)
	}
	o := p.Rows[0].Opportunity
	if o.Company != "Smith, Jones & Co" || o.Role != `Engineer, "Senior"` || o.Notes != "line one\nline two" {
		t.Errorf("quoted fields: %+v", o)
	}
	if p.Rows[0].Line != 2 || p.Rows[1].Line != 5 {
		t.Errorf("lines %d, %d; want 2, 5", p.Rows[0].Line, p.Rows[1].Line)
	}
}

func TestBadRowsAreReportedWithLines(t *testing.T) {
	in := "Company,Role,Status,Applied,Email\n" +
		"Acme,Dev,applied,2026-01-02,\n" + // 2 ok
		",Dev,applied,,\n" + // 3 no company
		"Globex,,applied,,\n" + // 4 no role
		"Initech,QA,thinking about it,,\n" + // 5 bad status
		"Hooli,PM,applied,31/31/2026,\n" + // 6 bad date
		"Umbrella,Ops,applied,,not-an-address\n" + // 7 bad email
		"Wonka,Taster,applied,\"2026-01-01\n" // 8 unterminated quote
	p, err := Parse(strings.NewReader(in), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rows) != 1 || p.Rows[0].Opportunity.Company != "Acme" {
		t.Errorf("good rows %+v", p.Rows)
	}
	want := map[int]string{3: "company", 4: "role", 5: "unknown status", 6: "not a date", 7: "not an email", 8: "not valid CSV"}
	if len(p.Errors) != len(want) {
		t.Fatalf("errors %+v", p.Errors)
	}
	for _, e := range p.Errors {
		if !strings.Contains(e.Reason, want[e.Line]) {
			t.Errorf("line %d: %q should mention %q", e.Line, e.Reason, want[e.Line])
		}
		// The words on screen, not the stored names: "Contact email", "No response".
		for _, id := range []string{"contact_email", "applied_on", "ghosted", "invited, scheduled"} {
			if strings.Contains(e.Reason, id) {
				t.Errorf("line %d: %q uses the name %q the window never shows", e.Line, e.Reason, id)
			}
		}
	}
	for _, e := range p.Errors {
		if e.Line == 7 && !strings.Contains(e.Reason, "Contact email: ") {
			t.Errorf("the email error does not name the column as the window does: %q", e.Reason)
		}
	}
}

func TestNotACSV(t *testing.T) {
	for _, tc := range []struct{ name, in, says string }{
		{"empty", "", "the file is empty"},
		{"no company", "Role,Status\nDev,applied\n", "no Company column (also accepted: Employer, Organization, Company Name) (found: Role, Status)"},
		{"no role", "Company\nAcme\n", "no Role column (also accepted: Job Title, Position, Title) (found: Company)"},
		{"an image", "\x89PNG\r\n\x1a\n\x00\x00", "no Company column"},
		{"a workbook", "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "not a text file"},
		{"UTF-16", "\xff\xfeC\x00o\x00m\x00p\x00a\x00n\x00y\x00", "not a text file"},
		{"control characters in the header", "Na\x01me,A\x1bge\n", "(found: Name, Age)"},
	} {
		_, err := Parse(strings.NewReader(tc.in), ParseOptions{})
		if !errors.Is(err, ErrNotCSV) || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("%s: %v, want ErrNotCSV saying %q", tc.name, err, tc.says)
		}
	}
}

// A NUL inside a cell would be stored where no one can see it, and would make two equal
// names differ: the row is refused, with its line, and the rest of the file reads on.
func TestNULInARowIsRefusedWithItsLine(t *testing.T) {
	p, err := Parse(strings.NewReader("Company,Role,Notes\nAcme,Dev,a\x00b\nGlobex,QA,\n"), ParseOptions{})
	if err != nil || len(p.Rows) != 1 || len(p.Errors) != 1 || p.Errors[0].Line != 2 || !strings.Contains(p.Errors[0].Reason, "NUL") {
		t.Fatalf("%v %+v", err, p)
	}
}

// A byte-order mark or a zero-width space inside a cell shows as nothing: it is dropped,
// so that the name matches the one already tracked.
func TestInvisibleCharactersDoNotDefeatTheDuplicateCheck(t *testing.T) {
	s := openStore(t)
	if _, err := s.Add(tracker.Opportunity{Company: "Acme", Role: "Dev"}, false); err != nil {
		t.Fatal(err)
	}
	rep, err := importString(s, "Company,Role\nAc\ufeffme,De\u200bv\n", Options{})
	if err != nil || len(rep.Imported) != 0 || rep.SkippedCount != 1 {
		t.Errorf("%v %+v", err, rep)
	}
}

func TestNonUTF8RowIsAnError(t *testing.T) {
	p, err := Parse(strings.NewReader("Company,Role\nCaf\xe9 Latte,Barista\n"), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Errors) != 1 || !strings.Contains(p.Errors[0].Reason, "UTF-8") {
		t.Errorf("errors %+v", p.Errors)
	}
}

func TestImportIsAtomicUnlessValidOnly(t *testing.T) {
	in := "Company,Role,Status\nAcme,Dev,applied\nGlobex,QA,nonsense\nInitech,PM,offer\n"
	s := openStore(t)
	rep, err := importString(s, in, Options{})
	if !errors.Is(err, ErrBadRows) {
		t.Fatalf("err %v", err)
	}
	if len(rep.Errors) != 1 || rep.Errors[0].Line != 3 {
		t.Errorf("errors %+v", rep.Errors)
	}
	if n, _ := s.Count(); n != 0 {
		t.Fatalf("a file with a bad row imported %d records", n)
	}
	rep, err = importString(s, in, Options{ValidOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Imported) != 2 || len(rep.Errors) != 1 {
		t.Errorf("valid-only report %+v", rep)
	}
	got := all(t, s)
	if len(got) != 2 || got[0].Company != "Acme" || got[1].Company != "Initech" {
		t.Errorf("stored %+v", got)
	}
}

func TestImportSkipsDuplicatesAndNamesThem(t *testing.T) {
	s := openStore(t)
	if _, err := s.Add(tracker.Opportunity{Company: "Acme Inc", Role: "Go Dev", Status: stage.Declined}, false); err != nil {
		t.Fatal(err)
	}
	in := "Company,Role,URL\nACME,go dev,\nGlobex,QA,https://j.test/1\nOther,Other,http://www.j.test/1/\n"
	rep, err := importString(s, in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Imported) != 1 || len(rep.Skipped) != 2 {
		t.Fatalf("report %+v", rep)
	}
	if rep.Skipped[0].Line != 2 || rep.Skipped[0].Existing.ID != 1 || rep.Skipped[1].Line != 4 {
		t.Errorf("skips %+v", rep.Skipped)
	}
	sum := rep.Summary()
	for _, want := range []string{"imported: 1", "skipped: 2", "errors: 0", "line 2: skipped ACME — go dev, already tracked as #1 (Declined (by me))"} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary lacks %q:\n%s", want, sum)
		}
	}
}

func TestExportColumnsAndValues(t *testing.T) {
	s := openStore(t)
	o, err := s.Add(tracker.Opportunity{Company: "Acme", Role: "Dev", Tags: []string{"a", "b c"}, Notes: "x, \"y\"\nz",
		FollowUpOn: "2027-01-01", Status: stage.Invited}, false)
	if err != nil {
		t.Fatal(err)
	}
	s.AppendEvent(o.ID, tracker.Event{Kind: tracker.EventEntry, Note: "said yes; then no", At: time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)})
	var buf bytes.Buffer
	if n, err := Export(&buf, s, ExportOptions{}); err != nil || n != 1 {
		t.Fatal(n, err)
	}
	lines := strings.SplitN(buf.String(), "\n", 2)
	if lines[0] != `"id",`+strings.Join(Columns()[1:], ",") {
		t.Errorf("header %q", lines[0])
	}
	if !strings.Contains(lines[1], `1,Acme,Dev,,invited,`) || !strings.Contains(lines[1], `,2027-01-01,a;b c,"x, ""y""`) {
		t.Errorf("row %q", lines[1])
	}
	if !strings.Contains(lines[1], `; 2026-11-26 said yes\; then no`) {
		t.Errorf("history %q", lines[1])
	}
}

func TestHistoryRoundTrip(t *testing.T) {
	day := time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)
	events := []tracker.Event{
		{At: day, Kind: tracker.EventEntry, Note: "plain"}, {At: day, Kind: tracker.EventEntry, Note: `back\slash; semi;colon`}, {At: day, Kind: tracker.EventEntry, Note: "two\nlines"}, {At: day, Kind: tracker.EventEntry, Note: ""}, {At: day, Kind: tracker.EventEntry, Note: `ends with \`},
	}
	got, err := ParseHistory(FormatHistory(events))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(events) {
		t.Fatalf("got %d events: %+v", len(got), got)
	}
	for i := range events {
		if got[i].Note != events[i].Note || got[i].Kind != tracker.EventEntry || !got[i].At.Equal(events[i].At) {
			t.Errorf("%d: %+v, want %+v", i, got[i], events[i])
		}
	}
	for _, bad := range []string{"yesterday called", "2026-13-01 x", "26-1-1 x"} {
		if _, err := ParseHistory(bad); err == nil {
			t.Errorf("ParseHistory(%q) accepted", bad)
		}
	}
}

func TestDateOrderComesFromTheFile(t *testing.T) {
	for _, tc := range []struct {
		name, csv string
		opts      ParseOptions
		want      []day.Day
	}{
		{"day over 12 first: all day first", "Company;Role;Applied\nA;B;31/01/2026\nC;D;03/04/2026\n", ParseOptions{},
			[]day.Day{"2026-01-31", "2026-04-03"}},
		{"day over 12 second: all month first", "Company,Role,Applied\nA,B,01/31/2026\nC,D,03/04/2026\n", ParseOptions{},
			[]day.Day{"2026-01-31", "2026-03-04"}},
		{"dotted dates are day first", "Company;Role;Applied\nA;B;7.3.2026\nC;D;3/4/2026\n", ParseOptions{},
			[]day.Day{"2026-03-07", "2026-04-03"}},
		{"evidence in another date column", "Company,Role,Applied,Follow up\nA,B,3/4/2026,\nC,D,,25/12/2026\n", ParseOptions{},
			[]day.Day{"2026-04-03", ""}},
		{"the user says day first", "Company,Role,Applied\nA,B,03/04/2026\n", ParseOptions{Dates: day.DayFirst},
			[]day.Day{"2026-04-03"}},
		{"the user says month first", "Company,Role,Applied\nA,B,03/04/2026\n", ParseOptions{Dates: day.MonthFirst},
			[]day.Day{"2026-03-04"}},
		{"same either way", "Company,Role,Applied\nA,B,04/04/2026\nC,D,2026-01-02\n", ParseOptions{},
			[]day.Day{"2026-04-04", "2026-01-02"}},
	} {
		p, err := Parse(strings.NewReader(tc.csv), tc.opts)
		if err != nil || len(p.Errors) > 0 || len(p.Rows) != len(tc.want) {
			t.Errorf("%s: %v %+v", tc.name, err, p)
			continue
		}
		for i, w := range tc.want {
			if got := p.Rows[i].Opportunity.AppliedOn; got != w {
				t.Errorf("%s: row %d applied %q, want %q", tc.name, i, got, w)
			}
		}
	}
}

func TestDatesThatCannotBeToldApartAreNotGuessed(t *testing.T) {
	_, err := Parse(strings.NewReader("Company,Role,Applied\nA,B,2026-01-02\nC,D,03/04/2026\n"), ParseOptions{})
	var de *DateOrderError
	if !errors.As(err, &de) || de.Line != 3 || !strings.Contains(err.Error(), "March 4, 2026 or 3 April 2026") {
		t.Errorf("ambiguous: %v", err)
	}
	_, err = Parse(strings.NewReader("Company,Role,Applied\nA,B,31/01/2026\nC,D,01/31/2026\n"), ParseOptions{})
	var me *MixedDatesError
	if !errors.As(err, &me) || me.DayFirstLine != 2 || me.MonthFirstLine != 3 {
		t.Errorf("mixed: %v", err)
	}
	// Told month first, a day-first date is a bad row, not a silent other day.
	p, err := Parse(strings.NewReader("Company,Role,Applied\nA,B,31/01/2026\n"), ParseOptions{Dates: day.MonthFirst})
	if err != nil || len(p.Errors) != 1 || !strings.Contains(p.Errors[0].Reason, "Applied on") {
		t.Errorf("told month first: %v %+v", err, p)
	}
}

func TestYearsTheWindowCannotShowAreRefusedWithTheLine(t *testing.T) {
	p, err := Parse(strings.NewReader("Company,Role,Follow up,Applied\nA,B,1/1/0000,\nC,D,,0000-12-31\nE,F,3000-01-01,\n"), ParseOptions{})
	if err != nil || len(p.Rows) != 0 || len(p.Errors) != 3 {
		t.Fatalf("%v %+v", err, p)
	}
	for i, e := range p.Errors {
		if e.Line != i+2 || !strings.Contains(e.Reason, "between 1900 and 2999") {
			t.Errorf("%+v", e)
		}
	}
}

func TestOldMacLineEnds(t *testing.T) {
	p, err := Parse(strings.NewReader("Company,Role\rAcme,Dev\rGlobex,Analyst\r"), ParseOptions{})
	if err != nil || len(p.Rows) != 2 || p.Rows[1].Opportunity.Role != "Analyst" || p.Rows[1].Line != 3 {
		t.Fatalf("%v %+v", err, p)
	}
}

func TestExportIsSafeInASpreadsheetAndRoundTrips(t *testing.T) {
	s := openStore(t)
	risky := []string{"=HYPERLINK(\"http://x.test\")", "+cmd|' /C calc'!A0", "-5 notes", "@SUM(A1)", "'=already quoted", "''+two", "'plain"}
	for i, v := range risky {
		if _, err := s.Add(tracker.Opportunity{Company: v, Role: fmt.Sprint("Dev ", i), Notes: v}, true); err != nil {
			t.Fatal(err)
		}
	}
	var safe, raw bytes.Buffer
	if _, err := Export(&safe, s, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Export(&raw, s, ExportOptions{Raw: true}); err != nil {
		t.Fatal(err)
	}
	recs, _ := csv.NewReader(bytes.NewReader(safe.Bytes())).ReadAll()
	for _, rec := range recs[1:] {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("a spreadsheet would run %q", cell)
			}
		}
	}
	if !strings.Contains(raw.String(), "\n1,\"=HYPERLINK") {
		t.Errorf("raw export changed cells:\n%s", raw.String())
	}
	b := openStore(t)
	if _, err := Import(b, BytesFile("test.csv", safe.Bytes()), Options{}); err != nil {
		t.Fatal(err)
	}
	got := all(t, b)
	for i, v := range risky {
		if got[i].Company != v || got[i].Notes != v {
			t.Errorf("round trip: %q became %q / %q", v, got[i].Company, got[i].Notes)
		}
	}
	// A file of another origin keeps its quotes: only our own export is undone.
	p, _ := Parse(strings.NewReader("Company,Role\n'=x,Dev\n"), ParseOptions{})
	if len(p.Rows) != 1 || p.Rows[0].Opportunity.Company != "'=x" {
		t.Errorf("foreign file: %+v", p.Rows)
	}
}

func TestAFileTooLargeToBeATrackerIsRefused(t *testing.T) {
	big := "Company,Role\n" + strings.Repeat("Acme,Dev\n", 1<<18) // 2.25 MiB
	_, err := Parse(strings.NewReader(big), ParseOptions{MaxBytes: 2 << 20})
	if !errors.Is(err, ErrNotCSV) || !strings.Contains(err.Error(), "over 2 MiB") {
		t.Errorf("%v", err)
	}
	if p, err := Parse(strings.NewReader(big), ParseOptions{MaxBytes: 3 << 20}); err != nil || len(p.Rows) != 1<<18 {
		t.Errorf("within the limit: %v, %d rows", err, len(p.Rows))
	}
}

// A raw export writes cells as stored; importing it keeps them so, and exporting that
// again gives the same file. The spreadsheet-safe export is told apart by its quoted
// first column name.
func TestRawExportRoundTripsExactly(t *testing.T) {
	a := openStore(t)
	for i, v := range []string{"'=x", "''+y", "=z", "'plain", "-5"} {
		if _, err := a.Add(tracker.Opportunity{Company: v, Role: fmt.Sprint("Dev ", i), Notes: v}, true); err != nil {
			t.Fatal(err)
		}
	}
	var first, second bytes.Buffer
	if _, err := Export(&first, a, ExportOptions{Raw: true}); err != nil {
		t.Fatal(err)
	}
	b := openStore(t)
	if _, err := Import(b, BytesFile("raw.csv", first.Bytes()), Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := Export(&second, b, ExportOptions{Raw: true}); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("raw round trip changed the file:\n%s\n%s", first.String(), second.String())
	}
	if got := all(t, b); got[0].Company != "'=x" {
		t.Errorf("stored %q", got[0].Company)
	}
}

// Created and updated moments outside the years the window shows are refused with the
// line, as dates are.
func TestMomentsTheWindowCannotShowAreRefused(t *testing.T) {
	p, err := Parse(strings.NewReader("Company,Role,Created at,Updated at\nA,B,0000-01-01T00:00:00Z,\nC,D,,9999-12-31T23:59:59Z\nE,F,2026-01-01T10:00:00Z,\n"), ParseOptions{})
	if err != nil || len(p.Rows) != 1 || len(p.Errors) != 2 {
		t.Fatalf("%v %+v", err, p)
	}
	for i, e := range p.Errors {
		if e.Line != i+2 || !strings.Contains(e.Reason, "between 1900 and 2999") {
			t.Errorf("%+v", e)
		}
	}
}

// A cell far longer than any company name is refused with its line and column, not
// passed on to the database to fail there without either.
func TestOverlongCellsAreRefusedWithLineAndColumn(t *testing.T) {
	long := strings.Repeat("x", 40_000)
	s := openStore(t)
	rep, err := importString(s, "Company,Role\nAcme,Dev\n"+long+",Dev\n", Options{})
	if !errors.Is(err, ErrBadRows) || rep.ErrorCount != 1 || rep.Errors[0].Line != 3 || !strings.Contains(rep.Errors[0].Reason, "Company: ") || !strings.Contains(rep.Errors[0].Reason, "at most 1000") {
		t.Errorf("%v %+v", err, rep.Errors)
	}
}

// A file with more bad rows than a report lists counts the rest, and the summary says so.
func TestManyBadRowsAreCountedNotAllListed(t *testing.T) {
	var in strings.Builder
	in.WriteString("Company,Role,Status\n")
	for i := 0; i < MaxListed+250; i++ {
		fmt.Fprintf(&in, "C%d,R,nonsense\n", i)
	}
	rep, err := importString(openStore(t), in.String(), Options{})
	if !errors.Is(err, ErrBadRows) || len(rep.Errors) != MaxListed || rep.ErrorCount != MaxListed+250 ||
		!strings.Contains(rep.Summary(), "… and 250 more rows with errors") {
		t.Errorf("%v: %d listed, %d counted", err, len(rep.Errors), rep.ErrorCount)
	}
}
