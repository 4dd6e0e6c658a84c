"""What the journal's templates show, worked out once in Python.

The timeline and the lists render many rows; a `{% url %}` or a `|date` filter per row
costs more than the rest of the row. Here paths come from a pattern reversed once, and
dates are formatted with strftime in the viewer's time zone.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from django.urls import reverse
from django.utils import timezone

# Stands in for an object's id while reversing a URL pattern once.
_PLACEHOLDER = 2147483647


@cache
def _pattern(name: str) -> str:
    return reverse(name, args=[_PLACEHOLDER]).replace(str(_PLACEHOLDER), "{}")


def path_to(name: str, arg: int | str) -> str:
    """reverse(name, args=[arg]), without resolving the pattern again for every row."""
    return _pattern(name).format(arg)


def moment_label(moment: dt.datetime) -> str:
    """'Wed 25 Nov 2026, 19:46' in the active (viewer's) time zone."""
    local = timezone.localtime(moment)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M}"


def day_label(day: dt.date) -> str:
    """'Wed 25 Nov 2026'."""
    return f"{day:%a} {day.day} {day:%b %Y}"
