package tracker

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// Sentinel errors. Wrap-aware: test them with errors.Is.
var (
	ErrNotFound = errors.New("no such opportunity")
	ErrInUse    = errors.New("the database is already open in another Decline Desk window or command; close it and try again")
	ErrDamaged  = errors.New("the database file is damaged")
	ErrNewer    = errors.New("the database was made by a newer Decline Desk; update the app to open it")
	ErrForeign  = errors.New("the file is not a Decline Desk database")
)

// DuplicateError says that an opportunity matches ones already tracked.
type DuplicateError struct {
	Existing []Opportunity
}

func (e *DuplicateError) Error() string {
	o := e.Existing[0]
	return fmt.Sprintf("already tracked: %s — %s (%s, #%d)", o.Company, o.Role, o.Status.Label(), o.ID)
}

// damage wraps a description of what is wrong with the file as ErrDamaged.
func damage(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrDamaged, fmt.Sprintf(format, args...))
}

// InternalError is a bug in Decline Desk, not a fault of the file: a panic that bbolt did
// not raise. Its stack is written to a log file beside the database.
type InternalError struct {
	Value any
	Stack string
	Log   string // the log file that holds the stack; "" when it could not be written
}

func (e *InternalError) Error() string {
	msg := fmt.Sprintf("internal error in Decline Desk (%v); the change it was making was not saved", e.Value)
	if e.Log != "" {
		msg += "; the details are in " + e.Log
	}
	return msg
}

// LogName is the file beside the database where internal errors are recorded.
const LogName = "declinedesk-errors.log"

// guard runs fn, turning a panic into an error: a memory fault while reading the mapped
// file, or a panic raised inside bbolt itself, is damage; any other panic is a bug and
// becomes an *InternalError logged beside the database at dbPath.
func guard(dbPath string, now func() time.Time, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if isFault(r) || raisedByBolt() {
			err = damage("%v", r)
			return
		}
		ie := &InternalError{Value: r, Stack: string(debug.Stack())}
		ie.Log = writeLog(filepath.Join(filepath.Dir(dbPath), LogName), now(), ie)
		err = ie
	}()
	return fn()
}

// isFault reports a memory fault: with SetPanicOnFault, reading past the end of a mapped
// file that was cut short panics with a runtime error that knows the address.
func isFault(r any) bool {
	_, ok := r.(interface{ Addr() uintptr })
	return ok
}

// raisedByBolt reports whether the panic being recovered started in bbolt's own code,
// which panics on pages it cannot make sense of. Called from the deferred function.
func raisedByBolt() bool {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	afterPanic := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			afterPanic = true
		case afterPanic && !strings.HasPrefix(f.Function, "runtime."):
			return strings.HasPrefix(f.Function, "go.etcd.io/bbolt")
		}
		if !more {
			return false
		}
	}
}

// writeLog appends the error and its stack to path and returns path, or "" when it cannot.
func writeLog(path string, at time.Time, e *InternalError) string {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return ""
	}
	defer f.Close()
	if _, err := fmt.Fprintf(f, "%s internal error: %v\n%s\n", at.UTC().Format(time.RFC3339), e.Value, e.Stack); err != nil {
		return ""
	}
	return path
}
