"""The one door to couple-owned data.

The rule: a view never looks up couple-owned data by id alone. It reads
`request.couple` (set by CoupleMiddleware for the signed-in user) and goes
through `Model.objects.for_couple(request.couple)` or
`get_object_or_404(Model, pk=pk, couple=request.couple)`. Another couple's
object is then simply not found: a 404 that does not confirm it exists.

`request.couple` is the user's active couple or, after the link ended, their
most recent one (an archive: `couple.is_active` is False, readable but not
writable); `request.partner` is the other member. Views that need a couple
use `@couple_required`; views that write to the journal use
`@active_couple_required`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from accounts.models import Couple, User

View = Callable[..., HttpResponse]


def couple_and_partner(user: User) -> tuple[Couple | None, User | None]:
    """The user's active couple (else their most recently ended one) and the other member.

    Kept on the user by accounts.linking.join; the authentication backends load both with
    the user, so a request asks the database nothing more here.
    """
    if not user.is_authenticated:
        return None, None
    return user.current_couple, user.current_partner


def touch(couple: Couple, **changes: object) -> None:
    """Record that what the couple's pages show has changed: fragments cached under the old
    revision are no longer used (see practices.fragments). `changes` are fields of the
    couple's own row, saved in the same statement.

    Call it first inside the transaction of the change. On PostgreSQL the row lock it takes
    then orders writers of one couple: the couple row before the rows they change.
    """
    Couple.objects.filter(pk=couple.pk).update(revision=F("revision") + 1, **changes)
    # What this request renders afterwards must not come from the old revision's fragments.
    # If another change landed since the couple was read, the stored revision is higher
    # still, and whatever this request caches under the lower number is only newer than it.
    couple.revision += 1


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
            return render(request, "accounts/archive_read_only.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


class CoupleOwnedQuerySet(models.QuerySet):
    """Base queryset for every model with a `couple` foreign key."""

    def for_couple(self, couple: Couple | None) -> CoupleOwnedQuerySet:
        if couple is None:
            return self.none()
        return self.filter(couple=couple)
