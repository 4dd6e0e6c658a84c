"""CSRF and safe methods, on every route the URL resolver knows.

(a) A POST without a CSRF token is refused on every route, by the CSRF check itself (a 403
from CSRF_FAILURE_VIEW, not a view's own "not yours"), with or without htmx's header, and
the database does not change. (b) No GET, on any route, changes the database.

The routes are walked and filled by tests/routes.py, with the requester's own objects, so
that a request that got past the check would find something to change.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.test import Client
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from accounts.couples import couple_required
from accounts.models import User
from accounts.unsubscribe import make_token
from practices.models import CustomIdea, Note, Notification
from tests.routes import (
    ALWAYS_SKIPPED,
    Owned,
    build_owned,
    fillings,
    fingerprint,
    fingerprint_changes,
    install_urlconf,
    probe_body,
    row_counts,
    text_of,
    unfillable,
    walk_routes,
)

pytestmark = pytest.mark.django_db

CSRF_REFUSED = "CSRF-REFUSED-b61f"

# Deliberately without the CSRF check, each with why. They are left out of the POST sweep
# (a POST there changes something by design); the list must name routes that exist.
CSRF_EXEMPT_BY_DESIGN: dict[str, str] = {
    "unsubscribe/<str:token>/": "RFC 8058 one-click unsubscribe: mail clients POST with no "
    "session and no form; the signed token in the URL is the proof, and all it can do is turn "
    "off one of that user's reminder emails",
}

# The routes whose forgery would hurt most (logging out, linking, leaving, writing): each must
# be among those refused, or the walk missed them.
MUST_BE_REFUSED = {
    "accounts/logout/",
    "account/invite/",
    "account/invite/revoke/",
    "invite/code/",
    "invite/<slug:token>/",
    "account/partner/",
    "account/partner/leave/",
    "account/settings/",
    "journal/notes/new/",
    "journal/notes/<int:pk>/delete/",
    "journal/notes/<int:pk>/react/",
    "plans/<int:pk>/status/",
    "practices/well-being/check-in/<int:pk>/reply/",
    "today/<str:day>/reply/",
    "today/skip/",
    "journal/import/",
    "programs/<slug:slug>/start/",
    "programs/<slug:slug>/stop/",
}

# Pages a linked user's GET sweep must really have opened (200), not been turned away from.
LINKED_PAGES = {
    "",
    "journal/",
    "journal/keepsakes/",
    "journal/notes/<int:pk>/",
    "plans/",
    "plans/ideas/",
    "plans/<int:pk>/",
    "plans/<int:pk>/event.ics",
    "today/",
    "today/<str:day>/",
    "today/archive/",
    "programs/",
    "programs/<slug:slug>/",
    "month/",
    "month/<str:ym>/",
    "practices/<slug:slug>/step/<int:number>/",
    "journal/export.json",
    "journal/export.zip",
    "journal/export/<slug:kind>.csv",
    "calendar/<slug:token>.ics",
    "unsubscribe/<str:token>/",
}

# Read receipts: GET /journal/ and GET /journal/notes/<pk>/ set Note.read_at on the notes
# they show their recipient. That records that the note was seen (what the unread badge
# counts down), not a change anybody asked to make, so read_at is left out of the
# fingerprint and checked on its own: only notes to the viewer, only from unread to read.
# In the same way, showing an item of the "for you" list records that it was seen, and
# opening the page of its news (a plan, both answers) that it is done: only the viewer's
# own items, checked below.
# The read receipt, the items seen, and the couple's revision that moves with them.
GET_SKIPPED = ALWAYS_SKIPPED | {
    "practices.Note.read_at",
    "practices.Notification.seen_at",
    "practices.Notification.done_at",
    "accounts.Couple.revision",
}


def refuse_without_token(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Stands in for Django's CSRF failure page, so that a 403 provably comes from the check."""
    return HttpResponseForbidden(f"{CSRF_REFUSED}: {reason}")


@pytest.fixture
def marked_csrf_refusals(settings) -> None:
    settings.CSRF_FAILURE_VIEW = f"{__name__}.refuse_without_token"


def every_path(owned: Owned, viewer: User | None, problems: list[str]) -> list[tuple[str, str]]:
    """(route, path) for every route, filled with the viewer's own things; unfillable ones
    are problems (a new route must be mapped in tests/routes.py)."""
    paths = []
    for route in walk_routes():
        values = fillings(route, owned, viewer)
        if values is None:
            problems.append(unfillable(route))
            continue
        paths.extend((route.route, route.path(v)) for v in values)
    return paths


# By htmx or not (True, False): two clients signed in as the same person.
Pair = dict[bool, Client]


def pair(client_for: Callable[..., Client], user: User | None, **options) -> Pair:
    return {htmx: client_for(user, htmx=htmx, **options) for htmx in (False, True)}


def post_without_token(clients: Pair, owned: Owned, viewer: User) -> tuple[list[str], set[str]]:
    """POST to every route, plain and as htmx: the problems, and the routes refused."""
    problems: list[str] = []
    refused: set[str] = set()
    body = probe_body(owned)
    for route, url in every_path(owned, viewer, problems):
        if route in CSRF_EXEMPT_BY_DESIGN:
            continue
        for htmx, client in clients.items():
            try:
                response = client.post(url, body)
            except Exception as error:  # a 500 past the check: note it, go on
                problems.append(f"POST {url} (htmx={htmx}) raised {error!r}")
                continue
            if response.status_code == 403 and CSRF_REFUSED in text_of(response):
                refused.add(route)
            else:
                problems.append(
                    f"POST {url} (htmx={htmx}) without a CSRF token: {response.status_code}, "
                    "not refused by the CSRF check"
                )
    return problems, refused


def get_everything(clients: Pair, owned: Owned, viewer: User | None) -> tuple[list[str], set[str]]:
    """GET every route, plain and as htmx: the problems (unfillable routes, server errors),
    and the routes that answered 200."""
    problems: list[str] = []
    answered: set[str] = set()
    for route, url in every_path(owned, viewer, problems):
        for htmx, client in clients.items():
            try:
                response = client.get(url)
            except Exception as error:
                problems.append(f"GET {url} (htmx={htmx}) raised {error!r}")
                continue
            if response.status_code >= 500:
                problems.append(f"GET {url} (htmx={htmx}): {response.status_code}")
            elif response.status_code == 200:
                answered.add(route)
    return problems, answered


# (a) CSRF ------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["alice", "sam"])  # linked; not linked, with an open invite
def test_a_post_without_a_csrf_token_is_refused_everywhere_and_changes_nothing(
    who, marked_csrf_refusals, settings, couple, alice, bob, sam, client_for
):
    owned = build_owned(couple=couple, alice=alice, bob=bob, inviter=sam)
    user = {"alice": alice, "sam": sam}[who]
    clients = pair(client_for, user, enforce_csrf_checks=True)
    # As in a real browser the victim holds the CSRF cookie (any page sets it); what a form
    # on another site cannot send is the token that goes with it.
    for client in clients.values():
        client.get("/")
        assert settings.CSRF_COOKIE_NAME in client.cookies
    counts, rows = row_counts(), fingerprint()

    problems, refused = post_without_token(clients, owned, user)

    assert not problems, "\n".join(problems)
    assert row_counts() == counts
    assert not fingerprint_changes(rows, fingerprint())
    assert refused >= MUST_BE_REFUSED, MUST_BE_REFUSED - refused
    assert len(refused) >= 80, len(refused)
    # The logout among them was refused too: still signed in.
    for client in clients.values():
        assert client.session.get("_auth_user_id") == str(user.pk)


def test_the_csrf_exemptions_name_routes_that_exist():
    assert set(CSRF_EXEMPT_BY_DESIGN) <= {route.route for route in walk_routes()}


def test_the_exempt_unsubscribe_link_does_nothing_without_its_signed_token(alice):
    # The exemption is safe only because the token is the proof: a forged one changes nothing.
    token = make_token(alice, "plans")
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    client = Client(enforce_csrf_checks=True)
    rows = fingerprint()
    for bad in (forged, "not-a-signed-token"):
        assert client.post(f"/unsubscribe/{bad}/").status_code == 404
    assert not fingerprint_changes(rows, fingerprint())


# (b) No state change on GET ---------------------------------------------------------------


@pytest.mark.parametrize("who", ["alice", "bob", "sam", "anonymous"])
def test_no_get_anywhere_changes_anything(
    who, couple, alice, bob, sam, client_for, reauthenticated
):
    owned = build_owned(couple=couple, alice=alice, bob=bob, inviter=sam)
    user = {"alice": alice, "bob": bob, "sam": sam, "anonymous": None}[who]
    # Signed in with the password just entered again, so that the exports open too.
    clients = pair(reauthenticated if user else client_for, user)
    read_before = dict(Note.objects.values_list("pk", "read_at"))
    items_before = set(Notification.objects.values_list("pk", "recipient", "seen_at", "done_at"))
    revision_before = couple.revision
    counts, rows = row_counts(), fingerprint(skip=GET_SKIPPED)

    problems, answered = get_everything(clients, owned, user)

    assert not problems, "\n".join(problems)
    if who in ("alice", "bob"):  # the pages really opened: the sweep read the couple's data
        assert answered >= LINKED_PAGES, LINKED_PAGES - answered
    assert row_counts() == counts
    assert not fingerprint_changes(rows, fingerprint(skip=GET_SKIPPED))
    read_after = dict(Note.objects.values_list("pk", "read_at"))
    receipts = {pk for pk in read_before if read_after[pk] != read_before[pk]}
    # Only the viewer's own unread notes became read; Bob is the note's recipient, so for him
    # the receipt happens (which is why read_at is skipped above, and why only it is).
    assert receipts == ({owned.note.pk} if who == "bob" else set())
    assert read_before[owned.note.pk] is None
    items_after = set(Notification.objects.values_list("pk", "recipient", "seen_at", "done_at"))
    seen = {recipient for _pk, recipient, _seen, _done in items_after - items_before}
    # Each partner had news waiting (build_owned), seen on their home page: theirs alone.
    assert seen == ({user.pk} if who in ("alice", "bob") else set())
    couple.refresh_from_db()
    assert (couple.revision != revision_before) == (who in ("alice", "bob"))
    if user is not None:  # no GET logged anyone out (that would be a cross-site logout)
        for client in clients.values():
            assert client.session.get("_auth_user_id") == str(user.pk)


# The sweeps can fail: a view without the CSRF check, and one that writes on GET.


@csrf_exempt
@couple_required
def quick_idea(request: HttpRequest) -> HttpResponse:
    CustomIdea.objects.create(couple=request.couple, title="sneaked in", created_by=request.user)
    return HttpResponse("saved")


@couple_required
def idea_on_get(request: HttpRequest) -> HttpResponse:
    CustomIdea.objects.create(couple=request.couple, title="on a GET", created_by=request.user)
    return HttpResponse("saved")


@pytest.fixture
def careless_urlconf(settings, monkeypatch) -> None:
    install_urlconf(
        settings,
        monkeypatch,
        [path("plans/ideas/quick/", quick_idea), path("plans/ideas/on-get/", idea_on_get)],
    )


def test_the_sweeps_catch_a_missing_csrf_check_and_a_write_on_get(
    careless_urlconf, marked_csrf_refusals, couple, alice, bob, sam, client_for
):
    owned = build_owned(couple=couple, alice=alice, bob=bob, inviter=sam)
    rows = fingerprint(skip=GET_SKIPPED)

    clients = pair(client_for, alice, enforce_csrf_checks=True)
    problems, refused = post_without_token(clients, owned, alice)

    expected = "POST /plans/ideas/quick/ (htmx=False) without a CSRF token: 200, not refused"
    assert [problem for problem in problems if problem.startswith(expected)]
    assert "plans/ideas/quick/" not in refused
    assert "plans/ideas/on-get/" in refused
    assert CustomIdea.objects.filter(title="sneaked in").count() == 2
    CustomIdea.objects.filter(title="sneaked in").delete()

    assert not get_everything(pair(client_for, alice), owned, alice)[0]
    changes = fingerprint_changes(rows, fingerprint(skip=GET_SKIPPED))
    assert [change for change in changes if change.startswith("practices.CustomIdea:")]
