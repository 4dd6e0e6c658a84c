"""The site's routes, walked and filled in, and the database fingerprinted around them.

Shared by the sweeps in tests/test_isolation.py (couple isolation), tests/test_csrf.py (CSRF
and safe methods) and tests/test_fragments.py (cached fragments). `walk_routes()` lists every
endpoint the URL resolver knows; `fillings()` gives the values to request one with: Alice and
Bob's own objects (`build_owned()`) where a parameter names couple-owned data, example
values for the routes listed in NOT_COUPLE_DATA. A new route with a parameter nobody mapped
cannot be filled, and each sweep fails until it is mapped here.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import sys
import types
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from django.apps import apps
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone
from django.utils.http import int_to_base36
from django.utils.regex_helper import normalize

from accounts import linking
from accounts.models import Couple, Invite, User, calendar_token_hash
from accounts.unsubscribe import make_token
from bond import urls
from practices import daily, exercises, export, guided, journal
from practices.content import PRACTICES
from practices.journal import When
from practices.models import (
    AffectionDay,
    CheckIn,
    CustomIdea,
    Entry,
    Exchange,
    Note,
    Notification,
    Photo,
    Plan,
)
from practices.programs import PROGRAMS
from practices.timeline import EPOCH
from tests.conftest import PASSWORD, couple_of
from tests.pictures import attached, picture

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
    "Bob's reply to Alice's answer": "SECRET-REPLY-BOB-8a2d",
    "Alice's own question": "SECRET-OWN-QUESTION-5c0b",
    "photo description": "SECRET-PHOTO-ALT-2e94",
    "couple name": "SECRET-COUPLE-7c15",
    # The key to the couple's calendar feed: shown to them only, never to anyone else.
    "calendar token": "SECRET-CALENDAR-TOKEN-93ab",
}

# Route parameters that name one of the owners' objects: (the route's text before the
# parameter, the parameter) -> the Owned attribute. Keyed by the exact text before the
# parameter, so that a new route elsewhere (say "plans/ideas/<int:pk>/") is not filled
# with a plan's id by accident: it is unfillable, and the sweeps fail until it is mapped.
OWNED_IDS: dict[tuple[str, str], str] = {
    ("journal/notes/", "pk"): "note",
    ("plans/", "pk"): "plan",
    ("practices/empathy/reflect-back/", "pk"): "exchange",
    ("practices/well-being/check-in/", "pk"): "check_in",
    ("for-you/", "pk"): "notification",
    ("photos/", "key"): "photo",
}
# Not ids but values every couple reads its own data by: each couple has its own daily
# question for a day, so Charlie may get his own page for the day; he must not see theirs.
# A month is read per couple the same way ("month/2026-11/": Charlie's own November).
OWNED_SCOPES: dict[tuple[str, str], str] = {
    ("today/", "day"): "day",
    ("month/", "ym"): "month",
}

ADMIN_APPS = "admin/(?P<app_label>auth|account|mfa|usersessions|django_tasks_database|accounts)/$"
ADMIN = (
    "the admin: staff only (Alice, Bob, Charlie and Sam are not), and no couple data is "
    "registered in it; a model registered later adds routes that fail the sweeps until reviewed"
)
NOT_COUPLE_DATA: dict[str, str] = {
    "invite/<slug:token>/": "an invite belongs to one person, not to a couple; the unguessable "
    "token is the capability (tests/test_linking.py covers who may use it)",
    "unsubscribe/<str:token>/": "a signed token naming one user and one kind of email; "
    "it turns off that user's own reminder setting, nothing of the couple's",
    "journal/export/<slug:kind>.csv": "a kind of entry (notes, plans…), not an object: the "
    "export is of the requester's own couple; every kind is swept for leaks",
    "calendar/<slug:token>.ics": "a bearer capability, like an invite link: whoever holds the "
    "couple's unguessable calendar token reads its plans, by design and without logging in; "
    "swept with each viewer's own token (the feed must not mix couples)",
    "practices/<slug:slug>/": "public practice content; the pages, whose last step shows the "
    "couple's own exchanges and check-ins, are still swept with every slug",
    "practices/<slug:slug>/step/<int:number>/": "public practice content, as above: every "
    "slug and step is requested and checked for leaks",
    "programs/<slug:slug>/": "a program is public content; its page shows where the "
    "requester's own couple is in it (the owners are in one: swept for leaks)",
    "programs/<slug:slug>/start/": "starts the program for the requester's own couple",
    **dict.fromkeys(
        [f"programs/<slug:slug>/{change}/" for change in ("pause", "resume", "stop")],
        "changes the requester's own couple's run, and only if it is of this program",
    ),
    "programs/<slug:slug>/day/<int:number>/done/": "a day of the program the requester's own "
    "couple is doing, marked for the requester only",
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
    "admin/(?P<url>.*)$": "the admin's catch-all (redirects to its login or 404s)",
    "accounts/2fa/webauthn/keys/<int:pk>/remove/": "allauth: one person's own security key, "
    "looked up among the requester's keys only (tests/test_mfa.py: Charlie gets a 404 for "
    "Alice's); sign-in factors belong to a person, not to a couple",
    "accounts/2fa/webauthn/keys/<int:pk>/edit/": "allauth: one person's own key, as above",
    "admin/mfa/authenticator/<path:object_id>/history/": ADMIN,
    "admin/mfa/authenticator/<path:object_id>/delete/": ADMIN,
    "admin/mfa/authenticator/<path:object_id>/change/": ADMIN,
    "admin/mfa/authenticator/<path:object_id>/": ADMIN,
    # allauth.usersessions: one person's own signed-in sessions, in the admin only.
    "admin/usersessions/usersession/<path:object_id>/history/": ADMIN,
    "admin/usersessions/usersession/<path:object_id>/delete/": ADMIN,
    "admin/usersessions/usersession/<path:object_id>/change/": ADMIN,
    "admin/usersessions/usersession/<path:object_id>/": ADMIN,
    # The background tasks: what the worker ran (ids and task names) and the emails it
    # sent or is sending (kinds and states; never their text).
    **{
        f"admin/{model}/{page}": ADMIN
        for model in (
            "django_tasks_database/dbtaskresult",
            "accounts/outgoingemail",
            "accounts/outgoingpush",
        )
        for page in (
            "<path:object_id>/history/",
            "<path:object_id>/delete/",
            "<path:object_id>/change/",
            "<path:object_id>/",
        )
    },
    ADMIN_APPS: ADMIN,
}


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
    notification: Notification  # one of Bob's "for you" items: the note Alice wrote him
    photo: Photo  # on Alice's note, described
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
        if attribute == "month":
            return f"{self.day:%Y-%m}"
        if attribute == "photo":
            return self.photo.key
        return str(getattr(self, attribute).pk)


def known_calendar_token(couple: Couple, owners: Couple) -> str:
    """The calendar token build_owned gave this couple (the owners': a secret)."""
    return SECRETS["calendar token"] if couple.pk == owners.pk else f"calendar-{couple.pk}"


def build_owned(*, couple: Couple, alice: User, bob: User, inviter: User) -> Owned:
    """Everything through the service functions the views use, so the timeline is real."""
    today = timezone.localdate()
    couple.name = SECRETS["couple name"]
    couple.calendar_token_hash = calendar_token_hash(SECRETS["calendar token"])
    couple.save(update_fields=["name", "calendar_token_hash"])
    # Only a hash is stored: every other couple gets a token the walker knows, so that it
    # can ask for each viewer's own feed.
    for other in Couple.objects.exclude(pk=couple.pk):
        Couple.objects.filter(pk=other.pk).update(
            calendar_token_hash=calendar_token_hash(known_calendar_token(other, couple))
        )
    note = journal.write_note(
        couple=couple,
        author=alice,
        recipient=bob,
        text=f"{SECRETS['note']} Thank you for the soup.",
        category="trait",
    )
    journal.set_reaction(couple=note.couple, note=note, user=bob, kind="heart")
    photo = attached(
        couple=couple,
        user=alice,
        target=note,
        content=picture("PNG", (32, 24), color="teal"),
        name="soup.png",
        alt_text=SECRETS["photo description"],
    )
    journal.set_star(
        couple=note.couple, note=note, user=bob
    )  # so that it is on the keepsakes page too
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
    journal.reflect(
        couple=plan.couple, plan=plan, author=alice, enjoyed=SECRETS["Alice's reflection"], rating=5
    )
    journal.reflect(
        couple=plan.couple, plan=plan, author=bob, enjoyed=SECRETS["Bob's reflection"], rating=4
    )
    idea = CustomIdea(
        title=SECRETS["idea title"], description=f"{SECRETS['idea description']} by the river"
    )
    journal.add_custom_idea(couple=couple, user=alice, idea=idea)
    # Both answered: each sees the other's answer, so it is rendered (and could leak).
    daily.save_answer(couple=couple, user=alice, day=today, text=SECRETS["Alice's answer"])
    daily.save_answer(couple=couple, user=bob, day=today, text=SECRETS["Bob's answer"])
    daily.reply(
        couple=couple,
        user=bob,
        question=daily.pin(couple, today),
        text=SECRETS["Bob's reply to Alice's answer"],
        reaction="heart",
    )
    daily.add_own_question(couple=couple, user=alice, text=SECRETS["Alice's own question"])
    # Under way, with Alice a day ahead of Bob: both positions are on its pages.
    run = guided.start(couple=couple, user=alice, program=PROGRAMS[0])
    guided.mark_day(couple=couple, user=alice, run=run, day=1)
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
        notification=Notification.objects.get(recipient=bob, note=note, kind="note"),
        photo=photo,
        day=today,
        invite=linking.create_invite(inviter=inviter),
    )


def probe_body(owned: Owned) -> dict[str, str]:
    """One body that is valid for most of our forms (and allauth's), so that a view that
    skipped the check would really change something and the database comparison would show it.
    """
    new_password = "a different horse battery staple"
    return {
        # Notes, reactions, plans, reflections, ideas, answers, practices.
        "text": "CSRF-PROBE",
        "category": "",
        "kind": "heart",
        "add": "hug",  # Bob put a heart on the owners' note: a hug is a change
        "keep": "yes",
        "title": "CSRF-PROBE",
        "description": "",
        "place": "",
        "status": "planned",
        "tech_free": "on",
        "day": owned.day.isoformat(),
        "version": str(owned.plan.version),
        "enjoyed": "CSRF-PROBE",
        "rating": "5",
        "heard": "CSRF-PROBE",
        "reply": "yes",
        "addition": "",
        "hug": "on",
        "mood": "3",
        "need": "",
        # Settings, the couple, linking, leaving, deleting.
        "display_name": "CSRF-PROBE",
        "time_zone": "UTC",
        "name": "CSRF-PROBE",
        "confirm": "on",
        "decision": "accept",
        "code": owned.invite.code,
        # allauth: adding an email, a password change, a reset, logging in.
        "email": "probe@example.com",
        "action_add": "",
        "login": owned.alice.email,
        "password": PASSWORD,
        "oldpassword": PASSWORD,
        "password1": new_password,
        "password2": new_password,
    }


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
        ("programs/", "slug"): [program.slug for program in PROGRAMS],
        # The day marked, the one open, the last of the longest program.
        ("programs/<slug:slug>/day/", "number"): [
            "1",
            "2",
            str(max(len(program.days) for program in PROGRAMS)),
        ],
        "kind": list(export.KINDS),
        ("invite/", "token"): [owned.invite.token],
        # A valid link, so that the view does its work: a GET of it must not unsubscribe.
        ("unsubscribe/", "token"): [make_token(someone, "plans")],
        ("calendar/", "token"): [
            known_calendar_token(viewer_couple, owned.couple)
            if viewer_couple
            else "no-such-calendar"
        ],
        "key": ["not-a-real-key"],
        "uidb36": [int_to_base36(someone.pk)],
        "content_type_id": ["1"],
        "object_id": [str(someone.pk)],
        "id": [str(someone.pk)],
        "app_label": ["accounts"],
        "url": ["nothing-here/"],
        # No one's key (build_owned adds none): tests/test_mfa.py tries another's real one.
        ("accounts/2fa/webauthn/keys/", "pk"): ["1"],
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
        f"it in OWNED_IDS (tests/routes.py); if not, list it in NOT_COUPLE_DATA with why"
    )


def text_of(response: HttpResponse) -> str:
    """The body and the headers (a Location or HX-Redirect could carry words too)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type") == "application/zip":
        # Deflated, words would pass unseen: what the ZIP holds is read instead.
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            body = b"\n".join(archive.read(name) for name in archive.namelist())
    headers = "\n".join(f"{name}: {value}" for name, value in response.headers.items())
    # iCalendar folds long lines ("\r\n" and a space): unfold, or a secret could hide there.
    text = body.decode(errors="replace").replace("\r\n ", "").replace("\r\n\t", "")
    return text + "\n" + headers


def install_urlconf(settings, monkeypatch, extra: list) -> None:
    """Serve the site's routes plus `extra`: views that break a rule on purpose."""
    module = types.ModuleType("tests_broken_urls")
    module.urlpatterns = [*extra, *urls.urlpatterns]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    settings.ROOT_URLCONF = module.__name__
