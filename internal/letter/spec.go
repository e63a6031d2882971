// Package letter writes the letters of a job search that says no — declining an interview,
// withdrawing an application, declining an offer, keeping in touch afterwards — from a
// spec, in one of three tones. Package proofread reads them.
package letter

import (
	"errors"
	"fmt"
	"strings"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/field"
	"github.com/declinedesk/declinedesk/internal/mailaddr"
)

// Reason is why the writer declines or withdraws; a keep-in-touch note gives none.
type Reason string

// The reasons.
const (
	AnotherOffer Reason = "another-offer"
	CareerGoals  Reason = "career-goals"
	NotAFit      Reason = "not-a-fit"
	CareerChange Reason = "career-change"
	Personal     Reason = "personal"
	Timing       Reason = "timing"
	Compensation Reason = "compensation"
	Custom       Reason = "custom"
)

// Alternative is what the writer offers instead: see Kind.Alternatives for which go with
// which letter.
type Alternative string

// The alternatives.
const (
	NoAlternative Alternative = "none"
	Reschedule    Alternative = "reschedule"
	Referral      Alternative = "referral"
	StayInTouch   Alternative = "stay-in-touch"
)

// Tone is how the letter sounds.
type Tone string

// The tones.
const (
	Formal Tone = "formal"
	Warm   Tone = "warm"
	Brief  Tone = "brief"
)

// Option is a choice with the words the user picks it by.
type Option[T ~string] struct {
	ID    T
	Label string
}

// Reasons, Alternatives and Tones list the choices in the order they are offered.
var (
	Reasons = []Option[Reason]{
		{AnotherOffer, "I accepted another offer"}, {CareerGoals, "It does not fit my career goals"},
		{NotAFit, "The role is not the right fit"}, {CareerChange, "I am changing careers"},
		{Personal, "Personal circumstances"}, {Timing, "The timing is wrong"},
		{Compensation, "The pay does not work for me"}, {Custom, "Another reason (write it)"},
	}
	Alternatives = []Option[Alternative]{
		{NoAlternative, "Nothing"}, {Reschedule, "Talk again after a date"},
		{Referral, "Recommend someone"}, {StayInTouch, "Offer to stay in touch"},
	}
	Tones = []Option[Tone]{{Formal, "Formal"}, {Warm, "Warm"}, {Brief, "Brief"}}
)

// Spec is everything a letter is made from. The JSON names are those of the command line.
type Spec struct {
	RecipientName   string      `json:"recipient_name"`
	RecipientEmail  string      `json:"recipient_email"`
	Company         string      `json:"company"`
	Role            string      `json:"role"`
	InterviewDate   string      `json:"interview_date"` // YYYY-MM-DD
	Reason          Reason      `json:"reason"`
	ReasonText      string      `json:"reason_text"` // custom reason only
	Alternative     Alternative `json:"alternative"`
	AlternativeDate string      `json:"alternative_date"` // reschedule only, YYYY-MM-DD
	ReferralName    string      `json:"referral_name"`    // referral only
	ReferralEmail   string      `json:"referral_email"`   // referral only
	Tone            Tone        `json:"tone"`
	Kind            Kind        `json:"kind"`        // "" is DeclineInterview
	UpdateText      string      `json:"update_text"` // keep-in-touch only: the writer's news, one line
	SenderName      string      `json:"sender_name"`
	SenderEmail     string      `json:"sender_email"`
	Signature       string      `json:"signature,omitempty"` // a line under the name, from the profile
	Subject         string      `json:"subject"`             // replaces the suggested subject
	Body            string      `json:"body"`                // replaces the template's body
}

// FieldError says which field of a spec is wrong and why.
type FieldError = field.Error

// headerFields are the fields that end up in mail headers (From, To, Subject).
func (s *Spec) headerFields() []struct{ name, value string } {
	return []struct{ name, value string }{
		{"recipient_name", s.RecipientName}, {"recipient_email", s.RecipientEmail},
		{"sender_name", s.SenderName}, {"sender_email", s.SenderEmail},
		{"company", s.Company}, {"role", s.Role}, {"subject", s.Subject},
	}
}

// Validate reports every problem of the spec, each a *FieldError.
func (s *Spec) Validate() error {
	return errors.Join(s.FieldErrors()...)
}

// FieldErrors lists every problem of the spec, each a *FieldError. Empty tone, alternative
// and kind mean formal, none and decline-interview.
//
// A field the kind does not use is not checked for sense, only for characters a letter
// cannot carry: a keep-in-touch note ignores the reason and the alternative, so a draft
// can switch kinds and back without losing them. An alternative the kind cannot offer
// (talking again after a date, in a letter that withdraws or turns down an offer) is an
// error on alternative: the letter would contradict itself. WithKind moves a spec to
// another kind without either problem.
func (s *Spec) FieldErrors() []error {
	var errs []error
	add := func(field, format string, args ...any) {
		errs = append(errs, &FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	for _, f := range s.headerFields() {
		if err := field.CheckHeaderText(f.value); err != nil {
			add(f.name, "%v", err)
		}
	}
	for _, f := range []struct{ name, value string }{{"reason_text", s.ReasonText}, {"referral_name", s.ReferralName},
		{"referral_email", s.ReferralEmail}, {"signature", s.Signature}, {"interview_date", s.InterviewDate},
		{"alternative_date", s.AlternativeDate}, {"update_text", s.UpdateText}} {
		if err := field.CheckHeaderText(f.value); err != nil {
			add(f.name, "%v", err)
		}
	}
	if strings.ContainsRune(s.Body, 0) {
		add("body", "contains a NUL character")
	}
	if strings.TrimSpace(s.Company) == "" {
		add("company", "enter the company")
	}
	if strings.TrimSpace(s.Role) == "" {
		add("role", "enter the role")
	}
	if name := strings.TrimSpace(s.SenderName); name == "" {
		add("sender_name", "enter your full name: the letter ends with it")
	} else if len(strings.Fields(name)) < 2 {
		add("sender_name", "enter your full name, first and last (%q has one word)", name)
	}
	if s.Kind != "" && !known(Kinds, s.Kind) {
		add("kind", "%s", choiceHelp("kind", string(s.Kind), Kinds))
	}
	for _, f := range []struct{ name, value string }{{"recipient_email", s.RecipientEmail}, {"sender_email", s.SenderEmail}} {
		if err := mailaddr.Check(f.value); err != nil {
			add(f.name, "%v", err)
		}
	}
	if s.InterviewDate != "" {
		if err := day.Check(s.InterviewDate); err != nil {
			add("interview_date", "%v", err)
		}
	}
	if s.Tone != "" && !known(Tones, s.Tone) {
		add("tone", "%s", choiceHelp("tone", string(s.Tone), Tones))
	}
	if !s.Kind.UsesReason() {
		return errs
	}
	if !known(Reasons, s.Reason) {
		add("reason", "%s", choiceHelp("reason", string(s.Reason), Reasons))
	}
	if s.Reason == Custom && strings.TrimSpace(s.ReasonText) == "" {
		add("reason_text", "write the reason in a sentence (needed for a custom reason)")
	}
	switch {
	case s.Alternative != "" && !known(Alternatives, s.Alternative):
		add("alternative", "%s", choiceHelp("alternative", string(s.Alternative), Alternatives))
	case !s.Kind.Offers(s.Alternative):
		add("alternative", "%s (%s) would undo a letter that %s: use one of %s",
			s.Alternative, strings.ToLower(labelOf(Alternatives, s.Alternative)), s.Kind.does(), ids(s.Kind.Alternatives()))
	}
	if s.Alternative == Reschedule {
		if err := day.Check(s.AlternativeDate); err != nil {
			add("alternative_date", "enter the date after which you could talk, as YYYY-MM-DD between %d and %d", day.MinYear, day.MaxYear)
		}
	}
	if s.Alternative == Referral && strings.TrimSpace(s.ReferralName) == "" {
		add("referral_name", "enter the name of the person you recommend")
	}
	if err := mailaddr.Check(s.ReferralEmail); err != nil {
		add("referral_email", "%v", err)
	}
	return errs
}

func known[T ~string](opts []Option[T], v T) bool {
	for _, o := range opts {
		if o.ID == v {
			return true
		}
	}
	return false
}

func labelOf[T ~string](opts []Option[T], v T) string {
	for _, o := range opts {
		if o.ID == v {
			return o.Label
		}
	}
	return string(v)
}

// ids lists the ids of opts, comma-separated, as the user types them.
func ids[T ~string](opts []Option[T]) string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = string(o.ID)
	}
	return strings.Join(out, ", ")
}

func choiceHelp[T ~string](what, got string, opts []Option[T]) string {
	if got == "" {
		return fmt.Sprintf("choose a %s: %s", what, ids(opts))
	}
	return fmt.Sprintf("unknown %s %q: use one of %s", what, got, ids(opts))
}

// WithKind is the spec moved to kind k, as a user who switches kinds expects:
//   - the reason, tone, names and dates stay, so that switching back loses nothing;
//   - an alternative k cannot offer becomes the nearest one it can: a later talk
//     (reschedule) becomes an offer to stay in touch;
//   - a subject or body written for the other kind is dropped, since it says the other
//     kind's decision; the template of k writes them afresh.
func (s Spec) WithKind(k Kind) Spec {
	if s.Kind.OrDefault() != k.OrDefault() {
		s.Subject, s.Body = "", ""
	}
	s.Kind = k
	if k.UsesReason() && !k.Offers(s.Alternative) && s.Alternative == Reschedule {
		s.Alternative = StayInTouch
	}
	return s
}

// WithPlaceholders is the spec with a placeholder — one the proofreader flags — where a
// letter needs words the user has not written yet: the name of someone recommended, the
// reason when it is their own. A letter being written then shows whole, gap marked, rather
// than not at all.
func (s Spec) WithPlaceholders() Spec {
	if !s.Kind.UsesReason() {
		return s
	}
	if s.Alternative == Referral && strings.TrimSpace(s.ReferralName) == "" {
		s.ReferralName = "[Name of the person you recommend]"
	}
	if s.Reason == Custom && strings.TrimSpace(s.ReasonText) == "" {
		s.ReasonText = "[Your reason]"
	}
	return s
}
