package tracker

import (
	"bytes"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// The duplicate index maps key + NUL + id → nothing, so that several records may share a
// key when the user keeps a duplicate on purpose.
func indexKey(key string, id uint64) []byte { return append([]byte(key+"\x00"), itob(id)...) }

func addToIndex(tx *bolt.Tx, o *Opportunity) error {
	b := tx.Bucket(bucketDuplicates)
	for _, k := range duplicateKeys(o) {
		if err := b.Put(indexKey(k, o.ID), nil); err != nil {
			return err
		}
	}
	return nil
}

func removeFromIndex(tx *bolt.Tx, o *Opportunity) error {
	b := tx.Bucket(bucketDuplicates)
	for _, k := range duplicateKeys(o) {
		if err := b.Delete(indexKey(k, o.ID)); err != nil {
			return err
		}
	}
	return nil
}

// findDuplicates returns the ids of records sharing a duplicate key with o, o itself excluded.
func findDuplicates(tx *bolt.Tx, o *Opportunity) []uint64 {
	var ids []uint64
	seen := map[uint64]bool{o.ID: true}
	c := tx.Bucket(bucketDuplicates).Cursor()
	for _, key := range duplicateKeys(o) {
		prefix := []byte(key + "\x00")
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			if len(k) != len(prefix)+8 {
				continue // a longer key that merely starts the same way
			}
			id := binary.BigEndian.Uint64(k[len(prefix):])
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// firstDuplicate finds a record o duplicates, among the stored ones and those in pending
// (keys not yet in the index).
func firstDuplicate(tx *bolt.Tx, o *Opportunity, pending map[string]uint64) (uint64, bool) {
	for _, k := range duplicateKeys(o) {
		if id, ok := pending[k]; ok {
			return id, true
		}
	}
	if ids := findDuplicates(tx, o); len(ids) > 0 {
		return ids[0], true
	}
	return 0, false
}

func duplicatesOf(tx *bolt.Tx, o *Opportunity) ([]Opportunity, error) {
	var out []Opportunity
	for _, id := range findDuplicates(tx, o) {
		d, err := getOpportunity(tx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, *d)
	}
	return out, nil
}
