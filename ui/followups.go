package ui

import (
	"fmt"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk"
	"github.com/declinedesk/declinedesk/internal/calendar"
	"github.com/declinedesk/declinedesk/internal/followup"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// prefNotifiedOn is the day of the last notification of follow-ups due.
const prefNotifiedOn = "followup.notified_on"

// watchMidnight refreshes what depends on the day — the due count, overdue dates — when
// the day changes while the window is open, and again every midnight after.
func (a *App) watchMidnight() {
	a.clock.AfterFunc(followup.NextMidnight(a.now()), func() {
		a.work.toUI(func() {
			if a.closing {
				return
			}
			a.tracker.refresh()
			a.tracker.details.show(a.current)
			a.watchMidnight()
		})
	})
}

// notifyDue sends one desktop notification on the first start of a day with follow-ups
// due; where the platform has none, Fyne does nothing.
func (a *App) notifyDue(due int) {
	prefs := a.fyneApp.Preferences()
	today := a.today()
	if !followup.ShouldNotify(prefs.String(prefNotifiedOn), today, due, a.settings().Notify) {
		return
	}
	prefs.SetString(prefNotifiedOn, string(today))
	text := "1 follow-up is due today."
	if due > 1 {
		text = fmt.Sprintf("%d follow-ups are due or overdue.", due)
	}
	a.fyneApp.SendNotification(fyne.NewNotification("Decline Desk", text+" Open the Due list to see them."))
}

// onExportCalendar saves the follow-ups and interviews ahead as an .ics file.
func (a *App) onExportCalendar() {
	a.askSavePath("Export to a calendar", "declinedesk-followups.ics", ".ics",
		"Every follow-up and every interview still ahead, as all-day events with a reminder on the morning. "+
			"Importing the file again later updates the events instead of adding them twice.", func(path string) {
			info := declinedesk.AppInfo()
			opts := calendar.Options{Now: a.now(), Product: info.Name + " " + info.Version}
			a.writeOutput(path, "The calendar was not written",
				func(w io.Writer) (int, error) { return calendar.Export(w, a.store, opts) },
				func(n int) {
					a.notify(fmt.Sprintf("Saved %s to %s.", plural(n, "event", "events"), filepath.Base(path)))
				})
		})
}

// noResponseBanner suggests marking an opportunity "No response" after long silence;
// nothing changes without the user.
type noResponseBanner struct {
	d       *detailsView
	text    *widget.Label
	content *fyne.Container
}

func newNoResponseBanner(d *detailsView) *noResponseBanner {
	b := &noResponseBanner{d: d, text: &widget.Label{Wrapping: fyne.TextWrapWord}}
	mark := &widget.Button{Text: "Mark “No response”", Importance: widget.HighImportance, OnTapped: b.onMark}
	wait := &widget.Button{Text: "Keep waiting", OnTapped: b.onWait}
	b.content = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.HistoryIcon()), nil, b.text),
		container.NewHBox(mark, wait),
		widget.NewSeparator(),
	)
	b.content.Hide()
	return b
}

func (b *noResponseBanner) show(o *tracker.Opportunity) {
	a := b.d.p.app
	days := a.settings().NoResponseDays
	if o == nil || !followup.NoResponse(o, a.now(), days) {
		b.content.Hide()
		return
	}
	b.text.SetText(fmt.Sprintf("No word from %s for %d days or more. Mark it “No response”? Nothing changes unless you say so.", o.Company, days))
	b.content.Show()
}

func (b *noResponseBanner) onMark() {
	o := b.d.shown
	if o == nil {
		return
	}
	id := o.ID
	b.d.p.app.save("The opportunity was not marked", func(s *tracker.BoltStore) (tracker.Opportunity, error) { return s.MarkNoResponse(id) })
}

func (b *noResponseBanner) onWait() {
	o := b.d.shown
	if o == nil {
		return
	}
	id := o.ID
	b.d.p.app.save("Your choice was not saved", func(s *tracker.BoltStore) (tracker.Opportunity, error) { return s.DismissNoResponse(id) })
}
