package followup

import (
	"errors"
	"fmt"

	"github.com/declinedesk/declinedesk/internal/day"
	"github.com/declinedesk/declinedesk/internal/field"
)

// The limits of the settings: beyond them a value is far more likely a typing slip than
// a wish.
const (
	MinNoResponseDays  = 1
	MaxNoResponseDays  = 365
	MinKeepInTouchDays = 1
	MaxKeepInTouchDays = 730
)

// Settings are the user's choices about follow-ups. The window keeps them with its other
// preferences; the zero value is not the default (use DefaultSettings).
type Settings struct {
	// NoResponseDays is how long an application or invitation waits unanswered before
	// "no response" is suggested.
	NoResponseDays int
	// KeepInTouchDays is how far after declining the keep-in-touch follow-up falls.
	KeepInTouchDays int
	// Notify allows one desktop notification on the first start of a day with follow-ups due.
	Notify bool
}

// DefaultSettings are the settings of a new user.
func DefaultSettings() Settings {
	return Settings{NoResponseDays: 21, KeepInTouchDays: 90, Notify: true}
}

// Validate reports each value outside its limits as a *field.Error naming the setting.
func (s Settings) Validate() error {
	var errs []error
	if s.NoResponseDays < MinNoResponseDays || s.NoResponseDays > MaxNoResponseDays {
		errs = append(errs, &field.Error{Field: "no_response_days",
			Message: fmt.Sprintf("suggest \"no response\" after %d to %d days", MinNoResponseDays, MaxNoResponseDays)})
	}
	if s.KeepInTouchDays < MinKeepInTouchDays || s.KeepInTouchDays > MaxKeepInTouchDays {
		errs = append(errs, &field.Error{Field: "keep_in_touch_days",
			Message: fmt.Sprintf("set the keep-in-touch follow-up %d to %d days after declining", MinKeepInTouchDays, MaxKeepInTouchDays)})
	}
	return errors.Join(errs...)
}

// KeepInTouchOn is the day of the keep-in-touch follow-up for a decline made today.
func (s Settings) KeepInTouchOn(today day.Day) day.Day {
	return today.AddDays(s.KeepInTouchDays)
}
