package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/declinedesk/declinedesk/internal/draft"
	"github.com/declinedesk/declinedesk/internal/eml"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/proofread"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// maxLetterBytes bounds what compose and check read: a letter is a page, not a book.
const maxLetterBytes = 1 << 20

// readInput reads a named file, or standard input for "-", up to maxLetterBytes.
func (e *env) readInput(name string) ([]byte, error) {
	r, err := e.open(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, maxLetterBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", name, err)
	}
	if len(data) > maxLetterBytes {
		return nil, fmt.Errorf("%s is over %d bytes: that is not a letter", name, maxLetterBytes)
	}
	return data, nil
}

// readSpec decodes a letter spec, refusing unknown fields so that typos do not pass silently.
// A byte-order mark, which some editors put first, is skipped.
func readSpec(data []byte, name string) (letter.Spec, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var s letter.Spec
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line := bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n")) + 1
			return s, fmt.Errorf("%s: line %d: not valid JSON: %v", name, line, err)
		case errors.As(err, &te) && te.Field == "":
			return s, fmt.Errorf("%s: the file must hold one JSON object of letter fields, like {\"company\": \"Acme\", \"role\": \"Engineer\"}, not %s", name, jsonKind(te.Value))
		case errors.As(err, &te):
			return s, fmt.Errorf("%s: field %s must be %s, not %s", name, te.Field, jsonKind(te.Type.Kind().String()), jsonKind(te.Value))
		case errors.Is(err, io.EOF):
			return s, fmt.Errorf("%s: the file is empty; it should hold a JSON letter spec", name)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return s, fmt.Errorf("%s: not valid JSON: it ends too early", name)
		}
		return s, fmt.Errorf("%s: %v", name, err)
	}
	if dec.More() {
		return s, fmt.Errorf("%s: more than one JSON value", name)
	}
	return s, nil
}

// jsonKind names a JSON value's kind, or a Go kind, in the words of a JSON file.
func jsonKind(k string) string {
	switch {
	case k == "string":
		return "text in quotes"
	case k == "object" || k == "struct" || k == "map":
		return "an object"
	case k == "array" || k == "slice":
		return "a list"
	case k == "bool":
		return "true or false"
	case strings.HasPrefix(k, "number") || strings.HasPrefix(k, "int") || strings.HasPrefix(k, "uint") || strings.HasPrefix(k, "float"):
		return "a number"
	}
	return k
}

func runCompose(e *env, args []string) error {
	var from string
	var emlOut outputFlag
	var copyBody bool
	var id idFlag
	var kind kindFlag
	pos, err := e.flags("compose", args, func(fs *flag.FlagSet) {
		fs.Var(&emlOut, "eml", "also write the letter as an email draft to this file (- for standard output, instead of the letter)")
		fs.BoolVar(&copyBody, "copy", false, "also copy the letter's body to the clipboard")
		fs.Var(&id, "id", "write the letter for this tracker record")
		fs.Var(&kind, "kind", "with --id, the letter to write: "+kindIDs())
		fs.StringVar(&from, "from", "", `with --id, the sender as "Full Name <email>", instead of the profile`)
	})
	if err != nil {
		return err
	}
	var spec letter.Spec
	var rec *tracker.Opportunity // with --id: the letter for it may answer a mail
	var notes []string
	switch {
	case id.set && len(pos) > 0:
		return usagef("give a SPEC.json or --id N, not both")
	case id.set:
		if spec, rec, notes, err = e.specForRecord(id.n, letter.Kind(kind), from); err != nil {
			return err
		}
	case kind != "" || from != "":
		return usagef("--kind and --from go with --id N; a spec file gives its own kind and sender_name")
	default:
		name, err := oneArg(pos, "SPEC.json (or --id N)")
		if err != nil {
			return err
		}
		data, err := e.readInput(name)
		if err != nil {
			return err
		}
		if spec, err = readSpec(data, name); err != nil {
			return err
		}
		if err := spec.Validate(); err != nil {
			return fmt.Errorf("%s: the spec has problems:\n  %s", name, strings.ReplaceAll(err.Error(), "\n", "\n  "))
		}
	}
	l, err := letter.RenderWith(spec, draft.RenderOptions(rec, e.now()))
	if err != nil {
		return fmt.Errorf("the letter has problems:\n  %s", strings.ReplaceAll(err.Error(), "\n", "\n  "))
	}
	emlPath := emlOut.name
	if emlOut.set {
		d := draft.Email(rec, spec, l, e.now())
		if emlPath == "-" {
			// The draft is the output: the letter's text would spoil it.
			if err := eml.Write(e.stdout, d); err != nil {
				return fmt.Errorf("no draft written: %w", err)
			}
		} else if err := eml.WriteFile(emlPath, d, e.outputGuard()); err != nil {
			return fmt.Errorf("no draft written to %s: %w", emlPath, err)
		}
	}
	if copyBody {
		if err := e.clipboard().WriteText(l.Body); err != nil {
			return fmt.Errorf("not copied: %w", err)
		}
	}
	if emlPath != "-" {
		if _, err := io.WriteString(e.stdout, l.Text()); err != nil {
			return err
		}
	}
	for _, n := range notes {
		fmt.Fprintln(e.stderr, n)
	}
	if emlOut.set && emlPath != "-" {
		fmt.Fprintf(e.stderr, "draft written to %s\n", emlPath)
	}
	if copyBody {
		fmt.Fprintln(e.stderr, "letter copied to the clipboard")
	}
	return nil
}

func runCheck(e *env, args []string) error {
	var asJSON bool
	var fullName string
	var kind kindFlag
	pos, err := e.flags("check", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&asJSON, "json", false, "print the findings as a JSON array")
		fs.StringVar(&fullName, "name", "", "your full name, expected after the sign-off")
		fs.Var(&kind, "kind", "what the letter does: "+kindIDs())
	})
	if err != nil {
		return err
	}
	name, err := oneArg(pos, "FILE (or - for standard input)")
	if err != nil {
		return err
	}
	data, err := e.readInput(name)
	if err != nil {
		return err
	}
	if err := checkText(data); err != nil {
		if name == "-" {
			name = "standard input"
		}
		return fmt.Errorf("%s is not a text file: %w", name, err)
	}
	findings := proofread.Text(string(data), proofread.Options{Kind: letter.Kind(kind), Name: strings.TrimSpace(fullName)})
	var out bytes.Buffer
	if asJSON {
		if findings == nil {
			findings = []proofread.Finding{}
		}
		for i := range findings {
			if findings[i].Suggestions == nil {
				findings[i].Suggestions = []string{} // always a list, as fix is always text
			}
		}
		enc := json.NewEncoder(&out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(findings); err != nil {
			return err
		}
	} else if len(findings) == 0 {
		fmt.Fprintln(&out, "No findings: the letter reads well.")
	} else {
		for _, f := range findings {
			fmt.Fprintf(&out, "%d:%d: %s [%s] %s\n", f.Line, f.Col, f.Severity, f.Rule, visible(f.Message))
			if f.Text != "" {
				fmt.Fprintf(&out, "    %q\n", shortText(f.Text))
			}
			if f.Fix != "" {
				fmt.Fprintf(&out, "    fix: %q\n", shortText(f.Fix))
			}
			if len(f.Suggestions) > 0 {
				quoted := make([]string, len(f.Suggestions))
				for i, sug := range f.Suggestions {
					quoted[i] = strconv.Quote(shortText(sug))
				}
				fmt.Fprintf(&out, "    suggestions: %s\n", strings.Join(quoted, ", "))
			}
		}
	}
	if _, err := e.stdout.Write(out.Bytes()); err != nil {
		return fmt.Errorf("cannot write the findings: %w", err)
	}
	if proofread.HasErrors(findings) {
		return checkFailed{}
	}
	return nil
}

// kindFlag is --kind: one of the letter kinds, checked as it is parsed.
type kindFlag letter.Kind

func (k *kindFlag) String() string { return string(*k) }

func (k *kindFlag) Set(s string) error {
	v, err := letter.ParseKind(s)
	if err != nil {
		return err
	}
	*k = kindFlag(v)
	return nil
}

func kindIDs() string {
	ids := make([]string, len(letter.Kinds))
	for i, k := range letter.Kinds {
		ids[i] = string(k.ID)
	}
	return strings.Join(ids, ", ")
}

// checkText refuses what is not a letter typed as text: bytes that are not UTF-8, a NUL
// (a binary file, or text saved as UTF-16), or mostly control characters.
func checkText(data []byte) error {
	if !utf8.Valid(data) {
		return errors.New("it is not UTF-8 text; save the letter as plain UTF-8 text and try again")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return errors.New("it holds NUL bytes; save the letter as plain UTF-8 text and try again")
	}
	controls, runes := 0, 0
	for _, r := range string(data) {
		runes++
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			controls++
		}
	}
	if controls*4 > runes {
		return errors.New("it is mostly control characters")
	}
	return nil
}

// visible writes the characters of s that a terminal would act on — escape sequences,
// carriage returns, direction overrides — as Go escapes (\x1b, \r, \u202e), so that the
// findings show what a letter holds and never what it would do to the terminal.
func visible(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || strconv.IsPrint(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRuneToASCII(r)
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

func shortText(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}
