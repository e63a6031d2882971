package eml

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// windowsUnsafe says why Windows would refuse a file name or make it something else, or ""
// when it takes the name as it is.
func windowsUnsafe(name string) string {
	switch {
	case name == "" || len(name) > maxNameBytes:
		return "empty or too long"
	case !utf8.ValidString(name):
		return "not UTF-8"
	case strings.ContainsAny(name, `/\:*?"<>|`):
		return "a character Windows refuses"
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return "a control character"
	case strings.HasSuffix(name, ".") || strings.HasSuffix(name, " "):
		return "a trailing dot or space, which Windows drops"
	case strings.HasPrefix(name, "."):
		return "hidden on macOS and Linux"
	}
	// A device name stays a device with any extension and trailing spaces: "nul .eml".
	base, _, _ := strings.Cut(name, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return "a device name"
	}
	if rest, ok := strings.CutPrefix(base, "COM"); ok && len([]rune(rest)) == 1 && strings.Contains("0123456789¹²³", rest) {
		return "a device name"
	}
	if rest, ok := strings.CutPrefix(base, "LPT"); ok && len([]rune(rest)) == 1 && strings.Contains("0123456789¹²³", rest) {
		return "a device name"
	}
	if stem := strings.TrimSuffix(name, ".eml"); stem != name && (strings.HasSuffix(stem, ".") || strings.HasSuffix(stem, " ")) {
		return "a dot or space before the extension"
	}
	return ""
}

func TestWindowsUnsafeKnowsTheDevices(t *testing.T) {
	for _, name := range []string{"CON", "con.eml", "Nul .eml", "aux.tar.gz", "COM1.eml", "com9", "LPT¹.eml", "conin$.eml",
		"x.", "x ", "a:b.eml", "a\tb.eml", "x .eml", "x..eml"} {
		if windowsUnsafe(name) == "" {
			t.Errorf("%q passes as safe", name)
		}
	}
	for _, name := range []string{"Decline.eml", "CONSOLE.eml", "COM10.eml", "Decline - CON - NUL.eml", "nullable.eml"} {
		if why := windowsUnsafe(name); why != "" {
			t.Errorf("%q refused: %s", name, why)
		}
	}
}

// FuzzFileName: whatever the company and role are called, the draft's default name is one
// Windows, macOS and Linux all take as it is, and ends in .eml.
func FuzzFileName(f *testing.F) {
	for _, s := range [][2]string{
		{"CON", "NUL"}, {"aux", ""}, {"", "COM1"}, {"LPT9.", " "}, {"CONIN$", "conout$"}, {"COM²", "lpt³ "},
		{"nul.", "...."}, {"Acme Inc", "Go Engineer"}, {"Acme. ", ". Lead ."}, {strings.Repeat("a ", 80), "."},
		{strings.Repeat("é", 60) + ".", "x"}, {"\u202eevil", "\x00\x1f"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, company, role string) {
		name := FileName(company, role)
		if why := windowsUnsafe(name); why != "" || !strings.HasSuffix(name, ".eml") {
			t.Errorf("FileName(%q, %q) = %q: %s", company, role, name, why)
		}
	})
}
