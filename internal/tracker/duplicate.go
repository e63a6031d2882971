package tracker

import (
	"net/url"
	"strings"
	"unicode"
)

// legalSuffixes are company-name endings that do not tell two employers apart.
var legalSuffixes = map[string]bool{
	"inc": true, "incorporated": true, "llc": true, "llp": true, "lp": true, "ltd": true,
	"limited": true, "gmbh": true, "ag": true, "corp": true, "corporation": true, "co": true,
	"company": true, "plc": true, "sa": true, "sarl": true, "sas": true, "bv": true, "nv": true,
	"pty": true, "pte": true, "pvt": true, "oy": true, "ab": true, "as": true, "aps": true,
	"spa": true, "srl": true, "kg": true, "kk": true,
}

// NormalizeCompany reduces a company name to what identifies the employer: case, spacing,
// punctuation, a leading "The" and legal suffixes such as Inc, LLC, Ltd or GmbH are ignored.
func NormalizeCompany(name string) string {
	words := normalWords(strings.ReplaceAll(name, "&", " and "))
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	for len(words) > 1 && legalSuffixes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// roleAbbreviations are the short forms job titles use, written out (since schema 2).
var roleAbbreviations = map[string]string{
	"sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior", "eng": "engineer", "engr": "engineer",
	"dev": "developer", "mgr": "manager", "mngr": "manager", "mgmt": "management", "dir": "director",
	"assoc": "associate", "asst": "assistant", "admin": "administrator", "vp": "vice president",
	"svp": "senior vice president", "sw": "software", "ops": "operations",
}

// NormalizeRole reduces a job title to its words, ignoring case, spacing, punctuation and
// common abbreviations: "Sr. Go Eng." and "Senior Go Engineer" are the same role.
func NormalizeRole(role string) string {
	words := normalWords(strings.ReplaceAll(role, "&", " and "))
	for i, w := range words {
		if full, ok := roleAbbreviations[w]; ok {
			words[i] = full
		}
	}
	return strings.Join(words, " ")
}

// NormalizeURL reduces a job link to what identifies the posting: scheme, "www.", a trailing
// slash, the fragment and utm_ tracking parameters are ignored.
func NormalizeURL(link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	withScheme := link
	if !strings.Contains(link, "://") {
		withScheme = "https://" + link
	}
	u, err := url.Parse(withScheme)
	if err != nil || u.Host == "" {
		return strings.ToLower(link)
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(strings.ToLower(k), "utm_") {
			q.Del(k)
		}
	}
	out := host + strings.TrimRight(u.EscapedPath(), "/")
	if enc := q.Encode(); enc != "" {
		out += "?" + enc
	}
	return out
}

// normalWords lowercases s and splits it into runs of letters and digits. Apostrophes and
// dots inside words vanish ("O'Neil" → "oneil", "S.A." → "sa").
func normalWords(s string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur.WriteRune(r)
		case r == '\'' || r == '’' || r == '.':
		default:
			flush()
		}
	}
	flush()
	return words
}

// duplicateKeys are the index keys under which o is found as a duplicate.
func duplicateKeys(o *Opportunity) []string {
	var keys []string
	if c, r := NormalizeCompany(o.Company), NormalizeRole(o.Role); c != "" && r != "" {
		keys = append(keys, "cr\x00"+c+"\x00"+r)
	}
	if u := NormalizeURL(o.URL); u != "" {
		keys = append(keys, "url\x00"+u)
	}
	return keys
}
