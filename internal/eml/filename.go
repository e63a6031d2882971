package eml

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameBytes bounds a file name well under every file system's limit (255 bytes), with
// room for the folder's own name on Windows' 260-character paths.
const maxNameBytes = 100

// FileName is the default name of the draft of a letter to company about role, such as
// "Decline - Acme Inc - Go Engineer.eml": safe on Windows, macOS and Linux — no path
// separators or characters those systems refuse, no leading dot, at most 100 bytes. The
// "Decline" prefix also keeps it clear of Windows device names (CON, NUL, COM1…).
func FileName(company, role string) string {
	parts := []string{"Decline"}
	for _, p := range []string{safePart(company), safePart(role)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	name := strings.Join(parts, " - ")
	const ext = ".eml"
	if len(name) > maxNameBytes-len(ext) {
		name = name[:maxNameBytes-len(ext)]
		for !utf8.ValidString(name) {
			name = name[:len(name)-1]
		}
		name = strings.TrimRight(name, " .-")
	}
	return name + ext
}

// safePart keeps letters, digits, spaces and harmless punctuation, turns anything else into
// a space, and trims dots and spaces that Windows drops from the ends of names.
func safePart(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), strings.ContainsRune(`/\:*?"<>|`, r):
			return ' '
		case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsSpace(r), strings.ContainsRune("&'()+,-.@_!#$%=[]{}~", r):
			return r
		}
		return ' '
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.Trim(s, " .")
}
