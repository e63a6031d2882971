package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

func TestOpenFailuresSayWhatHappenedInWords(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		err   error
		title string
	}{
		{tracker.ErrInUse, "Decline Desk is already open"},
		{fmt.Errorf("%w: bad page", tracker.ErrDamaged), "The tracker file is damaged"},
		{tracker.ErrForeign, "This is not a Decline Desk file"},
		{tracker.ErrNewer, "Made by a newer Decline Desk"},
		{errors.New("cannot open the database /x/t.db: the disk is read-only"), "The tracker could not be opened"},
	} {
		w := test.NewTempWindow(t, nil)
		ShowOpenFailure(w, "/x/t.db", tc.err)
		var texts []string
		for _, o := range test.LaidOutObjects(w.Content()) {
			if l, ok := o.(*widget.Label); ok {
				texts = append(texts, l.Text)
			}
		}
		all := strings.Join(texts, "\n")
		if !strings.Contains(all, tc.title) || !strings.Contains(all, "/x/t.db") {
			t.Errorf("%v: %q", tc.err, all)
		}
	}
}
