"""Site-wide views: the home page (landing or dashboard), health check, errors."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.views import pending_invite_url
from practices.content import PRACTICES
from practices.views import dashboard


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "bond/landing.html", {"practices": PRACTICES})
    couple = request.couple
    if couple is None or not couple.is_active:
        # Someone who opened a partner's invite before signing up continues there.
        invite_url = pending_invite_url(request)
        if invite_url:
            return redirect(invite_url)
    return dashboard(request)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    # Load balancers and the benchmark call this: it must never touch the database.
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: whatever broke may be in a context processor or the session.
    return HttpResponse(render_to_string("500.html"), status=500)
