package ui

import (
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/eml"
	"github.com/declinedesk/declinedesk/internal/eml/emltest"
	"github.com/declinedesk/declinedesk/internal/frommail/frommailtest"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// drop drops the files at paths on the window, as a file manager would, and waits for
// what it started.
func (h *harness) drop(paths ...string) {
	h.t.Helper()
	var uris []fyne.URI
	for _, p := range paths {
		uris = append(uris, storage.NewFileURI(p))
	}
	h.app.onDropped(fyne.NewPos(400, 300), uris)
	h.settle()
}

// mailFile writes content to a file called name in a folder of its own.
func mailFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// An .eml file dropped on the window is read, and what was read is shown field by field
// with where it came from; nothing is saved until the user confirms, with their changes.
func TestADroppedMailIsShownAndSavedOnlyOnceConfirmed(t *testing.T) {
	h := newHarness(t)
	inv := frommailtest.Invitation(testNow)
	h.drop(mailFile(t, "invitation.eml", inv.EML))
	c := h.app.intake
	if c == nil {
		t.Fatalf("no confirm step; texts %q", h.texts())
	}
	for _, want := range []string{"Read from invitation.eml", "from the subject", "from the sender", "from the text · " + inv.Interview.Format(day.Short) + ", at 10:30",
		"from the mail's date", "not in the mail", "The letter will answer in the mail's thread."} {
		if !h.shows(want) {
			t.Errorf("the confirm step does not show %q", want)
		}
	}
	if c.entries["company"].Text != frommailtest.Company || c.entries["role"].Text != frommailtest.Role ||
		c.entries["interview_on"].Text != string(inv.Interview) || c.entries["contact_email"].Text != frommailtest.ContactEmail ||
		c.status.Selected != stage.Invited.Label() {
		t.Errorf("entries: company %q role %q interview %q status %q", c.entries["company"].Text, c.entries["role"].Text,
			c.entries["interview_on"].Text, c.status.Selected)
	}
	if h.count() != 0 {
		t.Fatal("something was saved before the user confirmed")
	}
	// The user puts right what the mail got wrong, then adds it.
	h.typeInto(c.entries["location"], "Rotterdam")
	c.entries["role"].SetText("Senior Backend Engineer")
	h.tap("Add to the tracker")
	if h.count() != 1 || h.app.intake != nil {
		t.Fatalf("after Add: %d records, confirm step %v", h.count(), h.app.intake)
	}
	o := h.app.current
	if o == nil || o.Role != "Senior Backend Engineer" || o.Location != "Rotterdam" || o.InterviewOn != inv.Interview || o.Status != stage.Invited ||
		o.Mail == nil || o.Mail.MessageID != inv.MessageID || o.History[0].Kind != tracker.EventFromMail {
		t.Fatalf("the opportunity shown: %+v", o)
	}
	// The details say where it came from, and show the mail.
	h.app.showTab(tabDetails)
	if !h.shows(inv.Subject+" · "+inv.Sent.Format(day.Short)) || !h.shows("Added from an email: “"+inv.Subject+"”") {
		t.Errorf("details: %q", h.texts())
	}
	h.tap("Read…")
	if !h.shows("The mail from Harborline") || !h.shows("Your letter answers this mail in its thread.") {
		t.Errorf("the mail: %q", h.texts())
	}
}

// Cancel keeps nothing, and the same is true of Escape.
func TestCancellingTheConfirmStepSavesNothing(t *testing.T) {
	h := newHarness(t)
	path := mailFile(t, "invitation.eml", frommailtest.Invitation(testNow).EML)
	h.drop(path)
	h.tap("Cancel")
	h.drop(path)
	h.app.onEscape(nil)
	h.settle()
	if h.count() != 0 || h.app.intake != nil || len(h.app.dialogs) != 0 {
		t.Errorf("%d records, confirm step %v, %d dialogs", h.count(), h.app.intake, len(h.app.dialogs))
	}
}

// File → New from Email… takes a mail's text pasted in; what the text does not say, the
// user fills in before Add is possible.
func TestPastedTextIsReadAndWhatItLacksIsAskedFor(t *testing.T) {
	h := newHarness(t)
	s := h.app.newFromEmail()
	if !h.button("Read the text").Disabled() {
		t.Error("Read is on with nothing pasted")
	}
	s.paste.SetText(frommailtest.Pasted(testNow))
	h.tap("Read the text")
	c := h.app.intake
	if c == nil || c.entries["company"].Text != "Quayside Analytics" || c.entries["role"].Text != "Data Analyst" {
		t.Fatalf("confirm step %+v; texts %q", c, h.texts())
	}
	if !h.shows("the day it was read") || !h.shows("new mail with its own subject") {
		t.Errorf("texts %q", h.texts())
	}
	h.tap("Add to the tracker")
	if o := h.app.current; o == nil || o.Mail == nil || o.Mail.MessageID != "" || !strings.Contains(o.Mail.Text, "Owen Marsh") {
		t.Fatalf("saved %+v", o)
	}

	// Text that names no role: Add waits for it.
	s = h.app.newFromEmail()
	s.paste.SetText("From: pal@quayside.test\nSubject: thursday\n\n" + frommailtest.Chatter)
	h.tap("Read the text")
	c = h.app.intake
	if c == nil {
		t.Fatalf("no confirm step: %q", h.texts())
	}
	if !h.button("Add to the tracker").Disabled() || h.app.win.Canvas().Focused() != fyne.Focusable(c.entries["role"]) {
		t.Error("Add is on, or the focus is not on the role the mail left out")
	}
	h.typeInto(c.entries["role"], "Data Engineer")
	h.tap("Add to the tracker")
	if h.count() != 2 {
		t.Errorf("%d records", h.count())
	}
}

// A mail about an opportunity already tracked updates it: the status moves on, the
// interview day and the mail are the mail's, and nothing is added.
func TestAMailAboutATrackedOpportunityUpdatesIt(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Harborline B.V.", Role: "Backend Engineer", Status: stage.Applied, Location: "Remote"})
	inv := frommailtest.Invitation(testNow)
	h.drop(mailFile(t, "invitation.eml", inv.EML))
	if !h.shows("which you track (#1)") || !h.shows("from the subject (was Applied)") || !h.shows("as tracked") {
		t.Fatalf("texts %q", h.texts())
	}
	h.tap("Update #1")
	o, _ := h.store.Get(1)
	if h.count() != 1 || o.Status != stage.Invited || o.InterviewOn != inv.Interview || o.Location != "Remote" || o.Mail == nil ||
		o.History[len(o.History)-1].Kind != tracker.EventStatus || o.History[len(o.History)-2].Kind != tracker.EventMailUpdate {
		t.Errorf("after the update: %+v", o)
	}
}

// What is not a usable mail says why, and nothing is saved; a calendar part that cannot be
// read and a 50 MB attachment are left aside and the mail is read.
func TestDroppingWhatIsNoUsableMail(t *testing.T) {
	h := newHarness(t)
	for _, tc := range []struct{ name, content, want string }{
		{"table.csv", "Company,Role\nHarborline,Backend Engineer\n", "this is not an email"},
		{"nosender.eml", frommailtest.NoSender(testNow), "no sender address"},
		{"empty.eml", "", "nothing to read"},
	} {
		h.drop(mailFile(t, tc.name, tc.content))
		if !h.shows("Nothing was read from "+tc.name) || !h.shows(tc.want) || h.app.intake != nil {
			t.Errorf("%s: %q", tc.name, h.texts())
		}
		h.app.onEscape(nil)
	}
	if h.count() != 0 {
		t.Fatalf("%d records", h.count())
	}
	broken := frommailtest.BrokenCalendar(testNow)
	h.drop(mailFile(t, "calendar.eml", broken.EML))
	if c := h.app.intake; c == nil || c.entries["interview_on"].Text != string(broken.Interview) || !h.shows("The calendar invitation in the mail could not be read") {
		t.Errorf("a broken calendar: %q", h.texts())
	}
	h.tap("Cancel")

	big := filepath.Join(t.TempDir(), "with-portfolio.eml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(f, frommailtest.WithAttachment(testNow, 50<<20)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	h.drop(big, mailFile(t, "second.eml", "ignored"))
	if c := h.app.intake; c == nil || c.entries["company"].Text != frommailtest.Company || !strings.Contains(h.app.status.Text, "One mail at a time") {
		t.Fatalf("50 MB attached: %q", h.texts())
	}
	h.tap("Add to the tracker")
	if o := h.app.current; o == nil || len(o.Mail.Text) > 4<<10 {
		t.Errorf("saved %+v", o)
	}
}

// The letter for an opportunity that came from a mail answers it, from the window: the
// preview shows "Re:" and the subject, the .eml draft threads (as Python's email package
// reads it), the mail link carries In-Reply-To, and a letter too long for a link is
// offered as a draft or a copy instead.
func TestTheWindowAnswersTheMailInItsThread(t *testing.T) {
	h := newHarness(t)
	conf := frommailtest.Confirmation(testNow)
	h.drop(mailFile(t, "confirmation.eml", conf.EML))
	h.tap("Add to the tracker")
	h.app.showTab(tabLetter)
	h.settle()
	p := h.app.letter
	if p.previewSubject.Text != "Subject: Re: Interview invitation: Backend Engineer at Harborline" || p.previewTo.Text != "To: Priya Nand <priya.nand@harborline.test>" {
		t.Fatalf("preview %q / %q", p.previewSubject.Text, p.previewTo.Text)
	}
	path := h.saveAs(p.onExport, t.TempDir(), "reply.eml")
	got := emltest.Read(t, path)[0]
	wantRefs := "<" + strings.Join(append(conf.References, conf.MessageID), "> <") + ">"
	if len(got.Defects) > 0 || strings.Join(got.InReplyToIDs, " ") != "<"+conf.MessageID+">" || strings.Join(got.ReferencesIDs, " ") != wantRefs ||
		emltest.Value(got.Subject) != "Re: Interview invitation: Backend Engineer at Harborline" ||
		strings.Join(got.ToAddress, "") != frommailtest.ContactEmail || !strings.Contains(got.Body, "Ana Silva") {
		t.Errorf("the draft as Python reads it: %+v", got)
	}
	// The user's own subject is kept, still in the thread.
	h.typeInto(p.subject, "Our interview on Friday")
	h.settle()
	path = h.saveAs(p.onExport, t.TempDir(), "own.eml")
	if got := emltest.Read(t, path)[0]; emltest.Value(got.Subject) != "Our interview on Friday" || strings.Join(got.InReplyToIDs, "") != "<"+conf.MessageID+">" {
		t.Errorf("own subject: %+v", got)
	}

	var opened []*url.URL
	h.app.openURL = func(u *url.URL) error { opened = append(opened, u); return nil }
	test.Tap(p.mailBtn)
	h.settle()
	if len(opened) != 1 || !strings.Contains(opened[0].String(), "in-reply-to=%3Cconf-4522%40mail.harborline.test%3E") {
		t.Fatalf("opened %v", opened)
	}
	h.tap("Not yet")
	p.editor.SetText(p.editor.Text + strings.Repeat("A few more words to make it long. ", 60)) // as a paste would
	h.settle()
	test.Tap(p.mailBtn)
	h.settle()
	if len(opened) != 1 || !h.shows("The letter is too long for a mail link") || !h.shows("about "+thousands(eml.MaxMailtoLength)+" characters") {
		t.Fatalf("a long letter: opened %d; texts %q", len(opened), h.texts())
	}
	h.tap("Save as .eml…")
	if h.app.saving == nil || !h.shows("Save as an email draft") {
		t.Errorf("no draft offered: %q", h.texts())
	}
}

// File → New from Email… is in the menu, with its shortcut.
func TestNewFromEmailIsInTheMenu(t *testing.T) {
	h := newHarness(t)
	found := false
	for _, m := range h.win.MainMenu().Items {
		for _, it := range m.Items {
			found = found || (m.Label == "File" && it.Label == "New from Email…")
		}
	}
	if !found {
		t.Error("no File → New from Email…")
	}
	h.app.keys[ctrlShift(fyne.KeyN).ShortcutName()]()
	h.settle()
	if !h.shows("New from email") || !h.shows("Open an .eml file…") {
		t.Errorf("texts %q", h.texts())
	}
}
