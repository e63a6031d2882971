package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// shownTexts is every text the window draws now, its dialogs included: the texts of the
// renderers on screen, where h.texts builds new ones.
func (h *harness) shownTexts() []string {
	var out []string
	roots := append([]fyne.CanvasObject{h.win.Canvas().Content()}, h.win.Canvas().Overlays().List()...)
	for _, root := range roots {
		for _, o := range objectsIn(root) {
			if t, ok := o.(*canvas.Text); ok && t.Visible() && t.Text != "" && visibleIn(root, t) {
				out = append(out, t.Text)
			}
		}
	}
	return out
}

// visibleIn reports whether o and every object above it under root are visible.
func visibleIn(root, o fyne.CanvasObject) bool {
	var walk func(c fyne.CanvasObject) (found, visible bool)
	walk = func(c fyne.CanvasObject) (bool, bool) {
		if c == o {
			return true, c.Visible()
		}
		var children []fyne.CanvasObject
		switch x := c.(type) {
		case *fyne.Container:
			children = x.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(x).Objects()
		}
		for _, child := range children {
			if found, vis := walk(child); found {
				return true, vis && c.Visible()
			}
		}
		return false, false
	}
	_, vis := walk(root)
	return vis
}

// The welcome asks; it does not scold. A field left empty says nothing, even when the window
// loses the focus and gets it back; one filled in wrongly says what is wrong once it is left.
func TestTheWelcomeShowsNoErrorBeforeAnythingIsTyped(t *testing.T) {
	h := newHarnessWith(t, nil)
	f := h.app.profileForm
	// Not h.shows: building a form's renderer anew, as it does, takes its messages off screen.
	if f == nil || !slices.Contains(h.shownTexts(), "Welcome") {
		t.Fatal("no welcome")
	}
	scolds := func() []string {
		var out []string
		for _, s := range h.shownTexts() {
			if strings.HasPrefix(s, "enter your") || strings.Contains(s, "required") || strings.Contains(s, "not an email") {
				out = append(out, s)
			}
		}
		return out
	}
	if got := scolds(); len(got) > 0 {
		t.Errorf("the welcome opens with %q", got)
	}
	// The window loses the focus and gets it back, as it does when it first shows.
	f.name.FocusLost()
	f.name.FocusGained()
	if got := scolds(); len(got) > 0 {
		t.Errorf("after the window had the focus back: %q", got)
	}
	h.win.Canvas().Focus(f.email) // passed through, nothing typed
	h.win.Canvas().Focus(f.signature)
	if got := scolds(); len(got) > 0 {
		t.Errorf("fields left empty say %q", got)
	}
	h.typeInto(f.name, "Ana")
	h.win.Canvas().Focus(f.email)
	if got := scolds(); len(got) != 1 || got[0] != "enter your first and last name" {
		t.Errorf("a one-word name, once left, says %q", got)
	}
}
