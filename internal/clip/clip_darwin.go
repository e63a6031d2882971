package clip

const installHint = "no clipboard is available on this system"

// systemText is text as this system's clipboard holds it: lines end as they do in the app.
func systemText(text string) string { return text }
