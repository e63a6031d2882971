package tracker

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's meta page: after a 16-byte page header come magic, version, page size, flags,
// the root bucket (root page, sequence), the freelist page, the high-water page id, the
// transaction id and an FNV-64a checksum of everything before it.
const (
	metaMagic       = 0xED0CDAED
	metaPageSizeOff = 24
	metaPgidOff     = 56
	metaTxidOff     = 64
	metaSumOff      = 72
)

// checkLength refuses a file shorter than its own newest valid meta page says it is: bbolt
// would read past its end. A missing or empty file is fine (it becomes a new database);
// a file with no valid meta page is left for bbolt to refuse.
func checkLength(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return nil
	}
	head := make([]byte, 16<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	var best struct {
		txid, pages uint64
		pageSize    uint32
	}
	readMeta := func(off int) {
		if off+metaSumOff+8 > len(head) {
			return
		}
		m := head[off : off+metaSumOff+8]
		if binary.LittleEndian.Uint32(m[16:]) != metaMagic {
			return
		}
		sum := fnv.New64a()
		sum.Write(m[16:metaSumOff])
		if sum.Sum64() != binary.LittleEndian.Uint64(m[metaSumOff:]) {
			return
		}
		if txid := binary.LittleEndian.Uint64(m[metaTxidOff:]); best.pageSize == 0 || txid > best.txid {
			best.txid, best.pages = txid, binary.LittleEndian.Uint64(m[metaPgidOff:])
			best.pageSize = binary.LittleEndian.Uint32(m[metaPageSizeOff:])
		}
	}
	readMeta(0)
	if best.pageSize != 0 {
		readMeta(int(best.pageSize))
	} else {
		readMeta(os.Getpagesize())
	}
	if best.pageSize == 0 {
		return nil
	}
	if need := best.pages * uint64(best.pageSize); uint64(fi.Size()) < need {
		return fmt.Errorf("%w: the file is %d bytes but its header says %d: it was cut short", ErrDamaged, fi.Size(), need)
	}
	return nil
}
