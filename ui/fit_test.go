package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/proofread"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// letterOf180Words is a decline of about 180 words, as a user might write it.
func letterOf180Words() string {
	para := "I have thought carefully about the role and the team, and I have decided that this is not the right step for me at this time, although I truly enjoyed every conversation."
	var b strings.Builder
	b.WriteString("Dear Jo Park,\n\nThank you for inviting me to interview for the Go Engineer position at Acme Inc.\n\n")
	for i := 0; i < 4; i++ {
		b.WriteString(para + "\n\n")
	}
	b.WriteString("Please pass my thanks to everyone I met along the way; your kindness and openness made this hard.\n\n")
	b.WriteString("I must therefore decline the interview. I wish you and the team every success.\n\nSincerely,\nAna Silva\n")
	return b.String()
}

func TestA180WordLetterReadsWholeAt1280x800(t *testing.T) {
	h := newHarness(t, acme)
	h.win.Resize(fyne.NewSize(1280, 800))
	h.selectCompany("Acme Inc")
	p := h.app.letter
	p.editor.SetText(letterOf180Words())
	h.settle()
	if n := len(strings.Fields(p.previewBody.String())); n < 180 || n > 190 {
		t.Fatalf("the test letter has %d words", n)
	}
	content, view := p.previewScroll.Content.MinSize().Height, p.previewScroll.Size().Height
	if content > view {
		t.Errorf("the as-sent view needs %.0f px for the letter but shows %.0f: it must be scrolled", content, view)
	}
}

func TestTheWindowNeverAsksForMoreThan960x640(t *testing.T) {
	h := newHarness(t, acme, tracker.Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Declined, FollowUpOn: dayAt(-1)})
	h.win.Resize(fyne.NewSize(960, 640))
	h.selectCompany("Acme Inc")
	p := h.app.letter
	// Everything that can unfold at once: every settings row, the notes above the letter,
	// the after-steps, problems in the settings.
	p.reason.SetSelected(labelOf(letter.Reasons, letter.Custom))
	p.alternative.SetSelected(labelOf(letter.Alternatives, letter.Referral))
	p.recipientEmail.SetText("not-an-address")
	h.settle()
	p.after.Show()
	p.changed.SetText(strings.Repeat("The opportunity changed since you edited this letter. ", 4))
	p.changedBox.Show()
	p.keepInTouch.Show()
	// A finding with the longest words it may have meant as choices.
	p.found = append(p.found, proofread.Finding{Message: strings.Repeat("A long message about a word. ", 6),
		Suggestions: []string{"counterrevolutionaries", "internationalisation", "disproportionately"}})
	p.showFindings()
	h.app.tracker.setChartOpen(true)
	for _, tab := range []int{tabDetails, tabDecide, tabLetter} {
		h.app.showTab(tab)
		min := h.win.Content().MinSize()
		if min.Width > 960 || min.Height > 640 {
			t.Errorf("tab %d: the window asks for %.0f×%.0f", tab, min.Width, min.Height)
		}
	}
}

func TestAnotherOpportunityIsShownFromTheTop(t *testing.T) {
	h := newHarness(t, acme, tracker.Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Invited, Notes: strings.Repeat("A long note. ", 200)})
	h.win.Resize(fyne.NewSize(960, 640))
	h.selectCompany("Acme Inc")
	scrolls := map[string]*container.Scroll{"details": h.app.tracker.details.card, "checklist": h.app.decide.scroll,
		"settings": h.app.letter.settingsScroll, "letter": h.app.letter.previewScroll}
	for _, s := range scrolls {
		s.Offset = fyne.NewPos(0, 200)
	}
	h.selectCompany("Globex")
	for name, s := range scrolls {
		if s.Offset.Y != 0 {
			t.Errorf("the %s opens %.0f px down", name, s.Offset.Y)
		}
	}
}

func TestTheListShowsTwelveRowsAt1280x800(t *testing.T) {
	var opps []tracker.Opportunity
	for i := 0; i < 30; i++ {
		opps = append(opps, tracker.Opportunity{Company: "Company " + string(rune('A'+i%26)) + strings.Repeat("x", i), Role: "Dev", Status: stage.Applied, FollowUpOn: dayAt(i - 10)})
	}
	h := newHarness(t, opps...)
	h.win.Resize(fyne.NewSize(1280, 800))
	h.selectCompany(opps[3].Company)
	row := newOppRow().MinSize().Height + theme.Padding() // rows are separated by a padding
	if n := h.app.tracker.list.Size().Height / row; n < 12 {
		t.Errorf("the list shows %.1f rows of %.0f px in %.0f px", n, row, h.app.tracker.list.Size().Height)
	}
}
