//go:build e2e || wine

package e2e

import "time"

// pollEvery is how often a wait looks again at what it waits for.
const pollEvery = 25 * time.Millisecond

// poll calls ok on every tick until it holds or limit has passed; it says whether ok held.
// Every wait in these tests is one: a deadline, never a fixed delay.
func poll(limit time.Duration, ok func() bool) bool {
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	for !ok() {
		select {
		case <-deadline.C:
			return ok()
		case <-tick.C:
		}
	}
	return true
}
