package draft

import (
	"time"

	"github.com/declinedesk/declinedesk/internal/eml"
	"github.com/declinedesk/declinedesk/internal/letter"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// The letter for a record that came from a mail is a reply to that mail: these are the one
// place that says so, for the window and the command line alike. The letter's recipient
// is the record's contact, which the mail filled in: the person who wrote it.

// RenderOptions are how the letter for o is rendered on the day now: the day decides what
// the letter says of a past interview, and for a record that came from a mail with a
// subject, the letter's subject is "Re: " and that subject — without piling up reply
// markers — unless the user wrote one. o may be nil.
func RenderOptions(o *tracker.Opportunity, now time.Time) letter.RenderOptions {
	opts := letter.RenderOptions{Today: now}
	if m := mailOf(o); m != nil && m.Subject != "" {
		opts.Subject = eml.ReplySubject(m.Subject)
	}
	return opts
}

// Thread is the mail thread the letter for o answers in: the mail's Message-ID and
// References. It is empty — the letter starts a new conversation — for a record that came
// from no mail, or from one known only from a copy (forwarded or pasted).
func Thread(o *tracker.Opportunity) eml.Thread {
	m := mailOf(o)
	if m == nil || m.MessageID == "" {
		return eml.Thread{}
	}
	return eml.Thread{MessageID: m.MessageID, References: append([]string(nil), m.References...)}
}

// Email is the letter l, rendered from spec, as the email draft it goes out as: from the
// sender to the recipient, written on date, and for a record that came from a mail, a
// reply in that mail's thread (In-Reply-To and References). o may be nil.
func Email(o *tracker.Opportunity, spec letter.Spec, l letter.Letter, date time.Time) eml.Draft {
	return eml.Draft{FromName: spec.SenderName, FromEmail: spec.SenderEmail, ToName: spec.RecipientName,
		ToEmail: spec.RecipientEmail, Subject: l.Subject, Body: l.Body, Date: date, Thread: Thread(o)}
}

// Mailto is the letter l as a mailto: link, with In-Reply-To for a record that came from a
// mail (mail apps may ignore it; the .eml draft is the sure way). o may be nil.
func Mailto(o *tracker.Opportunity, spec letter.Spec, l letter.Letter) eml.Mailto {
	return eml.Mailto{To: spec.RecipientEmail, Subject: l.Subject, Body: l.Body, InReplyTo: Thread(o).MessageID}
}

func mailOf(o *tracker.Opportunity) *tracker.Mail {
	if o == nil {
		return nil
	}
	return o.Mail
}
