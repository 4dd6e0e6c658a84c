"""Signed one-click unsubscribe links: they work without logging in and cannot be forged."""

from __future__ import annotations

from django.core import signing

from accounts.models import User

SALT = "bond.unsubscribe"
# Which user setting each kind of email turns off.
SETTING_OF = {"plans": "remind_plans", "thanks": "remind_weekly_thanks"}


def make_token(user: User, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") not in SETTING_OF:
        return None
    return data.get("u"), data["k"]
