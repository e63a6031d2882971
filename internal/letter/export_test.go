package letter

// For the tests of package letter_test, which read every letter through lettertest.

// BlockNames lists the templates.txt blocks the letter of s is made of.
func BlockNames(s Spec, o RenderOptions) []string { return s.blockNames(o) }

// Blocks are the blocks of templates.txt by name.
func Blocks() map[string]string { return blocks }
