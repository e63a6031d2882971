package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// letterPane is the right pane: the letter, its live preview and the proofreader.
type letterPane struct {
	app     *App
	heading *widget.Label
	content fyne.CanvasObject
}

func newLetterPane(a *App) *letterPane {
	p := &letterPane{app: a, heading: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}}
	p.content = p.heading
	return p
}

func (p *letterPane) show(o *tracker.Opportunity) {
	if o == nil {
		p.heading.SetText("Letter")
		return
	}
	p.heading.SetText("Letter: " + o.Company + " — " + o.Role)
}

func (p *letterPane) leave()                     {}
func (p *letterPane) startDecline(reason string) {}
func (p *letterPane) onProfile()                 {}
func (p *letterPane) onCopy()                    {}
func (p *letterPane) onExport()                  {}
func (p *letterPane) onMail()                    {}
func (p *letterPane) onMarkDeclined()            {}
