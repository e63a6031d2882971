package tracker

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/declinedesk/declinedesk/internal/eml"
)

// Mail is the mail an opportunity came from, or the latest one that updated it: what an
// answer needs to land in its thread, who wrote it and when, and its text to read again.
// It is kept beside the record, one per record, and goes with it.
type Mail struct {
	// MessageID and References are the mail's, without angle brackets, oldest reference
	// first. MessageID is "" when the mail is known only from a copy (forwarded or pasted
	// as text): an answer then starts a new thread with the same subject.
	MessageID  string   `json:"message_id,omitempty"`
	References []string `json:"references,omitempty"`
	Subject    string   `json:"subject,omitempty"`
	// From is who wrote it, as "Name <address>" or a bare address; "" when not known.
	From string    `json:"from,omitempty"`
	Sent time.Time `json:"sent,omitzero"`
	// Text is the mail as a person reads it, at most MaxMailText bytes; Cut says that the
	// mail was longer.
	Text string `json:"text,omitempty"`
	Cut  bool   `json:"cut,omitempty"`
}

// MaxMailText is how much of a mail's text is kept with the record: an invitation is a few
// KiB, and a long thread quoted under it is not worth keeping whole.
const MaxMailText = 256 << 10

// maxReferences bounds the References kept: a reply carries the first and the latest.
const maxReferences = 40

// tidy is m as it is kept: its one-line fields on one line, its text valid UTF-8 with "\n"
// line breaks and cut to MaxMailText at the end of a line, its time to the second.
func (m Mail) tidy() Mail {
	m.MessageID = strings.TrimSpace(m.MessageID)
	m.Subject, m.From = oneLine(m.Subject), oneLine(m.From)
	refs := make([]string, 0, len(m.References))
	for _, r := range m.References {
		if r = strings.TrimSpace(r); r != "" {
			refs = append(refs, r)
		}
	}
	m.References = refs
	if len(m.References) == 0 {
		m.References = nil
	}
	if !m.Sent.IsZero() {
		m.Sent = m.Sent.Truncate(time.Second)
	}
	text := strings.TrimSpace(lineBreaks.Replace(strings.ToValidUTF8(m.Text, "\uFFFD")))
	if len(text) > MaxMailText {
		cut := MaxMailText
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		if nl := strings.LastIndexByte(text[:cut], '\n'); nl > MaxMailText/2 {
			cut = nl
		}
		text, m.Cut = strings.TrimRight(text[:cut], " \t\n"), true
	}
	m.Text = text
	return m
}

// Check reports what would make the mail unusable as the one to answer: message
// identifiers an answer could not carry.
func (m Mail) Check() error {
	var errs []error
	if m.MessageID != "" && !eml.ValidMsgID(m.MessageID) {
		errs = append(errs, fmt.Errorf("the mail's Message-ID %q is not one an answer can carry", clipText(m.MessageID)))
	}
	if m.MessageID == "" && len(m.References) > 0 {
		errs = append(errs, errors.New("the mail has References but no Message-ID"))
	}
	if len(m.References) > maxReferences {
		errs = append(errs, fmt.Errorf("the mail has %d References; an answer carries at most %d", len(m.References), maxReferences))
	}
	for _, r := range m.References {
		if !eml.ValidMsgID(r) {
			errs = append(errs, fmt.Errorf("the mail's References hold %q, which is not a message identifier", clipText(r)))
			break
		}
	}
	return errors.Join(errs...)
}

func clipText(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

type storedMail struct {
	V int `json:"v"`
	Mail
}

func decodeMail(v []byte, id uint64) (Mail, error) {
	var sm storedMail
	err := decodeStored(v, "the mail of "+recordName(id), &sm, func() int { return sm.V })
	return sm.Mail, err
}

// putMail keeps m beside record id, in place of the mail kept before.
func putMail(tx *bolt.Tx, id uint64, m Mail) error {
	v, err := json.Marshal(storedMail{V: SchemaVersion, Mail: m})
	if err != nil {
		return err
	}
	return tx.Bucket(bucketMails).Put(itob(id), v)
}

// AddFromMail stores a new opportunity read from a mail, with the mail, in one
// transaction; its history starts with the mail. Duplicates are refused as in Add.
func (s *BoltStore) AddFromMail(o Opportunity, m Mail, allowDuplicate bool) (Opportunity, error) {
	m = m.tidy()
	if err := m.Check(); err != nil {
		return Opportunity{}, err
	}
	return s.add(o, allowDuplicate, []Event{{Kind: EventFromMail, Note: m.Subject}}, func(tx *bolt.Tx, o *Opportunity) error {
		o.Mail = &m
		return putMail(tx, o.ID, m)
	})
}

// UpdateFromMail saves a tracked opportunity as a later mail about it changed it — o is
// the record with what the mail changed — and keeps the mail in place of the one before:
// the history records the mail, with the interview day it set, and a change of status,
// all in one transaction. Duplicates are refused as in Update.
func (s *BoltStore) UpdateFromMail(o Opportunity, m Mail, allowDuplicate bool) (Opportunity, error) {
	m = m.tidy()
	if err := m.Check(); err != nil {
		return Opportunity{}, err
	}
	return s.updateWith(o, allowDuplicate, func(tx *bolt.Tx, old, o *Opportunity) ([]Event, error) {
		e := Event{Kind: EventMailUpdate, Note: m.Subject}
		if o.InterviewOn != old.InterviewOn {
			e.Day = o.InterviewOn
		}
		return []Event{e}, putMail(tx, o.ID, m)
	})
}
