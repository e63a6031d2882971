//go:build !linux

package tracker

// limitAddressSpace has no portable form beyond Linux; the watchdog of limitCheckMemory
// still stops a check whose memory grows without end.
func limitAddressSpace(int64) {}
