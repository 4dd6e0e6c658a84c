"""Importing a journal exported from another Bond server (export.zip_chunks's ZIP), so that
a self-hoster can move servers.

The importing partner gets a new couple of their own, an archive that waits for the partner:
their invite (made here, and any later one) brings the partner into it when accepted
(accounts.linking.waiting_couple_of). Only what is the importer's or shared comes back, as
the partner has no account here and every kind of words needs its author: README.md
("Importing") lists what comes back and what does not, and restore_rows keeps it, kind by
kind.

The ZIP is never trusted: its size, member count and unpacked size are checked before
anything is read, journal.json is read with a cap, each row is checked against the model's
fields, and each photo goes through photos.clean and photos.attach (decoded and re-encoded
by Pillow, the quota counted). Everything happens in one transaction; a refusal writes
nothing, and the photo files already written are deleted.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import DataError, IntegrityError, models, transaction
from django.utils import timezone

from accounts import linking
from accounts.couples import couple_change
from accounts.models import Couple, Invite, Membership, User
from practices import export, photos
from practices.models import (
    PHOTOS,
    AffectionDay,
    Answer,
    CheckIn,
    CustomIdea,
    CustomQuestion,
    DailyQuestion,
    Entry,
    Exchange,
    Note,
    Photo,
    Plan,
    Reflection,
)
from practices.questions import QUESTIONS

# What a ZIP may hold before it is opened any further: members, and bytes once unpacked
# (the photo quota, plus room for journal.json and the CSVs).
MAX_MEMBERS = 20_000
TEXT_ROOM = 512 * 1024**2
# journal.json is parsed whole: 100,000 entries take about 30 MB.
MAX_JSON_BYTES = 64 * 1024**2
JSON_NAME = "journal.json"
ALREADY_LINKED = (
    "You are linked with a partner here, and importing makes a new couple for you: end the "
    "link first (Settings → Your partner), then import."
)
BATCH = 500

Row = dict[str, Any]


class RestoreRefused(ValueError):
    """Nothing was imported; the message says why, to the person who sent the file."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass
class Restored:
    couple: Couple
    invite: Invite
    counts: dict[str, int] = field(default_factory=dict)


def max_upload_bytes() -> int:
    return TEXT_ROOM + settings.PHOTO_QUOTA_BYTES


def opened(upload: UploadedFile) -> zipfile.ZipFile:
    """The upload as a ZIP whose directory promises nothing too large, or RestoreRefused."""
    if upload.size > max_upload_bytes():
        raise RestoreRefused(
            f"This file is {photos.megabytes(upload.size)}, more than a Bond export here can "
            f"be ({photos.megabytes(max_upload_bytes())})."
        )
    try:
        archive = zipfile.ZipFile(upload)
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise RestoreRefused(
            "This is not a ZIP file. Choose the ZIP you downloaded from Bond "
            "(Settings → Download everything)."
        ) from None
    if len(members) > MAX_MEMBERS:
        raise RestoreRefused(f"This ZIP holds more than {MAX_MEMBERS} files: not a Bond export.")
    if sum(member.file_size for member in members) > max_upload_bytes():
        raise RestoreRefused(
            "This ZIP would unpack to more than a Bond export here can be "
            f"({photos.megabytes(max_upload_bytes())}): it was not opened."
        )
    return archive


def read_capped(archive: zipfile.ZipFile, name: str, cap: int, what: str) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise RestoreRefused(f"This ZIP has no {name}: it is not a Bond export.") from None
    too_large = RestoreRefused(f"{what} is larger than {photos.megabytes(cap)}: it was not kept.")
    if info.file_size > cap:
        raise too_large
    try:
        with archive.open(info) as member:
            # The directory's size may lie: never more than the cap is read.
            data = member.read(cap + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise RestoreRefused(f"{name} in this ZIP is damaged: download the export again.") from None
    if len(data) > cap:
        raise too_large
    return data


def document_of(archive: zipfile.ZipFile) -> dict[str, Any]:
    raw = read_capped(archive, JSON_NAME, MAX_JSON_BYTES, JSON_NAME)
    try:
        document = json.loads(raw)
    except (ValueError, RecursionError):
        raise RestoreRefused(f"{JSON_NAME} in this ZIP is not valid JSON.") from None
    if not isinstance(document, dict) or document.get("format") != "bond-journal":
        raise RestoreRefused(f"{JSON_NAME} in this ZIP is not a Bond journal.")
    version = document.get("version")
    if version != export.FORMAT_VERSION:
        raise RestoreRefused(
            f"This export is in format version {version!r}; this server reads version "
            f"{export.FORMAT_VERSION}. Export again from an up-to-date Bond (the ZIP download)."
        )
    me, partner = document.get("exported_by"), document.get("partner")
    if not isinstance(me, str) or not isinstance(partner, str):
        raise RestoreRefused(f"{JSON_NAME} does not say whose export it is.")
    if me == partner:
        raise RestoreRefused(
            f"You and your partner were both called “{me}” there, so your rows cannot be told "
            "apart from theirs: change your name in Settings on the old server and export again."
        )
    return document


# Reading journal.json's values --------------------------------------------------------------


def parse_moment(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("a time without its time zone")
    return parsed


def when(value: Any) -> dt.datetime:
    parsed = parse_moment(value)
    if parsed is None:
        raise ValueError("a time is missing")
    return parsed


def parse_day(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("text expected")
    return value


def integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("a number expected")
    return value


def flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("true or false expected")
    return value


class Journal:
    """journal.json's rows, kind by kind, each made into an unsaved model object."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.me = document["exported_by"]

    def mine(self, name: Any) -> bool:
        return name == self.me

    def rows(self, kind: str) -> list[Row]:
        rows = self.document.get(kind, [])
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise RestoreRefused(f"{JSON_NAME}: “{kind}” is not a list of rows.")
        return rows

    def made(
        self, kind: str, make: Callable[[Row], models.Model | None]
    ) -> list[tuple[Row, models.Model]]:
        """(row, object) for each row of `kind` that `make` keeps, each object's own fields
        checked as a form would (the keys to other rows are set here, not read from the file)."""
        kept = []
        for number, row in enumerate(self.rows(kind), start=1):
            with refusing(kind, number):
                obj = make(row)
                if obj is None:
                    continue
                keys = [f.name for f in obj._meta.fields if f.is_relation]
                obj.clean_fields(exclude=keys)
            kept.append((row, obj))
        return kept


@contextmanager
def refusing(kind: str, number: int) -> Iterator[None]:
    """A row of journal.json that cannot be read or kept refuses the whole import."""
    try:
        yield
    except (KeyError, TypeError, ValueError, ValidationError) as error:
        detail = "; ".join(error.messages) if isinstance(error, ValidationError) else ""
        raise RestoreRefused(
            f"{JSON_NAME}: row {number} of “{kind}” cannot be restored"
            + (f" ({detail})." if detail else ".")
        ) from None


def created(model: type[models.Model], objs: list[models.Model]) -> None:
    model.objects.bulk_create(objs, batch_size=BATCH)


def entries(
    couple: Couple, kind: Entry.Kind, targets: Iterable[tuple[models.Model, dt.datetime]]
) -> None:
    created(
        Entry,
        [
            Entry(couple=couple, kind=kind, occurred_at=at, **{kind: target})
            for target, at in targets
        ],
    )


def restore_journal(*, user: User, upload: UploadedFile) -> Restored:
    """The journal in `upload` (a Bond export ZIP) as a new couple of `user`'s, with an
    invite for the partner; or RestoreRefused, and nothing written."""
    if linking.active_membership(user):
        raise RestoreRefused(ALREADY_LINKED, status=409)
    archive = opened(upload)
    journal = Journal(document_of(archive))
    written: list[str] = []
    try:
        with transaction.atomic():
            return restore_rows(user=user, journal=journal, archive=archive, written=written)
    except BaseException as error:
        # The rows are rolled back: the photo files would belong to nobody.
        for name in written:
            PHOTOS.delete(name)
        if isinstance(error, IntegrityError | DataError):
            raise RestoreRefused(
                f"{JSON_NAME} holds rows that do not fit together (a plan's time without its "
                "date, two answers on one day…): it was not made by Bond as it is."
            ) from None
        raise


def restore_rows(
    *, user: User, journal: Journal, archive: zipfile.ZipFile, written: list[str]
) -> Restored:
    now = timezone.now()
    header = journal.document.get("couple")
    with refusing("couple", 1):
        couple = Couple(
            name=text(header["name"]),
            anniversary=parse_day(header["anniversary"]),
            # Still when they linked; ended (an archive) until the partner joins.
            linked_at=min(parse_moment(header["linked_at"]) or now, now),
            ended_at=now,
            restored_at=now,
        )
        couple.clean_fields(exclude=["ended_by"])
    couple.save()
    Membership.objects.create(
        couple=couple, user=user, slot=Membership.Slot.INVITER, active=False, joined_at=now
    )
    mine = journal.mine

    def keep(
        kind: str,
        owner: str | None,
        make: Callable[[Row], models.Model | None],
        *,
        entry: Entry.Kind | None = None,
    ) -> list[tuple[Row, models.Model]]:
        """The rows of `kind` whose `owner` column names the importer (every row for None)
        that `make` keeps, saved in the file's order, and on the timeline as `entry`."""
        kept = journal.made(
            kind, lambda row: make(row) if owner is None or mine(row[owner]) else None
        )
        objs = [obj for _, obj in kept]
        # An answer stands on its day's question: saved first, and what the timeline shows.
        days = [obj.question for obj in objs if isinstance(obj, Answer)]
        if days:
            created(DailyQuestion, days)
        if objs:
            created(type(objs[0]), objs)
        if entry is not None:
            entries(couple, entry, ((target, target.created_at) for target in days or objs))
        return kept

    with couple_change(couple):
        notes = keep(
            "notes",
            "author",
            lambda row: Note(
                couple=couple,
                author=user,
                text=text(row["text"]),
                category=text(row["category"]),
                created_at=when(row["created_at"]),
                edited_at=parse_moment(row["edited_at"]),
                read_at=parse_moment(row["read_at"]),
            ),
            entry=Entry.Kind.NOTE,
        )
        # Every plan: both partners make and edit them.
        plans = keep(
            "plans",
            None,
            lambda row: Plan(
                couple=couple,
                title=text(row["title"]),
                description=text(row["description"]),
                day=parse_day(row["day"]),
                starts_at=parse_moment(row["starts_at"]),
                place=text(row["place"]),
                status=text(row["status"]),
                tech_free=flag(row["tech_free"]),
                idea_slug=text(row["idea"]),
                created_by=user if mine(row["created_by"]) else None,
                updated_by=user if mine(row["updated_by"]) else None,
                created_at=when(row["created_at"]),
                updated_at=when(row["updated_at"]),
                version=integer(row["version"]),
            ),
            entry=Entry.Kind.PLAN,
        )
        plan_by_id = {row["id"]: plan for row, plan in plans}
        reflections = keep(
            "reflections",
            "author",
            lambda row: (
                Reflection(
                    couple=couple,
                    plan=plan_by_id[row["plan_id"]],
                    author=user,
                    enjoyed=text(row["enjoyed"]),
                    rating=integer(row["rating"]),
                    created_at=when(row["created_at"]),
                )
                if row["plan_id"] in plan_by_id
                else None
            ),
            entry=Entry.Kind.REFLECTION,
        )
        own_questions = keep(
            "own_questions",
            "author",
            lambda row: CustomQuestion(
                couple=couple,
                author=user,
                text=text(row["text"]),
                created_at=when(row["created_at"]),
            ),
        )
        own_by_text = {question.text: question for _, question in own_questions}
        answers = keep(
            "answers",
            "author",
            lambda row: answer_of(row, couple=couple, user=user, own_by_text=own_by_text),
            entry=Entry.Kind.QUESTION,
        )
        # The importer's answers (every row has an author, or keep refused it): those not kept
        # are on a question that is not here, one of the partner's own or one not asked here.
        answered = sum(mine(row["author"]) for row in journal.rows("answers"))
        check_ins = keep(
            "check_ins",
            "author",
            lambda row: CheckIn(
                couple=couple,
                author=user,
                day=parse_day(row["day"]),
                mood=integer(row["mood"]),
                need=text(row["need"]),
                created_at=when(row["created_at"]),
            ),
            entry=Entry.Kind.CHECK_IN,
        )
        exchanges = keep(
            "exchanges",
            "listener",
            lambda row: Exchange(
                couple=couple,
                listener=user,
                heard=text(row["heard"]),
                created_at=when(row["created_at"]),
            ),
            entry=Entry.Kind.EXCHANGE,
        )
        keep(
            "affection",
            "person",
            lambda row: AffectionDay(
                couple=couple,
                user=user,
                day=parse_day(row["day"]),
                **{kind: flag(row[kind]) for kind in ("hug", "kiss", "held_hands", "cuddle")},
            ),
        )
        ideas = keep(
            "ideas",
            "created_by",
            lambda row: CustomIdea(
                couple=couple,
                title=text(row["title"]),
                description=text(row["description"]),
                created_by=user,
                created_at=when(row["created_at"]),
            ),
        )
        targets = {
            "note_id": {row["id"]: note for row, note in notes},
            "plan_id": plan_by_id,
            "answer_id": {row["id"]: answer for row, answer in answers},
        }
        in_zip = set(archive.namelist())
        restored_photos = 0
        for number, row in enumerate(journal.rows("photos"), start=1):
            with refusing("photos", number):
                on = [targets[key].get(row[key]) for key in targets if row[key] is not None]
                if not mine(row["uploaded_by"]) or len(on) != 1 or on[0] is None:
                    continue
                name, alt_text, added = (
                    text(row["file"]),
                    text(row["alt_text"]),
                    when(row["created_at"]),
                )
                if len(alt_text) > Photo._meta.get_field("alt_text").max_length:
                    raise ValueError("the description is too long")
            if name not in in_zip:
                # Deleted on the old server while its ZIP was being made: left out there too.
                continue
            data = read_capped(archive, name, settings.PHOTO_MAX_UPLOAD_BYTES, f"The photo {name}")
            try:
                photo = photos.attach(
                    couple=couple,
                    user=user,
                    target=on[0],
                    cleaned=photos.clean(ContentFile(data, name=name)),
                    alt_text=alt_text,
                )
            except photos.PhotoRefused as refusal:
                raise RestoreRefused(f"{name}: {refusal}") from None
            written.append(photo.original.name)
            Photo.objects.filter(pk=photo.pk).update(created_at=added)
            restored_photos += 1

        counts = {
            "notes": len(notes),
            "plans": len(plans),
            "reflections": len(reflections),
            "answers": len(answers),
            "answers whose question is not here": answered - len(answers),
            "check-ins": len(check_ins),
            "reflect-backs": len(exchanges),
            "ideas": len(ideas),
            "photos": restored_photos,
        }
    User.objects.filter(pk=user.pk).update(current_couple=couple, current_partner=None)
    user.current_couple, user.current_partner = couple, None
    try:
        invite = linking.create_invite(inviter=user)
    except linking.LinkError as error:
        raise RestoreRefused(error.message, status=error.status) from None
    return Restored(couple=couple, invite=invite, counts=counts)


# A question's position by its words (the texts are unique: tests/test_questions.py).
QUESTION_INDEX = {question.text: index for index, question in enumerate(QUESTIONS)}


def answer_of(
    row: Row, *, couple: Couple, user: User, own_by_text: dict[str, CustomQuestion]
) -> Answer | None:
    """The answer on its day's question, unsaved; None where that question is not here: one
    of the partner's own questions (their words do not come back), or one this server does
    not ask. One of Bond's questions is found by its position first (its wording may have
    changed since), then by its words (an export made before `question_index` was written)."""
    asked = text(row["question"])
    listed = row.get("question_index")
    index = integer(listed) if listed is not None else None
    if index is None or not 0 <= index < len(QUESTIONS):
        index = QUESTION_INDEX.get(asked)
    custom = own_by_text.get(asked) if index is None else None
    if index is None and custom is None:
        return None
    created_at = when(row["created_at"])
    question = DailyQuestion(
        couple=couple,
        day=parse_day(row["day"]),
        question_index=index,
        custom=custom,
        created_at=created_at,
    )
    return Answer(
        couple=couple,
        question=question,
        author=user,
        text=text(row["text"]),
        created_at=created_at,
        updated_at=when(row["updated_at"]),
    )
