// Package resources holds what the app bundles: its icon (icon.png, drawn as icon.svg
// and rendered at 512×512).
package resources

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is the app icon, the same file FyneApp.toml names.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
