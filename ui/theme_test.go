package ui

import (
	"image/color"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// contrast is the WCAG contrast ratio of two opaque colours, from 1 to 21.
func contrast(a, b color.Color) float64 { return contrastRatio(a, b) }

// over lays a colour that may be translucent over an opaque one.
func over(under, top color.Color) color.Color {
	u := color.NRGBAModel.Convert(under).(color.NRGBA)
	o := color.NRGBAModel.Convert(top).(color.NRGBA)
	a := float64(o.A) / 0xff
	blend := func(x, y uint8) uint8 { return uint8(float64(x)*(1-a) + float64(y)*a + 0.5) }
	return color.NRGBA{R: blend(u.R, o.R), G: blend(u.G, o.G), B: blend(u.B, o.B), A: 0xff}
}

// The window's theme shows which control has the keyboard focus, in the dark and in the
// light: a focused button, select or radio stands out from the same control unfocused.
func TestKeyboardFocusStandsOut(t *testing.T) {
	fa := test.NewTempApp(t)
	fa.Settings().SetTheme(theme.DefaultTheme())
	s, err := tracker.Open(filepath.Join(t.TempDir(), "t.db"), tracker.Options{})
	if err != nil {
		t.Fatal(err)
	}
	q := &uiQueue{}
	a := New(fa, fa.NewWindow("Decline Desk"), s, Options{runOnUI: q.post, Clock: clocktest.New()})
	for a.work.wait(); q.drain(); a.work.wait() {
	}
	defer s.Close()
	th := fa.Settings().Theme()
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		bg := th.Color(theme.ColorNameBackground, v)
		focus := th.Color(theme.ColorNameFocus, v)
		for _, under := range []struct {
			what string
			c    color.Color
		}{
			{"the window (a radio, a flat button)", bg},
			{"a button", over(bg, th.Color(theme.ColorNameButton, v))},
			{"a primary button", over(bg, th.Color(theme.ColorNamePrimary, v))},
			{"a select", over(bg, th.Color(theme.ColorNameInputBackground, v))},
		} {
			if r := contrast(under.c, over(under.c, focus)); r < 1.4 {
				t.Errorf("variant %d: the focus on %s is hard to see (contrast %.2f)", v, under.what, r)
			}
		}
		// Text stays readable on a focused select.
		sel := over(over(bg, th.Color(theme.ColorNameInputBackground, v)), focus)
		if r := contrast(sel, th.Color(theme.ColorNameForeground, v)); r < 4.5 {
			t.Errorf("variant %d: text on a focused select has contrast %.2f", v, r)
		}
	}
}

// Words in the colours the window writes them in stand 4.5:1 against the background, in
// the dark and in the light.
func TestThemeColoursForWordsAreReadable(t *testing.T) {
	th := newAppTheme(theme.DefaultTheme())
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		bg := th.Color(theme.ColorNameBackground, v)
		for _, n := range []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNamePlaceHolder, theme.ColorNameWarning,
			theme.ColorNameError, theme.ColorNameSuccess, theme.ColorNameHyperlink} {
			if r := contrast(bg, over(bg, th.Color(n, v))); r < 4.5 {
				t.Errorf("variant %d: %s words stand %.2f:1", v, n, r)
			}
		}
		// Buttons of those colours keep their labels readable.
		for _, p := range [][2]fyne.ThemeColorName{{theme.ColorNameWarning, theme.ColorNameForegroundOnWarning},
			{theme.ColorNameError, theme.ColorNameForegroundOnError}, {theme.ColorNameSuccess, theme.ColorNameForegroundOnSuccess}} {
			if r := contrast(over(bg, th.Color(p[0], v)), th.Color(p[1], v)); r < 4.5 {
				t.Errorf("variant %d: a %s button's label stands %.2f:1", v, p[0], r)
			}
		}
	}
}

// variantTheme is a theme held to one variant, as the system's setting would hold it.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// Every word of the list and the Details tab — dates in the history, the status under each
// name, a follow-up due today or overdue, the count under the list — stands 4.5:1 against
// the background, in the dark and in the light.
func TestTheListAndTheDetailsAreReadable(t *testing.T) {
	h := newHarness(t,
		tracker.Opportunity{Company: "Acme", Role: "Dev", Status: stage.Applied, FollowUpOn: dayAt(0), URL: "https://acme.example/jobs/1",
			ContactName: "Jo Park", Notes: "Met at a meetup."},
		tracker.Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Invited, FollowUpOn: dayAt(-3)},
		tracker.Opportunity{Company: "Initech", Role: "QA", Status: stage.Declined, FollowUpOn: dayAt(30)})
	h.app.showTab(tabDetails)
	h.selectCompany("Acme")
	h.app.tracker.onAddNote()
	h.settle()
	test.Type(h.win.Canvas().Focused(), "Called Jo.")
	h.tap("Add note")
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		h.app.fyneApp.Settings().SetTheme(variantTheme{newAppTheme(theme.DefaultTheme()), v})
		for _, o := range objectsIn(h.win.Canvas().Content()) { // as the window does when the theme changes
			if w, ok := o.(fyne.Widget); ok {
				w.Refresh()
			}
		}
		h.relayout()
		bg := theme.Color(theme.ColorNameBackground)
		for _, part := range []fyne.CanvasObject{h.app.tracker.details.card, h.app.tracker.list, h.app.tracker.count} {
			for _, o := range objectsIn(part) {
				if txt, ok := o.(*canvas.Text); ok && txt.Text != "" && visibleIn(part, txt) {
					if r := contrast(bg, over(bg, txt.Color)); r < 4.5 {
						t.Errorf("variant %d: %q stands %.2f:1", v, txt.Text, r)
					}
				}
			}
		}
	}
}
