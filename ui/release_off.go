//go:build !release

package ui

// releaseBuild is set by `fyne package --release`, which builds with the release tag.
const releaseBuild = false
