package ui

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/csvio"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// prefColumns, followed by a header's signature, remembers which field each column of a
// sheet goes into: "column=field" entries.
const prefColumns = "import.columns."

// skipLabel is how the step offers to leave a column out.
const skipLabel = "Skip"

// columnsStep asks, for a sheet whose columns import does not recognise, which field each
// column goes into, and shows the first rows read that way — with the errors they would
// have — before anything is read further or written.
type columnsStep struct {
	p      *trackerPane
	name   string
	file   csvio.File
	plan   *csvio.Plan
	keys   []string                  // the columns, as HeaderKeys, in file order
	choose map[string]*widget.Select // by column
	intro  *widget.Label
	rows   *fyne.Container // the preview: a label a row
	status *widget.Label
	next   *widget.Button
	d      dialog.Dialog
}

// fieldChoices are the labels the selects offer, Skip first, and the field of each.
func fieldChoices() ([]string, map[string]string) {
	labels := []string{skipLabel}
	names := map[string]string{skipLabel: csvio.SkipColumn}
	for _, f := range csvio.MappableFields() {
		labels = append(labels, f.Label)
		names[f.Label] = f.Name
	}
	return labels, names
}

// askColumns shows the step for a file whose header was not recognised.
func (p *trackerPane) askColumns(name string, f csvio.File, plan *csvio.Plan) {
	s := &columnsStep{p: p, name: name, file: f, plan: plan, choose: map[string]*widget.Select{},
		rows: container.NewVBox(), status: &widget.Label{Wrapping: fyne.TextWrapWord}}
	p.columns = s
	labels, _ := fieldChoices()
	remembered := p.rememberedColumns(plan.Header)
	guess := plan.Mapping()
	list := container.NewVBox()
	seen := map[string]bool{}
	for i, h := range plan.Header {
		key := csvio.HeaderKey(h)
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		s.keys = append(s.keys, key)
		sel := widget.NewSelect(labels, nil)
		field := guess[key]
		if r, ok := remembered[key]; ok {
			field = r
		}
		sel.SetSelected(labelFor(field))
		sel.OnChanged = func(string) { s.refresh() }
		s.choose[key] = sel
		// The column's name, and what its first rows hold, to tell columns apart.
		title := widget.NewRichText(
			&widget.TextSegment{Text: h, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
			&widget.TextSegment{Text: "  " + sampleOf(plan, i), Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}})
		title.Truncation = fyne.TextTruncateEllipsis
		list.Add(container.NewBorder(nil, nil, nil, sel, title))
	}
	text := fmt.Sprintf("Decline Desk does not know the columns of %s. Choose what each column holds, or Skip it; "+
		"the first rows below show what would be imported. Nothing has been imported yet.", name)
	if len(remembered) > 0 {
		text = fmt.Sprintf("%s has the columns of a sheet you imported before: they are read as you chose then. "+
			"Change any, then continue. Nothing has been imported yet.", name)
	}
	s.intro = &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	s.next = &widget.Button{Text: "Continue", Importance: widget.HighImportance, OnTapped: s.onContinue}
	cancel := &widget.Button{Text: "Cancel", OnTapped: func() { s.d.Hide() }}
	columns := container.NewBorder(widget.NewLabelWithStyle("Columns", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, container.NewVScroll(list))
	preview := container.NewBorder(widget.NewLabelWithStyle("First rows, as they would be imported", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, container.NewVScroll(s.rows))
	split := container.NewHSplit(columns, preview)
	split.Offset = 0.45
	buttons := container.NewCenter(container.NewHBox(cancel, s.next))
	content := container.NewBorder(s.intro, container.NewBorder(nil, nil, nil, buttons, s.status), nil, nil, split)
	s.d = dialog.NewCustomWithoutButtons("Which column holds what?", content, p.app.win)
	s.d.SetOnClosed(func() {
		if p.columns == s {
			p.columns = nil
		}
	})
	s.refresh()
	p.app.presentWith(s.d, func() {
		if !s.next.Disabled() {
			s.onContinue()
		}
	})
	size := p.app.win.Canvas().Size()
	s.d.Resize(fyne.NewSize(min(880, size.Width-40), min(580, size.Height-40)))
}

// labelFor is the select's label for a field name.
func labelFor(field string) string {
	if field == "" || field == csvio.SkipColumn {
		return skipLabel
	}
	return tracker.FieldLabel(field)
}

// sampleOf is the first non-empty value of column i in the first rows, to tell columns
// apart by what they hold.
func sampleOf(plan *csvio.Plan, i int) string {
	for _, v := range plan.Sample(i) {
		if v = strings.TrimSpace(v); v != "" {
			return "e.g. " + strings.Join(strings.Fields(v), " ")
		}
	}
	return "empty in the first rows"
}

// mapping is what the selects say.
func (s *columnsStep) mapping() csvio.Mapping {
	_, names := fieldChoices()
	m := csvio.Mapping{}
	for _, k := range s.keys {
		m[k] = names[s.choose[k].Selected]
	}
	return m
}

// refresh reads the first rows again with the columns as chosen.
func (s *columnsStep) refresh() {
	if s.next == nil {
		return // still building
	}
	s.rows.RemoveAll()
	rows, err := s.plan.Preview(s.mapping())
	if err != nil {
		msg := err.Error()
		if he := (*csvio.HeaderError)(nil); errors.As(err, &he) {
			msg = he.Reason
		}
		s.status.SetText(sentence(msg))
		s.status.Importance = widget.DangerImportance
		s.status.Refresh()
		s.next.Disable()
		s.rows.Add(&widget.Label{Text: "The first rows show here once a column holds the company and one the role.",
			Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance})
		return
	}
	bad := 0
	for _, r := range rows {
		l := &widget.Label{Wrapping: fyne.TextWrapWord}
		if r.Reason != "" {
			bad++
			l.Text = fmt.Sprintf("Line %d cannot be imported: %s", r.Line, r.Reason)
			l.Importance = widget.DangerImportance
		} else {
			l.Text = fmt.Sprintf("Line %d: %s", r.Line, previewText(&r.Opportunity))
		}
		s.rows.Add(l)
	}
	if len(rows) == 0 {
		s.rows.Add(widget.NewLabel("The file has no rows under its header."))
	}
	s.status.Importance = widget.MediumImportance
	switch {
	case bad > 0:
		s.status.SetText(fmt.Sprintf("%s of the first %d cannot be imported as the columns are now; "+
			"change the columns, or continue to see every row with an error before anything is imported.",
			plural(bad, "row", "rows"), len(rows)))
	default:
		s.status.SetText("Continue to read the whole file this way; you confirm before anything is imported.")
	}
	s.next.Enable()
}

// previewText is a row as the step shows it: every field it fills, by label.
func previewText(o *tracker.Opportunity) string {
	var parts []string
	for _, f := range csvio.MappableFields() {
		v := f.TextOf(o)
		switch {
		case v == "":
			continue
		case f.Kind == tracker.KindStatus:
			v = o.Status.Label()
		case f.Kind == tracker.KindStamp:
			v = v[:10]
		}
		lines := strings.Split(v, "\n")
		for i, l := range lines {
			lines[i] = strings.Join(strings.Fields(l), " ")
		}
		parts = append(parts, f.Label+": "+strings.Join(lines, " / "))
	}
	return strings.Join(parts, " · ")
}

// sentence starts a message with a capital and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// onContinue remembers the choice for sheets with these columns and reads the whole file
// with it.
func (s *columnsStep) onContinue() {
	m := s.mapping()
	s.p.rememberColumns(s.plan.Header, m)
	s.d.Hide()
	s.p.read(s.name, s.file, csvio.ParseOptions{Mapping: m})
}

// rememberedColumns is the mapping chosen last for a header with these columns.
func (p *trackerPane) rememberedColumns(header []string) csvio.Mapping {
	m := csvio.Mapping{}
	for _, e := range p.app.fyneApp.Preferences().StringList(prefColumns + csvio.HeaderSignature(header)) {
		i := strings.LastIndexByte(e, '=')
		if i <= 0 {
			continue
		}
		if _, ok := tracker.FieldNamed(e[i+1:]); ok || e[i+1:] == csvio.SkipColumn {
			m[e[:i]] = e[i+1:]
		}
	}
	return m
}

// rememberColumns keeps the mapping for the next sheet with these columns.
func (p *trackerPane) rememberColumns(header []string, m csvio.Mapping) {
	var entries []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		entries = append(entries, k+"="+m[k])
	}
	p.app.fyneApp.Preferences().SetStringList(prefColumns+csvio.HeaderSignature(header), entries)
}
