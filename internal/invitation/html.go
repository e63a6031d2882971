package invitation

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlText turns an HTML mail into the lines a person reads: paragraphs, line breaks,
// list items and table rows become lines, scripts, styles and hidden previews are dropped,
// and quoted messages (<blockquote>) get the "> " marks a plain text mail would have.
func htmlText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	z.SetMaxBuf(1 << 20) // one tag or text of more than 1 MiB ends the reading
	var b strings.Builder
	skip := 0  // inside <script>, <style>, <head>, <title> or a hidden element
	quote := 0 // depth of <blockquote>
	line := "" // the line being built
	var stack []atom.Atom
	hiddenAt := -1 // the stack depth at which a hidden element started
	flush := func() {
		l := strings.Join(strings.Fields(line), " ")
		if l != "" || quote > 0 {
			b.WriteString(strings.Repeat("> ", quote))
		}
		b.WriteString(l)
		b.WriteByte('\n')
		line = ""
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if line != "" {
				flush()
			}
			return b.String()
		case html.TextToken:
			if skip == 0 && hiddenAt < 0 {
				line += string(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			hidden := false
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if string(k) == "style" && isHiddenStyle(string(v)) || string(k) == "hidden" {
					hidden = true
				}
			}
			switch a {
			case atom.Script, atom.Style, atom.Head, atom.Title, atom.Template, atom.Noscript:
				if tt == html.StartTagToken {
					skip++
				}
				continue
			case atom.Br:
				flush()
				continue
			case atom.Img, atom.Hr, atom.Meta, atom.Link, atom.Input, atom.Wbr, atom.Col, atom.Area, atom.Base, atom.Source:
				if a == atom.Hr {
					flush()
				}
				continue
			}
			if tt == html.SelfClosingTagToken {
				continue
			}
			if isBlock(a) && strings.TrimSpace(line) != "" {
				flush()
			}
			switch a {
			case atom.Blockquote:
				quote++
			case atom.Li:
				line += "- "
			case atom.Td, atom.Th:
				line += " "
			}
			stack = append(stack, a)
			if hidden && hiddenAt < 0 {
				hiddenAt = len(stack)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Head, atom.Title, atom.Template, atom.Noscript:
				if skip > 0 {
					skip--
				}
				continue
			}
			// Close up to the matching start tag; a stray end tag closes nothing.
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] != a {
					continue
				}
				for j := len(stack) - 1; j >= i; j-- {
					if stack[j] == atom.Blockquote {
						if strings.TrimSpace(line) != "" {
							flush()
						}
						quote--
					}
				}
				if hiddenAt > i {
					hiddenAt = -1
				}
				stack = stack[:i]
				break
			}
			if isBlock(a) && strings.TrimSpace(line) != "" {
				flush()
			}
		}
	}
}

// isBlock reports whether an element starts a line of its own.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Blockquote, atom.Li, atom.Ul, atom.Ol, atom.Tr, atom.Table, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Pre, atom.Section, atom.Article, atom.Header, atom.Footer, atom.Address,
		atom.Dl, atom.Dt, atom.Dd, atom.Center, atom.Body, atom.Form, atom.Fieldset, atom.Figure, atom.Main, atom.Nav:
		return true
	}
	return false
}

// isHiddenStyle reports whether an inline style hides the element, as the preview texts
// of newsletters and tracking systems do.
func isHiddenStyle(style string) bool {
	s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") ||
		strings.Contains(s, "max-height:0") && strings.Contains(s, "overflow:hidden")
}
