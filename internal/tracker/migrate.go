package tracker

import (
	"bytes"
	"errors"
	"slices"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// migrations[i] upgrades a database from schema i+1 to i+2, inside the transaction that
// then records the new version: a migration is either done completely or not at all.
var migrations = []func(tx *bolt.Tx) error{
	rebuildDuplicateIndex, // 1 → 2: role abbreviations are written out in the index
}

// rebuildDuplicateIndex throws the duplicate index away and writes it again from the
// records, with today's normalisation.
func rebuildDuplicateIndex(tx *bolt.Tx) error {
	if err := tx.DeleteBucket(bucketDuplicates); err != nil && !errors.Is(err, berrors.ErrBucketNotFound) {
		return err
	}
	b, err := tx.CreateBucket(bucketDuplicates)
	if err != nil {
		return err
	}
	var keys [][]byte
	err = tx.Bucket(bucketOpportunities).ForEach(func(k, v []byte) error {
		o, err := decodeOpportunity(v, btoi(k))
		if err != nil {
			return err
		}
		for _, k := range duplicateKeys(o) {
			keys = append(keys, indexKey(k, o.ID))
		}
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(keys, bytes.Compare)
	for _, k := range keys {
		if err := b.Put(k, nil); err != nil {
			return err
		}
	}
	return nil
}
