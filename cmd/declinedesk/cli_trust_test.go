package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func sameBytes(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("%s changed (%v)", filepath.Base(path), err)
	}
}

func TestEmptyDatabaseFlagIsBadUsage(t *testing.T) {
	for _, args := range [][]string{{"--db", "", "list"}, {"list", "--db", ""}, {"--db=", "list"}} {
		if r := cli(t, "", args...); r.code != 2 || !strings.Contains(r.stderr, "--db needs a file name") {
			t.Errorf("%q: %+v", args, r)
		}
	}
}

func TestAFailedWriteToStandardOutputIsAnError(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	db := filepath.Join(t.TempDir(), "t.db")
	cli(t, sampleCSV, "--db", db, "import", "-")
	for _, args := range [][]string{{"--db", db, "list"}, {"--db", db, "export", "-"}, {"version"}, {"--db", db, "list", "--json"}} {
		var errb bytes.Buffer
		code := run(args, strings.NewReader(""), full, &errb)
		if code != 2 || !strings.Contains(errb.String(), "could not write the output") {
			t.Errorf("%q: exit %d, %q", args, code, errb.String())
		}
	}
}

func TestOutputsNeverGoOverTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	cli(t, sampleCSV, "--db", db, "import", "-")
	before, _ := os.ReadFile(db)
	link := filepath.Join(dir, "link.csv")
	os.Symlink(db, link)
	spec := writeFile(t, "spec.json", goodSpec)
	for _, args := range [][]string{
		{"--db", db, "export", db},
		{"--db", db, "export", link},
		{"--db", db, "export", filepath.Join(dir, ".", "t.db")},
		{"--db", db, "compose", spec, "--eml", db},
		{"--db", db, "backup", db},
	} {
		r := cli(t, "", args...)
		if r.code != 2 || !strings.Contains(r.stderr, "database or one of its backups") {
			t.Errorf("%q: %+v", args, r)
		}
	}
	sameBytes(t, db, before)
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
}

func TestExportThroughLinksAndDevices(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	cli(t, sampleCSV, "--db", db, "import", "-")
	real := filepath.Join(dir, "real.csv")
	os.WriteFile(real, nil, 0o600)
	link := filepath.Join(dir, "out.csv")
	os.Symlink(real, link)
	if r := cli(t, "", "--db", db, "export", link); r.code != 0 {
		t.Fatalf("%+v", r)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if data, _ := os.ReadFile(real); !strings.Contains(string(data), "Globex") {
		t.Error("the export did not reach the linked file")
	}
	if r := cli(t, "", "--db", db, "export", os.DevNull); r.code != 0 {
		t.Errorf("/dev/null: %+v", r)
	}
	if fi, _ := os.Stat(os.DevNull); fi.Mode()&os.ModeCharDevice == 0 {
		t.Fatal("/dev/null was replaced")
	}
}

func TestExportIsSafeInSpreadsheetsUnlessRaw(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	cli(t, "Company,Role,Notes\n\"=HYPERLINK(\"\"x\"\")\",Dev,@SUM(A1)\n", "--db", db, "import", "-")
	if r := cli(t, "", "--db", db, "export", "-"); r.code != 0 || !strings.Contains(r.stdout, `"'=HYPERLINK(""x"")"`) || !strings.Contains(r.stdout, "'@SUM(A1)") {
		t.Errorf("safe: %+v", r)
	}
	if r := cli(t, "", "--db", db, "export", "-", "--raw"); r.code != 0 || !strings.Contains(r.stdout, `"=HYPERLINK(""x"")"`) || strings.Contains(r.stdout, "'@") {
		t.Errorf("raw: %+v", r)
	}
}

func TestImportAsksForTheDateOrderWhenTheFileCannotTell(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	in := "Company;Role;Applied\nAcme;Dev;03/04/2026\n"
	r := cli(t, in, "--db", db, "import", "-")
	if r.code != 2 || !strings.Contains(r.stderr, "--dates dmy") || !strings.Contains(r.stderr, "nothing was imported") {
		t.Fatalf("%+v", r)
	}
	if r := cli(t, in, "--db", db, "import", "-", "--dates", "dmy"); r.code != 0 {
		t.Fatalf("%+v", r)
	}
	if r := cli(t, "", "--db", db, "list", "--json"); !strings.Contains(r.stdout, `"applied_on": "2026-04-03"`) {
		t.Errorf("%+v", r)
	}
	if r := cli(t, in, "--db", db, "import", "-", "--dates", "ymd"); r.code != 2 {
		t.Errorf("bad --dates: %+v", r)
	}
	// A European file tells by itself; its dates are all read day first.
	r = cli(t, "Company;Role;Applied\nGlobex;Dev;31/01/2026\nInitech;QA;02/03/2026\n", "--db", db, "import", "-")
	if r.code != 0 {
		t.Fatalf("%+v", r)
	}
	if r := cli(t, "", "--db", db, "list", "--json"); !strings.Contains(r.stdout, `"applied_on": "2026-03-02"`) {
		t.Errorf("%+v", r)
	}
}

func TestImportRefusesYearsTheWindowCannotShow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	r := cli(t, "Company,Role,Follow up\nAcme,Dev,1/1/0000\n", "--db", db, "import", "-")
	if r.code != 2 || !strings.Contains(r.stdout, "line 2: Follow up on") || !strings.Contains(r.stdout, "between 1900 and 2999") {
		t.Errorf("%+v", r)
	}
}

func TestOldMacCSVImports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	if r := cli(t, "Company,Role\rAcme,Dev\rGlobex,QA\r", "--db", db, "import", "-"); r.code != 0 || !strings.Contains(r.stdout, "imported: 2") {
		t.Errorf("%+v", r)
	}
}

func TestWhatIsNotADatabaseFileIsRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.db")
	syscall.Mkfifo(fifo, 0o600)
	done := make(chan result, 1)
	go func() { done <- cli(t, "", "--db", fifo, "list") }()
	select {
	case r := <-done:
		if r.code != 2 || !strings.Contains(r.stderr, "named pipe") {
			t.Errorf("fifo: %+v", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a FIFO as the database hangs")
	}
	if r := cli(t, "", "--db", dir, "list"); r.code != 2 || !strings.Contains(r.stderr, "folder") {
		t.Errorf("folder: %+v", r)
	}

	other := filepath.Join(dir, "other.db")
	bdb, err := bolt.Open(other, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	bdb.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("settings")); return err })
	bdb.Close()
	before, _ := os.ReadFile(other)
	for _, args := range [][]string{{"--db", other, "list"}, {"--db", other, "import", "-"}} {
		r := cli(t, sampleCSV, args...)
		if r.code != 2 || !strings.Contains(r.stderr, "not a Decline Desk database") {
			t.Errorf("%q: %+v", args, r)
		}
	}
	sameBytes(t, other, before)
	if fi, _ := os.Stat(other); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode changed to %v", fi.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files appeared: %v", entries)
	}
}

func TestADamagedDatabaseTakesNoImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	var rows strings.Builder
	rows.WriteString("Company,Role,Notes\n")
	for i := 0; i < 400; i++ {
		rows.WriteString("Company " + strings.Repeat("x", i%40) + string(rune('a'+i%26)) + ",Dev " + strings.Repeat("y", i%7) + ",note\n")
	}
	if r := cli(t, rows.String(), "--db", db, "import", "-"); r.code != 0 {
		t.Fatalf("%+v", r)
	}
	// Spoil the header of every page after the meta pages: the meta pages still read, so
	// only bbolt's check finds it.
	f, _ := os.OpenFile(db, os.O_RDWR, 0)
	fi, _ := f.Stat()
	for off := int64(2 * 4096); off < fi.Size(); off += 4096 {
		f.WriteAt([]byte{0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0, 0xff, 0xff}, off)
	}
	f.Close()
	before, _ := os.ReadFile(db)
	r := cli(t, "Company,Role\nNew,Dev\n", "--db", db, "import", "-")
	if r.code != 4 || !strings.Contains(r.stderr, "moved, unchanged, to") {
		t.Fatalf("%+v", r)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "t.db.damaged-") {
			sameBytes(t, filepath.Join(dir, e.Name()), before)
			return
		}
	}
	t.Error("the damaged file was not kept")
}

func TestSpecsWithAByteOrderMarkOrTheWrongShape(t *testing.T) {
	if r := cli(t, "\ufeff"+goodSpec, "compose", "-"); r.code != 0 {
		t.Errorf("BOM: %+v", r)
	}
	if r := cli(t, "[1, 2]", "compose", "-"); r.code != 2 || !strings.Contains(r.stderr, "one JSON object") || strings.Contains(r.stderr, "letter.Spec") {
		t.Errorf("array: %+v", r)
	}
}

func TestSpecDatesTheWindowCannotShowAreRefused(t *testing.T) {
	spec := strings.Replace(goodSpec, `"interview_date": "2026-12-01"`, `"interview_date": "0000-12-01"`, 1)
	if spec == goodSpec {
		t.Fatal("setup")
	}
	if r := cli(t, spec, "compose", "-"); r.code != 2 || !strings.Contains(r.stderr, "interview_date") || !strings.Contains(r.stderr, "between 1900 and 2999") {
		t.Errorf("%+v", r)
	}
}
