package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// choiceGroup is one answer of the checklist — fits, concern or unsure — drawn as radio
// buttons side by side. Unlike Fyne's radio group, whose every option is a stop for Tab,
// it is one stop: Tab goes from item to item, the arrow keys change the answer, and it
// says when it gets the focus, so that the checklist can bring it into view. Clicking the
// chosen answer again clears it.
type choiceGroup struct {
	widget.BaseWidget
	Options   []string
	Selected  string
	OnChanged func(string)

	onFocus func() // the group has just got the keyboard focus
	focused bool
	r       *choiceRenderer // where the options are drawn, once they are
}

var (
	_ fyne.Focusable     = (*choiceGroup)(nil)
	_ fyne.Tappable      = (*choiceGroup)(nil)
	_ desktop.Cursorable = (*choiceGroup)(nil)
)

func newChoiceGroup(options []string) *choiceGroup {
	c := &choiceGroup{Options: options}
	c.ExtendBaseWidget(c)
	return c
}

// SetSelected chooses option ("" for none), telling OnChanged when it changes.
func (c *choiceGroup) SetSelected(option string) {
	if option == c.Selected {
		return
	}
	c.Selected = option
	c.Refresh()
	if c.OnChanged != nil {
		c.OnChanged(option)
	}
}

func (c *choiceGroup) index() int {
	for i, o := range c.Options {
		if o == c.Selected {
			return i
		}
	}
	return -1
}

func (c *choiceGroup) Tapped(e *fyne.PointEvent) {
	r := c.r
	if r == nil {
		return
	}
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil && !fyne.CurrentDevice().IsMobile() {
		cv.Focus(c) // the keyboard goes on from what was clicked
	}
	for i, o := range c.Options {
		x := r.labels[i].Position().X + r.labels[i].Size().Width
		if e.Position.X < x+2*theme.Padding() { // halfway to the next option
			if o == c.Selected {
				o = ""
			}
			c.SetSelected(o)
			return
		}
	}
}

func (c *choiceGroup) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (c *choiceGroup) FocusGained() {
	c.focused = true
	c.Refresh()
	if c.onFocus != nil {
		c.onFocus()
	}
}

func (c *choiceGroup) FocusLost() {
	c.focused = false
	c.Refresh()
}

func (c *choiceGroup) TypedRune(rune) {}

// TypedKey moves the answer with the arrows: right or down to the next, left or up to the
// one before.
func (c *choiceGroup) TypedKey(k *fyne.KeyEvent) {
	i := c.index()
	switch k.Name {
	case fyne.KeyRight, fyne.KeyDown:
		c.SetSelected(c.Options[min(i+1, len(c.Options)-1)])
	case fyne.KeyLeft, fyne.KeyUp:
		if i < 0 {
			i = len(c.Options)
		}
		c.SetSelected(c.Options[max(i-1, 0)])
	}
}

func (c *choiceGroup) CreateRenderer() fyne.WidgetRenderer {
	r := &choiceRenderer{c: c, focus: &canvas.Rectangle{CornerRadius: theme.SelectionRadiusSize()}}
	for _, o := range c.Options {
		r.icons = append(r.icons, canvas.NewImageFromResource(theme.RadioButtonIcon()))
		r.labels = append(r.labels, canvas.NewText(o, color.Black))
	}
	r.Refresh()
	c.r = r
	return r
}

type choiceRenderer struct {
	c      *choiceGroup
	focus  *canvas.Rectangle // behind the group while it has the focus
	icons  []*canvas.Image
	labels []*canvas.Text
}

func (r *choiceRenderer) Layout(size fyne.Size) {
	pad, icon := theme.Padding(), theme.IconInlineSize()
	r.focus.Move(fyne.NewPos(0, 0))
	r.focus.Resize(size)
	x := pad
	for i := range r.icons {
		r.icons[i].Move(fyne.NewPos(x, (size.Height-icon)/2))
		r.icons[i].Resize(fyne.NewSquareSize(icon))
		x += icon + pad
		ls := r.labels[i].MinSize()
		r.labels[i].Move(fyne.NewPos(x, (size.Height-ls.Height)/2))
		r.labels[i].Resize(ls)
		x += ls.Width + 4*pad
	}
}

func (r *choiceRenderer) MinSize() fyne.Size {
	pad, icon := theme.Padding(), theme.IconInlineSize()
	w, h := pad, icon
	for _, l := range r.labels {
		ls := l.MinSize()
		w += icon + pad + ls.Width + 4*pad
		h = max(h, ls.Height)
	}
	return fyne.NewSize(w-3*pad, h+2*theme.InnerPadding())
}

func (r *choiceRenderer) Refresh() {
	r.focus.FillColor = color.Transparent
	if r.c.focused {
		r.focus.FillColor = theme.Color(theme.ColorNameFocus)
	}
	for i, o := range r.c.Options {
		res := theme.RadioButtonIcon()
		if o == r.c.Selected {
			res = theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon())
		}
		r.icons[i].Resource = res
		r.icons[i].Refresh()
		r.labels[i].Text = o
		r.labels[i].Color = theme.Color(theme.ColorNameForeground)
		r.labels[i].TextSize = theme.TextSize()
		r.labels[i].Refresh()
	}
	r.focus.Refresh()
}

func (r *choiceRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.focus}
	for i := range r.icons {
		objs = append(objs, r.icons[i], r.labels[i])
	}
	return objs
}

func (r *choiceRenderer) Destroy() {}
