package tracker

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// ImportReport says what an import did.
type ImportReport struct {
	Imported []uint64  // ids given to the new records, in input order
	Skipped  []Skipped // duplicates left out
}

// Skipped is an input record left out because it duplicates a tracked one or an earlier
// record of the same input.
type Skipped struct {
	Index    int         // position in the input
	Existing Opportunity // the record it duplicates
}

// Import adds many opportunities in one transaction: either all of them are stored or, on
// error, none. Duplicates are skipped and reported. Each record keeps its own timestamps and
// history when it has them; records without history get an "imported" event.
// Progress is told how far a long job got; returning false cancels the job, which then
// changes nothing and fails with ErrCancelled.
type Progress func(done, total int) (keepGoing bool)

// ErrCancelled means the user stopped a job before it finished; nothing was changed.
var ErrCancelled = errors.New("cancelled; nothing was changed")

func (s *BoltStore) Import(recs []Opportunity, progress Progress) (ImportReport, error) {
	var rep ImportReport
	for i := range recs {
		recs[i].Normalize()
		if err := recs[i].Validate(); err != nil {
			return ImportReport{}, fmt.Errorf("record %d: %w", i+1, err)
		}
	}
	err := s.update(func(tx *bolt.Tx) error {
		tx.Bucket(bucketOpportunities).FillPercent = 0.95 // ids only grow
		tx.Bucket(bucketHistory).FillPercent = 0.95
		rep = ImportReport{}
		// Index keys are written at the end, in order: bbolt splits pages only at commit, so
		// putting many random keys into one transaction would move memory quadratically.
		added := map[string]uint64{}
		var newKeys [][]byte
		for i := range recs {
			o := recs[i] // the caller's slice stays as it was
			o.ID = 0
			if id, ok := firstDuplicate(tx, &o, added); ok {
				d, err := getOpportunity(tx, id)
				if err != nil {
					return err
				}
				rep.Skipped = append(rep.Skipped, Skipped{Index: i, Existing: *d})
				continue
			}
			history := o.History
			if len(history) == 0 {
				history = []Event{{Kind: EventImported, Text: "Imported from a CSV file"}}
			}
			if err := s.insert(tx, &o, history); err != nil {
				return err
			}
			for _, k := range duplicateKeys(&o) {
				added[k] = o.ID
				newKeys = append(newKeys, indexKey(k, o.ID))
			}
			rep.Imported = append(rep.Imported, o.ID)
			if progress != nil && (i+1)%1000 == 0 && !progress(i+1, len(recs)) {
				return ErrCancelled
			}
		}
		slices.SortFunc(newKeys, bytes.Compare)
		b := tx.Bucket(bucketDuplicates)
		for _, k := range newKeys {
			if err := b.Put(k, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return ImportReport{}, err
	}
	if progress != nil {
		progress(len(recs), len(recs))
	}
	return rep, nil
}
