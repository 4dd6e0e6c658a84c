"""allauth's hooks, where Bond does things its own way."""

from __future__ import annotations

import zoneinfo
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from accounts.delivery import send_email_later
from accounts.models import User


class AccountAdapter(DefaultAccountAdapter):
    # allauth's wording where it reads like a form validator, not like Bond.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _(
            "That email address and password don't go together. Check both and try again."
        ),
        "rate_limited": _("Too many tries in a row. Please wait a few minutes, then try again."),
    }

    def format_email_subject(self, subject: str) -> str:
        """A subject like "[Bond] Reset your password": the site's name (SITE_NAME), never
        its host (allauth's default without a prefix), as Bond's own emails have it."""
        return f"[{settings.SITE_NAME}] {force_str(subject)}"

    def send_notification_mail(
        self,
        template_prefix: str,
        user: Any,
        context: dict[str, Any] | None = None,
        email: str | None = None,
    ) -> None:
        """A notice ("your password was changed") greets its person: allauth passes the
        user to choose the address, but not on to the email."""
        super().send_notification_mail(
            template_prefix, user, {"user": user, **(context or {})}, email
        )

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Confirmation, reset and notice emails go through the worker like every other:
        signing up must not wait on the mail server, nor fail when it is down.

        Each one says "Hello Sam," to the account's owner (just "Hello," to an address with
        no account), names the site from SITE_NAME and gives times in the person's zone."""
        request = allauth_context.request
        recipient = User.objects.filter(email__iexact=email).first()
        person = context.get("user")
        if not isinstance(person, User):
            person = recipient
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
            "site_name": settings.SITE_NAME,
            "site_url": settings.SITE_URL,
            "display_name": person.display_name if person else "",
        }
        zone = zoneinfo.ZoneInfo(person.time_zone) if person else timezone.get_current_timezone()
        with timezone.override(zone):
            message = self.render_mail(template_prefix, email, context)
        send_email_later(message, kind=template_prefix, user=recipient)
