"""Couple isolation, checked on every route the URL resolver knows.

The one-door rule (accounts.couples) says a view never looks couple-owned data up by id
alone. Rather than trust each view, this walks Django's URL resolver and asks every route
that names couple-owned data for Alice and Bob's objects, as Charlie (another couple) and
as Sam (not linked): the answer must be a 404 (Sam: the way to linking), and none of the
couple's words may appear in any response. A new route with a parameter the walker cannot
fill fails the test until it is mapped below or listed, with a reason, in NOT_COUPLE_DATA.

tests/test_csrf.py walks the same routes with the helpers defined here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import sys
import types
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, path, resolve
from django.utils import timezone
from django.utils.http import int_to_base36
from django.utils.regex_helper import normalize

from accounts import linking
from accounts.couples import couple_required
from accounts.models import Couple, Invite, User
from accounts.unsubscribe import make_token
from bond import urls
from practices import daily, exercises, export, journal
from practices.content import PRACTICES
from practices.journal import When
from practices.models import (
    AffectionDay,
    Answer,
    CheckIn,
    CustomIdea,
    Entry,
    Exchange,
    Note,
    Plan,
    Reaction,
    Reflection,
    Star,
)
from practices.timeline import EPOCH
from tests.conftest import couple_of

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
PARTNER_PAGE = "/account/partner/"

# Alice and Bob's words, each unique, at the start of its field (so a truncated preview
# still carries it). None may ever reach Charlie or Sam.
SECRETS = {
    "note": "SECRET-NOTE-7f3a",
    "plan title": "SECRET-PLAN-TITLE-2b8c",
    "plan description": "SECRET-PLAN-DESCRIPTION-91d0",
    "plan place": "SECRET-PLAN-PLACE-5e27",
    "Alice's reflection": "SECRET-REFLECTION-ALICE-c4a1",
    "Bob's reflection": "SECRET-REFLECTION-BOB-0d9f",
    "idea title": "SECRET-IDEA-TITLE-6b3e",
    "idea description": "SECRET-IDEA-DESCRIPTION-a872",
    "Alice's answer": "SECRET-ANSWER-ALICE-3f61",
    "Bob's answer": "SECRET-ANSWER-BOB-e05c",
    "reflect-back": "SECRET-HEARD-48b2",
    "check-in need": "SECRET-NEED-d1e9",
    "couple name": "SECRET-COUPLE-7c15",
    # The key to the couple's calendar feed: shown to them only, never to anyone else.
    "calendar token": "SECRET-CALENDAR-TOKEN-93ab",
}

# Route parameters that name one of the owners' objects: (the route's text before the
# parameter, the parameter) -> the Owned attribute. Keyed by the exact text before the
# parameter, so that a new route elsewhere (say "plans/ideas/<int:pk>/") is not filled
# with a plan's id by accident: it is unfillable, and the test fails until it is mapped.
OWNED_IDS: dict[tuple[str, str], str] = {
    ("journal/notes/", "pk"): "note",
    ("plans/", "pk"): "plan",
    ("practices/empathy/reflect-back/", "pk"): "exchange",
    ("practices/well-being/check-in/", "pk"): "check_in",
}
# Not ids but values every couple reads its own data by: each couple has its own daily
# question for a day, so Charlie may get his own page for the day; he must not see theirs.
OWNED_SCOPES: dict[tuple[str, str], str] = {
    ("today/", "day"): "day",
}

ADMIN = (
    "the admin: staff only (Alice, Bob, Charlie and Sam are not), and no couple data is "
    "registered in it; a model registered later adds routes that fail this test until reviewed"
)
NOT_COUPLE_DATA: dict[str, str] = {
    "invite/<slug:token>/": "an invite belongs to one person, not to a couple; the unguessable "
    "token is the capability (tests/test_linking.py covers who may use it)",
    "unsubscribe/<str:token>/": "a signed token naming one user and one kind of email; "
    "it turns off that user's own reminder setting, nothing of the couple's",
    "journal/export/<slug:kind>.csv": "a kind of entry (notes, plans…), not an object: the "
    "export is of the requester's own couple; every kind is swept below for leaks",
    "calendar/<slug:token>.ics": "a bearer capability, like an invite link: whoever holds the "
    "couple's unguessable calendar token reads its plans, by design and without logging in; "
    "swept below with each viewer's own token (the feed must not mix couples)",
    "practices/<slug:slug>/": "public practice content; the pages, whose last step shows the "
    "couple's own exchanges and check-ins, are still swept below with every slug",
    "practices/<slug:slug>/step/<int:number>/": "public practice content, as above: every "
    "slug and step is requested below and checked for leaks",
    r"accounts/confirm-email/(?P<key>[-:\w]+)/$": "allauth: an email confirmation key, a "
    "secret of one user's mailbox",
    "accounts/password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": "allauth: a "
    "password reset key, a secret of one user's mailbox",
    "admin/r/<path:content_type_id>/<path:object_id>/": ADMIN,
    "admin/auth/group/<path:object_id>/history/": ADMIN,
    "admin/auth/group/<path:object_id>/delete/": ADMIN,
    "admin/auth/group/<path:object_id>/change/": ADMIN,
    "admin/auth/group/<path:object_id>/": ADMIN,
    "admin/account/emailaddress/<path:object_id>/history/": ADMIN,
    "admin/account/emailaddress/<path:object_id>/delete/": ADMIN,
    "admin/account/emailaddress/<path:object_id>/change/": ADMIN,
    "admin/account/emailaddress/<path:object_id>/": ADMIN,
    "admin/accounts/user/<id>/password/": ADMIN,
    "admin/accounts/user/<path:object_id>/history/": ADMIN,
    "admin/accounts/user/<path:object_id>/delete/": ADMIN,
    "admin/accounts/user/<path:object_id>/change/": ADMIN,
    "admin/accounts/user/<path:object_id>/": ADMIN,
    "admin/(?P<app_label>auth|account|accounts)/$": ADMIN,
    "admin/(?P<url>.*)$": "the admin's catch-all (redirects to its login or 404s)",
}

# Ids in a query string are a door too: the walker cannot see them, so they are listed.
QUERY_PROBES = (
    "/plans/new/?custom={idea}",
    "/journal/?before={cursor}",  # a page cursor just after the owners' newest entry
    "/journal/?show=notes",
    "/journal/?show=plans",
)


# The couple's data ------------------------------------------------------------------------


@dataclass(frozen=True)
class Owned:
    """Alice and Bob's things, one of every kind of couple-owned data."""

    couple: Couple
    alice: User
    bob: User
    note: Note
    plan: Plan
    idea: CustomIdea
    exchange: Exchange
    affection: AffectionDay
    check_in: CheckIn
    day: dt.date
    invite: Invite  # someone else's pending invite, for the token route (not couple data)

    @property
    def cursor(self) -> str:
        newest = Entry.objects.for_couple(self.couple).order_by("-occurred_at", "-pk").first()
        moment = newest.occurred_at + dt.timedelta(seconds=1)
        return f"{(moment - EPOCH) // dt.timedelta(microseconds=1)}_{newest.pk + 1}"

    def value(self, attribute: str) -> str:
        if attribute == "day":
            return self.day.isoformat()
        return str(getattr(self, attribute).pk)


def build_owned(*, couple: Couple, alice: User, bob: User, inviter: User) -> Owned:
    """Everything through the service functions the views use, so the timeline is real."""
    today = timezone.localdate()
    couple.name = SECRETS["couple name"]
    couple.calendar_token = SECRETS["calendar token"]
    couple.save(update_fields=["name", "calendar_token"])
    note = journal.write_note(
        couple=couple,
        author=alice,
        recipient=bob,
        text=f"{SECRETS['note']} Thank you for the soup.",
        category="trait",
    )
    journal.toggle_reaction(note=note, user=bob, kind="heart")
    journal.toggle_star(note=note, user=bob)  # so that it is on the keepsakes page too
    plan = journal.create_plan(
        couple=couple,
        user=alice,
        fields={
            "title": SECRETS["plan title"],
            "description": f"{SECRETS['plan description']} bring a blanket",
            "place": SECRETS["plan place"],
            "status": Plan.Status.DONE,
            "tech_free": True,
        },
        when=When(day=today, time=None),
        tz=dt.UTC,
    )
    journal.reflect(plan=plan, author=alice, enjoyed=SECRETS["Alice's reflection"], rating=5)
    journal.reflect(plan=plan, author=bob, enjoyed=SECRETS["Bob's reflection"], rating=4)
    idea = CustomIdea(
        title=SECRETS["idea title"], description=f"{SECRETS['idea description']} by the river"
    )
    journal.add_custom_idea(couple=couple, user=alice, idea=idea)
    # Both answered: each sees the other's answer, so it is rendered (and could leak).
    daily.save_answer(couple=couple, user=alice, day=today, text=SECRETS["Alice's answer"])
    daily.save_answer(couple=couple, user=bob, day=today, text=SECRETS["Bob's answer"])
    # Left unanswered and unreplied, so that a stranger's reply would show as a change.
    exchange = exercises.reflect_back(
        couple=couple, listener=alice, speaker=bob, heard=SECRETS["reflect-back"]
    )
    affection = exercises.tick_affection(couple=couple, user=alice, kinds={"hug", "kiss"})
    check = exercises.check_in(couple=couple, user=alice, mood=2, need=SECRETS["check-in need"])
    return Owned(
        couple=couple,
        alice=alice,
        bob=bob,
        note=note,
        plan=plan,
        idea=idea,
        exchange=exchange,
        affection=affection,
        check_in=check,
        day=today,
        invite=linking.create_invite(inviter=inviter),
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
    assert (couple.name, couple.calendar_token, couple.is_active) == (
        SECRETS["couple name"],
        SECRETS["calendar token"],
        True,
    )


# Snapshots of the database ------------------------------------------------------------


def all_models() -> list:
    return apps.get_models(include_auto_created=True)


def row_counts() -> dict[str, int]:
    """Rows of every model of every installed app, but sessions (every login writes one)."""
    return {
        model._meta.label: model._default_manager.count()
        for model in all_models()
        if model._meta.label != "sessions.Session"
    }


# A login sets it (allauth and force_login): bookkeeping, not a change anyone asked for.
ALWAYS_SKIPPED = frozenset({"accounts.User.last_login"})


def fingerprint(*, skip: frozenset[str] = ALWAYS_SKIPPED) -> dict[str, list[tuple]]:
    """Every row (every concrete field) of every model of every app, by primary key: not only
    accounts and practices, so that allauth's, the admin's and auth's tables count too.

    `skip` names fields ("app.Model.field") left out of the comparison.
    """
    rows = {}
    for model in all_models():
        meta = model._meta
        if meta.proxy or meta.label == "sessions.Session":
            continue
        fields = [f.attname for f in meta.concrete_fields if f"{meta.label}.{f.name}" not in skip]
        rows[meta.label] = list(model._default_manager.order_by("pk").values_list(*fields))
    return rows


def fingerprint_changes(before: dict[str, list[tuple]], after: dict[str, list[tuple]]) -> list:
    """What differs, readably: per model, the rows that went, came or changed (a few)."""
    changes = []
    for label in before:
        gone = [row for row in before[label] if row not in after[label]]
        new = [row for row in after[label] if row not in before[label]]
        if gone or new:
            changes.append(f"{label}: was {gone[:3]}, is {new[:3]}")
    return changes


# Walking the resolver ----------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    route: str  # as ResolverMatch.route spells it, e.g. "journal/notes/<int:pk>/edit/"
    regex: str  # the whole path as one regular expression, to build paths from
    pattern: URLPattern
    params: tuple[str, ...]

    def text_before(self, param: str) -> str:
        # A route parameter is "<pk>" or "<int:pk>"; a regex one is "(?P<pk>...)".
        found = re.search(rf"<(?:\w+:)?{param}>|\(\?P<{param}>", self.route)
        assert found, (self.route, param)
        return self.route[: found.start()]

    def path(self, values: Mapping[str, str]) -> str:
        """The path with these parameter values, checked to reach this very route."""
        template = next(fmt for fmt, params in normalize(self.regex) if set(params) == set(values))
        built = "/" + template % values
        match = resolve(built)
        assert (match.route, match.func) == (self.route, self.pattern.callback), (
            f"{built} does not resolve to {self.route}: the walker built a wrong path"
        )
        return built


def walk_routes() -> list[Route]:
    """Every endpoint of the URLconf in use, through every include, in resolution order."""

    def walk(entries: list, route: str, regex: str) -> Iterator[Route]:
        for entry in entries:
            # Joined as URLResolver.resolve joins them, so that `route` is ResolverMatch.route.
            part = str(entry.pattern)
            joined = route + part.removeprefix("^") if route else part
            joined_regex = regex + entry.pattern.regex.pattern.removeprefix("^")
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, joined, joined_regex)
            else:
                params = normalize(joined_regex)[0][1]
                yield Route(joined, joined_regex, entry, tuple(params))

    return list(walk(get_resolver().url_patterns, "", ""))


def owned_kind(route: Route) -> str | None:
    """Whether a parameter names an owners' object ("id"), a day of theirs ("scope"), or neither."""
    keys = {(route.text_before(param), param) for param in route.params}
    if keys & OWNED_IDS.keys():
        return "id"
    if keys & OWNED_SCOPES.keys():
        return "scope"
    return None


def example_values(owned: Owned, viewer: User | None) -> dict[object, list[str]]:
    """Values for the parameters of routes in NOT_COUPLE_DATA (and only those), by parameter
    name or by (the route's text before it, name).

    Tokens are the viewer's own: whoever holds a couple's calendar token is let in by design
    (it is a bearer capability, like an invite link), so a stranger never gets the owners'.
    """
    longest = max(len(practice.steps) + 1 for practice in PRACTICES)  # the steps, the action
    viewer_couple = couple_of(viewer) if viewer else None
    someone = viewer or owned.alice
    return {
        "slug": [practice.slug for practice in PRACTICES],
        "number": [str(number) for number in range(1, longest + 1)],
        "kind": list(export.KINDS),
        ("invite/", "token"): [owned.invite.token],
        # A valid link, so that the view does its work: a GET of it must not unsubscribe.
        ("unsubscribe/", "token"): [make_token(someone, "plans")],
        ("calendar/", "token"): [
            viewer_couple.calendar_token if viewer_couple else "no-such-calendar"
        ],
        "key": ["not-a-real-key"],
        "uidb36": [int_to_base36(someone.pk)],
        "content_type_id": ["1"],
        "object_id": [str(someone.pk)],
        "id": [str(someone.pk)],
        "app_label": ["accounts"],
        "url": ["nothing-here/"],
    }


def fillings(route: Route, owned: Owned, viewer: User | None) -> list[dict[str, str]] | None:
    """Every set of parameter values to request `route` with, or None if it cannot be filled.

    Owners' objects for mapped parameters; example values for routes in NOT_COUPLE_DATA.
    """
    if not route.params:
        return [{}]
    examples = example_values(owned, viewer) if route.route in NOT_COUPLE_DATA else {}
    choices = []
    for param in route.params:
        key = (route.text_before(param), param)
        if key in OWNED_IDS:
            choices.append([owned.value(OWNED_IDS[key])])
        elif key in OWNED_SCOPES:
            choices.append([owned.value(OWNED_SCOPES[key])])
        elif key in examples or param in examples:
            choices.append(examples.get(key) or examples[param])
        else:
            return None
    return [dict(zip(route.params, values, strict=True)) for values in itertools.product(*choices)]


def unfillable(route: Route) -> str:
    return (
        f"{route.route}: cannot fill {list(route.params)}. If it names couple-owned data, map "
        f"it in OWNED_IDS (tests/test_isolation.py); if not, list it in NOT_COUPLE_DATA with why"
    )


def text_of(response: HttpResponse) -> str:
    """The body and the headers (a Location or HX-Redirect could carry words too)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    headers = "\n".join(f"{name}: {value}" for name, value in response.headers.items())
    # iCalendar folds long lines ("\r\n" and a space): unfold, or a secret could hide there.
    text = body.decode(errors="replace").replace("\r\n ", "").replace("\r\n\t", "")
    return text + "\n" + headers


def secrets_in(response: HttpResponse) -> list[str]:
    text = text_of(response)
    return [name for name, secret in SECRETS.items() if secret in text]


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


# The sweep ------------------------------------------------------------------------------


@dataclass
class Sweep:
    clients: dict[str, Client]
    problems: list[str] = field(default_factory=list)
    routes: int = 0  # endpoints walked
    owned_routes: int = 0  # asked for the owners' objects, with GET and POST
    other_routes: int = 0  # asked with GET, with example values where they take some
    requests: int = 0


def stranger_refused(response: HttpResponse, who: str, kind: str, htmx: bool) -> bool:
    """How a route that names the owners' data may answer a stranger."""
    status = response.status_code
    if status == 405:  # a GET-only view asked with POST or the reverse: nothing is read
        return True
    if who == "sam":  # couple_required sends someone unlinked to linking, before any lookup
        if htmx:
            return status == 200 and response.headers.get("HX-Redirect") == PARTNER_PAGE
        return status == 302 and response.headers.get("Location") == PARTNER_PAGE
    if kind == "scope":  # Charlie's own page for that day (or a form error about his own)
        return status < 500
    return status == 404  # not found: it does not even confirm that the object exists


def sweep_as_strangers(owned: Owned, strangers: dict[str, User]) -> Sweep:
    sweep = Sweep(clients={who: logged_in(user) for who, user in strangers.items()})
    problems = sweep.problems

    def ask(who: str, method: str, url: str, htmx: bool) -> HttpResponse | None:
        sweep.requests += 1
        client = sweep.clients[who]
        send = client.get if method == "GET" else client.post
        try:
            response = send(url, **(HTMX if htmx else {}))
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


def owner_pages_secrets(owned: Owned) -> set[str]:
    """Which secrets Alice and Bob see on the same pages: each must be somewhere, or the
    strangers' sweep could not have noticed it leaking."""
    seen: set[str] = set()
    for user in (owned.alice, owned.bob):
        client = logged_in(user)
        for route in walk_routes():
            for values in fillings(route, owned, user) or []:
                seen.update(secrets_in(client.get(route.path(values))))
    return seen


# The tests ------------------------------------------------------------------------------


def test_no_route_shows_or_changes_a_couples_data_for_anyone_else(couple, alice, bob, charlie, sam):
    owned = build_owned(couple=couple, alice=alice, bob=bob, inviter=sam)
    for user in (charlie, sam):  # logging in writes last_login and a session: before the count
        logged_in(user)
    counts, rows = row_counts(), fingerprint()

    sweep = sweep_as_strangers(owned, {"charlie": charlie, "sam": sam})

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
    assert owner_pages_secrets(owned) == set(SECRETS)


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


def install_urlconf(settings, monkeypatch, extra: list) -> None:
    """Serve the site's routes plus `extra`: views that break a rule on purpose."""
    module = types.ModuleType("tests_broken_urls")
    module.urlpatterns = [*extra, *urls.urlpatterns]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    settings.ROOT_URLCONF = module.__name__


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
    leaky_urlconf, couple, alice, bob, charlie, sam
):
    owned = build_owned(couple=couple, alice=alice, bob=bob, inviter=sam)
    problems = sweep_as_strangers(owned, {"charlie": charlie, "sam": sam}).problems

    leak = f"/journal/notes/{owned.note.pk}/print/"
    assert f"charlie GET {leak} (htmx=False) shows ['note']" in problems
    assert any(p.startswith(f"charlie POST {leak} (htmx=True): 200") for p in problems)
    assert any(p.startswith("journal/letters/<int:letter>/: cannot fill") for p in problems)
    # Sam is sent to linking before the view runs: the leak is Charlie's alone.
    assert not [p for p in problems if p.startswith("sam")]
