//go:build release

package ui

const releaseBuild = true
