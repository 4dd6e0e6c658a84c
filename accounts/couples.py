"""The one door to couple-owned data, and the one way to change it.

Reading: a view never looks up couple-owned data by id alone. It goes through
`Model.objects.for_couple(request.couple)` for lists, and through
`get_for_reading` / `get_for_writing` for one object. Another couple's object is
then simply not found: a 404 that does not confirm it exists. A refusal (an
archive, somebody else's words) raises PermissionDenied, which the site renders
with one 403 page.

`request.couple` is the user's active couple or, after the link ended, their
most recent one (an archive: `couple.is_active` is False, readable but not
writable); `request.partner` is the other member. Views that need a couple
use `@couple_required`; views that write to the journal use
`@active_couple_required`.

Writing: every change to a couple's data happens inside `couple_change(couple)`,
which opens the transaction and moves the couple's revision, the key of every
cached fragment of their pages (see practices.templatetags.couple_cache).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import TypeVar

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from accounts.models import Couple, User

View = Callable[..., HttpResponse]
Owned = TypeVar("Owned", bound=models.Model)

ARCHIVE_READ_ONLY = (
    "Your link has ended, so the journal you shared is a read-only archive now: "
    "nothing can be added to it or changed."
)


def couple_and_partner(user: User) -> tuple[Couple | None, User | None]:
    """The user's active couple (else their most recently ended one) and the other member.

    Kept on the user by accounts.linking.join; the authentication backends load both with
    the user, so a request asks the database nothing more here.
    """
    if not user.is_authenticated:
        return None, None
    return user.current_couple, user.current_partner


def partner_name(partner: User | None, couple: Couple | None) -> str:
    """How a sentence names the partner mid-line ("Write Sam a thank-you"): their name,
    also the name a partner who deleted their account had, else "your partner"."""
    if partner is not None:
        return partner.display_name
    if couple is not None and not couple.is_active:
        return couple.partner_deleted_name or "your former partner"
    return "your partner"


@contextmanager
def couple_change(couple: Couple) -> Iterator[Couple]:
    """One transaction that changes what the couple's pages show.

    The revision moves first: on PostgreSQL the row lock that takes orders the writers of
    one couple (the couple row before the rows they change), and fragments cached under
    the old revision are no longer asked for. If the block raises, both roll back.
    """
    with transaction.atomic():
        Couple.objects.filter(pk=couple.pk).update(revision=F("revision") + 1)
        # What this request renders afterwards must not come from the old revision's
        # fragments. If another change landed since the couple was read, the stored
        # revision is higher still, and whatever this request caches under the lower
        # number is only newer than it.
        couple.revision += 1
        try:
            yield couple
        except BaseException:
            # Rolled back: a page cached under a number the database has not reached
            # would be served, wrongly, once the next change reaches it.
            couple.revision -= 1
            raise


def get_for_reading(
    request: HttpRequest, queryset: models.QuerySet[Owned], pk: int | None = None, **lookup
) -> Owned:
    """The object `pk` (or found by another unique `lookup`, e.g. a photo's key) of the
    viewer's couple (active or archive), else a 404."""
    if pk is not None:
        lookup["pk"] = pk
    return get_object_or_404(queryset.for_couple(request.couple), **lookup)


def get_for_writing(
    request: HttpRequest,
    queryset: models.QuerySet[Owned],
    pk: int | None = None,
    *,
    owner: str | None = None,
    refusal: str = "",
    in_archive: bool = False,
    **lookup,
) -> Owned:
    """The object `pk` of the viewer's couple, for a change by the viewer.

    The couple must be active (unless `in_archive`: a person's own words stay theirs to
    delete), and when `owner` names a user field, that user must be the viewer; otherwise
    PermissionDenied with `refusal`. Another couple's object is a 404 before any of that.
    """
    obj = get_for_reading(request, queryset, pk, **lookup)
    if owner is not None and getattr(obj, f"{owner}_id") != request.user.pk:
        raise PermissionDenied(refusal)
    if not in_archive and not request.couple.is_active:
        raise PermissionDenied(ARCHIVE_READ_ONLY)
    return obj


class CoupleMiddleware:
    def __init__(self, get_response: View) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.couple = None
        request.partner = None
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: View, *args) -> None:
        # Set here rather than lazily: `request.couple is None` must be a plain test.
        request.couple, request.partner = couple_and_partner(request.user)


def _redirect(request: HttpRequest, to: str) -> HttpResponse:
    # An HTMX request must not swap a whole page into a fragment: tell htmx to navigate.
    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(to)
    return redirect(to)


def couple_required(view: View) -> View:
    """Signed in and linked (or holding an archive); others go to log in or to linking."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            if getattr(request, "htmx", False):
                return HttpResponseClientRedirect(redirect_to_login(request.get_full_path()).url)
            return redirect_to_login(request.get_full_path())
        if request.couple is None:
            messages.info(request, "Link with your partner first: invite them or enter their code.")
            return _redirect(request, reverse("accounts:partner"))
        return view(request, *args, **kwargs)

    return wrapper


def active_couple_required(view: View) -> View:
    """Like couple_required, and the link has not ended: the archive is read-only."""

    @wraps(view)
    @couple_required
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.couple.is_active:
            raise PermissionDenied(ARCHIVE_READ_ONLY)
        return view(request, *args, **kwargs)

    return wrapper


class CoupleOwnedQuerySet(models.QuerySet):
    """Base queryset for every model with a `couple` foreign key."""

    def for_couple(self, couple: Couple | None) -> CoupleOwnedQuerySet:
        if couple is None:
            return self.none()
        return self.filter(couple=couple)
