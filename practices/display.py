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

from practices.content import PRACTICES_BY_SLUG

# Stands in for an object's id while reversing a URL pattern once.
_PLACEHOLDER = 2147483647


@cache
def _pattern(name: str) -> str:
    return reverse(name, args=[_PLACEHOLDER]).replace(str(_PLACEHOLDER), "{}")


def path_to(name: str, arg: int | str) -> str:
    """reverse(name, args=[arg]), without resolving the pattern again for every row."""
    return _pattern(name).format(arg)


@cache
def action_path(slug: str) -> str:
    """The last step of a practice: its action (the couple's check-ins, reflect-backs...)."""
    number = len(PRACTICES_BY_SLUG[slug].steps) + 1
    return reverse("practices:practice_step", kwargs={"slug": slug, "number": number})


def machine_time(moment: dt.datetime) -> str:
    """'2026-11-25T19:46:05Z': a valid HTML datetime (no microseconds), in UTC."""
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def moment_label(moment: dt.datetime) -> str:
    """'Wed 25 Nov 2026, 19:46' in the active (viewer's) time zone."""
    local = timezone.localtime(moment)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M}"


def day_label(day: dt.date) -> str:
    """'Wed 25 Nov 2026'."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def when_label(moment: dt.datetime) -> str:
    """'today, 09:14', 'yesterday, 21:03' or 'Mon 30 Nov', in the viewer's time zone."""
    local = timezone.localtime(moment)
    days_ago = (timezone.localdate() - local.date()).days
    if days_ago == 0:
        return f"today, {local:%H:%M}"
    if days_ago == 1:
        return f"yesterday, {local:%H:%M}"
    return f"{local:%a} {local.day} {local:%b}"


def same_day_in(day: dt.date, year: int) -> dt.date:
    """The day's anniversary in `year` (29 February: the 28th in other years)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)
