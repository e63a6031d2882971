package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// decidePane is the middle pane: the checklist to weigh an invitation before declining.
type decidePane struct {
	app     *App
	heading *widget.Label
	content fyne.CanvasObject
}

func newDecidePane(a *App) *decidePane {
	p := &decidePane{app: a, heading: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}}
	p.content = p.heading
	return p
}

func (p *decidePane) show(o *tracker.Opportunity) {
	if o == nil {
		p.heading.SetText("Decide")
		return
	}
	p.heading.SetText("Decide: " + o.Company + " — " + o.Role)
}

// leave saves what is pending before another opportunity is shown.
func (p *decidePane) leave() {}
