"""The partner loop: what one partner does reaches the other.

An action that asks for an answer (a note, an answer to the day's question, a check-in,
a reflect-back, a reflection, a plan, a "thinking of you") tells the partner with `tell`,
inside the `couple_change` of the action itself: an item of their "for you" list and, if
they chose, a push notification to each of their devices, held until their quiet hours
end, and later a line in their email digest. Acting on it, or dismissing it, takes it off
the list (`settle`); seeing it in the app (`mark_seen`) calls off the push that had not
gone yet, and keeps it out of the digest.

What leaves the app says who and what kind ("Sam sent you a note"), never the words: the
texts below are all a device or a mailbox is ever told, and with `hide_names` not even
who. Nothing is told once the couple has ended.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import Counter

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from accounts.couples import couple_change
from accounts.delivery import call_off, send_push_later
from accounts.models import Couple, Membership, NotificationSettings, User
from practices.display import action_path, path_to
from practices.models import Notification, Plan

Kind = Notification.Kind
Topic = NotificationSettings.Topic

TOPIC_OF = {
    Kind.NOTE: Topic.NOTES,
    Kind.ANSWER: Topic.ANSWERS,
    Kind.CHECK_IN: Topic.CHECK_INS,
    Kind.CHECK_IN_REPLY: Topic.CHECK_INS,
    Kind.EXCHANGE: Topic.REFLECT_BACK,
    Kind.EXCHANGE_REPLY: Topic.REFLECT_BACK,
    Kind.REFLECTION: Topic.PLANS,
    Kind.PLAN_NEW: Topic.PLANS,
    Kind.PLAN_CHANGED: Topic.PLANS,
    Kind.DATE_TOMORROW: Topic.PLANS,
    Kind.GESTURE: Topic.GESTURES,
    Kind.ANSWER_REPLY: Topic.ANSWERS,
    Kind.PROGRAM: Topic.PROGRAMS,
    Kind.PROGRAM_STOPPED: Topic.PROGRAMS,
    Kind.PHOTO: Topic.PHOTOS,
}

# What a device shows: who and what kind ({name} is the partner), and with hidden names
# what kind alone. A gesture's own words are a fixed choice, added in push_text.
PUSH_TEXT = {
    Kind.NOTE: ("{name} sent you a note", "A new note"),
    Kind.ANSWER: ("{name} answered the day's question", "A new answer to the day's question"),
    Kind.CHECK_IN: ("{name} checked in", "A new check-in"),
    Kind.CHECK_IN_REPLY: ("{name} replied to your check-in", "A reply to your check-in"),
    Kind.EXCHANGE: ("{name} reflected back what you said", "A reflect-back for you"),
    Kind.EXCHANGE_REPLY: ("{name} answered your reflect-back", "An answer to your reflect-back"),
    Kind.REFLECTION: ("{name} reflected on a date you shared", "A reflection on a date"),
    Kind.PLAN_NEW: ("{name} made a plan for you two", "A new plan"),
    Kind.PLAN_CHANGED: ("{name} changed a plan", "A plan changed"),
    Kind.DATE_TOMORROW: ("You have a date tomorrow", "You have a date tomorrow"),
    Kind.GESTURE: ("{name}: {gesture}", "{gesture}"),
    Kind.ANSWER_REPLY: ("{name} replied to your answer", "A reply to your answer"),
    Kind.PROGRAM: ("{name} started a program for you two", "A program started"),
    Kind.PROGRAM_STOPPED: ("{name} stopped your program", "A program stopped"),
    Kind.PHOTO: ("{name} added a photo", "A new photo"),
}

# What the email digest counts, one line a kind: (one, many).
DIGEST_LINES = {
    Kind.NOTE: ("a note", "{n} notes"),
    Kind.ANSWER: ("an answer to the day's question", "{n} answers to the day's question"),
    Kind.CHECK_IN: ("a check-in", "{n} check-ins"),
    Kind.CHECK_IN_REPLY: ("a reply to your check-in", "{n} replies to your check-ins"),
    Kind.EXCHANGE: ("a reflect-back to answer", "{n} reflect-backs to answer"),
    Kind.EXCHANGE_REPLY: ("an answer to your reflect-back", "{n} answers to your reflect-backs"),
    Kind.REFLECTION: ("a reflection on a date", "{n} reflections on dates"),
    Kind.PLAN_NEW: ("a new plan", "{n} new plans"),
    Kind.PLAN_CHANGED: ("a changed plan", "{n} changed plans"),
    Kind.DATE_TOMORROW: ("a date tomorrow", "{n} dates coming up"),
    Kind.GESTURE: ("a sign they are thinking of you", "{n} signs they are thinking of you"),
    Kind.ANSWER_REPLY: ("a reply to your answer", "{n} replies to your answers"),
    Kind.PROGRAM: ("a program to do together", "{n} programs to do together"),
    Kind.PROGRAM_STOPPED: ("a program stopped", "{n} programs stopped"),
    Kind.PHOTO: ("a photo", "{n} photos"),
}

TOPIC_PREFIX = "notification:"


def topic(item: Notification) -> str:
    """The name of what is sent outside about `item`, to call it off (accounts.delivery)."""
    return f"{TOPIC_PREFIX}{item.pk}"


def partner_in(couple: Couple, user: User) -> User | None:
    membership = (
        Membership.objects.filter(couple=couple, active=True)
        .exclude(user=user)
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


def settings_of(user: User) -> NotificationSettings:
    """The person's settings, or the defaults until they save their own."""
    return NotificationSettings.objects.filter(user=user).first() or NotificationSettings(user=user)


def tell(
    *,
    couple: Couple,
    actor: User | None,
    kind: str,
    key: str,
    recipient: User | None = None,
    expires_at: dt.datetime | None = None,
    **about,
) -> Notification | None:
    """Tell the partner of `actor` (or `recipient`) about `about` (note=, plan=, ...).

    Call it inside the action's `couple_change`. News of a thing that is already on the
    list (a plan changed twice) moves that item back to the top, unseen again."""
    if not couple.is_active:
        return None
    recipient = recipient or partner_in(couple, actor)
    if recipient is None:
        return None
    now = timezone.now()
    item = Notification.objects.filter(recipient=recipient, key=key, done_at=None).first()
    if item is None:
        item = Notification.objects.create(
            couple=couple,
            recipient=recipient,
            actor=actor,
            kind=kind,
            key=key,
            expires_at=expires_at,
            created_at=now,
            **about,
        )
    else:
        call_off(topic(item))  # what was waiting to be sent is told afresh below
        if not (item.kind == Kind.PLAN_NEW and kind == Kind.PLAN_CHANGED):
            item.kind = kind  # a plan still new to them stays "new", however often changed
        item.actor, item.created_at, item.seen_at, item.expires_at = actor, now, None, expires_at
        item.save(update_fields=["kind", "actor", "created_at", "seen_at", "expires_at"])
    push(item, recipient=recipient, actor=actor, now=now)
    return item


def tell_once(*, couple: Couple, recipient: User, kind: str, key: str, **options) -> int:
    """Like `tell`, for what the calendar brings (a date tomorrow): told once, however often
    the schedule runs, on however many servers; 1 if told now."""
    if Notification.objects.filter(recipient=recipient, key=key).exists():
        return 0
    try:
        with couple_change(couple), transaction.atomic():
            tell(couple=couple, actor=None, recipient=recipient, kind=kind, key=key, **options)
    except IntegrityError:
        return 0  # another server told them a moment ago
    return 1


def push(item: Notification, *, recipient: User, actor: User | None, now: dt.datetime) -> None:
    """A push notification to each of the recipient's devices, if they want this topic,
    held until their quiet hours end."""
    preferences = settings_of(recipient)
    if TOPIC_OF[item.kind] not in preferences.push_topics:
        return
    devices = list(recipient.push_subscriptions.all())
    if not devices:
        return
    payload = {
        "title": "Bond",
        "body": push_text(item, preferences, actor),
        "url": item_url(item),
        # A later notification of the same thing replaces this one on the device.
        "tag": item.key,
    }
    not_before = quiet_until(preferences, zoneinfo.ZoneInfo(recipient.time_zone), now)
    for device in devices:
        send_push_later(
            device, payload=payload, kind=item.kind, topic=topic(item), not_before=not_before
        )


def push_text(item: Notification, preferences: NotificationSettings, actor: User | None) -> str:
    named, anonymous = PUSH_TEXT[item.kind]
    text = anonymous if preferences.hide_names or actor is None else named
    gesture = item.gesture.get_kind_display() if item.gesture_id else ""
    return text.format(name=actor.display_name if actor else "", gesture=gesture)


def quiet_until(
    preferences: NotificationSettings, zone: dt.tzinfo, now: dt.datetime
) -> dt.datetime | None:
    """When the person's quiet hours end, if `now` falls inside them; else None."""
    start, end = preferences.quiet_start, preferences.quiet_end
    if not preferences.quiet_hours or start == end:
        return None
    local = now.astimezone(zone)
    moment = local.time()
    inside = start <= moment < end if start < end else moment >= start or moment < end
    if not inside:
        return None
    end_day = local.date() if moment < end else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(end_day, end, tzinfo=zone)


def settle(*, recipient: User, kinds: list[str] | None = None, **about) -> int:
    """`recipient` acted on what these items asked (read the note, answered, replied):
    off their list, and whatever had not been sent about them is called off. Call it in
    the action's `couple_change`."""
    return done(waiting_about(recipient, kinds, **about))


def waiting_about(recipient: User, kinds: list[str] | None, **about) -> list[int]:
    items = Notification.objects.filter(recipient=recipient, done_at=None, **about)
    if kinds is not None:
        items = items.filter(kind__in=kinds)
    return list(items.values_list("pk", flat=True))


def done(ids: list[int]) -> int:
    if ids:
        Notification.objects.filter(pk__in=ids).update(done_at=timezone.now())
        call_off(*(f"{TOPIC_PREFIX}{pk}" for pk in ids))
    return len(ids)


def settle_on_view(*, couple: Couple, recipient: User, kinds: list[str], **about) -> None:
    """The page that shows these items' news was opened: they are done. A change, so in a
    `couple_change`, made only when there is something to settle."""
    ids = waiting_about(recipient, kinds, **about)
    if ids:
        with couple_change(couple):
            done(ids)


def mark_seen(items: list[Notification]) -> None:
    """Shown in the app: nothing more need be sent about them."""
    unseen = [item.pk for item in items if item.seen_at is None]
    if unseen:
        Notification.objects.filter(pk__in=unseen, seen_at=None).update(seen_at=timezone.now())
        call_off(*(f"{TOPIC_PREFIX}{pk}" for pk in unseen))


def item_url(item: Notification) -> str:
    """The page where the item's action is: where a tap on its notification leads."""
    if item.note_id:
        return path_to("practices:note_detail", item.note_id)
    if item.plan_id:
        return path_to("practices:plan_detail", item.plan_id)
    if item.question_id:
        return path_to("practices:question_day", item.question.day.isoformat())
    if item.exchange_id:
        return action_path("empathy")
    if item.check_in_id:
        return action_path("well-being")
    if item.kind == Kind.PROGRAM_STOPPED:
        return reverse("practices:program_list")
    if item.program_run_id:
        return path_to("practices:program", item.program_run.program)
    return "/"  # a sign from the partner is on the home page


# The email digest --------------------------------------------------------------------


def digest_due(
    preferences: NotificationSettings, zone: dt.tzinfo, now: dt.datetime
) -> dt.datetime | None:
    """The moment the latest digest fell due (the person's time, every day or on Sundays),
    if it is not sent yet and `now` is out of their quiet hours; else None. A time inside
    the quiet hours waits for their end."""
    local = now.astimezone(zone)
    due = dt.datetime.combine(local.date(), preferences.digest_time, tzinfo=zone)
    if due > local:
        due -= dt.timedelta(days=1)
    if preferences.digest == NotificationSettings.Digest.WEEKLY:
        due -= dt.timedelta(days=(due.weekday() - 6) % 7)
    if quiet_until(preferences, zone, now) is not None:
        return None
    if preferences.digest_sent_at is not None and preferences.digest_sent_at >= due:
        return None
    return due


def digest_counts(preferences: NotificationSettings, since: dt.datetime) -> Counter:
    """What came for the person since `since`, of the topics they chose, that they have
    not seen in the app, counted by kind."""
    kinds = [kind for kind, topic_ in TOPIC_OF.items() if topic_ in preferences.email_topics]
    waiting = (
        Notification.objects.waiting_for(preferences.user)
        .filter(created_at__gt=since, seen_at=None, kind__in=kinds)
        .values_list("kind", flat=True)
    )
    return Counter(waiting)


def digest_lines(counts: Counter) -> list[str]:
    lines = []
    for kind, (one, many) in DIGEST_LINES.items():
        if counts[kind]:
            lines.append(one if counts[kind] == 1 else many.format(n=counts[kind]))
    return lines


def claim_digest(preferences: NotificationSettings, due: dt.datetime, now: dt.datetime) -> bool:
    """Only one run (of however many servers) sends this period's digest."""
    return bool(
        NotificationSettings.objects.filter(pk=preferences.pk)
        .filter(Q(digest_sent_at=None) | Q(digest_sent_at__lt=due))
        .update(digest_sent_at=now)
    )


def tell_dates_tomorrow(now: dt.datetime) -> int:
    """Each partner hears of a planned date the day before, by their own calendar."""
    around = now.date()
    plans = Plan.objects.filter(
        status=Plan.Status.PLANNED,
        day__range=(around, around + dt.timedelta(days=2)),
        couple__ended_at=None,
    ).select_related("couple")
    members = Membership.objects.filter(active=True, couple__in={plan.couple_id for plan in plans})
    people: dict[int, list[User]] = {}
    for membership in members.select_related("user"):
        people.setdefault(membership.couple_id, []).append(membership.user)
    told = 0
    for plan in plans:
        for person in people.get(plan.couple_id, []):
            zone = zoneinfo.ZoneInfo(person.time_zone)
            if plan.day != now.astimezone(zone).date() + dt.timedelta(days=1):
                continue
            with timezone.override(zone):
                told += tell_once(
                    couple=plan.couple,
                    recipient=person,
                    kind=Kind.DATE_TOMORROW,
                    key=f"date:{plan.pk}:{plan.day.isoformat()}",
                    plan=plan,
                    expires_at=dt.datetime.combine(
                        plan.day + dt.timedelta(days=1), dt.time.min, tzinfo=zone
                    ),
                )
    return told


def forget_done(now: dt.datetime, *, after: dt.timedelta = dt.timedelta(days=30)) -> int:
    """Drop what left the list (acted on, dismissed, expired) a while ago."""
    old = Q(done_at__lt=now - after) | Q(expires_at__lt=now - after)
    return Notification.objects.filter(old).delete()[0]
