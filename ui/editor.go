package ui

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Fyne's Entry has no call to select a range of text. selectRange does it through the
// Entry's public surface: the cursor fields, CursorTextOffset, and shift+arrow keys, which
// is how a user selects with the keyboard. Offsets are bytes into e.Text.

// selectRange selects e.Text[start:end] and puts the cursor at its end.
func selectRange(e *widget.Entry, start, end int) {
	start, end = max(0, min(start, len(e.Text))), max(0, min(end, len(e.Text)))
	from := utf8.RuneCountInString(e.Text[:start])
	to := from + utf8.RuneCountInString(e.Text[start:end])
	shift := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}

	e.KeyUp(shift)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) // drop any earlier selection
	e.CursorRow, e.CursorColumn = cursorAt(e, from)
	if to > from {
		e.KeyDown(shift) // anchors the selection at the cursor
		e.CursorRow, e.CursorColumn = cursorAt(e, to-1)
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		e.KeyUp(shift)
	}
	e.Refresh()
}

// cursorAt finds the row and column of a character offset. Rows are the Entry's wrapped
// rows, so the row that holds the offset is found by asking the Entry where rows begin.
func cursorAt(e *widget.Entry, offset int) (row, col int) {
	saveRow, saveCol := e.CursorRow, e.CursorColumn
	defer func() { e.CursorRow, e.CursorColumn = saveRow, saveCol }()
	rowStart := func(r int) (int, bool) {
		e.CursorRow, e.CursorColumn = r, 0
		o := e.CursorTextOffset()
		return o, r == 0 || o > 0 // beyond the last row the Entry answers 0
	}
	// Grow an upper bound, then find the last row that starts at or before offset.
	lo, hi := 0, 1
	for {
		o, ok := rowStart(hi)
		if !ok || o > offset {
			break
		}
		lo, hi = hi, hi*2
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if o, ok := rowStart(mid); ok && o <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	begin, _ := rowStart(lo)
	return lo, offset - begin
}
