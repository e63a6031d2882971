// Package draft is the one place that builds the letter for a tracked opportunity: from its
// saved draft, or afresh from the record, the profile and the reason its checklist points
// to, in the kind its stage calls for or the one asked. The window and the command line
// both ask it, so that a letter reads the same wherever it is written. The letter for a
// record that came from a mail is a reply to it (reply.go): its subject, its thread, the
// draft and the mailto: link it goes out as.
package draft

import (
	"fmt"
	"strings"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// Request is what the letter for a record is built from besides the record.
type Request struct {
	// Sender signs the letter: the profile, or a sender given on the command line.
	Sender tracker.Profile
	// Kind is the letter asked for; "" keeps the saved letter's kind, or takes the one the
	// stage calls for.
	Kind letter.Kind
	// Answers are the checklist's answers as the user sees them, when they are newer than
	// the record's; nil takes the record's.
	Answers checklist.Answers
	// Today is the day the letter is written, for the stage.
	Today day.Day
}

// Letter is the letter for a record, and what the user should know about it.
type Letter struct {
	Spec letter.Spec
	// Suggested is the kind the stage calls for ("" for none) and Why says so in words.
	Suggested letter.Kind
	Why       string
	// Changes say, in words, what the record changed under the saved letter (see Follow).
	Changes []string
	// DroppedText is set when a saved text written for another kind was left out.
	DroppedText bool
	// Sent is set when the opportunity was turned down and its last letter went out with
	// nothing written since: that letter is shown as it was, and Suggested is the next.
	Sent *tracker.SentLetter
}

// For builds the letter for o.
func For(o *tracker.Opportunity, r Request) Letter {
	var out Letter
	out.Suggested, out.Why = stage.SuggestedKind(o.Stage(), r.Today)
	kind := r.Kind
	sent := lastSent(o)
	switch {
	case kind != "":
	case sent != nil && o.Status.Declined() && (o.Draft == nil || o.Draft.Kind.OrDefault() == sent.Kind.OrDefault()):
		kind = sent.Kind.OrDefault() // the letter that went out, and nothing written since
		out.Sent = sent
	case o.Draft != nil && !(movedOn(o) && out.Suggested != ""):
		kind = o.Draft.Kind.OrDefault() // the letter the user chose for this stage
	default:
		kind = out.Suggested
	}
	if o.Draft != nil {
		out.Spec = *o.Draft
		out.Changes = Follow(&out.Spec, o)
		if kind != "" && out.Spec.Kind.OrDefault() != kind.OrDefault() {
			out.DroppedText = out.Spec.Body != "" || out.Spec.Subject != ""
			out.Spec = out.Spec.WithKind(kind)
		}
	} else {
		out.Spec = fresh(o, r)
		if kind != "" {
			out.Spec = out.Spec.WithKind(kind)
		}
	}
	out.Spec.SenderName, out.Spec.SenderEmail, out.Spec.Signature = r.Sender.FullName, r.Sender.Email, r.Sender.Signature
	return out
}

// movedOn reports whether the opportunity left the stage its saved letter was written at:
// the letter then answers a question no longer asked.
func movedOn(o *tracker.Opportunity) bool {
	return o.DraftStatus != "" && o.DraftStatus != o.Status
}

// lastSent is the last letter recorded as sent for o, or nil.
func lastSent(o *tracker.Opportunity) *tracker.SentLetter {
	for i := len(o.History) - 1; i >= 0; i-- {
		if e := o.History[i]; e.Kind == tracker.EventSent && e.Letter != nil {
			return e.Letter
		}
	}
	return nil
}

// fresh is a new letter for o: names and dates from the record, the reason its checklist
// points to, and the gentlest defaults for the rest.
func fresh(o *tracker.Opportunity, r Request) letter.Spec {
	return letter.Spec{
		RecipientName: o.ContactName, RecipientEmail: o.ContactEmail, Company: o.Company, Role: o.Role,
		InterviewDate: string(o.InterviewOn), Reason: Reason(o, r.Answers), Alternative: letter.StayInTouch, Tone: letter.Formal,
	}
}

// Reason is the reason the checklist's answers point to — answers when given, else the
// record's — or not-a-fit when they point to none.
func Reason(o *tracker.Opportunity, answers checklist.Answers) letter.Reason {
	if answers == nil {
		answers = o.Checklist
	}
	if r := checklist.Summarize(answers).Reason; r != "" {
		return letter.Reason(r)
	}
	return letter.NotAFit
}

// Follow takes into a saved letter what it borrows from the record — company, role,
// interview date, and the contact where the letter names none — and says what changed, in
// words. An untouched letter is simply written again with the new details; where the text
// was edited, the user is to be told.
func Follow(s *letter.Spec, o *tracker.Opportunity) []string {
	var changes []string
	take := func(what string, have *string, now string) {
		if *have != now {
			if *have != "" {
				changes = append(changes, fmt.Sprintf("the %s is now %s (the letter had %s)", what, orNone(now), *have))
			}
			*have = now
		}
	}
	take("company", &s.Company, o.Company)
	take("role", &s.Role, o.Role)
	take("interview date", &s.InterviewDate, string(o.InterviewOn))
	if strings.TrimSpace(s.RecipientName) == "" {
		s.RecipientName = o.ContactName
	}
	if strings.TrimSpace(s.RecipientEmail) == "" {
		s.RecipientEmail = o.ContactEmail
	}
	return changes
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
