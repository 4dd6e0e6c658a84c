"""Couple isolation, checked on every route the URL resolver knows.

The one-door rule (accounts.couples) says a view never looks couple-owned data up by id
alone. Rather than trust each view, this walks Django's URL resolver and asks every route
that names couple-owned data for Alice and Bob's objects, as Charlie (another couple) and
as Sam (not linked): the answer must be a 404 (Sam: the way to linking), and none of the
couple's words may appear in any response. A new route with a parameter the walker cannot
fill fails the test until it is mapped in tests/routes.py or listed there, with a reason,
in NOT_COUPLE_DATA.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path
from django.utils import timezone

from accounts.couples import couple_required
from accounts.models import Couple, User, calendar_token_hash
from practices import daily
from practices.models import (
    AffectionDay,
    Answer,
    CheckIn,
    CustomIdea,
    Exchange,
    Note,
    Plan,
    Reaction,
    Reflection,
    Star,
)
from tests.conftest import couple_of
from tests.routes import (
    NOT_COUPLE_DATA,
    OWNED_IDS,
    OWNED_SCOPES,
    SECRETS,
    Owned,
    build_owned,
    fillings,
    fingerprint,
    fingerprint_changes,
    install_urlconf,
    owned_kind,
    row_counts,
    text_of,
    unfillable,
    walk_routes,
)

pytestmark = pytest.mark.django_db

PARTNER_PAGE = "/account/partner/"

# Ids in a query string are a door too: the walker cannot see them, so they are listed.
QUERY_PROBES = (
    "/plans/new/?custom={idea}",
    "/journal/?before={cursor}",  # a page cursor just after the owners' newest entry
    "/journal/?show=notes",
    "/journal/?show=plans",
)


def assert_untouched(owned: Owned) -> None:
    """The owners' things read exactly as they were written: no edits, reactions or replies."""
    note = Note.objects.get(pk=owned.note.pk)
    assert note.text.startswith(SECRETS["note"])
    assert (note.category, note.edited_at, note.read_at) == ("trait", None, None)
    assert list(Reaction.objects.values_list("note", "user", "kind")) == [
        (note.pk, owned.bob.pk, "heart")
    ]
    assert list(Star.objects.values_list("note", "user")) == [(note.pk, owned.bob.pk)]
    plan = Plan.objects.get(pk=owned.plan.pk)
    assert (plan.title, plan.status, plan.version) == (SECRETS["plan title"], "done", 1)
    assert sorted(Reflection.objects.values_list("enjoyed", flat=True)) == sorted(
        [SECRETS["Alice's reflection"], SECRETS["Bob's reflection"]]
    )
    assert list(CustomIdea.objects.values_list("title", flat=True)) == [SECRETS["idea title"]]
    assert sorted(Answer.objects.values_list("text", flat=True)) == sorted(
        [SECRETS["Alice's answer"], SECRETS["Bob's answer"]]
    )
    exchange = Exchange.objects.get(pk=owned.exchange.pk)
    assert (exchange.heard, exchange.reply, exchange.addition, exchange.replied_at) == (
        SECRETS["reflect-back"],
        "",
        "",
        None,
    )
    affection = AffectionDay.objects.get(pk=owned.affection.pk)
    ticks = (affection.hug, affection.kiss, affection.held_hands, affection.cuddle)
    assert ticks == (True, True, False, False)
    check = CheckIn.objects.get(pk=owned.check_in.pk)
    assert (check.mood, check.need, check.reply, check.replied_at) == (
        2,
        SECRETS["check-in need"],
        "",
        None,
    )
    couple = Couple.objects.get(pk=owned.couple.pk)
    assert (couple.name, couple.calendar_token_hash, couple.is_active) == (
        SECRETS["couple name"],
        calendar_token_hash(SECRETS["calendar token"]),
        True,
    )


def secrets_in(response: HttpResponse) -> list[str]:
    text = text_of(response)
    return [name for name, secret in SECRETS.items() if secret in text]


# The sweep ------------------------------------------------------------------------------


ClientFor = Callable[..., Client]
Clients = dict[tuple[str, bool], Client]  # (who, htmx) -> signed in as them


def signed_in_as(client_for: ClientFor, people: dict[str, User]) -> Clients:
    """A plain and an htmx client for each of them: routes may answer the two differently."""
    return {
        (who, htmx): client_for(user, htmx=htmx)
        for who, user in people.items()
        for htmx in (False, True)
    }


@dataclass
class Sweep:
    clients: Clients
    problems: list[str] = field(default_factory=list)
    routes: int = 0  # endpoints walked
    owned_routes: int = 0  # asked for the owners' objects, with GET and POST
    other_routes: int = 0  # asked with GET, with example values where they take some
    requests: int = 0


PHOTO_FILES = {"photo_thumb", "photo_display", "photo_original"}


def stranger_refused(response: HttpResponse, who: str, kind: str, htmx: bool) -> bool:
    """How a route that names the owners' data may answer a stranger."""
    status = response.status_code
    if status == 405:  # a GET-only view asked with POST or the reverse: nothing is read
        return True
    if who == "sam":  # couple_required sends someone unlinked to linking, before any lookup
        if status == 404:
            # A photo's file: a 404 to anyone outside its couple, the unlinked included (a
            # way to linking would confirm that the address leads somewhere).
            return response.wsgi_request.resolver_match.url_name in PHOTO_FILES
        if htmx:
            return status == 200 and response.headers.get("HX-Redirect") == PARTNER_PAGE
        return status == 302 and response.headers.get("Location") == PARTNER_PAGE
    if kind == "scope":  # Charlie's own page for that day (or a form error about his own)
        return status < 500
    return status == 404  # not found: it does not even confirm that the object exists


def sweep_as_strangers(owned: Owned, strangers: dict[str, User], clients: Clients) -> Sweep:
    sweep = Sweep(clients=clients)
    problems = sweep.problems

    def ask(who: str, method: str, url: str, htmx: bool) -> HttpResponse | None:
        sweep.requests += 1
        client = clients[(who, htmx)]
        send = client.get if method == "GET" else client.post
        try:
            response = send(url)
        except Exception as error:  # a 500: note it and go on, to report every route at once
            problems.append(f"{who} {method} {url} (htmx={htmx}) raised {error!r}")
            return None
        leaked = secrets_in(response)
        if leaked:
            problems.append(f"{who} {method} {url} (htmx={htmx}) shows {leaked}")
        if response.status_code >= 500:
            problems.append(f"{who} {method} {url} (htmx={htmx}): {response.status_code}")
        return response

    for route in walk_routes():
        sweep.routes += 1
        kind = owned_kind(route)
        if kind is None:
            # No owners' id in the path: the route can only read the requester's own couple,
            # so whatever it shows, GET shows it; the owners' words must not be in it.
            reachable = False
            for who, user in strangers.items():
                values = fillings(route, owned, user)
                if values is None:
                    continue
                reachable = True
                for url, htmx in itertools.product([route.path(v) for v in values], [0, 1]):
                    ask(who, "GET", url, bool(htmx))
            if reachable:
                sweep.other_routes += 1
            elif route.route not in NOT_COUPLE_DATA:
                problems.append(unfillable(route))
            continue
        values = fillings(route, owned, None)
        if values is None:
            problems.append(unfillable(route))
            continue
        sweep.owned_routes += 1
        url = route.path(values[0])
        for who, method, htmx in itertools.product(strangers, ["GET", "POST"], [False, True]):
            response = ask(who, method, url, htmx)
            if response is not None and not stranger_refused(response, who, kind, htmx):
                where = response.headers.get("Location") or response.headers.get("HX-Redirect")
                problems.append(
                    f"{who} {method} {url} (htmx={htmx}): {response.status_code} {where or ''}"
                    f" — expected {'the way to linking' if who == 'sam' else 'a 404'}"
                )
    for probe in QUERY_PROBES:
        url = probe.format(idea=owned.idea.pk, cursor=owned.cursor)
        for who, htmx in itertools.product(strangers, [False, True]):
            ask(who, "GET", url, htmx)
    return sweep


def owner_pages_secrets(owned: Owned, client_for: ClientFor) -> set[str]:
    """Which secrets Alice and Bob see on the same pages: each must be somewhere, or the
    strangers' sweep could not have noticed it leaking."""
    seen: set[str] = set()
    for user in (owned.alice, owned.bob):
        client = client_for(user)
        for route in walk_routes():
            for values in fillings(route, owned, user) or []:
                seen.update(secrets_in(client.get(route.path(values))))
    return seen


# The tests ------------------------------------------------------------------------------


def test_no_route_shows_or_changes_a_couples_data_for_anyone_else(
    couple, alice, bob, charlie, sam, client_for
):
    owned = build_owned(couple=couple, alice=alice, bob=bob, inviter=sam)
    strangers = {"charlie": charlie, "sam": sam}
    # Logging in writes last_login and a session: done before the count.
    clients = signed_in_as(client_for, strangers)
    # Charlie's first look at a question page pins his own couple's question of the day:
    # done before the count too (what is pinned for whom is tests/test_daily.py's).
    for day in daily.answerable_days(couple_of(charlie), timezone.localdate()):
        daily.pin(couple_of(charlie), day)
    counts, rows = row_counts(), fingerprint()

    sweep = sweep_as_strangers(owned, strangers, clients)

    assert not sweep.problems, "\n".join(sweep.problems)
    assert row_counts() == counts
    assert not fingerprint_changes(rows, fingerprint())
    assert_untouched(owned)
    # Neither was logged out on the way (the rest of the sweep would have been anonymous).
    for client in sweep.clients.values():
        assert client.session.get("_auth_user_id")
    # Every object route was asked for; a walker that skipped them would pass vacuously.
    assert sweep.owned_routes >= 13, sweep
    assert sweep.other_routes >= 60, sweep
    # And each secret is on some page for its owners, so its leaking would have been seen.
    # The calendar token is shown once, when it is made, and then only its hash is kept.
    assert owner_pages_secrets(owned, client_for) == set(SECRETS) - {"calendar token"}


def test_the_mappings_name_only_routes_that_exist():
    # A renamed route must not leave a stale exemption or mapping behind unnoticed.
    routes = walk_routes()
    assert set(NOT_COUPLE_DATA) <= {route.route for route in routes}
    used = {(route.text_before(p), p) for route in routes for p in route.params}
    assert set(OWNED_IDS) | set(OWNED_SCOPES) <= used


# The sweep can fail: a view that breaks the one-door rule, and a route nobody mapped.


def note_by_id_alone(request: HttpRequest, pk: int) -> HttpResponse:
    # What accounts.couples forbids: the couple is checked, the note is not theirs.
    return HttpResponse(Note.objects.get(pk=pk).text)


def a_letter(request: HttpRequest, letter: int) -> HttpResponse:
    return HttpResponse("a letter")


@pytest.fixture
def leaky_urlconf(settings, monkeypatch) -> None:
    install_urlconf(
        settings,
        monkeypatch,
        [
            path("journal/notes/<int:pk>/print/", couple_required(note_by_id_alone)),
            path("journal/letters/<int:letter>/", couple_required(a_letter)),
        ],
    )


def test_the_sweep_catches_a_lookup_by_id_alone_and_an_unmapped_route(
    leaky_urlconf, couple, alice, bob, charlie, sam, client_for
):
    owned = build_owned(couple=couple, alice=alice, bob=bob, inviter=sam)
    strangers = {"charlie": charlie, "sam": sam}
    problems = sweep_as_strangers(owned, strangers, signed_in_as(client_for, strangers)).problems

    leak = f"/journal/notes/{owned.note.pk}/print/"
    assert f"charlie GET {leak} (htmx=False) shows ['note']" in problems
    assert any(p.startswith(f"charlie POST {leak} (htmx=True): 200") for p in problems)
    assert any(p.startswith("journal/letters/<int:letter>/: cannot fill") for p in problems)
    # Sam is sent to linking before the view runs: the leak is Charlie's alone.
    assert not [p for p in problems if p.startswith("sam")]
