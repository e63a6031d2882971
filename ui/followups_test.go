package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

func companies(rows []*tracker.Row) string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Company())
	}
	return strings.Join(out, ",")
}

func TestTheDueFilterAndItsCountFollowTheDay(t *testing.T) {
	h := newHarness(t,
		tracker.Opportunity{Company: "Overdue", Role: "Dev", Status: stage.Applied, FollowUpOn: dayAt(-3)},
		tracker.Opportunity{Company: "Today", Role: "Dev", Status: stage.Declined, FollowUpOn: dayAt(0)},
		tracker.Opportunity{Company: "Tomorrow", Role: "Dev", Status: stage.Applied, FollowUpOn: dayAt(1)},
		tracker.Opportunity{Company: "None", Role: "Dev", Status: stage.Saved},
	)
	p := h.app.tracker
	p.sort.SetSelectedIndex(2) // follow-up date
	h.settle()
	if p.due.Text != "Due 2" {
		t.Fatalf("count %q", p.due.Text)
	}
	test.Tap(p.due)
	h.settle()
	if got := companies(p.rows); got != "Overdue,Today" {
		t.Fatalf("due rows %v", got)
	}
	// At midnight the count and the list move on by themselves.
	midnight := time.Date(testNow.Year(), testNow.Month(), testNow.Day()+1, 0, 0, 1, 0, testNow.Location())
	h.clock.Set(midnight)
	h.settle()
	if p.due.Text != "Due 3" || companies(p.rows) != "Overdue,Today,Tomorrow" {
		t.Errorf("after midnight: %q, %v", p.due.Text, companies(p.rows))
	}
	test.Tap(p.due)
	h.settle()
	if len(p.rows) != 4 {
		t.Errorf("the filter does not turn off: %d rows", len(p.rows))
	}
}

func TestOneNotificationOnTheFirstStartOfADayWithFollowUpsDue(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Overdue", Role: "Dev", Status: stage.Applied, FollowUpOn: dayAt(-3)})
	prefs := h.app.fyneApp.Preferences()
	if prefs.String(prefNotifiedOn) != string(dayAt(0)) {
		t.Fatalf("no notification at start: %q", prefs.String(prefNotifiedOn))
	}
	test.AssertNotificationSent(t, nil, func() { h.app.notifyDue(1) }) // not twice a day
	h.clock.Set(testNow.AddDate(0, 0, 1))
	test.AssertNotificationSent(t, fyne.NewNotification("Decline Desk", "2 follow-ups are due or overdue. Open the Due list to see them."),
		func() { h.app.notifyDue(2) })
	h.clock.Set(testNow.AddDate(0, 0, 2))
	prefs.SetBool(prefNotify, false)
	test.AssertNotificationSent(t, nil, func() { h.app.notifyDue(2) })
	h.clock.Set(testNow.AddDate(0, 0, 3))
	prefs.SetBool(prefNotify, true)
	test.AssertNotificationSent(t, nil, func() { h.app.notifyDue(0) }) // nothing due
}

func TestNoResponseIsSuggestedNeverApplied(t *testing.T) {
	h := newHarness(t,
		tracker.Opportunity{Company: "Silent", Role: "Dev", Status: stage.Applied},
		tracker.Opportunity{Company: "Patient", Role: "Dev", Status: stage.Invited},
	)
	h.app.showTab(tabDetails)
	h.selectCompany("Silent")
	banner := h.app.tracker.details.silence.content
	if banner.Visible() {
		t.Fatal("suggested on the first day")
	}
	h.clock.Set(testNow.AddDate(0, 0, 22))
	h.app.selectOpportunity(h.app.current.ID)
	h.app.setCurrent(h.app.current)
	h.settle()
	if !banner.Visible() || !h.shows("No word from Silent for 21 days or more") {
		t.Fatalf("no suggestion after 22 days")
	}
	if o, _ := h.store.Get(h.app.current.ID); o.Status != stage.Applied {
		t.Fatal("the status changed by itself")
	}
	h.tap("Mark “No response”")
	o, _ := h.store.Get(h.app.current.ID)
	if o.Status != stage.Ghosted || !strings.Contains(o.History[len(o.History)-1].Describe(), "No response") {
		t.Errorf("after accepting: %s %+v", o.Status, o.History)
	}
	// Keep waiting: the suggestion does not come back for that record.
	h.selectCompany("Patient")
	if !banner.Visible() || !h.shows("No word from Patient") {
		t.Fatal("no suggestion for the invitation")
	}
	h.tap("Keep waiting")
	h.selectCompany("Silent")
	h.selectCompany("Patient")
	if banner.Visible() {
		t.Error("the suggestion came back after Keep waiting")
	}
	if o, _ := h.store.Get(h.app.current.ID); o.Status != stage.Invited {
		t.Error("Keep waiting changed the status")
	}
}

func TestSettingsAreKeptAndChecked(t *testing.T) {
	h := newHarness(t, acme)
	h.app.onSettings()
	h.settle()
	if !h.shows("Suggest “No response” after") {
		t.Fatal("no settings dialog")
	}
	h.press(fyne.KeyEscape)
	s := h.app.settings()
	if s.NoResponseDays != 21 || s.KeepInTouchDays != 90 || !s.Notify {
		t.Fatalf("defaults %+v", s)
	}
	prefs := h.app.fyneApp.Preferences()
	prefs.SetInt(prefKeepInTouchDays, 30)
	h.selectCompany("Acme Inc")
	test.Tap(h.app.letter.declineBtn)
	h.settle()
	if h.app.letter.markFollowUp.Text != string(dayAt(30)) {
		t.Errorf("keep-in-touch default %q", h.app.letter.markFollowUp.Text)
	}
	h.press(fyne.KeyEscape)
	prefs.SetInt(prefKeepInTouchDays, 99999) // a preference file edited by hand
	if h.app.settings().KeepInTouchDays != 90 {
		t.Error("an impossible setting was used")
	}
}

func TestCalendarExportFromTheWindow(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme", Role: "Dev", Status: stage.Declined, FollowUpOn: dayAt(10)})
	dir := t.TempDir()
	path := h.saveAs(h.app.onExportCalendar, dir, "plans")
	data, err := os.ReadFile(filepath.Join(dir, "plans.ics"))
	if err != nil || !strings.Contains(string(data), "SUMMARY:Follow up: Acme — Dev") || !strings.Contains(string(data), "\r\n") {
		t.Fatalf("%s: %v\n%s", path, err, data)
	}
	if !strings.Contains(h.app.status.Text, "Saved 1 event to plans.ics") {
		t.Errorf("status %q", h.app.status.Text)
	}
}
