package ui

import (
	"bytes"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// TestEveryTextHasItsGlyphs walks the window through its states and checks that the bundled
// fonts can draw every character the app shows: a missing glyph is a box on screen.
func TestEveryTextHasItsGlyphs(t *testing.T) {
	var faces []*font.Face
	for _, res := range []fyne.Resource{theme.DefaultTextFont(), theme.DefaultTextBoldFont()} {
		f, err := font.ParseTTF(bytes.NewReader(res.Content()))
		if err != nil {
			t.Fatal(err)
		}
		faces = append(faces, f)
	}
	drawable := func(r rune) bool {
		if r == '\n' || r == '\t' {
			return true
		}
		for _, f := range faces {
			if _, ok := f.NominalGlyph(r); ok {
				return true
			}
		}
		return false
	}
	if drawable('→') {
		t.Fatal("the bundled font draws →: this check cannot tell a missing glyph")
	}
	h := newHarnessWith(t, nil, acme,
		tracker.Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Declined, FollowUpOn: dayAt(-1)},
		tracker.Opportunity{Company: "Initech", Role: "QA", Status: stage.Accepted})
	seen := map[string]bool{}
	collect := func(state string) {
		for _, text := range h.texts() {
			for _, r := range text {
				if !drawable(r) {
					key := fmt.Sprintf("%s: %q in %q", state, r, text)
					if !seen[key] {
						seen[key] = true
						t.Error("no glyph for " + key)
					}
				}
			}
		}
		for _, m := range h.win.MainMenu().Items {
			for _, it := range m.Items {
				for _, r := range m.Label + it.Label {
					if !drawable(r) {
						t.Errorf("menu %s › %s: no glyph for %q", m.Label, it.Label, r)
					}
				}
			}
		}
	}
	collect("welcome")
	h.press(fyne.KeyEscape)
	for _, company := range []string{"Acme Inc", "Globex", "Initech"} {
		h.selectCompany(company)
		for _, tab := range []int{tabDetails, tabDecide, tabLetter} {
			h.app.showTab(tab)
			collect(company)
		}
	}
	for _, open := range []func(){h.app.onShortcuts, h.app.onSettings, h.app.onAbout, h.app.tracker.onAdd, h.app.letter.onMarkSent} {
		open()
		h.settle()
		collect("dialog")
		h.press(fyne.KeyEscape)
	}
}
