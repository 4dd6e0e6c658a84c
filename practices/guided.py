"""Doing a guided program together (its days are content: practices.programs).

Either partner starts one (the other is told), and either may pause, resume or stop it.
Each goes through its days at their own pace: day 1 opens at once, and each next day at
the person's next local midnight after they did the one before, never all at once. Missing
days is fine: the program waits where each of them is, and nothing counts what was missed.
When both have done every day, it is finished and another may start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.couples import couple_change
from accounts.models import Couple, User
from practices.models import Notification, ProgramRun, ProgramStep
from practices.notifications import done, settle, tell
from practices.programs import PROGRAMS_BY_SLUG, Program, ProgramDay
from practices.progress import record_practice


class ProgramError(Exception):
    """What cannot be done now, in words to show."""


def current_run(couple: Couple) -> ProgramRun | None:
    return ProgramRun.objects.for_couple(couple).filter(ended_at=None).first()


@dataclass(frozen=True)
class Position:
    """Where one partner is in a run."""

    done: int
    # The day to do next (None once every day is done).
    next_day: int | None
    # Whether that day is open now (not: it opens at their next midnight, or all is paused).
    is_open: bool
    opens_tomorrow: bool


def position(run: ProgramRun, steps: list[ProgramStep], user_id: int, today: dt.date) -> Position:
    """`steps` are the run's (both partners'); `today` the person's own date."""
    mine = sorted((step for step in steps if step.user_id == user_id), key=lambda s: s.day)
    length = len(PROGRAMS_BY_SLUG[run.program].days)
    done = len(mine)
    if done >= length:
        return Position(done=done, next_day=None, is_open=False, opens_tomorrow=False)
    waits_for_midnight = bool(mine) and mine[-1].local_date >= today
    return Position(
        done=done,
        next_day=done + 1,
        is_open=run.paused_at is None and not waits_for_midnight,
        opens_tomorrow=run.paused_at is None and waits_for_midnight,
    )


def start(*, couple: Couple, user: User, program: Program) -> ProgramRun:
    with couple_change(couple):
        try:
            with transaction.atomic():
                run = ProgramRun.objects.create(
                    couple=couple, program=program.slug, started_by=user
                )
        except IntegrityError:
            raise ProgramError(
                "You two are doing a program already: finish or stop it first."
            ) from None
        tell(
            couple=couple,
            actor=user,
            kind=Notification.Kind.PROGRAM,
            key=f"program:{run.pk}",
            program_run=run,
        )
    return run


def pause(*, couple: Couple, run: ProgramRun) -> None:
    with couple_change(couple):
        ProgramRun.objects.filter(pk=run.pk, paused_at=None).update(paused_at=timezone.now())


def resume(*, couple: Couple, run: ProgramRun) -> None:
    with couple_change(couple):
        ProgramRun.objects.filter(pk=run.pk).update(paused_at=None)


def stop(*, couple: Couple, user: User, run: ProgramRun) -> None:
    """Ends the program for both; the partner is told, and "started" news of it, which
    would lead to a program no longer under way, is off both lists."""
    with couple_change(couple):
        if not ProgramRun.objects.filter(pk=run.pk, ended_at=None).update(ended_at=timezone.now()):
            return
        started_news = Notification.objects.filter(program_run=run, done_at=None)
        done(list(started_news.values_list("pk", flat=True)))
        tell(
            couple=couple,
            actor=user,
            kind=Notification.Kind.PROGRAM_STOPPED,
            key=f"program-stopped:{run.pk}",
            program_run=run,
        )


def mark_day(*, couple: Couple, user: User, run: ProgramRun, day: int) -> ProgramDay:
    """`user` did `day`, the one open to them now; returns its content."""
    program = PROGRAMS_BY_SLUG[run.program]
    today = timezone.localdate()
    with couple_change(couple):
        steps = list(ProgramStep.objects.filter(run=run).select_for_update())
        where = position(run, steps, user.pk, today)
        if where.next_day != day or not where.is_open:
            raise ProgramError(refusal(where, day))
        try:
            with transaction.atomic():
                ProgramStep.objects.create(
                    couple=couple, run=run, user=user, day=day, local_date=today
                )
        except IntegrityError:
            raise ProgramError(f"You marked day {day} done already.") from None
        content = program.days[day - 1]
        record_practice(couple=couple, user=user, practice=content.practice)
        settle(recipient=user, kinds=[Notification.Kind.PROGRAM], program_run=run)
        finished = {s.user_id for s in steps if s.day == len(program.days)}
        if day == len(program.days) and finished - {user.pk}:
            ProgramRun.objects.filter(pk=run.pk).update(ended_at=timezone.now())
    return content


def refusal(where: Position, day: int) -> str:
    if day <= where.done:
        return f"You marked day {day} done already."
    if where.next_day is None:
        return "You have done every day of this program."
    if where.opens_tomorrow:
        return f"Day {where.next_day} opens tomorrow: one day at a time."
    if not where.is_open:
        return "The program is paused: resume it first."
    return f"Day {day} is not the one open to you now: day {where.next_day} is."
