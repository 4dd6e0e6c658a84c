"""Deleting an account completely: every field its owner wrote goes, and the partner is told.

Most of it is the database's work, through the foreign keys: what a person made on their
own (notes, answers, reflections, check-ins, reflect-backs, reactions, keepsakes, ticks,
invites, email addresses) is theirs by a CASCADE key and goes with them. What stays is
what the partner owns or the two share, and there the key to the person becomes empty
(SET_NULL), shown as "former partner":

- the partner's own notes, answers, reflections, check-ins and reflect-backs;
- the plans, which both partners make and edit, so no field of one is one person's words
  alone (`updated_by` names only the last editor): blanking what the deleted person typed
  would take the partner's edits and the record of their time together with it;
- the couple's name and anniversary, chosen by the two of them, for the same reason.

Some of the person's words sit in rows that stay: their reply to the partner's check-in,
what they added to the partner's reflect-back, the ideas they added (kept by SET_NULL).
`accounts` knows nothing of those models (it never imports `practices`), so it sends
`account_deleting` for every couple the person has been in, and `practices.erasure`
removes them. That happens inside `couple_change(couple)`, which moves the revision the
couple's cached fragments are keyed on (the partner must not be shown a cached copy of the
words), and inside the one transaction of the whole deletion: it all happens, or none.

Here we also end the couple, record for the partner who deleted their account and when,
end every session, and delete a couple whose two members have now both gone.
"""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from accounts.couples import couple_change
from accounts.models import Couple, Membership, User

account_deleting = Signal()
"""Sent with `user` and `couple` for each couple the user is or was a member of, inside
that couple's `couple_change` and before their account and its cascades are deleted.
A receiver removes or blanks what the user wrote in rows of the couple that would
otherwise survive them (see practices.erasure)."""


def sessions_of(user: User) -> list[str]:
    """Keys of the live database sessions signed in as this user."""
    user_id = str(user.pk)
    return [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]


def delete_account(*, user: User) -> None:
    now = timezone.now()
    with transaction.atomic():
        # Every couple, ended ones too: an archive the partner still reads holds the
        # person's words as much as the active couple does.
        couples = list(Couple.objects.filter(memberships__user=user).order_by("pk"))
        for couple in couples:
            with couple_change(couple):
                changes: dict = {}
                if couple.is_active:
                    # The partner keeps an ended couple: their journal becomes an archive.
                    changes["ended_at"] = now
                    Membership.objects.filter(couple=couple).update(active=False)
                if Membership.objects.filter(couple=couple).exclude(user=user).exists():
                    changes["partner_deleted_name"] = user.display_name
                    changes["partner_deleted_at"] = now
                if changes:
                    Couple.objects.filter(pk=couple.pk).update(**changes)
                account_deleting.send(sender=User, user=user, couple=couple)
        Session.objects.filter(session_key__in=sessions_of(user)).delete()
        user.delete()
        # A couple with neither member left is nobody's archive: it goes, with everything
        # in it (the database cascades from the couple to each of its rows).
        Couple.objects.filter(pk__in=[c.pk for c in couples], memberships__isnull=True).delete()
