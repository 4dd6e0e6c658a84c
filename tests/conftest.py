from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from allauth.account.internal.flows.login import (
    AUTHENTICATION_METHODS_SESSION_KEY as AUTHENTICATION_RECORDS,
)
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core import mail
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from accounts import linking
from accounts.models import Couple, User
from practices import journal
from practices.journal import When
from practices.management.commands import worker as worker_command
from practices.models import Plan
from tests import outbox

# Playwright's sync API runs an event loop in this thread; Django would refuse ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings) -> None:
    # Healthchecks does the same "for speed": the real hasher would take most of the run.
    # Autouse fixtures are set up before the others, so make_user already hashes with it;
    # the live server of the browser tests runs in this process and reads the same settings.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_mail_inside_requests(settings) -> Iterator[None]:
    """Every test also proves that no request sent an email itself (tests.outbox)."""
    settings.EMAIL_BACKEND = "tests.outbox.OutsideRequestsBackend"
    outbox.sent_inside_requests.clear()
    yield
    assert not outbox.sent_inside_requests, outbox.sent_inside_requests


@pytest.fixture
def run_worker(db, monkeypatch) -> Callable[[], None]:
    """Run what the background worker would now: every queued task that is due (emails
    then land in django.core.mail.outbox)."""
    # A worker drops database connections it finds in a transaction, as a stale one would
    # be; here the transaction is the test's own, rolled back at its end.
    for module in (db_worker, worker_command):
        monkeypatch.setattr(module, "close_old_connections", lambda: None)
    return partial(call_command, "worker", "--burst", "--no-schedule", "--interval=0")


@pytest.fixture
def mailbox(run_worker) -> Callable[[], list]:
    """A callable: the emails delivered once the worker has run every due task."""

    def delivered() -> list:
        run_worker()
        return mail.outbox

    return delivered


@pytest.fixture(autouse=True)
def photo_folder(settings, tmp_path_factory) -> Path:
    """Where this test's photos are stored: a folder of its own, never the project's media/.
    The hashed manifest of static files exists only after collectstatic: tests serve them
    from static/."""
    folder = tmp_path_factory.mktemp("photos")
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "photos": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": folder, "base_url": None},
        },
    }
    return folder


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    # allauth's rate limits live in the cache; one test's attempts must not block the next.
    # Rendered fragments too: a rolled-back test's couple id and revision come back.
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture
def make_user(db) -> Callable[..., User]:
    def make(name: str, *, email: str | None = None, verified: bool = True, **fields) -> User:
        email = email or f"{name.lower()}@example.com"
        user = User.objects.create_user(email, PASSWORD, display_name=name, **fields)
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
        return user

    return make


@pytest.fixture
def sam(make_user) -> User:
    """Signed up, verified, not linked to anyone."""
    return make_user("Sam")


def at_once(*calls: Callable[[], object], timeout: float = 60) -> list[object]:
    """Run the calls in threads released at the same moment, each on a database connection
    of its own (a test that uses this needs `transaction=True`); what each returned, or the
    exception it raised, in their order."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # the caller looks at what each one did
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results


def couple_of(user: User) -> Couple | None:
    """The user's couple as the database has it now (`user` may be an older copy)."""
    return User.objects.select_related("current_couple").get(pk=user.pk).current_couple


def link(first: User, second: User) -> Couple:
    return linking.join(inviter=first, invitee=second, at=timezone.now())


def a_plan(couple: Couple, user: User, **fields) -> Plan:
    """A plan for tomorrow, made through the service the views use."""
    values = {"title": "Lake walk", "status": "planned", "place": "", "description": ""}
    return journal.create_plan(
        couple=couple,
        user=user,
        fields={**values, **fields},
        when=When(day=timezone.localdate() + dt.timedelta(days=1), time=None),
        tz=dt.UTC,
    )


@pytest.fixture
def alice(make_user) -> User:
    return make_user("Alice")


@pytest.fixture
def bob(make_user) -> User:
    return make_user("Bob")


@pytest.fixture
def couple(alice, bob) -> Couple:
    """Alice and Bob, linked."""
    return link(alice, bob)


@pytest.fixture
def stella(make_user) -> User:
    """Stella runs the server: staff and superuser."""
    return make_user("Stella", is_staff=True, is_superuser=True)


# A fixed base32 secret, so that a test can compute the app's codes itself.
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def current_code(secret: str = SECRET) -> str:
    """The authenticator app's code now, with allauth's own HOTP (the browser test computes
    it from RFC 6238 independently). Waits out the last seconds of a 30-second step, so that
    the code is still the current one when the server checks it."""
    if time.time() % 30 > 27:
        time.sleep(30 - time.time() % 30 + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def with_totp(user: User) -> list[str]:
    """Turn on the authenticator app for `user`; returns their recovery codes."""
    TOTP.activate(user, SECRET)
    return RecoveryCodes.activate(user).generate_codes()


@pytest.fixture
def charlie(make_user) -> User:
    """Charlie is in another couple (with Dana): he must never see Alice and Bob's things."""
    charlie = make_user("Charlie")
    link(charlie, make_user("Dana"))
    return charlie


# Signed-in clients ------------------------------------------------------------

# What htmx sends with every request it makes.
HTMX_HEADERS = {"HX-Request": "true"}


@pytest.fixture
def client_for(db) -> Callable[..., Client]:
    """A factory: a test client signed in as `user` (None: nobody); with `htmx=True` every
    request it sends is an htmx request."""

    def make(user: User | None, *, htmx: bool = False, enforce_csrf_checks: bool = False) -> Client:
        client = Client(
            enforce_csrf_checks=enforce_csrf_checks, headers=HTMX_HEADERS if htmx else None
        )
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def alice_client(client_for, alice) -> Client:
    return client_for(alice)


@pytest.fixture
def bob_client(client_for, bob) -> Client:
    return client_for(bob)


@pytest.fixture
def charlie_client(client_for, charlie) -> Client:
    return client_for(charlie)


@pytest.fixture
def sam_client(client_for, sam) -> Client:
    return client_for(sam)


@pytest.fixture
def staff_client(stella) -> Client:
    """Stella in the admin: signed in with her password and a code, as bond.admin asks."""
    with_totp(stella)
    client = Client()
    client.post("/accounts/login/", {"login": stella.email, "password": PASSWORD})
    response = client.post("/accounts/2fa/authenticate/", {"code": current_code()})
    assert response.status_code == 302, response.content.decode()
    return client


@pytest.fixture
def htmx_client(client_for, alice) -> Client:
    """Alice, with every request sent as htmx sends it."""
    return client_for(alice, htmx=True)


@pytest.fixture
def reauthenticated(client_for) -> Callable[..., Client]:
    """A factory: signed in as `user`, with the password just entered again, as exporting,
    leaving, deleting and changing the email address ask (ACCOUNT_REAUTHENTICATION_REQUIRED)."""

    def make(user: User, **options) -> Client:
        client = client_for(user, **options)
        response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
        assert response.status_code == 302, response.content.decode()
        return client

    return make


def age_authentication(client: Client, seconds: float) -> None:
    """Make every sign-in and reauthentication of this client's session `seconds` older, as
    if that time had passed (allauth compares their time with time.time())."""
    session = client.session
    session[AUTHENTICATION_RECORDS] = [
        {**record, "at": record["at"] - seconds} for record in session[AUTHENTICATION_RECORDS]
    ]
    session.save()


# Browser tests ------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        reason = f"{CHROMIUM} is not installed (run ./dev test as root to install it)"
        if os.environ.get("CI") or os.environ.get("BOND_REQUIRE_BROWSER"):
            pytest.fail(f"Browser tests are required here: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _no_csp_violations(request):
    """Every browser test also proves the page breaks none of our Content-Security-Policy."""
    if request.node.get_closest_marker("browser") is None:
        yield
        return
    browser = request.getfixturevalue("browser")
    violations: list[str] = []
    original = browser.new_context

    def new_context(**options):
        context = original(**options)
        context.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        return context

    browser.new_context = new_context
    try:
        yield
    finally:
        browser.new_context = original
    assert not violations, violations
