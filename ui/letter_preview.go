package ui

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/proofread"
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

// markedBody is the letter's body as rich text, each finding in the body marked in its
// severity's colour, bold and underlined; overlapping spans are marked once.
func markedBody(l letter.Letter, found []proofread.Finding) []widget.RichTextSegment {
	body := l.Body
	spans := make([]proofread.Finding, 0, len(found))
	for _, f := range found {
		if f.Part == proofread.Body && f.End > f.Start && f.End <= len(body) {
			spans = append(spans, f)
		}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var segs []widget.RichTextSegment
	// Each segment ends at a line break at the latest: Fyne wraps the text after a break
	// inside one segment as if it went on the row before it, which can end that line early.
	add := func(style widget.RichTextStyle, text string) {
		for text != "" {
			n := strings.IndexByte(text, '\n') + 1
			if n == 0 {
				n = len(text)
			}
			segs = append(segs, &widget.TextSegment{Style: style, Text: text[:n]})
			text = text[n:]
		}
	}
	plain := func(text string) { add(widget.RichTextStyleInline, text) }
	at := 0
	for _, f := range spans {
		start, end := max(f.Start, at), f.End
		if start >= end {
			continue
		}
		plain(body[at:start])
		style := widget.RichTextStyleInline
		style.ColorName = severityColor(f.Severity)
		style.TextStyle = fyne.TextStyle{Bold: true, Underline: true}
		add(style, body[start:end])
		at = end
	}
	plain(body[at:])
	return segs
}

func severityColor(s proofread.Severity) fyne.ThemeColorName {
	switch s {
	case proofread.SevError:
		return theme.ColorNameError
	case proofread.SevWarning:
		return theme.ColorNameWarning
	}
	return theme.ColorNamePrimary
}
