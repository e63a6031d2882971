package tracker

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"unicode"
	"unicode/utf8"
)

// bbolt's meta page: after a 16-byte page header come magic, version, page size, flags,
// the root bucket (root page, sequence), the freelist page, the high-water page id, the
// transaction id and an FNV-64a checksum of everything before it.
const (
	metaMagic       = 0xED0CDAED
	metaMagicOff    = 16
	metaPageSizeOff = 24
	metaPgidOff     = 56
	metaTxidOff     = 64
	metaSumOff      = 72
)

// header is what the first pages of a file say about it.
type header struct {
	bbolt    bool   // the file has bbolt's meta magic or its page layout
	pageSize uint32 // of the newest sound meta page; 0 when none is sound
	pages    uint64 // the file's length in pages, by that meta page
	txid     uint64
}

// pageSizes are the page sizes bbolt files are made with: the OS page size on the
// machines Decline Desk runs on.
var pageSizes = []int{4096, 8192, 16384, 65536}

// readHeader reads the meta pages at the start of a bbolt file. Only the first 512 KiB
// are read, so it is cheap on any file, of any kind.
func readHeader(r io.ReaderAt) header {
	head := make([]byte, 8*64<<10)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	var h header
	readMeta := func(off int) {
		if off+metaSumOff+8 > len(head) {
			return
		}
		m := head[off : off+metaSumOff+8]
		if binary.LittleEndian.Uint32(m[metaMagicOff:]) != metaMagic {
			return
		}
		h.bbolt = true
		sum := fnv.New64a()
		sum.Write(m[metaMagicOff:metaSumOff])
		if sum.Sum64() != binary.LittleEndian.Uint64(m[metaSumOff:]) {
			return
		}
		if txid := binary.LittleEndian.Uint64(m[metaTxidOff:]); h.pageSize == 0 || txid > h.txid {
			h.txid, h.pages = txid, binary.LittleEndian.Uint64(m[metaPgidOff:])
			h.pageSize = binary.LittleEndian.Uint32(m[metaPageSizeOff:])
		}
	}
	readMeta(0)
	if h.pageSize != 0 {
		readMeta(int(h.pageSize))
	} else {
		for _, size := range pageSizes {
			readMeta(size)
		}
	}
	if !h.bbolt {
		h.bbolt = hasPageLayout(head)
	}
	return h
}

// hasPageLayout reports whether the pages after the two meta pages have bbolt's page
// headers — each page's own number, then its kind — as in a database whose meta pages were
// both spoiled. No text, CSV or other program's file has them by chance.
func hasPageLayout(head []byte) bool {
	const (
		branchPage   = 0x01
		leafPage     = 0x02
		freelistPage = 0x10
	)
	for _, size := range pageSizes {
		found := 0
		for id := 2; id < 8; id++ {
			off := id * size
			if off+16 > len(head) {
				break
			}
			flags := binary.LittleEndian.Uint16(head[off+8:])
			if binary.LittleEndian.Uint64(head[off:]) == uint64(id) && (flags == branchPage || flags == leafPage || flags == freelistPage) {
				found++
			}
		}
		if found >= 2 {
			return true
		}
	}
	return false
}

// IsDatabaseFile reports whether the file at path is a bbolt database — a Decline Desk
// tracker, one of its backups or copies, or another program's — judged by its content,
// whatever its name. It reads the first pages only; a file that cannot be read is not one.
func IsDatabaseFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return readHeader(f).bbolt
}

// checkHeader refuses, before bbolt reads it, a file that is no bbolt database at all
// (with what it seems to be instead) and one shorter than its own newest sound meta page
// says it is, which bbolt would read past the end of. A missing or empty file is fine: it
// becomes a new database.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // bbolt's open says what is wrong
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return nil
	}
	h := readHeader(f)
	if !h.bbolt {
		return &NotDatabaseError{Path: path, Looks: looksLike(f)}
	}
	if h.pageSize == 0 {
		return nil // both meta pages spoiled: bbolt's open reports the damage
	}
	if need := h.pages * uint64(h.pageSize); uint64(fi.Size()) < need {
		return fmt.Errorf("%w: the file is %d bytes but its header says %d: it was cut short", ErrDamaged, fi.Size(), need)
	}
	return nil
}

// NotDatabaseError is a file given as the database that is no database at all: a CSV
// file, a text, another program's data. It is left exactly as it was.
type NotDatabaseError struct {
	Path  string
	Looks string // what the file seems to be, when that can be told: "a CSV file"
}

func (e *NotDatabaseError) Error() string {
	msg := fmt.Sprintf("%s is not a Decline Desk database", e.Path)
	if e.Looks != "" {
		msg += ": it looks like " + e.Looks
	}
	if e.Looks == "a CSV file" {
		msg += "; to bring its rows into your tracker, import it instead"
	}
	return msg + ". It was left exactly as it was; name your tracker's file, or a new one"
}

// Is makes a NotDatabaseError an ErrForeign: a file that is not ours.
func (e *NotDatabaseError) Is(target error) bool { return target == ErrForeign }

// looksLike guesses from its first bytes what a file that is no database is.
func looksLike(r io.ReaderAt) string {
	head := make([]byte, 4096)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("SQLite format 3\x00")):
		return "an SQLite database"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "a zip archive or an office document"
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "a PDF document"
	case bytes.Count(head, []byte{0}) == len(head):
		return "a file of zeros"
	}
	text := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if n == len(head) {
		// The read may have cut a character in two.
		for i := 0; i < utf8.UTFMax && len(text) > 0 && !utf8.Valid(text); i++ {
			text = text[:len(text)-1]
		}
	}
	if !utf8.Valid(text) || bytes.ContainsFunc(text, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\r' && r != '\n' }) {
		return ""
	}
	lines := bytes.Split(bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n")), []byte("\n"))
	if len(lines) >= 2 {
		for _, sep := range []string{",", ";", "\t"} {
			if n := bytes.Count(lines[0], []byte(sep)); n > 0 && bytes.Count(lines[1], []byte(sep)) == n {
				return "a CSV file"
			}
		}
	}
	return "a text file"
}
