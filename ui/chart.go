package ui

import (
	"image/color"
	"maps"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/declinedesk/declinedesk/internal/stage"
)

// statusColors gives each status a hue that reads on light and dark backgrounds.
var statusColors = map[stage.Status]color.NRGBA{
	stage.Saved:     {0xba, 0xb0, 0xac, 0xff},
	stage.Applied:   {0x4e, 0x79, 0xa7, 0xff},
	stage.Invited:   {0x76, 0xb7, 0xb2, 0xff},
	stage.Scheduled: {0xb0, 0x7a, 0xa1, 0xff},
	stage.Offer:     {0xed, 0xc9, 0x48, 0xff},
	stage.Declined:  {0xf2, 0x8e, 0x2b, 0xff},
	stage.Withdrawn: {0x9c, 0x75, 0x5f, 0xff},
	stage.Rejected:  {0xe1, 0x57, 0x59, 0xff},
	stage.Ghosted:   {0xff, 0x9d, 0xa7, 0xff},
	stage.Accepted:  {0x59, 0xa1, 0x4f, 0xff},
}

// statusChart shows at a glance how many opportunities are in each status: one bar split
// by status, and a legend whose entries filter the list when tapped. Each part of the bar
// says what it is when the pointer rests on it and filters the list when clicked; from the
// keyboard, the legend's entries do the same.
type statusChart struct {
	widget.BaseWidget
	onTapped func(stage.Status)
	tips     *tips // nil: no tips

	bar      *fyne.Container
	legend   *fyne.Container
	segments map[stage.Status]*barSegment
	entries  map[stage.Status]*legendEntry
	counts   map[stage.Status]int // what is shown, to do nothing when nothing changed
	selected stage.Status
	open     bool // the legend shows; folded, only the bar does, to leave the list its rows
}

func newStatusChart(onTapped func(stage.Status)) *statusChart {
	c := &statusChart{
		onTapped: onTapped,
		bar:      container.New(&barLayout{}),
		legend:   container.NewGridWithColumns(2),
		segments: map[stage.Status]*barSegment{},
		entries:  map[stage.Status]*legendEntry{},
	}
	for _, s := range stage.Statuses() {
		c.segments[s] = newBarSegment(c, s)
		c.entries[s] = newLegendEntry(s, 0, false, c.tap)
	}
	c.ExtendBaseWidget(c)
	return c
}

func (c *statusChart) tap(s stage.Status) {
	if c.onTapped != nil {
		c.onTapped(s)
	}
}

// set shows new counts, with selected (or "") as the status the list is filtered by. The
// same counts again change nothing: searching does not redraw the chart.
func (c *statusChart) set(counts map[stage.Status]int, selected stage.Status) {
	if selected == c.selected && maps.Equal(counts, c.counts) {
		return
	}
	c.counts, c.selected = maps.Clone(counts), selected
	var weights []float32
	var bars, entries []fyne.CanvasObject
	for _, s := range stage.Statuses() {
		n := counts[s]
		if n == 0 {
			continue
		}
		seg := c.segments[s]
		seg.count = n
		bars = append(bars, seg)
		weights = append(weights, float32(n))
		e := c.entries[s]
		if e.count != n || e.selected != (s == selected) {
			e.count, e.selected = n, s == selected
			e.Refresh()
		}
		entries = append(entries, e)
	}
	c.bar.Layout.(*barLayout).weights = weights
	c.bar.Objects = bars
	c.legend.Objects = entries
	c.bar.Refresh()
	c.legend.Hidden = !c.open
	c.legend.Refresh()
	c.Refresh()
}

// setOpen shows or folds the legend.
func (c *statusChart) setOpen(open bool) {
	c.open = open
	c.legend.Hidden = !open
	c.legend.Refresh()
	c.Refresh()
}

func (c *statusChart) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(c.bar, c.legend))
}

// barSegment is one status's part of the bar.
type barSegment struct {
	widget.BaseWidget
	chart  *statusChart
	status stage.Status
	count  int
}

var (
	_ desktop.Hoverable  = (*barSegment)(nil)
	_ desktop.Cursorable = (*barSegment)(nil)
)

func newBarSegment(c *statusChart, s stage.Status) *barSegment {
	b := &barSegment{chart: c, status: s}
	b.ExtendBaseWidget(b)
	return b
}

// tip says what the segment stands for: "Applied: 1,200".
func (b *barSegment) tip() string { return b.status.Label() + ": " + thousands(b.count) }

func (b *barSegment) Tapped(*fyne.PointEvent) { b.chart.tap(b.status) }

func (b *barSegment) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (b *barSegment) MouseIn(e *desktop.MouseEvent) {
	if b.chart.tips != nil {
		b.chart.tips.hover(b, b.tip(), e.AbsolutePosition)
	}
}

func (b *barSegment) MouseMoved(*desktop.MouseEvent) {}

func (b *barSegment) MouseOut() {
	if b.chart.tips != nil {
		b.chart.tips.leave(b)
	}
}

func (b *barSegment) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(statusColors[b.status]))
}

// barLayout sets its objects side by side, each as wide as its share of the weights, but
// never narrower than minSegment, so that a status with few opportunities still shows.
type barLayout struct{ weights []float32 }

const minSegment = 3

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var total float32
	for _, w := range l.weights {
		total += w
	}
	spare := size.Width - minSegment*float32(len(l.weights))
	if spare < 0 {
		spare = 0
	}
	x := float32(0)
	for i, o := range objs {
		if i >= len(l.weights) || total == 0 {
			o.Hide()
			continue
		}
		w := minSegment + spare*l.weights[i]/total
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (l *barLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 8) }

// legendEntry is one status of the chart: its colour, name and count.
type legendEntry struct {
	widget.BaseWidget
	status   stage.Status
	count    int
	selected bool
	focused  bool
	onTapped func(stage.Status)
}

var (
	_ desktop.Cursorable = (*legendEntry)(nil)
	_ fyne.Focusable     = (*legendEntry)(nil)
)

func newLegendEntry(s stage.Status, n int, selected bool, onTapped func(stage.Status)) *legendEntry {
	e := &legendEntry{status: s, count: n, selected: selected, onTapped: onTapped}
	e.ExtendBaseWidget(e)
	return e
}

func (e *legendEntry) Tapped(*fyne.PointEvent) {
	if e.onTapped != nil {
		e.onTapped(e.status)
	}
}

func (e *legendEntry) Cursor() desktop.Cursor { return desktop.PointerCursor }

// An entry takes the keyboard focus in its turn, and Space or Return filters by it.

func (e *legendEntry) FocusGained() { e.focused = true; e.Refresh() }

func (e *legendEntry) FocusLost() { e.focused = false; e.Refresh() }

func (e *legendEntry) TypedRune(r rune) {
	if r == ' ' {
		e.Tapped(nil)
	}
}

func (e *legendEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		e.Tapped(nil)
	}
}

func (e *legendEntry) CreateRenderer() fyne.WidgetRenderer {
	r := &legendRenderer{
		e:      e,
		bg:     canvas.NewRectangle(color.Transparent),
		swatch: canvas.NewRectangle(statusColors[e.status]),
		label:  canvas.NewText(e.status.Label(), nil),
		count:  canvas.NewText(thousands(e.count), nil),
	}
	r.bg.CornerRadius = 4
	r.swatch.CornerRadius = 2
	r.count.Alignment = fyne.TextAlignTrailing
	r.Refresh()
	return r
}

type legendRenderer struct {
	e            *legendEntry
	bg, swatch   *canvas.Rectangle
	label, count *canvas.Text
}

func (r *legendRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	r.bg.Resize(size)
	sw := r.label.TextSize * 0.8
	r.swatch.Move(fyne.NewPos(pad, (size.Height-sw)/2))
	r.swatch.Resize(fyne.NewSquareSize(sw))
	countW := r.count.MinSize().Width
	r.count.Move(fyne.NewPos(size.Width-pad-countW, (size.Height-r.count.MinSize().Height)/2))
	r.count.Resize(fyne.NewSize(countW, r.count.MinSize().Height))
	r.label.Move(fyne.NewPos(2*pad+sw, (size.Height-r.label.MinSize().Height)/2))
	r.label.Resize(fyne.NewSize(size.Width-3*pad-sw-countW, r.label.MinSize().Height))
}

func (r *legendRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	h := r.label.MinSize().Height
	return fyne.NewSize(r.label.MinSize().Width+r.count.MinSize().Width+h+4*pad, h+pad)
}

func (r *legendRenderer) Refresh() {
	size := theme.CaptionTextSize() * 1.1
	fg := theme.Color(theme.ColorNameForeground)
	for _, t := range []*canvas.Text{r.label, r.count} {
		t.TextSize = size
		t.Color = fg
		t.TextStyle.Bold = r.e.selected
	}
	r.count.Text = thousands(r.e.count)
	r.bg.FillColor = color.Transparent
	switch {
	case r.e.focused:
		r.bg.FillColor = theme.Color(theme.ColorNameFocus)
	case r.e.selected:
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	canvas.Refresh(r.e)
}

func (r *legendRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.swatch, r.label, r.count}
}

func (r *legendRenderer) Destroy() {}
