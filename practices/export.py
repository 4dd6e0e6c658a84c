"""The couple's journal as files they own: one JSON document, or one CSV per kind.

Both stream: rows are read from the database in chunks and written out as they come,
so a journal of 100,000 entries never sits in memory at once. People appear by their
display name only (never an email address); a deleted account appears as
"former partner". Times are ISO 8601 in UTC.

Format (version 2):
    {"format": "bond-journal", "version": 2, "exported_at": "…Z",
     "exported_by": "Alice", "partner": "Bob",
     "couple": {"name", "linked_at", "ended_at", "anniversary"},
     "notes": [...], "reactions": [...], "keepsakes": [...], "plans": [...],
     "reflections": [...], "answers": [...], "answer_replies": [...], "own_questions": [...],
     "exchanges": [...], "check_ins": [...], "affection": [...], "ideas": [...],
     "signs": [...], "program_days": [...], "photos": [...]}
Each list holds objects with the columns of its kind in KINDS below, in that order; the
kind's CSV file has the same columns. KINDS is the one declaration of both formats.
Version 2 added `exported_by` and `partner` (whose rows are whose, for practices.restore),
answers' `id`, and `photos`, whose `file` is the photo's path in the ZIP download
(`zip_chunks`: the JSON, every CSV under csv/, and the photos the exporter may see).
Answers' `question_index` (the question's place in practices.questions.QUESTIONS, empty for
the couple's own) came later in version 2: an older file lacks it, and restore then finds the
question by its words.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from accounts.models import Couple, User
from practices.models import (
    PHOTOS,
    AffectionDay,
    Answer,
    AnswerReply,
    CheckIn,
    CustomIdea,
    CustomQuestion,
    Exchange,
    Gesture,
    Note,
    Photo,
    Plan,
    ProgramStep,
    Reaction,
    Reflection,
    Star,
)
from practices.questions import QUESTIONS

FORMAT_VERSION = 2
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

    def partner_of(self, viewer: User) -> str:
        others = [name for user_id, name in self.by_id.items() if user_id != viewer.pk]
        return others[0] if others else FORMER_PARTNER


Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """One column of a kind: its name in the files, the fields of the kind's values query it
    reads, and how its value is made from them (with the couple's names at hand)."""

    name: str
    reads: tuple[str, ...]
    value: Callable[[Row, Names], Any]


def copied(name: str, field: str | None = None) -> Column:
    field = field or name
    return Column(name, (field,), lambda row, names: row[field])


def moment(name: str) -> Column:
    return Column(name, (name,), lambda row, names: utc(row[name]))


def date(name: str, field: str | None = None) -> Column:
    field = field or name
    return Column(name, (field,), lambda row, names: day(row[field]))


def person(name: str, field: str) -> Column:
    return Column(name, (field,), lambda row, names: names(row[field]))


@dataclass(frozen=True)
class Kind:
    """One kind of entry: a list in the JSON document and a CSV file of its own.

    `entries` gives the couple's entries this viewer may see, in the order they are written
    out; `columns` make each row from the fields they read, fetched in one values query.
    """

    name: str  # the key in the JSON document and the CSV file's name
    label: str  # for people: the kind's download link in settings
    entries: Callable[[Couple, User], QuerySet]
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def rows(self, couple: Couple, viewer: User, names: Names) -> Iterator[Row]:
        fields = dict.fromkeys(field for column in self.columns for field in column.reads)
        for row in self.entries(couple, viewer).values(*fields).iterator(CHUNK):
            yield {column.name: column.value(row, names) for column in self.columns}


MOOD_WORDS = dict(CheckIn.Mood.choices)
PHOTO_TARGETS = ("note", "plan", "answer")


def photo_file(row: Row) -> str:
    """The photo's path in the ZIP: the day it was added (UTC), what it is on, and its place
    among that thing's photos, e.g. photos/2026-03-14-note-12-1.jpg."""
    target = next(name for name in PHOTO_TARGETS if row[f"{name}_id"] is not None)
    added = row["created_at"].astimezone(dt.UTC).date().isoformat()
    return f"photos/{added}-{target}-{row[f'{target}_id']}-{row['sequence']}.jpg"


def photos_of(couple: Couple, viewer: User) -> QuerySet:
    # An answer's photo only where the viewer may read the answer (Photo's own rule).
    return (
        Photo.objects.for_couple(couple)
        .visible_to(viewer)
        .annotate(
            sequence=Window(
                RowNumber(),
                partition_by=[F(f"{name}_id") for name in PHOTO_TARGETS],
                order_by=F("id").asc(),
            )
        )
        .order_by("id")
    )


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in [
        Kind(
            "notes",
            "Notes",
            lambda couple, viewer: Note.objects.for_couple(couple).order_by("id"),
            (
                copied("id"),
                moment("created_at"),
                moment("edited_at"),
                moment("read_at"),
                person("author", "author_id"),
                person("recipient", "recipient_id"),
                copied("category"),
                copied("text"),
            ),
        ),
        Kind(
            "reactions",
            "Reactions",
            lambda couple, viewer: Reaction.objects.filter(note__couple=couple).order_by("id"),
            (
                copied("note_id"),
                person("by", "user_id"),
                copied("kind"),
                moment("created_at"),
            ),
        ),
        Kind(
            "keepsakes",
            "Keepsakes",
            lambda couple, viewer: Star.objects.filter(note__couple=couple).order_by("id"),
            (
                copied("note_id"),
                person("kept_by", "user_id"),
                moment("created_at"),
            ),
        ),
        Kind(
            "plans",
            "Plans",
            lambda couple, viewer: Plan.objects.for_couple(couple).order_by("id"),
            (
                copied("id"),
                copied("title"),
                copied("description"),
                date("day"),
                moment("starts_at"),
                copied("place"),
                copied("status"),
                copied("tech_free"),
                copied("idea", "idea_slug"),
                person("created_by", "created_by_id"),
                person("updated_by", "updated_by_id"),
                moment("created_at"),
                moment("updated_at"),
                copied("version"),
            ),
        ),
        Kind(
            "reflections",
            "Reflections",
            lambda couple, viewer: (
                Reflection.objects.for_couple(couple).visible_to(viewer).order_by("id")
            ),
            (
                copied("plan_id"),
                person("author", "author_id"),
                copied("enjoyed"),
                copied("rating"),
                moment("created_at"),
            ),
        ),
        Kind(
            "answers",
            "Daily answers",
            lambda couple, viewer: (
                Answer.objects.for_couple(couple).visible_to(viewer).order_by("question__day", "id")
            ),
            (
                copied("id"),
                date("day", "question__day"),
                Column(
                    "question",
                    ("question__question_index", "question__custom__text"),
                    lambda row, names: (
                        row["question__custom__text"]
                        or QUESTIONS[row["question__question_index"]].text
                    ),
                ),
                copied("question_index", "question__question_index"),
                person("author", "author_id"),
                copied("text"),
                moment("created_at"),
                moment("updated_at"),
            ),
        ),
        Kind(
            "answer_replies",
            "Replies on answers",
            # Replies open once both answered: both may read every one.
            lambda couple, viewer: AnswerReply.objects.for_couple(couple).order_by("id"),
            (
                date("day", "question__day"),
                person("author", "author_id"),
                copied("text"),
                copied("reaction"),
                moment("created_at"),
            ),
        ),
        Kind(
            "own_questions",
            "Your own questions",
            lambda couple, viewer: CustomQuestion.objects.for_couple(couple).order_by("id"),
            (copied("text"), person("author", "author_id"), moment("created_at")),
        ),
        Kind(
            "exchanges",
            "Reflect-back",
            lambda couple, viewer: Exchange.objects.for_couple(couple).order_by("id"),
            (
                person("listener", "listener_id"),
                person("speaker", "speaker_id"),
                copied("heard"),
                copied("reply"),
                copied("addition"),
                moment("created_at"),
                moment("replied_at"),
            ),
        ),
        Kind(
            "check_ins",
            "Check-ins",
            lambda couple, viewer: CheckIn.objects.for_couple(couple).order_by("id"),
            (
                person("author", "author_id"),
                date("day"),
                copied("mood"),
                Column("mood_word", ("mood",), lambda row, names: MOOD_WORDS[row["mood"]]),
                copied("need"),
                copied("reply"),
                moment("created_at"),
                moment("replied_at"),
            ),
        ),
        Kind(
            "affection",
            "Affection",
            lambda couple, viewer: (
                AffectionDay.objects.for_couple(couple).visible_to(viewer).order_by("day", "id")
            ),
            (
                person("person", "user_id"),
                date("day"),
                copied("hug"),
                copied("kiss"),
                copied("held_hands"),
                copied("cuddle"),
            ),
        ),
        Kind(
            "ideas",
            "Your ideas",
            lambda couple, viewer: CustomIdea.objects.for_couple(couple).order_by("id"),
            (
                copied("title"),
                copied("description"),
                person("created_by", "created_by_id"),
                moment("created_at"),
            ),
        ),
        Kind(
            "signs",
            "Thinking of you",
            lambda couple, viewer: Gesture.objects.for_couple(couple).order_by("id"),
            (
                person("from", "author_id"),
                person("to", "recipient_id"),
                copied("kind"),
                moment("created_at"),
            ),
        ),
        Kind(
            "program_days",
            "Program days",
            lambda couple, viewer: ProgramStep.objects.for_couple(couple).order_by("id"),
            (
                copied("program", "run__program"),
                copied("day"),
                person("person", "user_id"),
                date("local_date"),
                moment("done_at"),
            ),
        ),
        Kind(
            "photos",
            "Photo list",
            photos_of,
            (
                Column(
                    "file",
                    ("created_at", "sequence", *(f"{name}_id" for name in PHOTO_TARGETS)),
                    lambda row, names: photo_file(row),
                ),
                copied("alt_text"),
                moment("created_at"),
                copied("width"),
                copied("height"),
                person("uploaded_by", "uploaded_by_id"),
                *(copied(f"{name}_id") for name in PHOTO_TARGETS),
            ),
        ),
    ]
}


def json_chunks(couple: Couple, viewer: User) -> Iterator[str]:
    names = Names(couple)
    header = {
        "format": "bond-journal",
        "version": FORMAT_VERSION,
        "exported_at": utc(timezone.now()),
        "exported_by": names(viewer.pk),
        "partner": names.partner_of(viewer),
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


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP's CSV
# injection): a note "=HYPERLINK(...)" must arrive as the text it is.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_lines(couple: Couple, viewer: User, kind: Kind) -> Iterable[str]:
    writer = csv.DictWriter(_Line(), fieldnames=kind.column_names)
    yield writer.writeheader()
    for row in kind.rows(couple, viewer, Names(couple)):
        yield writer.writerow({name: inert(value) for name, value in row.items()})


class _Pipe(io.RawIOBase):
    """Where zipfile writes the archive: not seekable, so zipfile puts each member's sizes
    after its data instead of going back, and emptied into the response as it fills."""

    def __init__(self) -> None:
        super().__init__()
        self._pieces: list[bytes] = []
        self.held = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._pieces.append(bytes(data))
        self.held += len(data)
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._pieces)
        self._pieces.clear()
        self.held = 0
        return data


# Bytes gathered before they go out: fewer, larger pieces than the CSV's line by line.
ZIP_PIECE = 64 * 1024


def zip_chunks(couple: Couple, viewer: User) -> Iterator[bytes]:
    """The ZIP download: journal.json, csv/<kind>.csv for every kind, and photos/ with each
    photo the viewer may see, as stored (already re-encoded without metadata), named as
    the JSON's "file" says. Built as it is sent: a row chunk or a photo chunk at a time."""
    pipe = _Pipe()
    now = timezone.now()
    with zipfile.ZipFile(pipe, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:

        def member(name: str, at: dt.datetime, pieces: Iterable[bytes], compress: int):
            info = zipfile.ZipInfo(name, date_time=at.astimezone(dt.UTC).timetuple()[:6])
            info.compress_type = compress
            # Sizes are known only at the end: zip64 fields, in case one passes 4 GB.
            with archive.open(info, mode="w", force_zip64=True) as out:
                for piece in pieces:
                    out.write(piece)
                    if pipe.held >= ZIP_PIECE:
                        yield pipe.take()

        def encoded(texts: Iterable[str]) -> Iterator[bytes]:
            return (text.encode() for text in texts)

        yield from member(
            "journal.json", now, encoded(json_chunks(couple, viewer)), zipfile.ZIP_DEFLATED
        )
        for kind in KINDS.values():
            lines = encoded(csv_lines(couple, viewer, kind))
            yield from member(f"csv/{kind.name}.csv", now, lines, zipfile.ZIP_DEFLATED)
        reads = ("original", "created_at", "sequence", *(f"{t}_id" for t in PHOTO_TARGETS))
        for row in photos_of(couple, viewer).values(*reads).iterator(CHUNK):
            try:
                stored = PHOTOS.open(row["original"], "rb")
            except FileNotFoundError:
                # Deleted since journal.json listed it: restore skips a listed photo it lacks.
                continue
            with stored:
                # A JPEG does not deflate: stored as it is.
                yield from member(
                    photo_file(row), row["created_at"], stored.chunks(), zipfile.ZIP_STORED
                )
    yield pipe.take()
