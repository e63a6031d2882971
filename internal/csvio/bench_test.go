package csvio

import (
	"bytes"
	"encoding/csv"
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
