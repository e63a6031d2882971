//go:build !windows && !darwin

package clip

const installHint = "no clipboard tool found: install xclip or xsel (X11), or wl-clipboard (Wayland), for example: sudo apt-get install xclip"

// systemText is text as this system's clipboard holds it: lines end as they do in the app.
func systemText(text string) string { return text }
