package csvio

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

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

// FuzzDateForms writes a moment in each form other trackers write, and reads it back: the
// day, and for created and updated the moment, must be the one written.
func FuzzDateForms(f *testing.F) {
	f.Add(int64(1791000000), int16(0))
	f.Add(int64(-2208988800), int16(-300)) // 1900-01-01
	f.Add(int64(32503593599), int16(840))  // the last second of 2999
	f.Fuzz(func(t *testing.T, secs int64, offsetMinutes int16) {
		at := time.Unix(secs, 0).UTC()
		if at.Year() < day.MinYear || at.Year() > day.MaxYear {
			return
		}
		zone := time.FixedZone("", int(offsetMinutes%(14*60))*60)
		local := at.In(zone)
		if local.Year() < day.MinYear || local.Year() > day.MaxYear {
			return // the day as written is one the window cannot show
		}
		written := string(day.Of(local))
		forms := map[string]bool{ // written form → has its own zone
			local.Format(time.RFC3339):                    true,
			local.Format("2006-01-02T15:04:05.000Z07:00"): true,
			local.Format("2006-01-02T15:04:05"):           false,
			local.Format("2006-01-02 15:04:05"):           false,
			local.Format("1/2/2006, 3:04 PM"):             false,
		}
		if local.Year() >= 2000 && local.Year() < 2100 {
			forms[local.Format("1/2/06, 3:04 PM")] = false
		}
		for form, zoned := range forms {
			if got := dayText(form, false); got != written && !(strings.Contains(form, "/") && got == local.Format("1/2/2006")) {
				t.Errorf("dayText(%q) = %q, want %s", form, got, written)
			}
			if d, err := day.Parse(dayText(form, false), day.MonthFirst); err != nil || string(d) != written {
				t.Errorf("%q reads as %q (%v), want %s", form, d, err, written)
			}
			m, err := parseMoment(form, day.MonthFirst, false)
			want := time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), local.Minute(), local.Second(), 0, time.UTC)
			if zoned {
				want = at
			}
			if strings.Contains(form, "PM") || strings.Contains(form, "AM") {
				want = want.Truncate(time.Minute)
			}
			if err != nil || !m.Equal(want) {
				t.Errorf("parseMoment(%q) = %v (%v), want %v", form, m, err, want)
			}
		}
	})
}

// FuzzContactList writes contacts one a line and reads them back.
func FuzzContactList(f *testing.F) {
	f.Add("Maya Chen", "maya@x.test", "Recruiter", "Jo Park", "", "")
	f.Add("", "a@b.c", "", "Ana", "ana@x.test", "hiring manager, referral")
	f.Fuzz(func(t *testing.T, n1, e1, d1, n2, e2, d2 string) {
		in := []contact{{n1, e1, d1}, {n2, e2, d2}}
		for _, c := range in {
			for _, s := range []string{c.Name, c.Email, c.Details} {
				if strings.ContainsAny(s, "\r\n;<>()\"") || s != strings.TrimSpace(s) {
					return // separators the list cannot hold
				}
			}
			if c.Name == "" && c.Email == "" || strings.ContainsAny(c.Email, " \t") ||
				c.Name == "" && (c.Details != "" || strings.Count(c.Email, "@") != 1) ||
				c.Email == "" && strings.Count(c.Name, "@") == 1 && !strings.ContainsAny(c.Name, " \t") {
				return // no contact, or a name that reads as an address
			}
		}
		got := splitContacts(formatContacts(in))
		if len(got) != len(in) || got[0] != in[0] || got[1] != in[1] {
			t.Errorf("%q: %+v, want %+v", formatContacts(in), got, in)
		}
	})
}

// FuzzStageHistory writes a stage history and reads it back.
func FuzzStageHistory(f *testing.F) {
	f.Add("Applied", uint16(10), "Interview (onsite)", uint16(19))
	f.Fuzz(func(t *testing.T, s1 string, d1 uint16, s2 string, d2 uint16) {
		in := []step{{s1, day.Day("2026-01-01").AddDays(int(d1) % 3000)}, {s2, day.Day("2026-01-01").AddDays(int(d2) % 3000)}}
		for _, s := range in {
			if strings.TrimSpace(s.Name) != s.Name || s.Name == "" || strings.Contains(s.Name, stageArrow) || !utf8.ValidString(s.Name) {
				return
			}
		}
		got, err := splitStages(formatStages(in), day.MonthFirst, false)
		if err != nil || len(got) != 2 || got[0] != in[0] || got[1] != in[1] {
			t.Errorf("%q: %+v (%v), want %+v", formatStages(in), got, err, in)
		}
	})
}

// FuzzJSONTags writes tags as Reactive Resume does and reads them back as tags.
func FuzzJSONTags(f *testing.F) {
	f.Add("remote", "on-call", "Ä \"quoted\"")
	f.Add("", "a,b", "[x]")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) || !utf8.ValidString(c) {
			return // a JSON writer replaces each bad byte; the tags' cleaning, each run of them
		}
		in := []string{a, b, c}
		got, err := splitTags(formatJSONTags(in))
		if err != nil || !slices.Equal(got, tracker.CleanTags(in)) {
			t.Errorf("%q: %q (%v), want %q", formatJSONTags(in), got, err, tracker.CleanTags(in))
		}
	})
}

// FuzzMappingSpec writes a mapping and reads it back.
func FuzzMappingSpec(f *testing.F) {
	f.Add("Firm", uint8(1), "Where we met", uint8(4))
	f.Fuzz(func(t *testing.T, c1 string, f1 uint8, c2 string, f2 uint8) {
		fields := append(MappableFields(), tracker.Field{Name: SkipColumn})
		in := Mapping{HeaderKey(c1): fields[int(f1)%len(fields)].Name, HeaderKey(c2): fields[int(f2)%len(fields)].Name}
		if HeaderKey(c1) == "" || HeaderKey(c2) == "" || HeaderKey(c1) == HeaderKey(c2) ||
			strings.ContainsAny(c1+c2, ",=") || !utf8.ValidString(c1) || !utf8.ValidString(c2) {
			return
		}
		got, err := ParseMapping(in.String())
		if err != nil || got.String() != in.String() {
			t.Errorf("%q: %v (%v)", in.String(), got, err)
		}
	})
}

// FuzzAnyFormat reads rows of random cells under each format's header: nothing panics,
// and every row found good is one the tracker takes.
func FuzzAnyFormat(f *testing.F) {
	f.Add(uint8(1), "Acme", "Dev", "closed", "2026-01-02T03:04:05Z", `["a"]`, "Jo <jo@x.test>\nAna")
	f.Add(uint8(5), "Acme", "Dev", "Offer", "10/14/26, 2:22 PM", "N/A", "Applied (2026-01-02) → x (1/2/26)")
	f.Fuzz(func(t *testing.T, which uint8, a, b, c, d, e, g string) {
		fm := formats[int(which)%len(formats)]
		var header []string
		for k := range fm.Columns {
			header = append(header, k)
		}
		slices.Sort(header)
		cells := []string{a, b, c, d, e, g}
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.Write(header)
		row := make([]string, len(header))
		for i := range row {
			row[i] = cells[i%len(cells)]
		}
		w.Write(row)
		w.Flush()
		p, err := Read(BytesFile("f.csv", buf.Bytes()), ParseOptions{Dates: day.MonthFirst})
		if err != nil {
			return
		}
		p.EachRow(func(r Row) bool {
			o := r.Opportunity
			o.Normalize()
			if err := o.Validate(); err != nil {
				t.Errorf("a good row the tracker refuses: %v\n%q", err, row)
			}
			return true
		})
	})
}
