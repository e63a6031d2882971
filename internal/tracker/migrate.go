package tracker

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// migrations[i] upgrades a database from schema i+1 to i+2, inside the transaction that
// then records the new version: a migration is either done completely or not at all.
var migrations = []func(tx *bolt.Tx) error{
	rebuildDuplicateIndex, // 1 → 2: role abbreviations are written out in the index
	rewriteAsData,         // 2 → 3: history events as data, the last activity apart
	addMails,              // 3 → 4: the mails records came from, in a bucket of their own
}

// addMails makes the bucket of the mails records came from. Older records came from no
// mail, so there is nothing to move into it.
func addMails(tx *bolt.Tx) error {
	_, err := tx.CreateBucketIfNotExists(bucketMails)
	return err
}

// rewriteAsData writes every record and every history event again as schema 3 has them:
// the decoders read the older forms — words read back into data where the app knows them,
// the last edit standing for the last activity — and the encoders write the new.
func rewriteAsData(tx *bolt.Tx) error {
	type kv struct{ k, v []byte }
	var recs []kv
	err := tx.Bucket(bucketOpportunities).ForEach(func(k, v []byte) error {
		o, err := decodeOpportunity(v, btoi(k))
		if err != nil {
			return err
		}
		nv, err := json.Marshal(storedOpportunity{V: SchemaVersion, Opportunity: *o})
		recs = append(recs, kv{append([]byte(nil), k...), nv})
		return err
	})
	if err != nil {
		return err
	}
	var events []kv
	err = tx.Bucket(bucketHistory).ForEach(func(k, v []byte) error {
		e, err := decodeEvent(v, btoi(k[:8]))
		if err != nil {
			return err
		}
		nv, err := json.Marshal(storedEvent{V: SchemaVersion, Event: e})
		events = append(events, kv{append([]byte(nil), k...), nv})
		return err
	})
	if err != nil {
		return err
	}
	for _, b := range []struct {
		bucket []byte
		kvs    []kv
	}{{bucketOpportunities, recs}, {bucketHistory, events}} {
		bk := tx.Bucket(b.bucket)
		for _, e := range b.kvs {
			if err := bk.Put(e.k, e.v); err != nil {
				return err
			}
		}
	}
	return nil
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
