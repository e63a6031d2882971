package tracker

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/fsutil"
	bolt "go.etcd.io/bbolt"
)

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

// OutputGuard is the one notion of a file that no output may replace, for every command
// and every save from the window:
//   - any bbolt database, known by its content whatever its name: a Decline Desk tracker,
//     one of its backups, another program's data;
//   - a file another process holds locked, as a running Decline Desk holds its tracker;
//   - the database at dbPath, its backups and the copies moved aside beside it — found
//     both beside the path as given and beside the real file a link leads to.
//
// dbPath may be "" when no database is in use.
func OutputGuard(dbPath string) fsutil.Guard { return outputGuard{dbPath} }

type outputGuard struct{ dbPath string }

func (g outputGuard) Refuse(path string, fi fs.FileInfo) error {
	if g.dbPath != "" {
		if err := fsutil.Files(protectedFiles(g.dbPath)).Refuse(path, fi); err != nil {
			return err
		}
	}
	if !fi.Mode().IsRegular() {
		return nil
	}
	if IsDatabaseFile(path) {
		return fmt.Errorf("%w: %s is a database file — a Decline Desk tracker, one of its backups, or another program's data — and is never written over; choose another file name", fsutil.ErrProtected, path)
	}
	if fsutil.HeldByAnother(path) {
		return fmt.Errorf("%w: %s is held open by another program, as a running Decline Desk holds its tracker, and is never written over; choose another file name", fsutil.ErrProtected, path)
	}
	return nil
}

// protectedFiles lists the files that hold the data of the database at dbPath: the
// database, its backups and the copies moved aside beside it, beside the path as given and
// beside the real file.
func protectedFiles(dbPath string) []string {
	out := filesOf(dbPath)
	if real := RealPath(dbPath); real != dbPath {
		out = append(out, filesOf(real)...)
	}
	return out
}

func filesOf(dbPath string) []string {
	out := []string{dbPath}
	out = append(out, fsutil.Siblings(dbPath, filepath.Base(dbPath)+".", "")...)
	if entries, err := os.ReadDir(BackupDir(dbPath)); err == nil {
		for _, e := range entries {
			out = append(out, filepath.Join(BackupDir(dbPath), e.Name()))
		}
	}
	return out
}

// WriteBackup writes a consistent snapshot to path, atomically and readable only by the
// user. The snapshot is checked whole (see Check) before it takes its place: a damaged
// database is never copied over good backups. No file OutputGuard refuses is replaced.
func (s *BoltStore) WriteBackup(path string) error {
	if err := s.Damaged(); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cannot make the folder for the backup: %s", describe(err))
	}
	return fsutil.WriteOutputVerified(path, 0o600, OutputGuard(s.path), func(w io.Writer) error {
		_, err := s.Backup(w)
		return err
	}, s.verifySnapshot)
}

// WriteBackupTo writes a checked snapshot to w, such as standard output.
func (s *BoltStore) WriteBackupTo(w io.Writer) error {
	if err := s.Damaged(); err != nil {
		return err
	}
	return s.withSnapshot(func(tmp string) error {
		f, err := os.Open(tmp)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	})
}

// verifySnapshot checks a complete snapshot of this store in a child process; a sound
// one vouches for the file it was taken from.
func (s *BoltStore) verifySnapshot(tmp string) error {
	err := s.remember(checkFileIsolated(tmp, time.Second))
	if err == nil {
		s.verified.Store(true)
	}
	return err
}

// DailyBackup makes today's backup if there is none yet, then keeps only the newest seven,
// newest by the day in their names (never by the files' times, which other programs move).
// It returns the path written, or "" when today's backup already existed.
func (s *BoltStore) DailyBackup() (string, error) {
	dir := BackupDir(s.path)
	path := filepath.Join(dir, dailyPrefix+string(day.Of(s.now()))+".db")
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
	kept := 1 // the one just written, whatever a clock that was once ahead named the others
	for _, b := range backups {
		if b.Path == path || !strings.HasPrefix(filepath.Base(b.Path), dailyPrefix) {
			continue
		}
		if kept < keepBackups {
			kept++
			continue
		}
		os.Remove(b.Path)
	}
	return path, nil
}

// upgradePrefix starts the name of the backup taken before a migration.
const upgradePrefix = "before-upgrade-v"

// backupBeforeMigration saves the database as it is before an upgrade from version from.
func (s *BoltStore) backupBeforeMigration(from int) (string, error) {
	path := filepath.Join(BackupDir(s.path), fmt.Sprintf("%s%d-%s.db", upgradePrefix, from, s.now().UTC().Format(stampLayout)))
	return path, s.WriteBackup(path)
}

// stampLayout is how a moment is written in file names.
const stampLayout = "20060102-150405"

// Backup is one backup file.
type Backup struct {
	Path  string
	Taken time.Time // from the file's name
	Size  int64
}

// Label says when the backup was taken, as precisely as its name tells.
func (b Backup) Label() string {
	if strings.HasPrefix(filepath.Base(b.Path), dailyPrefix) {
		return b.Taken.Format("Mon Jan 2 2006")
	}
	return b.Taken.Format("Mon Jan 2 2006, 15:04")
}

// takenFromName reads when a backup was taken from the name Decline Desk gave it.
func takenFromName(name string) (time.Time, bool) {
	base, ok := strings.CutSuffix(name, ".db")
	if !ok {
		return time.Time{}, false
	}
	if when, ok := strings.CutPrefix(base, dailyPrefix); ok {
		t, err := time.Parse(time.DateOnly, when)
		return t, err == nil
	}
	if rest, ok := strings.CutPrefix(base, upgradePrefix); ok {
		if _, stamp, ok := strings.Cut(rest, "-"); ok {
			t, err := time.Parse(stampLayout, stamp)
			return t, err == nil
		}
	}
	return time.Time{}, false
}

// Backups lists the backups of the database at dbPath, newest first by the time in their
// names. Files Decline Desk did not name are left out.
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
		taken, ok := takenFromName(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(BackupDir(dbPath), e.Name()), Taken: taken, Size: info.Size()})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Taken.Equal(out[j].Taken) {
			return out[i].Taken.After(out[j].Taken)
		}
		return out[i].Path > out[j].Path
	})
	return out, nil
}

// MoveAside renames a damaged database out of the way, next to where it was, so that a new
// one can be started without ever overwriting or deleting it — not even another file moved
// aside in the same second. It returns the new name.
func MoveAside(dbPath, why string, now time.Time) (string, error) {
	base := asideName(dbPath, why, now)
	for n := 1; n < 1000; n++ {
		aside := base
		if n > 1 {
			aside = fmt.Sprintf("%s-%d", base, n)
		}
		// A hard link fails when the name is taken, so no file is ever replaced.
		err := os.Link(dbPath, aside)
		if err == nil {
			if err := os.Remove(dbPath); err != nil {
				os.Remove(aside)
				return "", fmt.Errorf("could not move %s aside: %s", dbPath, describe(err))
			}
			return aside, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		// No hard links here (some file systems): rename, having looked first.
		if _, statErr := os.Lstat(aside); statErr == nil {
			continue
		}
		if err := os.Rename(dbPath, aside); err != nil {
			return "", fmt.Errorf("could not move %s aside: %s", dbPath, describe(err))
		}
		return aside, nil
	}
	return "", fmt.Errorf("could not move %s aside: too many files of that name", dbPath)
}

// asideName is where MoveAside puts dbPath, set aside for why at now, when no other file
// has that name yet.
func asideName(dbPath, why string, now time.Time) string {
	return fmt.Sprintf("%s.%s-%s", dbPath, why, now.Format(stampLayout))
}

// beforeRestore is why Restore sets the current file aside.
const beforeRestore = "before-restore"

// BeforeRestoreName is where Restore at now keeps the database at dbPath, unless a file
// already has that name: what to tell the user before restoring.
func BeforeRestoreName(dbPath string, now time.Time) string {
	return asideName(dbPath, beforeRestore, now)
}

// Restore replaces the database at dbPath, which must be closed, with a copy of a backup.
// The backup is checked first; the current file, if any, is kept aside. It returns where
// the current file went ("" when there was none).
func Restore(dbPath, backupPath string, now time.Time) (string, error) {
	if err := checkFile(backupPath, func() time.Time { return now }); err != nil {
		return "", fmt.Errorf("%s cannot be restored: %w", filepath.Base(backupPath), err)
	}
	aside := ""
	if _, err := os.Stat(dbPath); err == nil {
		if aside, err = MoveAside(dbPath, beforeRestore, now); err != nil {
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

// checkFile checks that a file is a sound Decline Desk database, reading it only.
func checkFile(path string, now func() time.Time) error {
	if _, err := inspect(path); err != nil {
		return err
	}
	if err := verify(path, time.Second, now, true); err != nil {
		return err
	}
	return nil
}
