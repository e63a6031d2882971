package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/declinedesk/declinedesk/internal/frommail"
	"github.com/declinedesk/declinedesk/internal/invitation"
)

// runImportMail adds the opportunity an invitation mail is about, or updates the tracked
// one it matches, and prints what it read, field by field, and the record's number. The
// mail is read before the database is opened: a file that is not a usable mail leaves the
// database as it was, byte for byte.
func runImportMail(e *env, args []string) error {
	pos, err := e.flags("import-mail", args, nil)
	if err != nil {
		return err
	}
	name, err := oneArg(pos, "FILE.eml (or - for standard input)")
	if err != nil {
		return err
	}
	shownName := name
	if name == "-" {
		shownName = "standard input"
	}
	r, err := e.open(name)
	if err != nil {
		return err
	}
	res, err := frommail.Read(r, false, e.now())
	r.Close()
	switch {
	case errors.Is(err, invitation.ErrEmpty), errors.Is(err, invitation.ErrNotMail), errors.Is(err, invitation.ErrNoSender):
		return fmt.Errorf("%s: %w; nothing was saved", shownName, err)
	case err != nil:
		return fmt.Errorf("%s: %w", shownName, err)
	}
	if p, _ := frommail.Propose(res, nil, e.now()); p.Check() != nil {
		printProposal(e.stdout, shownName, p)
		return fmt.Errorf("%s: %v; nothing was saved. Open it with File → New from Email… in the window to fill in what it leaves out",
			shownName, p.Check())
	}
	s, err := e.openStore()
	if err != nil {
		return err
	}
	defer s.Close()
	p, err := frommail.Propose(res, s, e.now())
	if err != nil {
		return err
	}
	printProposal(e.stdout, shownName, p)
	if err := p.Check(); err != nil {
		return fmt.Errorf("%s: nothing was saved: %w", shownName, err)
	}
	o, err := p.Save(s)
	if err != nil {
		return fmt.Errorf("%s: nothing was saved: %w", shownName, err)
	}
	what := "Added"
	switch {
	case p.Known():
		what = "Nothing new: the mail is already kept with"
	case p.Existing != nil:
		what = "Updated"
	}
	fmt.Fprintf(e.stdout, "%s #%d: %s — %s (%s). The letter for it: declinedesk compose --id %d\n",
		what, o.ID, visible(o.Company), visible(o.Role), o.Status.Label(), o.ID)
	return nil
}

// printProposal prints what was read from the mail, field by field, with where each came
// from, the notes, and how the letter will answer.
func printProposal(w io.Writer, name string, p frommail.Proposal) {
	if p.Existing != nil {
		fmt.Fprintf(w, "The mail in %s is about #%d, %s — %s, which you track:\n", name, p.Existing.ID, visible(p.Existing.Company), visible(p.Existing.Role))
	} else {
		fmt.Fprintf(w, "Read from %s:\n", name)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, f := range p.Fields {
		value := f.Shown
		if value == "" {
			value = "—"
		}
		if f.Detail != "" {
			value += ", " + f.Detail
		}
		where := f.Where()
		if f.Changed {
			was := f.WasShown
			if was == "" {
				was = "none"
			}
			where += " (was " + was + ")"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", f.Label, visible(value), visible(where))
	}
	tw.Flush()
	for _, n := range p.Notes {
		fmt.Fprintln(w, "Note: "+visible(n))
	}
	fmt.Fprintln(w, strings.TrimSpace(p.Reply))
}
