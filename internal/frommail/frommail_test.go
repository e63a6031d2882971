package frommail

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/frommail/frommailtest"
	"github.com/declinedesk/declinedesk/internal/invitation"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

func store(t *testing.T) *tracker.BoltStore {
	t.Helper()
	s, err := tracker.Open(filepath.Join(t.TempDir(), "t.db"), tracker.Options{Clock: clocktest.New()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func read(t *testing.T, text string, pasted bool) invitation.Result {
	t.Helper()
	res, err := Read(strings.NewReader(text), pasted, clocktest.Epoch)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func field(p Proposal, name string) Field {
	for _, f := range p.Fields {
		if f.Name == name {
			return f
		}
	}
	return Field{}
}

// An invitation about an opportunity not tracked yet becomes a new one: every field with
// where it was read, the mail kept for the reply.
func TestAnInvitationBringsANewOpportunity(t *testing.T) {
	s := store(t)
	mail := frommailtest.Invitation(clocktest.Epoch)
	p, err := Propose(read(t, mail.EML, false), s, clocktest.Epoch)
	if err != nil {
		t.Fatal(err)
	}
	if p.Existing != nil || p.Check() != nil {
		t.Fatalf("existing %v, check %v", p.Existing, p.Check())
	}
	r := p.Record
	if r.ID != 0 || r.Company != frommailtest.Company || r.Role != frommailtest.Role || r.ContactName != frommailtest.ContactName ||
		r.ContactEmail != frommailtest.ContactEmail || r.Status != stage.Invited || r.InterviewOn != mail.Interview || r.InvitedOn != mail.Sent {
		t.Errorf("record %+v", r)
	}
	for name, from := range map[string]invitation.Source{"company": invitation.FromSubject, "role": invitation.FromSubject,
		"contact_email": invitation.FromSender, "interview_on": invitation.FromText, "status": invitation.FromSubject, "invited_on": FromMailDate, "location": ""} {
		if f := field(p, name); f.From != from {
			t.Errorf("%s read from %q, want %q", name, f.From, from)
		}
	}
	if f := field(p, "interview_on"); f.Shown != mail.Interview.Format(day.Short) || f.Detail != "at 10:30" || f.Label != "Interview on" {
		t.Errorf("the interview is shown as %+v", f)
	}
	if f := field(p, "status"); f.Value != "invited" || f.Shown != stage.Invited.Label() {
		t.Errorf("status %+v", f)
	}
	m := p.Mail
	if m.MessageID != mail.MessageID || !slices.Equal(m.References, mail.References) || m.Subject != mail.Subject ||
		m.From != frommailtest.ContactName+" <"+frommailtest.ContactEmail+">" || !strings.Contains(m.Text, "payments team") {
		t.Errorf("mail %+v", m)
	}
	if !strings.Contains(p.Reply, "thread") {
		t.Errorf("reply %q", p.Reply)
	}
	o, err := p.Save(s)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(o.ID)
	if got.Mail == nil || got.Mail.MessageID != mail.MessageID || got.History[0].Kind != tracker.EventFromMail {
		t.Errorf("saved %+v, mail %+v", got.History, got.Mail)
	}
}

// A later mail about a tracked opportunity (the duplicate rule) changes that one: its
// status moves on, the interview day and the contact are the mail's, and the rest stays.
func TestALaterMailUpdatesTheTrackedOpportunity(t *testing.T) {
	s := store(t)
	old, err := s.Add(tracker.Opportunity{Company: "Harborline Ltd", Role: "backend engineer", Status: stage.Applied, Location: "Remote",
		ContactName: "Somebody Else", ContactEmail: "jobs@harborline.test", Notes: "applied through their site"}, false)
	if err != nil {
		t.Fatal(err)
	}
	s.SaveChecklist(old.ID, checklist.Answers{"role.pay": {Choice: checklist.Concern}})
	inv := frommailtest.Invitation(clocktest.Epoch)
	p, err := Propose(read(t, inv.EML, false), s, clocktest.Epoch)
	if err != nil {
		t.Fatal(err)
	}
	if p.Existing == nil || p.Existing.ID != old.ID {
		t.Fatalf("the tracked opportunity was not found: %+v", p.Existing)
	}
	r := p.Record
	if r.ID != old.ID || r.Company != "Harborline Ltd" || r.Location != "Remote" || r.Notes != old.Notes || r.Status != stage.Invited ||
		r.InterviewOn != inv.Interview || r.ContactEmail != frommailtest.ContactEmail || r.InvitedOn != inv.Sent {
		t.Errorf("record %+v", r)
	}
	if f := field(p, "status"); !f.Changed || f.Was != "applied" || f.From != invitation.FromSubject {
		t.Errorf("status %+v", f)
	}
	if f := field(p, "company"); f.Changed || f.From != "" || f.Value != "Harborline Ltd" {
		t.Errorf("company %+v", f)
	}
	if _, err := p.Save(s); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Count(); n != 1 {
		t.Errorf("%d records: the mail added one", n)
	}
	got, _ := s.Get(old.ID)
	if got.Status != stage.Invited || got.Mail == nil || got.Mail.MessageID != inv.MessageID || got.Checklist["role.pay"].Choice != checklist.Concern {
		t.Errorf("after the update: %+v %+v %+v", got, got.Mail, got.Checklist)
	}

	// The confirmation, in the same thread, schedules it, one day later.
	conf := frommailtest.Confirmation(clocktest.Epoch)
	p, err = Propose(read(t, conf.EML, false), s, clocktest.Epoch)
	if err != nil {
		t.Fatal(err)
	}
	if p.Existing == nil || p.Record.Status != stage.Scheduled || p.Record.InterviewOn != conf.Interview || p.Record.InvitedOn != inv.Sent {
		t.Errorf("the confirmation: %+v", p.Record)
	}
	if f := field(p, "interview_on"); !f.Changed || f.Was != string(inv.Interview) || f.Detail != "at 14:00" {
		t.Errorf("interview %+v", f)
	}
}

// What the user settled stays settled: a mail after a decline updates the day and keeps
// the mail, and says why the status stays.
func TestAMailDoesNotUndoADecline(t *testing.T) {
	s := store(t)
	old, _ := s.Add(tracker.Opportunity{Company: frommailtest.Company, Role: frommailtest.Role, Status: stage.Declined}, false)
	p, err := Propose(read(t, frommailtest.Invitation(clocktest.Epoch).EML, false), s, clocktest.Epoch)
	if err != nil {
		t.Fatal(err)
	}
	if p.Existing == nil || p.Existing.ID != old.ID || p.Record.Status != stage.Declined || field(p, "status").Changed {
		t.Errorf("status %s, existing %v", p.Record.Status, p.Existing)
	}
	if !strings.Contains(strings.Join(p.Notes, "\n"), "stays so") {
		t.Errorf("notes %q", p.Notes)
	}
}

// Pasted text needs no headers, and starts no thread; text that names no company or role
// cannot make an opportunity on its own.
func TestPastedTextAndWhatItLacks(t *testing.T) {
	p, err := Propose(read(t, frommailtest.Pasted(clocktest.Epoch), true), nil, clocktest.Epoch)
	if err != nil {
		t.Fatal(err)
	}
	if p.Record.Company != "Quayside Analytics" || p.Record.Role != "Data Analyst" || p.Record.InterviewOn != day.Of(clocktest.Epoch.AddDate(0, 0, 6)) ||
		p.Record.InvitedOn != day.Of(clocktest.Epoch) || field(p, "invited_on").From != FromToday {
		t.Errorf("pasted: %+v", p.Record)
	}
	if p.Mail.MessageID != "" || p.Mail.Subject != "" || !strings.Contains(p.Reply, "new mail") {
		t.Errorf("mail %+v, reply %q", p.Mail, p.Reply)
	}
	p, err = Propose(read(t, frommailtest.Chatter, true), nil, clocktest.Epoch)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Check(); !errors.Is(err, ErrIncomplete) || !strings.Contains(err.Error(), "company or role") {
		t.Errorf("check: %v", err)
	}
	if !strings.Contains(strings.Join(p.Notes, "\n"), "stage") || field(p, "status").From != "" {
		t.Errorf("an unknown stage is said: %q", p.Notes)
	}
}

// A mail dated ahead of the day it is read (a wrong clock somewhere) was still received
// today.
func TestAMailFromTheFutureWasInvitedToday(t *testing.T) {
	mail := frommailtest.Invitation(clocktest.Epoch.AddDate(0, 0, 5))
	p, err := Propose(read(t, mail.EML, false), nil, clocktest.Epoch)
	if err != nil {
		t.Fatal(err)
	}
	if p.Record.InvitedOn != day.Of(clocktest.Epoch) || field(p, "invited_on").From != FromToday {
		t.Errorf("invited on %s from %q", p.Record.InvitedOn, field(p, "invited_on").From)
	}
}

// What is no invitation says so in the user's words; a calendar part that cannot be read
// and an attachment of 50 MB are left aside, and the mail is read all the same.
func TestWhatIsWrongWithAMailIsSaid(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		pasted     bool
		want       error
	}{
		{"a CSV file", "Company,Role\nAcme,Dev\n", false, invitation.ErrNotMail},
		{"a picture", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", false, invitation.ErrNotMail},
		{"no sender", frommailtest.NoSender(clocktest.Epoch), false, invitation.ErrNoSender},
		{"nothing", " \n\n", true, invitation.ErrEmpty},
	} {
		_, err := Read(strings.NewReader(tc.text), tc.pasted, clocktest.Epoch)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	broken := frommailtest.BrokenCalendar(clocktest.Epoch)
	p, err := Propose(read(t, broken.EML, false), nil, clocktest.Epoch)
	if err != nil || p.Record.InterviewOn != broken.Interview || !strings.Contains(strings.Join(p.Notes, "\n"), "calendar invitation") {
		t.Errorf("a broken calendar: %v %s %q", err, p.Record.InterviewOn, p.Notes)
	}
	res, err := Read(frommailtest.WithAttachment(clocktest.Epoch, 50<<20), false, clocktest.Epoch)
	if err != nil || res.Interview.Day != broken.Interview || res.Company.Value != frommailtest.Company {
		t.Errorf("a mail with 50 MB attached: %v %+v", err, res)
	}
}

// The mail already kept, read again, is nothing new — unless the record to save changes.
func TestTheSameMailAgainIsNothingNew(t *testing.T) {
	s := store(t)
	inv := frommailtest.Invitation(clocktest.Epoch)
	p, _ := Propose(read(t, inv.EML, false), s, clocktest.Epoch)
	o, err := p.Save(s)
	if err != nil {
		t.Fatal(err)
	}
	p, err = Propose(read(t, inv.EML, false), s, clocktest.Epoch)
	if err != nil || !p.Known() {
		t.Fatalf("the same mail again: known %v, %v", p.Known(), err)
	}
	if _, err := p.Save(s); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(o.ID); len(got.History) != 1 {
		t.Errorf("saved again: %+v", got.History)
	}
	p.Record.Location = "Rotterdam" // what the user typed in the confirm step
	if p.Known() {
		t.Fatal("an edit is nothing new")
	}
	if _, err := p.Save(s); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(o.ID); got.Location != "Rotterdam" || len(got.History) != 2 {
		t.Errorf("after the edit: %q %+v", got.Location, got.History)
	}
}

// FuzzProposal reads any text as a pasted mail: whatever it holds, the mail to keep is one
// the tracker takes, and a proposal that passes Check is one the confirm step can show and
// read back field by field unchanged.
func FuzzProposal(f *testing.F) {
	f.Add(frommailtest.Invitation(clocktest.Epoch).EML)
	f.Add(frommailtest.Confirmation(clocktest.Epoch).EML)
	f.Add(frommailtest.BrokenCalendar(clocktest.Epoch).EML)
	f.Add(frommailtest.Pasted(clocktest.Epoch))
	f.Add(frommailtest.NoSender(clocktest.Epoch))
	f.Add("Subject: Re: Re: \r\nMessage-ID: <a@b>\r\nReferences: <x@y> junk <z@w>\r\n\r\nInterview on 31.02.2026 at 25:00")
	f.Fuzz(func(t *testing.T, text string) {
		res, err := Read(strings.NewReader(text), true, clocktest.Epoch)
		if err != nil {
			return
		}
		p, err := Propose(res, nil, clocktest.Epoch)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Mail.Check(); err != nil {
			t.Fatalf("the mail read cannot be kept: %v (%+v)", err, p.Mail)
		}
		if p.Check() != nil {
			return
		}
		var back tracker.Opportunity
		for _, fl := range p.Fields {
			fd, _ := tracker.FieldNamed(fl.Name)
			if err := fd.SetText(&back, fd.EditText(&p.Record), day.OrderUnknown); err != nil {
				t.Fatalf("%s %q does not read back: %v", fl.Name, fd.EditText(&p.Record), err)
			}
			if got, want := fd.TextOf(&back), fd.TextOf(&p.Record); got != want {
				t.Fatalf("%s reads back as %q, was %q", fl.Name, got, want)
			}
		}
	})
}
