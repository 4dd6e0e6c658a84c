"""Site-wide views: health check and error pages (the home page is the dashboard's)."""

from __future__ import annotations

import sys

import redis.exceptions
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    # Load balancers and the benchmark call this: it must never touch the database.
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    """What the service worker (static/root/sw.js) shows when the server cannot be reached."""
    return render(request, "offline.html")


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Every refusal (an archive, somebody else's note) says why, on one page."""
    return render(request, "403.html", {"reason": str(exception)}, status=403)


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """allauth's rate limits (sign-in, codes) answer in our layout, saying what to do."""
    return render(request, "429.html", status=429)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


# The database or Redis could not be reached: an outage that passes, not a bug.
OUTAGES = (
    OperationalError,
    InterfaceError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this while it handles the exception, wherever it was raised (a view, a
    # middleware, the session): the exception is the one being handled now.
    if isinstance(sys.exc_info()[1], OUTAGES):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response.headers["Retry-After"] = "5"
        return response
    # No request context: whatever broke may be in a context processor or the session.
    return HttpResponse(render_to_string("500.html"), status=500)
