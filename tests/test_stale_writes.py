"""Nothing silently overwritten: every form that changes an existing row, sent from a tab
opened before somebody else (the partner, or the same person in another tab) changed it.

Every POST route the URL resolver knows is listed here once, with why it is safe:

- EDITS: it changes a row that exists already. Each has a two-tab test below: the old tab
  loads the form (GET), the row changes meanwhile, then the old tab's form is sent as the
  page had it (its hidden fields and all). The outcome is either REFUSED (turned away, and
  what it would have overwritten is unchanged) or IDEMPOTENT (the end state is the one a
  single submit of that form gives).
- OTHER_POSTS: it only adds rows, changes none, or is another library's form with its own
  guard (said why).

A new POST route fails `test_every_post_route_is_listed` until it is put in one of them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone

from accounts import linking
from accounts.models import Couple, Invite, NotificationSettings, User
from accounts.unsubscribe import make_token
from practices import daily, exercises, guided, journal
from practices.content import PRACTICES_BY_SLUG
from practices.journal import When
from practices.models import (
    AffectionDay,
    Answer,
    AnswerReply,
    CheckIn,
    Note,
    Notification,
    Plan,
    ProgramRun,
    ProgramStep,
    Reaction,
    Reflection,
    Star,
)
from practices.programs import PROGRAMS
from practices.views.questions import ANSWER_FIXED
from tests.conftest import PASSWORD
from tests.routes import (
    ADMIN_APPS,
    ALWAYS_SKIPPED,
    build_owned,
    fillings,
    fingerprint,
    fingerprint_changes,
    walk_routes,
)

pytestmark = pytest.mark.django_db

REFUSED = "refused"  # a stale submit is turned away; what it would overwrite is unchanged
IDEMPOTENT = "idempotent"  # a stale submit ends where a single submit of that form does

EDITS: dict[str, tuple[str, str]] = {
    "plans/<int:pk>/edit/": (
        REFUSED,
        "carries the plan's version: a stale save is a 409 showing what is saved now",
    ),
    "plans/<int:pk>/status/": (
        REFUSED,
        "carries the plan's version like an edit: a stale button is a 409 naming who set what",
    ),
    "plans/<int:pk>/reflect/": (
        REFUSED,
        "one reflection per partner (a unique constraint): a second is refused, the first stands",
    ),
    "today/": (
        REFUSED,
        "the author's own draft until both answered, fixed after: a stale save then is a 409",
    ),
    "today/<str:day>/": (REFUSED, "the same form for a recent day, with the same lock"),
    "today/<str:day>/reply/": (
        REFUSED,
        "one reply each to the partner's answer (a unique constraint): a second is a 409",
    ),
    "today/skip/": (
        IDEMPOTENT,
        "once a day, while neither answered: again, the question it gave stays the day's",
    ),
    "today/decks/": (
        IDEMPOTENT,
        "the couple's decks, set whole from the boxes; they shape only questions not yet shown",
    ),
    "programs/<slug:slug>/start/": (
        REFUSED,
        "one program at a time (a constraint): a second start leaves the one under way as it is",
    ),
    "programs/<slug:slug>/pause/": (
        IDEMPOTENT,
        "names its program: pausing a paused one keeps when it paused; another's is left alone",
    ),
    "programs/<slug:slug>/resume/": (
        IDEMPOTENT,
        "names its program; resuming again changes nothing",
    ),
    "programs/<slug:slug>/stop/": (
        IDEMPOTENT,
        "names its program: stopped, it is not the one under way, so again changes nothing",
    ),
    "programs/<slug:slug>/day/<int:number>/done/": (
        IDEMPOTENT,
        "one's own day, once (a constraint): again, it is done already and says so",
    ),
    "practices/empathy/reflect-back/<int:pk>/reply/": (
        REFUSED,
        "answered once (an update only where no reply is): a second answer is refused",
    ),
    "practices/well-being/check-in/<int:pk>/reply/": (
        REFUSED,
        "replied once (an update only where no reply is): a second is a 409 showing the first",
    ),
    "invite/<slug:token>/": (
        REFUSED,
        "an invite is used once (checked under a lock): a stale accept or decline is refused",
    ),
    "accounts/password/change/": (
        REFUSED,
        "allauth asks for the current password, which a tab opened before a change gets wrong",
    ),
    "practices/well-being/check-in/": (
        IDEMPOTENT,
        "today's own check-in (update_or_create by author and day); the partner's reply stays",
    ),
    "practices/affection/today/": (
        IDEMPOTENT,
        "today's own private row (update_or_create by user and day), set whole from the boxes",
    ),
    "journal/notes/<int:pk>/edit/": (
        IDEMPOTENT,
        "only its author edits it (for 15 minutes), setting it whole: no one else's words in it",
    ),
    "journal/notes/<int:pk>/delete/": (
        IDEMPOTENT,
        "only its author deletes it; deleting it again finds nothing (a 404)",
    ),
    "account/settings/": (IDEMPOTENT, "one's own profile, set whole: nobody else writes it"),
    "account/partner/leave/": (
        IDEMPOTENT,
        "ending an ended link changes nothing: the first end (who, when) stands",
    ),
    "account/invite/": (
        IDEMPOTENT,
        "the inviter's own: a press replaces her open invite; one stays open, the one shown",
    ),
    "account/invite/revoke/": (IDEMPOTENT, "revokes the open invite; again, nothing is open"),
    "account/calendar/new-address/": (
        IDEMPOTENT,
        "a fresh secret feed address either way: the one the old tab showed stops working",
    ),
    "account/delete/": (
        IDEMPOTENT,
        "the account is gone already: the old tab is signed out and nothing else changes",
    ),
    "unsubscribe/<str:token>/": (IDEMPOTENT, "turns one reminder off; again, it stays off"),
    "account/notifications/": (
        IDEMPOTENT,
        "one's own notification settings, set whole: nobody else writes them",
    ),
    "account/notifications/devices/": (
        IDEMPOTENT,
        "this browser's own push address, set whole (update_or_create by address)",
    ),
    "account/notifications/devices/remove/": (
        IDEMPOTENT,
        "removes one's own device; again, it is gone (and says so)",
    ),
    "for-you/<int:pk>/dismiss/": (
        IDEMPOTENT,
        "takes one's own item off one's own list; again, it is off already",
    ),
    "accounts/email/": (
        IDEMPOTENT,
        "allauth: each action names an address; a stale one finds it gone and does nothing",
    ),
    "journal/notes/<int:pk>/react/": (
        IDEMPOTENT,
        "each button sends the state it asks for (add or remove), never 'flip'",
    ),
    "journal/notes/<int:pk>/star/": (IDEMPOTENT, "Keep sends keep=yes or no, like a reaction"),
    "account/partner/": (
        REFUSED,
        "carries what the page showed: only changed fields are saved, and a field the partner "
        "changed meanwhile is a 409",
    ),
}

CREATES = "adds a new row only; edits none"
ALLAUTH_SESSION = "allauth: signs in, out or again for this session; edits no journal row"
ADMIN = (
    "the admin: the operator's, staff only (Alice is not, so each is a redirect here); no "
    "couple data is registered in it (see tests/routes.py)"
)
OTHER_POSTS: dict[str, str] = {
    "journal/notes/new/": CREATES,
    "plans/new/": CREATES,
    "plans/ideas/": CREATES,
    "practices/empathy/reflect-back/": CREATES,
    "today/own/": CREATES,
    "journal/import/": "adds a new couple of the importer's, only while they are in no active "
    "one; edits no existing row",
    "journal/notes/<int:pk>/photos/": "adds a photo (a few per item at most, counted under "
    "the couple's lock, as is the quota)",
    "plans/<int:pk>/photos/": "adds a photo, as above",
    "today/<str:day>/photos/": "adds a photo to the viewer's own answer, as above",
    "photos/<str:key>/describe/": "only the person who added the photo describes it: nobody "
    "else's words can be overwritten, and their last save is what they meant",
    "photos/<str:key>/delete/": "deletes the viewer's own photo; asked again, it finds nothing "
    "(404), and nothing else changes",
    "signs/": "adds a new sign (a few a day at most, counted under the couple's lock)",
    "accounts/signup/": CREATES,
    "invite/code/": "a lookup: redirects to the code's invite; wrong guesses count in the cache",
    "accounts/password/reset/": "allauth: sends a reset link; changes no row",
    "accounts/login/": ALLAUTH_SESSION,
    "accounts/logout/": ALLAUTH_SESSION,
    "accounts/reauthenticate/": ALLAUTH_SESSION,
    "accounts/reauthenticate/code/": ALLAUTH_SESSION,
    "accounts/reauthenticate/code/confirm/": ALLAUTH_SESSION,
    "accounts/login/code/confirm/": ALLAUTH_SESSION,
    "accounts/2fa/authenticate/": ALLAUTH_SESSION,
    "accounts/2fa/reauthenticate/": ALLAUTH_SESSION,
    "accounts/2fa/webauthn/reauthenticate/": ALLAUTH_SESSION,
    "accounts/2fa/webauthn/login/": ALLAUTH_SESSION,
    "accounts/2fa/totp/activate/": "allauth: adds an authenticator app (a new row)",
    "accounts/2fa/webauthn/add/": "allauth: adds a security key (a new row)",
    "accounts/2fa/totp/deactivate/": "allauth: removes one's own authenticator app; again, "
    "there is none to remove",
    "accounts/2fa/recovery-codes/generate/": "allauth: fresh codes replace one's own old ones; "
    "the ones an old tab showed stop working either way",
    "accounts/2fa/recovery-codes/download/": "allauth: downloads one's codes; changes nothing",
    "accounts/2fa/webauthn/keys/<int:pk>/remove/": "allauth: removes one's own key; again, it "
    "is gone",
    "accounts/2fa/webauthn/keys/<int:pk>/edit/": "allauth: renames one's own key; nobody "
    "else writes it",
    "accounts/sessions/": "allauth: signs one's other sessions out; again, there are none",
    "accounts/password/set/": "allauth: only while the account has no password; once one is "
    "set it sends you to the change form, which asks for the current one",
    "accounts/password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": "allauth: the key "
    "is made from the password hash, so it works once: a stale tab's key is refused",
    r"accounts/confirm-email/(?P<key>[-:\w]+)/$": "allauth: confirming a confirmed address "
    "again changes nothing",
    **dict.fromkeys(
        [
            "admin/",
            "admin/login/",
            "admin/logout/",
            "admin/password_change/",
            "admin/password_change/done/",
            "admin/autocomplete/",
            "admin/jsi18n/",
            "admin/r/<path:content_type_id>/<path:object_id>/",
            *(
                f"admin/{model}/{page}"
                for model in (
                    "auth/group",
                    "account/emailaddress",
                    "mfa/authenticator",
                    "usersessions/usersession",
                    "django_tasks_database/dbtaskresult",
                    "accounts/outgoingemail",
                    "accounts/outgoingpush",
                    "accounts/user",
                )
                for page in (
                    "",
                    "add/",
                    "<path:object_id>/history/",
                    "<path:object_id>/delete/",
                    "<path:object_id>/change/",
                    "<path:object_id>/",
                )
            ),
            "admin/accounts/user/<id>/password/",
            ADMIN_APPS,
            "admin/(?P<url>.*)$",
        ],
        ADMIN,
    ),
}


# The list is the site's ----------------------------------------------------------------


def test_the_lists_do_not_overlap():
    assert not EDITS.keys() & OTHER_POSTS.keys()


def test_every_post_route_is_listed(couple, alice, bob, sam, client_for):
    """POST to every route as Alice, linked and just reauthenticated (so that no wrapper
    turns her away before the view's own method check), each in a savepoint rolled back: a
    route that does not answer 405 takes a POST, and must be listed here with why it is safe.
    (The admin's, where she is not staff, redirect whatever the method: they are listed.)"""
    owned = build_owned(couple=couple, alice=alice, bob=bob, inviter=sam)
    taking_post = set()
    for route in walk_routes():
        values = fillings(route, owned, alice)
        assert values is not None, f"{route.route}: map it in tests/routes.py"
        for each in caches.all():  # allauth's rate limits on reauthenticating
            each.clear()
        with transaction.atomic():
            client = client_for(alice)
            client.post("/accounts/reauthenticate/", {"password": PASSWORD})
            response = client.post(route.path(values[0]), {})
            transaction.set_rollback(True)
        if response.status_code != 405:
            taking_post.add(route.route)
    listed = EDITS.keys() | OTHER_POSTS.keys()
    assert sorted(taking_post - listed) == [], "new POST routes: list them in EDITS or OTHER_POSTS"
    assert sorted(listed - taking_post) == [], "listed, but no such POST route (any more)"


# Each edit's test registers itself here.
TWO_TABS: dict[str, list[str]] = {}


def two_tabs(route: str) -> Callable:
    assert route in EDITS, route

    def register(test: Callable) -> Callable:
        TWO_TABS.setdefault(route, []).append(test.__name__)
        return test

    return register


def test_every_edit_has_a_two_tab_test():
    # Collected after the module is imported: every decorator below has run.
    assert sorted(EDITS.keys() - TWO_TABS.keys()) == []


# Forms as a page has them ---------------------------------------------------------------


@dataclass
class Button:
    name: str
    value: str
    formaction: str
    label: str = ""


@dataclass
class PageForm:
    """A form of a page as a browser would send it untouched: hidden and filled-in fields,
    checked boxes, selected options, and its submit buttons."""

    action: str
    fields: dict[str, str] = field(default_factory=dict)
    buttons: list[Button] = field(default_factory=list)

    def button(self, label: str) -> Button:
        found = [b for b in self.buttons if " ".join(b.label.split()) == label]
        assert len(found) == 1, f"no one button {label!r} in {[b.label for b in self.buttons]}"
        return found[0]


class FormsParser(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.forms: list[PageForm] = []
        self.form: PageForm | None = None
        self.textarea: str | None = None
        self.select: str | None = None
        self.pressed: Button | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.form = PageForm(action=attr.get("action") or self.page)
            self.forms.append(self.form)
        if self.form is None:
            return
        name = attr.get("name", "")
        kind = attr.get("type", "submit" if tag == "button" else "text").lower()
        if (tag == "button" and kind == "submit") or (tag == "input" and kind == "submit"):
            self.pressed = Button(name, attr.get("value", ""), attr.get("formaction", ""))
            self.pressed.label = attr.get("value", "") if tag == "input" else ""
            self.form.buttons.append(self.pressed)
        elif tag == "input" and name and kind in ("checkbox", "radio"):
            if "checked" in attr:
                self.form.fields[name] = attr.get("value", "on")
        elif tag == "input" and name and kind not in ("button", "file", "image", "reset"):
            self.form.fields[name] = attr.get("value", "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.form.fields[name] = ""
        elif tag == "select" and name:
            self.select = name
        elif (
            tag == "option"
            and self.select
            and ("selected" in attr or self.select not in self.form.fields)
        ):
            self.form.fields[self.select] = attr.get("value", "")

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.form.fields[self.textarea] += data
        if self.pressed:
            self.pressed.label += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.form = None
        elif tag == "textarea" and self.textarea:
            # A browser drops the newline that opens a textarea.
            self.form.fields[self.textarea] = self.form.fields[self.textarea].removeprefix("\n")
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "button":
            self.pressed = None


def form_on(response: HttpResponse, action: str) -> PageForm:
    """The one form on the page that posts to `action`."""
    assert response.status_code in (200, 409), response.status_code
    parser = FormsParser(response.request["PATH_INFO"])
    parser.feed(response.content.decode())
    found = [form for form in parser.forms if form.action == action]
    assert len(found) == 1, f"{len(found)} forms post to {action}"
    return found[0]


def submit(client: Client, form: PageForm, press: str | None = None, **typed: str | None):
    """Send the form as the page had it, with what the person typed (None: unticked) and,
    if named, the button they pressed (its name, value and formaction)."""
    data = {**form.fields, **typed}
    url = form.action
    if press is not None:
        button = form.button(press)
        if button.name:
            data[button.name] = button.value
        url = button.formaction or url
    return client.post(url, {name: value for name, value in data.items() if value is not None})


# Couple.revision is the key of cached pages, not data: a refused answer may move it.
NOT_DATA = ALWAYS_SKIPPED | {"accounts.Couple.revision"}


@contextmanager
def nothing_changes() -> Iterator[None]:
    before = fingerprint(skip=NOT_DATA)
    yield
    assert fingerprint_changes(before, fingerprint(skip=NOT_DATA)) == []


def reauthenticated(client: Client) -> Client:
    """A client that has just confirmed its password (some pages ask for it)."""
    assert client.post("/accounts/reauthenticate/", {"password": PASSWORD}).status_code == 302
    return client


def action_step(slug: str) -> str:
    return f"/practices/{slug}/step/{len(PRACTICES_BY_SLUG[slug].steps) + 1}/"


def make_plan(couple: Couple, user: User, status: str = Plan.Status.PLANNED) -> Plan:
    return journal.create_plan(
        couple=couple,
        user=user,
        fields={"title": "Picnic", "status": status, "tech_free": True},
        when=When(day=dt.date(2031, 6, 14), time=None),
        tz=dt.UTC,
    )


@pytest.fixture
def plan(couple, alice) -> Plan:
    return make_plan(couple, alice)


# Refused: versioned, or written once ----------------------------------------------------


@two_tabs("plans/<int:pk>/edit/")
def test_a_stale_plan_edit_is_refused(plan, alice, bob, client_for):
    url = f"/plans/{plan.pk}/edit/"
    alice_client, bob_client = client_for(alice), client_for(bob)
    old_tab = form_on(alice_client.get(url), url)
    assert old_tab.fields["version"] == "1"
    assert (
        submit(bob_client, form_on(bob_client.get(url), url), title="Bob's idea").status_code == 302
    )
    with nothing_changes():
        response = submit(alice_client, old_tab, title="Alice's idea")
    assert response.status_code == 409
    assert "changed this plan while you were editing" in response.content.decode()
    assert Plan.objects.get(pk=plan.pk).title == "Bob's idea"


@two_tabs("plans/<int:pk>/status/")
@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_a_stale_status_button_is_refused_not_applied(plan, alice, bob, client_for, htmx):
    url = f"/plans/{plan.pk}/status/"
    alice_client, bob_client = client_for(alice, htmx=htmx), client_for(bob)
    old_tab = form_on(alice_client.get(f"/plans/{plan.pk}/"), url)
    bobs = form_on(bob_client.get(f"/plans/{plan.pk}/"), url)
    assert submit(bob_client, bobs, press="Mark done").status_code == 302
    with nothing_changes():
        response = submit(alice_client, old_tab, press="Mark cancelled")
    assert response.status_code == 409
    html = response.content.decode()
    assert "Bob changed this plan meanwhile: it is now Done. Nothing was overwritten." in html
    assert ">Done</strong>" in html
    assert ("<html" in html) is not htmx  # the partial, swapped in place (base.html swaps 409s)
    assert 'id="plan-status"' in html
    plan.refresh_from_db()
    assert (plan.status, plan.version, plan.updated_by) == ("done", 2, bob)
    # The buttons that came back are the plan's as it is now: pressing one again is knowing.
    fresh = form_on(response, url)
    assert fresh.fields["version"] == "2"
    assert submit(alice_client, fresh, press="Mark cancelled").status_code == (200 if htmx else 302)
    assert Plan.objects.get(pk=plan.pk).status == "cancelled"


def test_a_status_button_from_another_tab_of_ones_own_says_so(plan, alice, client_for):
    url = f"/plans/{plan.pk}/status/"
    alice_client = client_for(alice, htmx=True)
    old_tab = form_on(alice_client.get(f"/plans/{plan.pk}/"), url)
    assert submit(alice_client, old_tab, press="Mark done").status_code == 200
    response = submit(alice_client, old_tab, press="Mark idea")
    assert response.status_code == 409
    assert "You changed this plan in another tab meanwhile: it is now Done." in (
        response.content.decode()
    )
    assert Plan.objects.get(pk=plan.pk).status == "done"


def test_a_status_button_without_its_version_is_refused(plan, bob_client):
    with nothing_changes():
        response = bob_client.post(f"/plans/{plan.pk}/status/", {"status": "done"})
    assert response.status_code == 400
    assert "missing its version" in response.content.decode()


@two_tabs("plans/<int:pk>/reflect/")
def test_a_second_reflection_from_an_old_tab_is_refused(couple, alice, client_for):
    plan = make_plan(couple, alice, status=Plan.Status.DONE)
    url = f"/plans/{plan.pk}/reflect/"
    alice_client = client_for(alice)
    old_tab = form_on(alice_client.get(f"/plans/{plan.pk}/"), url)
    new_tab = form_on(alice_client.get(f"/plans/{plan.pk}/"), url)
    assert submit(alice_client, new_tab, enjoyed="The sunrise", rating="5").status_code == 302
    with nothing_changes():
        response = submit(alice_client, old_tab, enjoyed="The coffee", rating="3")
    assert response.status_code == 302
    follow = alice_client.get(response["Location"]).content.decode()
    assert "You already wrote your reflection on this plan." in follow
    assert Reflection.objects.get(plan=plan).enjoyed == "The sunrise"


def test_a_reflection_form_from_before_the_plan_was_reopened_is_refused(
    couple, alice, bob, client_for
):
    plan = make_plan(couple, alice, status=Plan.Status.DONE)
    url = f"/plans/{plan.pk}/reflect/"
    alice_client = client_for(alice)
    old_tab = form_on(alice_client.get(f"/plans/{plan.pk}/"), url)
    journal.set_plan_status(couple=couple, plan=plan, user=bob, version=1, status="planned")
    with nothing_changes():
        assert submit(alice_client, old_tab, enjoyed="Lovely", rating="5").status_code == 302
    assert not Reflection.objects.exists()


@two_tabs("today/")
@two_tabs("today/<str:day>/")
@pytest.mark.parametrize("dated", [False, True], ids=["today", "by-day"])
def test_a_stale_answer_cannot_change_one_both_have_read(couple, alice, bob, client_for, dated):
    url = f"/today/{timezone.localdate().isoformat()}/" if dated else "/today/"
    alice_client = client_for(alice)
    old_tab = form_on(alice_client.get(url), url)
    assert (
        submit(alice_client, form_on(alice_client.get(url), url), text="A walk").status_code == 302
    )
    assert client_for(bob).post(url, {"text": "Breakfast in bed"}).status_code == 302
    with nothing_changes():
        response = submit(alice_client, old_tab, text="Dancing")
    assert response.status_code == 409
    assert ANSWER_FIXED in response.content.decode()
    assert Answer.objects.get(author=alice).text == "A walk"


def test_before_both_answered_an_answer_is_its_authors_own_draft(couple, alice, client_for):
    # Only she can see it yet, and only she writes it: the last of her saves is the answer.
    alice_client = client_for(alice)
    old_tab = form_on(alice_client.get("/today/"), "/today/")
    assert submit(alice_client, form_on(alice_client.get("/today/"), "/today/"), text="A walk")
    assert submit(alice_client, old_tab, text="Dancing").status_code == 302
    assert Answer.objects.get(author=alice).text == "Dancing"


@two_tabs("today/<str:day>/reply/")
def test_a_second_reply_from_an_old_tab_is_refused_and_the_first_stands(
    couple, alice, bob, client_for
):
    today = timezone.localdate()
    daily.save_answer(couple=couple, user=alice, day=today, text="A walk")
    daily.save_answer(couple=couple, user=bob, day=today, text="Breakfast in bed")
    url = f"/today/{today.isoformat()}/reply/"
    bob_client = client_for(bob)
    old_tab = form_on(bob_client.get("/today/"), url)
    new_tab = form_on(bob_client.get("/today/"), url)
    sent = submit(bob_client, new_tab, **{"reply-text": "Yes, soon", "reply-reaction": "heart"})
    assert sent.status_code == 302
    with nothing_changes():
        response = submit(bob_client, old_tab, **{"reply-text": "Me too"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "You have replied to this answer already. This one was not sent: “Me too”." in page
    assert list(AnswerReply.objects.values_list("text", "reaction")) == [("Yes, soon", "heart")]


@two_tabs("today/skip/")
def test_a_second_skip_from_an_old_tab_keeps_the_question_the_first_gave(
    couple, alice, bob, client_for
):
    today = timezone.localdate()
    alice_client, bob_client = client_for(alice), client_for(bob)
    old_tab = form_on(alice_client.get("/today/"), "/today/skip/")
    first = daily.pin(couple, today)
    assert submit(bob_client, form_on(bob_client.get("/today/"), "/today/skip/")).status_code == 302
    given = daily.pin(couple, today)
    assert given != first
    with nothing_changes():
        response = submit(alice_client, old_tab)
    assert response.status_code == 302
    assert "set aside once already" in alice_client.get(response["Location"]).content.decode()
    assert daily.pin(couple, today) == given


@two_tabs("today/decks/")
def test_a_stale_decks_form_sets_the_decks_as_it_says(couple, alice, bob, client_for):
    alice_client, bob_client = client_for(alice), client_for(bob)
    old_tab = form_on(alice_client.get("/today/"), "/today/decks/")
    todays = daily.pin(couple, timezone.localdate())
    bobs = form_on(bob_client.get("/today/"), "/today/decks/")
    assert submit(bob_client, bobs, decks="fun").status_code == 302
    for _twice in range(2):
        assert submit(alice_client, old_tab, decks="memories").status_code == 302
        assert daily.chosen_decks(couple) == {"memories"}
    # Decks shape the days to come: the question both have seen today stays.
    assert daily.pin(couple, timezone.localdate()) == todays


FORTNIGHT = "/programs/appreciation-fortnight/"


@two_tabs("programs/<slug:slug>/start/")
def test_a_second_start_leaves_the_program_under_way(couple, alice, bob, client_for):
    alice_client, bob_client = client_for(alice), client_for(bob)
    old_tab = form_on(bob_client.get("/programs/hard-time/"), "/programs/hard-time/start/")
    alices = form_on(alice_client.get(FORTNIGHT), f"{FORTNIGHT}start/")
    assert submit(alice_client, alices).status_code == 302
    with nothing_changes():
        response = submit(bob_client, old_tab)
    assert response.status_code == 302
    assert "doing a program already" in bob_client.get(response["Location"]).content.decode()
    assert list(ProgramRun.objects.values_list("program", "started_by")) == [
        ("appreciation-fortnight", alice.pk)
    ]


@two_tabs("programs/<slug:slug>/pause/")
@two_tabs("programs/<slug:slug>/resume/")
@two_tabs("programs/<slug:slug>/stop/")
@pytest.mark.parametrize("change", ["pause", "resume", "stop"])
def test_a_stale_program_button_changes_it_once(couple, alice, bob, client_for, change):
    url = f"{FORTNIGHT}{change}/"
    run = guided.start(couple=couple, user=alice, program=PROGRAMS[1])
    assert run.program == "appreciation-fortnight"
    if change == "resume":
        guided.pause(couple=couple, run=run)
    alice_client, bob_client = client_for(alice), client_for(bob)
    old_tab = form_on(alice_client.get(FORTNIGHT), url)
    assert submit(bob_client, form_on(bob_client.get(FORTNIGHT), url)).status_code == 302
    with nothing_changes():
        assert submit(alice_client, old_tab).status_code == 302
    if change == "stop":
        # Nor does it stop the program they started next.
        guided.start(couple=couple, user=bob, program=PROGRAMS[2])
        with nothing_changes():
            assert submit(alice_client, old_tab).status_code == 302


@two_tabs("programs/<slug:slug>/day/<int:number>/done/")
def test_a_day_marked_from_two_tabs_is_marked_once(couple, alice, client_for):
    guided.start(couple=couple, user=alice, program=PROGRAMS[1])
    url = f"{FORTNIGHT}day/1/done/"
    alice_client = client_for(alice)
    old_tab = form_on(alice_client.get(FORTNIGHT), url)
    assert submit(alice_client, form_on(alice_client.get(FORTNIGHT), url)).status_code == 302
    with nothing_changes():
        response = submit(alice_client, old_tab)
    assert response.status_code == 302
    assert "You marked day 1 done already." in alice_client.get(FORTNIGHT).content.decode()
    assert ProgramStep.objects.get().day == 1


@two_tabs("practices/empathy/reflect-back/<int:pk>/reply/")
def test_a_second_answer_to_a_reflect_back_is_refused(couple, alice, bob, client_for):
    exchange = exercises.reflect_back(couple=couple, listener=alice, speaker=bob, heard="Tired")
    url = f"/practices/empathy/reflect-back/{exchange.pk}/reply/"
    bob_client = client_for(bob)
    old_tab = form_on(bob_client.get(action_step("empathy")), url)
    new_tab = form_on(bob_client.get(action_step("empathy")), url)
    assert submit(bob_client, new_tab, reply="yes").status_code == 302
    response = submit(bob_client, old_tab, reply="added", addition="And scared")
    assert "You already answered this one." in bob_client.get(response["Location"]).content.decode()
    exchange.refresh_from_db()
    assert (exchange.reply, exchange.addition) == ("yes", "")


@two_tabs("practices/well-being/check-in/<int:pk>/reply/")
def test_a_second_check_in_reply_is_refused_and_the_first_stands(couple, alice, bob, client_for):
    check = exercises.check_in(couple=couple, user=alice, mood=2, need="A quiet evening")
    url = f"/practices/well-being/check-in/{check.pk}/reply/"
    bob_client = client_for(bob)
    old_tab = form_on(bob_client.get("/"), url)  # the dashboard's card
    new_tab = form_on(bob_client.get(action_step("well-being")), url)
    assert submit(bob_client, new_tab, reply="I will cook tonight").status_code == 302
    first = CheckIn.objects.values_list("reply", "replied_at").get()
    with nothing_changes():
        response = submit(bob_client, old_tab, reply="Takeaway then")
    assert response.status_code == 409
    html = response.content.decode()
    assert "You already replied: “I will cook tonight”." in html
    assert "This one was not sent: “Takeaway then”." in html  # what he typed is not lost
    assert 'id="practice-step"' in html
    assert CheckIn.objects.values_list("reply", "replied_at").get() == first


def test_a_check_in_reply_racing_another_does_not_replace_it(
    couple, alice, bob, bob_client, monkeypatch
):
    """Both requests read the check-in before either wrote: the database has the last word."""
    check = exercises.check_in(couple=couple, user=alice, mood=2, need="")
    reply = exercises.reply_to_check_in

    def raced(**kwargs) -> bool:
        assert reply(couple=couple, check=kwargs["check"], user=bob, reply="From the other tab")
        return reply(**kwargs)

    monkeypatch.setattr(exercises, "reply_to_check_in", raced)
    response = bob_client.post(
        f"/practices/well-being/check-in/{check.pk}/reply/", {"reply": "From this tab"}
    )
    assert response.status_code == 409
    assert "You already replied: “From the other tab”." in response.content.decode()
    assert CheckIn.objects.get().reply == "From the other tab"


def test_reply_to_check_in_writes_once_whatever_the_caller_read(couple, alice, bob):
    check = exercises.check_in(couple=couple, user=alice, mood=2, need="")
    read_before = CheckIn.objects.get(pk=check.pk)
    assert exercises.reply_to_check_in(couple=couple, check=check, user=bob, reply="First")
    assert not exercises.reply_to_check_in(
        couple=couple, check=read_before, user=bob, reply="Second"
    )
    # Nor can the author reply to her own, whatever a view let through.
    assert not exercises.reply_to_check_in(
        couple=couple,
        check=exercises.check_in(couple=couple, user=bob, mood=3, need=""),
        user=bob,
        reply="Me",
    )
    assert CheckIn.objects.get(pk=check.pk).reply == "First"


@two_tabs("invite/<slug:token>/")
def test_a_stale_decision_on_a_used_invite_is_refused(sam, make_user, client_for):
    invite = linking.create_invite(inviter=make_user("Ivy"))
    url = f"/invite/{invite.token}/"
    sam_client = client_for(sam)
    old_tab = form_on(sam_client.get(url), url)
    new_tab = form_on(sam_client.get(url), url)
    assert submit(sam_client, new_tab, press="Accept and link with Ivy").status_code == 302
    with nothing_changes():
        response = submit(sam_client, old_tab, press="Decline")
    assert response.status_code == 410
    invite.refresh_from_db()
    assert (invite.accepted_by, invite.declined_at) == (sam, None)


NEW_PASSWORD = "a brand new horse battery staple"


@two_tabs("accounts/password/change/")
def test_a_stale_password_change_is_refused(alice, client_for):
    url = "/accounts/password/change/"
    alice_client = client_for(alice)
    old_tab = form_on(alice_client.get(url), url)
    typed = {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    assert submit(alice_client, form_on(alice_client.get(url), url), **typed).status_code == 302
    other = "another horse battery staple"
    with nothing_changes():
        submit(alice_client, old_tab, oldpassword=PASSWORD, password1=other, password2=other)
    assert User.objects.get(pk=alice.pk).check_password(NEW_PASSWORD)


# Idempotent: the end state of a single submit ------------------------------------------


@two_tabs("practices/well-being/check-in/")
def test_a_stale_check_in_updates_todays_and_keeps_the_partners_reply(
    couple, alice, bob, client_for
):
    exercises.check_in(couple=couple, user=alice, mood=2, need="A quiet evening")
    url = "/practices/well-being/check-in/"
    alice_client = client_for(alice)
    old_tab = form_on(alice_client.get(action_step("well-being")), url)
    exercises.reply_to_check_in(
        couple=couple, check=CheckIn.objects.get(), user=bob, reply="I will cook tonight"
    )
    new_tab = form_on(alice_client.get(action_step("well-being")), url)
    assert submit(alice_client, new_tab, mood="4", need="A walk").status_code == 302
    assert submit(alice_client, old_tab, mood="3").status_code == 302
    # One check-in today, as the old tab's form set it; Bob's words are untouched.
    assert list(CheckIn.objects.values_list("mood", "need", "reply")) == [
        (3, "A quiet evening", "I will cook tonight")
    ]


@two_tabs("practices/affection/today/")
def test_a_stale_affection_tick_sets_todays_row_as_its_form_says(couple, alice, client_for):
    url = "/practices/affection/today/"
    alice_client = client_for(alice)
    old_tab = form_on(alice_client.get(action_step("affection")), url)
    new_tab = form_on(alice_client.get(action_step("affection")), url)
    assert submit(alice_client, new_tab, hug="on").status_code == 302
    for _twice in range(2):
        assert submit(alice_client, old_tab, kiss="on").status_code == 302
        tick = AffectionDay.objects.get()
        assert (tick.hug, tick.kiss, tick.day) == (False, True, timezone.localdate())


@two_tabs("journal/notes/<int:pk>/edit/")
def test_a_stale_note_edit_is_its_authors_own_last_word(couple, alice, bob, client_for):
    note = journal.write_note(couple=couple, author=alice, recipient=bob, text="Hi", category="")
    url = f"/journal/notes/{note.pk}/edit/"
    alice_client = client_for(alice)
    old_tab = form_on(alice_client.get(url), url)
    assert (
        submit(alice_client, form_on(alice_client.get(url), url), text="Second").status_code == 302
    )
    assert submit(alice_client, old_tab, text="First thoughts").status_code == 302
    assert Note.objects.get().text == "First thoughts"
    # Nobody else can have written in it meanwhile.
    assert client_for(bob).post(url, {"text": "Bob's words"}).status_code == 403


@two_tabs("journal/notes/<int:pk>/delete/")
def test_a_stale_note_delete_finds_nothing_more_to_delete(couple, alice, bob, client_for):
    note = journal.write_note(couple=couple, author=alice, recipient=bob, text="Hi", category="")
    url = f"/journal/notes/{note.pk}/delete/"
    alice_client = client_for(alice)
    old_tab = form_on(alice_client.get(url), url)
    assert submit(alice_client, form_on(alice_client.get(url), url)).status_code == 302
    with nothing_changes():
        assert submit(alice_client, old_tab).status_code == 404
    assert not Note.objects.exists()


@two_tabs("account/settings/")
def test_a_stale_profile_save_is_ones_own_last_word(alice, client_for):
    url = "/account/settings/"
    alice_client = client_for(alice)
    old_tab = form_on(alice_client.get(url), url)
    assert submit(alice_client, form_on(alice_client.get(url), url), display_name="Ali")
    assert submit(alice_client, old_tab, display_name="Alice B").status_code == 302
    assert User.objects.get(pk=alice.pk).display_name == "Alice B"


@two_tabs("account/partner/leave/")
def test_leaving_from_a_stale_tab_after_the_partner_left_changes_nothing(
    couple, alice, bob, client_for
):
    url = "/account/partner/leave/"
    alice_client, bob_client = reauthenticated(client_for(alice)), reauthenticated(client_for(bob))
    old_tab = form_on(alice_client.get(url), url)
    assert submit(bob_client, form_on(bob_client.get(url), url), confirm="on").status_code == 302
    ended = Couple.objects.values_list("ended_by", "ended_at").get(pk=couple.pk)
    with nothing_changes():
        assert submit(alice_client, old_tab, confirm="on").status_code == 302
    assert Couple.objects.values_list("ended_by", "ended_at").get(pk=couple.pk) == ended
    assert ended[0] == bob.pk


@two_tabs("account/invite/")
def test_a_stale_invite_press_leaves_one_open_invite_the_one_shown(sam, client_for):
    sam_client = client_for(sam)
    old_tab = form_on(sam_client.get("/account/partner/"), "/account/invite/")
    new_tab = form_on(sam_client.get("/account/partner/"), "/account/invite/")
    assert submit(sam_client, new_tab).status_code == 302
    assert submit(sam_client, old_tab).status_code == 302
    (open_invite,) = Invite.objects.filter(inviter=sam).open()
    assert open_invite.readable_code in sam_client.get("/account/partner/").content.decode()


@two_tabs("account/invite/revoke/")
def test_a_stale_revoke_changes_nothing_more(sam, client_for):
    linking.create_invite(inviter=sam)
    url = "/account/invite/revoke/"
    sam_client = client_for(sam)
    old_tab = form_on(sam_client.get("/account/partner/"), url)
    assert submit(sam_client, form_on(sam_client.get("/account/partner/"), url)).status_code == 302
    with nothing_changes():
        assert submit(sam_client, old_tab).status_code == 302
    assert not Invite.objects.filter(inviter=sam).open().exists()


@two_tabs("account/calendar/new-address/")
def test_a_stale_new_calendar_address_still_retires_the_one_shown(couple, alice, bob, client_for):
    url = "/account/calendar/new-address/"
    alice_client, bob_client = client_for(alice), client_for(bob)
    shown = linking.new_calendar_address(couple=couple)  # what Alice's old tab was told
    old_tab = form_on(alice_client.get("/account/settings/"), url)
    assert submit(bob_client, form_on(bob_client.get("/account/settings/"), url)).status_code == 302
    assert submit(alice_client, old_tab).status_code == 302
    page = alice_client.get("/account/settings/").content.decode()
    (now,) = re.findall(r"/calendar/([\w-]+)\.ics", page)  # shown to her this once
    assert alice_client.get(f"/calendar/{shown}.ics").status_code == 404
    assert alice_client.get(f"/calendar/{now}.ics").status_code == 200


@two_tabs("account/delete/")
def test_deleting_from_a_stale_tab_after_the_account_went_changes_nothing(
    couple, alice, client_for
):
    alice_client = reauthenticated(client_for(alice))
    old_tab = form_on(alice_client.get("/account/delete/"), "/account/delete/")
    new_tab = form_on(alice_client.get("/account/delete/"), "/account/delete/")
    assert submit(alice_client, new_tab, confirm="on").status_code == 302
    assert not User.objects.filter(pk=alice.pk).exists()
    with nothing_changes():
        response = submit(alice_client, old_tab, confirm="on")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@two_tabs("unsubscribe/<str:token>/")
def test_unsubscribing_twice_is_unsubscribing_once(alice):
    url = f"/unsubscribe/{make_token(alice, 'plans')}/"
    mail_client = Client()  # a mail client: no session
    old_tab = form_on(mail_client.get(url), url)
    assert submit(mail_client, form_on(mail_client.get(url), url)).status_code == 200
    with nothing_changes():
        assert submit(mail_client, old_tab).status_code == 200
    assert User.objects.get(pk=alice.pk).remind_plans is False


@two_tabs("accounts/email/")
def test_a_stale_email_change_asks_to_confirm_the_address_it_names(alice, client_for):
    url = "/accounts/email/"
    alice_client = reauthenticated(client_for(alice))
    old_tab = form_on(alice_client.get(url), url)
    new_tab = form_on(alice_client.get(url), url)
    assert (
        submit(
            alice_client, new_tab, press="Change my address", email="alice@home.example"
        ).status_code
        == 302
    )
    assert (
        submit(
            alice_client, old_tab, press="Change my address", email="alice@work.example"
        ).status_code
        == 302
    )
    # Her address stays until she confirms one; the one waiting is the old tab's, as alone.
    assert User.objects.get(pk=alice.pk).email == "alice@example.com"
    rows = EmailAddress.objects.filter(user=alice).order_by("-primary", "email")
    assert list(rows.values_list("email", "primary", "verified")) == [
        ("alice@example.com", True, True),
        ("alice@work.example", False, False),
    ]


# Gaps: known overwrites, stated as they should be -----------------------------------------


@pytest.fixture
def note_to_bob(couple, alice, bob) -> Note:
    return journal.write_note(couple=couple, author=alice, recipient=bob, text="Hi", category="")


@two_tabs("journal/notes/<int:pk>/react/")
def test_a_stale_reaction_click_does_not_undo_the_same_click(note_to_bob, bob, client_for):
    url = f"/journal/notes/{note_to_bob.pk}/react/"
    bob_client = client_for(bob)
    old_tab = form_on(bob_client.get("/journal/"), url)
    assert submit(bob_client, form_on(bob_client.get("/journal/"), url), press="Heart")
    # The old tab showed the heart off: its click asks for it on, as a single click would.
    submit(bob_client, old_tab, press="Heart")
    assert Reaction.objects.filter(note=note_to_bob, user=bob, kind="heart").exists()


@two_tabs("journal/notes/<int:pk>/star/")
def test_a_stale_keep_click_does_not_undo_the_same_click(note_to_bob, bob, client_for):
    url = f"/journal/notes/{note_to_bob.pk}/react/"  # the note's form; Keep has a formaction
    bob_client = client_for(bob)
    old_tab = form_on(bob_client.get("/journal/"), url)
    assert submit(bob_client, form_on(bob_client.get("/journal/"), url), press="☆ Keep")
    submit(bob_client, old_tab, press="☆ Keep")
    assert Star.objects.filter(note=note_to_bob, user=bob).exists()


@two_tabs("account/partner/")
def test_a_stale_couple_settings_save_does_not_erase_the_partners_change(
    couple, alice, bob, client_for
):
    url = "/account/partner/"
    alice_client, bob_client = client_for(alice), client_for(bob)
    old_tab = form_on(alice_client.get(url), url)
    assert submit(bob_client, form_on(bob_client.get(url), url), name="The Rivers")
    # Alice only set the anniversary; her form still had the old (empty) name in it.
    submit(alice_client, old_tab, anniversary="2019-06-14")
    assert Couple.objects.get(pk=couple.pk).name == "The Rivers"  # or she was told (a 409)


@two_tabs("account/notifications/")
def test_a_stale_notification_settings_save_is_ones_own_last_word(alice, client_for):
    url = "/account/notifications/"
    alice_client = client_for(alice)
    old_tab = form_on(alice_client.get(url), url)
    fresh = form_on(alice_client.get(url), url)
    assert submit(alice_client, fresh, quiet_start="21:00").status_code == 302
    assert submit(alice_client, old_tab, quiet_start="23:30").status_code == 302
    assert NotificationSettings.objects.get(user=alice).quiet_start == dt.time(23, 30)


FIREFOX_ADDRESS = "https://updates.push.services.mozilla.com/wpush/v2/gAAAAAB-tab"
A_DEVICE = {"endpoint": FIREFOX_ADDRESS, "p256dh": "B" + "x" * 86, "auth": "y" * 22}


@two_tabs("account/notifications/devices/")
def test_turning_push_on_from_two_tabs_keeps_one_device(alice, client_for):
    alice_client = client_for(alice)
    for _tab in range(2):
        response = alice_client.post("/account/notifications/devices/", A_DEVICE)
        assert response.status_code == 201
    assert alice.push_subscriptions.count() == 1


@two_tabs("account/notifications/devices/remove/")
def test_removing_a_device_from_a_stale_tab_changes_nothing(alice, client_for):
    alice_client = client_for(alice)
    alice_client.post("/account/notifications/devices/", A_DEVICE)
    url = "/account/notifications/devices/remove/"
    old_tab = form_on(alice_client.get("/account/notifications/"), url)
    submit(alice_client, form_on(alice_client.get("/account/notifications/"), url))
    assert not alice.push_subscriptions.exists()
    with nothing_changes():
        response = submit(alice_client, old_tab)
    assert response.status_code == 302
    assert "removed already" in alice_client.get(response["Location"]).content.decode()


@two_tabs("for-you/<int:pk>/dismiss/")
def test_dismissing_from_a_stale_tab_changes_nothing(note_to_bob, bob, client_for):
    (item,) = Notification.objects.filter(recipient=bob)
    url = f"/for-you/{item.pk}/dismiss/"
    bob_client = client_for(bob)
    old_tab = form_on(bob_client.get("/"), url)
    assert submit(bob_client, form_on(bob_client.get("/"), url)).status_code == 302
    item.refresh_from_db()
    assert item.done_at is not None
    with nothing_changes():
        assert submit(bob_client, old_tab).status_code == 302
