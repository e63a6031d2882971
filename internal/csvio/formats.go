package csvio

import (
	"strings"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/stage"
)

// Format is the CSV export of another job tracker, as import knows it: how to tell it
// from its header alone, and what its columns, words and conventions mean here. Adding a
// tracker is adding a row to formats.
type Format struct {
	Name string // as reports name it: "Huntr board export"
	Tool string // the tracker it comes from, as history events name it: "Huntr"
	// Identify lists columns, in HeaderKey form, that together tell this export apart
	// from every other: a header with all of them is this format.
	Identify []string
	// Columns reads the tool's own columns (HeaderKey → a field name, a reading such as
	// readContacts, or readSkip). Columns not named here are read through the field
	// table's aliases, as any spreadsheet's are.
	Columns map[string]string
	// Statuses are the tool's status words (lowercase) that mean something other than the
	// tracker's own status aliases say. closedStatus means: the closed reason says.
	Statuses map[string]stage.Status
	// Reasons are the words of the closed reason column (lowercase), for closedStatus.
	Reasons map[string]stage.Status
	// Values are cells with a meaning of their own in one column: HeaderKey → cell
	// (lowercase) → what it means there ("" for nothing).
	Values map[string]map[string]string
	// Fixed are fields every row of the export shares, used where a row has none: a
	// LinkedIn export names no source, but every row came from LinkedIn.
	Fixed map[string]string
	// Dates is how the tool writes slash dates, when it always writes them one way.
	Dates day.Order
	// ShortYears: the tool writes two-digit years, which mean 20YY.
	ShortYears bool

	own bool // Decline Desk's own export: cells are exact, nothing in them means empty
}

// closedStatus stands for a status word that says only that the application is closed.
const closedStatus stage.Status = "(closed)"

// Format names for files that are no tool's export.
const (
	FormatSpreadsheet = "Spreadsheet"                // columns matched by name
	FormatMapped      = "Spreadsheet (your columns)" // columns matched by the user
)

// emptyCells are what other trackers write in a cell that holds nothing.
var emptyCells = []string{"n/a", "-"}

// ownFormat is Decline Desk's own export: every column of the field table, by name.
var ownFormat = func() *Format {
	f := &Format{Name: "Decline Desk export", Columns: map[string]string{}, own: true}
	for _, c := range Columns() {
		f.Identify = append(f.Identify, HeaderKey(c))
		f.Columns[HeaderKey(c)] = c
	}
	return f
}()

// formats are the exports import recognises, tried in order; the first whose Identify
// columns are all in the header is the file's format. Each row says where its columns
// come from.
var formats = []*Format{
	ownFormat,

	// Reactive Resume's application tracker, version 6 (reactive-resume/reactive-resume,
	// apps/web/src/features/applications/csv.ts, exportApplicationsCsv): a closed stage
	// with a closed reason, tags as a JSON array, one contact a line.
	{
		Name: "Reactive Resume (v6) export", Tool: "Reactive Resume",
		Identify: []string{"stage history", "timeline", "closed reason", "created at", "updated at"},
		Columns:  reactiveResumeColumns(map[string]string{"closed reason": readClosedReason}),
		Statuses: reactiveResumeStatuses,
		Reasons: map[string]stage.Status{
			"accepted":       stage.Accepted,
			"accepted-other": stage.Withdrawn, // took another offer: this one was withdrawn from
			"withdrew":       stage.Withdrawn,
			"withdrawn":      stage.Withdrawn,
			"not-selected":   stage.Rejected,
			"rejected":       stage.Rejected,
			"no-response":    stage.Ghosted,
			"ghosted":        stage.Ghosted,
			"declined":       stage.Declined,
			"offer-declined": stage.Declined,
		},
	},
	// Version 5 of the same export: an Archived column instead of the closed stage, tags
	// separated by ';'.
	{
		Name: "Reactive Resume (v5) export", Tool: "Reactive Resume",
		Identify: []string{"stage history", "timeline", "archived", "created at", "updated at"},
		Columns:  reactiveResumeColumns(map[string]string{"archived": "tags"}),
		Statuses: reactiveResumeStatuses,
		Values:   map[string]map[string]string{"archived": {"true": "archived", "false": ""}},
	},

	// Huntr's board export (a board's jobs as CSV, one row per job; columns as in
	// keenlychuang/huntr-to-notion, data/sample_data/*.csv): the list a job is in is its
	// stage, "-" is an empty cell, moments are written "2022-02-26 19:17:05".
	{
		Name: "Huntr board export", Tool: "Huntr",
		Identify: []string{"list name", "company name", "board name", "last moved at"},
		Columns: map[string]string{
			"id": readSkip, "title": "role", "company name": "company", "list name": "status",
			"created at": "created_at", "last moved at": "updated_at", "salary": "notes",
			"deadline": "notes", "board name": "tags", "location": "location", "url": "url",
			"root domain": readSkip, "html description": readSkip, "color": readSkip,
			"board id": readSkip, "list id": readSkip, "company id": readSkip,
			"company domain": readSkip, "creator user id": readSkip,
			"creator user first name": readSkip, "creator user last name": readSkip,
			"creator user email": readSkip, // the board's owner: the user, not a contact
		},
		Statuses: map[string]stage.Status{
			"wishlist": stage.Saved, "applied": stage.Applied, "interview": stage.Scheduled,
			"interviewing": stage.Scheduled, "on site": stage.Scheduled, "onsite": stage.Scheduled,
			"offer": stage.Offer, "rejected": stage.Rejected, "accepted": stage.Accepted,
			"declined": stage.Declined, "withdrawn": stage.Withdrawn,
		},
	},

	// JobSync's job export (Gsync/jobsync, src/app/api/jobs/export/route.ts): dates as
	// YYYY-MM-DD, "N/A" for nothing, statuses by label (prisma/seed.ts and the
	// offer-outcome migration: Draft, Applied, Interview, Offer, Rejected, Expired,
	// Archived, Offer Accepted, Offer Declined).
	{
		Name: "JobSync export", Tool: "JobSync",
		Identify: []string{"job title", "job source", "applied date", "created at"},
		Columns: map[string]string{
			"index": readSkip, "created at": "created_at", "applied": readSkip, // Yes/No: the status says it
			"applied date": "applied_on", "company": "company", "job title": "role",
			"job type": "tags", "location": "location", "job source": "source", "status": "status",
		},
		Statuses: map[string]stage.Status{
			"draft":          stage.Saved,
			"interview":      stage.Scheduled,
			"expired":        stage.Ghosted,   // the posting closed without an answer
			"archived":       stage.Withdrawn, // put away by the user
			"offer accepted": stage.Accepted,
			"offer declined": stage.Declined,
		},
		Values: map[string]map[string]string{"job type": {"unknown": ""}},
	},

	// LinkedIn's data export ("Get a copy of your data"), Jobs/Job Applications.csv: dates
	// "10/14/26, 2:22 PM", month first with two-digit years. Its Contact Email and
	// Contact Phone Number are the ones the user gave in the application — their own,
	// not a contact at the company — so they are not read.
	{
		Name: "LinkedIn job applications export", Tool: "LinkedIn",
		Identify: []string{"application date", "company name", "job title", "job url", "resume name"},
		Columns: map[string]string{
			"application date": "applied_on", "contact email": readSkip, "contact phone number": readSkip,
			"company name": "company", "job title": "role", "job url": "url",
			"resume name": readSkip, "question and answers": "notes",
		},
		Fixed: map[string]string{"source": "LinkedIn", "status": string(stage.Applied)},
		Dates: day.MonthFirst, ShortYears: true,
	},
	// The same export's Jobs/Saved Jobs.csv.
	{
		Name: "LinkedIn saved jobs export", Tool: "LinkedIn",
		Identify: []string{"saved date", "job url", "job title", "company name"},
		Columns: map[string]string{
			"saved date": "created_at", "job url": "url", "job title": "role", "company name": "company",
		},
		Fixed: map[string]string{"source": "LinkedIn", "status": string(stage.Saved)},
		Dates: day.MonthFirst, ShortYears: true,
	},
}

// reactiveResumeColumns are the columns both versions of Reactive Resume's export share,
// with extra ones of a version.
func reactiveResumeColumns(extra map[string]string) map[string]string {
	m := map[string]string{
		"company": "company", "role": "role", "stage": "status",
		"stage date":       readSkip, // the day of the last stage, which the stage history holds
		"application date": "applied_on", "location": "location", "salary": "notes",
		"source": "source", "url": "url", "tags": "tags", "contacts": readContacts,
		"notes": "notes", "stage history": readStageHistory, "timeline": "notes",
		"created at": "created_at", "updated at": "updated_at",
	}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

// reactiveResumeStatuses are Reactive Resume's lowercase stages.
var reactiveResumeStatuses = map[string]stage.Status{
	"saved": stage.Saved, "applied": stage.Applied, "screening": stage.Invited,
	"interview": stage.Scheduled, "offer": stage.Offer, "rejected": stage.Rejected,
	"ghosted": stage.Ghosted, "closed": closedStatus,
}

// recognise is the format whose columns the header has, or nil.
func recognise(header []string) *Format {
	keys := make(map[string]bool, len(header))
	for _, h := range header {
		keys[HeaderKey(h)] = true
	}
	for _, f := range formats {
		if f.own && len(header) != len(f.Identify) {
			continue // the export exactly, not a sheet that has its columns and more
		}
		all := true
		for _, k := range f.Identify {
			if !keys[k] {
				all = false
				break
			}
		}
		if all {
			return f
		}
	}
	return nil
}

// status reads a status word as the format means it; cells of its closed reason column
// come in reason.
func (f *Format) status(word, reason string) (stage.Status, error) {
	if f != nil && len(f.Statuses) > 0 {
		key := strings.Join(strings.Fields(strings.ToLower(word)), " ")
		if s, ok := f.Statuses[key]; ok {
			if s != closedStatus {
				return s, nil
			}
			r := strings.ToLower(strings.TrimSpace(reason))
			if s, ok := f.Reasons[r]; ok {
				return s, nil
			}
			if r == "" {
				return "", errClosedWithoutReason
			}
			return "", &closedReasonError{reason}
		}
	}
	return stage.Parse(word)
}
