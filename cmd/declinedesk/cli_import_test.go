package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A Huntr board export, in its own column layout, with made-up jobs.
const huntrExport = "id,createdAt,title,salary,location,url,rootDomain,htmlDescription,deadline,color,lastMovedAt,boardId,boardName,listId,listName,companyId,companyName,companyDomain,creatorUserId,creatorUserFirstName,creatorUserLastName,creatorUserEmail\n" +
	"h1,2026-09-14 08:12:44,Go Engineer,-,Lisbon,-,-,-,-,-,-,b1,Search,l1,Wishlist,c1,Kestrel Systems,-,u1,Ana,Silva,ana@example.test\n" +
	"h2,2026-09-15 10:00:00,Staff Engineer,-,-,-,-,-,-,-,2026-09-20 17:03:10,b1,Search,l2,Interviewing,c2,Ambergate,-,u1,Ana,Silva,ana@example.test\n"

// A sheet with columns of its own, as a Notion or Google Sheets template has them.
const ownColumns = "Outfit,Gig,Pipeline,Misc\nAcme,Go Engineer,Applied,x\nGlobex,Analyst,Offer,y\n"

func TestImportNamesTheFormatItRecognised(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	r := cli(t, "", "--db", db, "import", writeFile(t, "huntr.csv", huntrExport))
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Huntr board export: 2 opportunities\nimported: 2\n") ||
		!strings.Contains(r.stdout, "columns not read: id, rootDomain,") {
		t.Fatalf("%+v", r)
	}
	r = cli(t, "", "--db", db, "list", "--status", "scheduled")
	if !strings.Contains(r.stdout, "Ambergate") || strings.Contains(r.stdout, "Kestrel") {
		t.Errorf("list: %s", r.stdout)
	}
}

func TestImportMap(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	in := writeFile(t, "sheet.csv", ownColumns)
	// Without a mapping: nothing is imported, and the message says how to give one.
	r := cli(t, "", "--db", db, "import", in)
	if r.code != 2 || !strings.Contains(r.stderr, "no Company column") || !strings.Contains(r.stderr, `--map "Their Column=company`) ||
		!strings.Contains(r.stderr, "fields: company, role, location, status,") {
		t.Fatalf("no mapping: %+v", r)
	}
	r = cli(t, "", "--db", db, "import", in, "--map", "Outfit=company, gig=Role ,Pipeline=status,Misc=skip")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Spreadsheet (your columns): 2 opportunities\nimported: 2\n") {
		t.Fatalf("mapped: %+v", r)
	}
	if r := cli(t, "", "--db", db, "list", "--status", "offer"); !strings.Contains(r.stdout, "Globex") {
		t.Errorf("list: %s", r.stdout)
	}
	// Bad mappings are bad usage, and name what would be right.
	for _, tc := range []struct {
		spec, says string
	}{
		{"Outfit=employer,Gig=role", `"employer" is not a field: use one of company, role, location, status, contact_name,`},
		{"Firm=company,Gig=role", `no column "firm" (its columns: Outfit, Gig, Pipeline, Misc)`},
		{"Outfit", `"Outfit" is not Column=field`},
		{"Outfit=company,Gig=company", "two columns are read into the company"},
		{"Outfit=notes", "no Company column"},
	} {
		r := cli(t, "", "--db", db, "import", in, "--map", tc.spec)
		if r.code != 2 || !strings.Contains(r.stderr, tc.says) || r.stdout != "" {
			t.Errorf("--map %q: %+v", tc.spec, r)
		}
	}
}
