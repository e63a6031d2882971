package csvio

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/declinedesk/declinedesk/internal/tracker"
)

// HeaderKey is a column name as it is matched: lowercase, with _ - . : / and runs of
// spaces turned into one space.
func HeaderKey(h string) string {
	h = strings.Map(func(r rune) rune {
		switch r {
		case '_', '-', '.', ':', '/':
			return ' '
		}
		return r
	}, strings.ToLower(h))
	return strings.Join(strings.Fields(h), " ")
}

// headerFields maps every name a column of a field goes by — its own name, its label and
// its aliases from the field table, in HeaderKey form — to the field.
var headerFields = func() map[string]tracker.Field {
	m := map[string]tracker.Field{}
	for _, f := range tracker.Fields() {
		for _, name := range append([]string{f.Name, f.Label}, f.Aliases...) {
			if _, taken := m[HeaderKey(name)]; !taken {
				m[HeaderKey(name)] = f
			}
		}
	}
	return m
}()

// columns says which column of the file each field is read from.
type columns struct {
	at      map[string]int // field name → column index
	ignored []string       // the columns no field reads
}

func mapHeader(header []string) columns {
	c := columns{at: map[string]int{}}
	for i, h := range header {
		f, ok := headerFields[HeaderKey(h)]
		if _, taken := c.at[f.Name]; !ok || taken {
			if strings.TrimSpace(h) != "" {
				c.ignored = append(c.ignored, printable(h))
			}
			continue
		}
		c.at[f.Name] = i
	}
	return c
}

// has reports whether the file has a column for the field.
func (c columns) has(name string) bool {
	_, ok := c.at[name]
	return ok
}

// requireColumns refuses a header without the columns every opportunity needs.
func (c columns) require(header []string) error {
	for _, f := range tracker.Fields() {
		if f.Required && !c.has(f.Name) {
			return fmt.Errorf("%w: no %s column (also accepted: %s) (found: %s)", ErrNotCSV, f.Label,
				strings.Join(titled(f.Aliases[:min(3, len(f.Aliases))]), ", "), shorten(printable(strings.Join(header, ", "))))
		}
	}
	return nil
}

// titled writes header keys as people write column names: "Job Title".
func titled(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		words := strings.Fields(k)
		for j, w := range words {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			words[j] = string(r)
		}
		out[i] = strings.Join(words, " ")
	}
	return out
}

// printable drops the control characters and invalid bytes a message must not show.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
