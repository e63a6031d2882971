package csvio

import (
	"io"
)

// Parsed is a whole small file read: its good rows, its bad ones, and the columns no
// field uses.
type Parsed struct {
	Rows    []Row
	Errors  []LineError
	Ignored []string
}

// Parse reads a small file through Read and EachRow, as an import would, and keeps every
// good row. A plan that waits for the date order fails as Read does.
func Parse(r io.Reader, opts ParseOptions) (Parsed, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Parsed{}, err
	}
	p, err := Read(BytesFile("test.csv", data), opts)
	if err != nil {
		return Parsed{}, err
	}
	out := Parsed{Errors: p.Errors, Ignored: p.Ignored}
	err = p.EachRow(func(r Row) bool { out.Rows = append(out.Rows, r); return true })
	return out, err
}

func importString(s Importer, text string, opts Options) (Report, error) {
	return Import(s, BytesFile("test.csv", []byte(text)), opts)
}
