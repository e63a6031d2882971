package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// relayout lays the window out again from the top, as a frame of the real window does once
// a minimum size changed: the test driver does not, so a test that looks at how something
// grew or shrank calls it first.
func (h *harness) relayout() {
	relayout(h.win.Canvas().Content())
	for _, o := range h.win.Canvas().Overlays().List() {
		relayout(o)
	}
}

func relayout(o fyne.CanvasObject) {
	switch c := o.(type) {
	case *fyne.Container:
		if c.Layout != nil {
			c.Layout.Layout(c.Objects, c.Size())
		}
		for _, child := range c.Objects {
			relayout(child)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(c)
		r.Layout(c.Size())
		for _, child := range r.Objects() {
			relayout(child)
		}
	}
}

// objectsIn lists o and everything under it as the window has it: test.LaidOutObjects builds
// new renderers, whose objects (the rows of a list, say) are not the ones on screen.
func objectsIn(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			out = append(out, objectsIn(child)...)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			out = append(out, objectsIn(child)...)
		}
	}
	return out
}
