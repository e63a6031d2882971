package tracker

import (
	"errors"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// FuzzLoadStoredRecord writes arbitrary bytes as a stored record, beside a good one, and
// loads the tracker as the window does: loading never panics; it either shows the records
// or reports damage, and a record it shows reads back as stored.
func FuzzLoadStoredRecord(f *testing.F) {
	f.Add([]byte(`{"v":2,"id":2,"company":"Old","role":"Dev","status":"offer","follow_up_on":"0000-12-31"}`))
	f.Add([]byte(`{"v":2,"id":2,"company":"","role":"","status":"nonsense","follow_up_on":"9999-99-99","tags":[""]}`))
	f.Add([]byte(`{"v":2,"id":2,"company":"A","role":"B","follow_up_on":"-001-01-01","updated_at":"0001-01-01T00:00:00Z"}`))
	f.Add([]byte(`{"v":99}`))
	f.Add([]byte(`not json`))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, value []byte) {
		path := filepath.Join(t.TempDir(), "t.db")
		s, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		good := mustAdd(t, s, Opportunity{Company: "Acme", Role: "Dev", FollowUpOn: "2026-01-02"})
		err = s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketOpportunities).Put(itob(good.ID+1), value) })
		if err != nil {
			t.Fatal(err)
		}
		ix, err := LoadIndex(s)
		if err != nil {
			if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNewer) {
				t.Fatalf("LoadIndex: %v", err)
			}
			return
		}
		for _, order := range []SortOrder{ByActivity, ByCompany, ByFollowUp} {
			for _, r := range ix.Find(Query{Sort: order, Text: "a"}) {
				_ = r.Company() + r.Role() + string(r.Status()) + string(r.FollowUpOn())
				r.Overdue("2026-01-01")
			}
		}
		if _, err := s.Get(good.ID + 1); err != nil && !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNewer) {
			t.Fatalf("Get: %v", err)
		}
	})
}
