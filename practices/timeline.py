"""Reading the journal timeline a page at a time, by keyset (occurred_at, id).

A cursor names the last entry of the previous page; the next page starts strictly
after it. Unlike OFFSET, a deep page costs what the first one does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q

from accounts.models import Couple, User
from practices.models import Entry, Reaction, Reflection, Star

PAGE_SIZE = 20
FILTERS = {"all": None, "notes": Entry.Kind.NOTE, "plans": Entry.Kind.PLAN}


class BadCursor(ValueError):
    pass


EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MICROSECOND = dt.timedelta(microseconds=1)


def encode_cursor(entry: Entry) -> str:
    return f"{(entry.occurred_at - EPOCH) // MICROSECOND}_{entry.pk}"


def decode_cursor(raw: str) -> tuple[dt.datetime, int]:
    try:
        micros, pk = (int(part) for part in raw.split("_"))
        moment = EPOCH + micros * MICROSECOND
    except (ValueError, OverflowError):
        raise BadCursor(raw) from None
    return moment, pk


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
        entries.select_related("note", "plan", "reflection__plan", "question", "exchange")
        .annotate(
            note_starred=Exists(Star.objects.filter(note=OuterRef("note"), user=viewer)),
            viewer_reflected=Exists(
                Reflection.objects.filter(plan=OuterRef("reflection__plan"), author=viewer)
            ),
        )
        .prefetch_related(
            Prefetch("note__reactions", queryset=Reaction.objects.order_by("created_at")),
            "question__answers",
        )
        .order_by("-occurred_at", "-pk")
    )
    rows = list(entries[: PAGE_SIZE + 1])
    has_more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return Page(entries=rows, next_cursor=encode_cursor(rows[-1]) if has_more else None)
