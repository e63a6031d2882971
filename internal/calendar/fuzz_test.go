package calendar

import (
	"bytes"
	"testing"
)

// FuzzSummaryRoundTrip writes any company and role and reads the summary back with the
// tests' own unfolding and unescaping: every line must be CRLF-ended, at most 75 octets
// and whole UTF-8, and the summary must be exactly the one-line text that was meant.
func FuzzSummaryRoundTrip(f *testing.F) {
	for _, seed := range [][2]string{
		{"Acme", "Dev"},
		{`Acme, Inc.; "Widgets" \ Gadgets`, "Go\nEngineer"},
		{"Müller & Söhne Größenwahn Müller & Söhne Größenwahn Müller & Söhne", "日本語の役職日本語の役職日本語の役職"},
		{"🎉\\,;\\n\r\n\t\x00\x7f\xff", " "},
		{"", ""},
	} {
		f.Add(seed[0], seed[1], uint64(1))
	}
	f.Fuzz(func(t *testing.T, company, role string, id uint64) {
		o := tricky[0]
		o.ID, o.Company, o.Role = id, company, role
		evs := EventsOf(&o, dayAt(0))
		var b bytes.Buffer
		if err := Write(&b, evs, opts); err != nil {
			t.Fatal(err)
		}
		got := events(t, parse(t, b.String()))
		if len(got) != len(evs) {
			t.Fatalf("%d events written, %d read", len(evs), len(got))
		}
		for i, e := range got {
			want := "Follow up: " + oneLine(company)
			if i == 1 {
				want = "Interview: " + oneLine(company)
			}
			if r := oneLine(role); r != "" {
				want += " — " + r
			}
			want = oneLine(want) // with no company or role, no space is left at the end
			if s := unescape(t, e["SUMMARY"].value); s != want {
				t.Fatalf("summary read back as %q, want %q", s, want)
			}
			if uid := unescape(t, e["UID"].value); uid != evs[i].UID() {
				t.Fatalf("UID %q, want %q", uid, evs[i].UID())
			}
		}
	})
}
