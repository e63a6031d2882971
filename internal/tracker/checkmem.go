package tracker

import (
	"runtime/metrics"
	"time"
)

// limitCheckMemory watches the checking child's memory: past checkMemory(size) it calls
// over, which reports and ends the process. A hard cap on the address space backs it up
// where the system has one. The returned func stops the watch.
func limitCheckMemory(size int64, over func(used int64)) (stop func()) {
	limitAddressSpace(size)
	limit := checkMemory(size)
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				metrics.Read(sample)
				if used := int64(sample[0].Value.Uint64()); used > limit {
					over(used)
				}
			}
		}
	}()
	return func() { close(done) }
}
