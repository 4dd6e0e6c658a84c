"""The daily question for two, and the conversation around it.

The question of a day is pinned in DailyQuestion the first time either partner sees it,
so both get the same one all day, whatever changes after. It is picked (`picks`) from:
the couple's own questions not asked yet, oldest first; else their walk through the
pool, a fixed shuffled order of their own counted from the day they linked, taking the
first question of the decks they chose that was not asked in the year before the day;
if their decks have none left this year, the first of any deck. So no question comes
back within a year (the pool has more than 365), and deck choices and new questions of
their own shape the days not pinned yet: tomorrow's.

Either may set the day's question aside for another, once a day, while neither has
answered it. Both answers are revealed once both answered; then each may reply to the
other's answer, once, with a few words, a reaction, or both.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.couples import couple_change
from accounts.models import Couple, User
from practices.display import path_to
from practices.models import (
    Answer,
    AnswerReply,
    CustomQuestion,
    DailyQuestion,
    Entry,
    Notification,
    QuestionSettings,
)
from practices.notifications import settle, tell
from practices.progress import record_practice
from practices.questions import DECKS, QUESTIONS

CATCH_UP_DAYS = 7
# No question comes back within this many days.
NO_REPEAT_DAYS = 365


@lru_cache(maxsize=4096)
def question_order(couple_id: int, pool_size: int) -> tuple[int, ...]:
    """This couple's own permutation of the pool (stable across processes and restarts)."""

    def shuffled_key(index: int) -> bytes:
        return hashlib.sha256(f"bond-question:{couple_id}:{index}".encode()).digest()

    return tuple(sorted(range(pool_size), key=shuffled_key))


def walk_from(couple: Couple, day: dt.date) -> list[int]:
    """The pool in the couple's order, starting at the day's own place in it."""
    order = question_order(couple.pk, len(QUESTIONS))
    start = (day - couple.linked_at.date()).days % len(order)
    return [*order[start:], *order[:start]]


def chosen_decks(couple: Couple) -> set[str]:
    chosen = QuestionSettings.objects.filter(couple=couple).values_list("decks", flat=True).first()
    return set(chosen or ()) or {key for key, _label in DECKS}


def picks(couple: Couple, days: list[dt.date]) -> dict[dt.date, dict]:
    """The questions for `days` (none pinned yet), as the fields of their DailyQuestion
    rows (see the module's doc), oldest day first: three queries for any number of days."""
    year = dt.timedelta(days=NO_REPEAT_DAYS)
    asked = list(
        DailyQuestion.objects.for_couple(couple)
        .filter(day__gt=min(days) - year, day__lt=max(days) + year)
        .exclude(question_index=None)
        .values_list("day", "question_index")
    )
    asked_own = DailyQuestion.objects.for_couple(couple).exclude(custom=None).values("custom")
    own = list(
        CustomQuestion.objects.for_couple(couple)
        .exclude(pk__in=asked_own)
        .order_by("created_at", "pk")[: len(days)]
    )
    decks = chosen_decks(couple)
    chosen = {}
    for day in sorted(days):
        if own:
            chosen[day] = {"custom": own.pop(0)}
            continue
        # A year either side: a day caught up on later must not repeat one asked since.
        this_year = {index for when, index in asked if abs(when - day) < year}
        # Only a year of setting aside a question every day spends the whole pool.
        walk = walk_from(couple, day)
        fresh = [i for i in walk if i not in this_year] or walk
        index = next((i for i in fresh if QUESTIONS[i].deck in decks), fresh[0])
        asked.append((day, index))
        chosen[day] = {"question_index": index}
    return chosen


def pin_missing(couple: Couple, days: list[dt.date]) -> dict[dt.date, DailyQuestion]:
    """Pins the questions of `days`, which nobody had seen, and returns each day's.

    A write on reading, as a read receipt is, and outside `couple_change`: it records what
    the pages show from now on and changes nothing they showed. The partner's page may pin
    a day at the same moment: theirs stands (the row ignored here), and is read back."""
    DailyQuestion.objects.bulk_create(
        [
            DailyQuestion(couple=couple, day=day, **fields)
            for day, fields in picks(couple, days).items()
        ],
        ignore_conflicts=True,
    )
    return {
        question.day: question
        for question in DailyQuestion.objects.for_couple(couple)
        .filter(day__in=days, skipped=False)
        .select_related("custom")
    }


def pin(couple: Couple, day: dt.date) -> DailyQuestion:
    """The day's question, pinned now if nobody has seen it yet."""
    found = DailyQuestion.objects.for_couple(couple).filter(day=day, skipped=False).first()
    return found or pin_missing(couple, [day])[day]


def question_text(pinned: DailyQuestion) -> str:
    return pinned.custom.text if pinned.custom_id else QUESTIONS[pinned.question_index].text


def answerable_days(couple: Couple, today: dt.date) -> list[dt.date]:
    """Today and up to six days before (never before the couple linked), newest first."""
    linked = couple.linked_at.date()
    days = [today - dt.timedelta(days=offset) for offset in range(CATCH_UP_DAYS)]
    return [day for day in days if day >= linked]


@dataclass
class DayQuestion:
    """What one partner may see of one day's question."""

    day: dt.date
    pinned: DailyQuestion
    text: str
    # One of the couple's own questions: its author's id.
    own_by: int | None
    mine: Answer | None
    theirs: Answer | None  # present only once both have answered
    partner_answered: bool
    # A first question of the day was set aside for this one.
    after_a_skip: bool = False
    # Once both answered: the viewer's reply on the partner's answer, and both replies.
    my_reply: AnswerReply | None = None
    replies: list[AnswerReply] = field(default_factory=list)

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

    @property
    def can_skip(self) -> bool:
        return not self.after_a_skip and self.mine is None and not self.partner_answered


def questions_for_days(
    *, couple: Couple, user: User, days: list[dt.date], with_replies: bool = True
) -> list[DayQuestion]:
    """What this user may see of each day's question (and, unless a list needs none, the
    replies), pinning those nobody saw yet; a fixed number of queries for all the days."""
    pinned, skipped = {}, set()
    for question in (
        DailyQuestion.objects.for_couple(couple).filter(day__in=days).select_related("custom")
    ):
        if question.skipped:
            skipped.add(question.day)
        else:
            pinned[question.day] = question
    missing = [day for day in days if day not in pinned]
    if missing:
        pinned.update(pin_missing(couple, missing))
    ids = [question.pk for question in pinned.values()]
    answers = list(Answer.objects.for_couple(couple).filter(question__in=ids).with_shown(user))
    # Replies open once both answered: none to look for before.
    revealed = {a.question_id for a in answers if a.author_id == user.pk} & {
        a.question_id for a in answers if a.author_id != user.pk
    }
    replies = (
        list(AnswerReply.objects.for_couple(couple).filter(question__in=revealed))
        if revealed and with_replies
        else []
    )
    result = []
    for day in days:
        question = pinned[day]
        of_day = [a for a in answers if a.question_id == question.pk]
        mine = next((a for a in of_day if a.author_id == user.pk), None)
        theirs = next((a for a in of_day if a.author_id != user.pk), None)
        shown = mine is not None and theirs is not None
        said = [reply for reply in replies if reply.question_id == question.pk] if shown else []
        result.append(
            DayQuestion(
                day=day,
                pinned=question,
                text=question_text(question),
                own_by=question.custom.author_id if question.custom_id else None,
                mine=mine,
                theirs=theirs if theirs and theirs.shown else None,
                partner_answered=theirs is not None,
                after_a_skip=day in skipped,
                my_reply=next((r for r in said if r.author_id == user.pk), None),
                replies=said,
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
        question = pin(couple, day)
        if not Entry.objects.filter(question=question).exists():
            Entry.objects.create(
                couple=couple,
                kind=Entry.Kind.QUESTION,
                question=question,
                occurred_at=timezone.now(),
            )
        # Lock the day's answers so that "edit until the partner answers" cannot race.
        answers = list(Answer.objects.select_for_update().filter(question=question))
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
                        couple=couple, question=question, author=user, text=text
                    )
            except IntegrityError:
                raise AnswerLocked from None
            # The timeline shows the question when its newest answer arrived.
            Entry.objects.filter(question=question).update(occurred_at=mine.created_at)
            settle(recipient=user, kinds=[Notification.Kind.ANSWER], question=question)
            tell(
                couple=couple,
                actor=user,
                kind=Notification.Kind.ANSWER,
                key=f"answer:{question.pk}",
                question=question,
                expires_at=answerable_until(couple, day),
            )
        record_practice(couple=couple, user=user, practice="communication")
    return mine


def answerable_until(couple: Couple, day: dt.date) -> dt.datetime:
    """When `day`'s question can no longer be answered (the catch-up days are over), at
    midnight in the zone being used."""
    last = day + dt.timedelta(days=CATCH_UP_DAYS)
    return dt.datetime.combine(last, dt.time.min, tzinfo=timezone.get_current_timezone())


class CannotSkip(Exception):
    """Today's question was set aside once already, or one of them answered it."""


def skip(*, couple: Couple, day: dt.date) -> DailyQuestion:
    """Set the day's question aside for another, once, while nobody has answered it."""
    with couple_change(couple):
        question = pin(couple, day)
        if Answer.objects.filter(question=question).exists():
            raise CannotSkip("One of you has answered it already: it stays.")
        try:
            with transaction.atomic():
                DailyQuestion.objects.filter(pk=question.pk).update(skipped=True)
        except IntegrityError:
            raise CannotSkip("The question of the day was set aside once already.") from None
        return DailyQuestion.objects.create(couple=couple, day=day, **picks(couple, [day])[day])


def choose_decks(*, couple: Couple, decks: list[str]) -> None:
    """The decks the next days' questions come from (none: all of them)."""
    all_of_them = len(decks) == len(DECKS)
    with couple_change(couple):
        QuestionSettings.objects.update_or_create(
            couple=couple,
            defaults={"decks": [] if all_of_them else decks, "updated_at": timezone.now()},
        )


def add_own_question(*, couple: Couple, user: User, text: str) -> CustomQuestion:
    with couple_change(couple):
        return CustomQuestion.objects.create(couple=couple, author=user, text=text)


class ReplyNotOpen(Exception):
    """A reply is to the partner's answer, once both answered, and once."""


def reply(
    *, couple: Couple, user: User, question: DailyQuestion, text: str, reaction: str
) -> AnswerReply:
    """`user`'s word back on the partner's answer to `question`; the partner is told."""
    with couple_change(couple):
        authors = set(Answer.objects.filter(question=question).values_list("author", flat=True))
        if user.pk not in authors or len(authors) < 2:
            raise ReplyNotOpen("Replies open once you have both answered.")
        try:
            with transaction.atomic():
                said = AnswerReply.objects.create(
                    couple=couple, question=question, author=user, text=text, reaction=reaction
                )
        except IntegrityError:
            raise ReplyNotOpen("You have replied to this answer already.") from None
        settle(recipient=user, kinds=[Notification.Kind.ANSWER_REPLY], question=question)
        tell(
            couple=couple,
            actor=user,
            kind=Notification.Kind.ANSWER_REPLY,
            key=f"answer-reply:{question.pk}",
            question=question,
        )
    return said
