package csvio

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/sample"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// layoutWriter writes opportunities as another tracker's export would hold them, and says
// what import must make of each: the writer and the reader are checked against each other.
type layoutWriter struct {
	file   string // the file in testdata/formats in this layout
	header []string
	row    func(o *tracker.Opportunity) []string
	// want is what import makes of o: the fields the tool does not carry are gone,
	// statuses are the tool's nearest.
	want func(o tracker.Opportunity) tracker.Opportunity
}

func ymd(d day.Day) string { return string(d) }

func orNA(s string) string {
	if s == "" {
		return "N/A"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// statusWords are the words each tool has for each of our statuses, and the status
// import gives them back as.
var statusWords = map[string]map[stage.Status]struct {
	word, reason string
	back         stage.Status
}{
	"jobsync": {
		stage.Saved: {"Draft", "", stage.Saved}, stage.Applied: {"Applied", "", stage.Applied},
		stage.Invited: {"Interview", "", stage.Scheduled}, stage.Scheduled: {"Interview", "", stage.Scheduled},
		stage.Offer: {"Offer", "", stage.Offer}, stage.Declined: {"Offer Declined", "", stage.Declined},
		stage.Withdrawn: {"Archived", "", stage.Withdrawn}, stage.Rejected: {"Rejected", "", stage.Rejected},
		stage.Ghosted: {"Expired", "", stage.Ghosted}, stage.Accepted: {"Offer Accepted", "", stage.Accepted},
	},
	"huntr": {
		stage.Saved: {"Wishlist", "", stage.Saved}, stage.Applied: {"Applied", "", stage.Applied},
		stage.Invited: {"Interviewing", "", stage.Scheduled}, stage.Scheduled: {"Interview", "", stage.Scheduled},
		stage.Offer: {"Offer", "", stage.Offer}, stage.Declined: {"Declined", "", stage.Declined},
		stage.Withdrawn: {"Withdrawn", "", stage.Withdrawn}, stage.Rejected: {"Rejected", "", stage.Rejected},
		stage.Ghosted: {"Ghosted", "", stage.Ghosted}, stage.Accepted: {"Accepted", "", stage.Accepted},
	},
	"rr": {
		stage.Saved: {"saved", "", stage.Saved}, stage.Applied: {"applied", "", stage.Applied},
		stage.Invited: {"screening", "", stage.Invited}, stage.Scheduled: {"interview", "", stage.Scheduled},
		stage.Offer: {"offer", "", stage.Offer}, stage.Declined: {"closed", "declined", stage.Declined},
		stage.Withdrawn: {"closed", "withdrew", stage.Withdrawn}, stage.Rejected: {"closed", "not-selected", stage.Rejected},
		stage.Ghosted: {"closed", "no-response", stage.Ghosted}, stage.Accepted: {"closed", "accepted", stage.Accepted},
	},
}

func statusIn(tool string, s stage.Status) (string, string, stage.Status) {
	w := statusWords[tool][s]
	return w.word, w.reason, w.back
}

var layouts = []layoutWriter{
	{
		file:   "jobsync.csv",
		header: strings.Split(strings.TrimSpace(jobSyncHeader), ","),
		row: func(o *tracker.Opportunity) []string {
			word, _, _ := statusIn("jobsync", o.Status)
			return []string{"1", o.CreatedAt.Format(time.DateOnly), "Yes", orNA(ymd(o.AppliedOn)), o.Company, o.Role,
				"Full Time", orNA(o.Location), orNA(o.Source), word}
		},
		want: func(o tracker.Opportunity) tracker.Opportunity {
			_, _, back := statusIn("jobsync", o.Status)
			return tracker.Opportunity{Company: o.Company, Role: o.Role, Status: back, AppliedOn: o.AppliedOn, Location: o.Location,
				Source: o.Source, Tags: []string{"Full Time"}, CreatedAt: day.Of(o.CreatedAt).Time()}
		},
	},
	{
		file:   "huntr.csv",
		header: strings.Split(strings.TrimSpace(huntrHeader), ","),
		row: func(o *tracker.Opportunity) []string {
			word, _, _ := statusIn("huntr", o.Status)
			return []string{"id1", o.CreatedAt.Format(time.DateTime), o.Role, "-", orDash(o.Location), orDash(o.URL), "-", "-",
				"-", "-", o.UpdatedAt.Format(time.DateTime), "b1", "Job Search", "l1", word, "c1", o.Company, "-", "u1", "Ana", "Silva", "ana@example.test"}
		},
		want: func(o tracker.Opportunity) tracker.Opportunity {
			_, _, back := statusIn("huntr", o.Status)
			return tracker.Opportunity{Company: o.Company, Role: o.Role, Status: back, Location: o.Location, URL: o.URL,
				Tags: []string{"Job Search"}, CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt}
		},
	},
	{
		file:   "Job Applications.csv",
		header: strings.Split(strings.TrimSpace(linkedInApps), ","),
		row: func(o *tracker.Opportunity) []string {
			return []string{o.AppliedOn.Time().Add(14*time.Hour + 22*time.Minute).Format("1/2/06, 3:04 PM"), "me@example.test", "",
				o.Company, o.Role, o.URL, "cv.pdf", ""}
		},
		want: func(o tracker.Opportunity) tracker.Opportunity {
			return tracker.Opportunity{Company: o.Company, Role: o.Role, Status: stage.Applied, AppliedOn: o.AppliedOn, URL: o.URL, Source: "LinkedIn"}
		},
	},
	{
		file:   "Saved Jobs.csv",
		header: []string{"Saved Date", "Job Url", "Job Title", "Company Name"},
		row: func(o *tracker.Opportunity) []string {
			return []string{o.CreatedAt.Format("1/2/06, 3:04 PM"), o.URL, o.Role, o.Company}
		},
		want: func(o tracker.Opportunity) tracker.Opportunity {
			return tracker.Opportunity{Company: o.Company, Role: o.Role, Status: stage.Saved, URL: o.URL, Source: "LinkedIn",
				CreatedAt: o.CreatedAt.Truncate(time.Minute)}
		},
	},
	{
		file:   "reactive-resume-v6.csv",
		header: strings.Split(strings.TrimSpace(rr6Header), ","),
		row: func(o *tracker.Opportunity) []string {
			word, reason, _ := statusIn("rr", o.Status)
			tags := ""
			if len(o.Tags) > 0 {
				tags = formatJSONTags(o.Tags)
			}
			history := formatStages([]step{{"Applied", o.AppliedOn}, {"Interview", o.AppliedOn.AddDays(9)}})
			return []string{o.Company, o.Role, word, "", ymd(o.AppliedOn), o.Location, "", o.Source, o.URL, tags,
				formatContacts([]contact{{Name: o.ContactName, Email: o.ContactEmail}}), o.Notes, reason, history, "",
				o.CreatedAt.Format(time.RFC3339Nano), o.UpdatedAt.Format("2006-01-02T15:04:05.000Z07:00")}
		},
		want: func(o tracker.Opportunity) tracker.Opportunity {
			_, _, back := statusIn("rr", o.Status)
			return tracker.Opportunity{Company: o.Company, Role: o.Role, Status: back, AppliedOn: o.AppliedOn, Location: o.Location,
				Source: o.Source, URL: o.URL, Tags: o.Tags, ContactName: o.ContactName, ContactEmail: o.ContactEmail, Notes: o.Notes,
				CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt}
		},
	},
}

// writeLayout writes opportunities in a layout, header first.
func writeLayout(l layoutWriter, opps []tracker.Opportunity) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(l.header)
	for i := range opps {
		w.Write(l.row(&opps[i]))
	}
	w.Flush()
	return buf.Bytes()
}

// Sample records written in each tracker's layout import as what that tracker carries.
func TestEachLayoutImportsWhatItCarries(t *testing.T) {
	opps := sample.Opportunities(300, 7)
	for _, l := range layouts {
		t.Run(l.file, func(t *testing.T) {
			want, _ := Read(PathFile("testdata/formats/"+l.file), ParseOptions{})
			p, err := Read(BytesFile(l.file, writeLayout(l, opps)), ParseOptions{})
			if err != nil || p.Format != want.Format || p.Bad != 0 || p.Good != len(opps) {
				t.Fatalf("%v: %s, %d good, %+v", err, p.Format, p.Good, p.Errors)
			}
			i := 0
			p.EachRow(func(r Row) bool {
				got, w := r.Opportunity, l.want(opps[i])
				got.History = nil
				w.Normalize()
				if !equalFields(got, w) {
					t.Errorf("row %d:\n got %q\nwant %q", i+1, Fields(&got), Fields(&w))
					return false
				}
				i++
				return true
			})
		})
	}
}

// BenchmarkImport100kEachFormat imports 100,000 rows written in each tracker's layout:
// go test -run '^$' -bench Import100kEachFormat -benchtime 1x ./internal/csvio/
func BenchmarkImport100kEachFormat(b *testing.B) {
	opps := sample.Opportunities(100_000, 42)
	for _, l := range layouts {
		b.Run(strings.TrimSuffix(strings.ReplaceAll(l.file, " ", "-"), ".csv"), func(b *testing.B) {
			data := writeLayout(l, opps)
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for b.Loop() {
				b.StopTimer()
				s := openStore(b)
				b.StartTimer()
				rep, err := Import(s, BytesFile(l.file, data), Options{})
				if err != nil || len(rep.Imported)+rep.SkippedCount != 100_000 {
					b.Fatalf("%v: %d imported, %d skipped\n%s", err, len(rep.Imported), rep.SkippedCount, fmt.Sprint(rep.Errors[:min(3, len(rep.Errors))]))
				}
			}
		})
	}
}
