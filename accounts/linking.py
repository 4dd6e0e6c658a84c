"""Linking two accounts into a couple, and ending the link.

Each function here is one transaction and the only way its change happens.
Failures raise LinkError with a message for the person and an HTTP status.
"""

from __future__ import annotations

import datetime as dt
import secrets
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from accounts.couples import couple_change
from accounts.models import (
    Couple,
    Invite,
    Membership,
    User,
    calendar_token_hash,
    new_calendar_token,
)

INVITE_LIFETIME = timedelta(days=7)
# No 0/O, 1/I/L: a code read aloud or copied from a phone screen must not be misread.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


# An invite opened before signing up is remembered in the session through sign-up and
# email confirmation, even in another tab.
PENDING_INVITE_SESSION_KEY = "pending_invite"


class LinkError(Exception):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def normalise_code(raw: str) -> str:
    """What people type ("abcd-efgh", "ABCD EFGH") to the stored form ("ABCDEFGH")."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def pending_invite_url(request: HttpRequest) -> str | None:
    """Where a newly signed-in person should go to finish accepting an invite, if anywhere."""
    token = request.session.get(PENDING_INVITE_SESSION_KEY)
    if not token:
        return None
    return reverse("accounts:invite_accept", kwargs={"token": token})


def latest_invite_of(user: User) -> Invite | None:
    """The newest invite this user made, whatever its state, to show where it stands."""
    return Invite.objects.filter(inviter=user).order_by("-created_at").first()


def active_membership(user: User) -> Membership | None:
    return Membership.objects.filter(user=user, active=True).select_related("couple").first()


def waiting_couple_of(user: User) -> Couple | None:
    """The journal this user restored from an export, if it is what their pages show and
    nobody joined it yet: their next invite brings the partner into it."""
    couple = Couple.objects.filter(
        pk=user.current_couple_id,
        restored_at__isnull=False,
        ended_at__isnull=False,
        partner_deleted_at__isnull=True,
    ).first()
    if couple is None or couple.memberships.exclude(user=user).exists():
        return None
    return couple


def create_invite(*, inviter: User) -> Invite:
    """A fresh invite; any open one of the same inviter is revoked."""
    if active_membership(inviter):
        raise LinkError("You are already linked with your partner.", 409)
    now = timezone.now()
    waiting = waiting_couple_of(inviter)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                Invite.objects.filter(inviter=inviter).open().update(revoked_at=now)
                return Invite.objects.create(
                    inviter=inviter,
                    token=secrets.token_urlsafe(32),
                    code="".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)),
                    created_at=now,
                    expires_at=now + INVITE_LIFETIME,
                    couple=waiting,
                )
        except IntegrityError:
            # A code collision (31^8 codes) or a double click that created one meanwhile.
            continue
    raise LinkError("We could not create an invite just now. Please try again.", 503)


def revoke_invite(*, inviter: User) -> int:
    return Invite.objects.filter(inviter=inviter).open().update(revoked_at=timezone.now())


def check_invite(invite: Invite, *, user: User | None) -> None:
    """Raise LinkError if this invite cannot be accepted (by this user, when given)."""
    state = invite.state
    if state == Invite.State.ACCEPTED:
        raise LinkError("This invite has already been used.", 410)
    if state == Invite.State.REVOKED:
        raise LinkError(
            f"{invite.inviter.display_name} cancelled this invite. Ask them for a new one.", 410
        )
    if state == Invite.State.DECLINED:
        raise LinkError("This invite was declined and can no longer be used.", 410)
    if state == Invite.State.EXPIRED:
        raise LinkError(
            f"This invite expired. Invites last {INVITE_LIFETIME.days} days: ask "
            f"{invite.inviter.display_name} for a new one.",
            410,
        )
    if user is None:
        return
    if invite.inviter_id == user.pk:
        raise LinkError(
            "This is your own invite. Send the link or the code to your partner instead.", 400
        )
    if active_membership(user):
        raise LinkError(
            "You are already linked with a partner. End that link in settings before "
            "accepting a new one.",
            409,
        )
    if active_membership(invite.inviter):
        raise LinkError(
            f"{invite.inviter.display_name} has linked with someone else meanwhile.", 409
        )


def join(*, inviter: User, invitee: User, at: dt.datetime, couple: Couple | None = None) -> Couple:
    """A new couple of these two, or the inviter's restored journal (`couple`, see
    waiting_couple_of) opened again with the invitee in it: their memberships, and each
    one's current couple and partner (what their pages show from now on)."""
    if couple is None:
        couple = Couple.objects.create(linked_at=at)
        Membership.objects.create(
            couple=couple, user=inviter, slot=Membership.Slot.INVITER, joined_at=at
        )
    else:
        with couple_change(couple):
            Couple.objects.filter(pk=couple.pk).update(ended_at=None, ended_by=None)
            couple.ended_at = couple.ended_by = None
            Membership.objects.filter(couple=couple, user=inviter).update(active=True)
    Membership.objects.create(
        couple=couple, user=invitee, slot=Membership.Slot.INVITEE, joined_at=at
    )
    for user, partner in ((inviter, invitee), (invitee, inviter)):
        user.current_couple, user.current_partner = couple, partner
        User.objects.filter(pk=user.pk).update(current_couple=couple, current_partner=partner)
    return couple


def accept_invite(*, invite: Invite, user: User) -> Couple:
    """Link the inviter and this user. Exactly one of two simultaneous acceptances wins."""
    with transaction.atomic():
        locked = (
            Invite.objects.select_for_update(of=("self",))
            .select_related("inviter")
            .get(pk=invite.pk)
        )
        check_invite(locked, user=user)
        now = timezone.now()
        # The conditional update is the decisive guard where select_for_update is a no-op.
        claimed = (
            Invite.objects.filter(pk=locked.pk).open().update(accepted_at=now, accepted_by=user)
        )
        if not claimed:
            raise LinkError("This invite has already been used.", 410)
        try:
            with transaction.atomic():
                couple = join(inviter=locked.inviter, invitee=user, at=now, couple=locked.couple)
        except IntegrityError:
            # one_active_couple_per_user: one of the two linked elsewhere a moment ago.
            raise LinkError(
                "One of you was linked with someone else a moment ago, so this invite "
                "cannot be used.",
                409,
            ) from None
        Invite.objects.filter(pk=locked.pk).update(couple=couple)
        # Whatever the new partner had offered to someone else is void now.
        Invite.objects.filter(inviter=user).open().update(revoked_at=now)
    return couple


def decline_invite(*, invite: Invite, user: User) -> None:
    with transaction.atomic():
        locked = (
            Invite.objects.select_for_update(of=("self",))
            .select_related("inviter")
            .get(pk=invite.pk)
        )
        check_invite(locked, user=user)
        Invite.objects.filter(pk=locked.pk).open().update(declined_at=timezone.now())


def end_couple(*, couple: Couple, user: User) -> None:
    """End the link for both partners. Nothing is deleted: the journal becomes an archive."""
    with couple_change(couple):
        # The revision's update has locked the row: a simultaneous end waits here.
        locked = Couple.objects.get(pk=couple.pk)
        if not locked.is_active:
            raise LinkError("This link has already ended.", 409)
        if not locked.memberships.filter(user=user, active=True).exists():
            raise LinkError("You are not part of this couple.", 404)
        Couple.objects.filter(pk=couple.pk).update(ended_at=timezone.now(), ended_by=user)
        locked.memberships.update(active=False)


def update_details(*, couple: Couple, changes: dict, shown: dict) -> None:
    """Set the couple's name or anniversary (`changes`) where they still read as the
    editor's page showed them (`shown`); else LinkError 409, and nothing changes. Only these
    fields: saving the whole row could put back an end or a revision read earlier."""
    with couple_change(couple):
        updated = Couple.objects.filter(pk=couple.pk, **shown).update(**changes) if changes else 1
        if not updated:
            raise LinkError(
                "Your partner changed this meanwhile. Here is what is saved now: change it "
                "again if you like.",
                409,
            )


def new_calendar_address(*, couple: Couple) -> str:
    """A new private feed URL: the old one stops working at once. Returns the new token,
    the only time it exists outside the feed's URL: only its hash is stored."""
    token = new_calendar_token()
    with couple_change(couple):
        couple.calendar_token_hash = calendar_token_hash(token)
        Couple.objects.filter(pk=couple.pk).update(calendar_token_hash=couple.calendar_token_hash)
    return token
