// Package memlimit tells how much more memory this process may take before the system
// refuses it, so that a long job can stop with a message instead of crashing.
package memlimit

// Headroom is how many more bytes of address space the process may map under its limit
// (ulimit -v), and whether there is such a limit at all.
func Headroom() (bytes int64, limited bool) { return headroom() }
