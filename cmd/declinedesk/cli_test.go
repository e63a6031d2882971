package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/csvio"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

type result struct {
	code           int
	stdout, stderr string
}

func cli(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const sampleCSV = "Company,Job Title,Stage,Date Applied,Email\n" +
	"Acme,Go Engineer,Interviewing,3/17/2026,jo@acme.test\n" +
	"Globex,Analyst,Offer Declined,2026-02-01,\n"

func TestImportListExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	in := writeFile(t, "in.csv", sampleCSV)

	r := cli(t, "", "--db", db, "import", in)
	if r.code != 0 || !strings.Contains(r.stdout, "imported: 2") || !strings.Contains(r.stdout, "errors: 0") {
		t.Fatalf("import: %+v", r)
	}
	// Importing again skips both and says which they duplicate.
	r = cli(t, "", "import", in, "--db", db)
	if r.code != 0 || !strings.Contains(r.stdout, "imported: 0") || !strings.Contains(r.stdout, "line 3: skipped Globex — Analyst, already tracked as #2") {
		t.Fatalf("re-import: %+v", r)
	}

	r = cli(t, "", "--db", db, "list")
	if r.code != 0 || !strings.Contains(r.stdout, "Interview scheduled") || !strings.Contains(r.stdout, "Globex") {
		t.Fatalf("list: %+v", r)
	}
	r = cli(t, "", "--db", db, "list", "--status", "declined", "--json")
	var recs []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &recs); err != nil || r.code != 0 {
		t.Fatalf("list --json: %v %+v", err, r)
	}
	if len(recs) != 1 || recs[0]["company"] != "Globex" || recs[0]["id"] != float64(2) || recs[0]["responded_on"] != "" {
		t.Errorf("json %+v", recs)
	}
	if h, ok := recs[0]["history"].([]any); !ok || len(h) != 1 {
		t.Errorf("history %#v", recs[0]["history"])
	}
	r = cli(t, "", "--db", db, "list", "--status", "nonsense")
	if r.code != 2 || !strings.Contains(r.stderr, "unknown status") {
		t.Errorf("bad status: %+v", r)
	}
	r = cli(t, "", "--db", db, "list", "--status", "accepted", "--json")
	if strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("empty list --json should print [], got %q", r.stdout)
	}

	r = cli(t, "", "--db", db, "export", "-")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 0 || lines[0] != `"id",`+strings.Join(csvio.Columns()[1:], ",") || len(lines) != 3 {
		t.Fatalf("export -: %+v", r)
	}
	out := filepath.Join(t.TempDir(), "out.csv")
	r = cli(t, "", "--db", db, "export", out)
	got, _ := os.ReadFile(out)
	if r.code != 0 || !bytes.Equal(bytes.TrimSpace(got), []byte(strings.TrimSpace(strings.Join(lines, "\n")))) {
		t.Errorf("export file: %+v\n%s", r, got)
	}
}

func TestImportWithBadRows(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	in := writeFile(t, "in.csv", "Company,Role,Status\nAcme,Dev,applied\nGlobex,QA,thinking\n")
	r := cli(t, "", "--db", db, "import", in)
	if r.code != 2 || !strings.Contains(r.stdout, "line 3: Status: unknown status") || !strings.Contains(r.stderr, "--valid-only") {
		t.Fatalf("atomic import: %+v", r)
	}
	r = cli(t, "", "--db", db, "list", "--json")
	if strings.TrimSpace(r.stdout) != "[]" {
		t.Fatalf("a failed import stored records: %s", r.stdout)
	}
	r = cli(t, "", "--db", db, "import", "--valid-only", in)
	if r.code != 0 || !strings.Contains(r.stdout, "imported: 1") || !strings.Contains(r.stdout, "errors: 1") {
		t.Fatalf("--valid-only: %+v", r)
	}
}

func TestImportFromStdinAndBadFiles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if r := cli(t, sampleCSV, "--db", db, "import", "-"); r.code != 0 || !strings.Contains(r.stdout, "imported: 2") {
		t.Errorf("stdin: %+v", r)
	}
	if r := cli(t, "", "--db", db, "import", "/no/such/file.csv"); r.code != 2 || !strings.Contains(r.stderr, "cannot read") {
		t.Errorf("missing file: %+v", r)
	}
	if r := cli(t, "", "--db", db, "import", writeFile(t, "x.csv", "Name,Age\nx,1\n")); r.code != 2 || !strings.Contains(r.stderr, "no Company column") {
		t.Errorf("no company column: %+v", r)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"}, {"import"}, {"import", "a.csv", "b.csv"}, {"export"}, {"list", "extra"},
		{"--nope"}, {"list", "--nope"}, {"version", "x"},
	} {
		r := cli(t, "", append([]string{"--db", filepath.Join(t.TempDir(), "t.db")}, args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, "usage:") {
			t.Errorf("%v: %+v", args, r)
		}
	}
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		if r := cli(t, "", args...); r.code != 0 || !strings.Contains(r.stdout, "declinedesk list") || r.stderr != "" {
			t.Errorf("%v: %+v", args, r)
		}
	}
	// A command's own help goes to stdout and succeeds; nothing runs.
	db := filepath.Join(t.TempDir(), "t.db")
	for _, args := range [][]string{{"import", "--help"}, {"export", "-h", "out.csv"}, {"help", "compose"}, {"help", "version"}} {
		r := cli(t, "", append([]string{"--db", db}, args...)...)
		want := "usage: declinedesk " + commands[args[0]].usage
		if args[0] == "help" {
			want = "usage: declinedesk " + commands[args[1]].usage
		}
		if r.code != 0 || !strings.HasPrefix(r.stdout, want) || r.stderr != "" {
			t.Errorf("%v: %+v", args, r)
		}
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("asking for help touched the database: %v", err)
	}
	if r := cli(t, "", "help", "frobnicate"); r.code != 2 || !strings.Contains(r.stderr, `unknown command "frobnicate"`) {
		t.Errorf("help frobnicate: %+v", r)
	}
}

func TestVersion(t *testing.T) {
	r := cli(t, "", "version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Decline Desk ") {
		t.Errorf("version: %+v", r)
	}
}

func TestDatabaseInUseExits3(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	s, err := tracker.Open(db, tracker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := cli(t, "", "--db", db, "list")
	if r.code != 3 || !strings.Contains(r.stderr, "already open") {
		t.Errorf("in use: %+v", r)
	}
}

func TestDamagedDatabaseExits4(t *testing.T) { // and see TestDamagedDatabaseIsMovedAsideNotTouched
	db := damagedTracker(t, t.TempDir())
	r := cli(t, "", "--db", db, "list")
	if r.code != 4 || !strings.Contains(r.stderr, "damaged") {
		t.Errorf("damaged: %+v", r)
	}
}

// damagedTracker makes a real tracker in dir and spoils the header of every page after
// the meta pages, as a failing disk might: the file still opens, and only the check finds
// the damage.
func damagedTracker(t *testing.T, dir string) string {
	t.Helper()
	db := filepath.Join(dir, "t.db")
	var rows strings.Builder
	rows.WriteString("Company,Role,Notes\n")
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&rows, "Company %d,Developer,%s\n", i, strings.Repeat("note ", i%30))
	}
	if r := cli(t, rows.String(), "--db", db, "import", "-"); r.code != 0 {
		t.Fatalf("%+v", r)
	}
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := f.Stat()
	for off := int64(2 * 4096); off < fi.Size(); off += 4096 {
		f.WriteAt([]byte{0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0, 0xff, 0xff}, off)
	}
	f.Close()
	return db
}

func TestDatabasePathOrder(t *testing.T) {
	path := func(e *env) string {
		t.Helper()
		p, err := e.dbPath()
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Setenv("DECLINEDESK_DB", "/from/env.db")
	if got := path(&env{dbFlag: "/from/flag.db"}); got != "/from/flag.db" {
		t.Errorf("flag: %s", got)
	}
	if got := path(&env{}); got != "/from/env.db" {
		t.Errorf("env: %s", got)
	}
	t.Setenv("DECLINEDESK_DB", "")
	if got := path(&env{}); !strings.HasSuffix(got, filepath.Join("fyne", "com.declinedesk.app", "declinedesk.db")) {
		t.Errorf("default: %s", got)
	}
}

// Without a home folder there is no default database: a command says so, and makes none
// in the folder it happens to run in.
func TestWithoutAHomeThereIsNoDefaultDatabase(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("DECLINEDESK_DB", "")
	t.Setenv("HOME", "")
	t.Setenv("XDG_CONFIG_HOME", "")
	r := cli(t, "Company,Role\nAcme,Dev\n", "import", "-")
	if r.code != 2 || !strings.Contains(r.stderr, "--db") {
		t.Errorf("%+v", r)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files were made here: %v", entries)
	}
}

func TestNoDisplaySaysSoInsteadOfCrashing(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	r := cli(t, "", "--db", filepath.Join(t.TempDir(), "t.db"))
	if r.code != 2 || !strings.Contains(r.stderr, "no graphical display found") {
		t.Errorf("%+v", r)
	}
}

func TestBackupCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	cli(t, sampleCSV, "--db", db, "import", "-")
	out := filepath.Join(t.TempDir(), "snap.db")
	r := cli(t, "", "--db", db, "backup", out)
	if r.code != 0 || !strings.Contains(r.stderr, "backup written") {
		t.Fatalf("%+v", r)
	}
	fi, err := os.Stat(out)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v %v", fi, err)
	}
	if r := cli(t, "", "--db", out, "list"); r.code != 0 || !strings.Contains(r.stdout, "Globex") {
		t.Errorf("the backup does not hold the tracker: %+v", r)
	}
	if r := cli(t, "", "--db", db, "backup", db); r.code != 2 {
		t.Errorf("backup onto itself: %+v", r)
	}
	if r := cli(t, "", "--db", db, "backup"); r.code != 2 {
		t.Errorf("no file: %+v", r)
	}
}

func TestDamagedDatabaseIsMovedAsideNotTouched(t *testing.T) {
	dir := t.TempDir()
	db := damagedTracker(t, dir)
	damaged, _ := os.ReadFile(db)
	r := cli(t, "", "--db", db, "list")
	if r.code != 4 || !strings.Contains(r.stderr, "damaged") || !strings.Contains(r.stderr, "moved, unchanged, to") {
		t.Fatalf("%+v", r)
	}
	entries, _ := os.ReadDir(dir)
	var moved string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "t.db.damaged-") {
			moved = filepath.Join(dir, e.Name())
		}
	}
	if got, _ := os.ReadFile(moved); !bytes.Equal(got, damaged) {
		t.Fatalf("the damaged file was not kept as it was (%s)", moved)
	}
	// The next command starts with an empty tracker.
	if r := cli(t, "", "--db", db, "list", "--json"); r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("after moving aside: %+v", r)
	}
}
