// Package frommailtest writes the mails the tests of the mail intake read: made-up people
// and companies, dated around the test clock so that they read the same on any day.
package frommailtest

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/declinedesk/declinedesk/internal/day"
)

// Mail is a test mail and what reading it must find.
type Mail struct {
	EML        string // the message, with CRLF line endings
	Subject    string
	MessageID  string   // without angle brackets
	References []string // the mail's own References, oldest first
	Interview  day.Day
	Sent       day.Day
}

// The people and the job of the test mails.
const (
	Company      = "Harborline"
	Role         = "Backend Engineer"
	ContactName  = "Priya Nand"
	ContactEmail = "priya.nand@harborline.test"
)

func crlf(s string) string { return strings.ReplaceAll(strings.TrimPrefix(s, "\n"), "\n", "\r\n") }

// Invitation is Harborline's invitation to an interview for the Backend Engineer role,
// sent two days before now, for 10:30 eight days after now.
func Invitation(now time.Time) Mail {
	sent := now.AddDate(0, 0, -2)
	at := now.AddDate(0, 0, 8)
	m := Mail{
		Subject:    "Interview invitation: " + Role + " at " + Company,
		MessageID:  "inv-4410@mail.harborline.test",
		References: []string{"app-ack-1187@mail.harborline.test"},
		Interview:  day.Of(at),
		Sent:       day.Of(sent),
	}
	m.EML = crlf(fmt.Sprintf(`
From: %s <%s>
To: Ana Silva <ana@example.com>
Subject: %s
Date: %s
Message-ID: <%s>
References: <%s>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Hello Ana,

thank you for applying to %s. We would like to invite you to an interview
for the %s position, with two people from the payments team.

Could you join us on %s at 10:30? It takes about an hour.

Kind regards,
%s
Recruiting, %s
`, ContactName, ContactEmail, m.Subject, sent.Format(time.RFC1123Z), m.MessageID, m.References[0],
		Company, Role, at.Format("Monday, 2 January 2006"), ContactName, Company))
	return m
}

// Confirmation is Harborline's answer, in the invitation's thread, to Ana's reply: the
// interview is confirmed, one day later than first asked.
func Confirmation(now time.Time) Mail {
	inv := Invitation(now)
	sent := now.AddDate(0, 0, -1)
	at := now.AddDate(0, 0, 9)
	m := Mail{
		Subject:    "RE: " + inv.Subject,
		MessageID:  "conf-4522@mail.harborline.test",
		References: []string{inv.References[0], inv.MessageID, "ana-reply-7@example.com"},
		Interview:  day.Of(at),
		Sent:       day.Of(sent),
	}
	m.EML = crlf(fmt.Sprintf(`
From: %s <%s>
To: Ana Silva <ana@example.com>
Subject: %s
Date: %s
Message-ID: <%s>
In-Reply-To: <ana-reply-7@example.com>
References: <%s> <%s> <%s>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hello Ana,

thanks for getting back to me. Your interview is confirmed for %s
at 14:00, one day later than I first wrote.

Best,
%s
Recruiting, %s
`, ContactName, ContactEmail, m.Subject, sent.Format(time.RFC1123Z), m.MessageID,
		m.References[0], m.References[1], m.References[2], at.Format("Monday, 2 January 2006"), ContactName, Company))
	return m
}

// BrokenCalendar is the invitation with a calendar part that cannot be read: its start is
// no date. The day is still in the text.
func BrokenCalendar(now time.Time) Mail {
	m := Invitation(now)
	head, body, _ := strings.Cut(m.EML, "\r\n\r\n")
	head = strings.Replace(head, "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit",
		`Content-Type: multipart/mixed; boundary="cut-here"`, 1)
	m.EML = head + "\r\n\r\n" + crlf(`
--cut-here
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

`) + body + crlf(`
--cut-here
Content-Type: text/calendar; charset=utf-8; method=REQUEST

BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VEVENT
DTSTART:sometime next week
SUMMARY:Interview
END:VEVENT
END:VCALENDAR
--cut-here--
`)
	return m
}

// NoSender is a mail whose From line names a team but no address, and that has no
// Reply-To: there is no one to answer.
func NoSender(now time.Time) string {
	return crlf(fmt.Sprintf(`
From: Harborline Recruiting Team
To: Ana Silva <ana@example.com>
Subject: Interview invitation: %s at %s
Date: %s
Message-ID: <nosender-3@mail.harborline.test>
Content-Type: text/plain; charset=utf-8

Hello Ana, we would like to invite you to an interview next week.
`, Role, Company, now.AddDate(0, 0, -1).Format(time.RFC1123Z)))
}

// Pasted is an invitation as a person copies it out of a mail app: no header lines, the
// company and the role in the text.
func Pasted(now time.Time) string {
	return fmt.Sprintf("Hi Ana,\n\nthanks for applying to Quayside Analytics. We'd like to invite you to interview for the "+
		"Data Analyst position on %s at 09:00.\n\nBest wishes,\nOwen Marsh\nTalent team, Quayside Analytics\nowen.marsh@quayside.test\n",
		now.AddDate(0, 0, 6).Format("2 January 2006"))
}

// Chatter is text with no invitation in it: no company, no role.
const Chatter = "see you at the gym on thursday, and bring the blue towel\n"

// WithAttachment streams the invitation with an attachment of size bytes (base64 in the
// mail, so about a third more), without holding the attachment in memory.
func WithAttachment(now time.Time, size int) io.Reader {
	m := Invitation(now)
	head, body, _ := strings.Cut(m.EML, "\r\n\r\n")
	head = strings.Replace(head, "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit",
		`Content-Type: multipart/mixed; boundary="big-one"`, 1)
	start := head + "\r\n\r\n" + crlf(`
--big-one
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

`) + body + crlf(`
--big-one
Content-Type: application/pdf; name="portfolio.pdf"
Content-Disposition: attachment; filename="portfolio.pdf"
Content-Transfer-Encoding: base64

`)
	return io.MultiReader(strings.NewReader(start), &base64Lines{left: (size + 2) / 3 * 4}, strings.NewReader("\r\n--big-one--\r\n"))
}

// base64Lines yields left characters of base64 text in lines of 76.
type base64Lines struct {
	left, col int
}

func (b *base64Lines) Read(p []byte) (int, error) {
	if b.left == 0 {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && b.left > 0 {
		if b.col == 76 {
			if n+2 > len(p) {
				break
			}
			p[n], p[n+1] = '\r', '\n'
			n += 2
			b.col = 0
			continue
		}
		p[n] = "QUJD"[b.left%4]
		n++
		b.left--
		b.col++
	}
	return n, nil
}
