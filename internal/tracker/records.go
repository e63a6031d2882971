package tracker

import (
	"bytes"

	"time"

	bolt "go.etcd.io/bbolt"
)

// Add stores a new opportunity and records its creation. Unless allowDuplicate is set, an
// opportunity matching a tracked one (same company and role, or same link) fails with a
// *DuplicateError that carries the existing records.
func (s *BoltStore) Add(o Opportunity, allowDuplicate bool) (Opportunity, error) {
	return s.add(o, allowDuplicate, []Event{{Kind: EventCreated}}, nil)
}

// add is Add with the history given, and also, when not nil, writing beside the new record
// in the same transaction.
func (s *BoltStore) add(o Opportunity, allowDuplicate bool, history []Event, also func(tx *bolt.Tx, o *Opportunity) error) (Opportunity, error) {
	o.Normalize()
	if err := o.Validate(); err != nil {
		return Opportunity{}, err
	}
	err := s.update(func(tx *bolt.Tx) error {
		o.ID = 0
		if !allowDuplicate {
			dups, err := duplicatesOf(tx, &o)
			if err != nil {
				return err
			}
			if len(dups) > 0 {
				return &DuplicateError{Existing: dups}
			}
		}
		if err := s.insert(tx, &o, history); err != nil {
			return err
		}
		if also != nil {
			if err := also(tx, &o); err != nil {
				return err
			}
		}
		return addToIndex(tx, &o)
	})
	if err != nil {
		return Opportunity{}, err
	}
	return o, nil
}

// insert gives o an id and timestamps and stores it with its history; the caller indexes it.
// Events without a time get the creation time.
func (s *BoltStore) insert(tx *bolt.Tx, o *Opportunity, history []Event) error {
	id, err := tx.Bucket(bucketOpportunities).NextSequence()
	if err != nil {
		return err
	}
	o.ID = id
	now := s.stamp()
	if o.CreatedAt.IsZero() {
		o.CreatedAt = now
	}
	if o.UpdatedAt.IsZero() {
		o.UpdatedAt = o.CreatedAt
	}
	if o.ActivityAt.IsZero() {
		o.ActivityAt = o.UpdatedAt
	}
	for _, t := range []*time.Time{&o.CreatedAt, &o.UpdatedAt, &o.ActivityAt} {
		*t = t.UTC().Truncate(time.Second)
	}
	if err := putOpportunity(tx, o); err != nil {
		return err
	}
	o.History = nil
	for _, e := range history {
		e = e.tidy(o.CreatedAt)
		if err := appendEvent(tx, id, e); err != nil {
			return err
		}
		o.History = append(o.History, e)
	}
	return nil
}

// Update saves the edited fields of an existing opportunity. A status change is recorded in
// the history. Duplicates are refused as in Add.
func (s *BoltStore) Update(o Opportunity, allowDuplicate bool) (Opportunity, error) {
	return s.updateWith(o, allowDuplicate, nil)
}

// updateWith is Update that also, when not nil, writes beside the record in the same
// transaction: the events it returns are something that happened with the other side,
// recorded before a change of status.
func (s *BoltStore) updateWith(o Opportunity, allowDuplicate bool, also func(tx *bolt.Tx, old, o *Opportunity) ([]Event, error)) (Opportunity, error) {
	o.Normalize()
	if err := o.Validate(); err != nil {
		return Opportunity{}, err
	}
	err := s.update(func(tx *bolt.Tx) error {
		old, err := getOpportunity(tx, o.ID)
		if err != nil {
			return err
		}
		if !allowDuplicate {
			dups, err := duplicatesOf(tx, &o)
			if err != nil {
				return err
			}
			if len(dups) > 0 {
				return &DuplicateError{Existing: dups}
			}
		}
		o.CreatedAt, o.ActivityAt = old.CreatedAt, old.ActivityAt
		o.UpdatedAt = s.stamp()
		// The dismissal is the store's to keep, not the form's; a new status starts a new wait.
		o.NoResponseDismissed = old.NoResponseDismissed && old.Status == o.Status
		var events []Event
		if also != nil {
			if events, err = also(tx, old, &o); err != nil {
				return err
			}
		}
		if old.Status != o.Status {
			events = append(events, Event{Kind: EventStatus, From: old.Status, To: o.Status})
		}
		for _, e := range events {
			if e.Kind.IsActivity() {
				o.ActivityAt = o.UpdatedAt
			}
			if err := appendEvent(tx, o.ID, e.tidy(o.UpdatedAt)); err != nil {
				return err
			}
		}
		if err := removeFromIndex(tx, old); err != nil {
			return err
		}
		if err := putOpportunity(tx, &o); err != nil {
			return err
		}
		if err := addToIndex(tx, &o); err != nil {
			return err
		}
		return readAttachments(tx, &o)
	})
	if err != nil {
		return Opportunity{}, err
	}
	return o, nil
}

// Delete removes an opportunity, its history and its index entries.
func (s *BoltStore) Delete(id uint64) error {
	return s.update(func(tx *bolt.Tx) error {
		o, err := getOpportunity(tx, id)
		if err != nil {
			return err
		}
		if err := removeFromIndex(tx, o); err != nil {
			return err
		}
		if err := deleteHistory(tx, id); err != nil {
			return err
		}
		for _, b := range attachmentBuckets {
			if err := tx.Bucket(b).Delete(itob(id)); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketOpportunities).Delete(itob(id))
	})
}

// Get returns one opportunity with its history.
func (s *BoltStore) Get(id uint64) (Opportunity, error) {
	var out Opportunity
	err := s.view(func(tx *bolt.Tx) error {
		o, err := getOpportunity(tx, id)
		if err != nil {
			return err
		}
		if err := readAttachments(tx, o); err != nil {
			return err
		}
		out = *o
		return nil
	})
	return out, err
}

// change applies edit to a stored opportunity, appends the events it returns and marks the
// opportunity updated, in one transaction.
func (s *BoltStore) change(id uint64, edit func(o *Opportunity) []Event) (Opportunity, error) {
	return s.changeTx(id, func(_ *bolt.Tx, o *Opportunity) ([]Event, error) { return edit(o), nil })
}

// changeTx is change for edits that also write beside the record.
func (s *BoltStore) changeTx(id uint64, edit func(tx *bolt.Tx, o *Opportunity) ([]Event, error)) (Opportunity, error) {
	var out Opportunity
	err := s.update(func(tx *bolt.Tx) error {
		o, err := getOpportunity(tx, id)
		if err != nil {
			return err
		}
		o.UpdatedAt = s.stamp()
		events, err := edit(tx, o)
		if err != nil {
			return err
		}
		for _, e := range events {
			if err := appendEvent(tx, id, e.tidy(o.UpdatedAt)); err != nil {
				return err
			}
			if e.Kind.IsActivity() {
				o.ActivityAt = o.UpdatedAt
			}
		}
		if err := putOpportunity(tx, o); err != nil {
			return err
		}
		if err := readAttachments(tx, o); err != nil {
			return err
		}
		out = *o
		return nil
	})
	return out, err
}

// Duplicates lists the tracked opportunities that o duplicates, o itself excluded.
func (s *BoltStore) Duplicates(o Opportunity) ([]Opportunity, error) {
	o.Normalize()
	var out []Opportunity
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = duplicatesOf(tx, &o)
		return err
	})
	return out, err
}

// ForEach calls fn for every opportunity in id order, with its history when asked.
func (s *BoltStore) ForEach(withHistory bool, fn func(o *Opportunity) error) error {
	return s.view(func(tx *bolt.Tx) error {
		hc := tx.Bucket(bucketHistory).Cursor()
		hk, hv := hc.First()
		return tx.Bucket(bucketOpportunities).ForEach(func(k, v []byte) error {
			o, err := decodeOpportunity(v, btoi(k))
			if err != nil {
				return err
			}
			if withHistory {
				// History keys sort by record id too, so one cursor walks beside the records.
				for hk != nil && bytes.Compare(hk[:8], k) < 0 {
					hk, hv = hc.Next()
				}
				for hk != nil && bytes.Equal(hk[:8], k) {
					e, err := decodeEvent(hv, o.ID)
					if err != nil {
						return err
					}
					o.History = append(o.History, e)
					hk, hv = hc.Next()
				}
			}
			return fn(o)
		})
	})
}

// Count is the number of opportunities.
func (s *BoltStore) Count() (int, error) {
	var n int
	err := s.view(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketOpportunities).Stats().KeyN
		return nil
	})
	return n, err
}
