package invitation

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// now is when the tests read their mails: a fixed day, never the clock.
var now = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// mailCase is one test mail and what must be read from it.
type mailCase struct {
	file   string
	pasted bool

	name, email string
	emailFrom   Source
	company     string
	companyFrom Source
	role        string
	location    string
	day         string // YYYY-MM-DD, "" for none
	start       string // RFC 3339, "" when no time is given
	hasZone     bool
	dayFrom     Source
	stage       Stage

	messageID string
	refs      []string // first and last, or all when one
	nrefs     int
	subject   string // Thread.Subject
	reply     string // the reply's subject

	notes   []string // words each note must have, in order
	hasText string   // a phrase of the decoded text
}

var mailCases = []mailCase{
	{file: "plain.eml", name: "Jo Park", email: "jo.park@fernwood-labs.test", emailFrom: FromSender,
		company: "Fernwood Labs", companyFrom: FromSubject, role: "Backend Engineer",
		day: "2026-12-10", start: "2026-12-10T14:00:00+01:00", dayFrom: FromText, stage: StageInvited,
		messageID: "20261203091422.7c1e@mail.fernwood-labs.test",
		subject:   "Interview invitation: Backend Engineer at Fernwood Labs", reply: "Re: Interview invitation: Backend Engineer at Fernwood Labs",
		hasText: "invite you to an interview for the Backend\nEngineer position"},
	{file: "alternative.eml", name: "Lena Hoffmann", email: "lena.hoffmann@brightwater-analytics.test", emailFrom: FromReplyTo,
		company: "Brightwater Analytics", companyFrom: FromSubject, role: "Data Analyst",
		day: "2026-12-15", start: "2026-12-15T10:30:00+01:00", hasZone: true, dayFrom: FromText, stage: StageInvited,
		messageID: "CAJx8k2=Qm7v1pT@mail.brightwater-analytics.test",
		subject:   "Brightwater Analytics | Data Analyst - next steps", reply: "Re: Brightwater Analytics | Data Analyst - next steps",
		hasText: "a first conversation — a video call"},
	{file: "calendar.eml", name: "Noor Haddad", email: "noor.haddad@kestrel-robotics.test", emailFrom: FromSender,
		company: "Kestrel Robotics", companyFrom: FromSignature, role: "Site Reliability Engineer", location: "Hamburg",
		day: "2026-12-14", start: "2026-12-14T10:00:00+01:00", hasZone: true, dayFrom: FromCalendar, stage: StageInvited,
		messageID: "000000000000a1b2c3d4e5f6@kestrel-robotics.test",
		subject:   "Invitation: Interview - Site Reliability Engineer @ Mon 14 Dec 2026 10:00 - 11:00 (CET)",
		reply:     "Re: Invitation: Interview - Site Reliability Engineer @ Mon 14 Dec 2026 10:00 - 11:00 (CET)"},
	{file: "outlook-calendar.eml", name: "Katrin Voß", email: "k.voss@auenland-energie.test", emailFrom: FromSender,
		company: "Auenland Energie AG", companyFrom: FromSignature, role: "Projektingenieurin Netzausbau",
		day: "2026-12-16", start: "2026-12-16T14:30:00+01:00", hasZone: true, dayFrom: FromCalendar, stage: StageInvited,
		messageID: "AM9PR03MB7412C0FFEE1234567890ABCDEF123@AM9PR03MB7412.eurprd03.prod.outlook.example.com",
		refs:      []string{"AM9PR03MB7412C0FFEE0987654321FEDCBA987@AM9PR03MB7412.eurprd03.prod.outlook.example.com"}, nrefs: 1,
		subject: "Aktualisiert: Vorstellungsgespräch – Projektingenieurin Netzausbau",
		reply:   "Re: Aktualisiert: Vorstellungsgespräch – Projektingenieurin Netzausbau",
		hasText: "verschieben wir das Gespräch vom Dienstag, 15.12., auf\nMittwoch"},
	{file: "calendar-allday.eml", name: "Olu Adeyemi", email: "olu@greenleaf-coop.test", emailFrom: FromSender,
		company: "Greenleaf Cooperative", companyFrom: FromSubject, role: "Community Manager", location: "Leeds",
		day: "2026-12-18", dayFrom: FromCalendar, stage: StageInvited,
		messageID: "assessment-day@greenleaf-coop.test", subject: "Assessment day at Greenleaf Cooperative",
		reply: "Re: Assessment day at Greenleaf Cooperative"},
	{file: "calendar-malformed.eml", name: "Rosa Lind", email: "rosa.lind@polaris-maps.test", emailFrom: FromSender,
		company: "Polaris Maps", companyFrom: FromSignature, role: "GIS Analyst",
		day: "2026-12-16", start: "2026-12-16T11:30:00+01:00", dayFrom: FromText, stage: StageInvited,
		messageID: "broken-ics@polaris-maps.test", subject: "Interview for the GIS Analyst role", reply: "Re: Interview for the GIS Analyst role",
		notes: []string{"calendar invitation", "could not be read", "looked for in the text"}},
	{file: "ats-greenhouse.eml", name: "Priya Raman", email: "priya.raman@lumenfreight.test", emailFrom: FromReplyTo,
		company: "Lumen Freight", companyFrom: FromSubject, role: "Operations Analyst",
		day: "2027-01-12", start: "2027-01-12T11:00:00-05:00", hasZone: true, dayFrom: FromText, stage: StageInvited,
		messageID: "greenhouse.2af6e1d0b7@us.greenhouse-mail.io",
		subject:   "Your application to Lumen Freight: let's talk", reply: "Re: Your application to Lumen Freight: let's talk",
		hasText: "Hi Ana,\nThank you for applying for the Operations Analyst role."},
	{file: "ats-lever.eml", name: "Sam Ortiz", email: "sam@quillworks.test", emailFrom: FromReplyTo,
		company: "Quillworks", companyFrom: FromText, role: "Technical Writer",
		day: "2026-12-02", start: "2026-12-02T16:30:00Z", hasZone: true, dayFrom: FromText, stage: StageInvited,
		messageID: "lever-8d2f91c4-3b7e-4c1a@hire.lever.co",
		subject:   "Quick chat about the Technical Writer opening?", reply: "Re: Quick chat about the Technical Writer opening?"},
	{file: "ats-noreply.eml", company: "Harbor & Pine", companyFrom: FromSenderName, role: "Store Operations Lead", stage: StageInvited,
		messageID: "workday.R-20418.77801@harborandpine.myworkday.com",
		subject:   "Interview invitation - Store Operations Lead (R-20418)", reply: "Re: Interview invitation - Store Operations Lead (R-20418)",
		notes: []string{"takes no replies", "notifications@harborandpine.myworkday.com"}},
	{file: "thread-reply.eml", name: "Tomasz Wojcik", email: "tomasz@corvidlabs.test", emailFrom: FromSender,
		company: "Corvid Labs", companyFrom: FromText, role: "Platform Engineer",
		day: "2026-12-17", start: "2026-12-17T15:00:00+01:00", dayFrom: FromText,
		messageID: "thread-13.55440@mail.corvidlabs.test",
		refs:      []string{"thread-01.07919@mail.corvidlabs.test", "thread-12.95028@mail.corvidlabs.test"}, nrefs: 12,
		subject: "RE: AW: Re: Re[2]: Interview scheduling - Platform Engineer", reply: "Re: Interview scheduling - Platform Engineer"},
	{file: "german-qp-latin1.eml", name: "Jürgen Müller", email: "j.mueller@hansewerk-maschinen.test", emailFrom: FromSender,
		company: "Hansewerk Maschinen GmbH", companyFrom: FromSignature, role: "Softwareentwickler", location: "Hamburg",
		day: "2026-12-14", start: "2026-12-14T10:00:00+01:00", dayFrom: FromText, stage: StageInvited,
		messageID: "5f1e2c3a-hw-0412@hansewerk-maschinen.test",
		subject:   "Einladung zum Vorstellungsgespräch – Softwareentwickler (m/w/d)", reply: "Re: Einladung zum Vorstellungsgespräch – Softwareentwickler (m/w/d)",
		hasText: "Vorstellungsgespräch am 14.12.2026 um 10:00 Uhr ein.\n\nOrt: Hafenstraße 12"},
	{file: "french-b-latin1.eml", name: "Élodie Fournier", email: "e.fournier@lumiere-logiciels.test", emailFrom: FromSender,
		company: "Lumière Logiciels", companyFrom: FromSubject, role: "Développeuse Go", location: "Lyon",
		day: "2026-12-10", start: "2026-12-10T14:30:00+01:00", dayFrom: FromText, stage: StageInvited,
		messageID: "entretien-2026-1201-ef@lumiere-logiciels.test",
		subject:   "Invitation à un entretien – Développeuse Go chez Lumière Logiciels", reply: "Re: Invitation à un entretien – Développeuse Go chez Lumière Logiciels",
		hasText: "Chargée de recrutement - Lumière Logiciels SAS"},
	{file: "spanish-qp-1252.eml", name: "Carmen Ortega Ruiz", email: "carmen.ortega@solymarviajes.test", emailFrom: FromSender,
		company: "Sol y Mar Viajes S.L.", companyFrom: FromSignature, role: "Analista de Datos",
		day: "2026-12-10", start: "2026-12-10T10:00:00+01:00", dayFrom: FromText, stage: StageInvited,
		messageID: "es-entrevista-77@solymarviajes.test", subject: "Entrevista – Analista de Datos", reply: "Re: Entrevista – Analista de Datos",
		hasText: "(hora de Madrid) – le enviaremos el enlace de “Google Meet”"},
	{file: "forwarded-inline.eml", name: "Mira Okafor", email: "mira.okafor@northwind-studio.test", emailFrom: FromForwarded,
		company: "Northwind Studio", companyFrom: FromSignature, role: "Product Designer",
		day: "2026-12-11", start: "2026-12-11T09:30:00Z", dayFrom: FromText, stage: StageInvited,
		subject: "Interview invitation - Product Designer", reply: "Re: Interview invitation - Product Designer",
		notes: []string{"forwarded as text", "new conversation"}, hasText: "Ana, this landed in my inbox"},
	{file: "forwarded-outlook.eml", name: "Jonas Weber", email: "jonas.weber@kranich-logistik.test", emailFrom: FromForwarded,
		company: "Kranich Logistik GmbH", companyFrom: FromSignature, role: "Teamleiterin Disposition",
		day: "2026-12-17", start: "2026-12-17T09:00:00+01:00", dayFrom: FromText, stage: StageInvited,
		subject: "Einladung zum Gespräch", reply: "Re: Einladung zum Gespräch", notes: []string{"forwarded as text"}},
	{file: "outlook-reply.eml", name: "Jonas Weber", email: "jonas.weber@kranich-logistik.test", emailFrom: FromSender,
		company: "Kranich Logistik GmbH", companyFrom: FromSignature, role: "Teamleiterin Disposition",
		day: "2026-12-18", start: "2026-12-18T11:00:00+01:00", dayFrom: FromText,
		messageID: "DB9PR01MB5555AW00000000000000000000002@DB9PR01MB5555.eurprd01.prod.outlook.example.com",
		refs:      []string{"ana-1207@example.com"}, nrefs: 1,
		subject: "AW: Bewerbung Teamleiterin Disposition", reply: "Re: Bewerbung Teamleiterin Disposition"},
	{file: "forwarded-attached.eml", name: "Grace Lindqvist", email: "grace.lindqvist@tidewaterbank.test", emailFrom: FromForwarded,
		company: "Tidewater Bank", companyFrom: FromSubject, role: "Risk Analyst",
		day: "2026-12-09", start: "2026-12-09T13:00:00Z", hasZone: true, dayFrom: FromText, stage: StageInvited,
		messageID: "orig-tidewater-42@tidewaterbank.test", refs: []string{"earlier-tidewater-41@tidewaterbank.test"}, nrefs: 1,
		subject: "Your interview with Tidewater Bank", reply: "Re: Your interview with Tidewater Bank",
		hasText: "Forwarding the message below, as the bank asked.\n\n---------- Forwarded message ----------\nFrom: Grace Lindqvist <grace.lindqvist@tidewaterbank.test>"},
	{file: "html-only.eml", name: "Ines Carvalho", email: "ines@kestrel-robotics.test", emailFrom: FromSender,
		company: "Kestrel Robotics", companyFrom: FromSignature, role: "Firmware Engineer",
		day: "2026-12-16", start: "2026-12-16T13:00:00Z", hasZone: true, dayFrom: FromText, stage: StageInvited,
		messageID: "html-only-3@kestrel-robotics.test", subject: "Final round", reply: "Re: Final round",
		hasText: "- Whiteboard session\n- Meet the team"},
	{file: "offer.eml", name: "Jo Park", email: "jo.park@fernwood-labs.test", emailFrom: FromSender,
		company: "Fernwood Labs", companyFrom: FromSubject, role: "Backend Engineer", stage: StageOffer,
		messageID: "offer-2026-12-21@mail.fernwood-labs.test", refs: []string{"20261203091422.7c1e@mail.fernwood-labs.test"}, nrefs: 1,
		subject: "Your offer from Fernwood Labs", reply: "Re: Your offer from Fernwood Labs"},
	{file: "rejection.eml", email: "careers@brightwater-analytics.test", emailFrom: FromSender,
		company: "Brightwater Analytics", companyFrom: FromSenderName, role: "Data Analyst", stage: StageRejected,
		messageID: "rej-99@mail.brightwater-analytics.test", subject: "Your application for Data Analyst", reply: "Re: Your application for Data Analyst"},
	{file: "pasted-no-headers.txt", pasted: true, name: "Leah Brandt", email: "leah.brandt@orchardhealth.test", emailFrom: FromSignature,
		company: "Orchard Health", companyFrom: FromSignature, role: "Data Engineer",
		day: "2026-12-15", start: "2026-12-15T11:00:00Z", dayFrom: FromText, stage: StageInvited},
	{file: "pasted-outlook-view.txt", pasted: true, name: "Daniel Kim", email: "daniel.kim@sparrowhawk-games.test", emailFrom: FromSender,
		company: "Sparrowhawk Games", companyFrom: FromText, role: "Gameplay Programmer",
		day: "2026-12-07", start: "2026-12-07T10:00:00-08:00", hasZone: true, dayFrom: FromText, stage: StageInvited,
		subject: "Gameplay Programmer - interview", reply: "Re: Gameplay Programmer - interview"},
}

func readFile(t testing.TB, name string, pasted bool, crlf bool) Result {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if crlf {
		b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	}
	res, err := Read(bytes.NewReader(b), Options{Now: now, Pasted: pasted})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res
}

func TestReadsEveryShapeOfMail(t *testing.T) {
	for _, tc := range mailCases {
		t.Run(tc.file, func(t *testing.T) {
			res := readFile(t, tc.file, tc.pasted, false)
			check := func(what, got, want string) {
				t.Helper()
				if got != want {
					t.Errorf("%s: got %q, want %q", what, got, want)
				}
			}
			check("contact name", res.ContactName.Value, tc.name)
			check("contact email", res.ContactEmail.Value, tc.email)
			if tc.email != "" {
				check("contact email read from", string(res.ContactEmail.From), string(tc.emailFrom))
			}
			check("company", res.Company.Value, tc.company)
			check("company read from", string(res.Company.From), string(tc.companyFrom))
			check("role", res.Role.Value, tc.role)
			check("location", res.Location.Value, tc.location)
			check("interview day", string(res.Interview.Day), tc.day)
			start := ""
			if res.Interview.HasTime {
				start = res.Interview.Start.Format(time.RFC3339)
			}
			check("interview start", start, tc.start)
			if res.Interview.HasZone != tc.hasZone {
				t.Errorf("zone known: %v, want %v", res.Interview.HasZone, tc.hasZone)
			}
			if tc.day != "" {
				check("interview read from", string(res.Interview.From), string(tc.dayFrom))
			}
			check("stage", string(res.Stage), string(tc.stage))
			check("Message-ID", res.Thread.MessageID, tc.messageID)
			check("subject", res.Thread.Subject, tc.subject)
			if len(res.Thread.References) != tc.nrefs {
				t.Errorf("%d references, want %d: %q", len(res.Thread.References), tc.nrefs, res.Thread.References)
			} else if tc.nrefs > 0 {
				check("first reference", res.Thread.References[0], tc.refs[0])
				check("last reference", res.Thread.References[tc.nrefs-1], tc.refs[len(tc.refs)-1])
			}
			if !notesSay(res.Notes, tc.notes) {
				t.Errorf("notes %q, want ones saying %q", res.Notes, tc.notes)
			}
			if tc.notes == nil && len(res.Notes) > 0 {
				t.Errorf("unexpected notes: %q", res.Notes)
			}
			if tc.hasText != "" && !strings.Contains(res.Text, tc.hasText) {
				t.Errorf("the text does not have %q:\n%s", tc.hasText, res.Text)
			}
			if strings.ContainsAny(res.Text, "\r\x00") || strings.Contains(res.Text, "=?") || strings.Contains(res.Text, "=E2") {
				t.Errorf("the text is not decoded:\n%s", res.Text)
			}
			// The same mail with CRLF line ends, as mail apps save it, reads the same.
			crlf := readFile(t, tc.file, tc.pasted, true)
			if !reflect.DeepEqual(crlf, res) {
				t.Errorf("with CRLF line ends the mail reads differently:\n%+v\n%+v", crlf, res)
			}
		})
	}
}

// notesSay reports whether some note has all the words, in order.
func notesSay(notes, words []string) bool {
	if len(words) == 0 {
		return true
	}
	for _, n := range notes {
		rest, ok := n, true
		for _, w := range words {
			i := strings.Index(rest, w)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(w):]
		}
		if ok {
			return true
		}
	}
	return false
}
