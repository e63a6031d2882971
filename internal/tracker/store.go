package tracker

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/letter"
)

// SchemaVersion is the layout of every value this version of the app writes. Version 2
// writes role abbreviations out in the duplicate index (see migrations).
const SchemaVersion = 2

// Sentinel errors. Wrap-aware: test them with errors.Is.
var (
	ErrNotFound = errors.New("no such opportunity")
	ErrInUse    = errors.New("the database is already open in another Decline Desk window or command; close it and try again")
	ErrDamaged  = errors.New("the database file is damaged")
	ErrNewer    = errors.New("the database was written by a newer Decline Desk; update the app to open it")
)

// DuplicateError says that an opportunity matches ones already tracked.
type DuplicateError struct {
	Existing []Opportunity
}

func (e *DuplicateError) Error() string {
	o := e.Existing[0]
	return fmt.Sprintf("already tracked: %s — %s (%s, #%d)", o.Company, o.Role, o.Status.Label(), o.ID)
}

// Store is what the app needs from the database. *BoltStore is the one implementation.
type Store interface {
	Add(o Opportunity, allowDuplicate bool) (Opportunity, error)
	Update(o Opportunity, allowDuplicate bool) (Opportunity, error)
	Delete(id uint64) error
	Get(id uint64) (Opportunity, error)
	AppendEvent(id uint64, e Event) (Opportunity, error)
	MarkDeclined(id uint64, sent SentLetter, followUp Date) (Opportunity, error)
	SetAfterStep(id uint64, step AfterStep, done bool) (Opportunity, error)
	SaveChecklist(id uint64, a checklist.Answers) (Opportunity, error)
	SaveDraft(id uint64, draft *letter.Spec) (Opportunity, error)
	Profile() (Profile, error)
	SaveProfile(p Profile) error
	Duplicates(o Opportunity) ([]Opportunity, error)
	ForEach(withHistory bool, fn func(o *Opportunity) error) error
	Import(recs []Opportunity, progress func(done, total int)) (ImportReport, error)
	Count() (int, error)
	Path() string
	Close() error
}

var (
	bucketOpportunities = []byte("opportunities")
	bucketHistory       = []byte("history")
	bucketDuplicates    = []byte("duplicates")
	bucketChecklists    = []byte("checklists")
	bucketLetters       = []byte("letters")
	bucketMeta          = []byte("meta")
	allBuckets          = [][]byte{bucketOpportunities, bucketHistory, bucketDuplicates, bucketChecklists, bucketLetters, bucketMeta}
	keySchema           = []byte("schema")
	keyProfile          = []byte("profile")
)

// Options tune Open. The zero value is what the app uses.
type Options struct {
	// Timeout is how long to wait for another process to release the database; 1 s by default.
	Timeout time.Duration
	// Now is the clock; time.Now by default.
	Now func() time.Time
}

// BoltStore keeps opportunities in a bbolt database file.
type BoltStore struct {
	db   *bolt.DB
	path string
	now  func() time.Time
}

var _ Store = (*BoltStore)(nil)

// Open opens or creates the database at path (mode 0600, folders 0700).
// A database held by another process fails with ErrInUse after the timeout;
// a file that is not a sound database fails with ErrDamaged and is left untouched.
func Open(path string, opts Options) (*BoltStore, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the folder for the database: %w", err)
	}
	db, err := openBolt(path, opts.Timeout)
	if err != nil {
		return nil, err
	}
	_ = os.Chmod(path, 0o600) // a file copied in from elsewhere may be readable by others
	s := &BoltStore{db: db, path: path, now: opts.Now}
	if err := s.init(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func openBolt(path string, timeout time.Duration) (db *bolt.DB, err error) {
	if err := checkLength(path); err != nil {
		return nil, err
	}
	// bbolt panics on some kinds of damage it meets while reading meta pages, and a read
	// past the end of a mapped file faults; both become ErrDamaged.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("%w: %v", ErrDamaged, r)
		}
	}()
	bo := &bolt.Options{Timeout: timeout}
	if runtime.GOOS != "windows" {
		// Mapping address space up front spares large imports the copying that every
		// re-map costs. Windows would grow the file itself to this size, so not there.
		bo.InitialMmapSize = 256 << 20
	}
	db, err = bolt.Open(path, 0o600, bo)
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, ErrInUse
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum),
		errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrInvalidMapping):
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	case errors.Is(err, os.ErrPermission), errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("cannot open the database: %w", err)
	default:
		// Short files and unreadable page sizes come back as plain errors.
		if fi, statErr := os.Stat(path); statErr == nil && fi.Mode().IsRegular() {
			return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		return nil, fmt.Errorf("cannot open the database: %w", err)
	}
}

// init prepares the database: a new file gets the buckets and the schema version, an older
// one is backed up and migrated, an up-to-date one is left alone (no write at all, so
// opening is quick).
func (s *BoltStore) init() error {
	have, ready := 0, true
	err := s.view(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				ready = false
			}
		}
		if meta := tx.Bucket(bucketMeta); meta != nil {
			if v := meta.Get(keySchema); v != nil {
				if _, err := fmt.Sscan(string(v), &have); err != nil || have < 1 {
					return fmt.Errorf("%w: unreadable schema version %q", ErrDamaged, v)
				}
			}
		}
		return nil
	})
	switch {
	case err != nil:
		return err
	case have > SchemaVersion:
		return ErrNewer
	case ready && have == SchemaVersion:
		return nil
	}
	if have > 0 && have < SchemaVersion {
		if _, err := s.backupBeforeMigration(have); err != nil {
			return fmt.Errorf("the database needs an upgrade, but a backup could not be made first, so nothing was changed: %w", err)
		}
	}
	return s.update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("%w: %v", ErrDamaged, err)
			}
		}
		if have > 0 {
			for v := have; v < SchemaVersion; v++ {
				if err := migrations[v-1](tx); err != nil {
					return fmt.Errorf("upgrading the database from version %d: %w", v, err)
				}
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(fmt.Sprint(SchemaVersion)))
	})
}

// view and update run a transaction and turn a panic inside bbolt — its answer to some
// kinds of damage — into ErrDamaged, so that a damaged file never takes the app down.
func (s *BoltStore) view(fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer recoverDamage(&err)
	return s.db.View(fn)
}

func (s *BoltStore) update(fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer recoverDamage(&err)
	return s.db.Update(fn)
}

func recoverDamage(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w: %v", ErrDamaged, r)
	}
}

// Path is the database file.
func (s *BoltStore) Path() string { return s.path }

// Close releases the database so another process can open it.
func (s *BoltStore) Close() error { return s.db.Close() }

// DB is the underlying database, for backups and checks.
func (s *BoltStore) DB() *bolt.DB { return s.db }

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

// tidy is e as it is stored: dated (at, when it has no time of its own) to the second in
// UTC, its text valid UTF-8 without surrounding space.
func (e Event) tidy(at time.Time) Event {
	if e.At.IsZero() {
		e.At = at
	}
	e.At = e.At.UTC().Truncate(time.Second)
	e.Text = strings.TrimSpace(strings.ToValidUTF8(e.Text, "\uFFFD"))
	return e
}

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
		var se storedEvent
		if err := json.Unmarshal(v, &se); err != nil {
			return nil, fmt.Errorf("%w: unreadable history of #%d: %v", ErrDamaged, id, err)
		}
		out = append(out, se.Event)
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

// Add stores a new opportunity and records its creation. Unless allowDuplicate is set, an
// opportunity matching a tracked one (same company and role, or same link) fails with a
// *DuplicateError that carries the existing records.
func (s *BoltStore) Add(o Opportunity, allowDuplicate bool) (Opportunity, error) {
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
		if err := s.insert(tx, &o, []Event{{Kind: EventCreated, Text: "Added to the tracker"}}); err != nil {
			return err
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
	o.CreatedAt, o.UpdatedAt = o.CreatedAt.UTC().Truncate(time.Second), o.UpdatedAt.UTC().Truncate(time.Second)
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
		o.CreatedAt = old.CreatedAt
		o.UpdatedAt = s.stamp()
		if err := removeFromIndex(tx, old); err != nil {
			return err
		}
		if err := putOpportunity(tx, &o); err != nil {
			return err
		}
		if err := addToIndex(tx, &o); err != nil {
			return err
		}
		if old.Status != o.Status {
			e := Event{At: o.UpdatedAt, Kind: EventStatus, Text: fmt.Sprintf("Status: %s → %s", old.Status.Label(), o.Status.Label())}
			if err := appendEvent(tx, o.ID, e); err != nil {
				return err
			}
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
		for _, b := range [][]byte{bucketChecklists, bucketLetters} {
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

// readAttachments reads what is kept beside the record: its history and checklist.
func readAttachments(tx *bolt.Tx, o *Opportunity) error {
	var err error
	if o.History, err = readHistory(tx, o.ID); err != nil {
		return err
	}
	o.Checklist = nil
	if v := tx.Bucket(bucketChecklists).Get(itob(o.ID)); v != nil {
		var sc storedChecklist
		if err := json.Unmarshal(v, &sc); err != nil {
			return fmt.Errorf("%w: unreadable checklist of #%d: %v", ErrDamaged, o.ID, err)
		}
		o.Checklist = sc.Answers
	}
	o.Draft = nil
	if v := tx.Bucket(bucketLetters).Get(itob(o.ID)); v != nil {
		var sd storedDraft
		if err := json.Unmarshal(v, &sd); err != nil {
			return fmt.Errorf("%w: unreadable letter draft of #%d: %v", ErrDamaged, o.ID, err)
		}
		o.Draft = &sd.Spec
	}
	return nil
}

type storedDraft struct {
	V    int         `json:"v"`
	Spec letter.Spec `json:"spec"`
}

type storedChecklist struct {
	V       int               `json:"v"`
	Answers checklist.Answers `json:"answers"`
}

// SaveChecklist replaces the checklist answers of an opportunity and marks it updated, in
// one transaction.
func (s *BoltStore) SaveChecklist(id uint64, a checklist.Answers) (Opportunity, error) {
	a = a.Clean()
	var value any
	if len(a) > 0 {
		value = storedChecklist{V: SchemaVersion, Answers: a}
	}
	return s.saveAttachment(bucketChecklists, id, value)
}

// SaveDraft replaces the letter draft of an opportunity (nil removes it) and marks it
// updated, in one transaction.
func (s *BoltStore) SaveDraft(id uint64, draft *letter.Spec) (Opportunity, error) {
	var value any
	if draft != nil {
		value = storedDraft{V: SchemaVersion, Spec: *draft}
	}
	return s.saveAttachment(bucketLetters, id, value)
}

// saveAttachment puts value (nil deletes) under id in bucket, beside the record, and
// touches the record, all in one transaction.
func (s *BoltStore) saveAttachment(bucket []byte, id uint64, value any) (Opportunity, error) {
	return s.changeTx(id, func(tx *bolt.Tx, _ *Opportunity) ([]Event, error) {
		b := tx.Bucket(bucket)
		if value == nil {
			return nil, b.Delete(itob(id))
		}
		v, err := json.Marshal(value)
		if err != nil {
			return nil, err
		}
		return nil, b.Put(itob(id), v)
	})
}

type storedProfile struct {
	V int `json:"v"`
	Profile
}

// Profile is the user's profile; the zero Profile before one was saved.
func (s *BoltStore) Profile() (Profile, error) {
	var p Profile
	err := s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketMeta).Get(keyProfile)
		if v == nil {
			return nil
		}
		var sp storedProfile
		if err := json.Unmarshal(v, &sp); err != nil {
			return fmt.Errorf("%w: unreadable profile: %v", ErrDamaged, err)
		}
		p = sp.Profile
		return nil
	})
	return p, err
}

// SaveProfile stores the user's profile after checking it.
func (s *BoltStore) SaveProfile(p Profile) error {
	p.FullName, p.Email, p.Signature = strings.TrimSpace(p.FullName), strings.TrimSpace(p.Email), strings.TrimSpace(p.Signature)
	if err := p.Validate(); err != nil {
		return err
	}
	v, err := json.Marshal(storedProfile{V: SchemaVersion, Profile: p})
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyProfile, v) })
}

// AppendEvent adds an event to an opportunity's history and marks it updated. Copying,
// exporting or mailing the letter ticks "letter sent" on the after-declining checklist.
func (s *BoltStore) AppendEvent(id uint64, e Event) (Opportunity, error) {
	return s.change(id, func(o *Opportunity) []Event {
		switch e.Kind {
		case EventCopied, EventExported, EventMailed:
			o.setStep(StepLetterSent, true)
		}
		return []Event{e}
	})
}

// MarkDeclined records that the user declined: the status becomes declined, today is the
// reply date, the letter is archived in the history, the follow-up date is set to followUp
// (to keep in touch; "" for none) and "tracker updated" is ticked — all in one transaction.
func (s *BoltStore) MarkDeclined(id uint64, sent SentLetter, followUp Date) (Opportunity, error) {
	if !followUp.Valid() {
		return Opportunity{}, &FieldError{Field: "follow_up_on", Message: fmt.Sprintf("%q is not a date", string(followUp))}
	}
	return s.change(id, func(o *Opportunity) []Event {
		var events []Event
		if o.Status != Declined {
			events = append(events, Event{Kind: EventStatus, Text: fmt.Sprintf("Status: %s → %s", o.Status.Label(), Declined.Label())})
		}
		o.Status = Declined
		o.RespondedOn = DateOf(s.now())
		o.FollowUpOn = followUp
		o.setStep(StepTrackerUpdated, true)
		text := "Declined; the letter is kept here"
		if followUp != "" {
			text += "; keep in touch on " + string(followUp)
		}
		letter := sent
		return append(events, Event{Kind: EventNote, Text: text, Letter: &letter})
	})
}

// SetAfterStep ticks or unticks one step of the after-declining checklist.
func (s *BoltStore) SetAfterStep(id uint64, step AfterStep, done bool) (Opportunity, error) {
	return s.change(id, func(o *Opportunity) []Event {
		o.setStep(step, done)
		return nil
	})
}

func (o *Opportunity) setStep(step AfterStep, done bool) {
	if o.After == nil {
		o.After = map[AfterStep]bool{}
	}
	o.After[step] = done
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
			o, err := decodeOpportunity(v)
			if err != nil {
				return err
			}
			if withHistory {
				// History keys sort by record id too, so one cursor walks beside the records.
				for hk != nil && bytes.Compare(hk[:8], k) < 0 {
					hk, hv = hc.Next()
				}
				for hk != nil && bytes.Equal(hk[:8], k) {
					var se storedEvent
					if err := json.Unmarshal(hv, &se); err != nil {
						return fmt.Errorf("%w: unreadable history of #%d: %v", ErrDamaged, o.ID, err)
					}
					o.History = append(o.History, se.Event)
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
func (s *BoltStore) Import(recs []Opportunity, progress func(done, total int)) (ImportReport, error) {
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
			if progress != nil && (i+1)%1000 == 0 {
				progress(i+1, len(recs))
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

// bbolt's meta page: after a 16-byte page header come magic, version, page size, flags,
// the root bucket (root page, sequence), the freelist page, the high-water page id, the
// transaction id and an FNV-64a checksum of everything before it.
const (
	metaMagic       = 0xED0CDAED
	metaPageSizeOff = 24
	metaPgidOff     = 56
	metaTxidOff     = 64
	metaSumOff      = 72
)

// checkLength refuses a file shorter than its own newest valid meta page says it is: bbolt
// would read past its end. A missing or empty file is fine (it becomes a new database);
// a file with no valid meta page is left for bbolt to refuse.
func checkLength(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return nil
	}
	head := make([]byte, 16<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	var best struct {
		txid, pages uint64
		pageSize    uint32
	}
	readMeta := func(off int) {
		if off+metaSumOff+8 > len(head) {
			return
		}
		m := head[off : off+metaSumOff+8]
		if binary.LittleEndian.Uint32(m[16:]) != metaMagic {
			return
		}
		sum := fnv.New64a()
		sum.Write(m[16:metaSumOff])
		if sum.Sum64() != binary.LittleEndian.Uint64(m[metaSumOff:]) {
			return
		}
		if txid := binary.LittleEndian.Uint64(m[metaTxidOff:]); best.pageSize == 0 || txid > best.txid {
			best.txid, best.pages = txid, binary.LittleEndian.Uint64(m[metaPgidOff:])
			best.pageSize = binary.LittleEndian.Uint32(m[metaPageSizeOff:])
		}
	}
	readMeta(0)
	if best.pageSize != 0 {
		readMeta(int(best.pageSize))
	} else {
		readMeta(os.Getpagesize())
	}
	if best.pageSize == 0 {
		return nil
	}
	if need := best.pages * uint64(best.pageSize); uint64(fi.Size()) < need {
		return fmt.Errorf("%w: the file is %d bytes but its header says %d: it was cut short", ErrDamaged, fi.Size(), need)
	}
	return nil
}
