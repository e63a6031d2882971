package tracker

// The buckets of a tracker file and the keys of its meta bucket.

var (
	bucketOpportunities = []byte("opportunities")
	bucketHistory       = []byte("history")
	bucketDuplicates    = []byte("duplicates")
	bucketChecklists    = []byte("checklists")
	bucketLetters       = []byte("letters")
	bucketMails         = []byte("mails") // since schema 4
	bucketMeta          = []byte("meta")
	allBuckets          = [][]byte{bucketOpportunities, bucketHistory, bucketDuplicates, bucketChecklists, bucketLetters, bucketMails, bucketMeta}
	// attachmentBuckets keep values beside a record, under its id: they go with it.
	attachmentBuckets = [][]byte{bucketChecklists, bucketLetters, bucketMails}
	keySchema         = []byte("schema")
	keyProfile        = []byte("profile")
)
