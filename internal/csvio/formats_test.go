package csvio

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// The files in testdata/formats are written in the exact column layout of each tracker's
// export, as its source or documentation gives it, with made-up people and companies.

func readFormatFile(t *testing.T, name string) (*Plan, []Row) {
	t.Helper()
	p, err := Read(PathFile(filepath.Join("testdata", "formats", name)), ParseOptions{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var rows []Row
	if err := p.EachRow(func(r Row) bool { rows = append(rows, r); return true }); err != nil {
		t.Fatal(err)
	}
	return p, rows
}

func TestEachExportIsRecognisedAndImported(t *testing.T) {
	midnight := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	moment := func(s string) time.Time { m, _ := time.Parse(time.RFC3339, s); return m }
	for _, tc := range []struct {
		file, format string
		ignored      []string
		want         []tracker.Opportunity
	}{
		{"jobsync.csv", "JobSync export", []string{"index", "applied"}, []tracker.Opportunity{
			{Company: "Larkspur Analytics", Role: "Data Engineer", Status: stage.Applied, AppliedOn: "2026-09-03", Location: "Porto",
				Source: "LinkedIn", Tags: []string{"Full Time"}, CreatedAt: midnight("2026-09-02")},
			{Company: "Quillon Labs", Role: "Platform Engineer", Status: stage.Saved, Source: "Company Career Page", CreatedAt: midnight("2026-09-05")},
			{Company: "Tidewater Bank", Role: "Backend Developer", Status: stage.Scheduled, AppliedOn: "2026-08-21", Location: "Remote",
				Source: "Indeed", Tags: []string{"Contract"}, CreatedAt: midnight("2026-08-20")},
			{Company: "Brindle & Co, Ltd", Role: "Site Reliability Engineer", Status: stage.Ghosted, AppliedOn: "2026-07-02", Location: "Lisbon",
				Source: "Glassdoor", Tags: []string{"Part Time"}, CreatedAt: midnight("2026-07-01")},
			{Company: "Corvid Health", Role: "Go Engineer", Status: stage.Declined, AppliedOn: "2026-06-12", Location: "Braga",
				Source: "Google", Tags: []string{"Full Time"}, CreatedAt: midnight("2026-06-11")},
		}},
		{"huntr.csv", "Huntr board export", []string{"id", "rootDomain", "htmlDescription", "color", "boardId", "listId", "companyId",
			"companyDomain", "creatorUserId", "creatorUserFirstName", "creatorUserLastName", "creatorUserEmail"}, []tracker.Opportunity{
			{Company: "Kestrel Systems", Role: "Senior Go Engineer", Status: stage.Saved, Location: "Lisbon", URL: "https://jobs.kestrel.test/go-1",
				Notes: "salary: €70,000\ndeadline: 2026-10-01 00:00:00", Tags: []string{"Job Search 2026"},
				CreatedAt: moment("2026-09-14T08:12:44Z"), UpdatedAt: moment("2026-09-20T17:03:10Z")},
			{Company: "Ambergate", Role: "Staff Engineer", Status: stage.Applied, Tags: []string{"Job Search 2026"},
				CreatedAt: moment("2026-09-15T10:00:00Z")},
			{Company: "Fenwick Foods", Role: "Engineering Manager", Status: stage.Scheduled, Location: "Porto", URL: "https://ambergate.test/em",
				Tags: []string{"Job Search 2026"}, CreatedAt: moment("2026-09-16T11:30:00Z"), UpdatedAt: moment("2026-09-28T09:00:00Z")},
			{Company: "Orrery Games", Role: "Tech Lead", Status: stage.Offer, Location: "Remote", Tags: []string{"Side Projects"},
				CreatedAt: moment("2026-08-01T09:00:00Z"), UpdatedAt: moment("2026-08-30T12:00:00Z")},
			{Company: "Nightjar Cloud", Role: "Developer Advocate", Status: stage.Rejected, Location: "Berlin", Tags: []string{"Job Search 2026"},
				CreatedAt: moment("2026-07-10T15:45:00Z"), UpdatedAt: moment("2026-07-25T08:15:00Z")},
		}},
		{"Job Applications.csv", "LinkedIn job applications export", []string{"Contact Email", "Contact Phone Number", "Resume Name"}, []tracker.Opportunity{
			{Company: "Ostrander Logistics", Role: "Operations Analyst", Status: stage.Applied, AppliedOn: "2026-10-14", Source: "LinkedIn",
				URL: "https://www.linkedin.com/jobs/view/4100000001", Notes: "Question And Answers: How many years of SQL?:4 | Expected salary?:55000"},
			{Company: "Pellucid Media", Role: "Data Analyst", Status: stage.Applied, AppliedOn: "2026-09-03", Source: "LinkedIn",
				URL: "https://www.linkedin.com/jobs/view/4100000002"},
			{Company: "Quarry Hill Energy", Role: "BI Developer", Status: stage.Applied, AppliedOn: "2025-12-01", Source: "LinkedIn",
				URL: "https://www.linkedin.com/jobs/view/4100000003", Notes: "Question And Answers: Are you authorised to work in Portugal?:Yes"},
		}},
		{"Saved Jobs.csv", "LinkedIn saved jobs export", nil, []tracker.Opportunity{
			{Company: "Halvard Studio", Role: "Product Designer", Status: stage.Saved, Source: "LinkedIn",
				URL: "https://www.linkedin.com/jobs/view/4100000101", CreatedAt: moment("2026-09-30T08:05:00Z")},
			{Company: "Wrenfield Bank", Role: "UX Researcher", Status: stage.Saved, Source: "LinkedIn",
				URL: "https://www.linkedin.com/jobs/view/4100000102", CreatedAt: moment("2026-10-02T18:40:00Z")},
		}},
		{"reactive-resume-v6.csv", "Reactive Resume (v6) export", []string{"Stage Date"}, []tracker.Opportunity{
			{Company: "Marisol Robotics", Role: "Firmware Engineer", Status: stage.Scheduled, AppliedOn: "2026-10-01", Location: "Valencia",
				Source: "Referral", URL: "https://careers.marisol.test/fw", Tags: []string{"embedded", "onsite"},
				ContactName: "Maya Chen", ContactEmail: "maya.chen@marisol.test",
				Notes: "Second round next week\nSalary: €60k\nTimeline: 2026-10-01: Applied\n2026-10-12: Interview\n" +
					"2026-10-12: Technical interview (2026-10-19T09:00:00.000Z)\nMaya Chen: Recruiter\nOther contacts: Tomas Ortega (Hiring manager)",
				CreatedAt: moment("2026-10-01T09:30:00Z"), UpdatedAt: moment("2026-10-12T16:45:10Z")},
			{Company: "Dunmore Freight", Role: "Backend Engineer", Status: stage.Withdrawn, AppliedOn: "2026-09-01", Source: "LinkedIn",
				Tags: []string{"remote"}, CreatedAt: moment("2026-09-01T08:00:00Z"), UpdatedAt: moment("2026-09-20T10:00:00Z")},
			{Company: "Alder & Finch", Role: "QA Lead", Status: stage.Rejected, AppliedOn: "2026-08-10", Location: "Madrid",
				CreatedAt: moment("2026-08-10T12:00:00Z"), UpdatedAt: moment("2026-08-30T12:00:00Z")},
			{Company: "Bellwether Apps", Role: "Mobile Developer", Status: stage.Ghosted, AppliedOn: "2026-08-15",
				CreatedAt: moment("2026-08-15T07:00:00Z"), UpdatedAt: moment("2026-09-30T07:00:00Z")},
			{Company: "Cinderford Labs", Role: "Go Developer", Status: stage.Withdrawn, AppliedOn: "2026-09-02",
				CreatedAt: moment("2026-09-02T07:00:00Z"), UpdatedAt: moment("2026-10-05T07:00:00Z")},
		}},
		{"reactive-resume-v5.csv", "Reactive Resume (v5) export", []string{"Stage Date"}, []tracker.Opportunity{
			{Company: "Hollis Maritime", Role: "Platform Engineer", Status: stage.Scheduled, AppliedOn: "2026-10-01", Location: "Rotterdam",
				Source: "Company site", URL: "https://hollis.test/jobs/7", Tags: []string{"kubernetes", "on-call"},
				ContactName: "Maya Chen", ContactEmail: "maya.chen@hollis.test",
				Notes:     "Ask about the on-call rota\nTimeline: 2026-10-01: Applied\n2026-10-12: Interview",
				CreatedAt: moment("2026-10-01T09:30:00Z"), UpdatedAt: moment("2026-10-12T16:45:10Z")},
			{Company: "Greyhame Insurance", Role: "Data Scientist", Status: stage.Rejected, AppliedOn: "2026-09-02", Location: "Utrecht",
				Tags: []string{"archived"}, CreatedAt: moment("2026-09-02T09:30:00Z"), UpdatedAt: moment("2026-09-19T16:45:10Z")},
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			p, rows := readFormatFile(t, tc.file)
			if p.Format != tc.format || p.Bad != 0 || p.Good != len(tc.want) {
				t.Fatalf("format %q, %d good, errors %+v", p.Format, p.Good, p.Errors)
			}
			if !slices.Equal(p.Ignored, tc.ignored) {
				t.Errorf("columns not read: %q, want %q", p.Ignored, tc.ignored)
			}
			for i, w := range tc.want {
				got := rows[i].Opportunity
				got.History = nil // TestStageHistoryBecomesDatedEvents
				w.Normalize()
				if !equalFields(got, w) {
					t.Errorf("row %d:\n got %q\nwant %q", i+1, Fields(&got), Fields(&w))
				}
			}
			rep := p.report()
			if !strings.HasPrefix(rep.Summary(), tc.format+": ") {
				t.Errorf("the summary does not name the format:\n%s", rep.Summary())
			}
		})
	}
}

// The stage history of Reactive Resume becomes dated history events, in order.
func TestStageHistoryBecomesDatedEvents(t *testing.T) {
	_, rows := readFormatFile(t, "reactive-resume-v6.csv")
	want := []struct {
		day, text string
	}{
		{"2026-09-01", "Stage in Reactive Resume: Applied"},
		{"2026-09-08", "Stage in Reactive Resume: Screening"},
		{"2026-09-20", "Stage in Reactive Resume: Closed"},
	}
	h := rows[1].Opportunity.History
	if len(h) != len(want)+1 || h[0].Describe() != "Imported from Reactive Resume (v6) export" || !h[0].At.IsZero() {
		t.Fatalf("history %+v", h)
	}
	h = h[1:]
	for i, w := range want {
		if got := string(day.Of(h[i].At.UTC())); got != w.day || h[i].Describe() != w.text || h[i].Kind != tracker.EventEntry || h[i].Source != "Reactive Resume" {
			t.Errorf("event %d: %s %q (%s), want %s %q", i, got, h[i].Describe(), h[i].Kind, w.day, w.text)
		}
	}
	// Stored, the events are the record's history, and the import is dated.
	s := openStore(t)
	if _, err := Import(s, PathFile(filepath.Join("testdata", "formats", "reactive-resume-v6.csv")), Options{}); err != nil {
		t.Fatal(err)
	}
	stored := all(t, s)
	if len(stored) != 5 || len(stored[1].History) != 4 || stored[1].History[3].Describe() != "Stage in Reactive Resume: Closed" ||
		stored[1].History[0].At.IsZero() {
		t.Errorf("stored history %+v", stored[1].History)
	}
}

func TestImportNamesTheFormatAndCountsTheRows(t *testing.T) {
	s := openStore(t)
	rep, err := Import(s, PathFile(filepath.Join("testdata", "formats", "reactive-resume-v6.csv")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(rep.Summary(), "Reactive Resume (v6) export: 5 opportunities\nimported: 5\n") ||
		!strings.Contains(rep.Summary(), "columns not read: Stage Date") {
		t.Errorf("summary:\n%s", rep.Summary())
	}
}

func TestHeaderRecognition(t *testing.T) {
	file := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", "formats", name))
		if err != nil {
			t.Fatal(err)
		}
		line, _, _ := strings.Cut(strings.TrimPrefix(string(b), "\ufeff"), "\n")
		return strings.TrimSuffix(line, "\r")
	}
	for _, tc := range []struct{ header, format string }{
		{file("jobsync.csv"), "JobSync export"},
		{file("huntr.csv"), "Huntr board export"},
		{file("Job Applications.csv"), "LinkedIn job applications export"},
		{file("Saved Jobs.csv"), "LinkedIn saved jobs export"},
		{file("reactive-resume-v6.csv"), "Reactive Resume (v6) export"},
		{file("reactive-resume-v5.csv"), "Reactive Resume (v5) export"},
		{strings.Join(Columns(), ","), "Decline Desk export"},
		// Our columns and one more are a spreadsheet, not our export.
		{strings.Join(Columns(), ",") + ",extra", FormatSpreadsheet},
		// Columns in another order and case are still the format.
		{"status,JOB TITLE,Company,JobSource,createdAt,appliedDate", "JobSync export"},
		{"Company,Role,Stage", FormatSpreadsheet},
		// Part of a format's columns is no format.
		{"Company,Role,Stage History", FormatSpreadsheet},
	} {
		p, err := Read(BytesFile("h.csv", []byte(tc.header+"\n")), ParseOptions{})
		if err != nil && !errors.Is(err, ErrNotCSV) {
			t.Errorf("%q: %v", tc.header, err)
			continue
		}
		if p == nil || p.Format != tc.format {
			t.Errorf("%q: recognised as %+v, want %q", tc.header, p, tc.format)
		}
	}
}

// Every column a format reads goes into a field of the field table or one of the readings,
// and every status it names is one of the statuses.
func TestTheFormatTableIsConsistent(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range formats {
		if seen[f.Name] || f.Name == "" || len(f.Identify) == 0 {
			t.Errorf("format %q: unnamed, twice, or not identified", f.Name)
		}
		seen[f.Name] = true
		for key, target := range f.Columns {
			if HeaderKey(key) != key {
				t.Errorf("%s: column %q is not in HeaderKey form", f.Name, key)
			}
			if _, ok := fieldIndex[target]; !ok && !slices.Contains([]string{readContacts, readStageHistory, readClosedReason, readSkip}, target) {
				t.Errorf("%s: column %q reads into %q", f.Name, key, target)
			}
		}
		for _, key := range f.Identify {
			if HeaderKey(key) != key {
				t.Errorf("%s: identifying column %q is not in HeaderKey form", f.Name, key)
			}
		}
		for word, s := range f.Statuses {
			if !s.Valid() && s != closedStatus {
				t.Errorf("%s: %q means %q", f.Name, word, s)
			}
		}
		for word, s := range f.Reasons {
			if !s.Valid() {
				t.Errorf("%s: reason %q means %q", f.Name, word, s)
			}
		}
		for name, v := range f.Fixed {
			fl, ok := tracker.FieldNamed(name)
			if !ok || fl.Check(v, day.MonthFirst) != nil {
				t.Errorf("%s: fixed %s=%q", f.Name, name, v)
			}
		}
		// No earlier format takes this one's files.
		var header []string
		for _, k := range f.Identify {
			header = append(header, k)
		}
		if !f.own {
			if got := recognise(header); got != f {
				t.Errorf("a header of %s's columns is recognised as %v", f.Name, got)
			}
		}
	}
}

// A record from another tracker's export says, in its history, where it came from.
func TestImportedRecordsNameTheExportTheyCameFrom(t *testing.T) {
	s := openStore(t)
	if _, err := Import(s, PathFile(filepath.Join("testdata", "formats", "jobsync.csv")), Options{}); err != nil {
		t.Fatal(err)
	}
	h := all(t, s)[0].History
	if len(h) != 1 || h[0].Describe() != "Imported from JobSync export" || h[0].At.IsZero() {
		t.Errorf("history %+v", h)
	}
}
