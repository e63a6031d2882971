//go:build !linux

package memlimit

func headroom() (int64, bool) { return 0, false }
