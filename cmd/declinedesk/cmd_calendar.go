package main

import (
	"fmt"
	"io"

	"github.com/declinedesk/declinedesk"
	"github.com/declinedesk/declinedesk/internal/calendar"
	"github.com/declinedesk/declinedesk/internal/fsutil"
	"github.com/declinedesk/declinedesk/internal/tracker"
)

// runCalendar writes the follow-ups and the interviews still ahead as an .ics file.
func runCalendar(e *env, args []string) error {
	name, s, err := e.fileCommand("calendar", args, "OUT.ics (or - for standard output)", nil)
	if err != nil {
		return err
	}
	defer s.Close()
	info := declinedesk.AppInfo()
	opts := calendar.Options{Now: e.now(), Product: info.Name + " " + info.Version}
	var n int
	if name == "-" {
		if n, err = calendar.Export(e.stdout, s, opts); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s\n", eventCount(n))
		return nil
	}
	err = fsutil.WriteOutput(name, 0o600, tracker.OutputGuard(s.Path()), func(w io.Writer) error {
		n, err = calendar.Export(w, s, opts)
		return err
	})
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", name, err)
	}
	fmt.Fprintf(e.stderr, "wrote %s to %s\n", eventCount(n), name)
	return nil
}

func eventCount(n int) string {
	if n == 1 {
		return "1 event"
	}
	return fmt.Sprintf("%d events", n)
}
