package field

import "testing"

func TestCheckHeaderText(t *testing.T) {
	for _, ok := range []string{"", "Jo Park", "Müller & Söhne — Ingénieur·e", "a@b.test"} {
		if err := CheckHeaderText(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"a\rb", "a\nBcc: x@y", "nul\x00", "bell\a", "esc\x1b[31m", "del\x7f", "vt\v", "ff\f", "tab\t", "c1\u0085", "bad\xff"} {
		if err := CheckHeaderText(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestCheckDay(t *testing.T) {
	for _, ok := range []string{"1900-01-01", "2026-11-25", "2999-12-31"} {
		if err := CheckDay(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "0000-12-31", "1899-12-31", "3000-01-01", "2026-02-30", "12/01/2026"} {
		if err := CheckDay(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
