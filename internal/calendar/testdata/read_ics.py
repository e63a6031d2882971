"""Reads an iCalendar file with the icalendar package, a reader independent of the one
that wrote it, and prints what it found as JSON for the Go tests to compare."""
import json
import sys

from icalendar import Calendar

with open(sys.argv[1], 'rb') as f:
    cal = Calendar.from_ical(f.read())

errors = []
for component in cal.walk():
    for prop, err in getattr(component, 'errors', []):
        errors.append('%s %s: %s' % (component.name, prop, err))


def day(prop):
    value = prop.dt
    return {'type': type(value).__name__, 'value': value.isoformat()}


events = []
for ev in cal.walk('VEVENT'):
    events.append({
        'uid': str(ev['UID']),
        'summary': str(ev['SUMMARY']),
        'description': str(ev['DESCRIPTION']),
        'start': day(ev['DTSTART']),
        'end': day(ev['DTEND']),
        'stamp': ev['DTSTAMP'].dt.isoformat(),
        'transparency': str(ev.get('TRANSP', '')),
        'alarms': [{
            'action': str(a['ACTION']),
            'trigger_seconds': a['TRIGGER'].dt.total_seconds(),
            'description': str(a['DESCRIPTION']),
        } for a in ev.walk('VALARM')],
    })

print(json.dumps({
    'name': cal.name,
    'prodid': str(cal['PRODID']),
    'version': str(cal['VERSION']),
    'errors': errors,
    'events': events,
}))
