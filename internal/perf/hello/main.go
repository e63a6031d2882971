// Command hello is the smallest Fyne window, built with the same Fyne version as Decline
// Desk: scripts/perf.sh measures Decline Desk against it.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("com.declinedesk.hello")
	w := a.NewWindow("Decline Desk hello")
	w.SetContent(widget.NewLabel("Hello"))
	w.ShowAndRun()
}
