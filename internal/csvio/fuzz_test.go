package csvio

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// FuzzExportImportRoundTrip exports records made from random text, imports the file into an
// empty tracker and exports that again: both files, and every record, must be identical.
func FuzzExportImportRoundTrip(f *testing.F) {
	f.Add("Acme, Inc.", "Go \"dev\"", "line\none", "remote;senior", "note; with \\ escapes", "jo@acme.test", uint8(3), uint16(40), int64(1764000000))
	f.Add(" Müller GmbH ", "Ingénieur·e 🚀", "\r\n", ",", "", "", uint8(9), uint16(0), int64(0))
	f.Add("'+cmd", "-Role", "@x", "''=y", "\t=1", "", uint8(1), uint16(1), int64(1))
	f.Add("=SUM(A1)", "\ufeffRole", "\"\"\"", "a,b;c", "2026-01-01 fake; 2026-01-02", "a@b.co", uint8(200), uint16(65535), int64(-1))
	f.Fuzz(func(t *testing.T, company, role, notes, tags, event, email string, status uint8, days uint16, created int64) {
		statuses := stage.Statuses()
		in := tracker.Opportunity{
			Company: company, Role: role, Notes: notes, Tags: tracker.SplitTags(tags),
			Status: statuses[int(status)%len(statuses)], Location: event, Source: notes,
			ContactName: company, URL: strings.ReplaceAll(role, " ", ""),
			FollowUpOn: day.Day("2026-01-01").AddDays(int(days) % 5000),
			CreatedAt:  time.Unix(created%4e9, 0),
		}
		if tracker.CheckEmail(email) == nil {
			in.ContactEmail = email
		}
		in.Normalize()
		if in.Validate() != nil {
			return // not something the tracker would hold
		}
		a := openStore(t)
		o, err := a.Add(in, true)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.AppendEvent(o.ID, tracker.Event{Kind: tracker.EventNote, Note: event}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.Add(tracker.Opportunity{Company: "second " + company, Role: role, Tags: []string{event}}, true); err != nil {
			t.Fatal(err)
		}
		var first bytes.Buffer
		if _, err := Export(&first, a, ExportOptions{}); err != nil {
			t.Fatal(err)
		}
		b := openStore(t)
		rep, err := Import(b, BytesFile("test.csv", first.Bytes()), Options{})
		if err != nil {
			t.Fatalf("import of our own export: %v\n%s\n%s", err, rep.Summary(), first.String())
		}
		if len(rep.Imported) != 2 || len(rep.Skipped) != 0 || len(rep.Ignored) != 0 {
			t.Fatalf("report %+v", rep)
		}
		var second bytes.Buffer
		if _, err := Export(&second, b, ExportOptions{}); err != nil {
			t.Fatal(err)
		}
		if first.String() != second.String() {
			t.Fatalf("round trip changed the file:\n%q\n%q", first.String(), second.String())
		}
		want, got := all(t, a), all(t, b)
		for i := range want {
			if !equalFields(want[i], got[i]) || len(want[i].History) != len(got[i].History) {
				t.Errorf("record %d:\n got %+v\nwant %+v", i, got[i], want[i])
			}
		}
	})
}
