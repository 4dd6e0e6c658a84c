"""allauth's hooks, where Bond does things its own way."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site

from accounts.delivery import send_email_later
from accounts.models import User


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Confirmation, reset and notice emails go through the worker like every other:
        signing up must not wait on the mail server, nor fail when it is down."""
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        send_email_later(
            self.render_mail(template_prefix, email, context),
            kind=template_prefix,
            user=User.objects.filter(email__iexact=email).first(),
        )
