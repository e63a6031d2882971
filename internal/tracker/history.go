package tracker

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
	bolt "go.etcd.io/bbolt"
)

func appendEvent(tx *bolt.Tx, id uint64, e Event) error {
	b := tx.Bucket(bucketHistory)
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	v, err := json.Marshal(storedEvent{V: SchemaVersion, Event: e})
	if err != nil {
		return err
	}
	return b.Put(append(itob(id), itob(seq)...), v)
}

func readHistory(tx *bolt.Tx, id uint64) ([]Event, error) {
	var out []Event
	prefix := itob(id)
	c := tx.Bucket(bucketHistory).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		e, err := decodeEvent(v, id)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func deleteHistory(tx *bolt.Tx, id uint64) error {
	prefix := itob(id)
	c := tx.Bucket(bucketHistory).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Seek(prefix) {
		if err := c.Delete(); err != nil {
			return err
		}
	}
	return nil
}

// AppendEvent adds an event to an opportunity's history and marks it updated. Copying,
// saving or mailing a letter ticks nothing: whether it went out, only the user knows.
func (s *BoltStore) AppendEvent(id uint64, e Event) (Opportunity, error) {
	return s.change(id, func(*Opportunity) []Event { return []Event{e} })
}

// MarkSent records that the user sent a letter, as its kind says: a decline makes the
// status declined, a withdrawal withdrawn, and both record today as the reply date and tick
// "tracker updated"; a keep-in-touch note changes no status and ticks "kept in touch". The
// letter is archived in the history and the follow-up date becomes followUp ("" for none)
// — all in one transaction.
func (s *BoltStore) MarkSent(id uint64, sent SentLetter, followUp day.Day) (Opportunity, error) {
	if !followUp.Valid() {
		return Opportunity{}, &FieldError{Field: "follow_up_on", Message: fmt.Sprintf("%q is not a date between %d and %d", string(followUp), day.MinYear, day.MaxYear)}
	}
	sent.Kind = sent.Kind.OrDefault()
	status, step, ok := stage.AfterSending(sent.Kind)
	if !ok {
		return Opportunity{}, &FieldError{Field: "kind", Message: fmt.Sprintf("unknown kind of letter %q", sent.Kind)}
	}
	return s.change(id, func(o *Opportunity) []Event {
		var events []Event
		if status != "" {
			if o.Status != status {
				events = append(events, Event{Kind: EventStatus, From: o.Status, To: status})
			}
			o.Status = status
			o.RespondedOn = day.Of(s.now())
		}
		o.setStep(step, true)
		o.setStep(stage.StepLetterSent, true) // the user says so by marking it
		o.FollowUpOn = followUp
		letter := sent
		return append(events, Event{Kind: EventSent, Day: followUp, Letter: &letter})
	})
}

// ErrNotWaiting means an opportunity is not waiting for a reply, so "no response" does not
// apply to it.
var ErrNotWaiting = errors.New("it is not waiting for a reply")

// MarkNoResponse records that an application or invitation went unanswered: the status
// becomes "no response" and the history says after how many days, in one transaction.
// Only an opportunity at applied or invited can be marked; any other fails with
// ErrNotWaiting and nothing changes.
func (s *BoltStore) MarkNoResponse(id uint64) (Opportunity, error) {
	return s.changeTx(id, func(tx *bolt.Tx, o *Opportunity) ([]Event, error) {
		if !o.Status.Waiting() {
			return nil, fmt.Errorf("%s — %s is %s: %w; nothing was changed", o.Company, o.Role, o.Status.Label(), ErrNotWaiting)
		}
		// o is already stamped with this change: the wait ran from the change before it.
		before, err := getOpportunity(tx, id)
		if err != nil {
			return nil, err
		}
		days := before.DaysUntouched(s.now())
		o.NoResponseDismissed = false
		events := []Event{{Kind: EventStatus, From: o.Status, To: stage.Ghosted}, {Kind: EventNoResponse, Days: days}}
		o.Status = stage.Ghosted
		return events, nil
	})
}

// DismissNoResponse records that the user keeps waiting for a reply, so "no response" is
// not suggested for the opportunity again until its status changes.
func (s *BoltStore) DismissNoResponse(id uint64) (Opportunity, error) {
	return s.change(id, func(o *Opportunity) []Event {
		o.NoResponseDismissed = true
		return nil
	})
}

// SetAfterStep ticks or unticks one step of the after-declining checklist.
func (s *BoltStore) SetAfterStep(id uint64, step stage.AfterStep, done bool) (Opportunity, error) {
	return s.change(id, func(o *Opportunity) []Event {
		o.setStep(step, done)
		return nil
	})
}

func (o *Opportunity) setStep(step stage.AfterStep, done bool) {
	if o.After == nil {
		o.After = map[stage.AfterStep]bool{}
	}
	o.After[step] = done
}
