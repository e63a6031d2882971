package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/followup"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

const allStatuses = "All statuses"

// trackerPane is the tracker column: search, filter and sort the opportunities, see them at a
// glance, and add, edit or delete them.
type trackerPane struct {
	app *App

	search *entry
	status *widget.Select
	due    *dueButton // the Due filter, with the count of follow-ups due
	dueN   int
	sort   *widget.Select
	add    *widget.Button
	more   *widget.Button
	chart  *statusChart
	// chartToggle folds the chart's legend away, so that the list keeps its rows
	chartToggle *widget.Button
	list        *oppList
	listRing    *canvas.Rectangle // drawn round the list while it has the keyboard focus
	count       *widget.Label
	countWidest *widget.Label   // the longest count for this tracker, which sets the count's width
	body        *fyne.Container // the list, or a message when there is nothing to list
	message     *widget.Label
	actions     *fyne.Container // buttons under the message
	details     *detailsView
	form        *opportunityForm // the add/edit form while it is open
	columns     *columnsStep     // the import's column matching while it is open
	tips        *tips            // the whole of a truncated name, what a colour means
	notice      *widget.Label    // what a restore did, until dismissed
	noticeUndo  *widget.Button
	noticeBox   *fyne.Container
	content     fyne.CanvasObject

	query    tracker.Query
	rows     []*tracker.Row // what the list shows, in order
	querySeq int            // the newest search; older results are dropped
	rowsSeq  int            // the search the rows belong to
	downFor  int            // the search whose rows a Down in the search box waits for, 0 for none
	selected uint64         // id selected in the list, 0 for none
	laterTab int            // the workspace's tab to show once an opportunity is selected, -1 for none
}

func newTrackerPane(a *App) *trackerPane {
	p := &trackerPane{app: a, tips: newTips(a.clock, a.work.toUI)}
	p.search = newEntry(a)
	p.search.PlaceHolder = "Search opportunities"
	p.search.onDown = p.onSearchDown
	p.search.OnChanged = func(string) { p.onQueryChanged() }
	p.search.ActionItem = widget.NewButtonWithIcon("", theme.SearchIcon(), p.focusSearch)

	statuses := []string{allStatuses}
	for _, s := range stage.Statuses() {
		statuses = append(statuses, s.Label())
	}
	p.status = widget.NewSelect(statuses, nil)
	p.status.SetSelectedIndex(0)

	var orders []string
	for _, o := range tracker.SortOrders {
		orders = append(orders, o.Label)
	}
	p.sort = widget.NewSelect(orders, nil)
	p.sort.SetSelectedIndex(a.fyneApp.Preferences().IntWithFallback(prefSort, 0) % len(orders))
	p.status.OnChanged = func(string) { p.onQueryChanged() }
	p.due = newDueButton(p)
	p.sort.OnChanged = func(string) { p.onQueryChanged() }

	p.add = &widget.Button{Text: "Add", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: p.onAdd}
	p.more = &widget.Button{Icon: theme.MoreVerticalIcon(), Importance: widget.LowImportance}
	p.more.OnTapped = p.onMore

	p.chart = newStatusChart(p.onChartTapped)
	p.chart.tips = p.tips
	p.chartToggle = &widget.Button{Importance: widget.LowImportance, OnTapped: p.onChartToggle}
	p.setChartOpen(a.fyneApp.Preferences().Bool(prefChartOpen))
	p.list = newOppList(p)
	p.listRing = &canvas.Rectangle{FillColor: color.Transparent, StrokeWidth: 2, CornerRadius: theme.InputRadiusSize()}
	p.listRing.Hide()
	p.count = widget.NewLabel("")
	p.count.SizeName = theme.SizeNameCaptionText
	p.message = widget.NewLabel("")
	p.message.Alignment = fyne.TextAlignCenter
	p.message.Wrapping = fyne.TextWrapWord
	p.actions = container.NewCenter()
	p.body = container.NewStack(p.list, p.listRing)
	p.details = newDetailsView(p)

	p.notice = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.noticeUndo = &widget.Button{Text: "Undo restore", Icon: theme.ContentUndoIcon()}
	p.noticeBox = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, p.notice),
		container.NewHBox(p.noticeUndo, &widget.Button{Text: "Dismiss", OnTapped: p.hideNotice}),
		widget.NewSeparator(),
	)
	p.noticeBox.Hide()

	// The filters share their row, and wrap onto two where the column is narrow.
	filters := newFlow(true, p.status, p.sort, container.New(likeTemplate{template: &widget.Button{Text: dueText(1000), Icon: theme.HistoryIcon()}}, p.due))
	// The count keeps the width of the longest it can say for this tracker, so that the row
	// under the list wraps at one width, not as a search narrows the list.
	p.countWidest = &widget.Label{SizeName: theme.SizeNameCaptionText}
	bottom := newFlow(false, container.New(likeTemplate{template: p.countWidest}, p.count), p.chartToggle)
	column := container.New(columnLayout{grow: 4},
		p.noticeBox,
		container.NewBorder(nil, nil, nil, container.NewHBox(p.add, p.more), p.search),
		filters,
		p.chart,
		p.body,
		bottom,
	)
	p.content = container.NewStack(container.NewPadded(column), p.tips.layer)
	p.onQueryChanged()
	return p
}

// showNotice says, above the list and until dismissed, what was done to the whole tracker,
// with the way to undo it when there is one (undo nil: none).
func (p *trackerPane) showNotice(text string, undo func()) {
	p.notice.SetText(text)
	p.noticeUndo.OnTapped = func() {
		p.hideNotice()
		undo()
	}
	if undo == nil {
		p.noticeUndo.Hide()
	} else {
		p.noticeUndo.Show()
	}
	p.noticeBox.Show()
}

func (p *trackerPane) hideNotice() { p.noticeBox.Hide() }

// rememberTab opens the workspace on Details, which says what to do while nothing is
// selected, and keeps tab, the one last used, for the first opportunity selected.
func (p *trackerPane) rememberTab(tab int) {
	if tab < 0 || tab >= len(p.app.workspace.Items) {
		tab = tabLetter // a preference file edited by hand
	}
	p.app.workspace.SelectIndex(tabDetails)
	p.laterTab = tab
}

func (p *trackerPane) savePrefs(prefs fyne.Preferences) {
	if p.laterTab >= 0 && p.app.workspace.SelectedIndex() == tabDetails {
		prefs.SetInt(prefTab, p.laterTab) // nothing was selected: the tab last used is still the one
	}
	prefs.SetInt(prefSort, p.sort.SelectedIndex())
}

const prefChartOpen = "chart.open"

// onChartToggle shows or folds the counts per status.
func (p *trackerPane) onChartToggle() {
	p.setChartOpen(!p.chart.open)
	p.app.fyneApp.Preferences().SetBool(prefChartOpen, p.chart.open)
}

func (p *trackerPane) setChartOpen(open bool) {
	p.chart.setOpen(open)
	if p.content != nil {
		p.content.Refresh() // the list gives up or takes back the legend's height
	}
	if open {
		p.chartToggle.SetText("Hide counts")
		p.chartToggle.SetIcon(theme.MenuDropUpIcon())
	} else {
		p.chartToggle.SetText("Counts by status")
		p.chartToggle.SetIcon(theme.MenuDropDownIcon())
	}
}

// focusSearch puts the focus in the search with its text selected, so that typing starts
// a new search.
func (p *trackerPane) focusSearch() {
	p.app.win.Canvas().Focus(p.search)
	p.search.TypedShortcut(&fyne.ShortcutSelectAll{})
}

func (p *trackerPane) onQueryChanged() {
	q := tracker.Query{Text: p.search.Text, Sort: tracker.SortOrders[max(p.sort.SelectedIndex(), 0)].Order, Due: p.query.Due}
	if i := p.status.SelectedIndex(); i > 0 {
		q.Status = stage.Statuses()[i-1]
	}
	p.query = q
	p.refresh()
}

// onDue shows only the follow-ups due today or overdue, or everything again.
func (p *trackerPane) onDue() {
	p.query.Due = !p.query.Due
	p.showDueCount()
	p.refresh()
}

// dueText is the Due button's label: the count, up to a width that fits beside the filters.
// The list's caption gives the whole count while the filter is on.
func dueText(n int) string {
	if n > 999 {
		return "Due 999+"
	}
	return fmt.Sprintf("Due %d", n)
}

// showDueCount keeps the count of due follow-ups on the Due filter, lit while it filters.
func (p *trackerPane) showDueCount() {
	p.due.SetText(dueText(p.dueN))
	switch {
	case p.query.Due:
		p.due.Importance = widget.HighImportance
	case p.dueN > 0:
		p.due.Importance = widget.WarningImportance
	default:
		p.due.Importance = widget.MediumImportance
	}
	p.due.Refresh()
}

func (p *trackerPane) onChartTapped(s stage.Status) {
	if p.query.Status == s {
		p.status.SetSelectedIndex(0) // a second tap clears the filter
		return
	}
	p.status.SetSelected(s.Label())
}

// showLoading says the tracker is being read.
func (p *trackerPane) showLoading() {
	p.showMessage("Opening your tracker…")
}

// refresh runs the current query off the UI goroutine and shows its result. Only the
// newest query's result is shown, so typing fast never shows stale rows.
func (p *trackerPane) refresh() {
	ix := p.app.index
	if ix == nil {
		return
	}
	p.querySeq++
	seq, q, today := p.querySeq, p.query, p.app.today()
	q.Today = today
	type result struct {
		rows   []*tracker.Row
		counts map[stage.Status]int
		total  int
		due    int
	}
	goAndReturn(p.app.work, func() result {
		return result{ix.Find(q), ix.Counts(), ix.Len(), followup.DueCount(ix, today)}
	}, func(r result) {
		if seq != p.querySeq {
			return
		}
		first := p.app.afterLoadPending
		p.dueN = r.due
		p.showDueCount()
		p.rowsSeq = seq
		p.show(r.rows, r.counts, r.total)
		if first {
			p.app.notifyDue(r.due)
		}
		if p.downFor == seq {
			p.downFor = 0
			p.onSearchDown()
		}
	})
}

func (p *trackerPane) show(rows []*tracker.Row, counts map[stage.Status]int, total int) {
	p.rows = rows
	if p.app.afterLoadPending {
		p.app.afterLoadPending = false
		defer p.app.afterLoad() // once the list is on screen
	}
	p.chart.set(counts, p.query.Status)
	p.countWidest.SetText(fmt.Sprintf("%s of %s", thousands(total), plural(total, "opportunity", "opportunities")))
	switch {
	case total == 0:
		p.count.SetText("")
		p.showMessage("No opportunities yet — add one or import a CSV.",
			&widget.Button{Text: "Add opportunity", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: p.onAdd},
			&widget.Button{Text: "Import CSV…", Icon: theme.FolderOpenIcon(), OnTapped: p.onImport})
		return
	case len(rows) == 0:
		p.count.SetText(fmt.Sprintf("0 of %s", plural(total, "opportunity", "opportunities")))
		msg := "Nothing matches this search or filter."
		if p.query.Due && p.query.Text == "" && p.query.Status == "" {
			msg = "No follow-ups are due. Well done."
		}
		p.showMessage(msg,
			&widget.Button{Text: "Show all", Icon: theme.ContentClearIcon(), OnTapped: p.clearQuery})
		return
	case len(rows) == total:
		p.count.SetText(plural(total, "opportunity", "opportunities"))
	default:
		p.count.SetText(fmt.Sprintf("%s of %s", thousands(len(rows)), plural(total, "opportunity", "opportunities")))
	}
	p.body.Objects = []fyne.CanvasObject{p.list, p.listRing}
	p.body.Refresh()
	p.list.Refresh()
	p.reselect()
}

// reselect keeps the selected opportunity highlighted after the rows changed.
func (p *trackerPane) reselect() {
	if p.selected == 0 {
		p.list.UnselectAll()
		return
	}
	for i, r := range p.rows {
		if r.ID == p.selected {
			p.list.quietSelect(i)
			return
		}
	}
	p.list.UnselectAll()
}

func (p *trackerPane) showMessage(text string, buttons ...fyne.CanvasObject) {
	p.message.SetText(text)
	p.actions.Objects = []fyne.CanvasObject{container.NewHBox(buttons...)}
	p.actions.Refresh()
	p.body.Objects = []fyne.CanvasObject{container.NewVBox(layout.NewSpacer(), p.message, p.actions, layout.NewSpacer())}
	p.body.Refresh()
}

func (p *trackerPane) clearQuery() {
	p.query.Due = false
	p.showDueCount()
	p.search.SetText("")
	p.status.SetSelectedIndex(0)
}

// onMore opens the menu of less frequent list actions.
func (p *trackerPane) onMore() {
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("Import CSV…", p.onImport),
		fyne.NewMenuItem("Export CSV…", p.onExport),
	)
	c := p.app.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.more).Add(fyne.NewPos(0, p.more.Size().Height))
	widget.ShowPopUpMenuAtPosition(menu, c, pos)
}

func (p *trackerPane) onAdd() {
	p.form = showOpportunityForm(p.app, nil)
}

func (p *trackerPane) onEdit() {
	if o := p.app.current; o != nil {
		p.form = showOpportunityForm(p.app, o)
	}
}

func (p *trackerPane) onAddNote() {
	o := p.app.current
	if o == nil {
		return
	}
	note := newMultiLineEntry(p.app)
	note.SetPlaceHolder("What happened? (a call, an email, a thought)")
	note.Wrapping = fyne.TextWrapWord
	note.SetMinRowsVisible(4)
	d := dialog.NewForm("Add a note to the history of "+o.Company, "Add note", "Cancel",
		[]*widget.FormItem{{Text: "Note", Widget: note}}, func(ok bool) {
			if !ok || note.Text == "" {
				return
			}
			id, text := o.ID, note.Text
			p.app.save("The note was not saved", func(s *tracker.BoltStore) (tracker.Opportunity, error) {
				return s.AppendEvent(id, tracker.Event{Kind: tracker.EventNote, Note: text})
			})
		}, p.app.win)
	d.Resize(fyne.NewSize(480, 260))
	p.app.present(d)
	p.app.win.Canvas().Focus(note)
}

// onDelete asks before deleting the selected opportunity and its history.
func (p *trackerPane) onDelete() {
	o := p.app.current
	if o == nil {
		return
	}
	id := o.ID
	d := dialog.NewConfirm("Delete this opportunity?",
		fmt.Sprintf("%s — %s and its whole history will be deleted.\nThis cannot be undone.", o.Company, o.Role),
		func(ok bool) {
			if !ok {
				return
			}
			background(p.app.work, func() (struct{}, error) { return struct{}{}, p.app.store.Delete(id) },
				func(_ struct{}, err error) {
					if err != nil {
						p.app.showError("The opportunity was not deleted", err)
						return
					}
					p.selected = 0
					p.app.deleted(id)
				})
		}, p.app.win)
	d.SetConfirmText("Delete")
	d.SetDismissText("Cancel")
	d.SetConfirmImportance(widget.DangerImportance)
	p.app.present(d)
}

func (p *trackerPane) showDetails(o *tracker.Opportunity) {
	if o != nil {
		p.selected = o.ID
		if p.laterTab >= 0 {
			if p.app.workspace.SelectedIndex() == tabDetails { // unless the user chose a tab meanwhile
				p.app.showTab(p.laterTab)
			}
			p.laterTab = -1
		}
	} else {
		p.selected = 0
	}
	p.details.show(o)
	p.reselect()
}

// oppList is the list of opportunities. Delete or Ctrl+Backspace deletes the selected one.
type oppList struct {
	widget.List
	p     *trackerPane
	quiet bool // set while the selection is restored in code, not by the user
}

func newOppList(p *trackerPane) *oppList {
	l := &oppList{p: p}
	l.Length = func() int { return len(p.rows) }
	l.CreateItem = func() fyne.CanvasObject {
		r := newOppRow().(*oppRow)
		r.p = p
		return r
	}
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(p.rows) {
			o.(*oppRow).set(p.rows[i], p.app.today())
		}
	}
	l.OnSelected = func(i widget.ListItemID) {
		if l.quiet || i >= len(p.rows) {
			return
		}
		p.selected = p.rows[i].ID
		p.app.selectOpportunity(p.rows[i].ID)
	}
	l.ExtendBaseWidget(l)
	return l
}

// FocusGained rings the list, so that it shows that the arrows and Delete act on it: the
// list itself marks its focused row only when it is not the selected one.
func (l *oppList) FocusGained() {
	l.List.FocusGained()
	l.p.listRing.StrokeColor = theme.Color(theme.ColorNamePrimary)
	l.p.listRing.Show()
}

func (l *oppList) FocusLost() {
	l.List.FocusLost()
	l.p.listRing.Hide()
}

func (l *oppList) quietSelect(i int) {
	l.quiet = true
	l.Select(i)
	l.quiet = false
}

func (l *oppList) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyDelete:
		l.p.onDelete()
	case fyne.KeyUp:
		l.p.moveSelection(-1)
	case fyne.KeyDown:
		l.p.moveSelection(1)
	case fyne.KeyEscape:
		l.p.app.onEscape(l)
	default:
		l.List.TypedKey(e)
	}
}

// onSearchDown leaves the search for the list, selecting the first match. Before the rows
// of what was typed are in, it waits for them: the rows on screen may be an older search's.
func (p *trackerPane) onSearchDown() {
	if p.rowsSeq != p.querySeq {
		p.downFor = p.querySeq
		return
	}
	if len(p.rows) == 0 {
		return
	}
	p.app.win.Canvas().Focus(p.list)
	if p.indexOfSelected() < 0 {
		p.list.Select(0)
	}
}

// moveSelection selects the row by steps from the selected one (the first row when none).
func (p *trackerPane) moveSelection(by int) {
	if len(p.rows) == 0 {
		return
	}
	i := p.indexOfSelected()
	switch {
	case i < 0:
		i = 0
	default:
		i = min(max(i+by, 0), len(p.rows)-1)
	}
	p.list.Select(i)
	p.list.ScrollTo(i)
}

// indexOfSelected is the selected opportunity's row in the list, -1 when none.
func (p *trackerPane) indexOfSelected() int {
	for i, r := range p.rows {
		if r.ID == p.selected {
			return i
		}
	}
	return -1
}

// TypedShortcut makes the list a fyne.Shortcutable so that Ctrl+Backspace reaches it.
func (l *oppList) TypedShortcut(s fyne.Shortcut) {
	if s.ShortcutName() == ctrl(fyne.KeyBackspace).ShortcutName() {
		l.p.onDelete()
	}
}

// oppRow is one line of the list: a status dot, "Company — Role" and, below, the status and
// the follow-up date: in the warning colour when it is today, in the error colour once it
// has passed. A name too long for the column shows whole in a tip.
type oppRow struct {
	widget.BaseWidget
	p       *trackerPane // nil outside the list
	id      uint64
	dot     *canvas.Circle
	title   *widget.Label
	status  *canvas.Text
	follow  *canvas.Text
	hoverBg *canvas.Rectangle
	due     followUpDue
	hovered bool
}

// followUpDue is where a follow-up stands against today.
type followUpDue int

const (
	followUpLater followUpDue = iota // none, or still ahead
	followUpToday
	followUpOverdue
)

var _ desktop.Hoverable = (*oppRow)(nil)

func newOppRow() fyne.CanvasObject {
	r := &oppRow{
		dot:     canvas.NewCircle(color.Transparent),
		title:   &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		status:  canvas.NewText("", nil),
		follow:  canvas.NewText("", nil),
		hoverBg: &canvas.Rectangle{CornerRadius: theme.SelectionRadiusSize()},
	}
	r.follow.Alignment = fyne.TextAlignTrailing
	r.hoverBg.Hide()
	r.ExtendBaseWidget(r)
	return r
}

func (r *oppRow) set(row *tracker.Row, today day.Day) {
	if r.p != nil && r.id != row.ID {
		r.p.tips.leave(r) // the row now shows another opportunity
	}
	r.id = row.ID
	r.dot.FillColor = statusColors[row.Status()]
	r.title.SetText(row.Company() + " — " + row.Role())
	r.status.Text = row.Status().Label()
	r.due = followUpLater
	switch follow := row.FollowUpOn(); {
	case follow == "":
		r.follow.Text = ""
	case row.Overdue(today):
		r.due = followUpOverdue
		r.follow.Text = "Follow up " + follow.Format(day.Short) + " · overdue"
	case row.Due(today):
		r.due = followUpToday
		r.follow.Text = "Follow up today"
	default:
		r.follow.Text = "Follow up " + follow.Format(day.Short)
	}
	r.Refresh()
}

func (r *oppRow) Refresh() {
	r.style()
	r.BaseWidget.Refresh()
}

// style sets the sub-line's size and colours from the theme. The sub-line is smaller than
// the title but as dark: it says where the opportunity stands.
func (r *oppRow) style() {
	size := theme.CaptionTextSize()
	r.status.TextSize, r.follow.TextSize = size, size
	r.status.Color = theme.Color(theme.ColorNameForeground)
	r.follow.Color = theme.Color(theme.ColorNameForeground)
	switch r.due {
	case followUpToday:
		r.follow.Color = theme.Color(theme.ColorNameWarning)
		r.follow.TextStyle.Bold = true
	case followUpOverdue:
		r.follow.Color = theme.Color(theme.ColorNameError)
		r.follow.TextStyle.Bold = false
	default:
		r.follow.TextStyle.Bold = false
	}
	r.hoverBg.FillColor = theme.Color(theme.ColorNameHover)
	r.hoverBg.Hidden = !r.hovered || (r.p != nil && r.p.selected == r.id)
}

// truncated reports whether the title does not fit its place.
func (r *oppRow) truncated() bool {
	w := fyne.MeasureText(r.title.Text, theme.TextSize(), r.title.TextStyle).Width + 2*theme.InnerPadding()
	return w > r.title.Size().Width
}

// The row draws its own hover: the list's is taken by the row, which wants the pointer for
// its tip.

func (r *oppRow) MouseIn(e *desktop.MouseEvent) {
	r.hovered = true
	r.Refresh()
	if r.p != nil && r.truncated() {
		r.p.tips.hover(r, r.title.Text, e.AbsolutePosition)
	}
}

func (r *oppRow) MouseMoved(*desktop.MouseEvent) {}

func (r *oppRow) MouseOut() {
	r.hovered = false
	r.Refresh()
	if r.p != nil {
		r.p.tips.leave(r)
	}
}

func (r *oppRow) CreateRenderer() fyne.WidgetRenderer {
	r.style()
	pad := theme.Padding()
	dot := container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(10), r.dot))
	sub := container.NewBorder(nil, nil, nil, r.follow, r.status)
	lines := container.New(layout.NewCustomPaddedVBoxLayout(-pad), r.title, container.New(&insetLayout{left: 2 * pad, right: pad, bottom: pad}, sub))
	return widget.NewSimpleRenderer(container.NewStack(r.hoverBg, container.NewBorder(nil, nil, dot, nil, lines)))
}

// dueButton is the Due filter; when the pointer rests on it, it says the whole count.
type dueButton struct {
	widget.Button
	p *trackerPane
}

func newDueButton(p *trackerPane) *dueButton {
	b := &dueButton{p: p}
	b.Text, b.Icon, b.OnTapped = "Due", theme.HistoryIcon(), p.onDue
	b.ExtendBaseWidget(b)
	return b
}

func (b *dueButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	b.p.tips.hover(b, plural(b.p.dueN, "follow-up", "follow-ups")+" due today or overdue", e.AbsolutePosition)
}

func (b *dueButton) MouseOut() {
	b.Button.MouseOut()
	b.p.tips.leave(b)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// thousands writes n with comma separators: 100000 → "100,000".
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// insetLayout lays its objects out inside a margin.
type insetLayout struct{ left, right, bottom float32 }

func (l *insetLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(l.left, 0))
		o.Resize(fyne.NewSize(size.Width-l.left-l.right, size.Height-l.bottom))
	}
}

func (l *insetLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objs {
		min = min.Max(o.MinSize())
	}
	return min.Add(fyne.NewSize(l.left+l.right, l.bottom))
}
