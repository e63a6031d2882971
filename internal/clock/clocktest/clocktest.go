// Package clocktest is the clock of every test: a fixed day that only moves when a test
// moves it. EpochText is the one place that names it; the whole suite must pass with it
// moved years either way.
package clocktest

import (
	"sort"
	"sync"
	"time"

	"github.com/declinedesk/declinedesk/internal/clock"
)

// EpochText is the "now" every test starts at.
const EpochText = "2026-11-25T10:00:00Z"

// Epoch is EpochText as a time.
var Epoch = func() time.Time {
	t, err := time.Parse(time.RFC3339, EpochText)
	if err != nil {
		panic(err)
	}
	return t
}()

// Day is the calendar day offset days after Epoch (before, when negative), as YYYY-MM-DD.
func Day(offset int) string { return Epoch.AddDate(0, 0, offset).Format(time.DateOnly) }

// Fake is a clock that stands still until Set or Advance moves it; timers fire when it
// passes their time, in the goroutine that moved it.
type Fake struct {
	mu     sync.Mutex
	now    time.Time
	timers []*timer
}

var _ clock.Clock = (*Fake)(nil)

// New is a fake clock at Epoch.
func New() *Fake { return &Fake{now: Epoch} }

// Now is the fake time.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// Set moves the clock to t (also backwards) and fires the timers due by then.
func (f *Fake) Set(t time.Time) {
	f.mu.Lock()
	f.now = t
	due := f.dueLocked()
	f.mu.Unlock()
	for _, t := range due {
		t.f()
	}
}

// Advance moves the clock on by d and fires the timers due by then.
func (f *Fake) Advance(d time.Duration) { f.Set(f.Now().Add(d)) }

// AfterFunc schedules fn for when the clock has moved on by d.
func (f *Fake) AfterFunc(d time.Duration, fn func()) clock.Timer {
	f.mu.Lock()
	defer f.mu.Unlock()
	t := &timer{clock: f, at: f.now.Add(d), f: fn}
	f.timers = append(f.timers, t)
	return t
}

// Pending is the number of timers still waiting.
func (f *Fake) Pending() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.timers)
}

func (f *Fake) dueLocked() []*timer {
	var due, keep []*timer
	for _, t := range f.timers {
		if !t.at.After(f.now) {
			due = append(due, t)
		} else {
			keep = append(keep, t)
		}
	}
	f.timers = keep
	sort.SliceStable(due, func(i, j int) bool { return due[i].at.Before(due[j].at) })
	return due
}

type timer struct {
	clock *Fake
	at    time.Time
	f     func()
}

func (t *timer) Stop() bool {
	f := t.clock
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, x := range f.timers {
		if x == t {
			f.timers = append(f.timers[:i], f.timers[i+1:]...)
			return true
		}
	}
	return false
}
