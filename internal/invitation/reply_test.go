package invitation

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/declinedesk/declinedesk/internal/eml"
	"github.com/declinedesk/declinedesk/internal/eml/emltest"
)

// replyTo is the draft of an answer to a mail read by Read, as the letter pane writes it.
func replyTo(res Result) eml.Draft {
	return eml.Draft{
		FromName: "Ana Silva", FromEmail: "ana@example.com",
		ToName: res.ContactName.Value, ToEmail: res.ContactEmail.Value,
		Subject: eml.ReplySubject(res.Thread.Subject),
		Body:    "Dear " + res.ContactName.Value + ",\n\nThank you for the invitation.\n\nBest regards,\nAna Silva\n",
		Date:    time.Date(2026, 12, 11, 9, 0, 0, 0, time.UTC),
		Thread:  eml.Thread{MessageID: res.Thread.MessageID, References: res.Thread.References},
	}
}

// TestRepliesThreadInAnIndependentReader writes the reply to every test mail as an .eml
// draft and reads it with Python's email package: it must answer the mail it came from
// (In-Reply-To), carry the whole thread (References), keep one "Re:" and go to the contact.
func TestRepliesThreadInAnIndependentReader(t *testing.T) {
	dir := t.TempDir()
	var cases []mailCase
	var paths []string
	for _, tc := range mailCases {
		if tc.reply == "" || tc.email == "" {
			continue
		}
		res := readFile(t, tc.file, tc.pasted, false)
		path := filepath.Join(dir, strings.TrimSuffix(tc.file, filepath.Ext(tc.file))+"-reply.eml")
		if err := eml.WriteFile(path, replyTo(res), nil); err != nil {
			t.Fatalf("%s: the reply cannot be written: %v", tc.file, err)
		}
		cases = append(cases, tc)
		paths = append(paths, path)
	}
	got := emltest.Read(t, paths...)
	if len(cases) < 15 {
		t.Fatalf("only %d replies were checked", len(cases))
	}
	for i, tc := range cases {
		g := got[i]
		if len(g.Defects) > 0 {
			t.Errorf("%s: Python found defects %v", tc.file, g.Defects)
		}
		if g.Subject == nil || *g.Subject != tc.reply {
			t.Errorf("%s: subject %v, want %q", tc.file, g.Subject, tc.reply)
		}
		if strings.Join(g.ToAddress, ",") != tc.email {
			t.Errorf("%s: to %v, want %s", tc.file, g.ToAddress, tc.email)
		}
		if tc.messageID == "" {
			// Forwarded as text: nothing to thread on, and no header that pretends to.
			if len(g.InReplyToIDs) > 0 || len(g.ReferencesIDs) > 0 {
				t.Errorf("%s: threading headers %v %v without a Message-ID", tc.file, g.InReplyToIDs, g.ReferencesIDs)
			}
			continue
		}
		if strings.Join(g.InReplyToIDs, " ") != "<"+tc.messageID+">" {
			t.Errorf("%s: In-Reply-To %v, want <%s>", tc.file, g.InReplyToIDs, tc.messageID)
		}
		refs := g.ReferencesIDs
		if len(refs) != tc.nrefs+1 || refs[len(refs)-1] != "<"+tc.messageID+">" {
			t.Errorf("%s: References %v: want the mail's %d, then its Message-ID", tc.file, refs, tc.nrefs)
			continue
		}
		if tc.nrefs > 0 && (refs[0] != "<"+tc.refs[0]+">" || refs[len(refs)-2] != "<"+tc.refs[len(tc.refs)-1]+">") {
			t.Errorf("%s: References %v do not start with %s and end with %s", tc.file, refs, tc.refs[0], tc.refs[len(tc.refs)-1])
		}
	}
}
