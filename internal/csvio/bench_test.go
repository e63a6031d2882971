package csvio

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/sample"
)

// sampleCSV is n sample opportunities in the export format.
func sampleCSV(b *testing.B, n int) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(Columns())
	for i, o := range sample.Opportunities(n, 42) {
		o.ID = uint64(i + 1)
		w.Write(Fields(&o))
	}
	w.Flush()
	return buf.Bytes()
}

func BenchmarkImport100k(b *testing.B) {
	data := sampleCSV(b, 100_000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		s := openStore(b)
		b.StartTimer()
		rep, err := Import(s, BytesFile("test.csv", data), Options{})
		if err != nil || len(rep.Imported) != 100_000 {
			b.Fatalf("%v: %d imported, %d skipped", err, len(rep.Imported), len(rep.Skipped))
		}
	}
}

func BenchmarkExport100k(b *testing.B) {
	s := openStore(b)
	if _, err := Import(s, BytesFile("test.csv", sampleCSV(b, 100_000)), Options{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		if n, err := Export(&buf, s, ExportOptions{}); err != nil || n != 100_000 {
			b.Fatal(n, err)
		}
	}
}

// BenchmarkImport1M imports a million rows from a file on disk and reports the peak memory
// of the process while it does (peak-MiB). Run it alone, so that nothing else raised the
// peak: go test -run '^$' -bench Import1M -benchtime 1x ./internal/csvio/
func BenchmarkImport1M(b *testing.B) {
	path := filepath.Join(b.TempDir(), "1m.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write(Columns())
	for chunk := 0; chunk < 10; chunk++ {
		for i, o := range sample.Opportunities(100_000, uint64(chunk+1)) {
			o.ID = uint64(chunk*100_000 + i + 1)
			w.Write(Fields(&o))
		}
	}
	w.Flush()
	f.Close()
	runtime.GC()
	debug.FreeOSMemory()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		s := openStore(b)
		resetPeak()
		b.StartTimer()
		rep, err := Import(s, PathFile(path), Options{})
		if err != nil || len(rep.Imported)+rep.SkippedCount != 1_000_000 {
			b.Fatalf("%v: %d imported, %d skipped", err, len(rep.Imported), rep.SkippedCount)
		}
		b.ReportMetric(float64(peakRSS())/(1<<20), "peak-MiB")
	}
}

// resetPeak starts the process's peak memory afresh, where the system allows it.
func resetPeak() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the most memory the process has held since resetPeak, from /proc.
func peakRSS() int64 {
	data, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// BenchmarkRead100k reads 100,000 rows through twice, as an import does, without storing
// them: the reading's own cost, apart from the disk's.
func BenchmarkRead100k(b *testing.B) {
	data := sampleCSV(b, 100_000)
	b.ResetTimer()
	for b.Loop() {
		p, err := Read(BytesFile("test.csv", data), ParseOptions{})
		if err != nil || p.Good != 100_000 {
			b.Fatal(err)
		}
		n := 0
		if err := p.EachRow(func(Row) bool { n++; return true }); err != nil || n != 100_000 {
			b.Fatal(err, n)
		}
	}
}
