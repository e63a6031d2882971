// Package calendar writes the follow-ups and the interviews still ahead as all-day events of
// an iCalendar file (RFC 5545), for the user to import into the calendar they already use.
// Importing a newer file again updates the events instead of adding them twice.
package calendar

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	ics "github.com/arran4/golang-ical"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// Kind is what an event is for.
type Kind string

// The kinds of event; each opportunity has at most one of each.
const (
	FollowUp  Kind = "followup"
	Interview Kind = "interview"
)

// Event is one all-day event of the calendar.
type Event struct {
	Kind        Kind
	ID          uint64 // the opportunity's
	Day         day.Day
	Summary     string
	Description string
	Updated     time.Time // when the opportunity last changed; zero for unknown
}

// UID names the event for calendar apps: the same opportunity and kind always get the same
// one, so that a second import replaces the event rather than adding a copy.
func (e Event) UID() string { return fmt.Sprintf("%s-%d@declinedesk", e.Kind, e.ID) }

// reminderAt is when, after the start of the day, calendar apps remind the user.
const reminderAt = "PT9H"

// Options say when the calendar is written and by what.
type Options struct {
	// Now stamps every event (DTSTAMP); its day, where the user is, says which interviews
	// are still ahead.
	Now time.Time
	// Product names the app and its version in the file, such as "Decline Desk 0.1.0".
	Product string
}

// Source is where the opportunities come from, such as a *tracker.BoltStore.
type Source interface {
	ForEach(withHistory bool, fn func(o *tracker.Opportunity) error) error
}

// Export writes the events of every opportunity of s and returns how many there were.
func Export(w io.Writer, s Source, opts Options) (int, error) {
	today := day.Of(opts.Now)
	var events []Event
	err := s.ForEach(false, func(o *tracker.Opportunity) error {
		events = append(events, EventsOf(o, today)...)
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(events), Write(w, events, opts)
}

// EventsOf lists the events of o: its follow-up, whenever it falls, and its interview when
// that is today or later. A stored date that is not a day is left out.
func EventsOf(o *tracker.Opportunity, today day.Day) []Event {
	company, role := oneLine(o.Company), oneLine(o.Role)
	title := company
	if role != "" {
		title += " — " + role
	}
	var contact string
	switch name, email := oneLine(o.ContactName), oneLine(o.ContactEmail); {
	case name != "" && email != "":
		contact = fmt.Sprintf("Contact: %s <%s>", name, email)
	case name != "" || email != "":
		contact = "Contact: " + name + email
	}
	describe := func(what string) string {
		if contact == "" {
			return what
		}
		return what + "\n" + contact
	}
	var out []Event
	if d := o.FollowUpOn; d != "" && d.Valid() {
		out = append(out, Event{Kind: FollowUp, ID: o.ID, Day: d, Summary: "Follow up: " + title,
			Description: describe(followUpAdvice(o.Status, company, role)), Updated: o.UpdatedAt})
	}
	if d := o.InterviewOn; d != "" && d.Valid() && today.Valid() && d >= today {
		out = append(out, Event{Kind: Interview, ID: o.ID, Day: d, Summary: "Interview: " + title,
			Description: describe("Interview" + forRole(role, company) + ". If you will not go, tell them as early as you can."),
			Updated:     o.UpdatedAt})
	}
	return out
}

// followUpAdvice says what the follow-up asks the user to do.
func followUpAdvice(s stage.Status, company, role string) string {
	if s.Declined() {
		return "Send " + company + " a short keep-in-touch note, so that they think of you next time; Decline Desk has a keep-in-touch letter for it."
	}
	return "Follow up on your application" + forRole(role, company) + "."
}

// forRole is " for Role at Company", or " at Company" when the role is not known.
func forRole(role, company string) string {
	if role == "" {
		return " at " + company
	}
	return " for " + role + " at " + company
}

// oneLine makes a stored value fit one line of text: valid UTF-8, and no control
// characters, which calendar files cannot carry, with spaces collapsed.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToValidUTF8(s, "\uFFFD"), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}

// Write writes events as one calendar, in order of day, kind and opportunity, so that two
// exports of the same tracker differ only in their time stamps.
func Write(w io.Writer, events []Event, opts Options) error {
	events = slices.Clone(events)
	slices.SortFunc(events, func(a, b Event) int {
		return cmp.Or(strings.Compare(string(a.Day), string(b.Day)), strings.Compare(string(a.Kind), string(b.Kind)), cmp.Compare(a.ID, b.ID))
	})
	cal := ics.NewCalendar()
	product := oneLine(opts.Product)
	if product == "" {
		product = "Decline Desk"
	}
	cal.SetProductId("-//Decline Desk//" + product + "//EN")
	for _, e := range events {
		start := e.Day.Time()
		if start.IsZero() {
			continue
		}
		ev := cal.AddEvent(e.UID())
		ev.SetDtStampTime(opts.Now)
		if !e.Updated.IsZero() {
			ev.SetLastModifiedAt(e.Updated)
		}
		ev.SetAllDayStartAt(start)
		ev.SetAllDayEndAt(start.AddDate(0, 0, 1)) // DTEND is exclusive: one whole day
		ev.SetSummary(oneLine(e.Summary))
		ev.SetDescription(text(e.Description))
		ev.SetTimeTransparency(ics.TransparencyTransparent) // a reminder, not a busy day
		alarm := ev.AddAlarm()
		alarm.SetAction(ics.ActionDisplay)
		alarm.SetTrigger(reminderAt)
		alarm.SetProperty(ics.ComponentPropertyDescription, oneLine(e.Summary))
	}
	// The library ends lines with LF unless told otherwise, and drops the errors of some
	// writes: the file must end its lines with CRLF, and a failed write must not pass. A
	// bufio.Writer keeps the first error and returns it from Flush.
	bw := bufio.NewWriter(w)
	if err := cal.SerializeTo(bw, ics.WithNewLineWindows); err != nil {
		return err
	}
	return bw.Flush()
}

// text is a description: lines of one-line text.
func text(s string) string {
	lines := strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s), "\n")
	for i, l := range lines {
		lines[i] = oneLine(l)
	}
	return strings.Join(lines, "\n")
}
