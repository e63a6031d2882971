package ui

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/followup"
)

// Preference keys of the follow-up settings.
const (
	prefNoResponseDays  = "followup.no_response_days"
	prefKeepInTouchDays = "followup.keep_in_touch_days"
	prefNotify          = "followup.notify"
	prefDateOrder       = "dates.order" // how the user writes dates: "mdy", "dmy", or "" for year first only
)

// settings are the follow-up settings kept in the app's preferences.
func (a *App) settings() followup.Settings {
	def := followup.DefaultSettings()
	prefs := a.fyneApp.Preferences()
	s := followup.Settings{
		NoResponseDays:  prefs.IntWithFallback(prefNoResponseDays, def.NoResponseDays),
		KeepInTouchDays: prefs.IntWithFallback(prefKeepInTouchDays, def.KeepInTouchDays),
		Notify:          prefs.BoolWithFallback(prefNotify, def.Notify),
	}
	if s.Validate() != nil {
		return def // a preference file edited by hand
	}
	return s
}

// onSettings lets the user change the follow-up settings.
func (a *App) onSettings() {
	s := a.settings()
	days := func(v int, valid func(int) error) *entry {
		e := newEntry(a)
		e.SetText(strconv.Itoa(v))
		e.Validator = func(text string) error {
			n, err := strconv.Atoi(text)
			if err != nil {
				return fmt.Errorf("enter a number of days")
			}
			return valid(n)
		}
		return e
	}
	check := func(field string) func(int) error {
		return func(n int) error {
			t := a.settings()
			if field == "no" {
				t.NoResponseDays = n
			} else {
				t.KeepInTouchDays = n
			}
			return t.Validate()
		}
	}
	noResponse := days(s.NoResponseDays, check("no"))
	keepInTouch := days(s.KeepInTouchDays, check("keep"))
	notify := widget.NewCheck("Tell me once a day when follow-ups are due", nil)
	notify.SetChecked(s.Notify)
	orders := dateOrderChoices()
	order := widget.NewSelect(orders.labels(), nil)
	order.SetSelected(orders.label(a.dateOrder()))
	items := []*widget.FormItem{
		{Text: "Dates you type", Widget: order, HintText: "Days written 2026-12-01 are always understood; choose how you write them with slashes"},
		{Text: "Suggest “No response” after", Widget: noResponse, HintText: fmt.Sprintf("days without a reply to an application or invitation (%d–%d)", followup.MinNoResponseDays, followup.MaxNoResponseDays)},
		{Text: "Keep in touch after", Widget: keepInTouch, HintText: fmt.Sprintf("days, the follow-up set when you decline (%d–%d)", followup.MinKeepInTouchDays, followup.MaxKeepInTouchDays)},
		{Text: "Notifications", Widget: notify},
	}
	d := dialog.NewForm("Settings", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		n, _ := strconv.Atoi(noResponse.Text)
		k, _ := strconv.Atoi(keepInTouch.Text)
		next := followup.Settings{NoResponseDays: n, KeepInTouchDays: k, Notify: notify.Checked}
		if err := next.Validate(); err != nil {
			a.showError("The settings were not saved", err)
			return
		}
		prefs := a.fyneApp.Preferences()
		prefs.SetInt(prefNoResponseDays, next.NoResponseDays)
		prefs.SetInt(prefKeepInTouchDays, next.KeepInTouchDays)
		prefs.SetBool(prefNotify, next.Notify)
		a.setDateOrder(orders.order(order.Selected))
		a.tracker.refresh()
		a.tracker.details.show(a.current)
	}, a.win)
	d.Resize(fyne.NewSize(560, 0))
	a.present(d)
}

// dateOrder is how the user writes dates with slashes, as they said in the settings or
// when an import asked; OrderUnknown until they said, when only days that read one way
// are taken.
func (a *App) dateOrder() day.Order {
	o, err := day.ParseOrder(a.fyneApp.Preferences().String(prefDateOrder))
	if err != nil {
		return day.OrderUnknown
	}
	return o
}

// setDateOrder remembers how the user writes dates.
func (a *App) setDateOrder(o day.Order) {
	v := ""
	switch o {
	case day.MonthFirst:
		v = "mdy"
	case day.DayFirst:
		v = "dmy"
	}
	a.fyneApp.Preferences().SetString(prefDateOrder, v)
}

// orderChoice is one way of writing dates, as the settings offer it.
type orderChoice struct {
	order day.Order
	label string
}

type orderChoices []orderChoice

func dateOrderChoices() orderChoices {
	sample := day.Day("2026-12-31")
	return orderChoices{
		{day.OrderUnknown, "Year first: " + string(sample)},
		{day.DayFirst, "Day first: 31/12/2026 (" + sample.Format(day.DayMonthYear) + ")"},
		{day.MonthFirst, "Month first: 12/31/2026 (" + sample.Format(day.MonthDayYear) + ")"},
	}
}

func (c orderChoices) labels() []string {
	out := make([]string, len(c))
	for i, o := range c {
		out[i] = o.label
	}
	return out
}

func (c orderChoices) label(o day.Order) string {
	for _, x := range c {
		if x.order == o {
			return x.label
		}
	}
	return c[0].label
}

func (c orderChoices) order(label string) day.Order {
	for _, x := range c {
		if x.label == label {
			return x.order
		}
	}
	return day.OrderUnknown
}
