package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/proofread"
	"github.com/declinedesk/declinedesk/internal/sample"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// The window opens inside the screen: a remembered size larger than the screen is made
// smaller, a small one is kept, and the window never goes below what the smallest screens
// hold.
func TestTheWindowOpensInsideTheScreen(t *testing.T) {
	h := newHarness(t, acme)
	prefs := h.app.fyneApp.Preferences()
	for _, c := range []struct {
		remembered, screen fyne.Size
		fits               func(fyne.Size) bool
	}{
		{fyne.NewSize(1280, 800), fyne.NewSize(960, 640), func(s fyne.Size) bool { return s.Width <= 960 && s.Height <= 640 }},
		{fyne.NewSize(1900, 1200), fyne.NewSize(1280, 800), func(s fyne.Size) bool { return s.Width <= 1280 && s.Height <= 800 }},
		{fyne.NewSize(1000, 700), fyne.NewSize(1920, 1080), func(s fyne.Size) bool { return s.Width == 1000 && s.Height == 700 }},
		{fyne.NewSize(1280, 800), fyne.NewSize(640, 480), func(s fyne.Size) bool { return s.Width <= 640 && s.Height <= 480 }},
	} {
		prefs.SetFloat(prefWidth, float64(c.remembered.Width))
		prefs.SetFloat(prefHeight, float64(c.remembered.Height))
		h.app.FitToScreen(c.screen)
		if got := h.win.Canvas().Size(); !c.fits(got) {
			t.Errorf("remembered %v on a %v screen: opens at %v", c.remembered, c.screen, got)
		}
	}
}

// The content never asks the window to grow, whatever is shown and unfolded, and its own
// layout fits 800x600 without scrolling: the window is the user's size.
func TestTheWindowNeverGrowsByItself(t *testing.T) {
	h := newHarness(t, acme, tracker.Opportunity{Company: "A company with a very long name indeed, Incorporated", Role: strings.Repeat("Senior ", 8) + "Engineer", Status: stage.Offer})
	h.win.Resize(fyne.NewSize(800, 600))
	before := h.win.Content().MinSize()
	for _, c := range []string{"Acme Inc", "A company with a very long name indeed, Incorporated"} {
		h.selectCompany(c)
		p := h.app.letter
		p.alternative.SetSelected("Recommend someone")
		p.reason.SetSelected(labelOf(letter.Reasons, letter.Custom))
		h.settle()
		for _, tab := range []int{tabDetails, tabDecide, tabLetter} {
			h.app.showTab(tab)
			if got := h.win.Content().MinSize(); got != before {
				t.Errorf("%s, tab %d: the window's minimum went from %v to %v", c, tab, before, got)
			}
			if got := h.app.mainSplit.MinSize(); got.Width > 800 || got.Height > 600 {
				t.Errorf("%s, tab %d: the content needs %v, more than 800x600", c, tab, got)
			}
		}
	}
	if s := h.win.Canvas().Size(); s.Width != 800 || s.Height != 600 {
		t.Errorf("the window resized itself to %v", s)
	}
}

// At 800x600, and with the list's column as wide or as narrow as the split allows, the
// buttons of the Letter tab, the Decide tab and the list's filters never overlap, and each
// stays whole inside the window.
func TestNothingOverlapsAt800x600(t *testing.T) {
	h := newHarness(t, tracker.Opportunity{Company: "Acme Inc", Role: "Go Engineer", Status: stage.Offer, ContactName: "Jo Park", ContactEmail: "jo@acme.test"})
	h.win.Resize(fyne.NewSize(800, 600))
	h.selectCompany("Acme Inc")
	p, d, tr := h.app.letter, h.app.decide, h.app.tracker
	for _, offset := range []float64{0, 0.3, 1} {
		h.app.mainSplit.SetOffset(offset)
		h.app.showTab(tabLetter)
		h.apart(t, fmt.Sprintf("Letter, split at %.2f", offset), p.copyBtn, p.emlBtn, p.mailBtn, p.declineBtn)
		h.app.showTab(tabDecide)
		h.apart(t, fmt.Sprintf("Decide, split at %.2f", offset), d.decline, d.proceed)
		h.apart(t, fmt.Sprintf("filters, split at %.2f", offset), tr.status, tr.sort, tr.due)
	}
}

// apart fails unless each of objs is whole, inside the window, and clear of the others.
func (h *harness) apart(t *testing.T, what string, objs ...fyne.CanvasObject) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	win := h.win.Canvas().Size()
	type rect struct{ x0, y0, x1, y1 float32 }
	var rs []rect
	for _, o := range objs {
		pos, size := d.AbsolutePositionForObject(o), o.Size()
		r := rect{pos.X, pos.Y, pos.X + size.Width, pos.Y + size.Height}
		if size.Width < o.MinSize().Width || size.Height < o.MinSize().Height || r.x1 > win.Width || r.y1 > win.Height {
			t.Errorf("%s: %v is cut or outside the window: %v, needs %v, window %v", what, o, r, o.MinSize(), win)
		}
		rs = append(rs, r)
	}
	for i := range rs {
		for j := i + 1; j < len(rs); j++ {
			a, b := rs[i], rs[j]
			if a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 {
				t.Errorf("%s: %v and %v overlap", what, objs[i], objs[j])
			}
		}
	}
}

// Where width is short the editor and the letter as sent share one place, with a switch;
// where there is room they stand side by side.
func TestTheLetterGetsTheWidthWhereItIsShort(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	h.app.showTab(tabLetter)
	p := h.app.letter
	h.win.Resize(fyne.NewSize(1280, 800))
	write := p.writing.Objects[0]
	if !write.Visible() || !p.previewScroll.Visible() || p.viewRow.Visible() {
		t.Fatal("at 1280x800 the editor and the letter as sent are not side by side")
	}
	h.win.Resize(fyne.NewSize(800, 600))
	if !p.narrow || !p.viewRow.Visible() || p.previewScroll.Visible() || !write.Visible() {
		t.Fatalf("at 800x600: narrow %v, switch %v, letter as sent %v", p.narrow, p.viewRow.Visible(), p.previewScroll.Visible())
	}
	p.view.SetSelected("As sent")
	if !p.previewScroll.Visible() || write.Visible() {
		t.Error("the switch does not show the letter as sent")
	}
	if w := p.previewScroll.Size().Width; w < 350 {
		t.Errorf("the letter as sent is %.0f px wide", w)
	}
}

// Tab leaves the letter editor and Shift+Tab comes back; a tab pasted into the letter is
// flagged, and fixed in one click.
func TestTabLeavesTheLetterAndPastedTabsAreFixed(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	c := h.win.Canvas()
	c.Focus(p.editor)
	if p.editor.AcceptsTab() {
		t.Fatal("the editor takes Tab as a character")
	}
	c.FocusNext()
	if c.Focused() == p.editor || c.Focused() == nil {
		t.Fatalf("Tab stays in the editor: %v", c.Focused())
	}
	c.FocusPrevious()
	if c.Focused() != p.editor {
		t.Errorf("Shift+Tab does not come back to the editor: %v", c.Focused())
	}
	p.editor.SetText(strings.Replace(p.editor.Text, "Thank you", "Thank\tyou", 1))
	h.settle()
	at := -1
	for i, f := range p.found {
		if f.Rule == proofread.RuleTab {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("the tab is not flagged: %+v", p.found)
	}
	test.Tap(cardOf(p, at).fix)
	h.settle()
	if strings.Contains(p.editor.Text, "\t") || !strings.Contains(p.editor.Text, "Thank you") {
		t.Errorf("after the fix: %q", p.editor.Text[:60])
	}
}

// Without a profile the letter still shows, signed with a placeholder the proofreader
// flags, and can be copied to see what the app does.
func TestALetterWithoutAProfile(t *testing.T) {
	h := newHarnessWith(t, nil, acme)
	h.tap("Later")
	h.selectCompany("Acme Inc")
	p := h.app.letter
	if !strings.Contains(p.previewBody.String(), senderPlaceholder) || p.copyBtn.Disabled() {
		t.Fatalf("letter:\n%s\ncopy disabled %v", p.previewBody.String(), p.copyBtn.Disabled())
	}
	flagged := false
	for _, f := range p.found {
		flagged = flagged || (f.Rule == proofread.RulePlaceholder && strings.Contains(f.Text, "Your Name"))
	}
	if !flagged {
		t.Errorf("the placeholder signature is not flagged: %+v", p.found)
	}
}

// Once the letter is recorded as sent, the Letter tab shows the letter that went out and
// the next step — never the same decision again.
func TestTheLetterTabAfterSending(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	p := h.app.letter
	body := p.rendered.Body
	test.Tap(p.declineBtn)
	h.settle()
	h.tap("Mark declined")
	if !p.sentView.Visible() || p.writing.Visible() || p.sendBar.Visible() {
		t.Fatalf("sent view %v, writing %v, send bar %v", p.sentView.Visible(), p.writing.Visible(), p.sendBar.Visible())
	}
	if !strings.Contains(p.sentBody.String(), strings.Split(body, "\n")[0]) || !strings.Contains(p.sentTitle.Text, "went out") {
		t.Errorf("the sent letter is not shown: %q\n%s", p.sentTitle.Text, p.sentBody.String())
	}
	if h.shows("Mark declined…") && !p.declineBtn.Disabled() {
		t.Error("the tab still offers to mark the letter declined")
	}
	if !p.after.Visible() || !p.nextBtn.Visible() || p.keepInTouch.Visible() {
		t.Errorf("after-steps %v, next %v, due banner %v", p.after.Visible(), p.nextBtn.Visible(), p.keepInTouch.Visible())
	}
	// Another opportunity and back: still the letter that went out.
	h.app.setCurrent(nil)
	h.selectCompany("Acme Inc")
	if !p.sentView.Visible() {
		t.Error("coming back shows the decline again")
	}
	test.Tap(p.nextBtn)
	h.settle()
	if p.spec.Kind != letter.KeepInTouch || !p.writing.Visible() || p.declineBtn.Text != "Record as sent…" {
		t.Errorf("the next step: kind %q, writing %v, button %q", p.spec.Kind, p.writing.Visible(), p.declineBtn.Text)
	}
}

// A send action taken right after another opportunity is selected acts on that one's
// letter, never on the letter shown before.
func TestASendActionRightAfterSelectingActsOnTheNewLetter(t *testing.T) {
	h := newHarness(t, acme, tracker.Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Invited, ContactName: "Ann Lee"})
	h.selectCompany("Acme Inc")
	for i, r := range h.app.tracker.rows {
		if r.Company() == "Globex" {
			h.app.tracker.list.Select(i)
		}
	}
	h.app.work.wait() // the selection is on its way; the letter not yet on screen
	h.app.letter.onCopy()
	h.settle()
	if got := h.app.fyneApp.Clipboard().Content(); !strings.Contains(got, "Dear Ann Lee") {
		t.Errorf("copied %q", got)
	}
	if o, _ := h.store.Get(h.app.current.ID); o.History[len(o.History)-1].Kind != tracker.EventCopied || o.Company != "Globex" {
		t.Errorf("the copy was recorded on %s: %+v", o.Company, o.History)
	}
}

// A keystroke re-renders the letter and its findings and nothing else: the menus are not
// rebuilt, and the draft saved when typing pauses moves nothing in the list.
func TestAKeystrokeRebuildsOnlyTheLetter(t *testing.T) {
	h := newHarness(t, acme, tracker.Opportunity{Company: "Globex", Role: "Analyst", Status: stage.Invited})
	h.selectCompany("Acme Inc")
	p := h.app.letter
	rows := &h.app.tracker.rows[0]
	menus := h.app.menusRefreshed
	h.win.Canvas().Focus(p.editor)
	for i := 0; i < 5; i++ {
		test.Type(p.editor, "x")
		h.settle()
	}
	h.clock.Advance(2 * draftSaveDelay)
	h.settle()
	if h.app.menusRefreshed != menus {
		t.Errorf("the menus were rebuilt %d times while typing", h.app.menusRefreshed-menus)
	}
	if &h.app.tracker.rows[0] != rows {
		t.Error("saving the draft refreshed the list")
	}
	if o, _ := h.store.Get(h.app.current.ID); o.Draft == nil || !strings.Contains(o.Draft.Body, "xxxxx") {
		t.Fatal("the draft was not saved, so the test proves nothing")
	}
	_ = time.Second
}

// On a short window the letter keeps some six lines of the editor however many settings
// and findings there are; on a tall one the settings get what they need, up to their share.
func TestTheEditorKeepsItsLinesOnAShortScreen(t *testing.T) {
	h := newHarness(t, acme)
	h.selectCompany("Acme Inc")
	h.app.showTab(tabLetter)
	p := h.app.letter
	sixLines := widget.NewMultiLineEntry()
	sixLines.SetMinRowsVisible(6)
	// A finding or two take their place under the editor.
	h.typeInto(p.editor, "Hi!! ")
	h.settle()
	if len(p.found) == 0 {
		t.Fatal("no finding to show")
	}
	// An 800x600 screen, less the window's frame and the menu bar.
	h.win.Resize(fyne.NewSize(766, 520))
	if got, want := p.editor.Size().Height, sixLines.MinSize().Height; got < want {
		t.Errorf("on a short screen the editor is %.0f px high, less than six lines (%.0f px)", got, want)
	}
	h.win.Resize(fyne.NewSize(1280, 800))
	column := p.settingsScroll.Size().Height + p.editor.Size().Height
	if got, want := p.settingsScroll.Size().Height, min(p.settingsBox.MinSize().Height, column*settingsShare); got < want-1 {
		t.Errorf("on a tall screen the settings get %.0f px of %.0f, want %.0f", got, column, want)
	}
}

// The list's column keeps its width as a search narrows the list: the count under it
// ("3,351 of 12,000 opportunities") never pushes it wider, and is never cut.
func TestTheListColumnKeepsItsWidthWhileSearching(t *testing.T) {
	h := newHarness(t)
	if _, err := h.store.Import(sample.Opportunities(12_000, 1), nil); err != nil {
		t.Fatal(err)
	}
	h.app.reload()
	h.settle()
	h.win.Resize(fyne.NewSize(800, 600))
	h.app.mainSplit.SetOffset(0)
	p := h.app.tracker
	width := p.content.Size().Width
	for _, q := range []string{"", "e", "Hooli", "zzz-nothing"} {
		p.search.SetText(q)
		h.settle()
		h.relayout()
		if got := p.content.Size().Width; got != width {
			t.Errorf("searching %q: the list's column went from %.0f to %.0f px (count %q)", q, width, got, p.count.Text)
		}
		if p.count.Size().Width < p.count.MinSize().Width {
			t.Errorf("searching %q: the count %q is cut", q, p.count.Text)
		}
	}
}

// On a small screen the list's column opens wide enough for its rows and filters; once the
// user moves the divider, that is where it opens.
func TestTheListColumnOpensWideEnoughOnASmallScreen(t *testing.T) {
	h := newHarness(t, acme)
	h.app.FitToScreen(fyne.NewSize(800, 600))
	if w := h.app.tracker.content.Size().Width; w < 280 {
		t.Errorf("on an 800x600 screen the list's column opens %.0f px wide", w)
	}
	h.app.FitToScreen(fyne.NewSize(1920, 1080))
	if got := h.app.mainSplit.Offset; got != 0.3 {
		t.Errorf("on a large screen the list's column takes %.2f of the width", got)
	}
	h.app.fyneApp.Preferences().SetFloat(prefSplitMain, 0.45)
	h.app.mainSplit.SetOffset(0.45)
	h.app.FitToScreen(fyne.NewSize(800, 600))
	if got := h.app.mainSplit.Offset; got != 0.45 {
		t.Errorf("the divider the user moved opens at %.2f", got)
	}
}
