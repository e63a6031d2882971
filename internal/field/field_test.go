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
