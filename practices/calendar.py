"""iCalendar for a couple's plans: a private feed to subscribe to, and one-off downloads.

Timed plans are written in UTC (the moment is the same for both partners wherever
they are); plans with a date and no time are all-day events. UIDs stay the same for
the life of a plan and SEQUENCE follows its version, so calendar apps update events
in place; cancelled plans stay in the feed marked CANCELLED so that they disappear.

Whatever a plan's words hold, they cannot end a line of the file: icalendar escapes line
breaks, ";", "," and "\\" in TEXT properties (SUMMARY, LOCATION, DESCRIPTION), and the
calendar's name, a property icalendar does not know, is made TEXT here for the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar, Event, vText

from practices.models import Plan

# Timed plans have no end in Bond; calendars need one.
TIMED_PLAN_LENGTH = dt.timedelta(hours=2)
FEED_STATUSES = (Plan.Status.PLANNED, Plan.Status.DONE, Plan.Status.CANCELLED)


def uid_of(plan: Plan) -> str:
    return f"plan-{plan.pk}@bond"


def event_of(plan: Plan, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", uid_of(plan))
    event.add("dtstamp", stamp)
    event.add("summary", plan.title)
    if plan.starts_at:
        start = plan.starts_at.astimezone(dt.UTC)
        event.add("dtstart", start)
        event.add("dtend", start + TIMED_PLAN_LENGTH)
    else:
        event.add("dtstart", plan.day)
        event.add("dtend", plan.day + dt.timedelta(days=1))
    if plan.place:
        event.add("location", plan.place)
    if plan.description:
        event.add("description", plan.description)
    event.add("sequence", plan.version - 1)
    event.add("last-modified", plan.updated_at.astimezone(dt.UTC))
    event.add("status", "CANCELLED" if plan.status == Plan.Status.CANCELLED else "CONFIRMED")
    return event


def calendar_of(plans: Iterable[Plan], name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Bond//Plans//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # Written as it is otherwise, and a line break would end the line (icalendar raises). A
    # name is one line, even one made from a title stored before titles were kept to one.
    calendar.add("x-wr-calname", vText(" ".join(name.split())))
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for plan in plans:
        calendar.add_component(event_of(plan, stamp))
    return calendar.to_ical()
