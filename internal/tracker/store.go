package tracker

import (
	"github.com/declinedesk/declinedesk/internal/checklist"
	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/stage"
)

// Store is what the app needs from the database. *BoltStore is the one implementation.
type Store interface {
	Add(o Opportunity, allowDuplicate bool) (Opportunity, error)
	Update(o Opportunity, allowDuplicate bool) (Opportunity, error)
	Delete(id uint64) error
	Get(id uint64) (Opportunity, error)
	AppendEvent(id uint64, e Event) (Opportunity, error)
	MarkSent(id uint64, sent SentLetter, followUp day.Day) (Opportunity, error)
	MarkNoResponse(id uint64) (Opportunity, error)
	DismissNoResponse(id uint64) (Opportunity, error)
	SetAfterStep(id uint64, step stage.AfterStep, done bool) (Opportunity, error)
	SaveChecklist(id uint64, a checklist.Answers) (Opportunity, error)
	SaveDraft(id uint64, draft *letter.Spec) (Opportunity, error)
	Profile() (Profile, error)
	SaveProfile(p Profile) error
	Duplicates(o Opportunity) ([]Opportunity, error)
	ForEach(withHistory bool, fn func(o *Opportunity) error) error
	ImportStream(next func() ([]Opportunity, error), total int, progress Progress) (ImportReport, error)
	Count() (int, error)
	Path() string
	Close() error
}

var (
	bucketOpportunities = []byte("opportunities")
	bucketHistory       = []byte("history")
	bucketDuplicates    = []byte("duplicates")
	bucketChecklists    = []byte("checklists")
	bucketLetters       = []byte("letters")
	bucketMeta          = []byte("meta")
	allBuckets          = [][]byte{bucketOpportunities, bucketHistory, bucketDuplicates, bucketChecklists, bucketLetters, bucketMeta}
	keySchema           = []byte("schema")
	keyProfile          = []byte("profile")
)
