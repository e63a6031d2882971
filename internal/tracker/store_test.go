package tracker

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/stage"
)

// tickClock is the test clock, moved on a second each time it is read, so that every
// change gets a later time than the one before.
type tickClock struct{ *clocktest.Fake }

func (c tickClock) Now() time.Time {
	c.Advance(time.Second)
	return c.Fake.Now()
}

func openTemp(t *testing.T) (*BoltStore, tickClock) {
	t.Helper()
	c := tickClock{clocktest.New()}
	s, err := Open(filepath.Join(t.TempDir(), "sub", "test.db"), Options{Clock: c})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, c
}

func mustAdd(t *testing.T, s *BoltStore, o Opportunity) Opportunity {
	t.Helper()
	got, err := s.Add(o, false)
	if err != nil {
		t.Fatalf("Add(%s/%s): %v", o.Company, o.Role, err)
	}
	return got
}

func TestStoreCRUD(t *testing.T) {
	s, _ := openTemp(t)
	a := mustAdd(t, s, Opportunity{Company: "  Acme Inc ", Role: "Engineer", ContactEmail: "jo@acme.test", Tags: []string{"remote", " Remote", ""}})
	b := mustAdd(t, s, Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Applied})
	if a.ID != 1 || b.ID != 2 {
		t.Fatalf("ids %d, %d; want 1, 2", a.ID, b.ID)
	}
	if a.Company != "Acme Inc" || a.Status != stage.Saved || len(a.Tags) != 1 {
		t.Errorf("not normalised: %+v", a)
	}
	if a.CreatedAt.IsZero() || !a.CreatedAt.Equal(a.UpdatedAt) {
		t.Errorf("timestamps: %v %v", a.CreatedAt, a.UpdatedAt)
	}
	got, err := s.Get(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Company != "Acme Inc" || got.ContactEmail != "jo@acme.test" || len(got.History) != 1 || got.History[0].Kind != EventCreated {
		t.Errorf("Get = %+v", got)
	}

	got.Role = "Senior Engineer"
	got.Notes = "spoke to Jo"
	upd, err := s.Update(got, false)
	if err != nil {
		t.Fatal(err)
	}
	if !upd.UpdatedAt.After(upd.CreatedAt) || !upd.CreatedAt.Equal(a.CreatedAt) {
		t.Errorf("update timestamps: created %v updated %v", upd.CreatedAt, upd.UpdatedAt)
	}
	if len(upd.History) != 1 {
		t.Errorf("an edit without a status change adds no event: %+v", upd.History)
	}
	if n, _ := s.Count(); n != 2 {
		t.Errorf("Count = %d", n)
	}

	if err := s.Delete(b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(b.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get deleted: %v", err)
	}
	if err := s.Delete(b.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Delete twice: %v", err)
	}
	if _, err := s.Update(Opportunity{ID: 99, Company: "X", Role: "Y"}, false); !errors.Is(err, ErrNotFound) {
		t.Errorf("Update missing: %v", err)
	}
	c := mustAdd(t, s, Opportunity{Company: "Initech", Role: "Dev"})
	if c.ID != 3 {
		t.Errorf("ids are never reused: got %d", c.ID)
	}
}

func TestStoreRefusesInvalid(t *testing.T) {
	s, _ := openTemp(t)
	for _, o := range []Opportunity{
		{Role: "Engineer"},
		{Company: "Acme"},
		{Company: "Acme", Role: "Dev", ContactEmail: "not-an-email"},
		{Company: "Acme", Role: "Dev", Status: "maybe"},
		{Company: "Acme", Role: "Dev", FollowUpOn: "2026-02-31"},
		{Company: "Acme", Role: "Dev", URL: "https://x.test/a b"},
	} {
		if _, err := s.Add(o, false); err == nil {
			t.Errorf("Add(%+v) accepted", o)
		} else if fe := new(FieldError); !errors.As(err, &fe) {
			t.Errorf("Add(%+v): %v is not a FieldError", o, err)
		}
	}
	if n, _ := s.Count(); n != 0 {
		t.Errorf("invalid records were stored: %d", n)
	}
}

func TestStoreHistory(t *testing.T) {
	s, _ := openTemp(t)
	o := mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev", Status: stage.Invited})
	o.Status = stage.Declined
	o, err := s.Update(o, false)
	if err != nil {
		t.Fatal(err)
	}
	o, err = s.AppendEvent(o.ID, Event{Kind: EventCopied, Letter: &SentLetter{Subject: "Thanks", Body: "Dear Jo,\n…"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AppendEvent(42, Event{Kind: EventNote, Note: "x"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("event on missing record: %v", err)
	}
	got, _ := s.Get(o.ID)
	kinds := []EventKind{EventCreated, EventStatus, EventCopied}
	if len(got.History) != len(kinds) {
		t.Fatalf("history %+v", got.History)
	}
	for i, k := range kinds {
		if got.History[i].Kind != k {
			t.Errorf("event %d kind %s, want %s", i, got.History[i].Kind, k)
		}
		if i > 0 && got.History[i].At.Before(got.History[i-1].At) {
			t.Error("history out of order")
		}
	}
	if got.History[1].Describe() != "Status: from Interview invited to Declined (by me)" {
		t.Errorf("status event text %q", got.History[1].Describe())
	}
	if got.History[2].Letter == nil || got.History[2].Letter.Body != "Dear Jo,\n…" {
		t.Errorf("letter not archived: %+v", got.History[2])
	}
	// Deleting a record removes its history and leaves the others' alone.
	other := mustAdd(t, s, Opportunity{Company: "Other", Role: "Dev"})
	if err := s.Delete(o.ID); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Get(other.ID)
	if len(again.History) != 1 {
		t.Errorf("neighbour history damaged: %+v", again.History)
	}
	var all []Opportunity
	s.ForEach(true, func(o *Opportunity) error { all = append(all, *o); return nil })
	if len(all) != 1 || len(all[0].History) != 1 {
		t.Errorf("ForEach after delete: %+v", all)
	}
}

func TestDuplicateIndexFollowsEditsAndDeletes(t *testing.T) {
	s, _ := openTemp(t)
	a := mustAdd(t, s, Opportunity{Company: "Acme Inc", Role: "Go Engineer", URL: "https://jobs.acme.test/1"})

	for _, dup := range []Opportunity{
		{Company: "ACME, LLC", Role: "go  engineer"},
		{Company: "Other", Role: "Other", URL: "http://www.jobs.acme.test/1/"},
	} {
		_, err := s.Add(dup, false)
		var de *DuplicateError
		if !errors.As(err, &de) || len(de.Existing) != 1 || de.Existing[0].ID != a.ID {
			t.Fatalf("Add(%+v) = %v, want a duplicate of #%d", dup, err, a.ID)
		}
	}

	// Renaming frees the old key and takes the new one.
	a.Company, a.URL = "Globex", ""
	if _, err := s.Update(a, false); err != nil {
		t.Fatal(err)
	}
	if dups, _ := s.Duplicates(Opportunity{Company: "Acme", Role: "Go Engineer"}); len(dups) != 0 {
		t.Errorf("old key still indexed: %+v", dups)
	}
	if dups, _ := s.Duplicates(Opportunity{Company: "Globex Corp", Role: "Go Engineer"}); len(dups) != 1 {
		t.Errorf("new key not indexed: %+v", dups)
	}
	// A record is not its own duplicate.
	if _, err := s.Update(a, false); err != nil {
		t.Errorf("re-saving unchanged record: %v", err)
	}

	// A duplicate kept on purpose is indexed beside the first; deleting one keeps the other.
	b, err := s.Add(Opportunity{Company: "Globex", Role: "Go Engineer"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if dups, _ := s.Duplicates(Opportunity{Company: "Globex", Role: "Go Engineer"}); len(dups) != 2 {
		t.Errorf("want both records, got %+v", dups)
	}
	if err := s.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	dups, _ := s.Duplicates(Opportunity{Company: "Globex", Role: "Go Engineer"})
	if len(dups) != 1 || dups[0].ID != b.ID {
		t.Errorf("after delete: %+v", dups)
	}
	// Editing another record into a duplicate is refused too.
	c := mustAdd(t, s, Opportunity{Company: "Initech", Role: "Go Engineer"})
	c.Company = "globex"
	if _, err := s.Update(c, false); err == nil {
		t.Error("edit into a duplicate accepted")
	}
}

func TestStoreSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev", Tags: []string{"x", "y"}, FollowUpOn: "2027-01-02"})
	if _, err := s.AppendEvent(a.ID, Event{Kind: EventNote, Note: "called"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", fi.Mode().Perm())
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Get(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Company != "Acme" || len(got.Tags) != 2 || got.FollowUpOn != "2027-01-02" || len(got.History) != 2 {
		t.Errorf("after reopen: %+v", got)
	}
	if _, err := s.Add(Opportunity{Company: "acme", Role: "dev"}, false); err == nil {
		t.Error("duplicate index lost on reopen")
	}
	b := mustAdd(t, s, Opportunity{Company: "B", Role: "B"})
	if b.ID != 2 {
		t.Errorf("sequence lost on reopen: id %d", b.ID)
	}
}

func TestSecondOpenTimesOutWithInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = Open(path, Options{Timeout: 50 * time.Millisecond})
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second open: %v, want ErrInUse", err)
	}
}

// A file that is no database at all — text, a spreadsheet export, another program's
// data — is refused as not ours and left exactly as it was: it is not damage, so it is
// never moved aside.
func TestOpenRefusesWhatIsNoDatabaseWithoutTouchingIt(t *testing.T) {
	dir := t.TempDir()
	for name, c := range map[string]struct {
		content []byte
		looks   string
	}{
		"text.db":   {[]byte("this is not a database, it is a shopping list\n"), "a text file"},
		"jobs.csv":  {[]byte("Company,Role\nAcme,Dev\n"), "a CSV file"},
		"zeros.db":  {make([]byte, 64*1024), "a file of zeros"},
		"short.db":  {[]byte{1, 2, 3}, ""},
		"sqlite.db": {append([]byte("SQLite format 3\x00"), make([]byte, 4080)...), "an SQLite database"},
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, c.content, 0o644)
		_, err := Open(path, Options{})
		var nd *NotDatabaseError
		if !errors.Is(err, ErrForeign) || errors.Is(err, ErrDamaged) || !errors.As(err, &nd) {
			t.Errorf("%s: %v, want not a database", name, err)
		} else if nd.Looks != c.looks {
			t.Errorf("%s: looks like %q, want %q", name, nd.Looks, c.looks)
		}
		after, _ := os.ReadFile(path)
		if string(after) != string(c.content) {
			t.Errorf("%s was changed", name)
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode changed to %v", name, fi.Mode().Perm())
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 5 {
		t.Errorf("files appeared or went: %v", entries)
	}
}

func TestImportIsAllOrNothingAndSkipsDuplicates(t *testing.T) {
	s, _ := openTemp(t)
	existing := mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev"})
	recs := []Opportunity{
		{Company: "Globex", Role: "Analyst"},
		{Company: "ACME Inc", Role: "dev"}, // duplicate of a tracked record
		{Company: "Initech", Role: "Dev", Status: stage.Applied},
		{Company: "globex", Role: "analyst"}, // duplicate of an earlier row
	}
	var calls int
	rep, err := s.Import(recs, func(done, total int) bool { calls++; return true })
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Imported) != 2 || len(rep.Skipped) != 2 {
		t.Fatalf("report %+v", rep)
	}
	if rep.Skipped[0].Index != 1 || rep.Skipped[0].Existing.ID != existing.ID {
		t.Errorf("skip 0: %+v", rep.Skipped[0])
	}
	if rep.Skipped[1].Index != 3 || rep.Skipped[1].Existing.Company != "Globex" {
		t.Errorf("skip 1: %+v", rep.Skipped[1])
	}
	if calls == 0 {
		t.Error("progress never reported")
	}
	got, _ := s.Get(rep.Imported[0])
	if len(got.History) != 1 || got.History[0].Kind != EventImported {
		t.Errorf("imported history %+v", got.History)
	}

	// One invalid record: nothing at all is stored.
	before, _ := s.Count()
	_, err = s.Import([]Opportunity{{Company: "New", Role: "One"}, {Company: "", Role: "x"}}, nil)
	if err == nil {
		t.Fatal("invalid import accepted")
	}
	if after, _ := s.Count(); after != before {
		t.Errorf("partial import: %d → %d", before, after)
	}
}

func TestChecklistAnswersSurviveReopenAndDelete(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	o := mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev"})
	answers := checklist.Answers{
		"role.pay":    {Choice: checklist.Concern, Note: "below market"},
		"path.goals":  {Choice: checklist.Fits},
		"not.an.item": {Choice: checklist.Fits},
	}
	saved, err := s.SaveChecklist(o.ID, answers)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.Checklist) != 2 || !saved.UpdatedAt.After(o.UpdatedAt) && !saved.UpdatedAt.Equal(o.UpdatedAt) {
		t.Errorf("saved %+v", saved)
	}
	if _, err := s.SaveChecklist(999, answers); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing record: %v", err)
	}
	s.Close()

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, _ := s.Get(o.ID)
	if got.Checklist["role.pay"] != (checklist.Answer{Choice: checklist.Concern, Note: "below market"}) || len(got.Checklist) != 2 {
		t.Errorf("after reopen: %+v", got.Checklist)
	}
	// An edit of the record's fields keeps the answers.
	got.Notes = "edited"
	if upd, err := s.Update(got, false); err != nil || len(upd.Checklist) != 2 {
		t.Errorf("update: %v %+v", err, upd.Checklist)
	}
	if cleared, _ := s.SaveChecklist(o.ID, nil); len(cleared.Checklist) != 0 {
		t.Errorf("clearing: %+v", cleared.Checklist)
	}
	s.SaveChecklist(o.ID, answers)
	if err := s.Delete(o.ID); err != nil {
		t.Fatal(err)
	}
	again := mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev"})
	if g, _ := s.Get(again.ID); len(g.Checklist) != 0 {
		t.Errorf("answers outlived their record: %+v", g.Checklist)
	}
	var n int
	s.DB().View(func(tx *bolt.Tx) error { n = tx.Bucket(bucketChecklists).Stats().KeyN; return nil })
	if n != 0 {
		t.Errorf("%d checklists left in the bucket", n)
	}
}

func TestDraftsAndProfile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p, err := s.Profile(); err != nil || p != (Profile{}) {
		t.Fatalf("profile before saving: %+v %v", p, err)
	}
	for _, bad := range []Profile{{FullName: "Ana", Email: "ana@example.com"}, {FullName: "Ana Silva", Email: "nope"},
		{FullName: "Ana Silva", Email: ""}, {FullName: "Ana Silva", Email: "ana@example.com", Signature: "a\nb"}} {
		if err := s.SaveProfile(bad); err == nil {
			t.Errorf("SaveProfile(%+v) accepted", bad)
		}
	}
	if err := s.SaveProfile(Profile{FullName: " Ana Silva ", Email: "ana@example.com", Signature: "Go Engineer"}); err != nil {
		t.Fatal(err)
	}
	o := mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev"})
	spec := letter.Spec{Company: "Acme", Role: "Dev", Reason: letter.Timing, Body: "Dear Jo,\nmy words"}
	if got, err := s.SaveDraft(o.ID, &spec); err != nil || got.Draft == nil || got.Draft.Body != spec.Body {
		t.Fatalf("SaveDraft: %v %+v", err, got.Draft)
	}
	if _, err := s.SaveDraft(99, &spec); !errors.Is(err, ErrNotFound) {
		t.Errorf("draft for a missing record: %v", err)
	}
	s.Close()

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if p, _ := s.Profile(); p.FullName != "Ana Silva" || p.Signature != "Go Engineer" {
		t.Errorf("profile after reopen: %+v", p)
	}
	got, _ := s.Get(o.ID)
	if got.Draft == nil || got.Draft.Body != "Dear Jo,\nmy words" || got.Draft.Reason != letter.Timing {
		t.Errorf("draft after reopen: %+v", got.Draft)
	}
	if cleared, _ := s.SaveDraft(o.ID, nil); cleared.Draft != nil {
		t.Error("draft not removed")
	}
	s.SaveDraft(o.ID, &spec)
	s.Delete(o.ID)
	var n int
	s.DB().View(func(tx *bolt.Tx) error { n = tx.Bucket(bucketLetters).Stats().KeyN; return nil })
	if n != 0 {
		t.Errorf("%d drafts outlived their records", n)
	}
}

func TestMarkDeclinedAndTheAfterChecklist(t *testing.T) {
	s, c := openTemp(t)
	o := mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev", Status: stage.Invited, FollowUpOn: "2026-12-01"})
	if _, err := s.AppendEvent(o.ID, Event{Kind: EventCopied, Letter: &SentLetter{Subject: "s", Body: "b"}}); err != nil {
		t.Fatal(err)
	}
	sent := SentLetter{To: "Jo <jo@acme.test>", Subject: "Interview", Body: "Dear Jo,\nI decline.\n", Kind: letter.DeclineInterview}
	got, err := s.MarkSent(o.ID, sent, "2027-02-23")
	if err != nil {
		t.Fatal(err)
	}
	today := day.Of(c.Fake.Now())
	if got.Status != stage.Declined || got.RespondedOn != today || got.FollowUpOn != "2027-02-23" {
		t.Errorf("fields %+v", got)
	}
	if !got.After[stage.StepLetterSent] || !got.After[stage.StepTrackerUpdated] || got.After[stage.StepProfilesUpdated] {
		t.Errorf("after %+v", got.After)
	}
	last := got.History[len(got.History)-1]
	if got.History[len(got.History)-2].Describe() != "Status: from Interview invited to Declined (by me)" || last.Letter == nil || *last.Letter != sent {
		t.Errorf("history %+v", got.History)
	}
	got, _ = s.SetAfterStep(o.ID, stage.StepProfilesUpdated, true)
	got, _ = s.SetAfterStep(got.ID, stage.StepLetterSent, false)
	if !got.After[stage.StepProfilesUpdated] || got.After[stage.StepLetterSent] {
		t.Errorf("after toggles %+v", got.After)
	}
	// Editing fields keeps the checklist.
	got.Notes = "x"
	if upd, _ := s.Update(got, false); !upd.After[stage.StepProfilesUpdated] {
		t.Error("update lost the after checklist")
	}
	if _, err := s.MarkSent(o.ID, sent, "soon"); err == nil {
		t.Error("bad follow-up date accepted")
	}
	if _, err := s.MarkSent(404, sent, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing: %v", err)
	}
}

func TestEachKindOfLetterMovesTheOpportunityOnItsOwnWay(t *testing.T) {
	s, c := openTemp(t)
	for _, tc := range []struct {
		kind      letter.Kind
		from      stage.Status
		status    stage.Status
		responded bool
		step      stage.AfterStep
		text      string
	}{
		{letter.DeclineInterview, stage.Invited, stage.Declined, true, stage.StepTrackerUpdated, "Declined the interview"},
		{letter.DeclineOffer, stage.Offer, stage.Declined, true, stage.StepTrackerUpdated, "Declined the offer"},
		{letter.Withdraw, stage.Applied, stage.Withdrawn, true, stage.StepTrackerUpdated, "Withdrew the application"},
		{letter.KeepInTouch, stage.Declined, stage.Declined, false, stage.StepKeepInTouch, "Sent a note to keep in touch"},
	} {
		o := mustAdd(t, s, Opportunity{Company: "Co " + string(tc.kind), Role: "Dev", Status: tc.from, FollowUpOn: "2026-01-01"})
		if _, err := s.AppendEvent(o.ID, Event{Kind: EventCopied}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.Get(o.ID); got.After[stage.StepLetterSent] {
			t.Errorf("%s: copying alone ticked the letter as sent", tc.kind)
		}
		follow := day.Day(day.Of(c.Fake.Now()).AddDays(90))
		got, err := s.MarkSent(o.ID, SentLetter{Subject: "s", Body: "b", Kind: tc.kind}, follow)
		if err != nil {
			t.Fatal(err)
		}
		last := got.History[len(got.History)-1]
		if got.Status != tc.status || (got.RespondedOn != "") != tc.responded || !got.After[tc.step] || !got.After[stage.StepLetterSent] ||
			got.FollowUpOn != follow || !strings.HasPrefix(last.Describe(), tc.text) || last.Letter == nil || last.Letter.Kind != tc.kind {
			t.Errorf("%s: %+v, last %+v", tc.kind, got, last)
		}
	}
	o := mustAdd(t, s, Opportunity{Company: "Bad", Role: "Dev"})
	if _, err := s.MarkSent(o.ID, SentLetter{Kind: "thank-you"}, ""); err == nil {
		t.Error("an unknown kind was accepted")
	}
}

// A status changed in the form is activity: the last activity moves, and stays moved once
// the record is read again.
func TestAStatusChangeMovesTheLastActivityForGood(t *testing.T) {
	s, c := openTemp(t)
	o := mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev", Status: stage.Applied})
	c.Fake.Set(clocktest.Epoch.AddDate(0, 0, 5))
	o.Status = stage.Invited
	u, err := s.Update(o, false)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(o.ID)
	if !u.ActivityAt.Equal(u.UpdatedAt) || !got.ActivityAt.Equal(u.ActivityAt) {
		t.Errorf("activity returned %v, stored %v, updated %v", u.ActivityAt, got.ActivityAt, u.UpdatedAt)
	}
}
