"""The dates of ``source.published`` and ``source.retrieved``, as the corpus's filters read them.

A date is read from the start of an ISO 8601 value: a date or a date-time,
a year-month, or a year (which stands for its first day).  Any other form
("April 2021", "16/04/2021") is no date to the filters; reading the raw
files warns about it (W108), so a researcher can fix the sidecar.

>>> as_date("2021-05-03T09:00:00Z"), as_date("2021-05"), as_date("May 2021")
(datetime.date(2021, 5, 3), datetime.date(2021, 5, 1), None)
"""

from __future__ import annotations

import re
from datetime import date

ISO_START = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")


def as_date(value: str | date | None) -> date | None:
    """A date from an ISO date or date-time, a year-month or a year; ``None`` when there is none to read."""
    if value is None or isinstance(value, date):
        return value
    found = ISO_START.match(value.strip())
    if not found:
        return None
    try:
        return date(int(found[1]), int(found[2] or 1), int(found[3] or 1))
    except ValueError:
        return None
