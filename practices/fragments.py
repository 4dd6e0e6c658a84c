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

from practices.models import Note, Notification

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


def counted_per_revision(request: HttpRequest, name: str, count) -> int:
    """`count()` for the signed-in user, asked once per revision of their couple: whatever
    changes the answer moves the revision."""
    couple = getattr(request, "couple", None)
    if couple is None:
        return count()
    key = f"{name}:{couple.pk}:{couple.revision}:{request.user.pk}"
    found = fragments_cache().get(key)
    if found is None:
        found = count()
        fragments_cache().set(key, found, FRAGMENT_SECONDS)
    return found


def unread_count(request: HttpRequest) -> int:
    """Notes the signed-in user has not opened yet."""
    return counted_per_revision(
        request, "unread", Note.objects.filter(recipient=request.user, read_at=None).count
    )


def waiting_count(request: HttpRequest) -> int:
    """What waits for the signed-in user: the nav's count, the "for you" list's length.
    Without a couple, or once it has ended, nothing waits."""
    couple = getattr(request, "couple", None)
    if couple is None or not couple.is_active:
        return 0
    waiting = Notification.objects.for_couple(request.couple).waiting_for(request.user)
    return counted_per_revision(request, "waiting", waiting.count)
