package csvio

import "github.com/declinedesk/declinedesk/internal/tracker"

// JSONRecord is an opportunity as `list --json` prints it: the export's columns as keys,
// in the same order, with id a number, tags a list and history a list of events.
// Empty values are "".
type JSONRecord struct {
	ID           uint64      `json:"id"`
	Company      string      `json:"company"`
	Role         string      `json:"role"`
	Location     string      `json:"location"`
	Status       string      `json:"status"`
	ContactName  string      `json:"contact_name"`
	ContactEmail string      `json:"contact_email"`
	Source       string      `json:"source"`
	URL          string      `json:"url"`
	AppliedOn    string      `json:"applied_on"`
	InvitedOn    string      `json:"invited_on"`
	InterviewOn  string      `json:"interview_on"`
	RespondedOn  string      `json:"responded_on"`
	FollowUpOn   string      `json:"follow_up_on"`
	Tags         []string    `json:"tags"`
	Notes        string      `json:"notes"`
	CreatedAt    string      `json:"created_at"`
	UpdatedAt    string      `json:"updated_at"`
	History      []JSONEvent `json:"history"`
}

// JSONEvent is one history event: when (RFC 3339) and what.
type JSONEvent struct {
	At    string `json:"at"`
	Event string `json:"event"`
}

// JSON is o as `list --json` prints it.
func JSON(o *tracker.Opportunity) JSONRecord {
	r := JSONRecord{
		ID: o.ID, Company: o.Company, Role: o.Role, Location: o.Location, Status: string(o.Status),
		ContactName: o.ContactName, ContactEmail: o.ContactEmail, Source: o.Source, URL: o.URL,
		AppliedOn: string(o.AppliedOn), InvitedOn: string(o.InvitedOn), InterviewOn: string(o.InterviewOn),
		RespondedOn: string(o.RespondedOn), FollowUpOn: string(o.FollowUpOn), Notes: o.Notes,
		CreatedAt: formatTime(o.CreatedAt), UpdatedAt: formatTime(o.UpdatedAt),
		Tags: append([]string{}, o.Tags...), History: []JSONEvent{},
	}
	for _, e := range o.History {
		r.History = append(r.History, JSONEvent{At: formatTime(e.At), Event: e.Text})
	}
	return r
}
