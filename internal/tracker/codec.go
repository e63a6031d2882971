package tracker

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

func itob(id uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, id)
	return b
}

func (s *BoltStore) stamp() time.Time { return s.now().UTC().Truncate(time.Second) }

// storedOpportunity is the stored form: the schema version travels with every value.
type storedOpportunity struct {
	V int `json:"v"`
	Opportunity
}

type storedEvent struct {
	V int `json:"v"`
	Event
}

func decodeOpportunity(v []byte) (*Opportunity, error) {
	var so storedOpportunity
	if err := json.Unmarshal(v, &so); err != nil {
		return nil, fmt.Errorf("%w: unreadable record: %v", ErrDamaged, err)
	}
	if so.V > SchemaVersion {
		return nil, ErrNewer
	}
	return &so.Opportunity, nil
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
	return decodeOpportunity(v)
}
