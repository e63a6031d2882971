package main

import (
	"errors"
	"fmt"
	"net/mail"
	"strconv"
	"strings"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/day"
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

// specForRecord is the letter spec for tracker record id, as the window would write it:
//   - company, role and interview date from the record, which is where they are kept up
//     to date;
//   - the saved draft's settings (reason, alternative, tone, recipient, its text), or for
//     a record without a draft the window's defaults, with the reason the checklist's
//     concerns point to; a recipient field the draft leaves blank comes from the contact;
//   - the kind from --kind, else from the record's stage on the command's day; a draft's
//     own subject or body, written for another kind, is left out (letter.Spec.WithKind);
//   - the sender from --from when given, else from the profile.
//
// notes are lines for the user: which kind was chosen and why, and text that was left out.
func (e *env) specForRecord(id uint64, kind letter.Kind, from string) (spec letter.Spec, notes []string, err error) {
	var sender *mail.Address
	if from != "" {
		if sender, err = parseFrom(from); err != nil {
			return spec, nil, err
		}
	}
	s, err := e.openStore()
	if err != nil {
		return spec, nil, err
	}
	defer s.Close()
	o, err := s.Get(id)
	if errors.Is(err, tracker.ErrNotFound) {
		return spec, nil, fmt.Errorf("no opportunity #%d: declinedesk list shows the ids", id)
	}
	if err != nil {
		return spec, nil, err
	}
	if kind == "" {
		suggested, why := tracker.SuggestedKind(&o, day.Of(e.now()))
		if suggested == "" {
			return spec, nil, fmt.Errorf("#%d %s, %s (%s): %s\nTo write a letter anyway, choose its kind with --kind: %s",
				id, o.Company, o.Role, o.Status.Label(), why, kindIDs())
		}
		kind = suggested
		notes = append(notes, fmt.Sprintf("%s letter, from the stage (--kind chooses another): %s", kind, why))
	}
	if o.Draft != nil {
		spec = *o.Draft
	} else {
		reason := letter.NotAFit
		if r := checklist.Summarize(o.Checklist).Reason; r != "" {
			reason = letter.Reason(r)
		}
		spec = letter.Spec{Reason: reason, Alternative: letter.StayInTouch, Tone: letter.Formal}
	}
	if (spec.Body != "" || spec.Subject != "") && spec.Kind.OrDefault() != kind {
		notes = append(notes, fmt.Sprintf("The saved letter text was written to %s; this letter is written from its settings instead.",
			strings.ToLower(spec.Kind.OrDefault().Label())))
	}
	spec = spec.WithKind(kind)
	spec.Company, spec.Role, spec.InterviewDate = o.Company, o.Role, string(o.InterviewOn)
	if strings.TrimSpace(spec.RecipientName) == "" {
		spec.RecipientName = o.ContactName
	}
	if strings.TrimSpace(spec.RecipientEmail) == "" {
		spec.RecipientEmail = o.ContactEmail
	}
	if sender != nil {
		spec.SenderName, spec.SenderEmail, spec.Signature = sender.Name, sender.Address, ""
		return spec, notes, nil
	}
	p, err := s.Profile()
	if err != nil {
		return spec, nil, err
	}
	if strings.TrimSpace(p.FullName) == "" {
		return spec, nil, errors.New("no sender for the letter: save your profile in the Decline Desk window, " +
			`or give --from "Full Name <email>"`)
	}
	spec.SenderName, spec.SenderEmail, spec.Signature = p.FullName, p.Email, p.Signature
	return spec, notes, nil
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
