package tracker

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/stage"
	bolt "go.etcd.io/bbolt"
)

func itob(id uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, id)
	return b
}

func btoi(k []byte) uint64 { return binary.BigEndian.Uint64(k) }

func (s *BoltStore) stamp() time.Time { return s.now().UTC().Truncate(time.Second) }

// The stored forms: the schema version travels with every value. Each has one decoder,
// which both the reads and the whole-file check use.
type (
	storedOpportunity struct {
		V int `json:"v"`
		Opportunity
	}
	storedEvent struct {
		V int `json:"v"`
		Event
		Text string `json:"text,omitempty"` // until schema 3, events kept words, not data
	}
	storedDraft struct {
		V      int          `json:"v"`
		Spec   letter.Spec  `json:"spec"`
		Status stage.Status `json:"status,omitempty"` // the record's, when the draft was saved
	}
	storedChecklist struct {
		V       int               `json:"v"`
		Answers checklist.Answers `json:"answers"`
	}
	storedProfile struct {
		V int `json:"v"`
		Profile
	}
)

// decodeStored reads one stored value — what names it in messages — into v; a value that
// does not read is damage, one from a newer Decline Desk is refused.
func decodeStored(data []byte, what string, v any, version func() int) error {
	if err := json.Unmarshal(data, v); err != nil {
		return damage("%s cannot be read (%v)", what, err)
	}
	if version() > SchemaVersion {
		return ErrNewer
	}
	return nil
}

func recordName(id uint64) string { return fmt.Sprintf("record #%d", id) }

func decodeOpportunity(v []byte, id uint64) (*Opportunity, error) {
	var so storedOpportunity
	err := decodeStored(v, recordName(id), &so, func() int { return so.V })
	if err == nil && so.V < 3 && so.ActivityAt.IsZero() {
		so.ActivityAt = so.UpdatedAt // until schema 3, the last edit stood for the last activity
	}
	return &so.Opportunity, err
}

func decodeEvent(v []byte, id uint64) (Event, error) {
	var se storedEvent
	if err := decodeStored(v, "the history of "+recordName(id), &se, func() int { return se.V }); err != nil {
		return Event{}, err
	}
	if se.V < 3 {
		e := oldEvent(se.Kind, se.Text)
		e.At, e.Letter = se.At, se.Letter
		return e, nil
	}
	return se.Event, nil
}

func decodeDraft(v []byte, id uint64) (letter.Spec, stage.Status, error) {
	var sd storedDraft
	err := decodeStored(v, "the letter draft of "+recordName(id), &sd, func() int { return sd.V })
	return sd.Spec, sd.Status, err
}

func decodeChecklist(v []byte, id uint64) (checklist.Answers, error) {
	var sc storedChecklist
	err := decodeStored(v, "the checklist of "+recordName(id), &sc, func() int { return sc.V })
	return sc.Answers, err
}

func decodeProfile(v []byte) (Profile, error) {
	var sp storedProfile
	err := decodeStored(v, "your profile", &sp, func() int { return sp.V })
	return sp.Profile, err
}

func putOpportunity(tx *bolt.Tx, o *Opportunity) error {
	v, err := json.Marshal(storedOpportunity{V: SchemaVersion, Opportunity: *o})
	if err != nil {
		return err
	}
	return tx.Bucket(bucketOpportunities).Put(itob(o.ID), v)
}

func getOpportunity(tx *bolt.Tx, id uint64) (*Opportunity, error) {
	v := tx.Bucket(bucketOpportunities).Get(itob(id))
	if v == nil {
		return nil, fmt.Errorf("%w: #%d", ErrNotFound, id)
	}
	return decodeOpportunity(v, id)
}

// printable drops the control characters and invalid bytes a message must not show.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, s)
}
