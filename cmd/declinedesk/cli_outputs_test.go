package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/tracker"
	bolt "go.etcd.io/bbolt"
)

// twoTrackers makes two real trackers in dir, each with the sample records.
func twoTrackers(t *testing.T, dir string) (a, b string) {
	t.Helper()
	a, b = filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	for _, db := range []string{a, b} {
		if r := cli(t, sampleCSV, "--db", db, "import", "-"); r.code != 0 {
			t.Fatalf("%+v", r)
		}
	}
	return a, b
}

// No command writes over a Decline Desk database, whichever database the command itself
// uses — or none.
func TestNoOutputGoesOverAnotherTracker(t *testing.T) {
	dir := t.TempDir()
	a, b := twoTrackers(t, dir)
	t.Setenv("DECLINEDESK_DB", filepath.Join(dir, "default.db"))
	before, _ := os.ReadFile(b)
	spec := writeFile(t, "spec.json", goodSpec)
	for _, args := range [][]string{
		{"--db", a, "backup", b},
		{"--db", a, "export", b},
		{"--db", a, "export", b, "--raw"},
		{"--db", a, "calendar", b},
		{"compose", spec, "--eml", b},
		{"--db", a, "compose", "--id", "1", "--from", "Ana Silva <ana@example.com>", "--eml", b},
	} {
		r := cli(t, "", args...)
		if r.code != 2 || !strings.Contains(r.stderr, "database file") {
			t.Errorf("%q: %+v", args, r)
		}
	}
	sameBytes(t, b, before)
	// Held open by another Decline Desk, as while it imports: refused all the same.
	s, err := tracker.Open(b, tracker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r := cli(t, "", "--db", a, "export", b); r.code != 2 {
		t.Errorf("export over a tracker in use: %+v", r)
	}
	s.Close()
	if r := cli(t, "", "--db", b, "list"); r.code != 0 || !strings.Contains(r.stdout, "Globex") {
		t.Errorf("the other tracker lost its records: %+v", r)
	}
}

// With the database behind a link, the backups and moved-aside copies beside the real
// file are protected as well as those beside the link.
func TestOutputsFollowTheLinkToTheRealFile(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	real := filepath.Join(b, "real.db")
	if r := cli(t, sampleCSV, "--db", real, "import", "-"); r.code != 0 {
		t.Fatal(r)
	}
	backup := filepath.Join(b, "backups", "declinedesk-2026-01-02.db")
	os.MkdirAll(filepath.Dir(backup), 0o700)
	if r := cli(t, "", "--db", real, "backup", backup); r.code != 0 {
		t.Fatal(r)
	}
	aside := filepath.Join(b, "real.db.damaged-20260102-030405")
	os.WriteFile(aside, []byte("what was left of a damaged file"), 0o600)
	link := filepath.Join(a, "link.db")
	os.Symlink(real, link)
	keep := map[string][]byte{}
	for _, p := range []string{backup, aside} {
		keep[p], _ = os.ReadFile(p)
		for _, cmd := range []string{"export", "calendar"} {
			if r := cli(t, "", "--db", link, cmd, p); r.code != 2 {
				t.Errorf("%s %s: %+v", cmd, filepath.Base(p), r)
			}
		}
	}
	for p, data := range keep {
		sameBytes(t, p, data)
	}
}

// A damaged file behind a link: the real file is moved aside, the link stays, and the
// next run makes the new tracker where the link leads.
func TestADamagedFileBehindALinkIsMovedNotTheLink(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	real := damagedTracker(t, b)
	damaged, _ := os.ReadFile(real)
	link := filepath.Join(a, "link.db")
	os.Symlink(real, link)
	r := cli(t, "", "--db", link, "list")
	if r.code != 4 || !strings.Contains(r.stderr, real+" ("+link+" leads to it) was moved") {
		t.Fatalf("%+v", r)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was moved or replaced")
	}
	moved, _ := filepath.Glob(filepath.Join(b, "t.db.damaged-*"))
	if len(moved) != 1 {
		t.Fatalf("moved aside: %v", moved)
	}
	sameBytes(t, moved[0], damaged)
	if r := cli(t, "", "--db", link, "list", "--json"); r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("after: %+v", r)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the next run replaced the link with a file")
	}
	if _, err := os.Stat(real); err != nil {
		t.Errorf("no new tracker where the link leads: %v", err)
	}
}

// A CSV file, an SQLite file or a text given as the database is no database: exit 2, and
// it stays where it is, as it is — on this run and the next.
func TestWhatIsNoDatabaseIsNeverRenamed(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"jobs.csv":   []byte(sampleCSV),
		"other.db":   append([]byte("SQLite format 3\x00"), make([]byte, 8192)...),
		"notes.txt":  []byte("Call Maria back on Monday.\n"),
		"zeroes.bin": make([]byte, 16384),
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		os.WriteFile(path, data, 0o644)
		for i := 0; i < 2; i++ {
			r := cli(t, "", "--db", path, "import", filepath.Join(dir, "jobs.csv"))
			if r.code != 2 || !strings.Contains(r.stderr, "is not a Decline Desk database") {
				t.Errorf("%s, run %d: %+v", name, i+1, r)
			}
		}
		sameBytes(t, path, data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != len(files) {
		t.Errorf("files appeared: %v", entries)
	}
	if r := cli(t, "", "--db", filepath.Join(dir, "jobs.csv"), "list"); !strings.Contains(r.stderr, "looks like a CSV file") {
		t.Errorf("does not say what the file looks like: %+v", r)
	}
}

// The damage that made bbolt's own check crash or loop: damage, moved aside, the backup
// offered, the command ended in time.
func TestChecksThatCrashOrLoopAreDamageForCommands(t *testing.T) {
	for _, c := range []struct {
		name  string
		off   int64
		bytes []byte
	}{{"element count", 3*4096 + 10, []byte{0xff, 0xff}}, {"overflow", 20*4096 + 15, []byte{0xee}}} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "t.db")
			var rows strings.Builder
			rows.WriteString("Company,Role,Notes\n")
			for i := 0; i < 1000; i++ {
				rows.WriteString("Company " + strings.Repeat("x", i%40) + string(rune('a'+i%26)) + ",Dev,note\n")
			}
			if r := cli(t, rows.String(), "--db", db, "import", "-"); r.code != 0 {
				t.Fatal(r)
			}
			compact := filepath.Join(dir, "compact.db")
			if r := cli(t, "", "--db", db, "backup", compact); r.code != 0 {
				t.Fatal(r)
			}
			f, _ := os.OpenFile(compact, os.O_RDWR, 0)
			f.WriteAt(c.bytes, c.off)
			f.Close()
			before, _ := os.ReadFile(compact)
			r := cli(t, "", "--db", compact, "list")
			if r.code != 4 || !strings.Contains(r.stderr, "moved, unchanged, to") || !strings.Contains(r.stderr, "restore the newest backup") {
				t.Fatalf("%+v", r)
			}
			moved, _ := filepath.Glob(compact + ".damaged-*")
			if len(moved) != 1 {
				t.Fatalf("moved: %v", moved)
			}
			sameBytes(t, moved[0], before)
		})
	}
}

// A record that cannot be read is damage for every command — those that read it and
// those that would write beside it — named by its id.
func TestAnUnreadableRecordIsDamageForEveryCommand(t *testing.T) {
	for _, args := range [][]string{{"list"}, {"export", "-"}, {"import", "-"}, {"backup", "-"}, {"calendar", "-"}} {
		dir := t.TempDir()
		db := filepath.Join(dir, "t.db")
		if r := cli(t, sampleCSV, "--db", db, "import", "-"); r.code != 0 {
			t.Fatal(r)
		}
		bdb, err := bolt.Open(db, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		bdb.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("opportunities")).Put([]byte{0, 0, 0, 0, 0, 0, 0, 2}, []byte("{broken"))
		})
		bdb.Close()
		before, _ := os.ReadFile(db)
		r := cli(t, "Company,Role\nNew,Dev\n", append([]string{"--db", db}, args...)...)
		if r.code != 4 || !strings.Contains(r.stderr, "record #2") || !strings.Contains(r.stderr, "moved, unchanged, to") {
			t.Errorf("%q: %+v", args, r)
			continue
		}
		moved, _ := filepath.Glob(db + ".damaged-*")
		if len(moved) != 1 {
			t.Fatalf("%q: moved %v", args, moved)
		}
		sameBytes(t, moved[0], before)
	}
}

func TestBackupAndDraftToStandardOutput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	cli(t, sampleCSV, "--db", db, "import", "-")
	r := cli(t, "", "--db", db, "backup", "-")
	if r.code != 0 {
		t.Fatal(r)
	}
	copyPath := filepath.Join(dir, "copy.db")
	os.WriteFile(copyPath, []byte(r.stdout), 0o600)
	if r := cli(t, "", "--db", copyPath, "list"); r.code != 0 || !strings.Contains(r.stdout, "Globex") {
		t.Errorf("the backup on standard output is not the tracker: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error("a file named - was made")
	}
	spec := writeFile(t, "spec.json", goodSpec)
	r = cli(t, "", "compose", spec, "--eml", "-")
	if r.code != 0 || !strings.Contains(r.stdout, "Mime-Version: 1.0\r\n") || !strings.Contains(r.stdout, "X-Unsent: 1") {
		t.Errorf("--eml -: %+v", r)
	}
	if r := cli(t, "", "compose", spec, "--eml", ""); r.code != 2 || !strings.Contains(r.stderr, "needs a file name") {
		t.Errorf("--eml '': %+v", r)
	}
}

func TestTheDatabaseIsGivenOnce(t *testing.T) {
	dir := t.TempDir()
	r := cli(t, "", "--db", filepath.Join(dir, "a.db"), "list", "--db", filepath.Join(dir, "b.db"))
	if r.code != 2 || !strings.Contains(r.stderr, "--db was given twice") {
		t.Errorf("%+v", r)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a database was made: %v", entries)
	}
}

// The rows are in even when the report cannot be written: the message says so, or the
// user would import them again.
func TestAnImportWhoseReportIsLostSaysItImported(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	db := filepath.Join(t.TempDir(), "t.db")
	var errb bytes.Buffer
	code := run([]string{"--db", db, "import", "-"}, strings.NewReader(sampleCSV), full, &errb)
	if code != 2 || !strings.Contains(errb.String(), "imported 2 opportunities from -, but the report could not be written") {
		t.Errorf("exit %d: %s", code, errb.String())
	}
}

// File names are printed without the control characters in them, which could work on the
// terminal.
func TestMessagesNeverEchoEscapeSequences(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "x\x1b]0;pwned\x07.csv")
	os.WriteFile(name, []byte("not,a\ntracker,file\n"), 0o600)
	r := cli(t, "", "--db", name, "list")
	if r.code != 2 || strings.ContainsAny(r.stderr, "\x1b\x07") || !strings.Contains(r.stderr, `x\x1b]0;pwned\a.csv`) {
		t.Errorf("%q", r.stderr)
	}
}
