package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// entry is the app's text field. Fyne hands keys to the focused widget only, so a field
// passes on what the window handles: Escape closes the open dialog (or clears the search),
// Return in a one-line field confirms the dialog, and the down arrow may leave the field.
type entry struct {
	widget.Entry
	app     *App
	onDown  func() // the down arrow in a one-line field; nil: the field's own
	onFocus func() // the field has just got the keyboard focus; nil: nothing to do
	typed   bool   // the user typed in the field: leaving it may say what is wrong
}

func (e *entry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}

func newEntry(a *App) *entry {
	e := &entry{app: a}
	e.ExtendBaseWidget(e)
	return e
}

func newMultiLineEntry(a *App) *entry {
	e := newEntry(a)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// AcceptsTab is false for every field of the app, the letter's editor included: Tab moves
// to the next field and Shift+Tab back, as in any form. A letter has no use for tab
// characters; one pasted in is flagged by the proofreader, with a fix.
func (e *entry) AcceptsTab() bool { return false }

func (e *entry) TypedRune(r rune) {
	e.typed = true
	e.Entry.TypedRune(r)
}

func (e *entry) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutPaste, *fyne.ShortcutCut:
		e.typed = true
	}
	e.Entry.TypedShortcut(s)
}

// FocusLost checks the field only once the user typed in it: a field merely passed
// through, or a window that loses the focus and gets it back, says nothing. (Fyne checks an
// empty field it once focused; its form would then show the error under a field of ours,
// which it cannot tell from one of its own.)
func (e *entry) FocusLost() {
	if check := e.Validator; check != nil && !e.typed {
		e.Validator = nil
		e.Entry.FocusLost()
		e.Validator = check
		return
	}
	e.Entry.FocusLost()
}

func (e *entry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyBackspace || k.Name == fyne.KeyDelete:
		e.typed = true
	case k.Name == fyne.KeyEscape:
		e.app.onEscape(e)
		return
	case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && !e.MultiLine && e.OnSubmitted == nil:
		if e.app.onEnter() {
			return
		}
	case k.Name == fyne.KeyDown && !e.MultiLine && e.onDown != nil:
		e.onDown()
		return
	}
	e.Entry.TypedKey(k)
}

// dialogButtons lays out the buttons of a dialog built by hand as Fyne lays out its own:
// side by side, of one width, centred.
func dialogButtons(buttons ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewCenter(container.NewGridWithRows(1, buttons...))
}

// sizeToText sizes a dialog that says text, in scroll, to what it says at about width,
// within the window: one line makes a small dialog, a long report fills the window and
// scrolls.
func (a *App) sizeToText(d dialog.Dialog, text *widget.Label, scroll fyne.CanvasObject, width float32) {
	win := a.win.Canvas().Size()
	pad := theme.Padding()
	width = min(width, win.Width-4*pad)
	// The text gets the dialog's width less its margins (32 px in Fyne's dialogs) and the
	// pop-up's padding; measured a little narrower, it is never cut short.
	text.Resize(fyne.NewSize(width-32-4*pad, text.MinSize().Height))
	chrome := d.MinSize().Height - scroll.MinSize().Height
	d.Resize(fyne.NewSize(width, min(chrome+text.MinSize().Height+pad, win.Height-4*pad)))
}

// shownDialog is a dialog on screen, with what Enter does in it.
type shownDialog struct {
	d      dialog.Dialog
	enter  func() // nil: Enter confirms a confirm or form dialog, and closes any other
	escape func() // nil: Escape dismisses the dialog
}

// present shows d and keeps it on the stack of open dialogs, which Escape and Enter act on.
func (a *App) present(d dialog.Dialog) { a.presentWith(d, nil) }

// presentWith is present for a dialog whose Enter does something of its own.
func (a *App) presentWith(d dialog.Dialog, enter func()) {
	sd := &shownDialog{d: d, enter: enter}
	a.dialogs = append(a.dialogs, sd)
	d.SetOnClosed(func() {
		if i := slices.Index(a.dialogs, sd); i >= 0 {
			a.dialogs = slices.Delete(a.dialogs, i, i+1)
		}
	})
	d.Show()
}

// whenNoDialog is run, done only while no dialog is open: the window's shortcuts never act
// on what a dialog covers. Escape and Enter serve the dialog instead.
func (a *App) whenNoDialog(run func()) func() {
	return func() {
		if a.topDialog() == nil {
			run()
		}
	}
}

// showFileDialog shows a file dialog at a comfortable size, on the stack of open dialogs so
// that Escape closes it. A FileDialog can only be resized once it is shown.
func (a *App) showFileDialog(d *dialog.FileDialog) {
	a.present(d)
	d.Resize(fyne.NewSize(760, 520))
}

func (a *App) topDialog() *shownDialog {
	if len(a.dialogs) == 0 {
		return nil
	}
	return a.dialogs[len(a.dialogs)-1]
}

// showInformation is dialog.ShowInformation on the stack of open dialogs.
func (a *App) showInformation(title, message string) {
	a.present(dialog.NewInformation(title, message, a.win))
}

// showConfirm is dialog.ShowConfirm on the stack of open dialogs.
func (a *App) showConfirm(title, message string, callback func(bool)) {
	a.present(dialog.NewConfirm(title, message, callback, a.win))
}

// onEscape closes the dialog on top without doing anything, as its Cancel would; without
// a dialog it clears the search, from the search field, the list or the window, or leaves
// the field.
func (a *App) onEscape(from fyne.Focusable) {
	if a.popUp != nil && a.popUp.Visible() { // a pop-up, such as the date picker, sits above any dialog
		a.popUp.Hide()
		a.popUp = nil
		return
	}
	if top := a.topDialog(); top != nil {
		if top.escape != nil {
			top.escape()
		} else {
			top.d.Dismiss()
		}
		return
	}
	if a.tracker.search.Text != "" && (from == nil || from == fyne.Focusable(a.tracker.search) || from == fyne.Focusable(a.tracker.list)) {
		a.tracker.search.SetText("")
		return
	}
	a.win.Canvas().Unfocus()
}

// onEnter confirms the dialog on top; false when no dialog is open.
func (a *App) onEnter() bool {
	top := a.topDialog()
	if top == nil {
		return false
	}
	switch d := top.d.(type) {
	case *dialog.ConfirmDialog:
		d.Confirm()
	case *dialog.FormDialog:
		d.Submit()
	default:
		if top.enter != nil {
			top.enter()
		} else if _, custom := d.(*dialog.CustomDialog); !custom {
			d.Dismiss() // an information or error dialog: Enter is its OK
		}
	}
	return true
}

// onWindowKey handles keys that reach the window because no field has the focus.
func (a *App) onWindowKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyEscape:
		a.onEscape(nil)
	case fyne.KeyReturn, fyne.KeyEnter:
		a.onEnter()
	case fyne.KeyDelete:
		if a.topDialog() == nil {
			a.tracker.onDelete()
		}
	case fyne.KeyUp, fyne.KeyDown:
		if a.topDialog() == nil {
			a.tracker.moveSelection(map[fyne.KeyName]int{fyne.KeyUp: -1, fyne.KeyDown: 1}[e.Name])
		}
	}
}
