package tracker

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/stage"
)

func invitationMail() Mail {
	return Mail{
		MessageID:  "cal-7731@mail.harborline.test",
		References: []string{"first-1@mail.harborline.test"},
		Subject:    "Interview invitation: Backend Engineer",
		From:       "Priya Nand <priya@harborline.test>",
		Sent:       time.Date(2026, 11, 20, 9, 30, 15, 0, time.UTC),
		Text:       "Hello,\r\nwe would like to meet you on 3 December.\r\nPriya",
	}
}

// A record made from a mail keeps the mail beside it: read back with the record, in its
// history as data, removed with the record.
func TestAMailIsKeptWithItsRecordAndGoesWithIt(t *testing.T) {
	s, _ := openTemp(t)
	o, err := s.AddFromMail(Opportunity{Company: "Harborline", Role: "Backend Engineer", Status: stage.Invited, InterviewOn: "2026-12-03"}, invitationMail(), false)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(o.ID)
	if err != nil {
		t.Fatal(err)
	}
	m := got.Mail
	if m == nil || m.MessageID != "cal-7731@mail.harborline.test" || len(m.References) != 1 || m.Subject != "Interview invitation: Backend Engineer" ||
		m.From != "Priya Nand <priya@harborline.test>" || !m.Sent.Equal(invitationMail().Sent) {
		t.Fatalf("the mail read back: %+v", m)
	}
	if m.Text != "Hello,\nwe would like to meet you on 3 December.\nPriya" {
		t.Errorf("the text is kept with plain line breaks: %q", m.Text)
	}
	if len(got.History) != 1 || got.History[0].Kind != EventFromMail || got.History[0].Note != m.Subject {
		t.Fatalf("history %+v", got.History)
	}
	if d := got.History[0].Describe(); d != "Added from an email: “Interview invitation: Backend Engineer”" {
		t.Errorf("the history reads %q", d)
	}
	if err := s.Check(); err != nil {
		t.Errorf("the whole-file check: %v", err)
	}
	// A record typed in has no mail.
	plain := mustAdd(t, s, Opportunity{Company: "Other", Role: "Dev"})
	if g, _ := s.Get(plain.ID); g.Mail != nil {
		t.Errorf("a record typed in has a mail: %+v", g.Mail)
	}
	if err := s.Delete(o.ID); err != nil {
		t.Fatal(err)
	}
	s.view(func(tx *bolt.Tx) error {
		if n := tx.Bucket(bucketMails).Stats().KeyN; n != 0 {
			t.Errorf("%d mails left after the record was deleted", n)
		}
		return nil
	})
}

// A later mail about a tracked opportunity updates it in one change: the fields it set,
// the mail in place of the one before, and the history says so, with the status change.
func TestALaterMailUpdatesTheRecord(t *testing.T) {
	s, c := openTemp(t)
	o, err := s.AddFromMail(Opportunity{Company: "Harborline", Role: "Backend Engineer", Status: stage.Applied}, invitationMail(), false)
	if err != nil {
		t.Fatal(err)
	}
	s.SaveChecklist(o.ID, checklist.Answers{"role.pay": {Choice: checklist.Fits}})
	c.Advance(72 * time.Hour)
	later := Mail{MessageID: "cal-7790@mail.harborline.test", References: []string{"first-1@mail.harborline.test", "cal-7731@mail.harborline.test"},
		Subject: "RE: Interview invitation: Backend Engineer", From: "priya@harborline.test", Text: "Confirmed for the 4th at 10:00."}
	edited := o
	edited.Status, edited.InterviewOn = stage.Scheduled, "2026-12-04"
	u, err := s.UpdateFromMail(edited, later, false)
	if err != nil {
		t.Fatal(err)
	}
	if u.Status != stage.Scheduled || u.InterviewOn != "2026-12-04" || u.Mail == nil || u.Mail.MessageID != "cal-7790@mail.harborline.test" {
		t.Fatalf("after the update: %+v %+v", u, u.Mail)
	}
	if u.Checklist["role.pay"].Choice != checklist.Fits {
		t.Errorf("the checklist was lost: %+v", u.Checklist)
	}
	got, _ := s.Get(o.ID)
	h := got.History
	if len(h) != 3 || h[1].Kind != EventMailUpdate || h[1].Day != "2026-12-04" || h[2].Kind != EventStatus || h[2].To != stage.Scheduled {
		t.Fatalf("history %+v", h)
	}
	want := "Updated from an email: “RE: Interview invitation: Backend Engineer”; interview on " + day.Day("2026-12-04").Format(day.Short)
	if d := h[1].Describe(); d != want {
		t.Errorf("the history reads %q, want %q", d, want)
	}
	if !got.ActivityAt.After(o.ActivityAt) || !got.ActivityAt.Equal(got.UpdatedAt) {
		t.Errorf("a mail from the other side is activity: %v (was %v)", got.ActivityAt, o.ActivityAt)
	}
	if got.Mail.Subject != later.Subject || len(got.Mail.References) != 2 {
		t.Errorf("the mail kept: %+v", got.Mail)
	}
	// A mail that moves nothing still says that it came.
	again, err := s.UpdateFromMail(got, Mail{Subject: "Directions to our office"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(again.History); n != 4 || again.History[3].Day != "" || again.Mail.MessageID != "" {
		t.Errorf("history %+v, mail %+v", again.History, again.Mail)
	}
}

// The mail is kept bounded; one with identifiers an answer cannot carry is refused whole,
// and nothing is saved.
func TestAMailIsKeptBoundedAndCheckedFirst(t *testing.T) {
	s, _ := openTemp(t)
	long := Mail{Subject: "Interview", Text: strings.Repeat("Line of a long quoted thread é\n", MaxMailText/20)}
	o, err := s.AddFromMail(Opportunity{Company: "Long Mail Co", Role: "Dev"}, long, false)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(o.ID)
	if m := got.Mail; len(m.Text) > MaxMailText || len(m.Text) < MaxMailText/2 || !m.Cut || !utf8.ValidString(m.Text) || !strings.HasSuffix(m.Text, "é") {
		t.Errorf("kept %d bytes, cut %v, ends %q", len(m.Text), m.Cut, m.Text[len(m.Text)-10:])
	}
	for _, bad := range []Mail{
		{MessageID: "no at sign", Subject: "x"},
		{MessageID: "a@b.test", References: []string{"<a@b.test>"}},
		{References: []string{"a@b.test"}},
		{MessageID: "a@b.test", References: strings.Fields(strings.Repeat("r@b.test ", maxReferences+1))},
	} {
		before, _ := s.Count()
		if _, err := s.AddFromMail(Opportunity{Company: "Bad Mail Co", Role: "Dev"}, bad, false); err == nil {
			t.Errorf("%+v was kept", bad)
		}
		if after, _ := s.Count(); after != before {
			t.Errorf("%+v: a record was saved", bad)
		}
		if _, err := s.UpdateFromMail(got, bad, false); err == nil {
			t.Errorf("%+v updated the record", bad)
		}
	}
	if g, _ := s.Get(o.ID); len(g.History) != 1 {
		t.Errorf("a refused mail left history: %+v", g.History)
	}
	// Adding from a mail keeps the duplicate rule.
	var dup *DuplicateError
	if _, err := s.AddFromMail(Opportunity{Company: "Long Mail Co.", Role: "dev"}, Mail{}, false); !errors.As(err, &dup) || dup.Existing[0].ID != o.ID {
		t.Errorf("a duplicate from a mail: %v", err)
	}
}

// An import stopped half way is undone with the mails of its records.
func TestAnUnfinishedImportTakesItsMailsWithIt(t *testing.T) {
	s, _ := openTemp(t)
	keep := mustAdd(t, s, Opportunity{Company: "Kept", Role: "Dev"})
	o, err := s.AddFromMail(Opportunity{Company: "Half", Role: "Dev"}, invitationMail(), false)
	if err != nil {
		t.Fatal(err)
	}
	mark, _ := json.Marshal(o.ID)
	s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyImporting, mark) })
	if err := s.rollBackImport(); err != nil {
		t.Fatal(err)
	}
	s.view(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketMails).Get(itob(o.ID)) != nil {
			t.Error("the mail of an undone record is left")
		}
		return nil
	})
	if _, err := s.Get(keep.ID); err != nil {
		t.Errorf("the record before the import: %v", err)
	}
}

// A mail that cannot be read back is damage, named by its record, found before anything
// is written.
func TestAnUnreadableMailIsDamage(t *testing.T) {
	s, _ := openTemp(t)
	o, err := s.AddFromMail(Opportunity{Company: "Harborline", Role: "Dev"}, invitationMail(), false)
	if err != nil {
		t.Fatal(err)
	}
	s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMails).Put(itob(o.ID), []byte(`{"v":4,"subject":`)) })
	path := s.Path()
	s.Close()
	before, _ := os.ReadFile(path)
	if _, err := Open(path, Options{}); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "the mail of record #1") {
		t.Errorf("Open: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the file was written to")
	}
}

// A tracker of schema 4 without the mails bucket has lost it: that is damage, not a file
// to mend quietly.
func TestAMissingMailBucketIsDamage(t *testing.T) {
	s, _ := openTemp(t)
	mustAdd(t, s, Opportunity{Company: "Harborline", Role: "Dev"})
	s.update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketMails) })
	path := s.Path()
	s.Close()
	before, _ := os.ReadFile(path)
	for _, opts := range []Options{{}, {CheckBeforeWriting: true}} {
		if _, err := Open(path, opts); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), `"mails"`) {
			t.Errorf("Open(%+v): %v", opts, err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the file was written to")
	}
}

// A schema 3 tracker, from before mails were kept, is backed up and upgraded: its records
// and what is kept beside them stay, and records can come from mails from then on.
func TestMigrationFromSchema3AddsTheMails(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	copyFile(t, "testdata/schema3.db", path)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	backups, _ := Backups(path)
	if len(backups) != 1 || !strings.Contains(filepath.Base(backups[0].Path), "before-upgrade-v3-") {
		t.Fatalf("backups %+v", backups)
	}
	var all []Opportunity
	s.ForEach(true, func(o *Opportunity) error { all = append(all, *o); return nil })
	if len(all) != 3 || all[0].Company != "Brightwater Labs" || all[1].Status != stage.Scheduled || all[2].URL != "jobs.northgate.test/7" {
		t.Fatalf("records after the upgrade: %+v", all)
	}
	first, _ := s.Get(all[0].ID)
	if first.Checklist["role.pay"].Note != "below range" || first.Draft == nil || first.Draft.Reason != letter.Compensation ||
		len(first.History) != 2 || first.Mail != nil {
		t.Errorf("what is kept beside the record: %+v %+v %+v %+v", first.Checklist, first.Draft, first.History, first.Mail)
	}
	if p, _ := s.Profile(); p.FullName != "Tomas Reyes" {
		t.Errorf("profile %+v", p)
	}
	s.view(func(tx *bolt.Tx) error {
		if v := string(tx.Bucket(bucketMeta).Get(keySchema)); v != "4" {
			t.Errorf("schema %q", v)
		}
		return nil
	})
	if _, err := s.AddFromMail(Opportunity{Company: "Harborline", Role: "Dev"}, invitationMail(), false); err != nil {
		t.Errorf("a record from a mail after the upgrade: %v", err)
	}
	if err := s.Check(); err != nil {
		t.Errorf("the upgraded file: %v", err)
	}
	s.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if backups, _ := Backups(path); len(backups) != 1 {
		t.Errorf("backed up again: %d", len(backups))
	}
}
