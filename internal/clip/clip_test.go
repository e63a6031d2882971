package clip

import "testing"

func TestWithCRLF(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"one line", "one line"},
		{"Dear Jo,\n\nThank you.\n", "Dear Jo,\r\n\r\nThank you.\r\n"},
		{"already\r\nright\r\n", "already\r\nright\r\n"},
		{"mixed\r\nand\nplain", "mixed\r\nand\r\nplain"},
		{"a lone\rreturn", "a lone\rreturn"},
	} {
		if got := withCRLF(c.in); got != c.want {
			t.Errorf("withCRLF(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
