package csvio

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// Mapping is a person's choice of field for the columns of a sheet import does not know:
// column (in HeaderKey form) → field name, or "skip". Columns it does not name are read
// as import would read them without it.
type Mapping map[string]string

// SkipColumn is what a Mapping says of a column that is not read.
const SkipColumn = readSkip

// MappableFields are the fields a column can be read into, in the field table's order.
func MappableFields() []tracker.Field {
	var out []tracker.Field
	for _, f := range tracker.Fields() {
		if f.Editable() || f.Kind == tracker.KindStamp {
			out = append(out, f)
		}
	}
	return out
}

// fieldNames lists the names a mapping takes, for messages.
func fieldNames() string {
	var names []string
	for _, f := range MappableFields() {
		names = append(names, f.Name)
	}
	return strings.Join(append(names, SkipColumn), ", ")
}

// MappingError is a mapping that names a column or a field that does not exist.
type MappingError struct{ Reason string }

func (e *MappingError) Error() string { return e.Reason }

// fieldFor reads a field as a mapping names it: its name or its label, in any case.
func fieldFor(name string) (string, bool) {
	key := HeaderKey(name)
	if key == SkipColumn {
		return SkipColumn, true
	}
	for _, f := range MappableFields() {
		if key == HeaderKey(f.Name) || key == HeaderKey(f.Label) {
			return f.Name, true
		}
	}
	return "", false
}

// ParseMapping reads a mapping written "Their Column=field, Other=skip": each column as
// the header writes it (in any case), then the field's name or label. The last '=' of
// each pair separates them, so a column's name may hold one.
func ParseMapping(spec string) (Mapping, error) {
	m := Mapping{}
	for _, pair := range strings.Split(spec, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		i := strings.LastIndexByte(pair, '=')
		if i < 0 {
			return nil, &MappingError{fmt.Sprintf("%q is not Column=field (fields: %s)", strings.TrimSpace(pair), fieldNames())}
		}
		col, name := HeaderKey(pair[:i]), strings.TrimSpace(pair[i+1:])
		if col == "" {
			return nil, &MappingError{fmt.Sprintf("%q names no column", strings.TrimSpace(pair))}
		}
		field, ok := fieldFor(name)
		if !ok {
			return nil, &MappingError{fmt.Sprintf("%q is not a field: use one of %s", name, fieldNames())}
		}
		if prev, twice := m[col]; twice && prev != field {
			return nil, &MappingError{fmt.Sprintf("the column %q is given twice", strings.TrimSpace(pair[:i]))}
		}
		m[col] = field
	}
	if len(m) == 0 {
		return nil, &MappingError{"the mapping is empty: write it as \"Their Column=field,…\" (fields: " + fieldNames() + ")"}
	}
	return m, nil
}

// String writes the mapping as ParseMapping reads it, columns in order.
func (m Mapping) String() string {
	keys := slices.Sorted(maps.Keys(m))
	pairs := make([]string, len(keys))
	for i, k := range keys {
		pairs[i] = k + "=" + m[k]
	}
	return strings.Join(pairs, ",")
}

// check refuses a mapping that names a column the header does not have.
func (m Mapping) check(header []string) error {
	keys := map[string]bool{}
	for _, h := range header {
		keys[HeaderKey(h)] = true
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if !keys[k] {
			return &MappingError{fmt.Sprintf("the file has no column %q (its columns: %s)", k, shorten(printable(strings.Join(header, ", "))))}
		}
	}
	return nil
}

// HeaderSignature is what a mapping is remembered by: the header's columns as a set, so
// that the next file with the same columns, in any order, is read the same way.
func HeaderSignature(header []string) string {
	keys := make([]string, 0, len(header))
	for _, h := range header {
		if k := HeaderKey(h); k != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	sum := sha256.Sum256([]byte(strings.Join(keys, "\x1f")))
	return hex.EncodeToString(sum[:12])
}

// PreviewRow is one of the first rows of a file read with a mapping: the opportunity it
// gives, or why it cannot be imported.
type PreviewRow struct {
	Line        int
	Opportunity tracker.Opportunity
	Reason      string // "" when the row can be imported
}

// Preview reads the first rows of the file with the mapping, without reading the file
// again. It fails as the import would on a mapping that leaves no company or role, or
// reads two columns into one field.
func (p *Plan) Preview(m Mapping) ([]PreviewRow, error) {
	if err := m.check(p.Header); err != nil {
		return nil, err
	}
	l, err := newLayout(p.Header, p.format, m)
	if err != nil {
		return nil, err
	}
	if err := l.require(p.Header); err != nil {
		if ce, ok := err.(*ColumnsError); ok {
			return nil, fmt.Errorf("choose the column that holds the %s", strings.ToLower(ce.Missing.Label))
		}
		return nil, err
	}
	rows := rowReader{l: l, order: p.order, own: p.own}
	out := make([]PreviewRow, 0, len(p.firstAt))
	for _, r := range p.firstAt {
		o, reason := rows.opportunity(r.rec)
		if reason == "" {
			o.Normalize()
		}
		out = append(out, PreviewRow{Line: r.line, Opportunity: o, Reason: reason})
	}
	return out, nil
}

// Mapping is how the plan reads each column: the field, or SkipColumn, by column.
func (p *Plan) Mapping() Mapping {
	m := Mapping{}
	for _, h := range p.Header {
		if k := HeaderKey(h); k != "" {
			m[k] = SkipColumn
		}
	}
	if p.layout == nil {
		return m
	}
	for _, c := range p.layout.cols {
		if _, ok := fieldIndex[c.read]; ok {
			m[HeaderKey(p.Header[c.index])] = c.read
		}
	}
	return m
}

// Sample is what the first rows hold in column i, for a person to tell columns apart.
func (p *Plan) Sample(i int) []string {
	var out []string
	for _, r := range p.firstAt {
		if i < len(r.rec) {
			out = append(out, printable(r.rec[i]))
		}
	}
	return out
}
