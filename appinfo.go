// Package declinedesk carries the app's identity from FyneApp.toml into every build, so that
// go run, go build and packaged builds all name, version and store the app the same way.
package declinedesk

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"runtime"

	"github.com/BurntSushi/toml"
)

//go:embed FyneApp.toml
var fyneAppTOML string

// Info is the app's identity as FyneApp.toml states it.
type Info struct {
	Name       string
	ID         string
	Version    string
	Build      int
	Icon       string // path of the icon, relative to the repository root
	Migrations map[string]bool
}

// AppInfo reads the embedded FyneApp.toml. A test keeps the file valid.
func AppInfo() Info {
	var f struct {
		Details struct {
			Icon, Name, ID, Version string
			Build                   int
		}
		Migrations map[string]bool
	}
	if _, err := toml.Decode(fyneAppTOML, &f); err != nil {
		panic(fmt.Sprintf("FyneApp.toml: %v", err))
	}
	d := f.Details
	return Info{Name: d.Name, ID: d.ID, Version: d.Version, Build: d.Build, Icon: filepath.FromSlash(d.Icon), Migrations: f.Migrations}
}

// String is how the app names itself in "version" output and the About box.
func (i Info) String() string {
	return fmt.Sprintf("%s %s (build %d, %s/%s)", i.Name, i.Version, i.Build, runtime.GOOS, runtime.GOARCH)
}
