package tracker

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/declinedesk/declinedesk/internal/fsutil"
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
	err = tx.Bucket(bucketOpportunities).ForEach(func(_, v []byte) error {
		o, err := decodeOpportunity(v)
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

// keepBackups is how many daily backups are kept.
const keepBackups = 7

// BackupDir is where the automatic backups of the database at dbPath go.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

const dailyPrefix = "declinedesk-"

// Backup writes a consistent snapshot of the whole database to w and returns its size.
func (s *BoltStore) Backup(w io.Writer) (int64, error) {
	var n int64
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}

// WriteBackup writes a consistent snapshot to path, atomically and readable only by the
// user. The database is checked first: a damaged one is not copied over good backups.
func (s *BoltStore) WriteBackup(path string) error {
	if err := s.Check(); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return fsutil.WriteAtomic(path, 0o600, func(w io.Writer) error {
		_, err := s.Backup(w)
		return err
	})
}

// Check runs bbolt's own consistency check over the whole file.
func (s *BoltStore) Check() error {
	var problems []string
	err := s.view(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			if len(problems) < 5 {
				problems = append(problems, err.Error())
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", ErrDamaged, strings.Join(problems, "; "))
	}
	return nil
}

// DailyBackup makes today's backup if there is none yet, then keeps only the newest seven.
// It returns the path written, or "" when today's backup already existed.
func (s *BoltStore) DailyBackup() (string, error) {
	dir := BackupDir(s.path)
	path := filepath.Join(dir, dailyPrefix+string(DateOf(s.now()))+".db")
	if _, err := os.Stat(path); err == nil {
		return "", nil
	}
	if err := s.WriteBackup(path); err != nil {
		return "", err
	}
	backups, err := Backups(s.path)
	if err != nil {
		return path, err
	}
	var daily []Backup
	for _, b := range backups {
		if strings.HasPrefix(filepath.Base(b.Path), dailyPrefix) {
			daily = append(daily, b)
		}
	}
	for _, b := range daily[min(len(daily), keepBackups):] {
		os.Remove(b.Path)
	}
	return path, nil
}

// backupBeforeMigration saves the database as it is before an upgrade from version from.
func (s *BoltStore) backupBeforeMigration(from int) (string, error) {
	path := filepath.Join(BackupDir(s.path), fmt.Sprintf("before-upgrade-v%d-%s.db", from, s.now().UTC().Format("20060102-150405")))
	return path, s.WriteBackup(path)
}

// Backup is one backup file.
type Backup struct {
	Path  string
	Taken time.Time
	Size  int64
}

// Backups lists the backups of the database at dbPath, newest first.
func Backups(dbPath string) ([]Backup, error) {
	entries, err := os.ReadDir(BackupDir(dbPath))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Backup
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".db") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(BackupDir(dbPath), e.Name()), Taken: info.ModTime(), Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Taken.After(out[j].Taken) })
	return out, nil
}

// MoveAside renames a damaged database out of the way, next to where it was, so that a new
// one can be started without ever overwriting or deleting it. It returns the new name.
func MoveAside(dbPath, why string, now time.Time) (string, error) {
	aside := fmt.Sprintf("%s.%s-%s", dbPath, why, now.Format("20060102-150405"))
	if err := os.Rename(dbPath, aside); err != nil {
		return "", fmt.Errorf("could not move %s aside: %w", dbPath, err)
	}
	return aside, nil
}

// Restore replaces the database at dbPath, which must be closed, with a copy of a backup.
// The backup is checked first; the current file, if any, is kept aside. It returns where
// the current file went ("" when there was none).
func Restore(dbPath, backupPath string, now time.Time) (string, error) {
	if err := checkFile(backupPath); err != nil {
		return "", fmt.Errorf("%s cannot be restored: %w", filepath.Base(backupPath), err)
	}
	aside := ""
	if _, err := os.Stat(dbPath); err == nil {
		if aside, err = MoveAside(dbPath, "before-restore", now); err != nil {
			return "", err
		}
	}
	src, err := os.Open(backupPath)
	if err != nil {
		return aside, err
	}
	defer src.Close()
	err = fsutil.WriteAtomic(dbPath, 0o600, func(w io.Writer) error {
		_, err := io.Copy(w, src)
		return err
	})
	if err != nil && aside != "" {
		os.Rename(aside, dbPath) // put the current file back rather than leave nothing
		aside = ""
	}
	return aside, err
}

// checkFile opens a database file read-only and checks it.
func checkFile(path string) (err error) {
	defer recoverDamage(&err)
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		if errors.Is(err, berrors.ErrTimeout) {
			return ErrInUse
		}
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	defer db.Close()
	s := &BoltStore{db: db, path: path, now: time.Now}
	if err := s.Check(); err != nil {
		return err
	}
	return s.view(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketOpportunities) == nil || tx.Bucket(bucketMeta) == nil {
			return fmt.Errorf("%w: not a Decline Desk database", ErrDamaged)
		}
		return nil
	})
}
