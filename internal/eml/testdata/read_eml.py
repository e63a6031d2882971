"""Reads .eml drafts with Python's email package, as an independent check of the Go writer.

Usage: read_eml.py FILE...  Prints a JSON array with, for each file, what a mail app needs
to thread the reply and show it: subject, addresses, In-Reply-To, References, the body, and
every defect the parser noticed.
"""
import email
import email.policy
import json
import re
import sys


def read(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    defects = [type(d).__name__ for d in msg.defects]
    out = {}
    for name in ("Subject", "From", "To", "In-Reply-To", "References", "X-Unsent", "MIME-Version"):
        value = msg[name]
        if value is None:
            out[name] = None
            continue
        defects += [name + ": " + type(d).__name__ for d in value.defects]
        out[name] = str(value)
    out["ReferencesIDs"] = re.findall(r"<[^<>\s]+>", out["References"] or "")
    out["InReplyToIDs"] = re.findall(r"<[^<>\s]+>", out["In-Reply-To"] or "")
    out["ToAddress"] = [a.addr_spec for a in msg["To"].addresses] if msg["To"] else []
    out["ToName"] = [a.display_name for a in msg["To"].addresses] if msg["To"] else []
    out["ContentType"] = msg.get_content_type()
    out["Charset"] = msg.get_content_charset()
    out["Body"] = msg.get_content()
    out["Defects"] = defects
    return out


print(json.dumps([read(p) for p in sys.argv[1:]]))
