package csvio

import (
	"fmt"
	"strings"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// ParseHistory reads what FormatHistory writes: each entry becomes an event of its day
// (midnight UTC) that keeps the words as written.
func ParseHistory(text string) ([]tracker.Event, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	var events []tracker.Event
	for _, item := range splitEscaped(text) {
		item = strings.TrimLeft(item, " ")
		when, rest, _ := strings.Cut(item, " ")
		d, err := day.Parse(when, day.MonthFirst)
		if err != nil || d == "" || len(when) != 10 {
			return nil, fmt.Errorf("history entry %q does not start with a YYYY-MM-DD date", shorten(item))
		}
		events = append(events, importedStage(d.Time(), unescape(rest), ""))
	}
	return events, nil
}

// splitEscaped splits at every "; " that is not escaped, keeping escapes for unescape.
func splitEscaped(s string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++ // the next byte is escaped
		case s[i] == ';':
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
