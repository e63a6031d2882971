// Package invitation reads the mail a job search step starts from — "we would like to invite
// you to an interview" — and says what the opportunity it is about is: who to answer, the
// company, the role, when the interview is, what stage the mail suggests, and the thread a
// reply belongs in. Every field is a guess with where it was read, for the user to confirm
// before anything is saved.
//
// A mail is read from an .eml file, from a message piped in, or from text pasted from a
// mail app, with or without its header lines:
//
//	res, err := invitation.Read(f, invitation.Options{Now: clock.Now(), Location: time.Local})
//	switch {
//	case errors.Is(err, invitation.ErrNotMail), errors.Is(err, invitation.ErrNoSender),
//		errors.Is(err, invitation.ErrEmpty):
//		// err's message is written for the user: show it, save nothing
//	case err != nil:
//		// the file could not be read: show err
//	}
//	for _, f := range res.Fields() {
//		// f.Name is the opportunity's field (company, role, contact_email, interview_on …),
//		// f.Value the guess ("" when the mail does not say), f.From where it was read
//	}
//	for _, n := range res.Notes {
//		// what could not be read and what was done instead, in the user's words
//	}
//
// Pasted text sets Options.Pasted: it may have no headers, and then needs no sender.
//
// What to keep with the record: res.Thread (Message-ID, References, Subject) and res.Text
// (the mail as a person reads it, decoded). The letter for that record is then a reply:
//
//	d := eml.Draft{ /* … */ ToName: contactName, ToEmail: contactEmail,
//		Subject: eml.ReplySubject(thread.Subject),
//		Thread:  eml.Thread{MessageID: thread.MessageID, References: thread.References}}
//	link := eml.Mailto{To: contactEmail, Subject: d.Subject, Body: body, InReplyTo: thread.MessageID}
//	if !link.Fits() { /* offer the .eml or Copy instead */ }
//
// When Thread.MessageID is "" (the invitation was forwarded as text), the reply still takes
// "Re: " and the subject, and starts a new conversation. When Thread.Subject is "" too
// (pasted text without headers), the letter keeps its own subject.
//
// res.Stage, when not StageUnknown, is the id of the tracker status the mail suggests
// (invited, scheduled, offer, rejected). res.Interview.Day is the tracker's day (package
// day); Interview.Start and HasTime give the time when the mail does.
//
// Reading never panics and holds no more than a few MiB whatever the input: at most
// Options.MaxBytes of the input is read (DefaultMaxBytes, enough for a 50 MB attachment),
// attachments are skipped without being kept, text is kept up to 4 MiB, and a calendar part
// that cannot be read is left aside with a note. The words it looks for (month names, the
// domains of applicant tracking systems, the phrases of an offer or a rejection) live in
// words/*.txt.
package invitation
