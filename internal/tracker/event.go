package tracker

import (
	"fmt"
	"strings"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/stage"
)

// EventKind says what an event in an opportunity's history records.
type EventKind string

// The kinds of history event. An event keeps what happened as data; Describe makes the
// words, when they are shown.
const (
	EventCreated    EventKind = "created"         // added in the window
	EventImported   EventKind = "imported"        // Source: what it came from
	EventStatus     EventKind = "status"          // From, To
	EventNote       EventKind = "note"            // Note: the user's words
	EventEntry      EventKind = "entry"           // Note: a line of a history kept elsewhere, as written there
	EventCopied     EventKind = "letter-copied"   // Letter
	EventExported   EventKind = "letter-exported" // Letter, Note: the file's name
	EventMailed     EventKind = "letter-mailed"   // Letter
	EventSent       EventKind = "letter-sent"     // Letter, Day: the keep-in-touch follow-up, if any
	EventNoResponse EventKind = "no-response"     // Days: how long the wait was
	EventFromMail   EventKind = "from-mail"       // Note: the mail's subject
	EventMailUpdate EventKind = "mail-update"     // Note: the mail's subject, Day: the interview day it set
)

// Event is one entry of an opportunity's history.
type Event struct {
	At   time.Time `json:"at"`
	Kind EventKind `json:"kind"`

	From   stage.Status `json:"from,omitempty"`
	To     stage.Status `json:"to,omitempty"`
	Note   string       `json:"note,omitempty"`
	Source string       `json:"source,omitempty"`
	Days   int          `json:"days,omitempty"`
	Day    day.Day      `json:"day,omitempty"`
	// Letter is the exact letter, kept with copy, export, mail and send events.
	Letter *SentLetter `json:"letter,omitempty"`
}

// SentLetter is a letter exactly as it left the app.
type SentLetter struct {
	To      string      `json:"to,omitempty"`
	Subject string      `json:"subject"`
	Body    string      `json:"body"`
	Kind    letter.Kind `json:"kind,omitempty"` // "" in letters archived before kinds: a decline
}

// IsActivity reports whether an event of this kind is something between the user and the
// other side — it moves the opportunity's last activity — rather than bookkeeping.
func (k EventKind) IsActivity() bool {
	switch k {
	case EventCreated, EventStatus, EventNote, EventCopied, EventExported, EventMailed, EventSent, EventNoResponse,
		EventFromMail, EventMailUpdate:
		return true
	}
	return false
}

// Describe is the event in words, as the history shows it and the CSV export writes it:
// the one place those words are made.
func (e Event) Describe() string {
	switch e.Kind {
	case EventCreated:
		return "Added to the tracker"
	case EventImported:
		if e.Source != "" {
			return "Imported from " + e.Source
		}
		return "Imported from a CSV file"
	case EventStatus:
		return fmt.Sprintf("Status: from %s to %s", e.From.Label(), e.To.Label())
	case EventNote:
		if e.Note == "" {
			return "Note"
		}
		return "Note: " + e.Note
	case EventEntry:
		return e.Note
	case EventCopied:
		return "Letter copied to the clipboard"
	case EventExported:
		if e.Note != "" {
			return "Letter saved as an email draft: " + e.Note
		}
		return "Letter saved as an email draft"
	case EventMailed:
		return "Letter opened in the mail app"
	case EventSent:
		text := sentWords(e.Letter)
		if e.Day != "" {
			text += "; keep in touch on " + e.Day.Format(day.Short)
		}
		return text
	case EventFromMail:
		return "Added from an email" + quoted(e.Note)
	case EventMailUpdate:
		text := "Updated from an email" + quoted(e.Note)
		if e.Day != "" {
			text += "; interview on " + e.Day.Format(day.Short)
		}
		return text
	case EventNoResponse:
		if e.Days == 1 {
			return "No response after 1 day"
		}
		return fmt.Sprintf("No response after %d days", e.Days)
	}
	if e.Note != "" {
		return e.Note
	}
	return string(e.Kind)
}

// quoted is a mail's subject as the history shows it after what the mail did, or nothing.
func quoted(subject string) string {
	if subject == "" {
		return ""
	}
	return ": “" + subject + "”"
}

// sentWords says what sending the letter did.
func sentWords(l *SentLetter) string {
	kind := letter.DeclineInterview
	if l != nil {
		kind = l.Kind.OrDefault()
	}
	switch kind {
	case letter.DeclineOffer:
		return "Declined the offer; the letter is kept here"
	case letter.Withdraw:
		return "Withdrew the application; the letter is kept here"
	case letter.KeepInTouch:
		return "Sent a note to keep in touch; it is kept here"
	}
	return "Declined the interview; the letter is kept here"
}

// tidy is e as it is stored: dated (at, when it has no time of its own) to the second in
// UTC, its words valid UTF-8 without surrounding space.
func (e Event) tidy(at time.Time) Event {
	if e.At.IsZero() {
		e.At = at
	}
	e.At = e.At.UTC().Truncate(time.Second)
	e.Note = strings.TrimSpace(strings.ToValidUTF8(e.Note, "\uFFFD"))
	e.Source = strings.TrimSpace(strings.ToValidUTF8(e.Source, "\uFFFD"))
	return e
}

// oldEvent reads an event stored by schema 2, when events kept their words: the words are
// read back into data where they say something the app knows, and kept as they were
// where not.
func oldEvent(kind EventKind, text string) Event {
	e := Event{Kind: kind}
	switch kind {
	case EventCreated, EventCopied, EventMailed:
		return e
	case EventImported:
		if src, ok := strings.CutPrefix(text, "Imported from "); ok && src != "a CSV file" {
			e.Source = src
		}
		return e
	case EventExported:
		e.Note, _ = strings.CutPrefix(text, "Letter saved as an email draft: ")
		if e.Note == text {
			e.Note = ""
		}
		return e
	case EventStatus:
		rest, _ := strings.CutPrefix(text, "Status: ")
		rest, _ = strings.CutPrefix(rest, "from ")
		for _, sep := range []string{" to ", " → "} {
			if a, b, ok := strings.Cut(rest, sep); ok {
				from, errA := stage.Parse(a)
				to, errB := stage.Parse(b)
				if errA == nil && errB == nil {
					e.From, e.To = from, to
					return e
				}
			}
		}
	case EventNote:
		if note, ok := strings.CutPrefix(text, "Note: "); ok {
			e.Note = note
			return e
		}
		var days int
		if n, _ := fmt.Sscanf(text, "No response after %d day", &days); n == 1 {
			return Event{Kind: EventNoResponse, Days: days}
		}
		for _, k := range []letter.Kind{letter.DeclineInterview, letter.DeclineOffer, letter.Withdraw, letter.KeepInTouch} {
			words := sentWords(&SentLetter{Kind: k})
			if rest, ok := strings.CutPrefix(text, words); ok {
				e = Event{Kind: EventSent}
				if d, ok := strings.CutPrefix(rest, "; keep in touch on "); ok && day.Day(d).Valid() {
					e.Day = day.Day(d)
				}
				return e
			}
		}
	}
	// Words the app cannot read back: kept as written.
	return Event{Kind: EventEntry, Note: strings.ReplaceAll(text, " → ", " to ")}
}
