package ui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/letter"
)

// showPreview shows the letter exactly as it will be sent, every finding marked in it.
func (p *letterPane) showPreview() {
	l := p.rendered
	if l.Body == "" && l.Subject == "" {
		p.previewSubject.SetText("No letter yet")
		p.previewTo.SetText("")
		p.previewBody.Segments = nil
		p.previewBody.Refresh()
		return
	}
	p.previewSubject.SetText("Subject: " + l.Subject)
	if l.To == "" {
		p.previewTo.SetText("To: (no address yet — add their email above, or fill it in your mail app)")
	} else {
		p.previewTo.SetText("To: " + l.To)
	}
	p.previewBody.Segments = markedBody(l, p.found)
	p.previewBody.Refresh()
}

// markedBody is the letter's body as rich text, each finding's span in its severity's
// colour, bold and underlined. Spans come from the proofread text, which starts with the
// subject line; overlapping spans are marked once.
func markedBody(l letter.Letter, found []letter.Finding) []widget.RichTextSegment {
	head := len(bodyHead(l))
	body := l.Body
	spans := make([]letter.Finding, 0, len(found))
	for _, f := range found {
		if f.End > head && f.Start < head+len(body) && f.End > f.Start {
			spans = append(spans, f)
		}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var segs []widget.RichTextSegment
	plain := func(text string) {
		if text != "" {
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: text})
		}
	}
	at := 0
	for _, f := range spans {
		start, end := max(f.Start-head, at), min(f.End-head, len(body))
		if start >= end {
			continue
		}
		plain(body[at:start])
		style := widget.RichTextStyleInline
		style.ColorName = severityColor(f.Severity)
		style.TextStyle = fyne.TextStyle{Bold: true, Underline: true}
		segs = append(segs, &widget.TextSegment{Style: style, Text: body[start:end]})
		at = end
	}
	plain(body[at:])
	return segs
}

// bodyHead is what comes before the body in the proofread text.
func bodyHead(l letter.Letter) string { return "Subject: " + l.Subject + "\n\n" }

func severityColor(s letter.Severity) fyne.ThemeColorName {
	switch s {
	case letter.SevError:
		return theme.ColorNameError
	case letter.SevWarning:
		return theme.ColorNameWarning
	}
	return theme.ColorNamePrimary
}
