package eml

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzDraft: any names, subject and body either make a draft that reads back field for
// field, or are refused with nothing written.
func FuzzDraft(f *testing.F) {
	f.Add("Ana Silva", "Jo Park", "Interview", "Dear Jo,\nThanks.\n")
	f.Add("Zoë 🌱", "山田 太郎", strings.Repeat("é", 100), "a\r\nb")
	f.Add("a\nb", "", "x\ry", "")
	f.Add("", "=?UTF-8?B?x?=", "\t tabs \t", "=3D\x00")
	f.Fuzz(func(t *testing.T, fromName, toName, subject, body string) {
		d := Draft{FromName: fromName, FromEmail: "ana@example.com", ToName: toName, ToEmail: "jo@acme.test",
			Subject: subject, Body: body, Date: when}
		if d.Check() != nil {
			path := filepath.Join(t.TempDir(), "x.eml")
			var buf bytes.Buffer
			if Write(&buf, d) == nil || buf.Len() > 0 || WriteFile(path, d, nil) == nil {
				t.Fatal("a refused draft was written")
			}
			if _, err := os.Stat(path); err == nil {
				t.Fatal("a refused draft left a file")
			}
			return
		}
		roundTrip(t, d)
	})
}
