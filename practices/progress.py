"""Which practices each partner did lately, counted from PracticeLog.

Progress is shown calmly: a mark for what was done this week, and a gentle
suggestion of the practice the couple has done least in the last four weeks.
There are no streaks and nothing is ever counted against anyone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Couple, User
from practices.content import PRACTICES, Practice
from practices.display import path_to
from practices.models import PracticeLog

LOOK_BACK = dt.timedelta(days=28)


def record_practice(*, couple: Couple, user: User, practice: str) -> None:
    """Note that `user` did `practice` today (in their own time zone); once a day is enough."""
    try:
        with transaction.atomic():
            PracticeLog.objects.get_or_create(
                couple=couple, user=user, practice=practice, day=timezone.localdate()
            )
    except IntegrityError:
        pass  # recorded by a simultaneous request


@dataclass
class PracticeProgress:
    practice: Practice
    me_this_week: bool
    partner_this_week: bool
    times_lately: int
    url: str


def week_start(today: dt.date) -> dt.date:
    return today - dt.timedelta(days=today.weekday())


def progress(*, couple: Couple, user: User) -> tuple[list[PracticeProgress], Practice]:
    """Each practice's marks this week, and the one to suggest (done least lately)."""
    today = timezone.localdate()
    monday = week_start(today)
    rows = list(
        PracticeLog.objects.for_couple(couple)
        .filter(day__gte=today - LOOK_BACK)
        .values_list("user_id", "practice", "day")
    )
    marks = []
    for practice in PRACTICES:
        mine = [day for uid, slug, day in rows if slug == practice.slug and uid == user.pk]
        theirs = [day for uid, slug, day in rows if slug == practice.slug and uid != user.pk]
        marks.append(
            PracticeProgress(
                practice=practice,
                me_this_week=any(day >= monday for day in mine),
                partner_this_week=any(day >= monday for day in theirs),
                times_lately=len(mine) + len(theirs),
                url=path_to("practices:practice", practice.slug),
            )
        )
    # Ties go to the earlier practice: the list is in the article's order.
    suggestion = min(marks, key=lambda mark: mark.times_lately).practice
    return marks, suggestion
