package csvio

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// JSONRecord is an opportunity as `list --json` prints it: the export's columns as keys,
// in the same order, with id a number, tags a list and history a list of events.
// Empty values are "".
type JSONRecord struct {
	o *tracker.Opportunity
}

// JSONEvent is one history event: when (RFC 3339) and what.
type JSONEvent struct {
	At    string `json:"at"`
	Event string `json:"event"`
}

// JSON is o as `list --json` prints it.
func JSON(o *tracker.Opportunity) JSONRecord { return JSONRecord{o} }

// MarshalJSON writes the fields of the field table, in its order.
func (r JSONRecord) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range tracker.Fields() {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(f.Name))
		b.WriteByte(':')
		var v any
		switch f.Kind {
		case tracker.KindID:
			v = r.o.ID
		case tracker.KindTags:
			v = append([]string{}, r.o.Tags...)
		case tracker.KindHistory:
			events := []JSONEvent{}
			for _, e := range r.o.History {
				events = append(events, JSONEvent{At: formatTime(e.At), Event: e.Describe()})
			}
			v = events
		default:
			v = f.TextOf(r.o)
		}
		data, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		b.Write(data)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
