package declinedesk

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoNetworkCode keeps the promise that nothing leaves the computer: no package of ours
// imports anything that opens a network connection. (Parsing addresses and URLs is fine.)
func TestNoNetworkCode(t *testing.T) {
	forbidden := map[string]bool{"net": true, "net/http": true, "net/rpc": true, "net/smtp": true,
		"crypto/tls": true, "net/http/httputil": true}
	checked := 0
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "bin") && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			return nil
		}
		checked++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if forbidden[p] {
				t.Errorf("%s imports %s", path, p)
			}
		}
		return nil
	})
	if checked < 40 {
		t.Errorf("only %d files checked", checked)
	}
}
