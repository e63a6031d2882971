package csvio

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/stage"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

func TestJSONKeysAreTheExportColumnsInOrder(t *testing.T) {
	b, err := json.Marshal(JSON(&tracker.Opportunity{ID: 3}))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.Token() // {
	var keys []string
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var v json.RawMessage
		dec.Decode(&v)
	}
	if !slices.Equal(keys, Columns()) {
		t.Errorf("keys %v\ncolumns %v", keys, Columns())
	}
}

func TestJSONValues(t *testing.T) {
	at := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	o := tracker.Opportunity{ID: 7, Company: "Acme", Role: "Dev", Status: stage.Applied, CreatedAt: at, UpdatedAt: at,
		History: []tracker.Event{{At: at, Kind: tracker.EventCreated}}}
	b, _ := json.Marshal(JSON(&o))
	got := string(b)
	for _, want := range []string{`"id":7`, `"tags":[]`, `"location":""`, `"created_at":"2026-11-25T10:00:00Z"`,
		`"history":[{"at":"2026-11-25T10:00:00Z","event":"Added to the tracker"}]`} {
		if !strings.Contains(got, want) {
			t.Errorf("%s lacks %s", got, want)
		}
	}
	empty, _ := json.Marshal(JSON(&tracker.Opportunity{}))
	if !strings.Contains(string(empty), `"history":[]`) || !strings.Contains(string(empty), `"created_at":""`) {
		t.Errorf("empty values: %s", empty)
	}
}
