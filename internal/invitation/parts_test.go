package invitation

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func TestStage(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Stage
	}{
		{"We would like to invite you to a second interview next week.", StageInvited},
		{"Can we schedule a call on Monday?", StageInvited},
		{"Gerne laden wir Sie zu einem Vorstellungsgespräch ein.", StageInvited},
		{"Nous souhaitons vous inviter à un entretien.", StageInvited},
		{"Nos gustaría invitarle a una entrevista.", StageInvited},
		{"Your interview is confirmed for Thursday at 2 PM.", StageScheduled},
		{"Ihr Termin am Donnerstag ist hiermit bestätigt.", StageScheduled},
		{"We are delighted to offer you the position.", StageOffer},
		{"Please find your offer letter attached.", StageOffer},
		{"After careful consideration we have decided not to move forward with your application.", StageRejected},
		{"Unfortunately we are unable to offer you the role.", StageRejected},
		{"Leider müssen wir Ihnen heute absagen.", StageRejected},
		{"Nous avons le regret de ne pas donner suite à votre candidature.", StageRejected},
		// Unsure: nothing.
		{"Thanks for your note, talk soon.", StageUnknown},
		{"Unfortunately I have to move our call to Friday.", StageUnknown},
		{"We are pleased to offer you the job, but regret to inform you it is filled.", StageUnknown},
	} {
		if got := stageIn(tc.text); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestHTMLText(t *testing.T) {
	for _, tc := range []struct{ html, want string }{
		{"<p>Hello <b>Ana</b>,</p><p>See you&nbsp;soon &amp; take care.</p>", "Hello Ana,\nSee you soon & take care."},
		{"line one<br>line two<br/>line three", "line one\nline two\nline three"},
		{"<ul><li>one</li><li>two</li></ul>", "- one\n- two"},
		{"<table><tr><td>When</td><td>Monday</td></tr><tr><td>Where</td><td>Hamburg</td></tr></table>", "When Monday\nWhere Hamburg"},
		{"<head><title>T</title><style>p{}</style></head><script>alert(1)</script><p>Text</p>", "Text"},
		{`<div style="display: none">hidden preview</div><p>Shown</p>`, "Shown"},
		{"<p>Reply</p><blockquote><p>Old <i>words</i></p><blockquote>older</blockquote></blockquote><p>after</p>", "Reply\n> Old words\n> > older\nafter"},
		{"<p>unclosed <b>bold", "unclosed bold"},
		{"</div></p>stray end tags<p>fine", "stray end tags\nfine"},
		{"", ""},
	} {
		if got := normalize(htmlText(tc.html)); got != tc.want {
			t.Errorf("%q:\n got %q\nwant %q", tc.html, got, tc.want)
		}
	}
}

func TestSplitText(t *testing.T) {
	for _, tc := range []struct {
		name, text, newest string
		kind               blockKind
		from, subject      string
	}{
		{"quote marks", "New words.\n\n> old words\n> more", "New words.", quoteMarks, "", ""},
		{"wrote line", "Yes, Thursday.\n\nOn Tue, Dec 8, 2026 at 9:02 AM Ana Silva <ana@example.com> wrote:\n> earlier", "Yes, Thursday.", wroteLine, "", ""},
		{"wrote line broken in two", "Fine.\n\nOn Tue, Dec 8, 2026 at 9:02 AM Ana Silva <\nana@example.com> wrote:\n> earlier", "Fine.", wroteLine, "", ""},
		{"German wrote line", "Passt.\n\nAm 08.12.2026 um 09:02 schrieb Ana Silva <ana@example.com>:\n> früher", "Passt.", wroteLine, "", ""},
		{"Gmail forward", "FYI\n\n---------- Forwarded message ---------\nFrom: Jo Park <jo@fernwood.test>\nDate: Mon, Nov 30, 2026 at 4:05 PM\nSubject: Interview\nTo: <ana@example.com>\n\n\nHello Ana", "FYI", markerLine, "Jo Park <jo@fernwood.test>", "Interview"},
		{"Apple forward", "Begin forwarded message:\n\nFrom: Jo Park <jo@fernwood.test>\nSubject: Interview\nDate: 30 November 2026 at 16:05:00 CET\nTo: Ana Silva <ana@example.com>\n\nHello Ana", "", markerLine, "Jo Park <jo@fernwood.test>", "Interview"},
		{"Outlook reply", "Thanks!\n\n________________________________\nFrom: Park, Jo <jo@fernwood.test>\nSent: Monday, November 30, 2026 4:05 PM\nTo: Silva, Ana <ana@example.com>\nSubject: Interview\n\nHello Ana", "Thanks!", headerBlock, "Park, Jo <jo@fernwood.test>", "Interview"},
		{"French Outlook", "Merci\n\nDe : Élodie Fournier <e@lumiere.test>\nEnvoyé : lundi 30 novembre 2026 16:05\nÀ : Ana Silva\nObjet : Entretien\n\nBonjour", "Merci", headerBlock, "Élodie Fournier <e@lumiere.test>", "Entretien"},
		{"a From line in a letter is not a header", "From: the desk of Jo\nHello, how are you?\n", "From: the desk of Jo\nHello, how are you?", noBlock, "", ""},
	} {
		s := splitText(normalize(tc.text))
		if s.newest != tc.newest || s.kind != tc.kind {
			t.Errorf("%s: newest %q kind %v, want %q %v", tc.name, s.newest, s.kind, tc.newest, tc.kind)
			continue
		}
		if tc.from != "" && (s.inner == nil || s.inner.fields["from"] != tc.from || s.inner.fields["subject"] != tc.subject) {
			t.Errorf("%s: inner %+v", tc.name, s.inner)
		}
	}
}

func TestSignature(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Hi,\n\nSee you.\n\nBest regards,\nJo Park\nRecruiter | Fernwood Labs", "Jo Park|Recruiter | Fernwood Labs"},
		{"Hi,\n\nSee you.\n\nBest, Jo\n", ""},
		{"Hallo,\n\nbis bald.\n\nMit freundlichen Grüßen\n\nJürgen Müller\nHansewerk GmbH", "Jürgen Müller|Hansewerk GmbH"},
		{"Hi,\n\nSee you.\n--\nJo Park\n+1 555 0100", "Jo Park|+1 555 0100"},
		{"Hi,\n\nSee you.\n\nJo Park\nTalent Partner, Fernwood Labs", "Jo Park|Talent Partner, Fernwood Labs"},
		{"Hi,\n\nThanks for applying to Fernwood, we will be in touch soon about next steps.", ""},
	} {
		if got := strings.Join(signature(tc.text), "|"); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestAddresses(t *testing.T) {
	for _, tc := range []struct{ in, name, email string }{
		{"Jo Park <jo@fernwood.test>", "Jo Park", "jo@fernwood.test"},
		{"Park, Jo <jo@fernwood.test>", "Jo Park", "jo@fernwood.test"},
		{"Ortega Ruiz, Carmen <c@solymar.test>", "Carmen Ortega Ruiz", "c@solymar.test"},
		{"Jo Park [mailto:jo@fernwood.test]", "Jo Park", "jo@fernwood.test"},
		{`"jo@fernwood.test" <jo@fernwood.test>`, "", "jo@fernwood.test"},
		{"jo@fernwood.test", "", "jo@fernwood.test"},
		{"Jo Park <jo@fernwood.test", "Jo Park", "jo@fernwood.test"},
		{"=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <j@hw.test>", "Jürgen Müller", "j@hw.test"},
		{"Jo Park", "Jo Park", ""},
	} {
		a, ok := looseAddress(tc.in)
		if !ok || a.name != tc.name || a.email != tc.email {
			t.Errorf("%q: %+v %v, want %q <%s>", tc.in, a, ok, tc.name, tc.email)
		}
	}
	for _, tc := range []struct {
		email          string
		service, reply bool
		stem           string
	}{
		{"jo@fernwood-labs.test", false, true, "fernwood-labs"},
		{"jo@careers.acme.co.uk", false, true, "acme"},
		{"no-reply@us.greenhouse-mail.io", true, false, "greenhouse-mail"},
		{"notifications@harborandpine.myworkday.com", true, false, "myworkday"},
		{"DoNotReply@hire.lever.co", true, false, "lever"},
		{"ana.silva@gmail.com", true, true, "gmail"},
		{"jobs@mail.example.com.au", false, true, "example"},
	} {
		d := domainOf(tc.email)
		if isServiceDomain(d) != tc.service || isNoReply(tc.email) == tc.reply || stemOf(d) != tc.stem {
			t.Errorf("%s: service %v, no-reply %v, stem %q", tc.email, isServiceDomain(d), isNoReply(tc.email), stemOf(d))
		}
	}
}

func TestSenderNames(t *testing.T) {
	for _, tc := range []struct{ display, person, team string }{
		{"Jo Park", "Jo Park", ""},
		{"Jo Park via Greenhouse", "Jo Park", "Jo Park"},
		{"Lumen Freight via Greenhouse", "Lumen Freight", "Lumen Freight"},
		{"Fernwood Labs Recruiting", "", "Fernwood Labs"},
		{"Careers at Fernwood Labs", "", "Fernwood Labs"},
		{"The Harbor & Pine Talent Team", "", "Harbor & Pine"},
		{"Hiring Team", "", ""},
		{"Jo", "Jo", ""},
		{"noreply", "", ""},
	} {
		if p, tm := personOf(tc.display), teamName(tc.display); p != tc.person || tm != tc.team {
			t.Errorf("%q: person %q team %q, want %q %q", tc.display, p, tm, tc.person, tc.team)
		}
	}
}

func TestRoles(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Softwareentwickler (m/w/d)", "Softwareentwickler"},
		{"Développeur Go (H/F)", "Développeur Go"},
		{"the Store Operations Lead (R-20418)", "Store Operations Lead"},
		{"Data Engineer [Job ID 4471]", "Data Engineer"},
		{"“Backend Engineer”.", "Backend Engineer"},
		{"interview", ""},
		{"a b c d e f g h i j", ""},
	} {
		if got := cleanRole(tc.in); got != tc.want {
			t.Errorf("cleanRole(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ subject, role, company string }{
		{"Interview invitation: Backend Engineer at Fernwood Labs", "Backend Engineer", "Fernwood Labs"},
		{"Fernwood Labs | Backend Engineer", "Backend Engineer", "Fernwood Labs"},
		{"Einladung zum Vorstellungsgespräch – Softwareentwickler (m/w/d) bei der Hansewerk GmbH", "Softwareentwickler", "Hansewerk GmbH"},
		{"Your application for the Data Analyst role", "Data Analyst", ""},
		{"Entrevista para el puesto de Analista de Datos", "Analista de Datos", ""},
	} {
		roles, companies := readSubject(tc.subject, FromSubject)
		if g := pick(roles, nil); g.Value != tc.role {
			t.Errorf("%q: role %q, want %q", tc.subject, g.Value, tc.role)
		}
		if g := pick(companies, nil); g.Value != tc.company {
			t.Errorf("%q: company %q, want %q", tc.subject, g.Value, tc.company)
		}
	}
}

func TestCompanyAgreeingWithTheDomainWins(t *testing.T) {
	cands := []candidate{{"Monday Club", FromSubject, 5}, {"Fernwood Labs", FromSignature, 4}}
	if g := pick(cands, func(n string) bool { return sameCompany(n, "fernwoodlabs") }); g.Value != "Fernwood Labs" {
		t.Errorf("picked %+v", g)
	}
	if g := pick(cands, nil); g.Value != "Monday Club" {
		t.Errorf("without a domain, picked %+v", g)
	}
	for _, tc := range []struct {
		name, stem string
		same       bool
	}{
		{"Müller Maschinen", "muellermaschinen", true},
		{"Müller Maschinen", "mullermaschinen", true},
		{"Lumière Logiciels", "lumierelogiciels", true},
		{"Fernwood", "fernwoodlabs", true},
		{"Fern", "fernwoodlabs", true},
		{"Acme", "fernwoodlabs", false},
		{"AB", "ab", false},
	} {
		if sameCompany(tc.name, tc.stem) != tc.same {
			t.Errorf("sameCompany(%q, %q) != %v", tc.name, tc.stem, tc.same)
		}
	}
}

func TestWordListsAreChecked(t *testing.T) {
	good, err := wordFiles.ReadFile("words/calendar.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{}
	for _, name := range []string{"calendar.txt", "senders.txt", "phrases.txt", "fields.txt"} {
		b, err := wordFiles.ReadFile("words/" + name)
		if err != nil {
			t.Fatal(err)
		}
		files["words/"+name] = &fstest.MapFile{Data: b}
	}
	if _, err := load(files); err != nil {
		t.Fatalf("the shipped lists do not load: %v", err)
	}
	for name, broken := range map[string]string{
		"a month 13":         strings.Replace(string(good), "12 december", "13 december", 1),
		"a zone that is not": strings.Replace(string(good), "CET +01:00", "CET Nowhere/Atlantis", 1),
		"a section twice":    string(good) + "\n[months]\n1 jan\n",
		"a line before any":  "stray\n" + string(good),
	} {
		f := fstest.MapFS{}
		for k, v := range files {
			f[k] = v
		}
		f["words/calendar.txt"] = &fstest.MapFile{Data: []byte(broken)}
		if _, err := load(f); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestThreadOfAMail(t *testing.T) {
	var refs []string
	for i := 1; i <= 60; i++ {
		refs = append(refs, fmt.Sprintf("<m%02d.%c@corvid.test>", i, 'a'+i%26))
	}
	mail := "From: jo@corvid.test\nSubject: Re: Interview\nMessage-ID: m61@corvid.test\n" +
		"References: " + strings.Join(refs[:30], " ") + " <bad id@corvid.test> <ünï@corvid.test> (a comment)\n " + strings.Join(refs[30:], "\n ") +
		"\n\nSee you.\n"
	res, err := Read(strings.NewReader(mail), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	th := res.Thread
	// A Message-ID written without its angle brackets is still read.
	if th.MessageID != "m61@corvid.test" || th.Subject != "Re: Interview" {
		t.Errorf("thread %+v", th)
	}
	// Of 60 references (two of them not identifiers a reply can carry), the first and the
	// latest 39 are kept, in order.
	if len(th.References) != maxRefs || th.References[0] != strings.Trim(refs[0], "<>") ||
		th.References[maxRefs-1] != strings.Trim(refs[59], "<>") || th.References[1] != strings.Trim(refs[21], "<>") {
		t.Errorf("%d references: %q", len(th.References), th.References)
	}
	// Without References, In-Reply-To is the thread.
	res, err = Read(strings.NewReader("From: jo@corvid.test\nIn-Reply-To: <parent@corvid.test>\nMessage-ID: <child@corvid.test>\n\nHi\n"), Options{Now: now})
	if err != nil || strings.Join(res.Thread.References, " ") != "parent@corvid.test" {
		t.Errorf("%v %+v", err, res.Thread)
	}
	// A Message-ID that cannot be answered is left out, with a note.
	res, err = Read(strings.NewReader("From: jo@corvid.test\nMessage-ID: <not an id>\n\nHi\n"), Options{Now: now})
	if err != nil || res.Thread.MessageID != "" || !notesSay(res.Notes, []string{"Message-ID"}) {
		t.Errorf("%v %+v %q", err, res.Thread, res.Notes)
	}
}

func TestHeaderLinesStopWhereTheBodyStarts(t *testing.T) {
	lines := []string{"From: Jo Park <jo@fernwood.test>", "To: Ana Silva <ana@example.com>,", " Tom Berg <tom@example.com>"}
	for i := 0; i < 10000; i++ {
		lines = append(lines, "a line of the body that has no label")
	}
	m := headerLines(lines)
	if m == nil || !strings.HasPrefix(m.fields["to"], "Ana Silva <ana@example.com>, Tom Berg <tom@example.com>") ||
		strings.Count(m.fields["to"], "a line of the body") > 3 || strings.Count(m.body, "\n") < 9990 {
		t.Errorf("to %q, body of %d lines", m.fields["to"], strings.Count(m.body, "\n"))
	}
}
