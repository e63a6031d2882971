package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// ShowOpenFailure fills the window with why the database could not be opened.
func ShowOpenFailure(w fyne.Window, path string, err error) {
	title, text := "The tracker could not be opened", err.Error()
	switch {
	case errors.Is(err, tracker.ErrInUse):
		title = "Decline Desk is already open"
		text = "Your tracker is open in another Decline Desk window or command.\nSwitch to that window, or close it and start Decline Desk again."
	case errors.Is(err, tracker.ErrDamaged):
		title = "The tracker file is damaged"
	case errors.Is(err, tracker.ErrForeign):
		title = "This is not a Decline Desk file"
		text = "The file belongs to another program, so Decline Desk left it exactly as it was.\nStart Decline Desk with another file (--db PATH)."
	case errors.Is(err, tracker.ErrNewer):
		title = "Made by a newer Decline Desk"
		text = "This tracker was saved by a newer version of Decline Desk. Update the app to open it; the file was not changed."
	}
	msg := widget.NewLabel(fmt.Sprintf("%s\n\n%s", text, path))
	msg.Wrapping = fyne.TextWrapWord
	msg.Alignment = fyne.TextAlignCenter
	heading := &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, Alignment: fyne.TextAlignCenter, SizeName: theme.SizeNameSubHeadingText}
	quit := &widget.Button{Text: "Quit", Importance: widget.HighImportance, OnTapped: w.Close}
	w.SetContent(container.NewVBox(layout.NewSpacer(), widget.NewIcon(theme.WarningIcon()), heading, msg, container.NewCenter(quit), layout.NewSpacer()))
	w.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape || e.Name == fyne.KeyReturn {
			w.Close()
		}
	})
	w.Resize(fyne.NewSize(640, 360))
}
