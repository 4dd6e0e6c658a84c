"""Security notices by email that allauth does not send itself: a new sign-in."""

from __future__ import annotations

from datetime import timedelta

from allauth.account.adapter import get_adapter
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import User

# A sign-in this soon after the account was made is its owner signing up (or confirming
# the address): no notice, they know.
JUST_SIGNED_UP = timedelta(minutes=10)


def notify_sign_in(sender: type, request: HttpRequest, user: User, **kwargs: object) -> None:
    """Tell the owner that their account was just signed in to, with when, from which
    address and browser, so a sign-in they did not make stands out."""
    if timezone.now() - user.date_joined < JUST_SIGNED_UP:
        return
    get_adapter(request).send_notification_mail("account/email/signed_in", user)
