"""Deleting an account completely.

The database does the work through its foreign keys: everything a person wrote or
did (notes, answers, reactions, reflections, check-ins, ticks, stars, invites,
their email addresses) is deleted with them (CASCADE); what their partner made or
shares (the partner's own notes, the shared plans) stays, and the link to the
deleted person becomes empty (SET_NULL), shown as "former partner". Here we only
add what cascades cannot do: end the couple and end every session.
"""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from accounts.couples import couple_change
from accounts.models import Couple, Membership, User


def sessions_of(user: User) -> list[str]:
    """Keys of the live database sessions signed in as this user."""
    user_id = str(user.pk)
    return [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]


def delete_account(*, user: User) -> None:
    with transaction.atomic():
        active = Membership.objects.filter(user=user, active=True).select_related("couple")
        for membership in active:
            # The partner keeps an ended couple: their journal becomes an archive.
            with couple_change(membership.couple):
                Couple.objects.filter(pk=membership.couple_id).update(ended_at=timezone.now())
                Membership.objects.filter(couple=membership.couple_id).update(active=False)
        Session.objects.filter(session_key__in=sessions_of(user)).delete()
        user.delete()
