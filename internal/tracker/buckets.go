package tracker

// The buckets of a tracker file and the keys of its meta bucket.

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
