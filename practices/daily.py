"""The daily question for two.

Each couple walks the question pool in its own fixed, shuffled order, one
question a day counted from the day they linked: so both partners see the same
question, a restart changes nothing, and no question repeats within a year
(the pool has more than 365). The question of a day is pinned in DailyQuestion
when the first answer arrives, so later additions to the pool never change a
question someone already answered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import lru_cache

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.couples import couple_change
from accounts.models import Couple, User
from practices.display import path_to
from practices.models import Answer, DailyQuestion, Entry, Notification
from practices.notifications import settle, tell
from practices.progress import record_practice
from practices.questions import QUESTIONS, Question

CATCH_UP_DAYS = 7


@lru_cache(maxsize=4096)
def question_order(couple_id: int, pool_size: int) -> tuple[int, ...]:
    """This couple's own permutation of the pool (stable across processes and restarts)."""

    def shuffled_key(index: int) -> bytes:
        return hashlib.sha256(f"bond-question:{couple_id}:{index}".encode()).digest()

    return tuple(sorted(range(pool_size), key=shuffled_key))


def question_index_for(couple: Couple, day: dt.date) -> int:
    days_linked = (day - couple.linked_at.date()).days
    order = question_order(couple.pk, len(QUESTIONS))
    return order[days_linked % len(order)]


def answerable_days(couple: Couple, today: dt.date) -> list[dt.date]:
    """Today and up to six days before (never before the couple linked), newest first."""
    linked = couple.linked_at.date()
    days = [today - dt.timedelta(days=offset) for offset in range(CATCH_UP_DAYS)]
    return [day for day in days if day >= linked]


@dataclass
class DayQuestion:
    """What one partner may see of one day's question."""

    day: dt.date
    question: Question
    pinned: DailyQuestion | None
    mine: Answer | None
    theirs: Answer | None  # present only once both have answered
    partner_answered: bool

    @property
    def url(self) -> str:
        return path_to("practices:question_day", self.day.isoformat())

    @property
    def weekday(self) -> str:
        return f"{self.day:%A}"

    @property
    def revealed(self) -> bool:
        return self.mine is not None and self.partner_answered

    @property
    def can_edit(self) -> bool:
        """Anyone may answer; an answer is fixed once the partner has answered too."""
        return self.mine is None or not self.partner_answered


def questions_for_days(*, couple: Couple, user: User, days: list[dt.date]) -> list[DayQuestion]:
    """What this user may see of each day's question; one query for all the days."""
    answers = list(
        Answer.objects.for_couple(couple)
        .filter(question__day__in=days)
        .with_shown(user)
        .select_related("question")
    )
    result = []
    for day in days:
        of_day = [a for a in answers if a.question.day == day]
        pinned = of_day[0].question if of_day else None
        mine = next((a for a in of_day if a.author_id == user.pk), None)
        theirs = next((a for a in of_day if a.author_id != user.pk), None)
        index = pinned.question_index if pinned else question_index_for(couple, day)
        result.append(
            DayQuestion(
                day=day,
                question=QUESTIONS[index],
                pinned=pinned,
                mine=mine,
                theirs=theirs if theirs and theirs.shown else None,
                partner_answered=theirs is not None,
            )
        )
    return result


def day_question(*, couple: Couple, user: User, day: dt.date) -> DayQuestion:
    return questions_for_days(couple=couple, user=user, days=[day])[0]


class AnswerLocked(Exception):
    """The partner has answered too: the answer is fixed now."""


def save_answer(*, couple: Couple, user: User, day: dt.date, text: str) -> Answer:
    """Create or edit this user's answer for the day's question."""
    with couple_change(couple):
        pinned, created = DailyQuestion.objects.get_or_create(
            couple=couple, day=day, defaults={"question_index": question_index_for(couple, day)}
        )
        if created:
            Entry.objects.create(
                couple=couple, kind=Entry.Kind.QUESTION, question=pinned, occurred_at=timezone.now()
            )
        # Lock the day's answers so that "edit until the partner answers" cannot race.
        answers = list(Answer.objects.select_for_update().filter(question=pinned))
        mine = next((a for a in answers if a.author_id == user.pk), None)
        if mine is not None:
            if any(a.author_id != user.pk for a in answers):
                raise AnswerLocked
            mine.text = text
            mine.updated_at = timezone.now()
            mine.save(update_fields=["text", "updated_at"])
        else:
            try:
                with transaction.atomic():
                    mine = Answer.objects.create(
                        couple=couple, question=pinned, author=user, text=text
                    )
            except IntegrityError:
                raise AnswerLocked from None
            # The timeline shows the question when its newest answer arrived.
            Entry.objects.filter(question=pinned).update(occurred_at=mine.created_at)
            settle(recipient=user, kinds=[Notification.Kind.ANSWER], question=pinned)
            tell(
                couple=couple,
                actor=user,
                kind=Notification.Kind.ANSWER,
                key=f"answer:{pinned.pk}",
                question=pinned,
                expires_at=answerable_until(couple, day),
            )
        record_practice(couple=couple, user=user, practice="communication")
    return mine


def answerable_until(couple: Couple, day: dt.date) -> dt.datetime:
    """When `day`'s question can no longer be answered (the catch-up days are over), at
    midnight in the zone being used."""
    last = day + dt.timedelta(days=CATCH_UP_DAYS)
    return dt.datetime.combine(last, dt.time.min, tzinfo=timezone.get_current_timezone())
