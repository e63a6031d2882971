package calendar

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/declinedesk/declinedesk/internal/clock/clocktest"
	"github.com/declinedesk/declinedesk/internal/day"
)

// icalendarPython finds a Python that has the icalendar package (scripts/deps.sh test
// installs python3-icalendar), or skips the test. The system Python is tried too, since a
// python3 earlier on PATH may be another installation without it.
func icalendarPython(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		path, err := exec.LookPath(name)
		if err == nil && exec.Command(path, "-c", "import icalendar").Run() == nil {
			return path
		}
	}
	t.Skip("no python3 with the icalendar package (apt-get install python3-icalendar): " +
		"the file was not checked by an independent reader")
	return ""
}

// TestAnIndependentReaderAgrees reads the file with Python's icalendar package and compares
// every event with what was meant.
func TestAnIndependentReaderAgrees(t *testing.T) {
	python := icalendarPython(t)
	got := readWithPython(t, python, mustExport(t, tricky))
	if got.Name != "VCALENDAR" || got.Version != "2.0" || got.Prodid != "-//Decline Desk//Decline Desk 9.8.7//EN" || len(got.Errors) > 0 {
		t.Fatalf("calendar %s %s %q, errors %q", got.Name, got.Version, got.Prodid, got.Errors)
	}
	var want []Event
	for i := range tricky {
		want = append(want, EventsOf(&tricky[i], day.Of(opts.Now))...)
	}
	if len(got.Events) != len(want) {
		t.Fatalf("icalendar read %d events, %d were written", len(got.Events), len(want))
	}
	byUID := map[string]Event{}
	for _, e := range want {
		byUID[e.UID()] = e
	}
	stamp := clocktest.Epoch.UTC().Format("2006-01-02T15:04:05+00:00")
	for _, e := range got.Events {
		w, ok := byUID[e.UID]
		if !ok {
			t.Errorf("unexpected event %q", e.UID)
			continue
		}
		next := w.Day.AddDays(1)
		if e.Summary != oneLine(w.Summary) || e.Description != text(w.Description) {
			t.Errorf("%s:\n got %q / %q\nwant %q / %q", e.UID, e.Summary, e.Description, w.Summary, w.Description)
		}
		if e.Start != (pyDay{"date", string(w.Day)}) || e.End != (pyDay{"date", string(next)}) {
			t.Errorf("%s: from %+v to %+v, want the whole day %s", e.UID, e.Start, e.End, w.Day)
		}
		if e.Stamp != stamp || e.Transparency != "TRANSPARENT" {
			t.Errorf("%s: stamped %s, %s", e.UID, e.Stamp, e.Transparency)
		}
		if len(e.Alarms) != 1 || e.Alarms[0].Action != "DISPLAY" || e.Alarms[0].TriggerSeconds != 9*3600 || e.Alarms[0].Description != e.Summary {
			t.Errorf("%s: reminders %+v", e.UID, e.Alarms)
		}
		if strings.ContainsAny(e.Summary, "\r\n\t") {
			t.Errorf("%s: the summary is not one line: %q", e.UID, e.Summary)
		}
	}

	empty := readWithPython(t, python, mustExport(t, opportunities{}))
	if empty.Name != "VCALENDAR" || len(empty.Events) != 0 || len(empty.Errors) > 0 {
		t.Errorf("the empty calendar read as %+v", empty)
	}
}

type pyDay struct{ Type, Value string }

// pyCalendar is what testdata/read_ics.py prints.
type pyCalendar struct {
	Name, Prodid, Version string
	Errors                []string
	Events                []struct {
		UID, Summary, Description string
		Start, End                pyDay
		Stamp, Transparency       string
		Alarms                    []struct {
			Action         string
			TriggerSeconds float64 `json:"trigger_seconds"`
			Description    string
		}
	}
}

func readWithPython(t *testing.T, python, ics string) pyCalendar {
	t.Helper()
	path := filepath.Join(t.TempDir(), "declinedesk.ics")
	if err := os.WriteFile(path, []byte(ics), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, filepath.Join("testdata", "read_ics.py"), path).Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("icalendar could not read the file: %v\n%s", err, stderr)
	}
	var got pyCalendar
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return got
}
