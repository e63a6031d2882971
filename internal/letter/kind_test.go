package letter

import (
	"strings"
	"testing"
)

func TestParseKind(t *testing.T) {
	for in, want := range map[string]Kind{"decline-interview": DeclineInterview, "withdraw": Withdraw,
		" Decline-Offer ": DeclineOffer, "keep-in-touch": KeepInTouch} {
		if got, err := ParseKind(in); err != nil || got != want {
			t.Errorf("ParseKind(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "decline", "offer", "keep in touch"} {
		_, err := ParseKind(in)
		if err == nil {
			t.Errorf("ParseKind(%q) accepted", in)
			continue
		}
		for _, k := range Kinds {
			if !strings.Contains(err.Error(), string(k.ID)) {
				t.Errorf("ParseKind(%q): %q does not list %s", in, err, k.ID)
			}
		}
	}
	if len(Kinds) != 4 {
		t.Errorf("%d kinds", len(Kinds))
	}
	for _, k := range Kinds {
		if k.Label == "" || strings.ContainsAny(k.Label, "-_") {
			t.Errorf("%s: label %q is not in the user's words", k.ID, k.Label)
		}
	}
}
