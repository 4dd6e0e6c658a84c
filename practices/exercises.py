"""The actions of practices 2, 5 and 6: reflect-back, affection ticks and check-ins.

Each is one `couple_change` of the couple it is given, as in practices.journal, and
tells the partner what asks for their answer (practices.notifications)."""

from __future__ import annotations

from django.utils import timezone

from accounts.couples import couple_change
from accounts.models import Couple, User
from practices.models import AffectionDay, CheckIn, Entry, Exchange, Notification
from practices.notifications import settle, tell
from practices.progress import record_practice

AFFECTION_KINDS = ("hug", "kiss", "held_hands", "cuddle")


def reflect_back(*, couple: Couple, listener: User, speaker: User, heard: str) -> Exchange:
    with couple_change(couple):
        exchange = Exchange.objects.create(
            couple=couple, listener=listener, speaker=speaker, heard=heard
        )
        Entry.objects.create(
            couple=couple,
            kind=Entry.Kind.EXCHANGE,
            exchange=exchange,
            occurred_at=exchange.created_at,
        )
        record_practice(couple=couple, user=listener, practice="empathy")
        tell(
            couple=couple,
            actor=listener,
            recipient=speaker,
            kind=Notification.Kind.EXCHANGE,
            key=f"exchange:{exchange.pk}",
            exchange=exchange,
        )
    return exchange


def answer_exchange(
    *, couple: Couple, exchange: Exchange, user: User, reply: str, addition: str
) -> bool:
    """The speaker confirms or adds what was missed; False if it was answered already."""
    with couple_change(couple):
        answered = Exchange.objects.filter(pk=exchange.pk, speaker=user, reply="").update(
            reply=reply, addition=addition, replied_at=timezone.now()
        )
        if answered:
            record_practice(couple=couple, user=user, practice="empathy")
            settle(recipient=user, kinds=[Notification.Kind.EXCHANGE], exchange=exchange)
            tell(
                couple=couple,
                actor=user,
                recipient=exchange.listener,
                kind=Notification.Kind.EXCHANGE_REPLY,
                key=f"exchange-reply:{exchange.pk}",
                exchange=exchange,
            )
    return bool(answered)


def tick_affection(*, couple: Couple, user: User, kinds: set[str]) -> AffectionDay:
    values = {kind: kind in kinds for kind in AFFECTION_KINDS}
    with couple_change(couple):
        tick, _ = AffectionDay.objects.update_or_create(
            couple=couple,
            user=user,
            day=timezone.localdate(),
            defaults={**values, "updated_at": timezone.now()},
        )
        if kinds:
            record_practice(couple=couple, user=user, practice="affection")
    return tick


def check_in(*, couple: Couple, user: User, mood: int, need: str) -> CheckIn:
    with couple_change(couple):
        check, created = CheckIn.objects.update_or_create(
            couple=couple,
            author=user,
            day=timezone.localdate(),
            defaults={"mood": mood, "need": need},
        )
        if created:
            Entry.objects.create(
                couple=couple,
                kind=Entry.Kind.CHECK_IN,
                check_in=check,
                occurred_at=check.created_at,
            )
        record_practice(couple=couple, user=user, practice="well-being")
        tell(
            couple=couple,
            actor=user,
            kind=Notification.Kind.CHECK_IN,
            key=f"check-in:{check.pk}",
            check_in=check,
        )
    return check


def reply_to_check_in(*, couple: Couple, check: CheckIn, user: User, reply: str) -> bool:
    """The partner's reply, written once; False if there is one already (from another tab,
    or a second click): the reply that stands is never replaced."""
    with couple_change(couple):
        replied = (
            CheckIn.objects.filter(pk=check.pk, reply="")
            .exclude(author=user)
            .update(reply=reply, replied_at=timezone.now())
        )
        if replied:
            record_practice(couple=couple, user=user, practice="well-being")
            settle(recipient=user, kinds=[Notification.Kind.CHECK_IN], check_in=check)
            tell(
                couple=couple,
                actor=user,
                recipient=check.author,
                kind=Notification.Kind.CHECK_IN_REPLY,
                key=f"check-in-reply:{check.pk}",
                check_in=check,
            )
    return bool(replied)
