package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/fsutil"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

const prefSaveFolder = "save.folder" // where the last file was saved

// savePrompt is the dialog that asks where to save a file. Fyne's own save dialog creates
// (and so empties) the chosen file before the app has anything to write; this one only
// asks for a name and a folder, and the caller writes the whole file at once.
type savePrompt struct {
	app    *App
	name   *entry
	folder *widget.Label
	dir    string
	ext    string
	d      *dialog.ConfirmDialog
}

// askSavePath asks for a file name and a folder, suggesting name, and hands the path to
// save. A name that holds the tracker's data is refused; an existing file is replaced only
// after the user agrees. note, when set, is shown under the fields.
func (a *App) askSavePath(title, name, ext, note string, save func(path string)) {
	p := &savePrompt{app: a, ext: ext, dir: a.saveFolder()}
	p.name = newEntry(a)
	p.name.SetText(name)
	p.name.OnSubmitted = func(string) { p.d.Confirm() }
	p.folder = &widget.Label{Text: p.dir, Truncation: fyne.TextTruncateEllipsis}
	choose := &widget.Button{Text: "Choose Folder…", OnTapped: p.onChooseFolder}
	form := widget.NewForm(
		widget.NewFormItem("File name", p.name),
		widget.NewFormItem("Folder", container.NewBorder(nil, nil, nil, choose, p.folder)),
	)
	content := fyne.CanvasObject(form)
	if note != "" {
		hint := &widget.Label{Text: note, Wrapping: fyne.TextWrapWord}
		content = container.NewVBox(form, hint)
	}
	p.d = dialog.NewCustomConfirm(title, "Save", "Cancel", content, func(ok bool) {
		if ok {
			p.onSave(title, note, save)
		}
	}, a.win)
	p.d.Resize(fyne.NewSize(560, 0))
	a.present(p.d)
	a.saving = p
	a.win.Canvas().Focus(p.name)
}

// saveFolder is where the last file was saved, else the Documents folder, else home.
func (a *App) saveFolder() string {
	if dir := a.fyneApp.Preferences().String(prefSaveFolder); dir != "" {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if fi, err := os.Stat(filepath.Join(home, "Documents")); err == nil && fi.IsDir() {
		return filepath.Join(home, "Documents")
	}
	return home
}

func (p *savePrompt) onChooseFolder() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		p.dir = dir.Path()
		p.folder.SetText(p.dir)
	}, p.app.win)
	if lu, err := storage.ListerForURI(storage.NewFileURI(p.dir)); err == nil {
		d.SetLocation(lu)
	}
	p.app.showFileDialog(d)
}

// onSave checks the chosen path and, once it is safe, hands it on.
func (p *savePrompt) onSave(title, note string, save func(path string)) {
	a := p.app
	name := strings.TrimSpace(p.name.Text)
	retry := func(err error) {
		d := dialog.NewError(err, a.win)
		d.SetOnClosed(func() { a.askSavePath(title, name, p.ext, note, save) })
		a.present(d)
	}
	switch {
	case name == "" || name == "." || name == "..":
		retry(errors.New("enter a file name"))
		return
	case strings.ContainsAny(name, `/\`):
		retry(fmt.Errorf("%q names a folder too: enter only the file's name, and choose the folder with Choose Folder…", name))
		return
	}
	if filepath.Ext(name) == "" {
		name += p.ext
	}
	path, dir := filepath.Join(p.dir, name), p.dir
	// Looking at the disk — the tracker's own files, what is there already — is the
	// worker's job, not the UI goroutine's.
	background(a.work, func() (bool, error) {
		if err := fsutil.CheckTarget(path, tracker.OutputGuard(a.dbPath)); err != nil {
			return false, err
		}
		_, err := os.Stat(path)
		return err == nil, nil
	}, func(exists bool, err error) {
		if err != nil {
			retry(err)
			return
		}
		a.fyneApp.Preferences().SetString(prefSaveFolder, dir)
		if !exists {
			save(path)
			return
		}
		a.showConfirm("Replace "+name+"?",
			fmt.Sprintf("%s already exists in %s.\nReplace it? The old file stays as it is until the new one is complete.", name, dir),
			func(ok bool) {
				if ok {
					save(path)
				}
			})
	})
}

// writeOutput writes an output file off the UI goroutine — never over the tracker's own
// files, never half a file — then reports how many things write wrote, or why it failed.
func (a *App) writeOutput(path, notWritten string, write func(w io.Writer) (int, error), done func(n int)) {
	background(a.work, func() (int, error) {
		var n int
		err := fsutil.WriteOutput(path, 0o600, tracker.OutputGuard(a.dbPath), func(w io.Writer) error {
			var err error
			n, err = write(w)
			return err
		})
		return n, err
	}, func(n int, err error) {
		if err != nil {
			a.showError(notWritten, err)
			return
		}
		done(n)
	})
}
