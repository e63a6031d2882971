package ui

import (
	"image/color"
	"math"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// luminance is the relative luminance of an opaque colour, as WCAG defines it.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two opaque colours, from 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

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
