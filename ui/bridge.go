// Package ui is Decline Desk's window: the Tracker, Decide and Letter panes and the dialogs
// around them. The domain lives in internal/; this package only shows it and edits it.
package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// worker is where the window's slow work goes: disk reads and writes, imports, exports.
// Jobs run one at a time in the order given, so a save is never overtaken by an older one,
// and each job's result comes back to the UI goroutine through fyne.Do.
type worker struct {
	toUI    func(func()) // fyne.Do, or the tests' stand-in for the UI goroutine
	mu      sync.Mutex
	queue   []func()
	wake    chan struct{}
	pending sync.WaitGroup
}

func newWorker(toUI func(func())) *worker {
	if toUI == nil {
		toUI = fyne.Do
	}
	w := &worker{toUI: toUI, wake: make(chan struct{}, 1)}
	go w.loop()
	return w
}

func (w *worker) loop() {
	for range w.wake {
		for {
			w.mu.Lock()
			if len(w.queue) == 0 {
				w.mu.Unlock()
				break
			}
			job := w.queue[0]
			w.queue = w.queue[1:]
			w.mu.Unlock()
			job()
			w.pending.Done()
		}
	}
}

// run queues job on the worker; it never blocks the caller.
func (w *worker) run(job func()) {
	w.pending.Add(1)
	w.mu.Lock()
	w.queue = append(w.queue, job)
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default: // already awake
	}
}

// wait blocks until every queued job has run and handed its result on. Tests use it; the
// UI never blocks on it.
func (w *worker) wait() { w.pending.Wait() }

// background runs work on w and hands its result to done on the UI goroutine.
func background[T any](w *worker, work func() (T, error), done func(T, error)) {
	w.run(func() {
		v, err := work()
		w.toUI(func() { done(v, err) })
	})
}

// goAndReturn runs work on its own goroutine, for reads of memory that must not wait behind
// disk writes (searching the list), and hands the result to done on the UI goroutine.
func goAndReturn[T any](w *worker, work func() T, done func(T)) {
	w.pending.Add(1)
	go func() {
		defer w.pending.Done()
		v := work()
		w.toUI(func() { done(v) })
	}()
}
