package ui

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/csvio"
	"github.com/declinedesk/declinedesk/internal/fsutil"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// onImport asks for a CSV file and imports it.
func (p *trackerPane) onImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			p.app.showError("The file could not be opened", err)
			return
		}
		if r != nil {
			p.importFrom(r.URI().Name(), r)
		}
	}, p.app.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV", ".txt", ".tsv"}))
	showFileDialog(d)
}

// importFrom reads a CSV file off the UI goroutine, asks what to do when rows are bad,
// then imports with a progress bar and reports what happened.
func (p *trackerPane) importFrom(name string, r io.ReadCloser) {
	prog := newProgressDialog(p.app, "Importing "+name, "Reading the file…")
	background(p.app.work, func() (csvio.Parsed, error) {
		defer r.Close()
		return csvio.Parse(r)
	}, func(parsed csvio.Parsed, err error) {
		if err != nil {
			prog.hide()
			p.app.showError("Nothing was imported from "+name, err)
			return
		}
		if len(parsed.Errors) == 0 {
			p.storeImport(name, parsed, prog)
			return
		}
		prog.hide()
		p.askAboutBadRows(name, parsed)
	})
}

func (p *trackerPane) askAboutBadRows(name string, parsed csvio.Parsed) {
	var b strings.Builder
	for _, e := range parsed.Errors {
		fmt.Fprintf(&b, "%s\n", e)
	}
	errs := widget.NewLabel(b.String())
	errs.Wrapping = fyne.TextWrapWord
	errs.Selectable = true
	intro := widget.NewLabel(fmt.Sprintf("%s cannot be imported. Nothing has been imported yet.\n%s can be.",
		plural(len(parsed.Errors), "row", "rows"), plural(len(parsed.Rows), "other row", "other rows")))
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(errs))
	d := dialog.NewCustomConfirm("Some rows have errors", "Import the valid rows", "Cancel", content, func(ok bool) {
		if ok {
			p.storeImport(name, parsed, newProgressDialog(p.app, "Importing "+name, ""))
		}
	}, p.app.win)
	d.Resize(fyne.NewSize(620, 420))
	d.Show()
}

func (p *trackerPane) storeImport(name string, parsed csvio.Parsed, prog *progressDialog) {
	total := len(parsed.Rows)
	prog.set(fmt.Sprintf("Importing %s…", plural(total, "row", "rows")), 0)
	background(p.app.work, func() (csvio.Report, error) {
		return parsed.Store(p.app.store, func(done, total int) {
			p.app.work.toUI(func() {
				prog.set(fmt.Sprintf("Importing %s…", plural(total, "row", "rows")), float64(done)/float64(total))
			})
		})
	}, func(rep csvio.Report, err error) {
		prog.hide()
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
	if len(rep.Skipped) > 0 {
		fmt.Fprintf(&b, "\n\nSkipped %s already in your tracker:", plural(len(rep.Skipped), "row", "rows"))
		for _, s := range rep.Skipped {
			fmt.Fprintf(&b, "\nline %d: %s — %s (tracked as %s)", s.Line, s.Company, s.Role, s.Existing.Status.Label())
		}
	}
	if len(rep.Errors) > 0 {
		fmt.Fprintf(&b, "\n\nLeft out %s with errors:", plural(len(rep.Errors), "row", "rows"))
		for _, e := range rep.Errors {
			fmt.Fprintf(&b, "\n%s", e)
		}
	}
	if len(rep.Ignored) > 0 {
		fmt.Fprintf(&b, "\n\nColumns not read: %s", strings.Join(rep.Ignored, ", "))
	}
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	d := dialog.NewCustom("Import finished", "Close", container.NewVScroll(text), a.win)
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
}

// onExport saves every opportunity to a CSV file.
func (p *trackerPane) onExport() {
	p.app.askSaveFile("declinedesk-"+string(p.app.today())+".csv", ".csv", func(uri fyne.URI, w fyne.URIWriteCloser) {
		background(p.app.work, func() (int, error) { return exportTo(p.app.store, uri, w) },
			func(n int, err error) {
				if err != nil {
					p.app.showError("The export was not written", err)
					return
				}
				dialog.ShowInformation("Export finished", fmt.Sprintf("Saved %s to %s.", plural(n, "opportunity", "opportunities"), uri.Name()), p.app.win)
			})
	})
}

// exportTo writes the CSV export. A local file is replaced atomically, so a failure never
// leaves half a file; other locations are written through w.
func exportTo(s tracker.Store, uri fyne.URI, w fyne.URIWriteCloser) (int, error) {
	var n int
	if uri.Scheme() != "file" {
		defer w.Close()
		return csvio.Export(w, s)
	}
	w.Close()
	err := fsutil.WriteAtomic(uri.Path(), 0o600, func(out io.Writer) error {
		var err error
		n, err = csvio.Export(out, s)
		return err
	})
	return n, err
}

// progressDialog shows a long task's progress; it cannot be dismissed, the task ends it.
type progressDialog struct {
	label *widget.Label
	bar   *widget.ProgressBar
	busy  *widget.ProgressBarInfinite
	d     dialog.Dialog
}

func newProgressDialog(a *App, title, text string) *progressDialog {
	p := &progressDialog{label: widget.NewLabel(text), bar: widget.NewProgressBar(), busy: widget.NewProgressBarInfinite()}
	p.bar.Hide()
	p.d = dialog.NewCustomWithoutButtons(title, container.NewVBox(p.label, p.bar, p.busy), a.win)
	p.d.Resize(fyne.NewSize(420, 140))
	p.d.Show()
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

// askSaveFile asks where to save a file, suggesting name, and hands the place chosen to
// save; cancelling does nothing.
func (a *App) askSaveFile(name, ext string, save func(uri fyne.URI, w fyne.URIWriteCloser)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			a.showError("The file could not be created", err)
			return
		}
		if w != nil {
			save(w.URI(), w)
		}
	}, a.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	showFileDialog(d)
}

// showFileDialog shows a file dialog at a comfortable size. A FileDialog can only be
// resized once it is shown.
func showFileDialog(d *dialog.FileDialog) {
	d.Show()
	d.Resize(fyne.NewSize(760, 520))
}
