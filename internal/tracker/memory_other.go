//go:build !linux

package tracker

// ReleaseMemory does nothing here: only Linux counts a mapped file's pages as the app's own.
func (s *BoltStore) ReleaseMemory() {}
