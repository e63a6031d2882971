package ui

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/csvio"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// onImport asks for a CSV file and imports it.
func (p *trackerPane) onImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			p.app.showError("The file could not be opened", err)
			return
		}
		if r == nil {
			return
		}
		if r.URI().Scheme() == "file" {
			r.Close() // read from its path, as often as the import needs
			p.importFrom(csvio.PathFile(r.URI().Path()))
			return
		}
		p.importSpilled(r.URI().Name(), r)
	}, p.app.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV", ".tsv", ".TSV"}))
	p.app.showFileDialog(d)
}

// importSpilled imports what a reader gives, from a copy that can be read twice.
func (p *trackerPane) importSpilled(name string, r io.ReadCloser) {
	background(p.app.work, func() (csvio.File, error) {
		defer r.Close()
		f, _, err := csvio.SpillFile(name, r, 0) // the copy goes with the system's temporary files
		return f, err
	}, func(f csvio.File, err error) {
		if err != nil {
			p.app.showError("Nothing was imported from "+name, err)
			return
		}
		p.importFrom(f)
	})
}

// importFrom reads a CSV file through off the UI goroutine, asks what to do when rows are
// bad, then imports with a progress bar and reports what happened. The file is read
// again to import it, a batch at a time: however large, it is never held in memory.
func (p *trackerPane) importFrom(f csvio.File) {
	p.read(filepath.Base(f.Name()), f, csvio.ParseOptions{})
}

// read reads the file through with opts and goes on from what it found: the columns to
// match when the sheet's are not known, the date order when the file does not tell it,
// the review of what will be imported.
func (p *trackerPane) read(name string, f csvio.File, opts csvio.ParseOptions) {
	prog := newProgressDialog(p.app, "Importing "+name, "Reading the file…")
	background(p.app.work, func() (*csvio.Plan, error) {
		return csvio.Read(f, opts)
	}, func(plan *csvio.Plan, err error) {
		prog.hide()
		var orderErr *csvio.DateOrderError
		var colErr *csvio.ColumnsError
		switch {
		case errors.As(err, &colErr) && colErr.Mappable && plan != nil && len(opts.Mapping) == 0:
			p.askColumns(name, f, plan)
		case errors.As(err, &orderErr):
			p.askDateOrder(name, orderErr, func(order day.Order) {
				p.app.setDateOrder(order) // the form reads dates the same way from now on
				p.reviewImport(name, plan.WithDates(order))
			})
		case err != nil:
			p.app.showError("Nothing was imported from "+name, err)
		default:
			p.reviewImport(name, plan)
		}
	})
}

// reviewImport shows what the file holds, or what is wrong with it, before anything is
// written.
func (p *trackerPane) reviewImport(name string, plan *csvio.Plan) {
	if plan.Bad == 0 {
		p.confirmImport(name, plan)
		return
	}
	p.askAboutBadRows(name, plan)
}

// askDateOrder asks how the file writes its dates, showing one that reads both ways.
func (p *trackerPane) askDateOrder(name string, e *csvio.DateOrderError, then func(day.Order)) {
	dmy, _ := day.Parse(e.Text, day.DayFirst)
	mdy, _ := day.Parse(e.Text, day.MonthFirst)
	msg := widget.NewLabel(fmt.Sprintf("%s writes dates such as %s (line %d), which can be read two ways.\n"+
		"How are the dates in this file written? Nothing has been imported yet.", name, e.Text, e.Line))
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	choose := func(order day.Order) func() {
		return func() { d.Hide(); then(order) }
	}
	dayFirst := &widget.Button{Text: "Day first: " + dmy.Time().Format("2 January 2006"), OnTapped: choose(day.DayFirst)}
	monthFirst := &widget.Button{Text: "Month first: " + mdy.Time().Format("January 2, 2006"), OnTapped: choose(day.MonthFirst)}
	d = dialog.NewCustom("How are the dates written?", "Cancel", container.NewVBox(msg, dayFirst, monthFirst), p.app.win)
	d.Resize(fyne.NewSize(520, 240))
	p.app.present(d)
}

// confirmImport says what the file holds before anything is written, and imports it only
// when the user agrees.
func (p *trackerPane) confirmImport(name string, plan *csvio.Plan) {
	text := fmt.Sprintf("%s holds %s.", name, plural(plan.Good, "opportunity", "opportunities"))
	if plan.Format != csvio.FormatSpreadsheet && plan.Format != csvio.FormatMapped {
		text = fmt.Sprintf("%s is a %s and holds %s.", name, plan.Format, plural(plan.Good, "opportunity", "opportunities"))
	}
	if len(plan.First) > 0 {
		first := plan.First[0].Opportunity
		text += fmt.Sprintf(" The first is %s — %s.", first.Company, first.Role)
	}
	if len(plan.Ignored) > 0 {
		text += "\nColumns that will not be read: " + strings.Join(plan.Ignored, ", ") + "."
	}
	text += "\nOpportunities you already track are skipped. Nothing has been imported yet."
	msg := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustomConfirm("Import "+name+"?", "Import", "Cancel", msg, func(ok bool) {
		if ok {
			p.storeImport(name, plan, newProgressDialog(p.app, "Importing "+name, ""))
		}
	}, p.app.win)
	d.Resize(fyne.NewSize(520, 0))
	p.app.present(d)
}

func (p *trackerPane) askAboutBadRows(name string, plan *csvio.Plan) {
	var b strings.Builder
	for _, e := range plan.Errors {
		fmt.Fprintf(&b, "%s\n", e)
	}
	if more := plan.Bad - len(plan.Errors); more > 0 {
		fmt.Fprintf(&b, "… and %s more\n", plural(more, "row", "rows"))
	}
	errs := widget.NewLabel(b.String())
	errs.Wrapping = fyne.TextWrapWord
	errs.Selectable = true
	intro := widget.NewLabel(fmt.Sprintf("%s cannot be imported. Nothing has been imported yet.\n%s can be.",
		plural(plan.Bad, "row", "rows"), plural(plan.Good, "other row", "other rows")))
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(errs))
	d := dialog.NewCustomConfirm("Some rows have errors", "Import the valid rows", "Cancel", content, func(ok bool) {
		if ok {
			p.storeImport(name, plan, newProgressDialog(p.app, "Importing "+name, ""))
		}
	}, p.app.win)
	d.Resize(fyne.NewSize(620, 420))
	p.app.present(d)
}

func (p *trackerPane) storeImport(name string, plan *csvio.Plan, prog *progressDialog) {
	prog.set(fmt.Sprintf("Importing %s…", plural(plan.Good, "row", "rows")), 0)
	background(p.app.work, func() (csvio.Report, error) {
		return plan.Store(p.app.store, func(done, total int) bool {
			p.app.work.toUI(func() {
				prog.set(fmt.Sprintf("Importing %s…", plural(total, "row", "rows")), float64(done)/float64(max(total, 1)))
			})
			return !prog.cancelled.Load()
		})
	}, func(rep csvio.Report, err error) {
		prog.hide()
		if errors.Is(err, tracker.ErrCancelled) {
			p.app.notify("Import cancelled: nothing was imported from " + name + ".")
			return
		}
		if err != nil {
			p.app.showError("Nothing was imported from "+name, err)
			return
		}
		p.reloadIndex()
		showImportReport(p.app, name, rep)
	})
}

// reloadIndex rebuilds the list from the database, after an import.
func (p *trackerPane) reloadIndex() {
	background(p.app.work, func() (*tracker.Index, error) { return tracker.LoadIndex(p.app.store) }, p.app.onIndexLoaded)
}

func showImportReport(a *App, name string, rep csvio.Report) {
	var b strings.Builder
	fmt.Fprintf(&b, "Imported %s from %s.", plural(len(rep.Imported), "opportunity", "opportunities"), name)
	if rep.Format != csvio.FormatSpreadsheet && rep.Format != csvio.FormatMapped && rep.Format != "" {
		fmt.Fprintf(&b, "\nRead as a %s: %s.", rep.Format, plural(rep.Rows, "row", "rows"))
	}
	if rep.SkippedCount > 0 {
		fmt.Fprintf(&b, "\n\nSkipped %s already in your tracker:", plural(rep.SkippedCount, "row", "rows"))
		for _, s := range rep.Skipped {
			fmt.Fprintf(&b, "\nline %d: %s — %s (tracked as %s)", s.Line, s.Company, s.Role, s.Existing.Status.Label())
		}
		if more := rep.SkippedCount - len(rep.Skipped); more > 0 {
			fmt.Fprintf(&b, "\n… and %d more", more)
		}
	}
	if rep.ErrorCount > 0 {
		fmt.Fprintf(&b, "\n\nLeft out %s with errors:", plural(rep.ErrorCount, "row", "rows"))
		for _, e := range rep.Errors {
			fmt.Fprintf(&b, "\n%s", e)
		}
		if more := rep.ErrorCount - len(rep.Errors); more > 0 {
			fmt.Fprintf(&b, "\n… and %d more", more)
		}
	}
	if len(rep.Ignored) > 0 {
		fmt.Fprintf(&b, "\n\nColumns not read: %s", strings.Join(rep.Ignored, ", "))
	}
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	scroll := container.NewVScroll(text)
	d := dialog.NewCustom("Import finished", "Close", scroll, a.win)
	a.sizeToText(d, text, scroll, 560)
	a.present(d)
}

// onExport saves every opportunity to a CSV file.
func (p *trackerPane) onExport() {
	a := p.app
	a.askSavePath("Export to CSV", "declinedesk-"+string(a.today())+".csv", ".csv", exportNote, func(path string) {
		a.writeOutput(path, "The export was not written",
			func(w io.Writer) (int, error) { return csvio.Export(w, a.store, csvio.ExportOptions{}) },
			func(n int) {
				a.showInformation("Export finished", fmt.Sprintf("Saved %s to %s.", plural(n, "opportunity", "opportunities"), filepath.Base(path)))
			})
	})
}

// exportNote says what a CSV file carries, and what only a backup does.
const exportNote = "The CSV file holds every opportunity's fields, tags, notes and the dates of its history — " +
	"enough for a spreadsheet or another tracker. Checklist answers, letter drafts and the letters you " +
	"sent stay in Decline Desk: to take everything to another computer, use File > Save a Backup."

// progressDialog shows a long task's progress; it cannot be dismissed, the task ends it.
type progressDialog struct {
	label     *widget.Label
	bar       *widget.ProgressBar
	busy      *widget.ProgressBarInfinite
	d         dialog.Dialog
	cancelled atomic.Bool // set by Cancel; the job reads it from its own goroutine
}

func newProgressDialog(a *App, title, text string) *progressDialog {
	p := &progressDialog{label: widget.NewLabel(text), bar: widget.NewProgressBar(), busy: widget.NewProgressBarInfinite()}
	p.bar.Hide()
	cancel := &widget.Button{Text: "Cancel", Icon: theme.CancelIcon()}
	cancel.OnTapped = func() {
		p.cancelled.Store(true)
		cancel.Disable()
		p.label.SetText("Cancelling… nothing will be imported.")
	}
	p.d = dialog.NewCustomWithoutButtons(title, container.NewVBox(p.label, p.bar, p.busy, container.NewCenter(cancel)), a.win)
	a.present(p.d)
	a.topDialog().escape = cancel.OnTapped // Escape cancels the job; the dialog goes when it ends
	p.d.Resize(fyne.NewSize(420, 160))
	return p
}

// set shows text and a fraction done; the bar appears once there is a fraction to show.
func (p *progressDialog) set(text string, done float64) {
	p.label.SetText(text)
	if done > 0 {
		p.busy.Stop()
		p.busy.Hide()
		p.bar.Show()
		p.bar.SetValue(done)
	}
}

func (p *progressDialog) hide() {
	p.busy.Stop()
	p.d.Hide()
}
