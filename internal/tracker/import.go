package tracker

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/declinedesk/declinedesk/internal/memlimit"
	bolt "go.etcd.io/bbolt"
)

// ImportReport says what an import did.
type ImportReport struct {
	Imported []uint64  // ids given to the new records, in input order
	Skipped  []Skipped // duplicates left out: the first MaxListed of them
	// SkippedCount counts every duplicate left out, listed or not.
	SkippedCount int
}

// MaxListed is how many skipped records a report lists; the rest are counted. A file of a
// million duplicates must not need a million records in memory to say so.
const MaxListed = 1000

// Skipped is an input record left out because it duplicates a tracked one or an earlier
// record of the same input.
type Skipped struct {
	Index         int         // position in the input
	Company, Role string      // of the input record
	Existing      Opportunity // the record it duplicates
}

// Progress is told how far a long job got; returning false cancels the job, which then
// changes nothing and fails with ErrCancelled.
type Progress func(done, total int) (keepGoing bool)

// ErrCancelled means the user stopped a job before it finished; nothing was changed.
var ErrCancelled = errors.New("cancelled; nothing was changed")

// Import adds the records of recs as one: either all of them are stored or, on error,
// none. See ImportStream.
func (s *BoltStore) Import(recs []Opportunity, progress Progress) (ImportReport, error) {
	done := false
	return s.ImportStream(func() ([]Opportunity, error) {
		if done {
			return nil, nil
		}
		done = true
		return recs, nil
	}, len(recs), progress)
}

// importBatch is how many records go into one transaction of an import: enough to make
// commits rare, few enough that a transaction's pages stay small in memory.
const importBatch = 5000

// keyImporting marks an import under way: it holds the first id the import gave. Records
// from that id on belong to the import until the mark is gone; a mark found on opening —
// left by a crash — rolls them back.
var keyImporting = []byte("importing")

// ImportStream adds many opportunities, as one change: either all of them are stored or,
// on error or cancel, none. next hands over the records a batch at a time and returns an
// empty batch at the end; total, when known, is how many to expect, for progress.
// Duplicates — of tracked records or of earlier ones in the input — are skipped and
// reported. Each record keeps its own timestamps and history when it has them; records
// without history get an "imported" event.
//
// However many records come, memory stays bounded: they are stored in transactions of
// importBatch records, under a mark that makes the whole import undone if it does not
// finish — by the import itself on an error, or by the next Open after a crash.
func (s *BoltStore) ImportStream(next func() ([]Opportunity, error), total int, progress Progress) (rep ImportReport, err error) {
	marked := false // the import's mark is in the file
	defer func() {
		if err != nil && marked {
			if rbErr := s.rollBackImport(); rbErr != nil {
				err = fmt.Errorf("%w; undoing the records already stored failed too (%v): they will be removed when the tracker is next opened", err, rbErr)
			}
			rep = ImportReport{}
		}
	}()
	index := 0
	for {
		if err := enoughMemory(); err != nil {
			return ImportReport{}, err
		}
		batch, err := next()
		if err != nil {
			return ImportReport{}, err
		}
		if len(batch) == 0 {
			break
		}
		for len(batch) > 0 {
			n := min(len(batch), importBatch)
			if err := s.importBatch(batch[:n], index, &marked, &rep); err != nil {
				return ImportReport{}, err
			}
			index += n
			batch = batch[n:]
			if progress != nil && !progress(index, max(total, index)) {
				return ImportReport{}, ErrCancelled
			}
		}
	}
	if marked {
		// The commit point: with the mark gone, the records are the tracker's.
		err := s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keyImporting) })
		if err != nil {
			return ImportReport{}, err
		}
	}
	return rep, nil
}

// ErrOutOfMemory means a job stopped because the process was about to run out of
// memory; nothing of it was kept.
var ErrOutOfMemory = errors.New("there is not enough memory to go on")

// importHeadroom is the memory an import keeps free under the process's limit: a batch
// and the database's growth need far less, so that running short is a message, never a
// crash.
const importHeadroom = 384 << 20

// enoughMemory refuses to go on when the process is close to its memory limit.
func enoughMemory() error {
	if free, limited := memlimit.Headroom(); limited && free < importHeadroom {
		return fmt.Errorf("%w (%d MiB left under this process's limit; an import needs about %d MiB): nothing was imported — "+
			"raise the limit (ulimit -v) or import a smaller file", ErrOutOfMemory, max(free, 0)>>20, importHeadroom>>20)
	}
	return nil
}

// importBatch stores one batch of an import in one transaction. Index keys are written
// at the end, in order: bbolt splits pages only at commit, so many random keys put into
// one transaction would move memory quadratically.
func (s *BoltStore) importBatch(recs []Opportunity, index int, marked *bool, rep *ImportReport) error {
	for i := range recs {
		recs[i].Normalize()
		if err := recs[i].Validate(); err != nil {
			return fmt.Errorf("record %d: %w", index+i+1, err)
		}
	}
	var batch ImportReport
	err := s.update(func(tx *bolt.Tx) error {
		batch = ImportReport{}
		ob := tx.Bucket(bucketOpportunities)
		ob.FillPercent = 0.95 // ids only grow
		tx.Bucket(bucketHistory).FillPercent = 0.95
		if !*marked {
			mark, _ := json.Marshal(ob.Sequence() + 1)
			if err := tx.Bucket(bucketMeta).Put(keyImporting, mark); err != nil {
				return err
			}
		}
		added := map[string]uint64{}
		var newKeys [][]byte
		for i := range recs {
			o := recs[i] // the caller's slice stays as it was
			o.ID = 0
			if id, ok := firstDuplicate(tx, &o, added); ok {
				batch.SkippedCount++
				if len(rep.Skipped)+len(batch.Skipped) < MaxListed {
					d, err := getOpportunity(tx, id)
					if err != nil {
						return err
					}
					batch.Skipped = append(batch.Skipped, Skipped{Index: index + i, Company: o.Company, Role: o.Role, Existing: *d})
				}
				continue
			}
			history := o.History
			if len(history) == 0 {
				history = []Event{{Kind: EventImported}}
			}
			if err := s.insert(tx, &o, history); err != nil {
				return err
			}
			for _, k := range duplicateKeys(&o) {
				added[k] = o.ID
				newKeys = append(newKeys, indexKey(k, o.ID))
			}
			batch.Imported = append(batch.Imported, o.ID)
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
		return err
	}
	*marked = true
	rep.Imported = append(rep.Imported, batch.Imported...)
	rep.Skipped = append(rep.Skipped, batch.Skipped...)
	rep.SkippedCount += batch.SkippedCount
	return nil
}

// rollBackImport removes the records of an import that did not finish — from the id its
// mark names on — with their history and index entries, a batch per transaction, then the
// mark.
func (s *BoltStore) rollBackImport() error {
	for {
		done := false
		err := s.update(func(tx *bolt.Tx) error {
			mark := tx.Bucket(bucketMeta).Get(keyImporting)
			if mark == nil {
				done = true
				return nil
			}
			var from uint64
			if err := json.Unmarshal(mark, &from); err != nil {
				return damage("the mark of an unfinished import cannot be read (%v)", err)
			}
			c := tx.Bucket(bucketOpportunities).Cursor()
			n := 0
			for k, v := c.Seek(itob(from)); k != nil && n < importBatch; k, v = c.Seek(itob(from)) {
				o, err := decodeOpportunity(v, btoi(k))
				if err != nil {
					return err
				}
				if err := removeFromIndex(tx, o); err != nil {
					return err
				}
				if err := deleteHistory(tx, o.ID); err != nil {
					return err
				}
				for _, b := range attachmentBuckets {
					if err := tx.Bucket(b).Delete(k); err != nil {
						return err
					}
				}
				if err := c.Delete(); err != nil {
					return err
				}
				n++
			}
			if n < importBatch {
				done = true
				return tx.Bucket(bucketMeta).Delete(keyImporting)
			}
			return nil
		})
		if err != nil || done {
			return err
		}
	}
}
