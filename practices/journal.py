"""Writing to the journal. Each function is one `couple_change` of the couple it is
given: one transaction that keeps the timeline (Entry) in step with what it shows and
moves the couple's revision; views call these, never the models directly."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import ExpressionWrapper, F, FloatField, Subquery, Value
from django.utils import timezone

from accounts.couples import couple_change
from accounts.models import Couple, User
from practices.ideas import IDEAS_BY_SLUG
from practices.models import (
    CustomIdea,
    Entry,
    Gesture,
    Note,
    Notification,
    Plan,
    Reaction,
    Reflection,
    Star,
)
from practices.notifications import settle, tell
from practices.progress import record_practice

NOTE_EDIT_WINDOW = timedelta(minutes=15)
# The remember-when card shows a note at least this old.
REMEMBER_AFTER = timedelta(days=7)


class StalePlan(Exception):
    """The plan changed since the editor loaded it; carries what is saved now."""

    def __init__(self, current: Plan) -> None:
        super().__init__("stale plan")
        self.current = current


def write_note(*, couple: Couple, author: User, recipient: User, text: str, category: str) -> Note:
    with couple_change(couple):
        note = Note.objects.create(
            couple=couple, author=author, recipient=recipient, text=text, category=category
        )
        Entry.objects.create(
            couple=couple, kind=Entry.Kind.NOTE, note=note, occurred_at=note.created_at
        )
        record_practice(couple=couple, user=author, practice="appreciation")
        tell(
            couple=couple,
            actor=author,
            recipient=recipient,
            kind=Notification.Kind.NOTE,
            key=f"note:{note.pk}",
            note=note,
        )
    return note


def can_edit_note(note: Note, user: User) -> bool:
    return note.author_id == user.pk and timezone.now() - note.created_at <= NOTE_EDIT_WINDOW


def edit_note(*, couple: Couple, note: Note, text: str, category: str) -> None:
    note.text = text
    note.category = category
    note.edited_at = timezone.now()
    with couple_change(couple):
        note.save(update_fields=["text", "category", "edited_at"])


def delete_note(*, couple: Couple, note: Note) -> None:
    with couple_change(couple):
        note.delete()


def mark_notes_read(*, recipient: User, couple: Couple, note_ids: list[int] | None = None) -> int:
    unread = Note.objects.for_couple(couple).filter(recipient=recipient, read_at=None)
    if note_ids is not None:
        unread = unread.filter(pk__in=note_ids)
    with couple_change(couple):
        settle(recipient=recipient, kinds=[Notification.Kind.NOTE], note__in=unread)
        return unread.update(read_at=timezone.now())


def set_reaction(*, couple: Couple, note: Note, user: User, kind: str, on: bool = True) -> None:
    """Put this reaction on the note, or take it back: the same end state however often."""
    with couple_change(couple):
        if not on:
            Reaction.objects.filter(note=note, user=user, kind=kind).delete()
            return
        try:
            with transaction.atomic():
                Reaction.objects.get_or_create(note=note, user=user, kind=kind)
        except IntegrityError:
            pass  # a double click created it a moment ago: it is on either way


def set_star(*, couple: Couple, note: Note, user: User, on: bool = True) -> None:
    """Keep the note among this user's keepsakes, or let it go."""
    with couple_change(couple):
        if not on:
            Star.objects.filter(note=note, user=user).delete()
            return
        try:
            with transaction.atomic():
                Star.objects.get_or_create(note=note, user=user)
        except IntegrityError:
            pass


def remember_when(couple: Couple) -> Note | None:
    """A random note from at least a week ago: one query, without scanning the table.

    It picks a random point between the oldest and newest eligible id and takes the first
    note at or after it (gaps make some notes a little likelier; that is fine here).
    """
    older = Note.objects.for_couple(couple).filter(created_at__lte=timezone.now() - REMEMBER_AFTER)
    low = Subquery(older.order_by("id").values("id")[:1])
    high = Subquery(older.order_by("-id").values("id")[:1])
    point = random.random()  # noqa: S311 - a keepsake, not a secret
    pick = ExpressionWrapper(low + (high - low) * Value(point), output_field=FloatField())
    return older.filter(id__gte=pick).order_by("id").first()


@dataclass(frozen=True)
class When:
    day: dt.date | None
    time: dt.time | None


def plan_times(when: When, tz: dt.tzinfo) -> tuple[dt.date | None, dt.datetime | None]:
    """The stored (day, starts_at) for a date and optional time given in the editor's zone."""
    if when.day is None:
        return None, None
    if when.time is None:
        return when.day, None
    return when.day, dt.datetime.combine(when.day, when.time, tzinfo=tz).astimezone(dt.UTC)


def create_plan(*, couple: Couple, user: User, fields: dict, when: When, tz: dt.tzinfo) -> Plan:
    day, starts_at = plan_times(when, tz)
    with couple_change(couple):
        plan = Plan.objects.create(
            couple=couple,
            created_by=user,
            updated_by=user,
            day=day,
            starts_at=starts_at,
            **fields,
        )
        Entry.objects.create(
            couple=couple, kind=Entry.Kind.PLAN, plan=plan, occurred_at=plan.created_at
        )
        record_practice(couple=couple, user=user, practice=practice_of_plan(plan))
        tell_plan_changed(couple=couple, plan=plan, user=user, kind=Notification.Kind.PLAN_NEW)
    return plan


def tell_plan_changed(*, couple: Couple, plan: Plan, user: User, kind: str) -> None:
    tell(couple=couple, actor=user, kind=kind, key=f"plan:{plan.pk}", plan=plan)


def practice_of_plan(plan: Plan) -> str:
    """Planning an enrichment activity is practice 7; any other plan is quality time."""
    idea = IDEAS_BY_SLUG.get(plan.idea_slug)
    return "enrichment" if idea and idea.category == "enrichment" else "quality-time"


def update_plan(
    *,
    couple: Couple,
    plan: Plan,
    user: User,
    version: int,
    fields: dict,
    when: When | None,
    tz: dt.tzinfo,
) -> Plan:
    """Save if nobody saved since `version`; otherwise raise StalePlan with what is saved."""
    changes = dict(fields)
    if when is not None:
        changes["day"], changes["starts_at"] = plan_times(when, tz)
    with couple_change(couple):
        updated = Plan.objects.filter(pk=plan.pk, version=version).update(
            **changes, updated_by=user, updated_at=timezone.now(), version=version + 1
        )
        current = Plan.objects.select_related("updated_by").get(pk=plan.pk)
        if not updated:
            raise StalePlan(current)  # and nothing changed: the revision rolls back too
        tell_plan_changed(
            couple=couple, plan=current, user=user, kind=Notification.Kind.PLAN_CHANGED
        )
    return current


def set_plan_status(*, couple: Couple, plan: Plan, user: User, version: int, status: str) -> Plan:
    """Set the status if nobody changed the plan since `version` (the one the button was
    shown with); otherwise raise StalePlan with what is saved, and change nothing. The
    version moves on, so that an edit form opened before this reports it too."""
    with couple_change(couple):
        updated = Plan.objects.filter(pk=plan.pk, version=version).update(
            status=status, updated_by=user, updated_at=timezone.now(), version=F("version") + 1
        )
        current = Plan.objects.select_related("updated_by").get(pk=plan.pk)
        if not updated:
            raise StalePlan(current)  # and nothing changed: the revision rolls back too
        tell_plan_changed(
            couple=couple, plan=current, user=user, kind=Notification.Kind.PLAN_CHANGED
        )
    return current


def reflect(*, couple: Couple, plan: Plan, author: User, enjoyed: str, rating: int) -> Reflection:
    with couple_change(couple):
        reflection = Reflection.objects.create(
            couple=couple, plan=plan, author=author, enjoyed=enjoyed, rating=rating
        )
        Entry.objects.create(
            couple=couple,
            kind=Entry.Kind.REFLECTION,
            reflection=reflection,
            occurred_at=reflection.created_at,
        )
        record_practice(couple=couple, user=author, practice="quality-time")
        settle(recipient=author, kinds=[Notification.Kind.REFLECTION], plan=plan)
        tell(
            couple=couple,
            actor=author,
            kind=Notification.Kind.REFLECTION,
            key=f"reflection:{plan.pk}",
            plan=plan,
        )
    return reflection


def add_custom_idea(*, couple: Couple, user: User, idea: CustomIdea) -> None:
    with couple_change(couple):
        idea.couple = couple
        idea.created_by = user
        idea.save()


GESTURES_PER_DAY = 3


class TooManyGestures(Exception):
    """Today's signs are sent: a sign, not a stream."""


def gestures_left_today(*, couple: Couple, user: User) -> int:
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    sent = Gesture.objects.for_couple(couple).filter(author=user, created_at__gte=midnight).count()
    return max(0, GESTURES_PER_DAY - sent)


def send_gesture(*, couple: Couple, user: User, recipient: User, kind: str) -> Gesture:
    """A "thinking of you" from `user`; raises TooManyGestures past today's few."""
    with couple_change(couple):
        # The couple's row is locked by couple_change (on PostgreSQL): two taps at once
        # cannot both pass the count.
        if gestures_left_today(couple=couple, user=user) == 0:
            raise TooManyGestures
        gesture = Gesture.objects.create(couple=couple, author=user, recipient=recipient, kind=kind)
        # Sending one back is the answer to theirs.
        settle(recipient=user, kinds=[Notification.Kind.GESTURE])
        tell(
            couple=couple,
            actor=user,
            recipient=recipient,
            kind=Notification.Kind.GESTURE,
            key=f"gesture:{gesture.pk}",
            gesture=gesture,
            expires_at=gesture.created_at + GESTURE_SHOWN_FOR,
        )
    return gesture


# A sign is of the moment: after a few days it leaves the list by itself.
GESTURE_SHOWN_FOR = timedelta(days=3)
