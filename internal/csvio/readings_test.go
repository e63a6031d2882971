package csvio

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// one reads a file of one row and returns its opportunity, or the row's error.
func one(t *testing.T, csv string) (tracker.Opportunity, string) {
	t.Helper()
	p, err := Read(BytesFile("t.csv", []byte(csv)), ParseOptions{})
	if err != nil {
		t.Fatalf("%q: %v", csv, err)
	}
	if p.Bad > 0 {
		return tracker.Opportunity{}, p.Errors[0].Error()
	}
	var o tracker.Opportunity
	p.EachRow(func(r Row) bool { o = r.Opportunity; return false })
	return o, ""
}

const (
	jobSyncHeader = "index,createdAt,applied,appliedDate,Company,JobTitle,jobType,Location,JobSource,Status\n"
	huntrHeader   = "id,createdAt,title,salary,location,url,rootDomain,htmlDescription,deadline,color,lastMovedAt,boardId,boardName,listId,listName,companyId,companyName,companyDomain,creatorUserId,creatorUserFirstName,creatorUserLastName,creatorUserEmail\n"
	rr6Header     = "Company,Role,Stage,Stage Date,Application Date,Location,Salary,Source,URL,Tags,Contacts,Notes,Closed Reason,Stage History,Timeline,Created At,Updated At\n"
	rr5Header     = "Company,Role,Stage,Stage Date,Application Date,Location,Salary,Source,URL,Tags,Contacts,Notes,Stage History,Timeline,Archived,Created At,Updated At\n"
	linkedInApps  = "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers\n"
)

func jobSyncRow(status string) string {
	return jobSyncHeader + "1,2026-09-02,Yes,2026-09-03,Acme,Dev,Full Time,Porto,LinkedIn," + status + "\n"
}

func huntrRow(list string) string {
	return huntrHeader + "a1,2026-09-14 08:12:44,Dev,-,-,-,-,-,-,-,-,b1,Board,l1," + list + ",c1,Acme,acme.test,u1,Ana,Silva,ana@example.test\n"
}

func rr6Row(stage, reason string) string {
	return rr6Header + "Acme,Dev," + stage + ",,2026-09-01,,,,,,,," + reason + ",,,2026-09-01T08:00:00.000Z,2026-09-02T08:00:00.000Z\n"
}

func TestEachStatusWord(t *testing.T) {
	for _, tc := range []struct {
		csv  string
		want stage.Status
	}{
		// JobSync's statuses, by label.
		{jobSyncRow("Draft"), stage.Saved}, {jobSyncRow("Applied"), stage.Applied}, {jobSyncRow("Interview"), stage.Scheduled},
		{jobSyncRow("Offer"), stage.Offer}, {jobSyncRow("Rejected"), stage.Rejected}, {jobSyncRow("Expired"), stage.Ghosted},
		{jobSyncRow("Archived"), stage.Withdrawn}, {jobSyncRow("Offer Accepted"), stage.Accepted}, {jobSyncRow("Offer Declined"), stage.Declined},
		// Huntr's list names, default and common custom ones.
		{huntrRow("Wishlist"), stage.Saved}, {huntrRow("Applied"), stage.Applied}, {huntrRow("Interview"), stage.Scheduled},
		{huntrRow("Interviewing"), stage.Scheduled}, {huntrRow("On Site"), stage.Scheduled}, {huntrRow("Offer"), stage.Offer},
		{huntrRow("Rejected"), stage.Rejected}, {huntrRow("Accepted"), stage.Accepted}, {huntrRow("Declined"), stage.Declined},
		{huntrRow("Phone Screen"), stage.Scheduled}, // a status alias of the tracker's own
		// Reactive Resume's lowercase stages, and closed with its reason.
		{rr6Row("saved", ""), stage.Saved}, {rr6Row("applied", ""), stage.Applied}, {rr6Row("screening", ""), stage.Invited},
		{rr6Row("interview", ""), stage.Scheduled}, {rr6Row("offer", ""), stage.Offer}, {rr6Row("rejected", ""), stage.Rejected},
		{rr6Row("closed", "withdrew"), stage.Withdrawn}, {rr6Row("closed", "accepted-other"), stage.Withdrawn},
		{rr6Row("closed", "not-selected"), stage.Rejected}, {rr6Row("closed", "no-response"), stage.Ghosted},
		{rr6Row("closed", "accepted"), stage.Accepted}, {rr6Row("closed", "Declined"), stage.Declined},
		// LinkedIn says nothing: every application is applied, every saved job saved.
		{linkedInApps + "\"10/14/26, 2:22 PM\",,,Acme,Dev,,,\n", stage.Applied},
		{"Saved Date,Job Url,Job Title,Company Name\n\"9/30/26, 8:05 AM\",,Dev,Acme\n", stage.Saved},
	} {
		o, reason := one(t, tc.csv)
		if reason != "" || o.Status != tc.want {
			_, row, _ := strings.Cut(tc.csv, "\n")
			t.Errorf("%q: %q %s, want %s", row, o.Status, reason, tc.want)
		}
	}
}

func TestStatusWordsThatSayTooLittleAreRowErrors(t *testing.T) {
	for _, tc := range []struct{ csv, says string }{
		{rr6Row("closed", ""), "no closed reason says how"},
		{rr6Row("closed", "moved abroad"), `closed for the reason "moved abroad"`},
		{rr6Row("pondering", ""), `unknown status "pondering"`},
		{huntrRow("Dream Jobs"), `unknown status "Dream Jobs"`},
	} {
		if _, reason := one(t, tc.csv); !strings.Contains(reason, "line 2: Status: ") || !strings.Contains(reason, tc.says) {
			t.Errorf("%q: %q", tc.csv, reason)
		}
	}
	// The reasons the error offers are the ones that work.
	_, reason := one(t, rr6Row("closed", ""))
	for _, w := range []string{"accepted-other", "no-response", "not-selected", "withdrew"} {
		if !strings.Contains(reason, w) {
			t.Errorf("%q does not offer %q", reason, w)
		}
	}
}

func TestEachDateForm(t *testing.T) {
	for _, tc := range []struct {
		header, cell string
		want         day.Day
	}{
		{"Company,Role,Applied\n", "2026-10-14", "2026-10-14"},
		{"Company,Role,Applied\n", "2026-10-14T09:30:00Z", "2026-10-14"},
		{"Company,Role,Applied\n", "2026-10-14T09:30:00.123Z", "2026-10-14"},
		{"Company,Role,Applied\n", "2026-10-14T23:30:00-05:00", "2026-10-14"}, // the day where it was written
		{"Company,Role,Applied\n", "2026-10-14T09:30:00", "2026-10-14"},
		{"Company,Role,Applied\n", "2026-10-14 09:30:00", "2026-10-14"},
		{"Company,Role,Applied\n", "2026-10-14 09:30", "2026-10-14"},
		{"Company,Role,Applied\n", "\"10/14/26, 2:22 PM\"", "2026-10-14"},
		{"Company,Role,Applied\n", "\"10/14/2026, 2:22 PM\"", "2026-10-14"},
		{"Company,Role,Applied\n", "10/14/2026", "2026-10-14"},
		{linkedInApps, "\"1/2/26, 12:05 AM\"", "2026-01-02"}, // month first, whatever the day
		{linkedInApps, "1/2/26", "2026-01-02"},               // LinkedIn's years are two digits even without a time
	} {
		var csv string
		if tc.header == linkedInApps {
			csv = tc.header + tc.cell + ",,,Acme,Dev,,,\n"
		} else {
			csv = tc.header + "Acme,Dev," + tc.cell + "\n"
		}
		o, reason := one(t, csv)
		if reason != "" || o.AppliedOn != tc.want {
			t.Errorf("%s: %q %s, want %s", tc.cell, o.AppliedOn, reason, tc.want)
		}
	}
	// Moments keep their time in the created and updated fields.
	o, _ := one(t, "Company,Role,Created,Updated\nAcme,Dev,\"10/14/26, 2:22 PM\",2026-10-15 07:08:09\n")
	if !o.CreatedAt.Equal(time.Date(2026, 10, 14, 14, 22, 0, 0, time.UTC)) || !o.UpdatedAt.Equal(time.Date(2026, 10, 15, 7, 8, 9, 0, time.UTC)) {
		t.Errorf("moments %v %v", o.CreatedAt, o.UpdatedAt)
	}
}

func TestDatesThatAreNotDatesAreRowErrors(t *testing.T) {
	for _, tc := range []struct{ csv, says string }{
		// A LinkedIn date written with a year the window cannot show.
		{linkedInApps + "\"10/14/0026, 2:22 PM\",,,Acme,Dev,,,\n", "between 1900 and 2999"},
		{linkedInApps + "\"10/14/3026, 2:22 PM\",,,Acme,Dev,,,\n", "between 1900 and 2999"},
		{linkedInApps + "\"14/10/26, 2:22 PM\",,,Acme,Dev,,,\n", "not a date"},
		{linkedInApps + "\"10/14/26, 25:99 PM\",,,Acme,Dev,,,\n", "not a date"},
		{"Company,Role,Applied\nAcme,Dev,2026-10-14T31:00:00Z\n", "not a date"},
		{"Company,Role,Created\nAcme,Dev,\"10/14/26, teatime\"\n", "not a date and time"},
		{"Company,Role,Created\nAcme,Dev,2999-12-31T23:00:00-05:00\n", "between 1900 and 2999"}, // 3000 in UTC
		{"Saved Date,Job Url,Job Title,Company Name\n\"9/30/26, 8:05 XM\",,Dev,Acme\n", "Created: "},
	} {
		if _, reason := one(t, tc.csv); !strings.Contains(reason, "line 2: ") || !strings.Contains(reason, tc.says) {
			t.Errorf("%q: %q, want %q", tc.csv, reason, tc.says)
		}
	}
}

func TestEmptyMarkers(t *testing.T) {
	// N/A and - are nothing in another tracker's export and in a spreadsheet…
	o, reason := one(t, jobSyncHeader+"1,N/A,No,N/A,Acme,Dev,Unknown,N/A,N/A,Draft\n")
	if reason != "" || o.AppliedOn != "" || o.Location != "" || o.Source != "" || len(o.Tags) != 0 || !o.CreatedAt.IsZero() {
		t.Errorf("jobsync: %+v %s", o, reason)
	}
	o, reason = one(t, huntrRow("Applied"))
	if reason != "" || o.URL != "" || o.Location != "" || o.Notes != "" || !o.UpdatedAt.IsZero() {
		t.Errorf("huntr: %+v %s", o, reason)
	}
	o, reason = one(t, "Company,Role,Location,Email,Applied\nAcme,Dev,n/a,-,N/A\n")
	if reason != "" || o.Location != "" || o.ContactEmail != "" || o.AppliedOn != "" {
		t.Errorf("spreadsheet: %+v %s", o, reason)
	}
	// … but never in Decline Desk's own export, whose cells come back as written.
	s := openStore(t)
	if _, err := s.Add(tracker.Opportunity{Company: "N/A", Role: "-", Location: "n/a"}, true); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	Export(&buf, s, ExportOptions{Raw: true})
	o, reason = one(t, buf.String())
	if reason != "" || o.Company != "N/A" || o.Role != "-" || o.Location != "n/a" {
		t.Errorf("own export: %+v %s", o, reason)
	}
}

func TestTags(t *testing.T) {
	for _, tc := range []struct {
		cell string
		want []string
	}{
		{"remote; senior", []string{"remote", "senior"}},
		{`"remote, senior"`, []string{"remote", "senior"}},
		{`"[""remote"",""senior""]"`, []string{"remote", "senior"}},
		{`"[ ""a b"" , ""A B"", """" ]"`, []string{"a b"}},
		{`[]`, nil},
	} {
		o, reason := one(t, "Company,Role,Tags\nAcme,Dev,"+tc.cell+"\n")
		if reason != "" || !slices.Equal(o.Tags, tc.want) {
			t.Errorf("%s: %q %s, want %q", tc.cell, o.Tags, reason, tc.want)
		}
	}
	for _, cell := range []string{`"[""remote"",]"`, `[urgent]`, `"[1,2]"`, `"[""a"", null, {}]"`} {
		if _, reason := one(t, "Company,Role,Tags\nAcme,Dev,"+cell+"\n"); !strings.Contains(reason, "line 2: Tags: ") || !strings.Contains(reason, "JSON") {
			t.Errorf("%s: %q", cell, reason)
		}
	}
}

func TestContacts(t *testing.T) {
	for _, tc := range []struct {
		cell              string
		name, email, note string
	}{
		{"Maya Chen <maya@x.test>", "Maya Chen", "maya@x.test", ""},
		{`"""Chen, Maya"" <maya@x.test>"`, "Chen, Maya", "maya@x.test", ""},
		{"maya@x.test", "", "maya@x.test", ""},
		{"Maya Chen (Recruiter)", "Maya Chen", "", "Maya Chen: Recruiter"},
		{"\"Maya Chen <maya@x.test> (Recruiter, agency)\nJo Park <jo@x.test>; Ana\"", "Maya Chen", "maya@x.test",
			"Maya Chen: Recruiter, agency\nOther contacts: Jo Park <jo@x.test>; Ana"},
	} {
		o, reason := one(t, rr6Header+"Acme,Dev,applied,,,,,,,,"+tc.cell+",,,,,,\n")
		if reason != "" || o.ContactName != tc.name || o.ContactEmail != tc.email || o.Notes != tc.note {
			t.Errorf("%s: %q %q %q %s", tc.cell, o.ContactName, o.ContactEmail, o.Notes, reason)
		}
	}
	// A contact's address that is no address is refused like any other.
	if _, reason := one(t, rr6Header+"Acme,Dev,applied,,,,,,,,Maya <not an address>,,,,,,\n"); !strings.Contains(reason, "Contact email: ") {
		t.Errorf("bad address: %q", reason)
	}
	// In a spreadsheet's contact column, "Name <email>" fills both fields.
	o, _ := one(t, "Company,Role,Recruiter\nAcme,Dev,Jo Park <jo@x.test>\n")
	if o.ContactName != "Jo Park" || o.ContactEmail != "jo@x.test" {
		t.Errorf("spreadsheet contact: %q %q", o.ContactName, o.ContactEmail)
	}
}

func TestStageHistoryErrors(t *testing.T) {
	row := func(history string) string {
		return rr6Header + "Acme,Dev,applied,,,,,,,,,,," + history + ",,,\n"
	}
	o, reason := one(t, row(`"Applied (2026-08-03) → Interview (screen) (2026-08-12)"`))
	if reason != "" || len(o.History) != 3 || o.History[2].Describe() != "Stage in Reactive Resume: Interview (screen)" {
		t.Errorf("%s %+v", reason, o.History)
	}
	for _, tc := range []struct{ history, says string }{
		{`"Applied → Interview (2026-08-12)"`, `the step "Applied" has no date`},
		{`"Applied () → Interview (2026-08-12)"`, `has no date`},
		{`"Applied (yesterday)"`, `not a date`},
		{`"(2026-08-03)"`, `names no stage`},
		{`"Applied (2026-02-30)"`, `not a date`},
		{`"Applied (0026-02-03)"`, `between 1900 and 2999`},
	} {
		if _, reason := one(t, row(tc.history)); !strings.Contains(reason, "line 2: Stage history: ") || !strings.Contains(reason, tc.says) {
			t.Errorf("%s: %q", tc.history, reason)
		}
	}
}

func TestARepeatedHeaderIsRefusedWithItsLine(t *testing.T) {
	_, err := Read(BytesFile("t.csv", []byte("Company,Role,Company\nA,B,C\n")), ParseOptions{})
	var he *HeaderError
	if !errors.As(err, &he) || !errors.Is(err, ErrNotCSV) || !strings.Contains(err.Error(), `line 1: the column "Company" appears twice (columns 1 and 3)`) {
		t.Errorf("%v", err)
	}
	// A repeated column that is not read anyway is no harm.
	if _, err := Read(BytesFile("t.csv", []byte("Company,Role,Misc,Misc,,\nA,B,C,D,,\n")), ParseOptions{}); err != nil {
		t.Errorf("%v", err)
	}
}

func TestHeaderKeyTakesCamelCaseApart(t *testing.T) {
	for in, want := range map[string]string{
		"JobTitle": "job title", "createdAt": "created at", "ORGANIZATION": "organization", "jobURL": "job url",
		"company_name": "company name", "Job-Title": "job title", "  Follow  up ": "follow up", "address2Line": "address2 line",
		"Employer name?": "employer name", "Salary (EUR)": "salary eur", "*Role": "role",
	} {
		if got := HeaderKey(in); got != want {
			t.Errorf("HeaderKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// Decline Desk's own export imports back unchanged, and is named as such.
func TestOwnExportRoundTrip(t *testing.T) {
	a := openStore(t)
	for i, o := range []tracker.Opportunity{
		{Company: "N/A", Role: "-", Tags: []string{`["x"]`, "b"}, ContactName: "Jo; Ann", Notes: "line\nline"},
		{Company: "Acme", Role: "Dev", Status: stage.Declined, AppliedOn: "2026-01-02", URL: "https://a.test", Source: "-"},
	} {
		got, err := a.Add(o, true)
		if err != nil {
			t.Fatal(err)
		}
		a.AppendEvent(got.ID, tracker.Event{Kind: tracker.EventNote, Note: fmt.Sprint("event ", i)})
	}
	var first, second bytes.Buffer
	Export(&first, a, ExportOptions{})
	b := openStore(t)
	rep, err := Import(b, BytesFile("ours.csv", first.Bytes()), Options{})
	if err != nil || rep.Format != "Decline Desk export" || len(rep.Imported) != 2 || len(rep.Ignored) != 0 {
		t.Fatalf("%v %+v", err, rep)
	}
	Export(&second, b, ExportOptions{})
	if first.String() != second.String() {
		t.Errorf("the round trip changed the file:\n%s\n%s", first.String(), second.String())
	}
}
