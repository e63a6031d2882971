package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// afterLoad runs once the tracker is on screen: it hands the memory the load used back to
// the system and takes the day's backup, which also checks the database.
func (a *App) afterLoad() {
	background(a.work, func() (string, error) {
		a.store.ReleaseMemory()
		debug.FreeOSMemory()
		return a.store.DailyBackup()
	}, func(_ string, err error) {
		switch {
		case errors.Is(err, tracker.ErrDamaged):
			a.setAsideDamaged(err)
		case err != nil:
			a.notify("Today's backup could not be written: " + err.Error())
		}
	})
}

// OfferRecovery tells the user that the database was damaged and moved aside, and offers
// the newest backup. The window already runs on a fresh, empty tracker.
func (a *App) OfferRecovery(movedTo string) {
	a.recovering = true
	a.offerRestore("Your tracker file was damaged",
		fmt.Sprintf("It could not be read, so it was moved out of the way, unchanged:\n%s\n\n"+
			"You can restore the newest backup, or start with an empty tracker.", movedTo))
}

// setAsideDamaged answers damage found after the tracker was opened — a record that
// cannot be read, a page the check refuses — as opening does: nothing more is written to
// the file (the store refuses), it is closed and moved aside unchanged, the window goes on
// with a fresh tracker, and the newest backup is offered.
func (a *App) setAsideDamaged(found error) {
	if a.settingAside {
		return
	}
	a.settingAside = true
	a.decide.leave()
	a.letter.leave()
	type result struct {
		aside string
		store *tracker.BoltStore
	}
	old := a.store
	background(a.work, func() (result, error) {
		old.Close()
		aside, err := tracker.MoveAside(a.dbPath, "damaged", a.now())
		if err != nil {
			return result{}, err
		}
		s, err := tracker.Open(a.dbPath, tracker.Options{Clock: a.clock})
		return result{aside: aside, store: s}, err
	}, func(r result, err error) {
		a.settingAside = false
		if err != nil {
			msg := fmt.Sprintf("Decline Desk found damage in your tracker (%v) and could not set it aside (%v). "+
				"Nothing more was written to it. Quit, copy the file somewhere safe, and start again.", found, err)
			a.present(dialog.NewError(errors.New(msg), a.win))
			return
		}
		a.store = r.store
		a.reload()
		a.OfferRecovery(r.aside)
	})
}

// listBackups reads the backup folder off the UI goroutine and hands the list to show.
func (a *App) listBackups(show func([]tracker.Backup, error)) {
	path := a.dbPath
	background(a.work, func() ([]tracker.Backup, error) { return tracker.Backups(path) }, show)
}

// offerRestore explains a problem and offers the newest backup.
func (a *App) offerRestore(title, text string) {
	a.listBackups(func(backups []tracker.Backup, err error) { a.showRestoreOffer(title, text, backups, err) })
}

func (a *App) showRestoreOffer(title, text string, backups []tracker.Backup, listErr error) {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	if len(backups) == 0 {
		note := "There is no backup yet."
		if listErr != nil {
			note = "The backups could not be listed: " + listErr.Error()
		}
		msg.SetText(text + "\n\n" + note)
		d := dialog.NewCustom(title, "Start fresh", msg, a.win)
		d.SetOnClosed(a.startFresh)
		d.Resize(fyne.NewSize(560, 260))
		a.present(d)
		return
	}
	newest := backups[0]
	d := dialog.NewCustomConfirm(title, "Restore "+newest.Label(), "Start fresh", msg, func(ok bool) {
		if ok {
			label := newest.Label()
			a.restore(newest.Path, a.now(), func(string) {
				a.tracker.showNotice("Restored the backup of "+label+".", nil)
			})
			return
		}
		a.startFresh()
	}, a.win)
	d.Resize(fyne.NewSize(560, 280))
	a.present(d)
}

// startFresh goes on with the empty tracker: on a first run, that means the welcome.
func (a *App) startFresh() {
	if !a.recovering {
		return
	}
	a.recovering = false
	if a.profile.FullName == "" {
		a.profileForm = showProfile(a, true)
	}
}

// onBackup saves a backup where the user chooses.
func (a *App) onBackup() {
	a.askSavePath("Save a backup", "declinedesk-backup-"+string(a.today())+".db", ".db",
		"A backup holds everything: opportunities, checklists, letters and their history.", func(path string) {
			background(a.work, func() (struct{}, error) {
				return struct{}{}, a.store.WriteBackup(path)
			}, func(_ struct{}, err error) {
				if err != nil {
					a.showError("The backup was not written", err)
					return
				}
				a.notify("Backup saved as " + filepath.Base(path))
			})
		})
}

// onRestore lists the backups to restore one from.
func (a *App) onRestore() { a.listBackups(a.showRestoreChoice) }

func (a *App) showRestoreChoice(backups []tracker.Backup, err error) {
	if err != nil {
		a.showError("The backups could not be listed", err)
		return
	}
	if len(backups) == 0 {
		a.showInformation("No backups yet", "Decline Desk backs your tracker up once a day, into\n"+tracker.BackupDir(a.dbPath))
		return
	}
	labels := make([]string, len(backups))
	for i, b := range backups {
		labels[i] = fmt.Sprintf("%s  ·  %s  ·  %d KiB", b.Label(), filepath.Base(b.Path), (b.Size+1023)/1024)
	}
	// A backup is always chosen: clicking the chosen one again does not leave Restore with
	// nothing to do.
	chosen := &widget.RadioGroup{Options: labels, Required: true}
	chosen.ExtendBaseWidget(chosen)
	chosen.SetSelected(labels[0])
	note := widget.NewLabel("Decline Desk asks before it restores, keeps your tracker as it is now beside it, and lets you undo the restore.")
	note.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Restore from a backup", "Restore…", "Cancel", container.NewBorder(nil, note, nil, nil, container.NewVScroll(chosen)), func(ok bool) {
		if !ok {
			return
		}
		for i, l := range labels {
			if l == chosen.Selected {
				a.askRestore(backups[i])
			}
		}
	}, a.win)
	d.Resize(fyne.NewSize(640, 420))
	a.present(d)
}

// askRestore says what restoring b does, where the tracker as it is now goes, and restores
// only when the user agrees. The tracker is kept under the name given here.
func (a *App) askRestore(b tracker.Backup) {
	asked := a.now()
	keptAs := filepath.Base(tracker.BeforeRestoreName(a.dbPath, asked))
	text := widget.NewLabel(fmt.Sprintf("Restore the backup of %s?\n\nYour tracker as it is now is kept as %s beside it, in %s. "+
		"You can undo the restore afterwards.", b.Label(), keptAs, filepath.Dir(a.dbPath)))
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	label := b.Label()
	d := dialog.NewCustomConfirm("Restore this backup?", "Restore", "Cancel", scroll, func(ok bool) {
		if !ok {
			return
		}
		a.restore(b.Path, asked, func(aside string) {
			a.tracker.showNotice(fmt.Sprintf("Restored the backup of %s. Your tracker as it was is kept as %s.", label, filepath.Base(aside)),
				func() { a.undoRestore(aside) })
		})
	}, a.win)
	a.sizeToText(d, text, scroll, 560)
	a.present(d)
}

// undoRestore puts back the tracker as it was before a restore, the same way: what is there
// now is kept aside in its turn.
func (a *App) undoRestore(aside string) {
	a.restore(aside, a.now(), func(restored string) {
		a.tracker.showNotice("Your tracker is back as it was before the restore. The restored copy is kept as "+filepath.Base(restored)+".", nil)
	})
}

// restore swaps the tracker for the file at from, a backup or a tracker kept aside: the store
// is closed, the current file kept aside with the time when, from copied in and opened, and
// every pane reloaded. done is told where the current file went.
func (a *App) restore(from string, when time.Time, done func(aside string)) {
	a.decide.leave()
	a.letter.leave()
	type result struct {
		aside string
		store *tracker.BoltStore
	}
	background(a.work, func() (result, error) {
		a.store.Close()
		aside, err := tracker.Restore(a.dbPath, from, when)
		s, openErr := tracker.Open(a.dbPath, tracker.Options{Clock: a.clock})
		if openErr != nil {
			return result{aside: aside}, errors.Join(err, openErr)
		}
		a.store = s
		return result{aside: aside, store: s}, err
	}, func(r result, err error) {
		a.recovering = false
		if r.store == nil {
			a.showError("The tracker could not be opened after restoring", err)
			return
		}
		if err != nil {
			a.showError("The backup was not restored; your tracker is as it was", err)
		} else {
			done(r.aside)
		}
		a.reload()
	})
}

// reload reads everything again from the store, after it was swapped.
func (a *App) reload() {
	a.setCurrent(nil)
	a.tracker.showLoading()
	background(a.work, func() (tracker.Profile, error) { return a.store.Profile() }, a.onProfileLoaded)
	a.tracker.reloadIndex()
}
