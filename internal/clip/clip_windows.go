package clip

const installHint = "no clipboard is available on this system"

// systemText is text as the Windows clipboard holds it: lines end with CR LF, or classic
// edit boxes paste the whole letter as one line.
func systemText(text string) string { return withCRLF(text) }
