package invitation

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // calendar invitations name tz database zones; Windows has no copy of it

	ics "github.com/arran4/golang-ical"

	"github.com/declinedesk/declinedesk/internal/day"
)

// event is what a calendar invitation says about the interview.
type event struct {
	start, end time.Time
	allDay     bool
	hasZone    bool
	summary    string
	location   string
	organizer  address
	request    bool // an invitation (METHOD:REQUEST), not only a published event
}

// errCancelled says the calendar part cancels the event instead of setting it.
var errCancelled = fmt.Errorf("the calendar invitation cancels the event")

// readCalendar reads the first event on or after the reference day (else the first) of a
// calendar part. A calendar that cannot be read is an error the caller turns into a note.
func readCalendar(b []byte, ref reference) (ev event, err error) {
	cal, err := parseCalendar(b)
	if err != nil {
		return event{}, err
	}
	method := ""
	for _, p := range cal.CalendarProperties {
		if strings.EqualFold(p.IANAToken, "METHOD") {
			method = strings.ToUpper(strings.TrimSpace(p.Value))
		}
	}
	if method == "CANCEL" {
		return event{}, errCancelled
	}
	var events []event
	var firstErr error
	for _, e := range cal.Events() {
		if p := e.GetProperty(ics.ComponentPropertyStatus); p != nil && strings.EqualFold(strings.TrimSpace(p.Value), "CANCELLED") {
			continue
		}
		start := e.GetProperty(ics.ComponentPropertyDtStart)
		if start == nil {
			continue
		}
		ev := event{request: method == "REQUEST"}
		ev.start, ev.allDay, ev.hasZone, err = icsTime(start, cal, ref)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if end := e.GetProperty(ics.ComponentPropertyDtEnd); end != nil {
			ev.end, _, _, _ = icsTime(end, cal, ref)
		}
		if p := e.GetProperty(ics.ComponentPropertySummary); p != nil {
			ev.summary = oneLine(prefix(p.Value, maxSubject))
		}
		if p := e.GetProperty(ics.ComponentPropertyLocation); p != nil {
			ev.location = oneLine(prefix(p.Value, 500))
		}
		if p := e.GetProperty(ics.ComponentPropertyOrganizer); p != nil {
			email := strings.TrimSpace(p.Value)
			if len(email) > 7 && strings.EqualFold(email[:7], "mailto:") {
				email = email[7:]
			}
			name := ""
			if cn := p.ICalParameters["CN"]; len(cn) > 0 {
				name = cn[0]
			}
			ev.organizer = address{cleanName(name, email), email}
		}
		events = append(events, ev)
	}
	if len(events) == 0 {
		if firstErr != nil {
			return event{}, firstErr
		}
		return event{}, fmt.Errorf("it has no event with a start")
	}
	best := events[0]
	for _, e := range events {
		if ref.day.IsZero() {
			break
		}
		if day.Of(e.start) >= ref.day && (day.Of(best.start) < ref.day || e.start.Before(best.start)) {
			best = e
		}
	}
	return best, nil
}

// parseCalendar parses with golang-ical, taking the properties some calendar apps write
// where they do not belong. A panic inside the library is an unreadable calendar, never a
// crash of the app.
func parseCalendar(b []byte) (cal *ics.Calendar, err error) {
	defer func() {
		if r := recover(); r != nil {
			cal, err = nil, fmt.Errorf("it is malformed")
		}
	}()
	cal, err = ics.ParseCalendarWithOptions(bytes.NewReader(b), ics.WithUnknownPropertyHandler(ics.AcceptUnknownPropertyHandler))
	if err == nil && cal == nil {
		err = fmt.Errorf("it is empty")
	}
	return cal, err
}

// icsTime reads a DTSTART or DTEND: a day (VALUE=DATE), a UTC time (…Z), a time in a
// named zone (TZID), or a floating time, which is taken as the sender's.
func icsTime(p *ics.IANAProperty, cal *ics.Calendar, ref reference) (t time.Time, allDay, hasZone bool, err error) {
	v := strings.TrimSpace(p.Value)
	bad := fmt.Errorf("its start %q is not a date and time", clip(v))
	if len(v) == 8 {
		d, err := time.Parse("20060102", v)
		if err != nil {
			return time.Time{}, false, false, bad
		}
		return d, true, false, nil
	}
	utc := strings.HasSuffix(v, "Z") || strings.HasSuffix(v, "z")
	v = strings.TrimRight(v, "Zz")
	var wall time.Time
	for _, layout := range []string{"20060102T150405", "20060102T1504"} {
		if wall, err = time.Parse(layout, v); err == nil {
			break
		}
	}
	if err != nil {
		return time.Time{}, false, false, bad
	}
	if utc {
		return wall, false, true, nil
	}
	if tzid := p.ICalParameters["TZID"]; len(tzid) > 0 {
		if loc := zoneFor(strings.Trim(tzid[0], `"`), cal, wall); loc != nil {
			return inZone(wall, loc), false, true, nil
		}
	}
	zone := ref.zone
	if zone == nil {
		zone = time.UTC
	}
	return inZone(wall, zone), false, false, nil
}

// inZone is the wall-clock time wall in loc.
func inZone(wall time.Time, loc *time.Location) time.Time {
	return time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, loc)
}

// zoneFor finds the zone a TZID names: a tz database name (also behind a prefix such as
// "/mozilla.org/20050126_1/Europe/Berlin"), a Windows name as Outlook writes them, or the
// rules of the calendar's own VTIMEZONE.
func zoneFor(tzid string, cal *ics.Calendar, wall time.Time) *time.Location {
	if tzid == "" || len(tzid) > 200 {
		return nil
	}
	load := func(name string) *time.Location {
		if strings.EqualFold(name, "local") || name == "" {
			return nil // Go's name for the machine's own zone, not a zone an invitation means
		}
		loc, err := time.LoadLocation(name)
		if err != nil {
			return nil
		}
		return loc
	}
	if loc := load(tzid); loc != nil {
		return loc
	}
	if z, ok := known.winZones[strings.ToLower(tzid)]; ok {
		return load(z)
	}
	parts := strings.Split(strings.Trim(tzid, "/"), "/")
	for i := 1; i < len(parts); i++ {
		if loc := load(strings.Join(parts[i:], "/")); loc != nil {
			return loc
		}
	}
	for _, tz := range cal.Timezones() {
		if p := tz.GetProperty(ics.ComponentPropertyTzid); p != nil && strings.TrimSpace(p.Value) == tzid {
			if off, ok := vtimezoneOffset(tz, wall); ok {
				return time.FixedZone(tzid, off)
			}
		}
	}
	return nil
}

// vtimezoneOffset is the UTC offset a VTIMEZONE gives at wall-clock time wall: the
// TZOFFSETTO of its STANDARD or DAYLIGHT rule that started last before it.
func vtimezoneOffset(tz *ics.VTimezone, wall time.Time) (int, bool) {
	var bestOnset time.Time
	bestOff, found := 0, false
	for _, c := range tz.Components {
		var base *ics.ComponentBase
		switch r := c.(type) {
		case *ics.Standard:
			base = &r.ComponentBase
		case *ics.Daylight:
			base = &r.ComponentBase
		default:
			continue
		}
		to := base.GetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto))
		start := base.GetProperty(ics.ComponentPropertyDtStart)
		if to == nil || start == nil {
			continue
		}
		off, ok := parseOffset(to.Value)
		first, err := time.Parse("20060102T150405", strings.TrimSpace(start.Value))
		if !ok || err != nil || first.After(wall) {
			continue
		}
		onset := first
		if rule := base.GetProperty(ics.ComponentPropertyRrule); rule != nil {
			for _, y := range []int{wall.Year(), wall.Year() - 1} {
				if o, ok := yearlyOnset(rule.Value, y, first); ok && !o.After(wall) {
					onset = o
					break
				}
			}
		}
		if !found || onset.After(bestOnset) {
			bestOnset, bestOff, found = onset, off, true
		}
	}
	return bestOff, found
}

// parseOffset reads a UTC offset such as +0100, -0500 or +053000.
func parseOffset(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if len(s) != 5 && len(s) != 7 || s[0] != '+' && s[0] != '-' {
		return 0, false
	}
	n, err := strconv.Atoi(s[1:])
	if err != nil {
		return 0, false
	}
	if len(s) == 7 {
		n /= 100
	}
	off := n/100*3600 + n%100*60
	if s[0] == '-' {
		off = -off
	}
	return off, off > -15*3600 && off < 15*3600
}

// yearlyOnset is when a yearly rule such as FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU starts in year
// y, at the time of day of first.
func yearlyOnset(rule string, y int, first time.Time) (time.Time, bool) {
	var month, nth int
	var wd time.Weekday = -1
	for _, kv := range strings.Split(strings.ToUpper(rule), ";") {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "FREQ":
			if v != "YEARLY" {
				return time.Time{}, false
			}
		case "BYMONTH":
			month, _ = strconv.Atoi(v)
		case "BYDAY":
			if len(v) < 2 {
				return time.Time{}, false
			}
			days := map[string]time.Weekday{"SU": 0, "MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6}
			d, ok := days[v[len(v)-2:]]
			if !ok {
				return time.Time{}, false
			}
			wd = d
			nth = 1
			if len(v) > 2 {
				n, err := strconv.Atoi(v[:len(v)-2])
				if err != nil || n == 0 || n < -5 || n > 5 {
					return time.Time{}, false
				}
				nth = n
			}
		}
	}
	if month < 1 || month > 12 || wd < 0 {
		return time.Time{}, false
	}
	h, m, s := first.Clock()
	if nth > 0 {
		d := time.Date(y, time.Month(month), 1, h, m, s, 0, time.UTC)
		d = d.AddDate(0, 0, (int(wd)-int(d.Weekday())+7)%7+7*(nth-1))
		return d, d.Month() == time.Month(month)
	}
	d := time.Date(y, time.Month(month)+1, 0, h, m, s, 0, time.UTC) // the month's last day
	d = d.AddDate(0, 0, -((int(d.Weekday())-int(wd)+7)%7)+7*(nth+1))
	return d, d.Month() == time.Month(month)
}

// clip shortens a value for a note.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
