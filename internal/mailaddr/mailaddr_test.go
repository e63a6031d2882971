package mailaddr

import "testing"

func TestCheck(t *testing.T) {
	for _, ok := range []string{"", "jo@acme.test", "jo.park+jobs@mail.example.co.uk", "o'neil@example.ie"} {
		if err := Check(ok); err != nil {
			t.Errorf("Check(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"jo", "jo@", "@acme.test", "jo at acme.test", "Jo <jo@acme.test>", "jo@localhost", " jo@acme.test", "jo@acme.test\r\nBcc: x@y.z"} {
		if err := Check(bad); err == nil {
			t.Errorf("Check(%q) accepted", bad)
		}
	}
}
