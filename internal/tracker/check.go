package tracker

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/declinedesk/declinedesk/internal/fsutil"
	bolt "go.etcd.io/bbolt"
)

// The whole-file check runs in a child process: bbolt's own check of a damaged file can
// crash in a goroutine of its own, where no recover reaches, or loop while its memory
// grows. The child is this same program, started with checkEnv naming the file; the init
// below turns it into the checker before anything else runs, so every program that opens
// a tracker — the app, the command line, a test binary — can check one.
const checkEnv = "DECLINEDESK_CHECK_FILE"

func init() {
	if path, ok := os.LookupEnv(checkEnv); ok {
		os.Exit(checkerMain(path, os.Stdout))
	}
}

// checkVerdict is what the checking child reports, as one JSON line on its output.
type checkVerdict struct {
	Verdict string `json:"verdict"` // see the verdict constants
	Detail  string `json:"detail,omitempty"`
	Looks   string `json:"looks,omitempty"` // for verdictNotDatabase: what the file seems to be
}

const (
	verdictSound       = "sound"
	verdictDamaged     = "damaged"
	verdictInUse       = "in-use"
	verdictForeign     = "foreign"
	verdictNotDatabase = "not-database"
	verdictNewer       = "newer"
	verdictError       = "error" // the file could not be checked for a reason of its surroundings
)

// Limits of the checking child. A healthy file of 100,000 records takes a fraction of a
// second and a few MiB; these only stop a check that has gone astray.
const (
	checkBaseTimeout = 20 * time.Second
	checkBytesPerSec = 20 << 20  // time allowed per byte of the file, on top of the base
	checkBaseMemory  = 256 << 20 // memory allowed to the check beside the mapped file
)

// checkTimeout is how long the check of a file of size bytes may take.
func checkTimeout(size int64) time.Duration {
	return checkBaseTimeout + time.Duration(size/checkBytesPerSec)*time.Second
}

// checkMemory is how much memory, beside the mapped file, the check of a file of size
// bytes may use.
func checkMemory(size int64) int64 { return checkBaseMemory + size/8 }

// checkFileIsolated checks the file at path in a child process: bbolt's check of every
// page, our layout and every record read back. A crash of the child, a check that runs out
// of time or of memory, is damage. The file is only read.
func checkFileIsolated(path string, lockTimeout time.Duration) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("cannot check the database %s: %s", path, describe(err))
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("cannot check the database %s: %s", path, describe(err))
	}
	ctx, cancel := context.WithTimeout(context.Background(), checkTimeout(fi.Size())+lockTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), checkEnv+"="+path, lockTimeoutEnv+"="+lockTimeout.String())
	if raceEnabled {
		// The race detector waits a second before a process exits, for reports of other
		// threads; the checker has none to wait for.
		cmd.Env = append(cmd.Env, "GORACE="+strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	}
	var out, stderr limitedBuffer
	out.max, stderr.max = 64<<10, 8<<10
	cmd.Stdout, cmd.Stderr = &out, &stderr
	cmd.WaitDelay = time.Second
	runErr := cmd.Run()
	if ctx.Err() == context.DeadlineExceeded {
		return damage("checking it did not finish within %s", checkTimeout(fi.Size()).Round(time.Second))
	}
	var v checkVerdict
	line, _, _ := bytes.Cut(out.Bytes(), []byte("\n"))
	if err := json.Unmarshal(line, &v); err != nil || v.Verdict == "" {
		var exitErr *exec.ExitError
		if runErr != nil && !errors.As(runErr, &exitErr) {
			// The checker could not even be started: no memory, no processes left.
			return fmt.Errorf("cannot check the database %s: %s", path, describe(runErr))
		}
		return damage("checking it crashed (%s)", crashSummary(runErr, stderr.String()))
	}
	return v.err(path)
}

// lockTimeoutEnv passes the parent's patience with another process's lock to the child.
const lockTimeoutEnv = "DECLINEDESK_CHECK_LOCK_TIMEOUT"

// err turns a verdict back into the error the parent would have met checking in process.
func (v checkVerdict) err(path string) error {
	switch v.Verdict {
	case verdictSound:
		return nil
	case verdictDamaged:
		return damage("%s", v.Detail)
	case verdictInUse:
		return ErrInUse
	case verdictForeign:
		return ErrForeign
	case verdictNotDatabase:
		return &NotDatabaseError{Path: path, Looks: v.Looks}
	case verdictNewer:
		return ErrNewer
	}
	return errors.New(v.Detail)
}

// verdictOf is the verdict that reports err.
func verdictOf(err error) checkVerdict {
	var nd *NotDatabaseError
	var ie *InternalError
	switch {
	case err == nil:
		return checkVerdict{Verdict: verdictSound}
	case errors.As(err, &nd):
		return checkVerdict{Verdict: verdictNotDatabase, Looks: nd.Looks}
	case errors.Is(err, ErrDamaged):
		return checkVerdict{Verdict: verdictDamaged, Detail: strings.TrimPrefix(err.Error(), ErrDamaged.Error()+": ")}
	case errors.As(err, &ie):
		// A panic of our own code on what the file holds: the file cannot be read as ours.
		return checkVerdict{Verdict: verdictDamaged, Detail: fmt.Sprintf("reading it failed (%v)", ie.Value)}
	case errors.Is(err, ErrInUse):
		return checkVerdict{Verdict: verdictInUse}
	case errors.Is(err, ErrForeign):
		return checkVerdict{Verdict: verdictForeign}
	case errors.Is(err, ErrNewer):
		return checkVerdict{Verdict: verdictNewer}
	}
	return checkVerdict{Verdict: verdictError, Detail: err.Error()}
}

// crashSummary says in a few words how the checking child ended without a verdict.
func crashSummary(runErr error, stderr string) string {
	for _, line := range strings.Split(stderr, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "fatal error:") || strings.HasPrefix(line, "panic:") || strings.HasPrefix(line, "runtime:") {
			return printable(line)
		}
	}
	if runErr != nil {
		return runErr.Error()
	}
	return "no answer"
}

// checkerMain is the checking child: it checks the file at path, writes its verdict to out
// and returns the exit code.
func checkerMain(path string, out io.Writer) int {
	size := int64(0)
	if fi, err := os.Stat(path); err == nil {
		size = fi.Size()
	}
	stop := limitCheckMemory(size, func(used int64) {
		writeVerdict(out, checkVerdict{Verdict: verdictDamaged,
			Detail: fmt.Sprintf("checking it needed more than %d MiB of memory", used>>20)})
		os.Exit(0)
	})
	defer stop()
	timeout, err := time.ParseDuration(os.Getenv(lockTimeoutEnv))
	if err != nil || timeout <= 0 {
		timeout = time.Second
	}
	writeVerdict(out, verdictOf(examine(path, timeout)))
	return 0
}

func writeVerdict(out io.Writer, v checkVerdict) {
	line, _ := json.Marshal(v)
	out.Write(append(line, '\n'))
}

// examine checks, in this process, that the file at path is a sound Decline Desk
// database: bbolt's check of every page, our layout, and every stored value readable.
// The work is shared out over the processors, each part in a read transaction of its own.
func examine(path string, lockTimeout time.Duration) error {
	now := time.Now // only for the error log of a panic, never for the verdict
	db, err := openBolt(path, lockTimeout, true, now)
	if err != nil {
		return err
	}
	defer db.Close()
	s := &BoltStore{db: db, path: path, now: now}
	var have int
	err = s.view(func(tx *bolt.Tx) error {
		if have, err = layoutOf(tx); err != nil || have == 0 {
			return err // a new, empty file holds no records yet
		}
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil && (have == SchemaVersion || bytes.Equal(name, bucketOpportunities)) {
				return damage("the %q bucket is missing", name)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	parts := []func(tx *bolt.Tx) error{checkPages, checkSmallValues}
	if have > 0 {
		var last uint64
		s.view(func(tx *bolt.Tx) error {
			if k, _ := tx.Bucket(bucketOpportunities).Cursor().Last(); len(k) == 8 {
				last = btoi(k)
			}
			return nil
		})
		n := uint64(max(1, runtime.GOMAXPROCS(0)))
		for i := uint64(0); i < n; i++ {
			from, to := last/n*i, last/n*(i+1)
			if i == n-1 {
				to = ^uint64(0)
			}
			parts = append(parts, func(tx *bolt.Tx) error { return checkRecords(tx, from, to) })
		}
	}
	errs := make(chan error, len(parts))
	for _, part := range parts {
		go func() { errs <- s.view(part) }() // view recovers a fault in its own goroutine
	}
	var first error
	for range parts {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// checkPages is bbolt's own check of every page.
func checkPages(tx *bolt.Tx) error {
	var problems []string
	for err := range tx.Check() {
		if len(problems) < 5 {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		return damage("%s", strings.Join(problems, "; "))
	}
	return nil
}

// checkRecords checks that the records with ids in [from, to), and their histories, are
// stored as the app writes them: JSON under their id. Reading them in full is left to
// the reads that need them, which report a value they cannot use as damage too.
func checkRecords(tx *bolt.Tx, from, to uint64) error {
	stray := func(where string, k []byte) error {
		return damage("%s hold a stray entry %q", where, printable(string(k)))
	}
	c := tx.Bucket(bucketOpportunities).Cursor()
	for k, v := c.Seek(itob(from)); k != nil; k, v = c.Next() {
		if len(k) != 8 || v == nil {
			return stray("the records", k)
		}
		if btoi(k) >= to {
			break
		}
		if !json.Valid(v) {
			return damage("%s cannot be read (it is not what Decline Desk wrote)", recordName(btoi(k)))
		}
	}
	h := tx.Bucket(bucketHistory)
	if h == nil {
		return nil
	}
	c = h.Cursor()
	for k, v := c.Seek(itob(from)); k != nil; k, v = c.Next() {
		if len(k) != 16 || v == nil {
			return stray("the histories", k)
		}
		if btoi(k[:8]) >= to {
			break
		}
		if !json.Valid(v) {
			return damage("the history of %s cannot be read (it is not what Decline Desk wrote)", recordName(btoi(k[:8])))
		}
	}
	return nil
}

// checkSmallValues reads back in full what is kept beside the records — checklists,
// letter drafts, mails and the profile — which are few and bounded in size.
func checkSmallValues(tx *bolt.Tx) error {
	err := eachIn(tx, bucketChecklists, func(k, v []byte) error {
		if len(k) != 8 {
			return damage("the checklists hold a stray entry %q", printable(string(k)))
		}
		_, err := decodeChecklist(v, btoi(k))
		return err
	})
	if err != nil {
		return err
	}
	err = eachIn(tx, bucketLetters, func(k, v []byte) error {
		if len(k) != 8 {
			return damage("the letter drafts hold a stray entry %q", printable(string(k)))
		}
		_, _, err := decodeDraft(v, btoi(k))
		return err
	})
	if err != nil {
		return err
	}
	err = eachIn(tx, bucketMails, func(k, v []byte) error {
		if len(k) != 8 {
			return damage("the mails hold a stray entry %q", printable(string(k)))
		}
		_, err := decodeMail(v, btoi(k))
		return err
	})
	if err != nil {
		return err
	}
	if meta := tx.Bucket(bucketMeta); meta != nil {
		if v := meta.Get(keyProfile); v != nil {
			_, err = decodeProfile(v)
		}
	}
	return err
}

// eachIn calls fn for every key of a bucket, if the file has that bucket: older layouts
// lack some.
func eachIn(tx *bolt.Tx, bucket []byte, fn func(k, v []byte) error) error {
	if b := tx.Bucket(bucket); b != nil {
		return b.ForEach(fn)
	}
	return nil
}

// reason is what a decoding error says, without the "damaged" it was wrapped in.
func reason(err error) string {
	return strings.TrimPrefix(err.Error(), ErrDamaged.Error()+": ")
}

// Check runs the whole-file check on the database as it is now — every page and every
// record — in a child process, on a snapshot: the open file itself is locked by this
// process. The snapshot is removed afterwards.
func (s *BoltStore) Check() error {
	return s.withSnapshot(func(string) error { return nil })
}

// withSnapshot takes a snapshot of the database into a temporary file beside it, checks
// it, and hands it to use before removing it.
func (s *BoltStore) withSnapshot(use func(tmp string) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(s.path), "."+filepath.Base(s.path)+checkTempInfix+"*.tmp")
	if err != nil {
		return fmt.Errorf("cannot check the database: %s", describe(err))
	}
	defer os.Remove(tmp.Name())
	_, err = s.Backup(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			return err
		}
		return fmt.Errorf("cannot check the database: %s", describe(err))
	}
	if err := s.verifySnapshot(tmp.Name()); err != nil {
		return err
	}
	return use(tmp.Name())
}

// checkTempInfix marks the snapshots Check takes, so that one left behind by a crash is
// known for what it is and removed.
const checkTempInfix = ".check-"

// removeStaleSnapshots removes the snapshots a check left behind when its process was
// killed. Only the process that holds the database checks it, so any found are stale.
func removeStaleSnapshots(dbPath string) {
	for _, m := range fsutil.Siblings(dbPath, "."+filepath.Base(dbPath)+checkTempInfix, ".tmp") {
		os.Remove(m)
	}
}

// limitedBuffer keeps the first max bytes written to it and quietly drops the rest.
type limitedBuffer struct {
	bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); room > 0 {
		b.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
