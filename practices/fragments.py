"""Rendered parts of a couple's pages, cached until something they show changes.

Key-based expiry: a fragment's key holds `couple.revision`, which every change to the
couple's data bumps in the same transaction (accounts.couples.touch). A change never has
to find and delete fragments: the old ones are no longer asked for and age out. The
revision is read from the database with the couple on every request, so the cache each
worker process keeps for itself (the "fragments" cache, with no network hop) never
serves a stale fragment either, and a deploy, which restarts the workers, starts it empty.

The key also holds what a fragment shows besides the couple's data: the viewer, both
display names, the viewer's time zone and today's date there. Forms inside a fragment
carry a placeholder for the CSRF token, replaced by the token of the request being
served, so that one fragment serves all of a user's browsers.

Only GET requests read fragments; a view that changes something renders it afresh.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import caches
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from practices.models import Note

# A fragment left unused this long is dropped; a page that expects to change with time
# alone (an edit window closing) asks for less.
FRAGMENT_SECONDS = 60 * 60
CSRF_PLACEHOLDER = "csrf-token-placeholder-7d0c"


def fragments_cache():
    return caches["fragments"]


@dataclass
class Fragment:
    template: str
    context: dict
    seconds: int = FRAGMENT_SECONDS

    def render(self, request: HttpRequest, **extra: object) -> SafeString:
        return render_to_string(self.template, {**self.context, **extra}, request=request)


def viewer_key(request: HttpRequest, name: str, *vary: object) -> str:
    couple, user, partner = request.couple, request.user, request.partner
    shown = (
        name,
        vary,
        couple.revision,
        user.pk,
        user.display_name,
        user.time_zone,
        (partner.pk, partner.display_name) if partner else None,
        timezone.localdate().isoformat(),
    )
    digest = hashlib.sha256(repr(shown).encode()).hexdigest()
    return f"fragment:{couple.pk}:{digest}"


def render_cached(
    request: HttpRequest, name: str, build: Callable[[], Fragment], *vary: object
) -> SafeString:
    """The fragment `name` (varied by `vary`) as this viewer sees it now; `build` gathers
    its template and context, and runs only when the fragment is not cached."""
    key = viewer_key(request, name, *vary)
    html = fragments_cache().get(key)
    if html is None:
        fragment = build()
        html = fragment.render(request, csrf_token=CSRF_PLACEHOLDER)
        fragments_cache().set(key, html, fragment.seconds)
    # Rendered by our templates with autoescaping; the token is URL-safe characters.
    return mark_safe(html.replace(CSRF_PLACEHOLDER, get_token(request)))  # noqa: S308


def unread_count(request: HttpRequest) -> int:
    """Notes waiting for the signed-in user, counted once per revision of their couple."""
    count_unread = Note.objects.filter(recipient=request.user, read_at=None).count
    couple = getattr(request, "couple", None)
    if couple is None:
        return count_unread()
    key = f"unread:{couple.pk}:{couple.revision}:{request.user.pk}"
    count = fragments_cache().get(key)
    if count is None:
        count = count_unread()
        fragments_cache().set(key, count, FRAGMENT_SECONDS)
    return count
