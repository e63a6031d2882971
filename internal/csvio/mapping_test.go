package csvio

import (
	"errors"
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/stage"
)

// A Notion-style sheet: its own column names, none of which the field table knows.
const notionSheet = "Outfit,Gig,Sent,Where,Pipeline,Misc\n" +
	"Acme,Go Engineer,2026-10-01,Lisbon,Interviewing,x\n" +
	"Globex,,2026-10-02,Porto,Applied,y\n" +
	"Initech,QA Lead,someday,Braga,Applied,z\n"

func TestParseMapping(t *testing.T) {
	m, err := ParseMapping(" Firm = company, POSITION=Role,When=Applied on , Misc=skip,,Where=contact email")
	if err != nil {
		t.Fatal(err)
	}
	want := Mapping{"firm": "company", "position": "role", "when": "applied_on", "misc": SkipColumn, "where": "contact_email"}
	if m.String() != want.String() {
		t.Errorf("%v, want %v", m, want)
	}
	for _, tc := range []struct{ spec, says string }{
		{"Firm=employer", `"employer" is not a field: use one of company, role,`},
		{"Firm", `"Firm" is not Column=field`},
		{"=company", "names no column"},
		{"", "the mapping is empty"},
		{"Firm=company,firm=role", `the column "firm" is given twice`},
		{"Firm=id", `"id" is not a field`}, // the store gives numbers
	} {
		_, err := ParseMapping(tc.spec)
		var me *MappingError
		if !errors.As(err, &me) || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("%q: %v, want %q", tc.spec, err, tc.says)
		}
	}
	if _, err := ParseMapping("Firm=skip"); err != nil {
		t.Errorf("skip: %v", err)
	}
}

func TestAnUnknownHeaderOffersItsFirstRowsToMap(t *testing.T) {
	p, err := Read(BytesFile("notion.csv", []byte(notionSheet)), ParseOptions{})
	var ce *ColumnsError
	if !errors.As(err, &ce) || !ce.Mappable || ce.Missing.Name != "company" || !errors.Is(err, ErrNotCSV) {
		t.Fatalf("%v", err)
	}
	if !strings.Contains(err.Error(), "no Company column (also accepted: Employer, Organization, Company Name) (found: Outfit, Gig") {
		t.Errorf("message: %v", err)
	}
	// What the plan guesses: no column is known.
	if g := p.Mapping(); g["outfit"] != SkipColumn || g["gig"] != SkipColumn || len(g) != 6 {
		t.Errorf("guess %v", g)
	}
	m := Mapping{"outfit": "company", "gig": "role", "sent": "applied_on", "pipeline": "status", "where": "location", "misc": SkipColumn}
	rows, err := p.Preview(m)
	if err != nil || len(rows) != 3 {
		t.Fatalf("%v %+v", err, rows)
	}
	if o := rows[0].Opportunity; rows[0].Line != 2 || rows[0].Reason != "" || o.Company != "Acme" || o.Role != "Go Engineer" ||
		o.AppliedOn != "2026-10-01" || o.Location != "Lisbon" || o.Status != stage.Scheduled {
		t.Errorf("row 1: %+v", rows[0])
	}
	if rows[1].Line != 3 || rows[1].Reason != "the role is missing" || rows[2].Line != 4 || !strings.Contains(rows[2].Reason, `Applied on: "someday" is not a date`) {
		t.Errorf("rows 2 and 3: %+v", rows[1:])
	}
	// A mapping that leaves out the company or the role, or reads two columns into one
	// field, is refused before any row is read.
	for _, tc := range []struct {
		m    Mapping
		says string
	}{
		{Mapping{"outfit": SkipColumn, "gig": "role"}, "choose the column that holds the company"},
		{Mapping{"outfit": "company", "gig": SkipColumn}, "choose the column that holds the role"},
		{Mapping{"outfit": "company", "gig": "role", "where": "company"}, `two columns are read into the company: "Outfit" and "Where"`},
		{Mapping{"outfit": "company", "gig": "role", "nowhere": "notes"}, `the file has no column "nowhere"`},
	} {
		if _, err := p.Preview(tc.m); err == nil || !strings.Contains(err.Error(), tc.says) {
			t.Errorf("%v: %v, want %q", tc.m, err, tc.says)
		}
	}
}

func TestImportWithAMapping(t *testing.T) {
	m := Mapping{"outfit": "company", "gig": "role", "sent": "applied_on", "pipeline": "status", "where": "notes"}
	s := openStore(t)
	rep, err := Import(s, BytesFile("notion.csv", []byte(notionSheet)), Options{Mapping: m})
	if !errors.Is(err, ErrBadRows) || rep.Format != FormatMapped || rep.Rows != 3 || rep.ErrorCount != 2 {
		t.Fatalf("%v %+v", err, rep)
	}
	if n, _ := s.Count(); n != 0 {
		t.Fatal("a file with bad rows imported some")
	}
	rep, err = Import(s, BytesFile("notion.csv", []byte(notionSheet)), Options{Mapping: m, ValidOnly: true})
	if err != nil || len(rep.Imported) != 1 || strings.Join(rep.Ignored, ",") != "Misc" {
		t.Fatalf("%v %+v", err, rep)
	}
	// The one column chosen for the notes holds the notes as they are; two are told apart
	// by their names.
	got := all(t, s)[0]
	if got.Company != "Acme" || got.Notes != "Lisbon" || got.Status != stage.Scheduled {
		t.Errorf("%+v", got)
	}
	m["misc"] = "notes"
	p, err := Read(BytesFile("notion.csv", []byte(notionSheet)), ParseOptions{Mapping: m})
	if rows, _ := p.Preview(m); err != nil || len(rows) != 1 || rows[0].Opportunity.Notes != "Where: Lisbon\nMisc: x" {
		t.Errorf("two notes columns: %v %+v", err, rows)
	}
	if !strings.HasPrefix(rep.Summary(), "Spreadsheet (your columns): 3 opportunities\n") {
		t.Errorf("summary:\n%s", rep.Summary())
	}
	// A mapping overrides the names the field table knows: here Company is a note.
	_, err = Read(BytesFile("t.csv", []byte("Company,Outfit,Role\nA,B,C\n")), ParseOptions{Mapping: Mapping{"outfit": "company", "company": "notes"}})
	if err != nil {
		t.Errorf("override: %v", err)
	}
	// Naming a column the file does not have is an error of the mapping.
	_, err = Read(BytesFile("t.csv", []byte(notionSheet)), ParseOptions{Mapping: Mapping{"outfits": "company"}})
	var me *MappingError
	if !errors.As(err, &me) || !strings.Contains(err.Error(), `no column "outfits" (its columns: Outfit, Gig, Sent, Where, Pipeline, Misc)`) {
		t.Errorf("unknown column: %v", err)
	}
}

func TestHeaderSignatureIsTheSetOfColumns(t *testing.T) {
	a := HeaderSignature([]string{"Firm", "Position", "When"})
	if b := HeaderSignature([]string{"when", "FIRM", " position "}); a != b {
		t.Errorf("the same columns in another order and case: %s %s", a, b)
	}
	if c := HeaderSignature([]string{"Firm", "Position", "Where"}); a == c {
		t.Error("other columns, the same signature")
	}
	if len(a) != 24 {
		t.Errorf("signature %q", a)
	}
}

// Files that are not text a person wrote are not offered for mapping.
func TestOnlyATextHeaderCanBeMapped(t *testing.T) {
	for _, in := range []string{"\x89PNG\r\n\x1a\n\x00\x00", "Na\x01me,A\x1bge\nx,1\n"} {
		_, err := Read(BytesFile("t.csv", []byte(in)), ParseOptions{})
		var ce *ColumnsError
		if !errors.As(err, &ce) || ce.Mappable {
			t.Errorf("%q: %v", in, err)
		}
	}
}
