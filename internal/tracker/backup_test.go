package tracker

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/stage"
	bolt "go.etcd.io/bbolt"
)

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestMigrationFromSchema1(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	copyFile(t, "testdata/schema1.db", path)

	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// A backup of the old file was made before anything changed.
	backups, _ := Backups(path)
	if len(backups) != 1 || !strings.Contains(filepath.Base(backups[0].Path), "before-upgrade-v1-") {
		t.Fatalf("backups %+v", backups)
	}
	if fi, _ := os.Stat(backups[0].Path); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", fi.Mode().Perm())
	}
	if err := checkFile(backups[0].Path, clocktest.New().Now); err != nil {
		t.Errorf("the backup is not a sound database: %v", err)
	}
	// The backup is the tracker as it was: schema 1, all three records.
	old, err := bolt.Open(backups[0].Path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	old.View(func(tx *bolt.Tx) error {
		if v := string(tx.Bucket(bucketMeta).Get(keySchema)); v != "1" {
			t.Errorf("backup has schema %q, want the old 1", v)
		}
		if n := tx.Bucket(bucketOpportunities).Stats().KeyN; n != 3 {
			t.Errorf("backup holds %d records", n)
		}
		return nil
	})
	old.Close()
	// Everything is still there.
	var all []Opportunity
	s.ForEach(true, func(o *Opportunity) error { all = append(all, *o); return nil })
	if len(all) != 3 || all[0].Role != "Sr. Go Eng." || len(all[0].History) != 2 {
		t.Fatalf("records after the upgrade: %+v", all)
	}
	got, _ := s.Get(all[0].ID)
	if got.Checklist["role.pay"].Note != "low" || got.Draft == nil || got.Draft.SenderName != "Ana Silva" {
		t.Errorf("attachments after the upgrade: %+v %+v", got.Checklist, got.Draft)
	}
	if p, _ := s.Profile(); p.FullName != "Ana Silva" {
		t.Errorf("profile %+v", p)
	}
	// The rebuilt index knows the abbreviations.
	for _, probe := range []Opportunity{{Company: "Acme", Role: "Senior Go Engineer"}, {Company: "Globex", Role: "Junior Data Analyst"},
		{Company: "Initech", Role: "Engineering Manager"}, {Company: "Other", Role: "x", URL: "jobs.globex.test/42"}} {
		if dups, err := s.Duplicates(probe); err != nil || len(dups) != 1 {
			t.Errorf("Duplicates(%s/%s) = %v, %v", probe.Company, probe.Role, dups, err)
		}
	}
	// Opening again does not migrate or back up again.
	s.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if backups, _ := Backups(path); len(backups) != 1 {
		t.Errorf("backed up again: %d", len(backups))
	}
}

func TestNewerDatabaseIsRefusedUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, _ := Open(path, Options{})
	s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("99")) })
	s.Close()
	before, _ := os.ReadFile(path)
	if _, err := Open(path, Options{}); !errors.Is(err, ErrNewer) {
		t.Fatalf("err %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a newer database was changed")
	}
}

func TestDailyBackupsKeepSeven(t *testing.T) {
	c := clocktest.New()
	first := c.Now()
	path := filepath.Join(t.TempDir(), "db", "t.db")
	s, err := Open(path, Options{Clock: c})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev"})
	for i := 0; i < 10; i++ {
		p, err := s.DailyBackup()
		if err != nil || p == "" {
			t.Fatalf("day %d: %q %v", i, p, err)
		}
		// File times say nothing: another program may have touched them in any order.
		os.Chtimes(p, first.AddDate(0, 0, -i), first.AddDate(0, 0, -i))
		if again, _ := s.DailyBackup(); again != "" {
			t.Fatal("a second backup the same day")
		}
		c.Advance(24 * time.Hour)
	}
	backups, _ := Backups(path)
	if len(backups) != keepBackups {
		t.Fatalf("%d backups kept", len(backups))
	}
	newest, oldest := "declinedesk-"+string(day.Of(first.AddDate(0, 0, 9)))+".db", "declinedesk-"+string(day.Of(first.AddDate(0, 0, 3)))+".db"
	if filepath.Base(backups[0].Path) != newest || filepath.Base(backups[6].Path) != oldest {
		t.Errorf("kept %s … %s", backups[0].Path, backups[6].Path)
	}
	for _, b := range backups {
		if fi, _ := os.Stat(b.Path); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v", b.Path, fi.Mode().Perm())
		}
	}
	// A backup is a complete, sound database with the records in it.
	r, err := Open(backups[0].Path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := r.Count(); n != 1 {
		t.Errorf("backup holds %d records", n)
	}
	r.Close()
}

// damage overwrites the first byte of each of the file's pages after the meta pages with
// garbage, which bbolt's own check notices.
func damageFile(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	for off := int64(2 * 4096); off < fi.Size(); off += 4096 {
		f.WriteAt([]byte{0xde, 0xad, 0xbe, 0xef, 0xde, 0xad, 0xbe, 0xef, 0xff, 0xff}, off)
	}
}

func TestDamagedPagesAreReportedNotPanicked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	s, _ := Open(path, Options{})
	for i := 0; i < 200; i++ {
		mustAdd(t, s, Opportunity{Company: fmt.Sprintf("Company %d", i), Role: "Dev", Notes: strings.Repeat("n", 200)})
	}
	if err := s.Check(); err != nil {
		t.Fatalf("fresh database: %v", err)
	}
	s.Close()
	compact := filepath.Join(t.TempDir(), "compact.db")
	s, _ = Open(path, Options{})
	if err := s.WriteBackup(compact); err != nil {
		t.Fatal(err)
	}
	s.Close()
	damageFile(t, compact)
	before, _ := os.ReadFile(compact)
	s, err := Open(compact, Options{})
	if err == nil {
		// Opening may pass (the meta pages are fine); reading and checking must not.
		if err := s.Check(); !errors.Is(err, ErrDamaged) {
			t.Errorf("Check: %v", err)
		}
		if err := s.ForEach(false, func(*Opportunity) error { return nil }); !errors.Is(err, ErrDamaged) {
			t.Errorf("ForEach: %v", err)
		}
		s.Close()
	} else if !errors.Is(err, ErrDamaged) {
		t.Errorf("Open: %v", err)
	}
	if after, _ := os.ReadFile(compact); string(after) != string(before) {
		t.Error("the damaged file was changed")
	}
}

func TestMoveAsideAndRestore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "t.db")
	now := clocktest.Epoch
	s, _ := Open(path, Options{})
	mustAdd(t, s, Opportunity{Company: "Kept", Role: "Dev"})
	good := filepath.Join(dir, "good-backup.db")
	if err := s.WriteBackup(good); err != nil {
		t.Fatal(err)
	}
	mustAdd(t, s, Opportunity{Company: "After backup", Role: "Dev"})
	s.Close()

	// A file that is not a backup is refused, and nothing moves.
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("not a database at all"), 0o600)
	if _, err := Restore(path, junk, now); err == nil {
		t.Fatal("junk restored")
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal("the current database went away")
	}

	aside, err := Restore(path, good, now)
	if err != nil {
		t.Fatal(err)
	}
	if aside != path+".before-restore-"+now.Format(stampLayout) {
		t.Errorf("aside %q", aside)
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Count(); n != 1 {
		t.Errorf("restored database has %d records", n)
	}
	s.Close()
	old, _ := Open(aside, Options{})
	if n, _ := old.Count(); n != 2 {
		t.Errorf("the file kept aside has %d records", n)
	}
	old.Close()
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("restored mode %v", fi.Mode().Perm())
	}

	moved, err := MoveAside(path, "damaged", now)
	if err != nil || moved != path+".damaged-"+now.Format(stampLayout) {
		t.Fatalf("MoveAside: %q %v", moved, err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("still there")
	}
}

func TestBackupOfAnOpenDatabaseIsConsistent(t *testing.T) {
	s, _ := openTemp(t)
	for i := 0; i < 50; i++ {
		mustAdd(t, s, Opportunity{Company: fmt.Sprintf("C%d", i), Role: "Dev"})
	}
	n, err := s.Backup(io.Discard)
	if err != nil || n == 0 {
		t.Fatalf("Backup: %d %v", n, err)
	}
}

func TestReleaseMemoryKeepsTheDataReadable(t *testing.T) {
	s, _ := openTemp(t)
	for i := 0; i < 300; i++ {
		mustAdd(t, s, Opportunity{Company: fmt.Sprintf("C%d", i), Role: "Dev", Notes: strings.Repeat("x", 300)})
	}
	count := func() int {
		n := 0
		s.ForEach(true, func(o *Opportunity) error {
			if len(o.Notes) == 300 {
				n++
			}
			return nil
		})
		return n
	}
	if count() != 300 {
		t.Fatal("setup")
	}
	s.ReleaseMemory()
	if got := count(); got != 300 {
		t.Errorf("after releasing memory, %d records read back", got)
	}
	mustAdd(t, s, Opportunity{Company: "after", Role: "Dev"})
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// A real tracker, then broken in the ways files break: both meta pages overwritten, or the
// file cut short. Opening says it is damaged and leaves the file as it found it.
func TestBadMetaPagesAndTruncationAreDamage(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	s, _ := Open(good, Options{})
	for i := 0; i < 300; i++ {
		mustAdd(t, s, Opportunity{Company: fmt.Sprintf("C%d", i), Role: "Dev", Notes: strings.Repeat("x", 300)})
	}
	compact := filepath.Join(dir, "compact.db")
	if err := s.WriteBackup(compact); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, _ := os.ReadFile(compact)

	badMeta := append([]byte(nil), data...)
	for _, off := range []int{0, 4096} { // the two meta pages
		for i := 16; i < 80; i++ {
			badMeta[off+i] ^= 0x5a
		}
	}
	truncated := data[:len(data)/3]
	for name, content := range map[string][]byte{"bad-meta.db": badMeta, "truncated.db": truncated} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, content, 0o600)
		s, err := Open(path, Options{})
		if err == nil {
			err = s.Check()
			if err == nil {
				err = s.ForEach(false, func(*Opportunity) error { return nil })
			}
			s.Close()
		}
		if !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: %v, want ErrDamaged", name, err)
		}
		if after, _ := os.ReadFile(path); string(after) != string(content) {
			t.Errorf("%s was changed", name)
		}
	}
}

// A file cut short under a running app (another program truncating it) makes reads fault;
// that is reported as damage, not a crash.
func TestFileCutShortWhileOpenIsDamageNotACrash(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("only Linux lets the test drop the mapped pages, so that reads meet the cut")
	}
	path := filepath.Join(t.TempDir(), "t.db")
	s, _ := Open(path, Options{})
	defer s.Close()
	for i := 0; i < 300; i++ {
		mustAdd(t, s, Opportunity{Company: fmt.Sprintf("C%d", i), Role: "Dev", Notes: strings.Repeat("x", 300)})
	}
	s.ReleaseMemory() // so that the pages are read from the file again
	if err := os.Truncate(path, 8192); err != nil {
		t.Fatal(err)
	}
	err := s.ForEach(false, func(*Opportunity) error { return nil })
	if !errors.Is(err, ErrDamaged) {
		t.Errorf("ForEach on a cut file: %v", err)
	}
}

// A schema 2 tracker, whose events kept their words, is backed up and rewritten: each event
// becomes data and is described as before; the last activity starts from the last edit.
func TestMigrationFromSchema2MakesEventsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	copyFile(t, "testdata/schema2.db", path)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if backups, _ := Backups(path); len(backups) != 1 || !strings.Contains(filepath.Base(backups[0].Path), "before-upgrade-v2-") {
		t.Fatalf("backups %+v", backups)
	}
	var all []Opportunity
	s.ForEach(true, func(o *Opportunity) error { all = append(all, *o); return nil })
	if len(all) != 3 {
		t.Fatalf("%d records", len(all))
	}
	kinds := func(o Opportunity) (out []EventKind) {
		for _, e := range o.History {
			out = append(out, e.Kind)
		}
		return out
	}
	acme, globex, initech := all[0], all[1], all[2]
	if got := kinds(acme); !slices.Equal(got, []EventKind{EventCreated, EventNote, EventCopied, EventStatus, EventSent}) {
		t.Errorf("Acme's events: %v", got)
	}
	sent := acme.History[4]
	if sent.Day != "2027-03-01" || sent.Letter == nil || sent.Letter.Body != "Dear Jo" || acme.History[1].Note != "called Jo about the schedule" ||
		acme.History[3].From != stage.Invited || acme.History[3].To != stage.Declined {
		t.Errorf("Acme's events as data: %+v", acme.History)
	}
	if got := kinds(globex); !slices.Equal(got, []EventKind{EventCreated, EventStatus, EventNoResponse}) || globex.History[2].Days != 30 {
		t.Errorf("Globex's events: %+v", globex.History)
	}
	if d := initech.History[1].Describe(); d != "Status: from Offer to Interview scheduled" {
		t.Errorf("a status change reads %q", d)
	}
	for _, o := range all {
		if o.ActivityAt.IsZero() || !o.ActivityAt.Equal(o.UpdatedAt) {
			t.Errorf("%s: activity %v, updated %v", o.Company, o.ActivityAt, o.UpdatedAt)
		}
	}
	// Every value was written again in the new layout.
	s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketHistory).ForEach(func(k, v []byte) error {
			if strings.Contains(string(v), `"text"`) || !strings.Contains(string(v), fmt.Sprintf(`"v":%d`, SchemaVersion)) {
				t.Errorf("an event kept the old layout: %s", v)
			}
			return nil
		})
	})
}

// Working on a draft or the checklist is an edit, not a contact: the last activity, which
// the list's order and "no response" follow, stays; a note or a letter moves it.
func TestEditsLeaveTheLastActivityWhereItWas(t *testing.T) {
	s, c := openTemp(t)
	o := mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev", Status: stage.Applied})
	start := o.ActivityAt
	c.Fake.Set(clocktest.Epoch.AddDate(0, 0, 3))
	o, _ = s.SaveDraft(o.ID, &letter.Spec{Company: "Acme", Role: "Dev"})
	o, _ = s.SaveChecklist(o.ID, checklist.Answers{"role.pay": {Choice: checklist.Concern}})
	edited := o
	edited.Location = "Oslo"
	o, _ = s.Update(edited, false)
	if !o.ActivityAt.Equal(start) || o.UpdatedAt.Equal(start) {
		t.Errorf("after edits: activity %v (was %v), updated %v", o.ActivityAt, start, o.UpdatedAt)
	}
	o, _ = s.AppendEvent(o.ID, Event{Kind: EventNote, Note: "called them"})
	if !o.ActivityAt.Equal(o.UpdatedAt) || o.ActivityAt.Equal(start) {
		t.Errorf("a note did not move the last activity: %v", o.ActivityAt)
	}
}
