"""Property-based fuzzing of every form endpoint through the Django test client.

Each example throws arbitrary text (NUL, RTL and bidi marks, emoji, combining marks,
100,000-character strings), numbers where text belongs and text where numbers belong,
missing fields, unknown extra fields and repeated fields at one endpoint. Which inputs are
valid is for the forms to decide, not for this file; whatever they decide, it must hold that

* nothing answers with a 5xx (the test client re-raises a view's exception);
* a refused request (4xx) writes nothing: every row of every model is unchanged;
* an accepted request changes only what its form may change (the tables and columns listed
  in FORMS), and a redirect after it stays on the site;
* what was accepted renders everywhere it appears: on both partners' pages and in the
  journal, in the .ics calendar feed and the plan's own event, and in the export.

A form's fuzzing must also have seen it both accept and refuse: a form that refused
everything would keep every other promise. Inputs that once broke the app are explicit
examples, run first every time. The couple and their things are made once per test, and
every example runs in a savepoint that is rolled back: examples never see each other's writes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from urllib.parse import quote, urlencode

import pytest
from django.apps import apps
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.template.defaultfilters import linebreaksbr
from django.test import Client
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from accounts import linking
from accounts.models import Couple, Invite, User
from practices import daily
from practices.models import (
    Answer,
    CheckIn,
    CustomIdea,
    Exchange,
    Note,
    Notification,
    Plan,
    Reflection,
)
from tests.conftest import PASSWORD

pytestmark = [
    pytest.mark.django_db,
    # Hypothesis warns when it prints a 100,000-character example; that is the point here.
    pytest.mark.filterwarnings("ignore:Generating overly large repr"),
]

# Reproducible in CI (derandomize), no example database written into the checkout
# (database=None), and the world shared by all examples of a test on purpose.
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

Data = dict[str, str | list[str]]


# Strategies ------------------------------------------------------------
# Plausible values for each kind of field, so that well-formed forms are often accepted, and
# junk and near misses, so that they are often refused. Nothing here says which is which.

# Everything UTF-8 can carry. Lone surrogates are left out: they cannot travel over HTTP.
ANY_CHAR = st.characters(codec="utf-8")
TRICKY = (
    "\x00",
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u200b",  # zero-width space: not whitespace to str.strip()
    "\ufeff",
    "e\u0301",  # e + combining acute: two code points, one glyph
    "\u0301",
    "🙂",
    "👩🏽‍❤️‍💋‍👨🏿",
    "🏳️‍🌈",
    "\U0010fffd",
    "\r\n",
    "\r",
    "\t",
    "\x1c",  # str.strip() removes it, like the other ASCII separators
    "\x85",
    "\u3000",
    "\u2028",
    "<script>alert(1)</script>",
    "{{ request }}",
    "{% debug %}",
    "%(x)s",
    "'; DROP TABLE practices_note; --",
    "../../",
    "\\",
)
tricky_text = st.lists(
    st.one_of(st.sampled_from(TRICKY), st.text(ANY_CHAR, max_size=20)), max_size=8
).map("".join)
# What a client sends when it gets the types wrong: every value arrives as text.
wrong_types = st.one_of(
    st.integers().map(str),
    st.floats().map(str),
    st.sampled_from([str(10**100), str(-(10**100)), "9" * 5000]),  # more digits than int() reads
    st.sampled_from(["-1", "0", "1.5", "1e309", "nan", "True", "None", "null", "[]", "{}"]),
)
huge_text = st.sampled_from(["x", "🙂", "e\u0301", " ", "\x00", "\u200f"]).map(
    lambda piece: piece * 100_000
)
junk = st.one_of(st.just(""), tricky_text, wrong_types, huge_text)


def text(max_length: int) -> st.SearchStrategy[str]:
    fill = st.sampled_from(["x", "é", "🙂", "\u0301", "\u200f"])
    return st.one_of(
        st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=40),
        tricky_text,
        # At the limit and one past it, counted in code points as the database counts them.
        fill.map(lambda c: c * max_length),
        fill.map(lambda c: c * (max_length + 1)),
    )


def choice(choices: list[str]) -> st.SearchStrategy[str]:
    near_misses = st.sampled_from(choices).flatmap(
        lambda c: st.sampled_from([c.upper(), f" {c}", f"{c} ", f"{c}\x00", f"{c}\u200b", c * 2])
    )
    return st.one_of(st.sampled_from(choices), st.sampled_from(choices), near_misses)


DATE = st.one_of(
    st.just(""),
    # Days people plan for, and any day there is.
    st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat),
    st.dates().map(dt.date.isoformat),
    st.sampled_from(["2031-02-30", "2031-13-01", "0000-01-01", "10000-01-01", "-2031-01-01"]),
)
TIME = st.one_of(
    st.just(""),
    st.times().map(lambda t: t.strftime("%H:%M:%S" if t.second else "%H:%M")),
    st.sampled_from(["24:00", "12:60", "noon", "-1"]),
)
CHECKBOX = st.sampled_from(["on", "true", "false", "False", "", "0", "1", "yes"])

# Every column of every model: posted as an extra, one no form offers must not be set.
MODEL_COLUMNS = sorted(
    {
        name
        for model in apps.get_models()
        for f in model._meta.concrete_fields
        for name in (f.name, f.attname)
    }
)
field_names = st.one_of(
    st.text(
        st.characters(codec="utf-8", exclude_characters='"\\\r\n\x00', exclude_categories=("Cc",)),
        min_size=1,
        max_size=20,
    ),
    st.sampled_from(MODEL_COLUMNS),
)


def some_values(values: st.SearchStrategy[str]) -> st.SearchStrategy[str | list[str]]:
    # A field posted twice or three times: the form reads the last one.
    return st.one_of(values, values, st.lists(values, min_size=2, max_size=3))


def form_data(fields: dict[str, st.SearchStrategy[str]]) -> st.SearchStrategy[Data]:
    """Half well-formed forms (every field, once), half chaos; both with unknown extras."""
    extras = st.dictionaries(
        field_names.filter(lambda name: name not in fields and name != "csrfmiddlewaretoken"),
        some_values(st.one_of(junk, st.sampled_from(["on", "1", "true", "2"]))),
        max_size=3,
    )
    well_formed = st.fixed_dictionaries(fields)
    chaos = st.fixed_dictionaries(
        {}, optional={name: some_values(st.one_of(values, junk)) for name, values in fields.items()}
    )
    return st.tuples(st.one_of(well_formed, chaos), extras).map(lambda pair: {**pair[1], **pair[0]})


ENCODINGS = st.sampled_from(["multipart", "urlencoded"])
ZONES = st.sampled_from(
    [
        "UTC",
        "Europe/Paris",
        "America/New_York",
        "Asia/Kolkata",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
        "Australia/Lord_Howe",
    ]
)
TWO_ZONES = st.tuples(ZONES, ZONES)  # Alice's and Bob's, for the plans
NO_ZONES = st.none()  # everyone as they are: in UTC

NOTE_FIELDS = {"text": text(2000), "category": choice(["action", "trait", "effort"])}
PLAN_FIELDS = {
    "title": text(120),
    "description": st.one_of(st.just(""), text(2000)),
    "place": st.one_of(st.just(""), text(200)),
    "status": choice(["idea", "planned", "done", "cancelled"]),
    "tech_free": CHECKBOX,
    "day": DATE,
    "time": TIME,
}
REACTION_FIELDS = {
    "add": choice(["heart", "hug", "smile", "thanks"]),
    "remove": choice(["heart", "hug", "smile", "thanks"]),
}
REFLECTION_FIELDS = {"enjoyed": text(1000), "rating": choice(["1", "2", "3", "4", "5"])}
REPLY_FIELDS = {"reply": choice(["yes", "added"]), "addition": st.one_of(st.just(""), text(1000))}


# The database ------------------------------------------------------------

# Sessions are written by logging in and by messages, never with what a form was sent.
MODELS = [model for model in apps.get_models() if model._meta.label != "sessions.Session"]
# Every change moves the couple's revision (the key of its cached pages), doing a practice
# is logged once a day, and what asks for an answer tells the partner (their "for you"
# list): none of these is any one form's doing.
ALWAYS_ALLOWED = {
    "accounts.Couple.revision",
    "practices.PracticeLog",
    "practices.Notification",
    *(f"practices.Notification.{column.attname}" for column in Notification._meta.concrete_fields),
}

Snapshot = dict[str, dict[object, dict]]


def snapshot() -> Snapshot:
    """Every row of every model, by primary key."""
    return {
        model._meta.label: {row[model._meta.pk.attname]: row for row in rows_of(model)}
        for model in MODELS
    }


def rows_of(model: type) -> list[dict]:
    return list(model._base_manager.values())


def changes(before: Snapshot, after: Snapshot) -> set[str]:
    """Where rows came or went ("app.Model"), and what changed in a row ("app.Model.column")."""
    found = set()
    for label, rows in before.items():
        now = after[label]
        if rows.keys() != now.keys():
            found.add(label)
        for pk in rows.keys() & now.keys():
            found |= {f"{label}.{name}" for name, was in rows[pk].items() if now[pk][name] != was}
    return found


@contextmanager
def isolated() -> Iterator[None]:
    """One example: fresh rate limits and fragments, and a savepoint rolled back after it."""
    # A rolled-back revision comes back, and with it the fragments cached under it.
    for each in caches.all():
        each.clear()
    # The time-zone middleware leaves the last user's zone active in this thread.
    timezone.deactivate()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


# Alice and Bob's world ------------------------------------------------------------


@dataclass(frozen=True)
class Form:
    """A form endpoint: who sends it, where, where what it accepts shows, and what it may
    change: "app.Model" (rows may come or go) or "app.Model.column" (of an existing row)."""

    who: str
    url: str  # formatted with World.pks
    shown: Callable[[World], None]
    may_change: str = ""  # space-separated


@dataclass
class World:
    couple: Couple
    calendar_token: str
    users: dict[str, User]
    clients: dict[tuple[str, bool], Client]  # (who, htmx)
    pks: dict[str, object]
    outcomes: set[str] = field(default_factory=set)

    def client(self, who: str, *, htmx: bool = False) -> Client:
        return self.clients[(who, htmx)]

    def check(
        self,
        form: Form,
        send: Callable[[Client, str], HttpResponse],
        *,
        htmx: bool,
        zones: tuple[str, str] | None = None,
    ) -> None:
        """Send one request to the form as its user, in a savepoint, and hold the answer to
        the promises above; `zones` are Alice's and Bob's time zones for this example."""
        with isolated():
            if zones:
                for who, zone in zip(("alice", "bob"), zones, strict=True):
                    User.objects.filter(pk=self.users[who].pk).update(time_zone=zone)
            before = snapshot()
            response = send(self.client(form.who, htmx=htmx), form.url.format(**self.pks))
            status = response.status_code
            assert status < 500, f"status {status}"
            if status >= 400:
                self.outcomes.add("refused")
                assert snapshot() == before, f"a refused request ({status}) changed the database"
                return
            self.outcomes.add("accepted")
            unexpected = changes(before, snapshot()) - ALWAYS_ALLOWED - set(form.may_change.split())
            assert not unexpected, f"changed beyond the form: {sorted(unexpected)}"
            for header in ("Location", "HX-Redirect"):
                target = response.headers.get(header)
                assert target is None or url_has_allowed_host_and_scheme(
                    target, allowed_hosts={"testserver"}
                ), f"{header}: {target}"
            form.shown(self)

    def post(
        self, form: Form, data: Data, *, encoding: str, htmx: bool, zones: tuple | None
    ) -> None:
        def send(client: Client, url: str) -> HttpResponse:
            if encoding == "urlencoded":
                body = urlencode(data, doseq=True)
                return client.post(url, body, content_type="application/x-www-form-urlencoded")
            return client.post(url, data)

        self.check(form, send, htmx=htmx, zones=zones)

    # Where accepted input appears.

    def assert_on_page(self, who: str, url: str, *values: str) -> None:
        """The page opens for `who`, with each value on it as a template writes it."""
        response = self.client(who).get(url)
        assert response.status_code == 200, f"{who} GET {url}: {response.status_code}"
        html = response.content.decode()
        for value in filter(None, values):
            assert escape(value) in html or linebreaksbr(value, autoescape=True) in html, (
                f"{who} GET {url} does not show {value!r}"
            )

    def assert_exported(self, who: str, *values: str) -> None:
        """The JSON export `who` downloads holds each value, exactly."""
        client = self.client(who)
        client.post("/accounts/reauthenticate/", {"password": PASSWORD})  # as exporting asks
        response = client.get("/journal/export.json")
        assert response.status_code == 200
        strings = set(strings_in(json.loads(b"".join(response.streaming_content))))
        for value in filter(None, values):
            assert value in strings, f"{who}'s export does not hold {value!r}"

    def assert_in_calendars(self, plan: Plan) -> None:
        """A dated plan is an event of its own; there, and wherever the couple's feed lists
        it, the event carries the plan's words."""
        if plan.day is None:  # an idea with no date is in no calendar
            return
        (event,) = events_in(self.client("alice").get(f"/plans/{plan.pk}/event.ics"))
        feed = events_in(self.client("bob").get(f"/calendar/{self.calendar_token}.ics"))
        for each in [event, *(other for other in feed if other["UID"] == event["UID"])]:
            for name, value in [
                ("SUMMARY", plan.title),
                ("LOCATION", plan.place),
                ("DESCRIPTION", plan.description),
            ]:
                # iCalendar writes every line break as "\n".
                assert str(each.get(name, "")) == value.replace("\r\n", "\n"), name


def strings_in(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict | list):
        for each in value.values() if isinstance(value, dict) else value:
            yield from strings_in(each)


def events_in(response: HttpResponse) -> list:
    assert response.status_code == 200, response.status_code
    return Calendar.from_ical(response.content).walk("VEVENT")


INVITE_CODE = "HJKM2345"


@pytest.fixture
def world(couple, alice, bob, charlie, sam, make_user, client_for) -> World:
    """Alice and Bob with one of everything, made through the site as they would make it;
    Charlie in another couple; Sam not linked; Ivy, not linked, with an open invite."""
    users = {"alice": alice, "bob": bob, "charlie": charlie, "sam": sam, "ivy": make_user("Ivy")}
    clients = {
        (who, htmx): client_for(user, htmx=htmx)
        for who, user in users.items()
        for htmx in (False, True)
    }
    as_alice = clients[("alice", False)]

    def made(response: HttpResponse, model: type) -> object:
        assert response.status_code == 302, response.content.decode()
        return model.objects.latest("pk")

    # Written now, so it stays within its 15-minute edit window for the whole test.
    note = made(as_alice.post("/journal/notes/new/", {"text": "Thank you for the soup."}), Note)
    # Read, so that none of Bob's GETs below writes a read receipt.
    assert clients[("bob", False)].get("/journal/").status_code == 200
    plan = {"title": "Picnic", "day": "2031-06-14", "time": "18:30", "place": "The bridge"}
    planned = made(as_alice.post("/plans/new/", {**plan, "status": "planned"}), Plan)
    done = made(as_alice.post("/plans/new/", {**plan, "status": "done"}), Plan)
    heard = {"heard": "It sounds like you are tired."}
    exchange = made(as_alice.post("/practices/empathy/reflect-back/", heard), Exchange)
    need = {"mood": "2", "need": "A quiet evening."}
    check_in = made(as_alice.post("/practices/well-being/check-in/", need), CheckIn)
    assert clients[("ivy", False)].post("/account/invite/").status_code == 302
    invite = Invite.objects.get(inviter=users["ivy"])
    # A known code, so that examples can be written down (real codes are random).
    Invite.objects.filter(pk=invite.pk).update(code=INVITE_CODE)
    # Each day's question is pinned by its first look: done here for the days any time
    # zone may call this week, so that a GET or a refused answer pins nothing.
    utc_today = timezone.now().date()
    for offset in range(-1, daily.CATCH_UP_DAYS + 1):
        daily.pin(couple, utc_today - dt.timedelta(days=offset))
    timezone.deactivate()
    pks = {"note": note.pk, "plan": planned.pk, "done": done.pk, "exchange": exchange.pk}
    pks |= {"check": check_in.pk, "token": invite.token}
    calendar_token = linking.new_calendar_address(couple=couple)
    return World(
        couple=couple, calendar_token=calendar_token, users=users, clients=clients, pks=pks
    )


# The forms, and where what they accept appears ----------------------------------------


def note_shown(world: World) -> None:
    note = Note.objects.latest("pk")  # the new one, or else the world's (the only one)
    for who in ("alice", "bob"):
        world.assert_on_page(who, "/journal/", note.text)
        world.assert_on_page(who, f"/journal/notes/{note.pk}/", note.text)
        world.assert_exported(who, note.text)


def reaction_shown(world: World) -> None:
    for who in ("alice", "bob"):
        world.assert_on_page(who, "/journal/")
        world.assert_exported(who)


def plan_shown(find: Callable[[World], Plan]) -> Callable[[World], None]:
    def shown(world: World) -> None:
        plan = find(world)
        words = (plan.title, plan.place, plan.description)
        for who in ("alice", "bob"):  # each in their own time zone
            world.assert_on_page(who, f"/plans/{plan.pk}/", *words)
            world.assert_on_page(who, f"/plans/{plan.pk}/edit/", plan.title)
            world.assert_on_page(who, "/journal/", plan.title)
            world.assert_on_page(who, "/plans/")
            world.assert_on_page(who, "/")
            world.assert_exported(who, *words)
        world.assert_in_calendars(plan)

    return shown


def reflection_shown(world: World) -> None:
    mine = Reflection.objects.get(plan=world.pks["done"], author=world.users["alice"])
    # Only Alice sees it until Bob has written his.
    world.assert_on_page("alice", f"/plans/{world.pks['done']}/", mine.enjoyed)
    world.assert_exported("alice", mine.enjoyed)
    world.assert_on_page("bob", f"/plans/{world.pks['done']}/")
    world.assert_on_page("bob", "/journal/")


def idea_shown(world: World) -> None:
    idea = CustomIdea.objects.latest("pk")
    for who in ("alice", "bob"):
        world.assert_on_page(who, "/plans/ideas/", idea.title, idea.description)
        world.assert_exported(who, idea.title, idea.description)


def couple_shown(world: World) -> None:
    name = Couple.objects.get(pk=world.couple.pk).name
    for who in ("alice", "bob"):
        world.assert_on_page(who, "/account/partner/", name)
        world.assert_on_page(who, "/", name)
        world.assert_exported(who, name)


def profile_shown(world: World) -> None:
    name = User.objects.get(pk=world.users["alice"].pk).display_name
    world.assert_on_page("alice", "/", name)
    world.assert_on_page("alice", "/journal/")  # in her new time zone
    world.assert_on_page("bob", "/journal/", name)  # as the author of his note
    world.assert_on_page("bob", "/", name)
    world.assert_exported("bob", name)


def answer_shown(world: World) -> None:
    answer = Answer.objects.get(author=world.users["alice"])
    # Only Alice sees it until Bob has answered too.
    world.assert_on_page("alice", "/today/", answer.text)
    world.assert_exported("alice", answer.text)
    world.assert_on_page("bob", "/today/")
    world.assert_on_page("bob", "/journal/")


def exchange_shown(world: World) -> None:
    exchange = Exchange.objects.latest("pk")
    for who in ("alice", "bob"):
        world.assert_on_page(who, "/journal/", exchange.heard, exchange.addition)
        world.assert_on_page(who, "/practices/empathy/step/5/")
        world.assert_exported(who, exchange.heard, exchange.addition)


def affection_shown(world: World) -> None:
    for who in ("alice", "bob"):
        world.assert_on_page(who, "/practices/")
        world.assert_on_page(who, "/")
        world.assert_exported(who)


def check_in_shown(world: World) -> None:
    check = CheckIn.objects.get(author=world.users["alice"])
    # Bob's dashboard and the practice show what Alice needs, and what he replied.
    world.assert_on_page("bob", "/", check.need, check.reply)
    world.assert_on_page("bob", "/practices/well-being/step/5/", check.need, check.reply)
    world.assert_on_page("alice", "/")
    for who in ("alice", "bob"):
        world.assert_exported(who, check.need, check.reply)


def decision_shown(world: World) -> None:
    for url in ("/", "/account/partner/"):  # linked now, or not (declined)
        world.assert_on_page("sam", url)


def nothing_shown(world: World) -> None:
    pass


def the_plan(world: World) -> Plan:
    return Plan.objects.get(pk=world.pks["plan"])


def newest_plan(world: World) -> Plan:
    return Plan.objects.latest("pk")


PLAN_STAMP = "practices.Plan.version practices.Plan.updated_by_id practices.Plan.updated_at"
FORMS = {
    "note create": Form(
        "alice", "/journal/notes/new/", note_shown, "practices.Note practices.Entry"
    ),
    "note edit": Form(
        "alice",
        "/journal/notes/{note}/edit/",
        note_shown,
        "practices.Note.text practices.Note.category practices.Note.edited_at",
    ),
    "note react": Form("bob", "/journal/notes/{note}/react/", reaction_shown, "practices.Reaction"),
    "plan create": Form(
        "alice", "/plans/new/", plan_shown(newest_plan), "practices.Plan practices.Entry"
    ),
    "plan edit": Form(
        "alice",
        "/plans/{plan}/edit/",
        plan_shown(the_plan),
        "practices.Plan.title practices.Plan.description practices.Plan.place "
        "practices.Plan.status practices.Plan.tech_free practices.Plan.day "
        f"practices.Plan.starts_at {PLAN_STAMP}",
    ),
    "plan status": Form(
        "alice",
        "/plans/{plan}/status/",
        plan_shown(the_plan),
        f"practices.Plan.status {PLAN_STAMP}",
    ),
    "plan reflect": Form(
        "alice",
        "/plans/{done}/reflect/",
        reflection_shown,
        "practices.Reflection practices.Entry",
    ),
    "idea create": Form("alice", "/plans/ideas/", idea_shown, "practices.CustomIdea"),
    # A code only finds the invite: linking happens on the invite's page.
    "invite code": Form("sam", "/invite/code/", nothing_shown),
    "invite decision": Form(
        "sam",
        "/invite/{token}/",
        decision_shown,
        "accounts.Couple accounts.Membership accounts.Invite.accepted_at "
        "accounts.Invite.accepted_by_id accounts.Invite.couple_id accounts.Invite.declined_at "
        # The new couple is what both partners' pages show.
        "accounts.User.current_couple_id accounts.User.current_partner_id",
    ),
    "couple settings": Form(
        "alice",
        "/account/partner/",
        couple_shown,
        "accounts.Couple.name accounts.Couple.anniversary",
    ),
    "profile": Form(
        "alice",
        "/account/settings/",
        profile_shown,
        "accounts.User.display_name accounts.User.time_zone accounts.User.remind_plans "
        "accounts.User.remind_weekly_thanks",
    ),
    # The day's question was pinned by a first look (see `world`); its first answer adds
    # its journal entry.
    "daily answer": Form(
        "alice",
        "/today/",
        answer_shown,
        "practices.Entry practices.Answer",
    ),
    "exchange create": Form(
        "alice",
        "/practices/empathy/reflect-back/",
        exchange_shown,
        "practices.Exchange practices.Entry",
    ),
    "exchange reply": Form(
        "bob",
        "/practices/empathy/reflect-back/{exchange}/reply/",
        exchange_shown,
        "practices.Exchange.reply practices.Exchange.addition practices.Exchange.replied_at",
    ),
    "affection tick": Form(
        "alice", "/practices/affection/today/", affection_shown, "practices.AffectionDay"
    ),
    # Today's check-in exists already (the world's): a new one replaces it.
    "check-in": Form(
        "alice",
        "/practices/well-being/check-in/",
        check_in_shown,
        "practices.CheckIn.mood practices.CheckIn.need practices.Entry",
    ),
    "check-in reply": Form(
        "bob",
        "/practices/well-being/check-in/{check}/reply/",
        check_in_shown,
        "practices.CheckIn.reply practices.CheckIn.replied_at",
    ),
}


# The form tests ------------------------------------------------------------


def case(data: Data, *, encoding="multipart", htmx=False, zones=None) -> dict:
    """An input that always runs, before the generated ones."""
    return {"data": data, "encoding": encoding, "htmx": htmx, "zones": zones}


def fuzz_form(
    world: World,
    form: Form,
    data: st.SearchStrategy[Data],
    *cases: dict,
    zones: st.SearchStrategy = NO_ZONES,
    outcomes: frozenset[str] = frozenset({"accepted", "refused"}),
) -> None:
    """Fuzz one form, the empty body and `cases` first; it must have seen `outcomes`."""

    @FUZZ
    @given(data=data, encoding=ENCODINGS, htmx=st.booleans(), zones=zones)
    def fuzz(data, encoding, htmx, zones):
        world.post(form, data, encoding=encoding, htmx=htmx, zones=zones)

    for each in [case({}), *cases]:
        fuzz = example(**each)(fuzz)
    fuzz()
    assert world.outcomes == outcomes, f"only {world.outcomes}"


def test_note_create(world):
    fuzz_form(
        world,
        FORMS["note create"],
        form_data(NOTE_FIELDS),
        case({"text": "You made my morning.", "category": "effort"}),
        # A valid note inside a body over Django's limits: refused whole (400), nothing written.
        case({"text": "Hi", "padding": "x" * 3_000_000}),
        case({"text": "Hi", "padding": "x" * 3_000_000}, encoding="urlencoded"),
        case({"text": "Hi", **{f"f{i}": "" for i in range(1000)}}, encoding="urlencoded"),
        case({"text": "\x00"}, encoding="urlencoded", htmx=True),
    )


def test_note_edit(world):
    fuzz_form(
        world,
        FORMS["note edit"],
        form_data(NOTE_FIELDS),
        case({"text": "Edited, kindly.", "category": "trait"}),
    )


# Where the reaction form sends you back to: anything, on the site or off it.
next_urls = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.text(ANY_CHAR, max_size=40).map(lambda s: "/" + s),
    tricky_text.map(lambda s: "/journal/?" + s),
    st.sampled_from(["", "https://evil.example/", "//evil.example/", "///evil.example"]),
    st.sampled_from(["javascript:alert(1)", "http://testserver/plans/", "/\\evil.example"]),
    st.sampled_from(["\x00/journal/", "/" + "x" * 3000]),
)


def test_note_react(world):
    fuzz_form(
        world,
        FORMS["note react"],
        form_data({**REACTION_FIELDS, "next": next_urls}),
        case({"add": "heart", "next": "/journal/"}),
        case({"add": "hug", "next": "https://evil.example/"}),
        # A bare word was taken for a URL name by redirect(): a 500.
        case({"add": "heart", "next": "journal"}),
    )


EVE = {"title": "New Year's Eve", "status": "planned", "day": "9999-12-31", "time": "23:30"}


def test_plan_create(world):
    picnic = {"title": "Picnic", "status": "planned", "day": "2031-06-14", "time": "18:30"}
    picnic |= {"place": "The old bridge, by the river", "idea_slug": "stargaze-on-a-blanket"}
    picnic["description"] = "Bring the blanket;\r\nand the tea, too."
    fuzz_form(
        world,
        FORMS["plan create"],
        # The form also carries a hidden idea slug copied from ?idea=: anything may come.
        form_data({**PLAN_FIELDS, "idea_slug": st.text(ANY_CHAR)}),
        case(picnic, zones=("Europe/Paris", "America/New_York")),
        # A date alone may be the first or the last day there is: only a time there overflows.
        case(
            {"title": "Last day", "status": "idea", "day": "9999-12-31"},
            encoding="urlencoded",
            htmx=True,
            zones=("UTC", "Pacific/Kiritimati"),
        ),
        case(
            {"title": "First day", "status": "idea", "day": "0001-01-01", "time": ""},
            zones=("Pacific/Pago_Pago", "Pacific/Kiritimati"),
        ),
        # Times at the edge of the calendar overflowed as they were saved (a 500)...
        case(EVE, zones=("America/New_York", "UTC")),
        case({**EVE, "day": "0001-01-01", "time": "00:30"}, zones=("Europe/Paris", "UTC")),
        # ...or were saved, and then could not be shown in the partner's time zone.
        case(EVE, zones=("UTC", "Asia/Kolkata")),
        # NUL in the idea slug failed on PostgreSQL.
        case({"title": "Stars", "status": "idea", "idea_slug": "x\x00"}, encoding="urlencoded"),
        zones=TWO_ZONES,
    )


versions = st.one_of(
    st.just("1"),  # the current version, so that well-formed edits are often saved
    st.sampled_from(["1.0", " 1", "01", "١", "2", "0", "-1", "", "1e0", str(10**30), "9" * 5000]),
    junk,
)


def test_plan_edit(world):
    picnic = {"title": "Picnic <again>", "status": "done", "day": "2031-06-15", "version": "1"}
    picnic |= {"place": "Tom & Jo's", "description": "Rain, then sun.\nLovely."}
    fuzz_form(
        world,
        FORMS["plan edit"],
        form_data({**PLAN_FIELDS, "version": versions}),
        case(picnic, zones=("UTC", "Asia/Kolkata")),
        # A version from the future is a conflict, not a save.
        case({"title": "Picnic", "status": "done", "version": "7"}, encoding="urlencoded"),
        zones=TWO_ZONES,
    )


FIELDS = {
    # The version the page showed: the current one (1) is applied, any other refused.
    "plan status": {"status": PLAN_FIELDS["status"], "version": versions},
    "plan reflect": REFLECTION_FIELDS,
    "idea create": {"title": text(120), "description": st.one_of(st.just(""), text(500))},
    "daily answer": {"text": text(1000)},
    "exchange create": {"heard": text(1000)},
    "check-in": {"mood": choice(["1", "2", "3", "4", "5"]), "need": text(500)},
    "check-in reply": {"reply": text(300)},
}


@pytest.mark.parametrize("name", FIELDS)
def test_form(world, name):
    fuzz_form(world, FORMS[name], form_data(FIELDS[name]))


def test_exchange_reply(world):
    fuzz_form(
        world,
        FORMS["exchange reply"],
        form_data(REPLY_FIELDS),
        case({"reply": "added", "addition": "And scared."}),
        # "Added" needs the words that were missed: this strips to none.
        case({"reply": "added", "addition": " \u3000"}),
    )


def test_couple_settings(world):
    fuzz_form(
        world,
        FORMS["couple settings"],
        form_data({"name": st.one_of(st.just(""), text(80)), "anniversary": DATE}),
        case({"name": "The Rivers", "anniversary": "2019-06-14"}),
        case({"anniversary": "2020-02-29"}),
    )


def test_profile(world):
    # Real zones that are not offered, and things that are not zones at all.
    not_offered = st.sampled_from(
        ["US/Eastern", "localtime", "Zulu", "utc", "Etc/GMT+14", "../etc"]
    )
    fuzz_form(
        world,
        FORMS["profile"],
        form_data({"display_name": text(60), "time_zone": st.one_of(ZONES, not_offered)}),
        case({"display_name": "Ali", "time_zone": "Asia/Kolkata"}),
    )


def test_affection_tick(world):
    # Checkboxes only: whatever arrives means ticked or not, so nothing is ever refused.
    fuzz_form(
        world,
        FORMS["affection tick"],
        form_data(dict.fromkeys(["hug", "kiss", "held_hands", "cuddle"], CHECKBOX)),
        case({"hug": "on", "cuddle": "on"}),
        outcomes=frozenset({"accepted"}),
    )


# Linking ------------------------------------------------------------


def typed_code(code: str) -> st.SearchStrategy[str]:
    """The code as a person types it: any case, with dashes or spaces anywhere."""
    gaps = st.lists(st.sampled_from(["", "", "-", " ", "—"]), min_size=8, max_size=8)
    lowered = st.lists(st.booleans(), min_size=8, max_size=8)
    return st.tuples(gaps, lowered).map(
        lambda pair: "".join(
            gap + (ch.lower() if lower else ch) for gap, lower, ch in zip(*pair, code, strict=True)
        )
    )


def test_invite_code(world):
    wrong = st.sampled_from(
        ["abcd-efgh", "HJKM234", "HJKM23456", "HJKM-2345-X", "ＨＪＫＭ２３４５"]
    )
    fuzz_form(
        world,
        FORMS["invite code"],
        form_data({"code": st.one_of(typed_code(INVITE_CODE), wrong)}),
        case({"code": "hjkm-2345"}),
        case({"code": "abcd-efgh"}, htmx=True),  # nobody's code
    )


@pytest.mark.parametrize(
    ("who", "outcomes"),
    # Sam may decide; Alice is linked already, and Ivy cannot answer her own invite.
    [("sam", {"accepted", "refused"}), ("alice", {"refused"}), ("ivy", {"refused"})],
)
def test_invite_decision(world, who, outcomes):
    fuzz_form(
        world,
        replace(FORMS["invite decision"], who=who),
        form_data({"decision": choice(["accept", "decline"])}),
        case({"decision": "accept"}),
        case({"decision": "decline"}, encoding="urlencoded", htmx=True),
        outcomes=frozenset(outcomes),
    )


tokens = st.one_of(
    st.lists(st.sampled_from(TRICKY), min_size=1, max_size=4).map("".join),
    wrong_types,
    st.text(ANY_CHAR, min_size=1, max_size=80),
).filter(lambda token: token.strip("/."))


@FUZZ
@example(token="\x00")  # failed on PostgreSQL
@given(token=tokens)
def test_an_address_that_is_not_the_invites_opens_nothing(world, token):
    path = f"/invite/{quote(token, safe='')}/"
    sam = world.client("sam")
    with isolated():
        before = snapshot()
        for response in (sam.get(path), sam.post(path, {"decision": "accept"})):
            assert response.status_code < 500
        assert snapshot() == before


# Strangers ------------------------------------------------------------

# Of the partners, the one who may not: not the author, not the recipient, ...
WRONG_PARTNER = {
    "/journal/notes/{note}/edit/": "bob",
    "/journal/notes/{note}/react/": "alice",
    "/practices/empathy/reflect-back/{exchange}/reply/": "alice",
    "/practices/well-being/check-in/{check}/reply/": "alice",
}


@FUZZ
@given(
    url=st.sampled_from(
        [*WRONG_PARTNER, "/plans/{plan}/edit/", "/plans/{plan}/status/", "/plans/{done}/reflect/"]
    ),
    who=st.sampled_from(["charlie", "sam", "partner"]),
    pk=st.one_of(st.none(), st.integers(0, 10**6), st.just(10**30), st.just(2**63)),
    # Any form's fields, well-formed or not: strangers are refused whatever they send.
    data=form_data(
        {**NOTE_FIELDS, **PLAN_FIELDS, **REACTION_FIELDS, **REFLECTION_FIELDS, **REPLY_FIELDS}
    ),
    htmx=st.booleans(),
)
def test_strangers_and_the_wrong_partner_change_nothing(world, url, who, pk, data, htmx):
    if who == "partner":  # both partners may change and reflect on plans
        assume(url in WRONG_PARTNER)
        who, pk = WRONG_PARTNER[url], None
    name = url.split("{")[1].split("}")[0]
    url = url.format(**{**world.pks, name: world.pks[name] if pk is None else pk})
    with isolated():
        before = snapshot()
        response = world.client(who, htmx=htmx).post(url, data)
        if who == "sam":  # not linked: sent to the linking page, by htmx or by a redirect
            assert response.status_code == (200 if htmx else 302)
            assert response.headers["HX-Redirect" if htmx else "Location"] == "/account/partner/"
        else:
            assert 400 <= response.status_code < 500, response.status_code
        assert snapshot() == before


# Query strings and addresses ------------------------------------------------------------


def assert_get_is_harmless(client: Client, url: str, params: dict | None = None) -> None:
    with isolated():
        before = snapshot()
        assert client.get(url, params or {}).status_code < 500
        assert snapshot() == before


@pytest.fixture
def full_journal(world) -> None:
    # More than a page (20 entries), so that cursors select real pages. Bob wrote them:
    # his reading the journal marks nothing read.
    for number in range(25):
        response = world.client("bob").post("/journal/notes/new/", {"text": f"Note {number}"})
        assert response.status_code == 302


EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MICROSECOND = dt.timedelta(microseconds=1)
LOW_MICROS = (dt.datetime.min.replace(tzinfo=dt.UTC) - EPOCH) // MICROSECOND
HIGH_MICROS = (dt.datetime.max.replace(tzinfo=dt.UTC) - EPOCH) // MICROSECOND
cursors = st.one_of(
    st.builds(
        "{}_{}".format,
        st.integers(LOW_MICROS - 10, HIGH_MICROS + 10),
        st.one_of(st.integers(-10, 10**6), st.just(10**30)),
    ),
    st.builds("{}_{}".format, wrong_types, wrong_types),
    junk,
)
shows = st.one_of(st.sampled_from(["all", "notes", "plans", "ALL", "note", "", "all "]), junk)


@settings(FUZZ, max_examples=80)
@example(params={"show": "notes", "before": f"{2**62}_5"}, htmx=True)
@example(params={"before": f"{HIGH_MICROS + 1}_1"}, htmx=False)
@given(
    params=st.fixed_dictionaries(
        {}, optional={"show": some_values(shows), "before": some_values(cursors)}
    ),
    htmx=st.booleans(),
)
def test_journal_filters_and_cursors(world, full_journal, params, htmx):
    assert_get_is_harmless(world.client("bob", htmx=htmx), "/journal/", params)


@FUZZ
@example(idea="stargaze-on-a-blanket", custom=None)
@example(idea="x\x00\"'><script>", custom="12")
# Digits that int() cannot read were a 500.
@example(idea=None, custom="²")
@example(idea=None, custom="9" * 5000)
@given(
    idea=st.one_of(
        st.none(), st.sampled_from(["stargaze-on-a-blanket", "cook-something-new"]), junk
    ),
    custom=st.one_of(st.none(), st.integers().map(str), st.just("9" * 30), junk),
)
def test_plan_prefill(world, idea, custom):
    params = {key: value for key, value in {"idea": idea, "custom": custom}.items() if value}
    assert_get_is_harmless(world.client("alice"), "/plans/new/", params)


@FUZZ
@example(day=dt.datetime.now(dt.UTC).date().isoformat())
@example(day="2024-W01-1")
@given(
    day=st.one_of(
        st.dates().map(dt.date.isoformat),
        wrong_types,
        st.text(ANY_CHAR, min_size=1, max_size=30),
        st.lists(st.sampled_from(TRICKY), min_size=1, max_size=4).map("".join),
    )
)
def test_question_of_a_day(world, day):
    assert_get_is_harmless(world.client("alice"), f"/today/{quote(day, safe='')}/")


# Malformed bodies ------------------------------------------------------------

CONTENT_TYPES = [
    "multipart/form-data; boundary=xyz",
    "multipart/form-data",  # no boundary
    "multipart/form-data; boundary=",
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/x-www-form-urlencoded; charset=no-such-charset",
    "application/json",
    "text/plain",
    "",
]
part = st.builds(
    '--xyz\r\nContent-Disposition: form-data; name="{}"\r\n\r\n{}\r\n'.format,
    st.sampled_from(["text", "title", "mood", "code", "hug", "display_name", "x"]),
    tricky_text,
)
bodies = st.one_of(
    st.binary(max_size=2000),
    st.lists(part, max_size=4).map(lambda parts: ("".join(parts) + "--xyz--\r\n").encode()),
    tricky_text.map(str.encode),
)
MALFORMED_AT = ["note create", "plan create", "idea create", "couple settings", "profile"]
MALFORMED_AT += ["invite code", "affection tick", "check-in"]


@FUZZ
@given(
    name=st.sampled_from(MALFORMED_AT),
    body=bodies,
    content_type=st.sampled_from(CONTENT_TYPES),
    htmx=st.booleans(),
)
def test_malformed_bodies(world, name, body, content_type, htmx):
    # Sent as raw bytes: the test client would otherwise encode (and judge) them itself.
    def send(client: Client, url: str) -> HttpResponse:
        return client.generic("POST", url, body, content_type=content_type)

    world.check(FORMS[name], send, htmx=htmx)
