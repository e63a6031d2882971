package csvio

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
)

// File is a CSV file to import. It is read more than once — through to check every row,
// then again to import — so that no file, however large, is ever held in memory.
type File interface {
	Name() string                 // as messages name it
	Open() (io.ReadCloser, error) // from its first byte, each time
}

type pathFile string

// PathFile is the file at path.
func PathFile(path string) File { return pathFile(path) }

func (p pathFile) Name() string { return string(p) }

func (p pathFile) Open() (io.ReadCloser, error) {
	f, err := os.Open(string(p))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", string(p), err)
	}
	return f, nil
}

type bytesFile struct {
	name string
	data []byte
}

// BytesFile is a file already in memory, such as text pasted into the window.
func BytesFile(name string, data []byte) File { return bytesFile{name, data} }

func (b bytesFile) Name() string { return b.name }

func (b bytesFile) Open() (io.ReadCloser, error) {
	return io.NopCloser(bytes.NewReader(b.data)), nil
}

// SpillFile copies what r gives — standard input, say — into a temporary file that can be
// read twice, up to maxBytes (0: DefaultMaxBytes). The caller removes the copy with the
// returned func.
func SpillFile(name string, r io.Reader, maxBytes int64) (File, func(), error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	tmp, err := os.CreateTemp("", "declinedesk-import-*.csv")
	if err != nil {
		return nil, func() {}, fmt.Errorf("cannot keep a copy of %s to read: %w", name, err)
	}
	remove := func() { os.Remove(tmp.Name()) }
	n, err := io.Copy(tmp, io.LimitReader(r, maxBytes+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		remove()
		return nil, func() {}, fmt.Errorf("cannot read %s: %w", name, err)
	case n > maxBytes:
		remove()
		return nil, func() {}, tooLarge(maxBytes)
	}
	return namedFile{PathFile(tmp.Name()), name}, remove, nil
}

type namedFile struct {
	File
	name string
}

func (n namedFile) Name() string { return n.name }

// DefaultMaxBytes is far more than a million opportunities take, and far less than the
// disk of any computer that runs the app.
const DefaultMaxBytes = 4 << 30

func tooLarge(limit int64) error {
	return fmt.Errorf("%w: the file is over %d MiB, far more than a tracker holds; check that it is the right file", ErrNotCSV, limit>>20)
}

// ErrNotCSV means the file could not be read as a table with Company and Role columns.
var ErrNotCSV = errors.New("not a CSV file of opportunities")

// table reads a CSV file one record at a time. It takes UTF-8 with or without a
// byte-order mark, comma, semicolon or tab separators, Windows, Unix and old Mac line
// ends, and quoted fields with separators and line breaks.
type table struct {
	in        io.ReadCloser
	cr        *csv.Reader
	count     *countingReader
	limit     int64
	firstLine []byte // the header line as written, quotes and all
}

// openTable opens f for reading, at most limit bytes of it.
func openTable(f File, limit int64) (*table, error) {
	in, err := f.Open()
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(64 << 10) // less at the end of the file: what there is
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if len(head) == 0 {
		in.Close()
		return nil, fmt.Errorf("%w: the file is empty", ErrNotCSV)
	}
	first, _, _ := bytes.Cut(head, []byte("\n"))
	if bytes.IndexByte(first, 0) >= 0 {
		in.Close()
		return nil, fmt.Errorf("%w: this is not a text file; save the spreadsheet as CSV (UTF-8) and import it", ErrNotCSV)
	}
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	var r io.Reader = br
	count := &countingReader{r: r}
	r = count
	if bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0 {
		// Old Mac files end lines with CR alone, which the CSV reader does not take as
		// a line end.
		r = crToLF{r}
		first, _, _ = bytes.Cut(head, []byte("\r"))
	}
	cr := csv.NewReader(r)
	cr.Comma = sniffSeparator(first)
	cr.FieldsPerRecord = -1 // spreadsheets drop trailing empty cells
	cr.ReuseRecord = true
	return &table{in: in, cr: cr, count: count, limit: limit, firstLine: bytes.TrimSuffix(first, []byte("\r"))}, nil
}

// next reads the next record and the line it starts on; io.EOF at the end. A record that
// is not valid CSV comes back as a *csv.ParseError, and reading goes on after it.
func (t *table) next() ([]string, int, error) {
	rec, err := t.cr.Read()
	if t.count.n > t.limit {
		return nil, 0, tooLarge(t.limit)
	}
	if err != nil {
		return nil, 0, err
	}
	line, _ := t.cr.FieldPos(0)
	return rec, line, nil
}

func (t *table) Close() error { return t.in.Close() }

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// crToLF turns every CR into LF, for files whose lines end with CR alone.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := range p[:n] {
		if p[i] == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// sniffSeparator picks the separator the header line uses most: comma, semicolon or tab.
func sniffSeparator(header []byte) rune {
	best, n := ',', bytes.Count(header, []byte(","))
	for _, sep := range []rune{';', '\t'} {
		if c := bytes.Count(header, []byte(string(sep))); c > n {
			best, n = sep, c
		}
	}
	return best
}
