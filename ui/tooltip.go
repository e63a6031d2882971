package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/clock"
)

// tipDelay is how long the pointer rests on something before its tip shows.
const tipDelay = 500 * time.Millisecond

// tips shows a short text near the pointer once it rests on something that has more to
// say: the whole of a truncated name, what a colour stands for. Fyne 2.8 has no tooltips,
// and a pop-up would take the mouse from what lies under it; a tip is drawn instead in a
// layer stacked over one part of the window, which takes no events, so the pointer goes on
// hovering and clicking what it is over.
type tips struct {
	clock clock.Clock
	toUI  func(func())
	layer *fyne.Container // stacked over the part of the window the tips belong to
	box   *fyne.Container // the tip on show: a background and the text
	bg    *canvas.Rectangle
	text  *widget.Label
	timer clock.Timer
	owner fyne.CanvasObject // what the tip shows or waits for, nil for nothing
	seq   int               // the newest hover; an older timer shows nothing
}

func newTips(c clock.Clock, toUI func(func())) *tips {
	t := &tips{clock: c, toUI: toUI}
	t.bg = &canvas.Rectangle{CornerRadius: theme.InputRadiusSize(), StrokeWidth: 1}
	t.text = &widget.Label{Wrapping: fyne.TextWrapWord}
	t.box = container.NewStack(t.bg, t.text)
	t.box.Hide()
	t.layer = container.NewWithoutLayout(t.box)
	return t
}

// hover asks for owner's tip, text, once the pointer at the absolute position at has rested
// there a moment. An empty text is no tip.
func (t *tips) hover(owner fyne.CanvasObject, text string, at fyne.Position) {
	t.hide()
	if text == "" {
		return
	}
	t.owner = owner
	t.seq++
	seq := t.seq
	t.timer = t.clock.AfterFunc(tipDelay, func() {
		t.toUI(func() {
			if seq == t.seq && t.owner == owner {
				t.show(text, at)
			}
		})
	})
}

// leave takes owner's tip away, shown or waiting.
func (t *tips) leave(owner fyne.CanvasObject) {
	if t.owner == owner {
		t.hide()
	}
}

func (t *tips) hide() {
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	t.owner = nil
	t.seq++
	if t.box.Visible() {
		t.box.Hide()
		t.text.SetText("")
		t.layer.Refresh()
	}
}

// showing is the text of the tip on screen, "" when none.
func (t *tips) showing() string {
	if !t.box.Visible() {
		return ""
	}
	return t.text.Text
}

// show puts text just under the pointer, inside the layer, wrapped to fit it.
func (t *tips) show(text string, at fyne.Position) {
	d := fyne.CurrentApp().Driver()
	origin := d.AbsolutePositionForObject(t.layer)
	area := t.layer.Size()
	pad := theme.Padding()
	t.bg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	t.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	t.text.SetText(text)

	inner := theme.InnerPadding()
	width := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*inner + 1
	width = min(width, area.Width-2*pad)
	t.text.Resize(fyne.NewSize(width, t.text.MinSize().Height))
	size := fyne.NewSize(width, t.text.MinSize().Height)

	pos := at.Subtract(origin).Add(fyne.NewPos(0, 2*theme.TextSize()))
	if pos.Y+size.Height > area.Height { // no room below the pointer: above it
		pos.Y = at.Y - origin.Y - size.Height - pad
	}
	pos.X = max(pad, min(pos.X, area.Width-pad-size.Width))
	pos.Y = max(0, pos.Y)
	t.box.Move(pos)
	t.box.Resize(size)
	t.box.Show()
	t.layer.Refresh()
}
