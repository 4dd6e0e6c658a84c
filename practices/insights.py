"""Our month in a picture: what a couple did in one month, counted for one viewer.

Reads only, and only what both partners may see (README, "Who sees what"): notes, plans,
check-ins, practice logs, program days, and *whether* each answered the day's question.
Never an answer's or a reflection's words, never an affection tick.

Every query is bounded by the month or by a constant, never by the size of the journal:
an aggregate (or the month's few rows) per kind over a date range on an indexed column,
the 100th/500th/1000th note by an index walk of at most a thousand entries, and "on this
day" by the exact range of one day with LIMIT 1. A month of a couple with a hundred
thousand entries costs the same number of queries as a month of a couple with ten.

Days are the viewer's own: the month runs from midnight on the 1st to midnight on the
1st of the next month in their time zone (the middleware activates it). Check-ins,
practice logs and program days carry the date their author lived them (CheckIn.day,
PracticeLog.day, ProgramStep.local_date), and are counted by that date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma, ordinal
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Subquery, Value, When
from django.urls import reverse
from django.utils import timezone

from accounts.models import Couple
from practices.content import PRACTICES
from practices.display import day_label, path_to, same_day_in
from practices.models import (
    CheckIn,
    DailyQuestion,
    Note,
    Plan,
    PracticeLog,
    ProgramStep,
)
from practices.presenters import PhotoCard, Viewer, photo_cards
from practices.programs import PROGRAMS_BY_SLUG
from practices.selectors import photos_seen_by

# The notes that are a quiet milestone: the 100th the two of them wrote each other, ...
NOTE_MILESTONES = (100, 500, 1000)
# Days since they linked on Bond that are worth a line.
DAY_MILESTONES = (100, 1000)
# Left out of the practices touched, for both partners: the affection practice is logged
# by the private affection tick (practices.exercises.tick_affection), so its days would tell
# the partner on how many days the viewer ticked, which they must never learn (README, "Who
# sees what"); and this page shows no ticks at all, not even the viewer's own.
PRIVATE_PRACTICES = ("affection",)
# Weeks of a month, for the small chart: the 1st to the 7th, the 8th to the 14th, ...
WEEK_STARTS = (1, 8, 15, 22, 29)
# A program day is counted by its doer's own date; its instant may lie up to a day away
# from the viewer's month (time zones span 26 hours), so the indexed range is widened by
# that much and the date decides.
ZONE_SLACK = dt.timedelta(days=1)

YEAR_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


@dataclass(frozen=True, slots=True)
class Both:
    """One number for each of them: the viewer's, and the partner's."""

    mine: int
    theirs: int

    @property
    def total(self) -> int:
        return self.mine + self.theirs


@dataclass(frozen=True, slots=True)
class Week:
    first: dt.date
    last: dt.date  # the 7th, ..., the month's last day; today, in the month so far
    label: str  # "1–7 Nov"
    notes: Both


@dataclass(frozen=True, slots=True)
class Plans:
    made: int  # created this month
    done: int  # marked done, for a day of this month
    cancelled: int  # let go, for a day of this month


@dataclass(frozen=True, slots=True)
class PracticeDays:
    slug: str
    title: str
    days: Both  # on how many days each did it


@dataclass(frozen=True, slots=True)
class ProgramDays:
    slug: str
    title: str
    days: Both  # how many of its days each did this month


@dataclass(frozen=True, slots=True)
class Questions:
    together: int  # days both answered the day's question
    mine: int  # days the viewer answered
    theirs: int  # days the partner answered
    together_days: tuple[dt.date, ...]


@dataclass(frozen=True, slots=True)
class Mood:
    """One day with a check-in from either of them (1–5, None: none that day)."""

    day: dt.date
    mine: int | None
    theirs: int | None

    @property
    def mine_label(self) -> str:
        return mood_label(self.mine)

    @property
    def theirs_label(self) -> str:
        return mood_label(self.theirs)


@dataclass(frozen=True, slots=True)
class Remembered:
    """A note or a date from a year or a month before today, seen by both."""

    ago: str  # "A year ago", "A month ago"
    day: dt.date
    day_label: str
    kind: str  # "note", "plan" or "photos"
    text: str  # the note's words, or the plan's title
    byline: str  # "Sam to you", "You to Sam"; "A date you had", "A date you planned"
    url: str
    photos: tuple[PhotoCard, ...] = ()  # added that day, seen by the viewer


@dataclass(frozen=True, slots=True)
class Milestone:
    day: dt.date
    day_label: str
    text: str
    upcoming: bool  # later in the month so far


@dataclass(frozen=True, slots=True)
class MonthPicture:
    first: dt.date
    last: dt.date  # the month's last day
    until: dt.date  # the last day counted: today, in the month so far
    so_far: bool
    label: str  # "November 2026"
    partner_name: str  # mid-sentence: "Sam", "your former partner"
    notes: Both  # written by each
    weeks: tuple[Week, ...]
    plans: Plans
    practices: tuple[PracticeDays, ...]  # the ones either did, in the practices' order
    programs: tuple[ProgramDays, ...]
    questions: Questions
    moods: tuple[Mood, ...]  # days with a check-in, in order
    on_this_day: tuple[Remembered, ...]
    milestones: tuple[Milestone, ...]

    @property
    def check_ins(self) -> Both:
        return Both(
            mine=sum(m.mine is not None for m in self.moods),
            theirs=sum(m.theirs is not None for m in self.moods),
        )

    @property
    def is_quiet(self) -> bool:
        """Nothing at all in the journal this month (nothing is wrong with that)."""
        return not (
            self.notes.total
            or self.plans.made
            or self.plans.done
            or self.plans.cancelled
            or self.practices
            or self.programs
            or self.questions.mine
            or self.questions.theirs
            or self.moods
        )


def mood_label(mood: int | None) -> str:
    return CheckIn.Mood(mood).label if mood else ""


# Which months there are ------------------------------------------------------------------


def parse_month(raw: str) -> dt.date | None:
    """'2026-11' -> 1 November 2026; anything else (or month 13) -> None."""
    found = YEAR_MONTH.fullmatch(raw)
    if found is None:
        return None
    year, month = int(found[1]), int(found[2])
    if not (1 <= month <= 12 and year >= 1):
        return None
    return dt.date(year, month, 1)


def month_span(couple: Couple, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and the last month the couple's pictures cover (as their 1st days): from
    the month they linked to this month, or to the month an archive's link ended."""
    linked = timezone.localtime(couple.linked_at).date()
    latest = today if couple.is_active else min(today, timezone.localtime(couple.ended_at).date())
    return linked.replace(day=1), max(latest, linked).replace(day=1)


def shift_month(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def midnight(day: dt.date) -> dt.datetime:
    """The start of `day` in the active (viewer's) time zone."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


# The picture -----------------------------------------------------------------------------


def month_of(*, viewer: Viewer, year: int, month: int) -> MonthPicture:
    """The month `year`-`month` of the viewer's couple, as the viewer sees it.

    At most nine queries, whatever the size of the journal:
    1. notes by author and week;
    2. plans made, done and let go (two aggregates in one UNION ALL);
    3. practice days and program days (the month's rows of both, in one UNION ALL);
    4. the month's daily questions, each with its count of answers and the viewer's;
    5. the month's check-ins (day, author, mood);
    6. picked notes (one row each, in one UNION ALL): the couple's 100th, 500th and
       1000th, in a month with notes; in the month so far, the first note of the same
       day a year and a month ago;
    7. in the month so far, a date for each of those days that had no note;
    8, 9. in the month so far, the photos of each of those two days.
    """
    couple, me = viewer.couple, viewer.user
    today = timezone.localdate()
    first = dt.date(year, month, 1)
    earliest, latest = month_span(couple, today)
    if not earliest <= first <= latest:
        raise ValueError(f"{first:%Y-%m} is not a month of this couple's")
    last = first.replace(day=calendar.monthrange(year, month)[1])
    so_far = first == today.replace(day=1)
    until = today if so_far else last
    start, end = midnight(first), midnight(last + dt.timedelta(days=1))

    weeks, notes = notes_by_week(couple, me, first, until, start, end)
    practices, programs = practices_and_programs(couple, me, first, last, start, end)
    anchors = on_this_day_anchors(couple, today) if so_far else []
    picked = picked_notes(
        couple, nth=NOTE_MILESTONES if notes.total else (), days=[day for _, day in anchors]
    )
    return MonthPicture(
        first=first,
        last=last,
        until=until,
        so_far=so_far,
        label=f"{first:%B %Y}",
        partner_name=viewer.partner_label,
        notes=notes,
        weeks=weeks,
        plans=plans_of(couple, first, last, start, end),
        practices=practices,
        programs=programs,
        questions=questions_of(couple, me, first, last),
        moods=moods_of(couple, me, first, last),
        on_this_day=remembered(viewer, anchors, picked),
        milestones=milestones_of(couple, first, last, today, start, end, picked),
    )


def notes_by_week(
    couple: Couple,
    me,
    first: dt.date,
    until: dt.date,
    start: dt.datetime,
    end: dt.datetime,
) -> tuple[tuple[Week, ...], Both]:
    """One query: the month's notes counted by author and week (at most ten rows)."""
    starts = [first.replace(day=day) for day in WEEK_STARTS if day <= until.day]
    # The week of a note, by comparisons on the indexed column: no function per row.
    week = Case(
        *(
            When(created_at__lt=midnight(following), then=Value(index))
            for index, following in enumerate(starts[1:])
        ),
        default=Value(len(starts) - 1),
        output_field=IntegerField(),
    )
    rows = (
        Note.objects.for_couple(couple)
        .filter(created_at__gte=start, created_at__lt=end)
        .annotate(week=week)
        .values_list("week", "author_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts: dict[tuple[int, bool], int] = {}
    for index, author_id, count in rows:
        key = (index, author_id == me.pk)
        counts[key] = counts.get(key, 0) + count
    weeks = []
    for index, week_first in enumerate(starts):
        week_last = starts[index + 1] - dt.timedelta(days=1) if index + 1 < len(starts) else until
        weeks.append(
            Week(
                first=week_first,
                last=week_last,
                label=f"{week_first.day}–{week_last.day} {week_first:%b}",
                notes=Both(counts.get((index, True), 0), counts.get((index, False), 0)),
            )
        )
    total = Both(sum(w.notes.mine for w in weeks), sum(w.notes.theirs for w in weeks))
    return tuple(weeks), total


def plans_of(
    couple: Couple, first: dt.date, last: dt.date, start: dt.datetime, end: dt.datetime
) -> Plans:
    """One query: plans made this month, and plans done or let go for a day of it.

    Two aggregates joined by UNION ALL rather than one with an OR, so that each reads its
    own index (`plan_couple_created`, `plan_couple_status_day`) instead of all the couple's
    plans."""
    plans = Plan.objects.for_couple(couple)
    made = (
        plans.filter(created_at__gte=start, created_at__lt=end)
        .annotate(kind=Value("made"))
        .values_list("kind")
        .annotate(count=Count("pk"))
        .order_by()
    )
    ended = (
        plans.filter(
            status__in=[Plan.Status.DONE, Plan.Status.CANCELLED], day__gte=first, day__lte=last
        )
        .values_list("status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = dict(made.union(ended, all=True))
    return Plans(
        made=counts.get("made", 0),
        done=counts.get(Plan.Status.DONE, 0),
        cancelled=counts.get(Plan.Status.CANCELLED, 0),
    )


def practices_and_programs(
    couple: Couple, me, first: dt.date, last: dt.date, start: dt.datetime, end: dt.datetime
) -> tuple[tuple[PracticeDays, ...], tuple[ProgramDays, ...]]:
    """One query: the month's practice logs and program days, counted here.

    The rows themselves, not a GROUP BY: at most one a day per person and practice (and
    per person for a program), so a few hundred at most; grouped in SQL, SQLite would walk
    all the couple's logs in the unique index's order instead of the month's range of
    `practice_log_couple_day`. A program day counts by its doer's own date; its instant
    is looked up in a range widened by a day each side (`program_step_couple_done`)."""
    logs = (
        PracticeLog.objects.for_couple(couple)
        .filter(day__gte=first, day__lte=last)
        .exclude(practice__in=PRIVATE_PRACTICES)
        .annotate(kind=Value("practice"), slug=F("practice"))
        .values_list("kind", "slug", "user_id")
        .order_by()
    )
    steps = (
        ProgramStep.objects.for_couple(couple)
        .filter(done_at__gte=start - ZONE_SLACK, done_at__lt=end + ZONE_SLACK)
        .filter(local_date__gte=first, local_date__lte=last)
        .annotate(kind=Value("program"), slug=F("run__program"))
        .values_list("kind", "slug", "user_id")
        .order_by()
    )
    counts: dict[tuple[str, str, bool], int] = {}
    for kind, slug, user_id in logs.union(steps, all=True):
        key = (kind, slug, user_id == me.pk)
        counts[key] = counts.get(key, 0) + 1

    def both(kind: str, slug: str) -> Both:
        return Both(counts.get((kind, slug, True), 0), counts.get((kind, slug, False), 0))

    practices = tuple(
        PracticeDays(practice.slug, practice.title, both("practice", practice.slug))
        for practice in PRACTICES
        if both("practice", practice.slug).total
    )
    programs = []
    for slug in sorted({slug for kind, slug, _ in counts if kind == "program"}):
        program = PROGRAMS_BY_SLUG.get(slug)
        title = program.title if program else slug.replace("-", " ").capitalize()
        programs.append(ProgramDays(slug, title, both("program", slug)))
    return practices, tuple(programs)


def questions_of(couple: Couple, me, first: dt.date, last: dt.date) -> Questions:
    """One query: the month's daily questions (one a day), each with how many answered and
    whether the viewer did. Only counts: nobody's words."""
    rows = (
        DailyQuestion.objects.for_couple(couple)
        .filter(skipped=False, day__gte=first, day__lte=last)
        .values_list("day")
        .annotate(answered=Count("answers"), mine=Count("answers", filter=Q(answers__author=me)))
        .order_by("day")
    )
    together, mine, theirs = [], 0, 0
    for day, answers, my_answers in rows:
        mine += my_answers > 0
        theirs += answers - my_answers > 0
        if my_answers and answers - my_answers:
            together.append(day)
    return Questions(len(together), mine, theirs, tuple(together))


def moods_of(couple: Couple, me, first: dt.date, last: dt.date) -> tuple[Mood, ...]:
    """One query: the month's check-ins (one a day each: at most 62 rows), mood only."""
    rows = (
        CheckIn.objects.for_couple(couple)
        .filter(day__gte=first, day__lte=last)
        .values_list("day", "author_id", "mood")
    )
    by_day: dict[dt.date, dict[bool, int]] = {}
    for day, author_id, mood in rows:
        by_day.setdefault(day, {})[author_id == me.pk] = mood
    return tuple(Mood(day, by_day[day].get(True), by_day[day].get(False)) for day in sorted(by_day))


# Picked notes: milestones and "on this day" ----------------------------------------------


@dataclass(frozen=True, slots=True)
class Picked:
    pk: int
    text: str
    author_id: int
    recipient_id: int | None
    created_at: dt.datetime


def picked_notes(couple: Couple, *, nth: tuple[int, ...], days: list[dt.date]) -> dict:
    """One query, or none when there is nothing to pick: the couple's n-th note for each
    n of `nth` (an index walk of at most n entries: no count of the whole journal), and
    the first note of each of `days` (the exact range of that day, LIMIT 1), keyed by
    ("nth", n) and ("day", day). One row each, in one UNION ALL."""
    notes = Note.objects.for_couple(couple)
    picks: list[tuple[str, object, QuerySet]] = []
    # By time alone, which the index (couple, created_at) walks as it is; of two notes of the
    # very same instant either is the n-th, on the same day.
    by_time = notes.order_by("created_at").values("pk")
    for number in nth:
        picks.append(("nth", number, by_time[number - 1 : number]))
    for day in days:
        of_day = notes.filter(
            created_at__gte=midnight(day), created_at__lt=midnight(day + dt.timedelta(days=1))
        )
        picks.append(("day", day, of_day.order_by("created_at", "pk").values("pk")[:1]))
    if not picks:
        return {}
    selects = [
        notes.filter(pk=Subquery(pick))
        .annotate(pick=Value(index))
        .values_list("pick", "pk", "text", "author_id", "recipient_id", "created_at")
        .order_by()
        for index, (_, _, pick) in enumerate(picks)
    ]
    rows = selects[0].union(*selects[1:], all=True)
    return {
        picks[index][:2]: Picked(pk, text, author_id, recipient_id, created_at)
        for index, pk, text, author_id, recipient_id, created_at in rows
    }


def day_before(today: dt.date, *, years: int = 0, months: int = 0) -> dt.date | None:
    """The same day of the month a year or a month before; None if there is none (the
    31st a month after a month of 30 days, 29 February a year on): it is no anniversary."""
    month = shift_month(today.replace(day=1), -(12 * years + months))
    if today.day > calendar.monthrange(month.year, month.month)[1]:
        return None
    return month.replace(day=today.day)


def on_this_day_anchors(couple: Couple, today: dt.date) -> list[tuple[str, dt.date]]:
    """A year ago and a month ago today, those that exist and were not before linking."""
    linked = timezone.localtime(couple.linked_at).date()
    return [
        (ago, day)
        for ago, day in (
            ("A year ago", day_before(today, years=1)),
            ("A month ago", day_before(today, months=1)),
        )
        if day is not None and day >= linked
    ]


def remembered(
    viewer: Viewer, anchors: list[tuple[str, dt.date]], picked: dict
) -> tuple[Remembered, ...]:
    """Each anchor's note (the first of that day), else a date the two had or planned for
    that day, else the photos added that day; with the day's photos the viewer may see
    (one query for the plans, only for days without a note, and one a day for photos)."""
    couple = viewer.couple
    photos = photos_of_days(viewer, [day for _, day in anchors])
    without_note = [day for _, day in anchors if ("day", day) not in picked]
    plans = {}
    if without_note:
        had = Plan.objects.for_couple(couple).filter(
            status__in=[Plan.Status.DONE, Plan.Status.PLANNED]
        )
        chosen = Q()
        for day in without_note:
            first_of_day = had.filter(day=day).order_by("starts_at", "pk").values("pk")[:1]
            chosen |= Q(pk=Subquery(first_of_day))
        plans = {
            plan.day: plan
            for plan in Plan.objects.for_couple(couple)
            .filter(chosen)
            .only("pk", "title", "day", "status")
        }
    found = []
    for ago, day in anchors:
        note = picked.get(("day", day))
        if note is not None:
            kind, text, url = "note", note.text, path_to("practices:note_detail", note.pk)
            byline = f"{viewer.name_of(note.author_id)} to {viewer.mention(note.recipient_id)}"
        elif day in plans:
            plan = plans[day]
            kind, text, url = "plan", plan.title, path_to("practices:plan_detail", plan.pk)
            had = plan.status == Plan.Status.DONE
            byline = "A date you had" if had else "A date you planned"
        elif photos[day]:
            kind, text, url = "photos", "", reverse("practices:memories")
            byline = "Photos from that day"
        else:
            continue
        found.append(
            Remembered(
                ago=ago,
                day=day,
                day_label=day_label(day),
                kind=kind,
                text=text,
                byline=byline,
                url=url,
                photos=photos[day],
            )
        )
    return tuple(found)


# Photos a day of "on this day" shows at most.
PHOTOS_OF_A_DAY = 4


def photos_of_days(viewer: Viewer, days: list[dt.date]) -> dict[dt.date, tuple[PhotoCard, ...]]:
    """The first photos added on each of `days` (the viewer's days) that the viewer may
    see: a query a day (there are two at most)."""
    seen = photos_seen_by(viewer)
    return {
        day: photo_cards(
            seen.filter(
                created_at__gte=midnight(day), created_at__lt=midnight(day + dt.timedelta(days=1))
            ).order_by("created_at", "pk")[:PHOTOS_OF_A_DAY],
            viewer,
        )
        for day in days
    }


def milestones_of(
    couple: Couple,
    first: dt.date,
    last: dt.date,
    today: dt.date,
    start: dt.datetime,
    end: dt.datetime,
    picked: dict,
) -> tuple[Milestone, ...]:
    """Days worth a gentle line that fall in the month: 100 and 1,000 days since they
    linked, each year since, their anniversary, their 100th/500th/1000th note. No query:
    the notes were picked with the others."""
    linked = timezone.localtime(couple.linked_at).date()
    found: list[tuple[dt.date, str]] = []
    for days in DAY_MILESTONES:
        day = linked + dt.timedelta(days=days)
        found.append((day, f"{intcomma(days)} days since you two linked on Bond"))
    if first.year > linked.year:
        years = first.year - linked.year
        since = "A year" if years == 1 else f"{years} years"
        found.append((same_day_in(linked, first.year), f"{since} since you two linked on Bond"))
    if couple.anniversary and first.year > couple.anniversary.year:
        years = first.year - couple.anniversary.year
        found.append(
            (same_day_in(couple.anniversary, first.year), f"Your {ordinal(years)} anniversary")
        )
    for number in NOTE_MILESTONES:
        note = picked.get(("nth", number))
        if note is not None and start <= note.created_at < end:
            day = timezone.localtime(note.created_at).date()
            found.append((day, f"Your {ordinal(number)} note to each other"))
    return tuple(
        Milestone(day=day, day_label=day_label(day), text=text, upcoming=day > today)
        for day, text in sorted(found)
        if first <= day <= last
    )
