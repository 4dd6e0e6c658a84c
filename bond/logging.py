"""Structured logs without personal data.

A line carries the time, level, logger, message and, for errors, the exception's
type and the stack (file, line, function). It never carries an exception's own
message (a database error can quote the row: an email, a note), request bodies,
or the secret parts of URLs (invite tokens, email-confirmation and reset keys).
"""

from __future__ import annotations

import json
import logging
import re
import traceback

# /invite/<token>/, /accounts/confirm-email/<key>/, /accounts/password/reset/key/<key>/
SECRET_IN_PATH = re.compile(r"(/invite/|/confirm-email/|/reset/key/)[^/\s]+")


def redact(text: str) -> str:
    return SECRET_IN_PATH.sub(r"\1[redacted]", text)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info and record.exc_info[0] is not None:
            entry["exception"] = record.exc_info[0].__name__
            entry["stack"] = [
                f"{frame.filename}:{frame.lineno} in {frame.name}"
                for frame in traceback.extract_tb(record.exc_info[2])
            ]
        return json.dumps(entry, ensure_ascii=False)
