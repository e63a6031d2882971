package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The window's own layouts: what Fyne's do not do for a window that must fit any screen
// and never grow by itself.

// floorLayout gives its one object the whole space and asks for no more than min, however
// much the object would like: the window's size is the user's, never the content's. Below
// the object's own minimum it scrolls (see fitted).
type floorLayout struct{ min fyne.Size }

func (l floorLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l floorLayout) MinSize([]fyne.CanvasObject) fyne.Size { return l.min }

// fitted is content that asks the window for no more than min: below its own minimum it
// scrolls rather than push the window wider or taller.
func fitted(content fyne.CanvasObject, min fyne.Size) fyne.CanvasObject {
	return container.New(floorLayout{min}, container.NewScroll(content))
}

// capLayout stacks two objects, one of them capped: it takes the height it needs, up to a
// share of the whole, and scrolls beyond (give it a scroll container); the other takes the
// rest. The capped one is the first, at the top, or with atBottom the second. Unlike a
// split, nothing is left empty when the capped one needs little, and unlike a border, it
// never crowds the other out.
type capLayout struct {
	share    float32                       // of the height the capped one may take
	natural  func(width float32) fyne.Size // its whole size at a width, as if it did not scroll
	atBottom bool
	// keep is the height the other keeps on a short screen, where the capped one makes do
	// with as little as half its share.
	keep float32
}

func (l capLayout) parts(objs []fyne.CanvasObject) (capped, rest fyne.CanvasObject) {
	if l.atBottom {
		return objs[1], objs[0]
	}
	return objs[0], objs[1]
}

func (l capLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	capped, rest := l.parts(objs)
	h := float32(0)
	if capped.Visible() {
		h = min(l.natural(size.Width).Height, size.Height*l.share)
		if l.keep > 0 {
			h = min(h, max(size.Height-l.keep, size.Height*l.share/2))
		}
		// The other keeps at least its own minimum: the capped one gives way, and scrolls,
		// down to its own minimum.
		h = max(0, min(h, size.Height-rest.MinSize().Height-theme.Padding()))
		h = max(h, min(capped.MinSize().Height, size.Height))
	}
	gap := float32(0)
	if h > 0 {
		gap = theme.Padding()
	}
	cappedY, restY := float32(0), h+gap
	if l.atBottom {
		cappedY, restY = size.Height-h, 0
	}
	capped.Move(fyne.NewPos(0, cappedY))
	capped.Resize(fyne.NewSize(size.Width, h))
	rest.Move(fyne.NewPos(0, restY))
	rest.Resize(fyne.NewSize(size.Width, size.Height-h-gap))
}

func (l capLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	capped, rest := l.parts(objs)
	c, r := capped.MinSize(), rest.MinSize()
	if !capped.Visible() {
		return r
	}
	return fyne.NewSize(max(c.Width, r.Width), r.Height+theme.Padding()+c.Height)
}

// pairLayout shows two objects side by side when there is room for both to be read, and
// otherwise only the one chosen, in the whole space: where width is short, one view gets
// it all. onNarrow is told when the room changes, so that a switch between the two can
// show itself.
type pairLayout struct {
	wide     float32 // the least width for both side by side
	second   *bool   // in narrow space, show the second rather than the first
	onNarrow func(narrow bool)
	narrow   *bool // as last laid out
}

func (l pairLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	a, b := objs[0], objs[1]
	narrow := size.Width < l.wide
	if *l.narrow != narrow {
		*l.narrow = narrow
		if l.onNarrow != nil {
			l.onNarrow(narrow)
		}
	}
	if !narrow {
		a.Show()
		b.Show()
		gap := theme.Padding() * 2
		w := (size.Width - gap) / 2
		a.Move(fyne.NewPos(0, 0))
		a.Resize(fyne.NewSize(w, size.Height))
		b.Move(fyne.NewPos(w+gap, 0))
		b.Resize(fyne.NewSize(size.Width-w-gap, size.Height))
		return
	}
	show, hide := a, b
	if *l.second {
		show, hide = b, a
	}
	hide.Hide()
	show.Show()
	show.Move(fyne.NewPos(0, 0))
	show.Resize(size)
}

func (l pairLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), max(a.Height, b.Height))
}

// flowLayout sets its objects in a row, and in further rows when the row is full: a bar of
// buttons that never overlap, whatever the width. The last object keeps to the right end
// of its row; with fill, the objects of each row share its spare width instead.
//
// Its height depends on its width: a columnLayout asks for it at the width it gives, and
// elsewhere the bar reports the height of the width it was last given, which the window
// takes up on its next frame.
type flowLayout struct {
	fill  bool
	width *float32 // as last laid out
	// least, when set, keeps the bar one row as tall as it, even with nothing shown: what is
	// above it does not move when the buttons come and go.
	least fyne.CanvasObject
}

func newFlow(fill bool, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(flowLayout{fill: fill, width: new(float32)}, objs...)
}

func (flowLayout) rows(objs []fyne.CanvasObject, width float32) [][]fyne.CanvasObject {
	var rows [][]fyne.CanvasObject
	var row []fyne.CanvasObject
	used := float32(0)
	pad := theme.Padding()
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		w := o.MinSize().Width
		if len(row) > 0 && used+pad+w > width {
			rows = append(rows, row)
			row, used = nil, 0
		}
		if len(row) > 0 {
			used += pad
		}
		row = append(row, o)
		used += w
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// heightAt is the height the objects need at width w.
func (l flowLayout) heightAt(objs []fyne.CanvasObject, w float32) float32 {
	h := float32(0)
	for i, row := range l.rows(objs, w) {
		if i > 0 {
			h += theme.Padding()
		}
		h += rowHeight(row)
	}
	if l.least != nil {
		h = max(h, l.least.MinSize().Height)
	}
	return h
}

func rowHeight(row []fyne.CanvasObject) float32 {
	h := float32(0)
	for _, o := range row {
		h = max(h, o.MinSize().Height)
	}
	return h
}

func (l flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if l.width != nil {
		*l.width = size.Width
	}
	pad := theme.Padding()
	y := float32(0)
	rows := l.rows(objs, size.Width)
	for i, row := range rows {
		h := rowHeight(row)
		spare := size.Width - pad*float32(len(row)-1)
		for _, o := range row {
			spare -= o.MinSize().Width
		}
		x := float32(0)
		for j, o := range row {
			w := min(o.MinSize().Width, size.Width)
			if l.fill && spare > 0 {
				w += spare / float32(len(row))
			} else if i == len(rows)-1 && j == len(row)-1 && j > 0 {
				x = max(x, size.Width-w) // the last one keeps right
			}
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, h))
			x += w + pad
		}
		y += h + pad
	}
}

func (l flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	// As wide as the widest object, as tall as the rows need at the width last given.
	w, h := float32(0), float32(0)
	for _, o := range objs {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
			h = max(h, o.MinSize().Height)
		}
	}
	if l.width != nil && *l.width > 0 {
		h = max(h, l.heightAt(objs, *l.width))
	}
	if l.least != nil {
		h = max(h, l.least.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

// layOutAgain lays each container out again at its size, outer first, as after a child's
// minimum has changed: the window would on its next frame, but what is laid out now is
// right at once, for the code that looks at it next.
func layOutAgain(cs ...*fyne.Container) {
	for _, c := range cs {
		if c != nil && c.Layout != nil {
			c.Layout.Layout(c.Objects, c.Size())
		}
	}
}

// heightAt is the height o needs at width w: a flow's rows at that width, or its minimum.
func heightAt(o fyne.CanvasObject, w float32) float32 {
	if c, ok := o.(*fyne.Container); ok {
		if f, ok := c.Layout.(flowLayout); ok {
			return f.heightAt(c.Objects, w)
		}
	}
	return o.MinSize().Height
}

// columnLayout stacks its visible objects top to bottom, each as tall as it needs at the
// column's width, so that a flow that wraps pushes what is below it down rather than run
// over it; the object at index grow takes the height left.
type columnLayout struct{ grow int }

func (l columnLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	heights := make([]float32, len(objs))
	used, shown := float32(0), 0
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		shown++
		if i != l.grow {
			heights[i] = heightAt(o, size.Width)
			used += heights[i]
		}
	}
	if shown > 1 {
		used += pad * float32(shown-1)
	}
	if l.grow >= 0 && l.grow < len(objs) {
		heights[l.grow] = max(0, size.Height-used)
	}
	y := float32(0)
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, heights[i]))
		y += heights[i] + pad
	}
}

func (l columnLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h, shown := float32(0), float32(0), 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w, h = max(w, m.Width), h+m.Height
		shown++
	}
	if shown > 1 {
		h += theme.Padding() * float32(shown-1)
	}
	return fyne.NewSize(w, h)
}

// headingLabel is a one-line bold label that asks for the width of its whole text, so
// that a flow bar gives it a row of its own rather than cut it, and is cut with an
// ellipsis only where even a whole row is too narrow.
type headingLabel struct {
	widget.Label
}

func newHeadingLabel() *headingLabel {
	l := &headingLabel{}
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

func (l *headingLabel) MinSize() fyne.Size {
	text := fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle)
	min := l.Label.MinSize()
	return fyne.NewSize(text.Width+2*theme.InnerPadding(), min.Height)
}

// minAtWidth is o's minimum once it is w wide: text that wraps needs more lines when
// narrower, and Fyne measures it at the width it last had. o is given that width first,
// as the scroll that holds it would next.
func minAtWidth(o fyne.CanvasObject, w float32) fyne.Size {
	if w = max(w, o.MinSize().Width); o.Size().Width != w {
		o.Resize(fyne.NewSize(w, o.Size().Height))
	}
	return o.MinSize()
}

// likeTemplate gives its objects the whole space, and asks for at least the size of a
// template, so that a button whose label changes keeps its width; with fixedHeight, for
// exactly the template's height, whatever the objects hold.
type likeTemplate struct {
	template    fyne.CanvasObject
	fixedHeight bool
}

func (l likeTemplate) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l likeTemplate) MinSize(objs []fyne.CanvasObject) fyne.Size {
	min := l.template.MinSize()
	height := min.Height
	for _, o := range objs {
		min = min.Max(o.MinSize())
	}
	if l.fixedHeight {
		min.Height = height
	}
	return min
}
