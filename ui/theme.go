package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is the system's light or dark theme with a keyboard focus that can be seen.
// Fyne tints a focused button, select or radio with its focus colour, which in blue is a
// sixth of the primary colour: next to nothing on a grey button, and nothing at all on a
// primary one. Ours is a pale primary that shows on the window, on grey buttons and on
// primary buttons alike, with text still readable on it.
type appTheme struct{ fyne.Theme }

// newAppTheme wraps base, the theme the app would use otherwise.
func newAppTheme(base fyne.Theme) fyne.Theme {
	if t, ok := base.(*appTheme); ok {
		return t
	}
	return &appTheme{base}
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameFocus {
		return focusColor(t.Theme.Color(theme.ColorNamePrimary, v), v)
	}
	return t.Theme.Color(n, v)
}

// focusColor is a pale primary: see-through in the dark, nearly opaque in the light.
func focusColor(primary color.Color, v fyne.ThemeVariant) color.NRGBA {
	p := color.NRGBAModel.Convert(primary).(color.NRGBA)
	if v == theme.VariantDark {
		return color.NRGBA{R: mix(p.R, 0xff, 0.8), G: mix(p.G, 0xff, 0.8), B: mix(p.B, 0xff, 0.8), A: 0x60}
	}
	return color.NRGBA{R: mix(p.R, 0xff, 0.6), G: mix(p.G, 0xff, 0.6), B: mix(p.B, 0xff, 0.6), A: 0xd8}
}

func mix(a, b uint8, by float64) uint8 { return uint8(float64(a)*(1-by) + float64(b)*by + 0.5) }
