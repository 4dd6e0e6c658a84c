"""Rendered parts of a couple's pages, cached until something they show changes.

Key-based expiry: a fragment's key holds `couple.revision`, which every change to the
couple's data moves in the same transaction (accounts.couples.couple_change). A change
never has to find and delete fragments: the old ones are no longer asked for and age
out. The revision is read from the database with the couple on every request, so the
cache each worker process keeps for itself (the "fragments" cache, with no network hop)
never serves a stale fragment either, and a deploy, which restarts the workers, starts
it empty. Templates cache through `{% couple_cache %}` (practices.templatetags).

Only GET requests read fragments; a view that changes something renders afresh.
"""

from __future__ import annotations

from django.core.cache import BaseCache, caches
from django.http import HttpRequest
from django.utils import timezone

from practices.models import Note

# A fragment left unused this long is dropped; a page that expects to change with time
# alone (an edit window closing) asks for less.
FRAGMENT_SECONDS = 60 * 60


def fragments_cache() -> BaseCache:
    return caches["fragments"]


def viewer_parts(request: HttpRequest) -> tuple:
    """What every fragment shows besides its own data, and so part of every key."""
    couple, user, partner = request.couple, request.user, request.partner
    return (
        couple.revision,
        user.pk,
        user.display_name,
        user.time_zone,
        (partner.pk, partner.display_name) if partner else None,
        timezone.localdate().isoformat(),
    )


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
