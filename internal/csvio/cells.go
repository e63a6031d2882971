package csvio

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// The cells other trackers write several values into: tags as a list, contacts, a stage
// history. Each is read here and written back by its format function, so that tests can
// check one against the other.

// splitTags reads a tags cell: separated by ';' or ',', or a JSON array of strings
// (["remote", "senior"]). A cell that starts with '[' and ends with ']' is read as JSON,
// and refused when it is not valid.
func splitTags(cell string) ([]string, error) {
	cell = strings.TrimSpace(cell)
	if !strings.HasPrefix(cell, "[") || !strings.HasSuffix(cell, "]") {
		return tracker.SplitTags(cell), nil
	}
	var tags []string
	if err := json.Unmarshal([]byte(cell), &tags); err != nil {
		return nil, fmt.Errorf("%q looks like a JSON list but is not one (%v): write tags separated by commas or semicolons, or as [\"a\", \"b\"]",
			shorten(cell), jsonReason(err))
	}
	return tracker.CleanTags(tags), nil
}

// jsonReason says briefly what is wrong with a JSON text.
func jsonReason(err error) string {
	switch e := err.(type) {
	case *json.UnmarshalTypeError:
		return "a tag is not text"
	case *json.SyntaxError:
		return fmt.Sprintf("%s at character %d", e.Error(), e.Offset)
	}
	return err.Error()
}

// formatJSONTags writes tags as a JSON array, as Reactive Resume does.
func formatJSONTags(tags []string) string {
	b, _ := json.Marshal(tags)
	return string(b)
}

// contact is a person a row names: "Maya Chen <maya@example.com> (Recruiter)".
type contact struct {
	Name, Email string
	Details     string // what follows in parentheses: a role, how they are related
}

// String writes the contact as splitContacts reads it.
func (c contact) String() string {
	s := c.Name
	if c.Email != "" {
		s = strings.TrimSpace(s + " <" + c.Email + ">")
	}
	if c.Details != "" {
		s += " (" + c.Details + ")"
	}
	return s
}

// splitContacts reads a cell of contacts, one a line or separated by ';': each a name, a
// name and an address "Name <email>", or a bare address, with details in parentheses after
// it.
func splitContacts(cell string) []contact {
	var out []contact
	for _, item := range strings.FieldsFunc(cell, func(r rune) bool { return r == '\n' || r == '\r' || r == ';' }) {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		var c contact
		if strings.HasSuffix(item, ")") {
			if i := strings.LastIndex(item, " ("); i > 0 {
				c.Details = strings.TrimSpace(item[i+2 : len(item)-1])
				item = strings.TrimSpace(item[:i])
			}
		}
		switch open := strings.LastIndexByte(item, '<'); {
		case open >= 0 && strings.HasSuffix(item, ">"):
			c.Name = strings.TrimSpace(strings.Trim(strings.TrimSpace(item[:open]), `"`))
			c.Email = strings.TrimSpace(item[open+1 : len(item)-1])
		case !strings.ContainsAny(item, " \t") && strings.Count(item, "@") == 1:
			c.Email = item
		default:
			c.Name = item
		}
		out = append(out, c)
	}
	return out
}

// formatContacts writes contacts one a line, as Reactive Resume does.
func formatContacts(cs []contact) string {
	lines := make([]string, len(cs))
	for i, c := range cs {
		lines[i] = c.String()
	}
	return strings.Join(lines, "\n")
}

// step is one step of a stage history: the stage's name and the day it was reached.
type step struct {
	Name string
	Day  day.Day
}

// stageArrow separates the steps of a stage history.
const stageArrow = "→"

// splitStages reads a stage history, "Applied (2026-08-03) → Interview (2026-08-12)": each
// step a stage and its day in parentheses, YYYY-MM-DD or as the file writes its dates.
// A step without a day is an error: the history is kept only with its days.
func splitStages(cell string, order day.Order, short bool) ([]step, error) {
	var out []step
	for _, text := range strings.Split(cell, stageArrow) {
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		open := strings.LastIndex(text, "(")
		if open < 0 || !strings.HasSuffix(text, ")") {
			return nil, fmt.Errorf("the step %q has no date: write it as Stage (YYYY-MM-DD)", shorten(text))
		}
		name := strings.TrimSpace(text[:open])
		written := strings.TrimSpace(text[open+1 : len(text)-1])
		if name == "" {
			return nil, fmt.Errorf("the step %q names no stage", shorten(text))
		}
		if written == "" {
			return nil, fmt.Errorf("the step %q has no date: write it as Stage (YYYY-MM-DD)", shorten(text))
		}
		d, err := day.Parse(dayText(written, short), order)
		if err != nil && order == day.OrderUnknown {
			d, err = day.Parse(dayText(written, short), day.DayFirst)
		}
		if err != nil {
			return nil, fmt.Errorf("the step %q: %v", shorten(text), err)
		}
		out = append(out, step{Name: name, Day: d})
	}
	return out, nil
}

// formatStages writes a stage history as Reactive Resume does.
func formatStages(steps []step) string {
	parts := make([]string, len(steps))
	for i, s := range steps {
		parts[i] = s.Name + " (" + string(s.Day) + ")"
	}
	return strings.Join(parts, " "+stageArrow+" ")
}

// importedStage is the one place an imported file's history becomes events: the stage a
// record reached on a day in the tool named by format, keeping that tool's words (its
// stages are not statuses of ours); with no stage, the import itself, from that tool's
// export; for Decline Desk's own export (format ""), an entry of its history as written.
func importedStage(at time.Time, stage, format string) tracker.Event {
	switch {
	case format == "":
		return tracker.Event{At: at, Kind: tracker.EventEntry, Note: stage}
	case stage == "":
		return tracker.Event{At: at, Kind: tracker.EventImported, Source: format}
	}
	return tracker.Event{At: at, Kind: tracker.EventEntry, Note: "Stage in " + format + ": " + stage, Source: format}
}
