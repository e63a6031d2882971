package ui

import (
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk"
	"github.com/declinedesk/declinedesk/internal/clip"
	"github.com/declinedesk/declinedesk/internal/clock"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/tracker"
	"github.com/declinedesk/declinedesk/resources"
)

// Preference keys for what the window remembers between runs.
const (
	prefWidth     = "window.width"
	prefHeight    = "window.height"
	prefSplitMain = "split.main" // tracker | workspace
	prefTab       = "workspace.tab"
	prefSort      = "list.sort"
)

// Options tune New. The zero value reads the tracker at once, on the system clock; the
// app itself sets LoadLater, so that the window opens first.
type Options struct {
	// Clock tells the time and runs the window's timers; the system clock unless a test sets one.
	Clock clock.Clock
	// LoadLater leaves reading the tracker to Load, so that the window can open first.
	LoadLater bool

	// runOnUI hands work back to the UI goroutine; fyne.Do unless a test stands in for it.
	runOnUI func(func())
	// clipboard is where Copy puts text; chosen by clipboardFor unless a test sets it.
	clipboard clip.Writer
	// openURL opens a link in its app; the desktop's unless a test stands in for it.
	openURL func(*url.URL) error
}

// App is the main window: the three panes, the menu and what is selected.
type App struct {
	fyneApp fyne.App
	win     fyne.Window
	store   *tracker.BoltStore // used only from worker jobs: a restore swaps it there
	dbPath  string
	work    *worker
	clock   clock.Clock

	index     *tracker.Index       // nil until loaded
	current   *tracker.Opportunity // the selected opportunity, nil when none
	profile   tracker.Profile      // who signs the letters
	clipboard clip.Writer
	openURL   func(*url.URL) error
	status    *widget.Label // short confirmations at the bottom of the window
	statusSeq int
	// profileForm is the profile dialog while it is open.
	profileForm *profileForm
	// saving is the last dialog that asked where to save a file.
	saving *savePrompt
	// intake is the confirm step of a mail read in, while it is open.
	intake *mailConfirm
	// dialogs are the dialogs on screen, the newest last: Escape and Enter act on it.
	dialogs []*shownDialog
	// popUp is the pop-up last shown (the date picker), which Escape closes first.
	popUp *widget.PopUp

	tracker *trackerPane
	decide  *decidePane
	letter  *letterPane

	mainSplit *container.Split
	// workspace holds the selected opportunity's details, the checklist and the letter, in
	// the order the advice follows: look, decide, write.
	workspace        *container.AppTabs
	afterLoadPending bool              // the backup and memory clean-up wait until the list is shown
	recovering       bool              // a restore is on offer: the first-run welcome waits for the answer
	menusRefreshed   int               // how often the menus were brought up to date, which a keystroke must not do
	settingAside     bool              // a damaged tracker is being moved aside
	keys             map[string]func() // every keyboard shortcut, by its name
	shortcuts        [][2]string       // every menu shortcut and its action, for Help
	gated            []gatedItem       // menu items that need a selection or a letter
	closing          bool
}

// gatedItem is a menu item enabled only when what it needs is there.
type gatedItem struct {
	item  *fyne.MenuItem
	needs need
}

// refreshMenus enables the menu items whose action can run now.
func (a *App) refreshMenus() {
	a.menusRefreshed++
	for _, g := range a.gated {
		switch g.needs {
		case selection:
			g.item.Disabled = a.current == nil
		case aLetter:
			g.item.Disabled = a.current == nil || !a.letter.canSend()
		}
	}
	if m := a.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

// shortcutText writes a shortcut as people read it: "Ctrl+Shift+C".
func shortcutText(s fyne.Shortcut) string {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return s.ShortcutName()
	}
	var parts []string
	if cs.Modifier&fyne.KeyModifierShortcutDefault != 0 {
		if runtime.GOOS == "darwin" {
			parts = append(parts, "Cmd")
		} else {
			parts = append(parts, "Ctrl")
		}
	}
	if cs.Modifier&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	return strings.Join(append(parts, string(cs.KeyName)), "+")
}

// onShortcuts lists every key the window answers to.
func (a *App) onShortcuts() {
	var b strings.Builder
	for _, s := range a.shortcuts {
		fmt.Fprintf(&b, "%s\t%s\n", s[0], s[1])
	}
	for _, s := range [][2]string{
		{"Ctrl+BackSpace or Delete", "Delete the selected opportunity (in the list)"},
		{"Up, Down", "Move the selection in the list"},
		{"Down (in the search)", "Go to the first match"},
		{"Escape", "Close the dialog, or clear the search"},
		{"Enter", "Confirm the dialog"},
		{"Tab, Shift+Tab", "Move between fields"},
	} {
		fmt.Fprintf(&b, "%s\t%s\n", s[0], s[1])
	}
	grid := container.New(layout.NewFormLayout())
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		key, what, _ := strings.Cut(line, "\t")
		grid.Add(&widget.Label{Text: key, TextStyle: fyne.TextStyle{Bold: true}})
		grid.Add(widget.NewLabel(what))
	}
	d := dialog.NewCustom("Keyboard Shortcuts", "Close", container.NewVScroll(grid), a.win)
	d.Resize(fyne.NewSize(560, min(560, a.win.Canvas().Size().Height-40)))
	a.present(d)
}

// windowFloor is the least the window asks of the screen, whatever it shows: it fits the
// smallest screens the app is used on, with room for the desktop's own bars.
var windowFloor = fyne.NewSize(600, 400)

// defaultSize is the window's size on first start, on a screen with room for it.
var defaultSize = fyne.NewSize(1280, 800)

// wantedSize is the size the window was left at, or the default.
func (a *App) wantedSize() fyne.Size {
	prefs := a.fyneApp.Preferences()
	w := float32(prefs.FloatWithFallback(prefWidth, float64(defaultSize.Width)))
	h := float32(prefs.FloatWithFallback(prefHeight, float64(defaultSize.Height)))
	if w < windowFloor.Width || h < windowFloor.Height || w > 20000 || h > 20000 {
		return defaultSize // a preference file edited by hand
	}
	return fyne.NewSize(w, h)
}

// FitToScreen sizes the window to open inside a screen of the given size: the size it was
// left at, or the default, made smaller where the screen is, with room left for the
// desktop's bars, and centred on it.
func (a *App) FitToScreen(screen fyne.Size) {
	want := a.wantedSize()
	room := fyne.NewSize(screen.Width*0.96, screen.Height*0.92)
	size := fyne.NewSize(max(min(want.Width, room.Width), windowFloor.Width), max(min(want.Height, room.Height), windowFloor.Height))
	a.win.Resize(size)
	a.win.CenterOnScreen()
	if a.fyneApp.Preferences().FloatWithFallback(prefSplitMain, -1) < 0 {
		a.mainSplit.SetOffset(defaultSplit(size.Width))
	}
}

// defaultSplit is the share of width the list's column opens with until the user moves
// the divider: some 30%, and enough for a list row and its filters on a small screen.
func defaultSplit(width float32) float64 {
	const least = 290
	return max(0.3, min(least/float64(width), 0.5))
}

// Metadata is the app's identity for Fyne, from FyneApp.toml.
func Metadata() fyne.AppMetadata {
	info := declinedesk.AppInfo()
	return fyne.AppMetadata{
		ID: info.ID, Name: info.Name, Version: info.Version, Build: info.Build,
		Icon: resources.Icon, Release: releaseBuild, Migrations: info.Migrations,
	}
}

// New builds the window's content around store s and starts loading the tracker.
// The App owns s from now on and closes it when the window closes.
func New(fa fyne.App, w fyne.Window, s *tracker.BoltStore, opts Options) *App {
	if opts.Clock == nil {
		opts.Clock = clock.System()
	}
	a := &App{fyneApp: fa, win: w, store: s, dbPath: s.Path(), work: newWorker(opts.runOnUI), clock: opts.Clock, clipboard: opts.clipboard}
	fa.Settings().SetTheme(newAppTheme(fa.Settings().Theme()))
	if a.clipboard == nil {
		a.clipboard = clipboardFor(fa)
	}
	if a.openURL = opts.openURL; a.openURL == nil {
		a.openURL = fa.OpenURL
	}
	a.status = &widget.Label{Importance: widget.SuccessImportance, Truncation: fyne.TextTruncateEllipsis, Alignment: fyne.TextAlignTrailing}
	a.status.Hide()
	a.tracker = newTrackerPane(a)
	a.decide = newDecidePane(a)
	a.letter = newLetterPane(a)

	prefs := fa.Preferences()
	a.workspace = container.NewAppTabs(
		container.NewTabItemWithIcon("Details", theme.InfoIcon(), a.tracker.details.content),
		container.NewTabItemWithIcon("Decide", theme.QuestionIcon(), a.decide.content),
		container.NewTabItemWithIcon("Letter", theme.MailComposeIcon(), a.letter.content),
	)
	a.tracker.rememberTab(prefs.IntWithFallback(prefTab, tabLetter))
	// Short confirmations float in the empty right half of the tab bar: they never push the
	// panes about.
	floating := container.NewVBox(container.NewGridWithColumns(2, layout.NewSpacer(), a.status))
	a.mainSplit = container.NewHSplit(a.tracker.content, container.NewStack(a.workspace, floating))
	a.mainSplit.Offset = prefs.FloatWithFallback(prefSplitMain, defaultSplit(defaultSize.Width))
	// The window's size is the user's: the content never makes it grow, and below the
	// content's own minimum the panes scroll.
	w.SetContent(fitted(a.mainSplit, windowFloor))
	w.SetIcon(resources.Icon)
	w.Resize(a.wantedSize())
	a.installMenuAndShortcuts()
	w.SetCloseIntercept(a.onClose)
	w.SetOnDropped(a.onDropped) // an .eml file dropped on the window starts an opportunity

	a.setCurrent(nil)
	a.watchMidnight()
	a.tracker.showLoading()
	if !opts.LoadLater {
		a.Load()
	}
	return a
}

// Load reads the profile and the tracker in the background and shows them.
func (a *App) Load() {
	background(a.work, func() (tracker.Profile, error) { return a.store.Profile() }, a.onProfileLoaded)
	background(a.work, func() (*tracker.Index, error) { return tracker.LoadIndex(a.store) }, a.onIndexLoaded)
}

// onProfileLoaded keeps the profile for the letters; on first run it asks for it.
func (a *App) onProfileLoaded(p tracker.Profile, err error) {
	if err != nil {
		a.showError("Your profile could not be read", err)
		return
	}
	a.profile = p
	if p.FullName == "" && !a.recovering {
		a.profileForm = showProfile(a, true)
	}
}

func (a *App) onIndexLoaded(ix *tracker.Index, err error) {
	switch {
	case errors.Is(err, tracker.ErrDamaged):
		a.setAsideDamaged(err)
		ix = tracker.NewIndex(nil)
	case err != nil:
		a.showError("The tracker could not be read", err)
		ix = tracker.NewIndex(nil)
	}
	a.afterLoadPending = a.index == nil
	a.index = ix
	a.tracker.refresh()
}

func (a *App) today() day.Day { return day.Of(a.now()) }

// now is the time on the app's clock.
func (a *App) now() time.Time { return a.clock.Now() }

// The workspace's tabs, in order.
const (
	tabDetails = iota
	tabDecide
	tabLetter
)

// writeLetter brings the letter forward, with the reason the checklist points to.
func (a *App) writeLetter(reason letter.Reason) {
	a.letter.startDecline(reason)
	a.showTab(tabLetter)
}

// showTab brings one of the workspace's tabs to the front: the user's choice, kept when
// an opportunity is selected.
func (a *App) showTab(i int) {
	a.tracker.laterTab = -1
	a.workspace.SelectIndex(i)
}

// action is one command of the menu, with its keyboard shortcut if it has one.
type action struct {
	label    string
	shortcut fyne.Shortcut
	run      func()
	needs    need // what must be there for the action to make sense
}

// need is what an action needs to be enabled.
type need int

const (
	always    need = iota
	selection      // an opportunity is selected
	aLetter        // the selected opportunity's letter is ready to send
)

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// installMenuAndShortcuts builds the main menu. Menu shortcuts work wherever the focus is;
// the same shortcuts are also set on the canvas so that they work in tests and in windows
// without a menu bar.
func (a *App) installMenuAndShortcuts() {
	menus := []struct {
		name    string
		actions []*action
	}{
		{"File", []*action{
			{"New Opportunity…", ctrl(fyne.KeyN), a.tracker.onAdd, always},
			{"New from Email…", ctrlShift(fyne.KeyN), a.onNewFromEmail, always},
			{"Import CSV…", ctrl(fyne.KeyI), a.tracker.onImport, always},
			{"Export CSV…", nil, a.tracker.onExport, always},
			nil,
			{"Export Calendar…", nil, a.onExportCalendar, always},
			nil,
			{"Back Up Now…", nil, a.onBackup, always},
			{"Restore from Backup…", nil, a.onRestore, always},
			nil,
			{"Profile…", nil, a.letter.onProfile, always},
			{"Settings…", nil, a.onSettings, always},
			nil,
			{"Quit", ctrl(fyne.KeyQ), a.onClose, always},
		}},
		{"Edit", []*action{
			{"Find", ctrl(fyne.KeyF), a.tracker.focusSearch, always},
			{"Edit Opportunity…", nil, a.tracker.onEdit, selection},
			{"Add Note to History…", nil, a.tracker.onAddNote, selection},
			{"Delete Opportunity…", nil, a.tracker.onDelete, selection},
		}},
		{"View", []*action{
			{"Details", ctrl(fyne.Key1), func() { a.showTab(tabDetails) }, always},
			{"Decide", ctrl(fyne.Key2), func() { a.showTab(tabDecide) }, always},
			{"Letter", ctrl(fyne.Key3), func() { a.showTab(tabLetter) }, always},
		}},
		{"Letter", []*action{
			{"Copy Letter", ctrlShift(fyne.KeyC), a.letter.onCopy, aLetter},
			{"Export .eml Draft…", ctrl(fyne.KeyE), a.letter.onExport, aLetter},
			{"Open in Mail App", nil, a.letter.onMail, aLetter},
			nil,
			{"Mark as Sent…", nil, a.letter.onMarkSent, aLetter},
		}},
		{"Help", []*action{
			{"Keyboard Shortcuts", nil, a.onShortcuts, always},
			{"About Decline Desk", nil, a.onAbout, always},
		}},
	}
	a.keys = map[string]func(){}
	addKey := func(s fyne.Shortcut, run func()) {
		a.keys[s.ShortcutName()] = run
		a.win.Canvas().AddShortcut(s, func(fyne.Shortcut) { run() })
	}
	var main []*fyne.Menu
	for _, m := range menus {
		var items []*fyne.MenuItem
		for _, act := range m.actions {
			if act == nil {
				items = append(items, fyne.NewMenuItemSeparator())
				continue
			}
			run := a.whenNoDialog(act.run)
			if act.label == "Quit" {
				run = act.run // quitting saves what is open and closes it
			}
			item := fyne.NewMenuItem(act.label, run)
			if act.needs != always {
				a.gated = append(a.gated, gatedItem{item, act.needs})
			}
			item.Shortcut = act.shortcut
			item.IsQuit = act.label == "Quit" // our Quit saves and closes like the window's close button
			items = append(items, item)
			if act.shortcut != nil {
				addKey(act.shortcut, run)
				a.shortcuts = append(a.shortcuts, [2]string{shortcutText(act.shortcut), act.label})
			}
		}
		main = append(main, fyne.NewMenu(m.name, items...))
	}
	a.win.SetMainMenu(fyne.NewMainMenu(main...))
	a.refreshMenus()

	// Delete and Ctrl+Backspace are not menu shortcuts: in a text field they edit text.
	// They delete the selected opportunity when the list or nothing has the focus.
	a.win.Canvas().SetOnTypedKey(a.onWindowKey)
	addKey(ctrl(fyne.KeyBackspace), a.whenNoDialog(a.tracker.onDelete))
}

// selectOpportunity loads the opportunity id and shows it in every pane.
func (a *App) selectOpportunity(id uint64) {
	if a.current != nil && a.current.ID == id {
		return
	}
	a.decide.leave()
	a.letter.leave()
	a.letter.expectAnother() // a send action from now on waits for this one's letter
	background(a.work, func() (tracker.Opportunity, error) { return a.store.Get(id) }, func(o tracker.Opportunity, err error) {
		if err != nil {
			a.showError("The opportunity could not be opened", err)
			return
		}
		a.setCurrent(&o)
	})
}

// setCurrent shows o (nil for none) in every pane.
func (a *App) setCurrent(o *tracker.Opportunity) {
	a.current = o
	a.tracker.showDetails(o)
	a.decide.show(o)
	a.letter.show(o)
	a.refreshMenus()
}

// saved takes a freshly saved opportunity into the list and the panes.
func (a *App) saved(o tracker.Opportunity) {
	if a.index != nil {
		a.index.Put(&o)
	}
	a.tracker.refresh()
	if a.current != nil && a.current.ID == o.ID {
		a.setCurrent(&o)
	}
}

// save runs a change of an opportunity on the worker, then shows the saved opportunity
// everywhere; on failure it says what was not saved.
func (a *App) save(notSaved string, change func(s *tracker.BoltStore) (tracker.Opportunity, error)) {
	background(a.work, func() (tracker.Opportunity, error) { return change(a.store) },
		func(o tracker.Opportunity, err error) {
			if err != nil {
				a.showError(notSaved, err)
				return
			}
			a.saved(o)
		})
}

// saveAside saves what belongs to the current opportunity but shows nowhere but where it is
// typed — its letter draft, its checklist answers — so that nothing is redrawn for it: a
// pause in typing moves nothing in the list and rebuilds no pane.
func (a *App) saveAside(notSaved string, change func(s *tracker.BoltStore) (tracker.Opportunity, error)) {
	background(a.work, func() (tracker.Opportunity, error) { return change(a.store) },
		func(o tracker.Opportunity, err error) {
			if err != nil {
				a.showError(notSaved, err)
				return
			}
			if c := a.current; c != nil && c.ID == o.ID {
				c.Draft, c.DraftStatus, c.Checklist, c.UpdatedAt = o.Draft, o.DraftStatus, o.Checklist, o.UpdatedAt
			}
		})
}

// deleted takes an opportunity out of the list and the panes.
func (a *App) deleted(id uint64) {
	if a.index != nil {
		a.index.Remove(id)
	}
	if a.current != nil && a.current.ID == id {
		a.setCurrent(nil)
	}
	a.tracker.refresh()
}

// showError tells the user what failed, in words, with what to do when we know it.
func (a *App) showError(what string, err error) {
	if errors.Is(err, tracker.ErrDamaged) {
		a.setAsideDamaged(err)
		return
	}
	msg := err.Error()
	switch {
	case errors.Is(err, tracker.ErrNotFound):
		msg = "It was deleted meanwhile."
	}
	d := dialog.NewError(fmt.Errorf("%s.\n\n%s", what, msg), a.win)
	a.present(d)
}

func (a *App) onAbout() {
	info := declinedesk.AppInfo()
	text := widget.NewLabel(fmt.Sprintf("%s\n\nDecline an interview without burning bridges, and keep your job search records straight.\n\n"+
		"Your data stays on this computer:\n%s\nBackups, one a day, the last seven kept:\n%s", info, a.dbPath, tracker.BackupDir(a.dbPath)))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About "+info.Name, "Close", text, a.win)
	d.Resize(fyne.NewSize(460, 260))
	a.present(d)
}

// onClose remembers the window's layout, saves what is pending, and closes the database
// before the window goes away.
func (a *App) onClose() {
	if a.closing {
		return
	}
	a.closing = true
	prefs := a.fyneApp.Preferences()
	size := a.win.Canvas().Size()
	prefs.SetFloat(prefWidth, float64(size.Width))
	prefs.SetFloat(prefHeight, float64(size.Height))
	prefs.SetFloat(prefSplitMain, a.mainSplit.Offset)
	prefs.SetInt(prefTab, a.workspace.SelectedIndex())
	a.tracker.savePrefs(prefs)
	a.decide.leave()
	a.letter.leave()
	a.work.run(func() {
		a.store.Close()
		a.work.toUI(a.win.Close)
	})
}
