package declinedesk

import (
	"bytes"
	"os"
	"testing"

	"github.com/declinedesk/declinedesk/resources"
)

func TestAppInfoFromFyneAppTOML(t *testing.T) {
	info := AppInfo()
	if info.Name != "Decline Desk" || info.ID != "com.declinedesk.app" || info.Version == "" || info.Build < 1 {
		t.Errorf("info %+v", info)
	}
	if !info.Migrations["fyneDo"] {
		t.Error("FyneApp.toml must declare [Migrations] fyneDo = true")
	}
}

func TestEmbeddedIconIsTheOneFyneAppTOMLNames(t *testing.T) {
	onDisk, err := os.ReadFile(AppInfo().Icon)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(onDisk, resources.Icon.Content()) {
		t.Error("resources.Icon differs from the icon FyneApp.toml names")
	}
}
