//go:build wine

package e2e

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/declinedesk/declinedesk"
)

// Windows resource types.
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// TestWindowsBuildCarriesIconAndVersion reads the .exe's Windows resources: the app's own icon
// (compared with the one FyneApp.toml names), its name and version as FyneApp.toml states
// them, and a manifest; and checks that it is a windowed program, which opens no console,
// and that it names itself as FyneApp.toml does.
func TestWindowsBuildCarriesIconAndVersion(t *testing.T) {
	f, err := pe.Open(*exe)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if oh, ok := f.OptionalHeader.(*pe.OptionalHeader64); !ok || oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("not a 64-bit windowed program: %T %+v", f.OptionalHeader, f.OptionalHeader)
	}
	info := declinedesk.AppInfo()
	named := fmt.Sprintf("%s %s (build %d, windows/amd64)", info.Name, info.Version, info.Build)
	if r := wine.app(t, "", "version"); r.code != 0 || strings.TrimSpace(r.stdout) != named {
		t.Errorf("version: %s, want %q", r, named)
	}
	res, err := resources(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(res[rtManifest]) == 0 {
		t.Error("no manifest")
	}

	// The version resource: its fixed part and its strings.
	if len(res[rtVersion]) != 1 {
		t.Fatalf("%d version resources", len(res[rtVersion]))
	}
	v := res[rtVersion][0].data
	fixed := bytes.Index(v, []byte{0xBD, 0x04, 0xEF, 0xFE})
	if fixed < 0 || len(v) < fixed+24 {
		t.Fatal("the version resource has no fixed file info")
	}
	le := binary.LittleEndian
	got := fmt.Sprintf("%d.%d.%d.%d", le.Uint32(v[fixed+8:])>>16, le.Uint32(v[fixed+8:])&0xFFFF, le.Uint32(v[fixed+12:])>>16, le.Uint32(v[fixed+12:])&0xFFFF)
	if want := info.Version + "." + strconv.Itoa(info.Build); got != want {
		t.Errorf("file version %s, want %s", got, want)
	}
	strs := versionStrings(v)
	for key, want := range map[string]string{"ProductName": info.Name, "FileDescription": info.Name, "ProductVersion": info.Version,
		"FileVersion": info.Version + "." + strconv.Itoa(info.Build), "OriginalFilename": "declinedesk.exe"} {
		if strs[key] != want {
			t.Errorf("version string %s = %q, want %q (all: %q)", key, strs[key], want, strs)
		}
	}

	// The icon: a group of sizes up to 256 pixels; the largest is the app's icon.
	if len(res[rtGroupIcon]) != 1 {
		t.Fatalf("%d icon groups", len(res[rtGroupIcon]))
	}
	g := res[rtGroupIcon][0].data
	if len(g) < 6 {
		t.Fatal("the icon group is cut short")
	}
	icons := map[uint32][]byte{}
	for _, r := range res[rtIcon] {
		icons[r.id] = r.data
	}
	var sizes []int
	var largest image.Image
	for i, n := 0, int(le.Uint16(g[4:])); i < n && 6+14*(i+1) <= len(g); i++ {
		e := g[6+14*i:]
		size := int(e[0])
		if size == 0 {
			size = 256
		}
		sizes = append(sizes, size)
		data, ok := icons[uint32(le.Uint16(e[12:]))]
		if !ok {
			t.Errorf("the %d-pixel icon is missing", size)
			continue
		}
		if size == 256 {
			if largest, _, err = image.Decode(bytes.NewReader(data)); err != nil {
				t.Fatalf("the 256-pixel icon: %v", err)
			}
		}
	}
	if largest == nil {
		t.Fatalf("no 256-pixel icon among %v", sizes)
	}
	src, err := os.Open(filepath.Join("..", info.Icon))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	want, _, err := image.Decode(src)
	if err != nil {
		t.Fatal(err)
	}
	if d := difference(largest, want); d > 0.05 {
		t.Errorf("the icon differs from %s by %.0f%% (sizes %v)", info.Icon, d*100, sizes)
	}
}

type resource struct {
	id   uint32
	data []byte
}

// resources reads the resource tree of a PE file: type, then id, then language.
func resources(f *pe.File) (map[uint32][]resource, error) {
	sec := f.Section(".rsrc")
	if sec == nil {
		return nil, fmt.Errorf("no .rsrc section: the .exe has no Windows resources")
	}
	data, err := sec.Data()
	if err != nil {
		return nil, err
	}
	le := binary.LittleEndian
	entries := func(off uint32) ([][2]uint32, error) {
		if int(off)+16 > len(data) {
			return nil, fmt.Errorf("resource directory at %d is out of the section", off)
		}
		n := int(le.Uint16(data[off+12:])) + int(le.Uint16(data[off+14:]))
		var out [][2]uint32
		for i := 0; i < n; i++ {
			at := int(off) + 16 + 8*i
			if at+8 > len(data) {
				return nil, fmt.Errorf("resource entry at %d is out of the section", at)
			}
			out = append(out, [2]uint32{le.Uint32(data[at:]), le.Uint32(data[at+4:])})
		}
		return out, nil
	}
	const subdir = 1 << 31
	res := map[uint32][]resource{}
	types, err := entries(0)
	if err != nil {
		return nil, err
	}
	for _, typ := range types {
		if typ[1]&subdir == 0 {
			return nil, fmt.Errorf("resource type %d has no directory", typ[0])
		}
		ids, err := entries(typ[1] &^ subdir)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			langs, err := entries(id[1] &^ subdir)
			if err != nil {
				return nil, err
			}
			for _, lang := range langs {
				at := lang[1]
				if int(at)+8 > len(data) {
					return nil, fmt.Errorf("resource data entry at %d is out of the section", at)
				}
				rva, size := le.Uint32(data[at:]), le.Uint32(data[at+4:])
				start := rva - sec.VirtualAddress
				if uint64(start)+uint64(size) > uint64(len(data)) {
					return nil, fmt.Errorf("resource %d/%d is out of the section", typ[0], id[0])
				}
				res[typ[0]] = append(res[typ[0]], resource{id: id[0], data: data[start : start+size]})
			}
		}
	}
	return res, nil
}

// versionStrings reads the strings of a version resource (VS_VERSIONINFO): blocks of a
// length, a value length, a type, a UTF-16 key and a value, each aligned on 4 bytes, nested:
// StringFileInfo holds a table per language, which holds the strings.
func versionStrings(v []byte) map[string]string {
	out := map[string]string{}
	var walk func(b []byte)
	walk = func(b []byte) {
		le := binary.LittleEndian
		for len(b) >= 6 {
			n := int(le.Uint16(b))
			if n < 6 || n > len(b) {
				return
			}
			block := b[:n]
			valueLen, text := int(le.Uint16(block[2:])), le.Uint16(block[4:]) == 1
			key, i := utf16z(block, 6)
			i = align4(i)
			if text {
				value, _ := utf16z(block, i)
				out[key] = value
				i += 2 * valueLen
			} else {
				i += valueLen
			}
			if i = align4(i); i < n {
				walk(block[i:])
			}
			if align4(n) >= len(b) {
				return
			}
			b = b[align4(n):]
		}
	}
	walk(v)
	return out
}

// utf16z reads a zero-ended UTF-16 string at b[at:] and returns it and the offset after it.
func utf16z(b []byte, at int) (string, int) {
	var words []uint16
	for at+1 < len(b) {
		c := binary.LittleEndian.Uint16(b[at:])
		at += 2
		if c == 0 {
			break
		}
		words = append(words, c)
	}
	return string(utf16.Decode(words)), at
}

func align4(n int) int { return (n + 3) &^ 3 }

// difference is how far apart two pictures are, 0 for the same and 1 for opposites: the
// mean difference of their colours, alpha included, with b scaled to a's size.
func difference(a, b image.Image) float64 {
	ab, bb := a.Bounds(), b.Bounds()
	var sum float64
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			r1, g1, b1, a1 := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, a2 := b.At(bb.Min.X+x*bb.Dx()/ab.Dx(), bb.Min.Y+y*bb.Dy()/ab.Dy()).RGBA()
			for _, d := range [][2]uint32{{r1, r2}, {g1, g2}, {b1, b2}, {a1, a2}} {
				sum += abs(float64(d[0]) - float64(d[1]))
			}
		}
	}
	return sum / float64(4*0xFFFF*ab.Dx()*ab.Dy())
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
