package ui

import (
	"image/color"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is the system's light or dark theme with a keyboard focus that can be seen and
// words that can be read.
//
// Words: in the light, Fyne's warning orange, success green, error red, link blue and the
// grey of hints and placeholders are too pale on white to read with ease (1.5:1 to 3.7:1).
// Each colour used for words is darkened, in the light, or lightened, in the dark, just
// enough to stand 4.5:1 against the background, the common measure for text; buttons of
// those colours keep their white labels readable too.
//
// Focus: Fyne tints a focused button, select or radio with its focus colour, which in blue
// is a sixth of the primary colour: next to nothing on a grey button, and nothing at all on
// a primary one. Ours is a pale primary that shows on the window, on grey buttons and on
// primary buttons alike, with text still readable on it.
type appTheme struct {
	fyne.Theme
	mu       sync.Mutex
	readable map[[2]color.NRGBA]color.Color // colours made readable, by colour and background
}

// newAppTheme wraps base, the theme the app would use otherwise.
func newAppTheme(base fyne.Theme) fyne.Theme {
	if t, ok := base.(*appTheme); ok {
		return t
	}
	return &appTheme{Theme: base, readable: map[[2]color.NRGBA]color.Color{}}
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameFocus:
		return focusColor(t.Theme.Color(theme.ColorNamePrimary, v), v)
	case theme.ColorNameWarning, theme.ColorNameSuccess, theme.ColorNameError, theme.ColorNameHyperlink, theme.ColorNamePlaceHolder:
		return t.readableOn(t.Theme.Color(n, v), t.Theme.Color(theme.ColorNameBackground, v))
	}
	return t.Theme.Color(n, v)
}

// readableOn is readable, worked out once for each colour and background: themes are asked
// for colours at every redraw.
func (t *appTheme) readableOn(c, bg color.Color) color.Color {
	key := [2]color.NRGBA{color.NRGBAModel.Convert(c).(color.NRGBA), color.NRGBAModel.Convert(bg).(color.NRGBA)}
	t.mu.Lock()
	defer t.mu.Unlock()
	r, ok := t.readable[key]
	if !ok {
		r = readable(c, bg)
		t.readable[key] = r
	}
	return r
}

// readable is c, darkened on a light background or lightened on a dark one, until words in
// it stand 4.5:1 against bg.
func readable(c, bg color.Color) color.Color {
	toward := uint8(0)
	if relativeLuminance(bg) < 0.5 {
		toward = 0xff
	}
	from := color.NRGBAModel.Convert(c).(color.NRGBA)
	next := from
	for by := 0.0; by <= 1 && contrastRatio(next, bg) < 4.5; by += 0.02 {
		next = color.NRGBA{R: mix(from.R, toward, by), G: mix(from.G, toward, by), B: mix(from.B, toward, by), A: from.A}
	}
	return next
}

// relativeLuminance is how light an opaque colour looks, from 0 to 1 (WCAG's measure).
func relativeLuminance(c color.Color) float64 {
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

// contrastRatio is how well two opaque colours stand apart, from 1:1 to 21:1.
func contrastRatio(a, b color.Color) float64 {
	la, lb := relativeLuminance(a), relativeLuminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
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
