package invitation_test

import (
	"os"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/invitation"
	"github.com/declinedesk/declinedesk/internal/stage"
)

// The stages a mail suggests are statuses of the tracker, and its days are the tracker's
// days: what the reader gives, the tracker takes as it is.
func TestStagesAndDaysAreTheTrackers(t *testing.T) {
	for _, s := range []invitation.Stage{invitation.StageInvited, invitation.StageScheduled, invitation.StageOffer, invitation.StageRejected} {
		if !stage.Status(s).Valid() {
			t.Errorf("stage %q is not a tracker status", s)
		}
	}
	f, err := os.Open("testdata/plain.eml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := invitation.Read(f, invitation.Options{Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if d := res.Interview.Day; !d.Valid() || d != "2026-12-10" {
		t.Errorf("the tracker does not take the day %q", d)
	}
	for _, f := range res.Fields() {
		switch f.Name {
		case "company", "role", "location", "contact_name", "contact_email", "interview_on", "status":
		default:
			t.Errorf("field %q is not one of the opportunity's", f.Name)
		}
	}
}
