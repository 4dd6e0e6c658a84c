"""The couple's journal as files they own: one JSON document, or one CSV per kind.

Both stream: rows are read from the database in chunks and written out as they come,
so a journal of 100,000 entries never sits in memory at once. People appear by their
display name only (never an email address); a deleted account appears as
"former partner". Times are ISO 8601 in UTC.

Format (version 1):
    {"format": "bond-journal", "version": 1, "exported_at": "…Z",
     "couple": {"name", "linked_at", "ended_at", "anniversary"},
     "notes": [...], "reactions": [...], "keepsakes": [...], "plans": [...],
     "reflections": [...], "answers": [...], "exchanges": [...], "check_ins": [...],
     "affection": [...], "ideas": [...]}
Each list holds objects with the columns listed in KINDS below.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from accounts.models import Couple, User
from practices.models import (
    AffectionDay,
    Answer,
    CheckIn,
    CustomIdea,
    Exchange,
    Note,
    Plan,
    Reaction,
    Reflection,
    Star,
)
from practices.questions import QUESTIONS

FORMAT_VERSION = 1
CHUNK = 2000
FORMER_PARTNER = "former partner"


def utc(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


class Names:
    """Display names of the couple's members, by user id."""

    def __init__(self, couple: Couple) -> None:
        self.by_id = {
            m.user_id: m.user.display_name for m in couple.memberships.select_related("user")
        }

    def __call__(self, user_id: int | None) -> str:
        return self.by_id.get(user_id, FORMER_PARTNER)


Rows = Callable[[Couple, User, Names], Iterator[dict]]


@dataclass(frozen=True)
class Kind:
    name: str
    columns: tuple[str, ...]
    rows: Rows


def note_rows(couple: Couple, viewer: User, names: Names) -> Iterator[dict]:
    fields = (
        "id",
        "created_at",
        "edited_at",
        "read_at",
        "author_id",
        "recipient_id",
        "category",
        "text",
    )
    for row in Note.objects.for_couple(couple).order_by("id").values(*fields).iterator(CHUNK):
        yield {
            "id": row["id"],
            "created_at": utc(row["created_at"]),
            "edited_at": utc(row["edited_at"]),
            "read_at": utc(row["read_at"]),
            "author": names(row["author_id"]),
            "recipient": names(row["recipient_id"]),
            "category": row["category"],
            "text": row["text"],
        }


def reaction_rows(couple: Couple, viewer: User, names: Names) -> Iterator[dict]:
    reactions = Reaction.objects.filter(note__couple=couple).order_by("id")
    for row in reactions.values("note_id", "user_id", "kind", "created_at").iterator(CHUNK):
        yield {
            "note_id": row["note_id"],
            "by": names(row["user_id"]),
            "kind": row["kind"],
            "created_at": utc(row["created_at"]),
        }


def keepsake_rows(couple: Couple, viewer: User, names: Names) -> Iterator[dict]:
    stars = Star.objects.filter(note__couple=couple).order_by("id")
    for row in stars.values("note_id", "user_id", "created_at").iterator(CHUNK):
        yield {
            "note_id": row["note_id"],
            "kept_by": names(row["user_id"]),
            "created_at": utc(row["created_at"]),
        }


def plan_rows(couple: Couple, viewer: User, names: Names) -> Iterator[dict]:
    fields = (
        "id",
        "title",
        "description",
        "day",
        "starts_at",
        "place",
        "status",
        "tech_free",
        "idea_slug",
        "created_by_id",
        "updated_by_id",
        "created_at",
        "updated_at",
        "version",
    )
    for row in Plan.objects.for_couple(couple).order_by("id").values(*fields).iterator(CHUNK):
        yield {
            "id": row["id"],
            "title": row["title"],
            "description": row["description"],
            "day": day(row["day"]),
            "starts_at": utc(row["starts_at"]),
            "place": row["place"],
            "status": row["status"],
            "tech_free": row["tech_free"],
            "idea": row["idea_slug"],
            "created_by": names(row["created_by_id"]),
            "updated_by": names(row["updated_by_id"]),
            "created_at": utc(row["created_at"]),
            "updated_at": utc(row["updated_at"]),
            "version": row["version"],
        }


def reflection_rows(couple: Couple, viewer: User, names: Names) -> Iterator[dict]:
    fields = ("plan_id", "author_id", "enjoyed", "rating", "created_at")
    reflections = Reflection.objects.for_couple(couple).order_by("id").values(*fields)
    for row in reflections.iterator(CHUNK):
        yield {
            "plan_id": row["plan_id"],
            "author": names(row["author_id"]),
            "enjoyed": row["enjoyed"],
            "rating": row["rating"],
            "created_at": utc(row["created_at"]),
        }


def answer_rows(couple: Couple, viewer: User, names: Names) -> Iterator[dict]:
    # The same rule as on screen: a partner's answer only once both have answered.
    answers = (
        Answer.objects.for_couple(couple)
        .annotate(answered=Count("question__answers"))
        .filter(Q(author=viewer) | Q(answered__gte=2))
        .order_by("question__day", "id")
        .values(
            "question__day",
            "question__question_index",
            "author_id",
            "text",
            "created_at",
            "updated_at",
        )
    )
    for row in answers.iterator(CHUNK):
        yield {
            "day": day(row["question__day"]),
            "question": QUESTIONS[row["question__question_index"]].text,
            "author": names(row["author_id"]),
            "text": row["text"],
            "created_at": utc(row["created_at"]),
            "updated_at": utc(row["updated_at"]),
        }


def exchange_rows(couple: Couple, viewer: User, names: Names) -> Iterator[dict]:
    fields = ("listener_id", "speaker_id", "heard", "reply", "addition", "created_at", "replied_at")
    exchanges = Exchange.objects.for_couple(couple).order_by("id").values(*fields)
    for row in exchanges.iterator(CHUNK):
        yield {
            "listener": names(row["listener_id"]),
            "speaker": names(row["speaker_id"]),
            "heard": row["heard"],
            "reply": row["reply"],
            "addition": row["addition"],
            "created_at": utc(row["created_at"]),
            "replied_at": utc(row["replied_at"]),
        }


def check_in_rows(couple: Couple, viewer: User, names: Names) -> Iterator[dict]:
    moods = dict(CheckIn.Mood.choices)
    fields = ("author_id", "day", "mood", "need", "reply", "created_at", "replied_at")
    check_ins = CheckIn.objects.for_couple(couple).order_by("id").values(*fields)
    for row in check_ins.iterator(CHUNK):
        yield {
            "author": names(row["author_id"]),
            "day": day(row["day"]),
            "mood": row["mood"],
            "mood_word": moods[row["mood"]],
            "need": row["need"],
            "reply": row["reply"],
            "created_at": utc(row["created_at"]),
            "replied_at": utc(row["replied_at"]),
        }


def affection_rows(couple: Couple, viewer: User, names: Names) -> Iterator[dict]:
    fields = ("user_id", "day", "hug", "kiss", "held_hands", "cuddle")
    ticks = AffectionDay.objects.for_couple(couple).order_by("day", "id").values(*fields)
    for row in ticks.iterator(CHUNK):
        yield {"person": names(row.pop("user_id")), **row, "day": day(row["day"])}


def idea_rows(couple: Couple, viewer: User, names: Names) -> Iterator[dict]:
    fields = ("title", "description", "created_by_id", "created_at")
    ideas = CustomIdea.objects.for_couple(couple).order_by("id").values(*fields)
    for row in ideas.iterator(CHUNK):
        yield {
            "title": row["title"],
            "description": row["description"],
            "created_by": names(row["created_by_id"]),
            "created_at": utc(row["created_at"]),
        }


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in [
        Kind(
            "notes",
            ("id", "created_at", "edited_at", "read_at", "author", "recipient", "category", "text"),
            note_rows,
        ),
        Kind("reactions", ("note_id", "by", "kind", "created_at"), reaction_rows),
        Kind("keepsakes", ("note_id", "kept_by", "created_at"), keepsake_rows),
        Kind(
            "plans",
            (
                "id",
                "title",
                "description",
                "day",
                "starts_at",
                "place",
                "status",
                "tech_free",
                "idea",
                "created_by",
                "updated_by",
                "created_at",
                "updated_at",
                "version",
            ),
            plan_rows,
        ),
        Kind(
            "reflections", ("plan_id", "author", "enjoyed", "rating", "created_at"), reflection_rows
        ),
        Kind(
            "answers",
            ("day", "question", "author", "text", "created_at", "updated_at"),
            answer_rows,
        ),
        Kind(
            "exchanges",
            ("listener", "speaker", "heard", "reply", "addition", "created_at", "replied_at"),
            exchange_rows,
        ),
        Kind(
            "check_ins",
            ("author", "day", "mood", "mood_word", "need", "reply", "created_at", "replied_at"),
            check_in_rows,
        ),
        Kind("affection", ("person", "day", "hug", "kiss", "held_hands", "cuddle"), affection_rows),
        Kind("ideas", ("title", "description", "created_by", "created_at"), idea_rows),
    ]
}


def json_chunks(couple: Couple, viewer: User) -> Iterator[str]:
    names = Names(couple)
    header = {
        "format": "bond-journal",
        "version": FORMAT_VERSION,
        "exported_at": utc(timezone.now()),
        "couple": {
            "name": couple.name,
            "linked_at": utc(couple.linked_at),
            "ended_at": utc(couple.ended_at),
            "anniversary": day(couple.anniversary),
        },
    }
    yield json.dumps(header, ensure_ascii=False)[:-1]  # leave the object open
    for kind in KINDS.values():
        yield f', "{kind.name}": ['
        separator = ""
        for row in kind.rows(couple, viewer, names):
            yield separator + json.dumps(row, ensure_ascii=False)
            separator = ", "
        yield "]"
    yield "}\n"


class _Line:
    """csv.writer writes into this and we hand each line on, instead of into a buffer."""

    def write(self, line: str) -> str:
        return line


def csv_lines(couple: Couple, viewer: User, kind: Kind) -> Iterable[str]:
    writer = csv.DictWriter(_Line(), fieldnames=kind.columns)
    yield writer.writeheader()
    for row in kind.rows(couple, viewer, Names(couple)):
        yield writer.writerow(row)
