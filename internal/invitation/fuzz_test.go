package invitation

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/emersion/go-message/mail"

	"github.com/declinedesk/declinedesk/internal/eml"
	"github.com/declinedesk/declinedesk/internal/field"
)

// FuzzRead: whatever the input, Read returns one of its errors or a result that the rest
// of the app can use as it is — one-line fields, a real day, valid text — and from which
// a reply draft can always be written.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, strings.HasSuffix(name, ".txt"))
	}
	for _, small := range []string{
		"Would Thursday, December 10 at 2:00 PM suit you? Mo., 14.12. um 9 Uhr, 2-3 pm EST, 10/12/2026, 2026-12-14",
		"Hi\n\n---------- Forwarded message ---------\nFrom: Jo <jo@x.test>\nDate: Mon, Nov 30, 2026 at 4:05 PM\nSubject: Interview\n\nBody",
		"Thanks\n\nVon: Weber, Jonas <j@k.test>\nGesendet: Montag, 7. Dezember 2026 14:21\nBetreff: AW: x\n\n> quoted\nOn Tue, Dec 8 Ana <a@b> wrote:",
		"From: =?utf-8?B?w4lsb2RpZQ==?= <e@l.test>\nSubject: =?iso-8859-1?Q?Entretien_=E0?=\nContent-Transfer-Encoding: quoted-printable\n\nle jeudi 10 d=E9cembre =E0 14h30",
		"From: x@y.test\nContent-Type: text/html\n\n<p>Best regards,<br>Jo Park<br>Recruiter | Fernwood Labs</p><blockquote>old</blockquote>",
	} {
		f.Add([]byte(small), true)
		f.Add([]byte(small), false)
	}
	f.Add([]byte("From: a@b.test\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/calendar\n\nBEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;TZID=\"\n--x--"), false)
	f.Add([]byte("From: a@b.test\nContent-Type: message/rfc822\n\nFrom: c@d.test\nContent-Type: text/html\n\n<blockquote><blockquote>"), false)
	f.Fuzz(func(t *testing.T, data []byte, pasted bool) {
		res, err := Read(bytes.NewReader(data), Options{Now: now, Pasted: pasted, MaxBytes: 1 << 20})
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNotMail) && !errors.Is(err, ErrNoSender) {
				t.Fatalf("an error that is not one of Read's: %v", err)
			}
			return
		}
		for _, fl := range res.Fields() {
			if field.CheckHeaderText(fl.Value) != nil || fl.Value != strings.TrimSpace(fl.Value) {
				t.Fatalf("%s is not one line of text: %q", fl.Name, fl.Value)
			}
		}
		if d := res.Interview.Day; !d.Valid() {
			t.Fatalf("interview on %+v", d)
		}
		if res.Interview.HasTime && res.Interview.Start.IsZero() {
			t.Fatal("a time without a start")
		}
		if !utf8.ValidString(res.Text) || strings.ContainsRune(res.Text, '\r') || len(res.Text) > maxText+(64<<10) {
			t.Fatalf("text of %d bytes is not clean", len(res.Text))
		}
		if res.ContactEmail.Value != "" && !usableEmail(res.ContactEmail.Value) {
			t.Fatalf("contact %q cannot be written to", res.ContactEmail.Value)
		}
		// The reply can always be written: identifiers, subject and addresses are clean.
		d := replyTo(res)
		if d.ToEmail == "" {
			d.ToEmail = "jo@fernwood.test"
		}
		if err := eml.Write(io.Discard, d); err != nil {
			t.Fatalf("the reply cannot be written: %v\n%+v", err, res.Thread)
		}
	})
}

// letters are what the generated names are made of: some beyond ASCII, so that headers are
// encoded and bodies need a charset.
var letters = []rune("abcdefghijklmnoprstuvwzéüöçñ")

// word makes a capitalised word of b that no word list knows: it starts with "Zx".
func word(b string) string {
	var w strings.Builder
	w.WriteString("Zx")
	for i := 0; i < len(b) && i < 8; i++ {
		w.WriteRune(letters[int(b[i])%len(letters)])
	}
	if w.Len() == 2 {
		w.WriteString("ab")
	}
	return w.String()
}

// FuzzReadsBackWhatWasWritten writes an invitation from random names, a day and a time,
// in one of several date forms and transfer encodings, and reads it back field for field.
func FuzzReadsBackWhatWasWritten(f *testing.F) {
	f.Add("jo", "park", "fern", "wood", "back", uint8(7), uint8(14), uint8(30), uint8(0), false)
	f.Add("é", "ü", "ß", "ç", "ñ", uint8(0), uint8(0), uint8(0), uint8(3), true)
	f.Add("", "", "", "", "", uint8(200), uint8(23), uint8(59), uint8(2), true)
	f.Fuzz(func(t *testing.T, first, last, co1, co2, job string, inDays, hour, minute, form uint8, base64 bool) {
		name := word(first) + " " + word(last)
		company := word(co1) + " " + word(co2)
		if squash(company) == squash(name) {
			company += " Zxco" // a company named as its recruiter could be either
		}
		role := word(job) + " Engineer"
		domain := strings.ToLower(squash(company)) + ".test"
		if !isASCIIString(domain) {
			domain = "zxcompany.test"
		}
		email := "recruiting-" + fmt.Sprint(len(first)) + "@" + domain
		email = strings.Replace(email, "recruiting-", "jo.", 1)
		sent := time.Date(2026, 12, 3, 10, 0, 0, 0, time.FixedZone("", 3600))
		day := sent.AddDate(0, 0, 1+int(inDays)%150)
		h, m := int(hour)%24, int(minute)%60
		var when string
		switch form % 4 {
		case 0:
			h12 := h % 12
			if h12 == 0 {
				h12 = 12
			}
			ampm := "AM"
			if h >= 12 {
				ampm = "PM"
			}
			when = fmt.Sprintf("%s, %s %d at %d:%02d %s", day.Weekday(), day.Month(), day.Day(), h12, m, ampm)
		case 1:
			when = fmt.Sprintf("%02d.%02d.%d um %d:%02d Uhr", day.Day(), day.Month(), day.Year(), h, m)
		case 2:
			when = fmt.Sprintf("%d %s %d at %02d:%02d", day.Day(), day.Month(), day.Year(), h, m)
		case 3:
			when = fmt.Sprintf("%s at %02d:%02d", day.Format(time.DateOnly), h, m)
		}
		id := fmt.Sprintf("%x.%d@mail.%s", first+last, inDays, domain)
		if !eml.ValidMsgID(id) {
			id = "generated@mail.zxcompany.test"
		}
		var h0 mail.Header
		h0.SetAddressList("From", []*mail.Address{{Name: name, Address: email}})
		h0.SetAddressList("To", []*mail.Address{{Name: "Ana Silva", Address: "ana@example.com"}})
		h0.SetSubject("Interview invitation: " + role + " at " + company)
		h0.SetDate(sent)
		h0.SetMessageID(id)
		h0.SetContentType("text/plain", map[string]string{"charset": "utf-8"})
		if base64 {
			h0.Set("Content-Transfer-Encoding", "base64")
		} else {
			h0.Set("Content-Transfer-Encoding", "quoted-printable")
		}
		var buf bytes.Buffer
		w, err := mail.CreateSingleInlineWriter(&buf, h0)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(w, "Hello Ana,\n\nwe would like to invite you to an interview for the %s position.\nWould %s suit you?\n\nBest regards,\n%s\n%s\n",
			role, when, name, company)
		w.Close()

		res, err := Read(&buf, Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"contact_name": name, "contact_email": email, "company": company, "role": role,
			"interview_on": day.Format(time.DateOnly), "status": "invited"}
		for _, fl := range res.Fields() {
			if w, ok := want[fl.Name]; ok && fl.Value != w {
				t.Errorf("%s read back as %q, want %q (%s)", fl.Name, fl.Value, w, when)
			}
		}
		start := time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, sent.Location())
		if !res.Interview.HasTime || !res.Interview.Start.Equal(start) {
			t.Errorf("starts %v, want %v (%s)", res.Interview.Start, start, when)
		}
		if res.Thread.MessageID != id || res.Thread.Subject != "Interview invitation: "+role+" at "+company {
			t.Errorf("thread %+v", res.Thread)
		}
	})
}

func isASCIIString(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}
