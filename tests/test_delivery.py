"""Nothing waits on the outside world: mail goes through the background worker.

A change stores its email and queues the delivery in its own transaction
(accounts.delivery); the worker sends it, tries again later when the server is down,
gives up after a while where the operator sees it, and never sends twice what it
recorded as sent. Every test also proves that no request sent mail itself
(tests.outbox, used by conftest for the whole suite).
"""

from __future__ import annotations

import datetime as dt
import email
import json
import logging
import smtplib
import socket
import time
from functools import partial

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.signals import request_finished, request_started
from django.db import OperationalError, transaction
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from redis.exceptions import ConnectionError as RedisConnectionError

from accounts import delivery
from accounts.delivery import deliver_email, send_email_later
from accounts.models import OutgoingEmail, User
from bond.logging import JsonFormatter
from tests import outbox
from tests.conftest import PASSWORD, at_once

pytestmark = pytest.mark.django_db


def a_message(to: str = "alice@example.com", subject: str = "Tomorrow: Lake walk"):
    message = EmailMultiAlternatives(subject=subject, body="See you at the lake.", to=[to])
    message.attach_alternative("<p>See you at the lake.</p>", "text/html")
    return message


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """What a real SMTP server on 127.0.0.1 received (aiosmtpd's handler)."""

    def __init__(self) -> None:
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(email.message_from_bytes(envelope.original_content))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_settings(settings):
    """The worker talks SMTP to a port on 127.0.0.1 where no server listens yet."""
    settings.EMAIL_BACKEND = "tests.outbox.OutsideRequestsSMTPBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_TIMEOUT = 5
    settings.EMAIL_RETRY_SECONDS = 1
    return settings


def test_signing_up_while_the_mail_server_is_down_then_up(
    client: Client, smtp_settings, run_worker
):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "nora@example.com",
            "display_name": "Nora",
            "time_zone": "Europe/Paris",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        follow=True,
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/accounts/confirm-email/"
    assert "Open the link in it to confirm your address." in response.content.decode()

    # The worker finds nobody listening: the confirmation waits for its next try.
    run_worker()
    waiting = OutgoingEmail.objects.get(to="nora@example.com")
    assert waiting.status == OutgoingEmail.Status.PENDING
    assert waiting.attempts == 1
    assert waiting.last_error == "ConnectionRefusedError"

    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT)
    server.start()
    try:
        deadline = time.monotonic() + 10
        while not inbox.messages and time.monotonic() < deadline:
            time.sleep(0.2)  # until the retry is due (EMAIL_RETRY_SECONDS)
            run_worker()
        run_worker()  # and once more: nothing is sent twice
    finally:
        server.stop()

    (confirmation,) = inbox.messages
    assert confirmation["To"] == "nora@example.com"
    body = confirmation.get_payload(decode=True).decode()
    link = body[body.index("/accounts/confirm-email/") :].split()[0]
    assert OutgoingEmail.objects.get(to="nora@example.com").status == OutgoingEmail.Status.SENT
    assert client.get(link).status_code == 200
    response = client.post(link, follow=True)
    assert response.status_code == 200
    assert User.objects.get(email="nora@example.com").emailaddress_set.get().verified
    assert "_auth_user_id" in client.session


def test_an_email_is_written_with_the_change_and_goes_if_the_change_goes(alice, mailbox):
    def change_that_fails() -> None:
        with transaction.atomic():
            send_email_later(a_message(), kind="plan_reminder", user=alice)
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        change_that_fails()
    assert not OutgoingEmail.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert mailbox() == []

    with transaction.atomic():
        queued = send_email_later(a_message(), kind="plan_reminder", user=alice)
    (task,) = DBTaskResult.objects.all()
    # The task queue holds the row's id and nothing else: no address, no text.
    assert task.args_kwargs == {"args": [queued.pk], "kwargs": {}}
    assert task.task_path == "accounts.delivery.deliver_email"
    (sent,) = mailbox()
    assert (sent.to, sent.subject) == (["alice@example.com"], "Tomorrow: Lake walk")
    assert sent.alternatives[0] == ("<p>See you at the lake.</p>", "text/html")


def test_once_sent_only_who_and_when_are_kept(alice, mailbox):
    queued = send_email_later(a_message(), kind="plan_reminder", user=alice)
    mailbox()
    queued.refresh_from_db()
    assert queued.status == OutgoingEmail.Status.SENT
    assert queued.sent_at is not None
    assert (queued.subject, queued.body, queued.html, queued.headers) == ("", "", "", {})


class ServerDown:
    """A mail server that cannot be reached."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused: alice@example.com")


def test_retries_wait_longer_each_time_then_give_up_where_the_operator_sees(
    alice, settings, caplog, run_worker
):
    settings.EMAIL_BACKEND = f"{__name__}.ServerDown"
    queued = send_email_later(a_message(), kind="plan_reminder", user=alice)
    waits = []
    with caplog.at_level(logging.WARNING, logger="accounts.delivery"):
        for attempt in range(1, delivery.MAX_ATTEMPTS + 1):
            before = timezone.now()
            assert deliver_email.call(queued.pk) == (
                "failed" if attempt == delivery.MAX_ATTEMPTS else "retry"
            )
            queued.refresh_from_db()
            assert queued.attempts == attempt
            assert queued.last_error == "ConnectionRefusedError"
            if queued.status == OutgoingEmail.Status.PENDING:
                waits.append(round((queued.next_attempt_at - before).total_seconds() / 60))
                # Its retry is queued to run then, not before.
                retry = DBTaskResult.objects.order_by("-enqueued_at").first()
                assert retry.run_after == queued.next_attempt_at
                # Not due yet: a duplicate task finds nothing to do.
                assert deliver_email.call(queued.pk) == "not due"
                OutgoingEmail.objects.filter(pk=queued.pk).update(next_attempt_at=before)
    assert waits == [1, 2, 4, 8, 16, 32, 64, 120, 120]
    assert queued.status == OutgoingEmail.Status.FAILED
    assert deliver_email.call(queued.pk) == "not due"  # given up stays given up
    lines = [JsonFormatter().format(record) for record in caplog.records]
    assert "given up" in lines[-1]
    for line in lines:
        assert "alice@example.com" not in line
        assert "Lake walk" not in line
    # A failed task would keep a traceback; a failed delivery is a successful task.
    run_worker()
    assert not DBTaskResult.objects.filter(status="FAILED").exists()


def test_the_admin_lists_deliveries_without_what_they_say(alice, staff_client, settings):
    settings.EMAIL_BACKEND = f"{__name__}.ServerDown"
    queued = send_email_later(a_message(), kind="plan_reminder", user=alice)
    OutgoingEmail.objects.filter(pk=queued.pk).update(attempts=delivery.MAX_ATTEMPTS - 1)
    deliver_email.call(queued.pk)
    listing = staff_client.get("/admin/accounts/outgoingemail/?status__exact=failed")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "plan_reminder" in page
    assert "ConnectionRefusedError" in page
    detail = staff_client.get(f"/admin/accounts/outgoingemail/{queued.pk}/change/")
    assert detail.status_code == 200
    for private in ("Lake walk", "See you at the lake"):
        assert private not in page
        assert private not in detail.content.decode()

    # The operator mends the server and sends it again.
    settings.EMAIL_BACKEND = "tests.outbox.OutsideRequestsBackend"
    response = staff_client.post(
        "/admin/accounts/outgoingemail/",
        {"action": "try_again", "_selected_action": [queued.pk]},
    )
    assert response.status_code == 302
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (OutgoingEmail.Status.PENDING, 0)
    assert deliver_email.call(queued.pk) == "sent"
    assert [m.subject for m in mail.outbox] == ["Tomorrow: Lake walk"]


class Refuses:
    """A server that refuses the address: trying again will not help."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"alice@example.com": (550, b"No such user")})


def test_an_address_the_server_refuses_is_given_up_at_once(alice, settings):
    settings.EMAIL_BACKEND = f"{__name__}.Refuses"
    queued = send_email_later(a_message(), kind="plan_reminder", user=alice)
    assert deliver_email.call(queued.pk) == "failed"
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (OutgoingEmail.Status.FAILED, 1)


def test_a_stopped_workers_email_is_sent_once_its_claim_lapses_and_never_again(
    alice, settings, mailbox
):
    queued = send_email_later(a_message(), kind="plan_reminder", user=alice)
    DBTaskResult.objects.all().delete()  # the task a killed worker had taken
    now = timezone.now()
    OutgoingEmail.objects.filter(pk=queued.pk).update(
        status=OutgoingEmail.Status.SENDING,
        attempts=1,
        claimed_until=now + dt.timedelta(seconds=30),
    )
    # Still claimed: the stopped worker might yet be sending it.
    assert delivery.retry_stalled(now) == 0
    assert deliver_email.call(queued.pk) == "not due"
    # The claim lapses: the schedule queues it again, and a worker sends it.
    assert delivery.retry_stalled(now + dt.timedelta(seconds=31)) == 1
    OutgoingEmail.objects.filter(pk=queued.pk).update(claimed_until=now - dt.timedelta(seconds=1))
    assert len(mailbox()) == 1
    # Recorded as sent: whatever queues it again, it is not sent again.
    deliver_email.enqueue(queued.pk)
    assert delivery.retry_stalled(now + dt.timedelta(days=1)) == 0
    assert len(mailbox()) == 1


def test_a_delivery_whose_task_was_lost_is_queued_again(alice, mailbox):
    queued = send_email_later(a_message(), kind="plan_reminder", user=alice)
    DBTaskResult.objects.all().delete()  # a queue that failed after the commit
    assert delivery.retry_stalled(timezone.now()) == 0  # it may simply not have run yet
    later = timezone.now() + delivery.STALLED_AFTER + dt.timedelta(seconds=1)
    assert delivery.retry_stalled(later) == 1
    assert [m.to for m in mailbox()] == [["alice@example.com"]]
    queued.refresh_from_db()
    assert queued.status == OutgoingEmail.Status.SENT


class SlowServer:
    """A server that takes a moment, so that two workers overlap."""

    sent: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        pass

    def send_messages(self, messages):
        time.sleep(0.3)
        SlowServer.sent.extend(message.to[0] for message in messages)
        return len(messages)


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_an_email_once(make_user, settings):
    settings.EMAIL_BACKEND = f"{__name__}.SlowServer"
    SlowServer.sent = []
    queued = send_email_later(a_message(), kind="plan_reminder", user=make_user("Alice"))
    worker = partial(deliver_email.call, queued.pk)
    assert sorted(at_once(worker, worker)) == ["not due", "sent"]
    assert SlowServer.sent == ["alice@example.com"]


def test_the_redis_queue_delivers_after_the_commit(
    alice, settings, run_worker, django_capture_on_commit_callbacks
):
    import django_rq

    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    # A database of its own on the machine's Redis; the worker runs in this process.
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:6379/13"}}
    settings.RQ = {"WORKER_CLASS": "rq.worker.SimpleWorker"}
    django_rq.get_queue("default").empty()
    try:
        # The test's own transaction never commits: this runs what a commit would.
        with django_capture_on_commit_callbacks(execute=True):
            queued = send_email_later(a_message(), kind="plan_reminder", user=alice)
            # Not yet: a worker would look for a row that is not committed.
            assert django_rq.get_queue("default").count == 0
        assert django_rq.get_queue("default").count == 1
        run_worker()
        assert [m.to for m in mail.outbox] == [["alice@example.com"]]
        queued.refresh_from_db()
        assert queued.status == OutgoingEmail.Status.SENT
    finally:
        django_rq.get_queue("default").empty()


def test_a_queue_that_fails_after_the_commit_does_not_fail_the_request(
    alice, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": f"redis://127.0.0.1:{free_port()}/0"}}
    with django_capture_on_commit_callbacks(execute=True):
        queued = send_email_later(a_message(), kind="plan_reminder", user=alice)
    # Stored, and the schedule queues it once the queue is back.
    assert OutgoingEmail.objects.get(pk=queued.pk).status == OutgoingEmail.Status.PENDING


def test_the_guard_catches_mail_sent_inside_a_request():
    request_started.send(sender=None)
    try:
        with pytest.raises(AssertionError, match="inside a request"):
            mail.send_mail("Hello", "Sent from a view", None, ["alice@example.com"])
    finally:
        request_finished.send(sender=None)
    assert outbox.sent_inside_requests == ["Hello"]
    outbox.sent_inside_requests.clear()  # seen: the autouse check would fail the test


# Outages -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "outage",
    [
        OperationalError("server closed the connection unexpectedly"),
        RedisConnectionError("Error 111 connecting to 127.0.0.1:6379."),
    ],
)
def test_an_outage_answers_503_in_our_layout_not_500(alice, monkeypatch, outage):
    def unreachable(user):
        raise outage

    monkeypatch.setattr("accounts.couples.couple_and_partner", unreachable)
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    response = client.get("/journal/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Bond is back in a moment" in response.content.decode()


def test_a_bug_is_still_a_500(alice, monkeypatch):
    def broken(user):
        raise ZeroDivisionError

    monkeypatch.setattr("accounts.couples.couple_and_partner", broken)
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    assert client.get("/journal/").status_code == 500


def redis_down(settings):
    """Sessions and rate limits in a Redis nobody answers at (accounts.sessions)."""
    unreachable = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
    }
    return override_settings(
        CACHES={**settings.CACHES, "default": unreachable}, SESSION_ENGINE="accounts.sessions"
    )


@pytest.fixture
def alice_signed_in(alice) -> Client:
    """Alice, signed in before Redis went down (her session is in the database)."""
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    return client


def test_signed_in_pages_keep_working_while_redis_is_down(
    couple, alice_signed_in, settings, caplog
):
    with redis_down(settings):
        response = alice_signed_in.get("/journal/")
    assert response.status_code == 200
    assert "Signed in as <strong>Alice</strong>" in response.content.decode()
    warnings = [json.loads(JsonFormatter().format(r)) for r in caplog.records]
    assert any("from the database" in entry["message"] for entry in warnings)


def test_signing_out_or_in_while_redis_is_down_fails_closed(couple, alice_signed_in, settings):
    with redis_down(settings):
        assert alice_signed_in.post("/accounts/logout/").status_code == 503
        # Nothing was ended: a copy left in the cache would have signed her back in later.
        assert alice_signed_in.get("/journal/").status_code == 200
        # Signing in while the limits cannot be counted fails closed too.
        response = Client(raise_request_exception=False).post(
            "/accounts/login/", {"login": "alice@example.com", "password": PASSWORD}
        )
        assert response.status_code == 503
