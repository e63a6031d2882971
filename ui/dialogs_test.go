package ui

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// buttonsOffCentre is how far the middle of the top dialog's row of buttons lies from the
// middle of the dialog (which sits in the middle of the window), in pixels.
func (h *harness) buttonsOffCentre(labels ...string) float64 {
	h.t.Helper()
	h.relayout()
	top := h.win.Canvas().Overlays().Top()
	d := fyne.CurrentApp().Driver()
	middle := h.win.Canvas().Size().Width / 2
	var left, right float32 = math.MaxFloat32, 0
	for _, o := range objectsIn(top) {
		b, ok := o.(*widget.Button)
		if !ok || !b.Visible() {
			continue
		}
		for _, l := range labels {
			if b.Text == l {
				pos := d.AbsolutePositionForObject(b)
				left, right = min(left, pos.X), max(right, pos.X+b.Size().Width)
			}
		}
	}
	if right == 0 {
		h.t.Fatalf("no buttons %q", labels)
	}
	return math.Abs(float64((left+right)/2 - middle))
}

// Every dialog outside the letter sets its buttons the same way: centred, as Fyne does its
// own.
func TestDialogButtonsAreCentredEverywhere(t *testing.T) {
	h := newHarness(t, acme)
	h.app.showConfirm("A question", "Yes or no?", func(bool) {})
	if off := h.buttonsOffCentre("Yes", "No"); off > 2 {
		t.Fatalf("setup: Fyne's own buttons are %.0f px off centre", off)
	}
	h.press(fyne.KeyEscape)

	h.app.letter.onProfile()
	h.settle()
	if off := h.buttonsOffCentre("Cancel", "Save"); off > 2 {
		t.Errorf("the profile's buttons are %.0f px off centre", off)
	}
	h.press(fyne.KeyEscape)

	h.app.tracker.onAdd()
	h.settle()
	if off := h.buttonsOffCentre("Cancel", "Add"); off > 2 {
		t.Errorf("the new opportunity's buttons are %.0f px off centre", off)
	}
}
