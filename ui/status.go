package ui

import "time"

// notify shows a short confirmation that goes away by itself.
func (a *App) notify(text string) {
	a.status.SetText(text)
	a.status.Show()
	seq := a.statusSeq + 1
	a.statusSeq = seq
	a.clock.AfterFunc(6*time.Second, func() {
		a.work.toUI(func() {
			if a.statusSeq == seq {
				a.status.Hide()
			}
		})
	})
}
