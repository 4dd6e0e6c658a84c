"""The admin's door: staff sign in through allauth, and with a second factor.

Django's admin has a login form of its own that checks a password and nothing else: no
rate limit, no two-step sign-in. `secure_admin(site)` closes it. The admin's login page
no longer shows a form; it sends people on to allauth's login (rate-limited, with the
second step), and the admin opens only for staff who have an authenticator app or a
passkey and used a second factor to sign in in this session. Staff without one are sent
to set it up, and brought back.
"""

from __future__ import annotations

from allauth.account.authentication import get_authentication_records
from allauth.account.utils import get_next_redirect_url
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.admin import AdminSite
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.cache import never_cache

# Recovery codes only exist beside one of these, and cannot be set up on their own.
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def used_a_second_factor(request: HttpRequest) -> bool:
    """Whether this session's sign-in included a second factor: a code, a recovery code or
    a security key after the password, a passkey on its own, or one of them asked for
    again since (allauth records each step of a sign-in in the session)."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def second_factor_missing(request: HttpRequest, next_url: str) -> HttpResponse | None:
    """Where a staff member must go before the admin opens, or None if nowhere."""
    user = request.user
    if not is_mfa_enabled(user, SECOND_FACTORS):
        messages.info(request, "The admin needs two-step sign-in: set it up here first.")
        return HttpResponseRedirect(reverse("mfa_index"))
    if not used_a_second_factor(request):
        # Signed in with the password alone (two-step sign-in was set up since): one of
        # the new factors once, then on to the admin.
        if is_mfa_enabled(user, [Authenticator.Type.TOTP]):
            return redirect_to_login(next_url, reverse("mfa_reauthenticate"))
        return redirect_to_login(next_url, reverse("mfa_reauthenticate_webauthn"))
    return None


def secure_admin(site: AdminSite) -> None:
    """Send the site's login to allauth and open the site only after a second factor."""

    def staff_only(request: HttpRequest) -> bool:
        # Django's own rule (active staff), from the class: calling this twice stays right.
        return AdminSite.has_permission(site, request)

    def has_permission(request: HttpRequest) -> bool:
        # Every admin view but the login asks this first (AdminSite.admin_view); a refusal
        # sends the request to the login below, which says where to go instead.
        return (
            staff_only(request)
            and used_a_second_factor(request)
            # Still has one: turning the last one off closes the admin at once.
            and is_mfa_enabled(request.user, SECOND_FACTORS)
        )

    @never_cache
    @login_not_required
    def login(request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        """Stands in for the admin's own form, which is never shown (nor checks a password)."""
        next_url = get_next_redirect_url(request) or reverse("admin:index", current_app=site.name)
        if not request.user.is_authenticated:
            return redirect_to_login(next_url, reverse("account_login"))
        if not staff_only(request):
            raise PermissionDenied
        return second_factor_missing(request, next_url) or HttpResponseRedirect(next_url)

    site.has_permission = has_permission
    site.login = login
