package tracker

import (
	"encoding/json"

	"strings"

	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/letter"
	bolt "go.etcd.io/bbolt"
)

// readAttachments reads what is kept beside the record: its history, checklist, letter
// draft and mail.
func readAttachments(tx *bolt.Tx, o *Opportunity) error {
	var err error
	if o.History, err = readHistory(tx, o.ID); err != nil {
		return err
	}
	o.Checklist = nil
	if v := tx.Bucket(bucketChecklists).Get(itob(o.ID)); v != nil {
		a, err := decodeChecklist(v, o.ID)
		if err != nil {
			return err
		}
		o.Checklist = a
	}
	o.Draft, o.DraftStatus = nil, ""
	if v := tx.Bucket(bucketLetters).Get(itob(o.ID)); v != nil {
		spec, status, err := decodeDraft(v, o.ID)
		if err != nil {
			return err
		}
		o.Draft, o.DraftStatus = &spec, status
	}
	o.Mail = nil
	if v := tx.Bucket(bucketMails).Get(itob(o.ID)); v != nil {
		m, err := decodeMail(v, o.ID)
		if err != nil {
			return err
		}
		o.Mail = &m
	}
	return nil
}

// SaveChecklist replaces the checklist answers of an opportunity and marks it updated, in
// one transaction.
func (s *BoltStore) SaveChecklist(id uint64, a checklist.Answers) (Opportunity, error) {
	a = a.Clean()
	var value any
	if len(a) > 0 {
		value = storedChecklist{V: SchemaVersion, Answers: a}
	}
	return s.saveAttachment(bucketChecklists, id, value)
}

// SaveDraft replaces the letter draft of an opportunity (nil removes it) and marks it
// updated, in one transaction. The draft keeps the status it was written at, so that a
// letter for a stage the opportunity has left is known as such (DraftStatus).
func (s *BoltStore) SaveDraft(id uint64, draft *letter.Spec) (Opportunity, error) {
	return s.changeTx(id, func(tx *bolt.Tx, o *Opportunity) ([]Event, error) {
		b := tx.Bucket(bucketLetters)
		if draft == nil {
			return nil, b.Delete(itob(id))
		}
		v, err := json.Marshal(storedDraft{V: SchemaVersion, Spec: *draft, Status: o.Status})
		if err != nil {
			return nil, err
		}
		return nil, b.Put(itob(id), v)
	})
}

// saveAttachment puts value (nil deletes) under id in bucket, beside the record, and
// touches the record, all in one transaction.
func (s *BoltStore) saveAttachment(bucket []byte, id uint64, value any) (Opportunity, error) {
	return s.changeTx(id, func(tx *bolt.Tx, _ *Opportunity) ([]Event, error) {
		b := tx.Bucket(bucket)
		if value == nil {
			return nil, b.Delete(itob(id))
		}
		v, err := json.Marshal(value)
		if err != nil {
			return nil, err
		}
		return nil, b.Put(itob(id), v)
	})
}

// Profile is the user's profile; the zero Profile before one was saved.
func (s *BoltStore) Profile() (Profile, error) {
	var p Profile
	err := s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketMeta).Get(keyProfile)
		if v == nil {
			return nil
		}
		var err error
		p, err = decodeProfile(v)
		return err
	})
	return p, err
}

// SaveProfile stores the user's profile after checking it.
func (s *BoltStore) SaveProfile(p Profile) error {
	p.FullName, p.Email, p.Signature = strings.TrimSpace(p.FullName), strings.TrimSpace(p.Email), strings.TrimSpace(p.Signature)
	if err := p.Validate(); err != nil {
		return err
	}
	v, err := json.Marshal(storedProfile{V: SchemaVersion, Profile: p})
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyProfile, v) })
}
