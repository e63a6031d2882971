package tracker

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/declinedesk/declinedesk/internal/clock"
)

// SchemaVersion is the layout of every value this version of the app writes. Version 2
// writes role abbreviations out in the duplicate index; version 3 keeps history events as
// data and the last activity apart from the last edit; version 4 keeps the mail a record
// came from beside it (see migrations).
const SchemaVersion = 4

// Options tune Open. The zero value is what commands use: the whole file is checked before
// it is opened. The window sets CheckBeforeWriting.
type Options struct {
	// Timeout is how long to wait for another process to release the database; 1 s by default.
	Timeout time.Duration
	// Clock tells the time; the system clock by default.
	Clock clock.Clock
	// CheckBeforeWriting moves bbolt's whole-file check from opening to just before the
	// first write, for a window that wants to show itself first; either way a damaged file
	// is never written to.
	CheckBeforeWriting bool
}

// BoltStore keeps opportunities in a bbolt database file.
type BoltStore struct {
	db   *bolt.DB
	path string
	now  func() time.Time

	// verified is set once the whole file has passed the check in this process; until
	// then, with CheckBeforeWriting, the first write checks it.
	verified atomic.Bool
	checkMu  sync.Mutex
	// damaged holds the damage found in the file, if any: once set, nothing more is
	// written to it.
	damaged atomic.Pointer[error]
}

// Open opens or creates the database at path (mode 0600, folders 0700). A symbolic link is
// followed: the store works on the real file, and its backups and moved-aside copies go
// beside it (Path says where that is).
//
// What can go wrong is told apart: a database held by another process fails with ErrInUse
// after the timeout; a file whose pages or records bbolt or we cannot read fails with
// ErrDamaged; a file that is no Decline Desk database — another program's bbolt file, a
// CSV file, a text — with ErrForeign, and one of a newer Decline Desk with ErrNewer.
// Anything else — no permission, a read-only or full disk, too little memory, a folder or
// a device where the file should be — is reported with its cause. In every one of these
// cases the file is left exactly as it was.
func Open(path string, opts Options) (*BoltStore, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = time.Second
	}
	if opts.Clock == nil {
		opts.Clock = clock.System()
	}
	if path == "" {
		return nil, errors.New("no database file was named")
	}
	path = RealPath(path)
	now := opts.Clock.Now
	existing, err := inspect(path)
	if err != nil {
		return nil, err
	}
	if existing {
		// Read-only first: bbolt may write while opening a file read-write, and a file that
		// is damaged, foreign or newer must not be touched at all. The whole-file check
		// runs in a child process; commands pay it at the door, the window just before
		// its first write.
		if err := verify(path, opts.Timeout, now, !opts.CheckBeforeWriting); err != nil {
			return nil, err
		}
	} else if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the folder for the database: %s", describe(err))
	}
	db, err := openBolt(path, opts.Timeout, false, now)
	if err != nil {
		if !existing {
			removeNew(path)
		}
		return nil, err
	}
	s := &BoltStore{db: db, path: path, now: now}
	s.verified.Store(!existing || !opts.CheckBeforeWriting)
	if err := s.init(); err != nil {
		db.Close()
		if !existing {
			os.Remove(path) // nothing of the user's was in it
		}
		return nil, err
	}
	if err := s.finishInterrupted(); err != nil {
		db.Close()
		return nil, err
	}
	removeStaleSnapshots(path)
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm() != 0o600 {
		_ = os.Chmod(path, 0o600) // a file copied in from elsewhere may be readable by others
	}
	return s, nil
}

// finishInterrupted undoes an import that a crash or a kill stopped half way.
func (s *BoltStore) finishInterrupted() error {
	pending := false
	err := s.view(func(tx *bolt.Tx) error {
		pending = tx.Bucket(bucketMeta).Get(keyImporting) != nil
		return nil
	})
	if err != nil || !pending {
		return err
	}
	if err := s.rollBackImport(); err != nil {
		return fmt.Errorf("an import that did not finish could not be undone: %w", err)
	}
	return nil
}

// RealPath is the file a path names once symbolic links are followed — even a link to a
// file that does not exist yet, which is where a new database would be made.
func RealPath(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	p := path
	for hops := 0; hops < 40; hops++ {
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return p
		}
		target, err := os.Readlink(p)
		if err != nil {
			return p
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(p), target)
		}
		p = target
	}
	return path
}

// inspect reports whether path holds a database to open (false: one is to be created),
// and refuses anything that is not a regular file before opening it — a FIFO would block.
func inspect(path string) (bool, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("cannot open the database %s: %s", path, describe(err))
	case fi.IsDir():
		return false, fmt.Errorf("%s is a folder, not a database file: name a file inside it", path)
	case !fi.Mode().IsRegular():
		return false, fmt.Errorf("%s is a %s, not a database file: name an ordinary file", path, fileKind(fi.Mode()))
	}
	return fi.Size() > 0, nil
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}

// removeNew removes a file that opening had just begun to create, when bbolt could not
// finish it — a full disk leaves a few KiB that would later read as damage. Only what is
// plainly unfinished goes: an empty file, or one with no sound meta page.
func removeNew(path string) {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return
	}
	if fi.Size() == 0 {
		os.Remove(path)
		return
	}
	f, err := os.Open(path)
	if err != nil {
		return
	}
	h := readHeader(f)
	f.Close()
	if h.pageSize == 0 || fi.Size() < int64(h.pages)*int64(h.pageSize) {
		os.Remove(path)
	}
}

// verify checks that an existing file is a Decline Desk database this version can use,
// reading it only: with check, the whole file in a child process (see checkFileIsolated),
// else its layout alone, in this process.
func verify(path string, timeout time.Duration, now func() time.Time, check bool) error {
	if err := checkHeader(path); err != nil {
		return err
	}
	if check {
		return checkFileIsolated(path, timeout)
	}
	db, err := openBolt(path, timeout, true, now)
	if err != nil {
		return err
	}
	defer db.Close()
	s := &BoltStore{db: db, path: path, now: now}
	return s.view(func(tx *bolt.Tx) error {
		_, err := layoutOf(tx)
		return err
	})
}

// layoutOf reads the schema version of a database: 0 for a new, empty one. A file with
// buckets but without our schema mark belongs to another program.
func layoutOf(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || meta.Get(keySchema) == nil {
		var names []string
		ours := false
		_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			names = append(names, fmt.Sprintf("%q", name))
			for _, b := range allBuckets {
				ours = ours || bytes.Equal(name, b)
			}
			return nil
		})
		switch {
		case len(names) == 0:
			return 0, nil
		case ours:
			// Some of our buckets and not the mark that goes with them: a spoiled
			// bucket name or value in our own file, not another program's.
			return 0, damage("the schema mark is missing (buckets: %s)", strings.Join(names, ", "))
		}
		return 0, ErrForeign
	}
	v := meta.Get(keySchema)
	var have int
	if _, err := fmt.Sscan(string(v), &have); err != nil || have < 1 {
		return 0, damage("unreadable schema version %q", v)
	}
	if have > SchemaVersion {
		return 0, ErrNewer
	}
	return have, nil
}

func openBolt(path string, timeout time.Duration, readOnly bool, now func() time.Time) (db *bolt.DB, err error) {
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	bo := &bolt.Options{Timeout: timeout, ReadOnly: readOnly}
	if runtime.GOOS != "windows" && !readOnly {
		// Mapping address space up front spares large imports the copying that every
		// re-map costs. Windows would grow the file itself to this size, so not there.
		bo.InitialMmapSize = 256 << 20
	}
	err = guard(path, now, func() error {
		db, err = bolt.Open(path, 0o600, bo)
		return err
	})
	if err == nil {
		return db, nil
	}
	return nil, classifyOpen(path, err)
}

// classifyOpen turns an error from bbolt.Open into one of ours. Only bbolt's own verdicts
// on the file's pages are damage; the rest comes from the file's surroundings.
func classifyOpen(path string, err error) error {
	var ie *InternalError
	switch {
	case errors.Is(err, ErrDamaged), errors.As(err, &ie):
		return err
	case errors.Is(err, berrors.ErrTimeout):
		return ErrInUse
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum),
		errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrInvalidMapping),
		strings.HasPrefix(err.Error(), "file size too small"):
		return damage("%v", err)
	}
	return fmt.Errorf("cannot open the database %s: %s", path, describe(err))
}

// describe says in plain words what an error from the operating system means.
func describe(err error) string {
	var why string
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		why = "the disk is full"
	case errors.Is(err, syscall.EROFS):
		why = "the disk is read-only"
	case errors.Is(err, fs.ErrPermission):
		why = "no permission to use the file"
	case errors.Is(err, syscall.ENOMEM):
		why = "there is not enough memory"
	case errors.Is(err, syscall.EISDIR):
		why = "it is a folder"
	case errors.Is(err, syscall.EIO):
		why = "the disk could not be read or written"
	default:
		return err.Error()
	}
	return why + " (" + err.Error() + ")"
}

// init prepares the database: a new file gets the buckets and the schema version, an older
// one is backed up and migrated, an up-to-date one is left alone (no write at all, so
// opening is quick).
func (s *BoltStore) init() error {
	have, ready := 0, true
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if have, err = layoutOf(tx); err != nil {
			return err
		}
		for _, name := range allBuckets {
			if tx.Bucket(name) != nil {
				continue
			}
			ready = false
			if have == SchemaVersion || (have > 0 && bytes.Equal(name, bucketOpportunities)) {
				// Creating it afresh would hide the records of a bucket whose name was
				// spoiled.
				return damage("the %q bucket is missing", name)
			}
		}
		return nil
	})
	switch {
	case err != nil:
		return err
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
				return damage("%v", err)
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

// view runs a read transaction; see guard for what becomes of a panic. Damage it meets is
// remembered: nothing more is written to the file.
func (s *BoltStore) view(fn func(*bolt.Tx) error) error {
	return s.remember(guard(s.path, s.now, func() error { return s.db.View(fn) }))
}

// update runs a write transaction; see guard for what becomes of a panic. A file found
// damaged, or not yet checked when it must be, takes no write.
func (s *BoltStore) update(fn func(*bolt.Tx) error) error {
	if err := s.Damaged(); err != nil {
		return err
	}
	if err := s.checkBeforeWriting(); err != nil {
		return err
	}
	err := s.remember(guard(s.path, s.now, func() error { return s.db.Update(fn) }))
	var errno syscall.Errno
	if errors.As(err, &errno) {
		// A full or failing disk: the transaction was rolled back.
		return fmt.Errorf("could not write to the database %s, so nothing of this change was saved: %s", s.path, describe(err))
	}
	return err
}

// checkBeforeWriting checks the whole file once, before the first write of a store that
// was opened without the check.
func (s *BoltStore) checkBeforeWriting() error {
	if s.verified.Load() {
		return nil
	}
	s.checkMu.Lock()
	defer s.checkMu.Unlock()
	if s.verified.Load() {
		return nil
	}
	return s.Check()
}

// remember keeps damage that err reports, and returns err.
func (s *BoltStore) remember(err error) error {
	if errors.Is(err, ErrDamaged) {
		s.damaged.CompareAndSwap(nil, &err)
	}
	return err
}

// Damaged is the damage found in the file since it was opened, or nil. A damaged store
// refuses every write; the file is to be moved aside once closed.
func (s *BoltStore) Damaged() error {
	if p := s.damaged.Load(); p != nil {
		return *p
	}
	return nil
}

// Path is the database file.
func (s *BoltStore) Path() string { return s.path }

// Close releases the database so another process can open it.
func (s *BoltStore) Close() error { return s.db.Close() }

// DB is the underlying database, for backups and checks.
func (s *BoltStore) DB() *bolt.DB { return s.db }
