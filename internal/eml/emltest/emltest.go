// Package emltest reads .eml drafts with Python's email package (eml/testdata/read_eml.py),
// as an independent check of the drafts the app writes, for tests in any package.
package emltest

import (
	"encoding/json"
	"errors"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Message is what Python's email package reads in one draft.
type Message struct {
	Subject, From, To           *string
	XUnsent                     *string  `json:"X-Unsent"`
	InReplyTo                   *string  `json:"In-Reply-To"`
	References                  *string  `json:"References"`
	ReferencesIDs, InReplyToIDs []string // each "<id>"
	ToAddress, ToName           []string
	ContentType, Charset, Body  string
	Defects                     []string
}

// Read reads the drafts at paths with Python's email package; the test is skipped when
// there is no python3 to do it.
func Read(t testing.TB, paths ...string) []Message {
	t.Helper()
	python := ""
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		if p, err := exec.LookPath(name); err == nil && exec.Command(p, "-c", "import email.policy").Run() == nil {
			python = p
			break
		}
	}
	if python == "" {
		t.Skip("no python3: the drafts were not checked by an independent reader")
	}
	_, here, _, _ := runtime.Caller(0)
	script := filepath.Join(filepath.Dir(here), "..", "testdata", "read_eml.py")
	out, err := exec.Command(python, append([]string{script}, paths...)...).Output()
	if err != nil {
		var ee *exec.ExitError
		stderr := ""
		if errors.As(err, &ee) {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("Python's email package could not read the drafts: %v\n%s", err, stderr)
	}
	var got []Message
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(paths) {
		t.Fatalf("what Python read: %v\n%s", err, out)
	}
	return got
}

// Value is a header's value, "" when the draft has none.
func Value(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
