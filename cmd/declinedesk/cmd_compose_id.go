package main

import (
	"errors"
	"fmt"
	"net/mail"
	"strconv"
	"strings"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/draft"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// idFlag is --id: a tracker record's number.
type idFlag struct {
	n   uint64
	set bool
}

func (f *idFlag) String() string {
	if !f.set {
		return ""
	}
	return strconv.FormatUint(f.n, 10)
}

func (f *idFlag) Set(v string) error {
	n, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSpace(v), "#"), 10, 64)
	if err != nil || n == 0 {
		return fmt.Errorf("%q is not a record number: use the id that list shows, like 12", v)
	}
	f.n, f.set = n, true
	return nil
}

// specForRecord is the letter spec for tracker record id, built as the window builds it
// (package draft): the kind from --kind, else from the record's stage on the command's
// day; the sender from --from when given, else from the profile.
//
// notes are lines for the user: which kind was chosen and why, and text that was left out.
// The record comes back too: the letter for a record that came from a mail is a reply.
func (e *env) specForRecord(id uint64, kind letter.Kind, fromFlag string) (spec letter.Spec, rec *tracker.Opportunity, notes []string, err error) {
	var from *mail.Address
	if fromFlag != "" {
		if from, err = parseFrom(fromFlag); err != nil {
			return spec, nil, nil, err
		}
	}
	s, err := e.openStore()
	if err != nil {
		return spec, nil, nil, err
	}
	defer s.Close()
	o, err := s.Get(id)
	if errors.Is(err, tracker.ErrNotFound) {
		return spec, nil, nil, fmt.Errorf("no opportunity #%d: declinedesk list shows the ids", id)
	}
	if err != nil {
		return spec, nil, nil, err
	}
	sender := tracker.Profile{}
	if from != nil {
		sender = tracker.Profile{FullName: from.Name, Email: from.Address}
	} else {
		if sender, err = s.Profile(); err != nil {
			return spec, nil, nil, err
		}
		if strings.TrimSpace(sender.FullName) == "" {
			return spec, nil, nil, errors.New("no sender for the letter: save your profile in the Decline Desk window, " +
				`or give --from "Full Name <email>"`)
		}
	}
	req := draft.Request{Sender: sender, Kind: kind, Today: day.Of(e.now())}
	l := draft.For(&o, req)
	if l.Sent != nil && kind == "" && l.Suggested != "" {
		// The saved letter went out: the command writes the next one the stage calls for.
		req.Kind = l.Suggested
		l = draft.For(&o, req)
	}
	if kind == "" {
		if l.Suggested == "" {
			return spec, nil, nil, fmt.Errorf("#%d %s, %s (%s): %s\nTo write a letter anyway, choose its kind with --kind: %s",
				id, o.Company, o.Role, o.Status.Label(), l.Why, kindIDs())
		}
		notes = append(notes, fmt.Sprintf("%s letter, from the stage (--kind chooses another): %s", l.Suggested, l.Why))
	}
	if l.DroppedText {
		notes = append(notes, fmt.Sprintf("The saved letter text was written to %s; this letter is written from its settings instead.",
			strings.ToLower(o.Draft.Kind.OrDefault().Label())))
	}
	if o.Mail != nil {
		notes = append(notes, replyNote(o.Mail))
	}
	return l.Spec, &o, notes, nil
}

// replyNote says how the letter answers the mail the record came from.
func replyNote(m *tracker.Mail) string {
	switch {
	case m.MessageID != "":
		return fmt.Sprintf("A reply to %q, in its thread.", m.Subject)
	case m.Subject != "":
		return fmt.Sprintf("A reply to %q; its Message-ID is not known, so it starts a new thread.", m.Subject)
	}
	return "The mail this record came from has no subject or Message-ID: the letter is a new mail."
}

// parseFrom reads --from: "Full Name <email>", as a mail header writes it.
func parseFrom(v string) (*mail.Address, error) {
	a, err := mail.ParseAddress(v)
	if err != nil {
		return nil, usagef(`--from %q is not "Full Name <email>": %v`, v, err)
	}
	if len(strings.Fields(a.Name)) < 2 {
		return nil, usagef(`--from needs your full name, first and last, before the address: "Full Name <%s>"`, a.Address)
	}
	return a, nil
}
