package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// paneFrame holds a pane's two faces: what the pane is for, while nothing is selected, and
// its working view once something is. The working view is built on first use, which keeps
// the window quick to open.
type paneFrame struct {
	intro fyne.CanvasObject
	work  fyne.CanvasObject // nil until built
	build func() fyne.CanvasObject
	stack *fyne.Container
}

// newPaneFrame makes a frame that explains itself with icon, title and text.
func newPaneFrame(icon fyne.Resource, title, text string, build func() fyne.CanvasObject) *paneFrame {
	heading := &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter, SizeName: theme.SizeNameSubHeadingText}
	body := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord, Alignment: fyne.TextAlignCenter}
	f := &paneFrame{intro: container.NewVBox(layout.NewSpacer(), widget.NewIcon(icon), heading, body, layout.NewSpacer()), build: build}
	f.stack = container.NewStack(f.intro)
	return f
}

// content is the frame's place in the window.
func (f *paneFrame) content() fyne.CanvasObject { return container.NewPadded(f.stack) }

// showWork shows the working view, building it first if need be, or the intro when on is
// false.
func (f *paneFrame) showWork(on bool) {
	if !on {
		f.intro.Show()
		if f.work != nil {
			f.work.Hide()
		}
		return
	}
	if f.work == nil {
		f.work = f.build()
		f.stack.Add(f.work)
	}
	f.intro.Hide()
	f.work.Show()
}
