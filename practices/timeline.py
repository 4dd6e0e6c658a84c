"""Reading the journal timeline a page at a time, by keyset (occurred_at, id).

A cursor names the last entry of the previous page; the next page starts strictly
after it. Unlike OFFSET, a deep page costs what the first one does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from accounts.models import Couple, User
from practices.models import Answer, AnswerReply, Entry, Photo, Reaction, Reflection, Star

PAGE_SIZE = 20
FILTERS = {"all": None, "notes": Entry.Kind.NOTE, "plans": Entry.Kind.PLAN}


class BadCursor(ValueError):
    pass


EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MICROSECOND = dt.timedelta(microseconds=1)


def encode_cursor(entry: Entry) -> str:
    return cursor_at(entry.occurred_at, entry.pk)


def cursor_at(moment: dt.datetime, pk: int) -> str:
    """A place in a list ordered newest first, (moment, id): the next page starts after
    it, also among rows of the same moment."""
    return f"{(moment - EPOCH) // MICROSECOND}_{pk}"


def decode_cursor(raw: str) -> tuple[dt.datetime, int]:
    try:
        micros, pk = (int(part) for part in raw.split("_"))
        moment = EPOCH + micros * MICROSECOND
    except (ValueError, OverflowError):
        raise BadCursor(raw) from None
    return moment, pk


# Only the columns an entry shows: the joined rows are wide, and on every page each
# selected column costs compiling, converting and building.
SHOWN_FIELDS = (
    "kind",
    "occurred_at",
    "couple_id",
    "note__author_id",
    "note__recipient_id",
    "note__text",
    "note__category",
    "note__created_at",
    "note__edited_at",
    "note__read_at",
    "plan__title",
    "plan__day",
    "plan__starts_at",
    "plan__place",
    "plan__status",
    "plan__tech_free",
    "plan__created_by_id",
    "plan__updated_by_id",
    "plan__created_at",
    "reflection__author_id",
    "reflection__enjoyed",
    "reflection__rating",
    "reflection__created_at",
    "reflection__plan__title",
    "question__day",
    "question__question_index",
    "question__custom__text",
    "exchange__listener_id",
    "exchange__speaker_id",
    "exchange__heard",
    "exchange__reply",
    "exchange__addition",
    "exchange__created_at",
    "check_in__author_id",
    "check_in__day",
    "check_in__mood",
    "check_in__need",
    "check_in__reply",
)


@dataclass
class Page:
    entries: list[Entry]
    next_cursor: str | None


def timeline_page(*, couple: Couple, viewer: User, kind: str | None, before: str | None) -> Page:
    entries = Entry.objects.for_couple(couple)
    if kind:
        entries = entries.filter(kind=kind)
    if before:
        moment, pk = decode_cursor(before)
        entries = entries.filter(occurred_at__lte=moment).filter(
            Q(occurred_at__lt=moment) | Q(pk__lt=pk)
        )
    entries = (
        entries.select_related(
            "note", "plan", "reflection__plan", "question__custom", "exchange", "check_in"
        )
        .only(*SHOWN_FIELDS)
        .annotate(
            note_starred=Exists(Star.objects.filter(note=OuterRef("note"), user=viewer)),
            reflection_shown=Exists(
                Reflection.objects.visible_to(viewer).filter(pk=OuterRef("reflection"))
            ),
        )
        .order_by("-occurred_at", "-pk")
    )
    rows = list(entries[: PAGE_SIZE + 1])
    has_more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    attach_reactions([entry.note for entry in rows if entry.note_id])
    attach_photos(
        notes=[entry.note for entry in rows if entry.note_id],
        plans=[entry.plan for entry in rows if entry.plan_id],
    )
    attach_answers([entry.question for entry in rows if entry.question_id], viewer)
    return Page(entries=rows, next_cursor=encode_cursor(rows[-1]) if has_more else None)


# Plain value queries instead of prefetch_related: the page needs a few columns of these
# rows, and building model instances through the prefetch machinery cost more than the
# rest of the query.


def attach_photos(*, notes: list = (), plans: list = ()) -> None:
    """note.photo_rows, plan.photo_rows: each one's photos, oldest first (one query for
    all). Notes and plans are seen by both partners, and so are their photos."""
    by_note: dict[int, list[Photo]] = {note.pk: [] for note in notes}
    by_plan: dict[int, list[Photo]] = {plan.pk: [] for plan in plans}
    if by_note or by_plan:
        photos = Photo.objects.filter(Q(note_id__in=by_note) | Q(plan_id__in=by_plan)).order_by(
            "created_at", "pk"
        )
        for photo in photos:
            if photo.note_id:
                by_note[photo.note_id].append(photo)
            else:
                by_plan[photo.plan_id].append(photo)
    for note in notes:
        note.photo_rows = by_note[note.pk]
    for plan in plans:
        plan.photo_rows = by_plan[plan.pk]


def attach_reactions(notes: list) -> None:
    """note.reacted_kinds: the kinds of reaction each note has (one query for all)."""
    kinds: dict[int, set[str]] = {note.pk: set() for note in notes}
    if kinds:
        reactions = Reaction.objects.filter(note_id__in=kinds).values_list("note_id", "kind")
        for note_id, kind in reactions:
            kinds[note_id].add(kind)
    for note in notes:
        note.reacted_kinds = kinds[note.pk]


def attach_answers(questions: list, viewer: User) -> None:
    """question.answer_rows: (author id, text) of each day's answers, the text None where
    the viewer may not read it yet; question.reply_rows: the replies on them, which exist
    only once both answered (two queries for all, one where no day has both answers)."""
    rows: dict[int, list[tuple[int, str | None]]] = {question.pk: [] for question in questions}
    replies: dict[int, list[AnswerReply]] = {question.pk: [] for question in questions}
    if rows:
        answers = (
            Answer.objects.filter(question_id__in=rows)
            .with_shown(viewer)
            .values_list("question_id", "author_id", "text", "shown")
        )
        for question_id, author_id, text, shown in answers:
            rows[question_id].append((author_id, text if shown else None))
        both_answered = [pk for pk, answered in rows.items() if len(answered) == 2]
        if both_answered:
            replies_on = AnswerReply.objects.filter(question_id__in=both_answered)
            for reply in replies_on.order_by("created_at"):
                replies[reply.question_id].append(reply)
    for question in questions:
        question.answer_rows = rows[question.pk]
        question.reply_rows = replies[question.pk]
