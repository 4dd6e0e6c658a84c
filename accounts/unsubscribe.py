"""Signed one-click unsubscribe links: they work without logging in and cannot be forged.

A link names its user by their `email_links_token` (never by their id), is bound to the
address it was sent to, and expires: it stops working after LINK_LIFETIME, when the
address changes, or when the user's token is replaced (every link sent so far at once).
"""

from __future__ import annotations

import datetime as dt

from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from accounts.models import NotificationSettings, User

SALT = "bond.unsubscribe"
# Long enough for a reminder read late; a forwarded or leaked old email stops working.
LINK_LIFETIME = dt.timedelta(days=90)
# Which user setting each kind of email turns off (the digest: see turn_off).
SETTING_OF = {"plans": "remind_plans", "thanks": "remind_weekly_thanks", "digest": None}


def _address_mark(user: User) -> str:
    # A keyed hash, not the address: the payload of a signed value is readable by anyone.
    return salted_hmac(SALT, user.email.lower()).hexdigest()[:16]


def make_token(user: User, kind: str) -> str:
    payload = {"t": user.email_links_token, "k": kind, "a": _address_mark(user)}
    return signing.dumps(payload, salt=SALT, compress=True)


def read_token(token: str) -> tuple[User, str] | None:
    """The user and the kind of email the link turns off, or None if it no longer works."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_LIFETIME)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, dict) or data.get("k") not in SETTING_OF:
        return None
    if not isinstance(data.get("t"), str) or not isinstance(data.get("a"), str):
        return None
    user = User.objects.filter(email_links_token=data["t"]).first()
    if user is None or not constant_time_compare(data["a"], _address_mark(user)):
        return None
    return user, data["k"]


def turn_off(user: User, kind: str) -> None:
    """What the link says: no more emails of this kind."""
    if kind == "digest":
        NotificationSettings.objects.update_or_create(user=user, defaults={"email_topics": []})
    else:
        User.objects.filter(pk=user.pk).update(**{SETTING_OF[kind]: False})
