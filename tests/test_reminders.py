"""Reminder emails: the day before a plan, a gentle weekly nudge, each sent exactly once."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re
import smtplib
import time
import zoneinfo
from functools import partial

import pytest
from django.core import signing
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from accounts import unsubscribe
from accounts.models import OutgoingEmail, User
from bond.logging import JsonFormatter
from practices import journal, reminders
from practices.journal import When
from practices.models import Plan, ReminderSent
from practices.reminders import queue_due_reminders
from tests.conftest import at_once, link

# A Saturday noon in UTC; the plan is on Sunday.
SATURDAY = dt.datetime(2031, 3, 8, 12, 0, tzinfo=dt.UTC)
SUNDAY = dt.date(2031, 3, 9)


@pytest.fixture
def plan_tomorrow(couple, alice, bob):
    alice.time_zone = "Asia/Tokyo"
    alice.save()
    return journal.create_plan(
        couple=couple,
        user=bob,
        fields={
            "title": "Lake walk",
            "status": "planned",
            "tech_free": True,
            "place": "North shore",
            "description": "",
        },
        when=When(day=SUNDAY, time=dt.time(10, 0)),
        tz=zoneinfo.ZoneInfo("Europe/London"),
    )


def unsubscribe_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/unsubscribe/[^\s]+/)", message.body).group(1)


@pytest.mark.django_db
def test_both_partners_get_the_reminder_the_day_before(plan_tomorrow, alice, bob, mailbox):
    # In Tokyo it is already Saturday night at 21:00, in London Saturday noon: both "tomorrow".
    assert queue_due_reminders(now=SATURDAY) == 2
    by_person = {m.to[0]: m for m in mailbox()}
    assert set(by_person) == {"alice@example.com", "bob@example.com"}
    to_alice = by_person["alice@example.com"]
    assert to_alice.subject == "[Bond] Tomorrow: Lake walk"
    assert "at 19:00" in to_alice.body  # 10:00 in London is 19:00 in Tokyo
    assert "at 10:00" in by_person["bob@example.com"].body
    html, mimetype = to_alice.alternatives[0]
    assert mimetype == "text/html"
    assert "Lake walk" in html
    assert to_alice.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.django_db
def test_running_twice_sends_each_reminder_once(plan_tomorrow, mailbox):
    queue_due_reminders(now=SATURDAY)
    assert queue_due_reminders(now=SATURDAY) == 0
    output = io.StringIO()
    call_command("send_reminders", stdout=output)
    assert output.getvalue().startswith("0 reminders;")
    assert len(mailbox()) == 2
    assert ReminderSent.objects.count() == 2


@pytest.mark.django_db
def test_no_reminder_for_plans_not_planned_or_not_tomorrow(couple, bob):
    for status, day in [
        ("idea", SUNDAY),
        ("cancelled", SUNDAY),
        ("planned", SUNDAY + dt.timedelta(days=1)),
    ]:
        journal.create_plan(
            couple=couple,
            user=bob,
            fields={
                "title": status,
                "status": status,
                "tech_free": True,
                "place": "",
                "description": "",
            },
            when=When(day=day, time=None),
            tz=dt.UTC,
        )
    assert queue_due_reminders(now=SATURDAY) == 0


@pytest.mark.django_db
def test_each_reminder_can_be_switched_off_in_settings(plan_tomorrow, alice, alice_client, mailbox):
    response = alice_client.post(
        "/account/settings/",
        {"display_name": "Alice", "time_zone": "Asia/Tokyo"},  # both boxes unticked
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.remind_plans, alice.remind_weekly_thanks) == (False, False)
    queue_due_reminders(now=SATURDAY)
    assert [m.to for m in mailbox()] == [["bob@example.com"]]


@pytest.mark.django_db
def test_weekly_nudge_only_when_opted_in_and_no_note_that_week(couple, alice, bob, mailbox):
    sunday_evening = dt.datetime(2031, 3, 9, 18, 0, tzinfo=dt.UTC)
    User.objects.filter(pk__in=[alice.pk, bob.pk]).update(
        remind_weekly_thanks=True, remind_plans=False
    )
    with timezone.override(dt.UTC):
        note = journal.write_note(
            couple=couple, author=bob, recipient=alice, text="Thanks", category=""
        )
    note.created_at = dt.datetime(2031, 3, 5, 9, 0, tzinfo=dt.UTC)
    note.save()
    assert queue_due_reminders(now=sunday_evening) == 1
    assert mailbox()[0].to == ["alice@example.com"]
    assert mailbox()[0].subject == "[Bond] A small thank-you goes a long way"
    assert queue_due_reminders(now=sunday_evening) == 0
    # Not on other days of the week.
    assert queue_due_reminders(now=sunday_evening - dt.timedelta(days=2)) == 0


@pytest.mark.django_db
def test_emails_never_contain_note_text(couple, alice, bob, plan_tomorrow, mailbox):
    User.objects.filter(pk=alice.pk).update(remind_weekly_thanks=True)
    journal.write_note(
        couple=couple, author=bob, recipient=alice, text="SECRET-NOTE-TEXT", category=""
    )
    queue_due_reminders(now=dt.datetime(2031, 3, 9, 1, 0, tzinfo=dt.UTC))
    queue_due_reminders(now=SATURDAY)
    assert mailbox()
    for message in mailbox():
        assert "SECRET-NOTE-TEXT" not in message.body
        assert "SECRET-NOTE-TEXT" not in message.alternatives[0][0]


@pytest.mark.django_db
def test_one_click_unsubscribe_without_logging_in(plan_tomorrow, alice, client, mailbox):
    queue_due_reminders(now=SATURDAY)
    path = unsubscribe_path(next(m for m in mailbox() if m.to == ["alice@example.com"]))
    page = client.get(path)
    assert page.status_code == 200
    assert "Stop these emails?" in page.content.decode()
    alice.refresh_from_db()
    assert alice.remind_plans  # a GET (a mail scanner, a preview) changes nothing
    response = Client(enforce_csrf_checks=True).post(path)  # RFC 8058: a bare POST
    assert response.status_code == 200
    alice.refresh_from_db()
    assert not alice.remind_plans


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tamper", [lambda t: t[:-2] + "xx", lambda t: "x" + t, lambda t: "nonsense"]
)
def test_a_tampered_unsubscribe_link_does_nothing(plan_tomorrow, alice, client, tamper, mailbox):
    queue_due_reminders(now=SATURDAY)
    path = unsubscribe_path(next(m for m in mailbox() if m.to == ["alice@example.com"]))
    token = path.split("/")[2]
    response = client.post(f"/unsubscribe/{tamper(token)}/")
    assert response.status_code == 404
    alice.refresh_from_db()
    assert alice.remind_plans


@pytest.fixture
def alices_unsubscribe_token(plan_tomorrow, mailbox) -> str:
    queue_due_reminders(now=SATURDAY)
    message = next(m for m in mailbox() if m.to == ["alice@example.com"])
    return unsubscribe_path(message).split("/")[2]


def signed_days_ago(token: str, days: float) -> str:
    """The same link, as if it had been sent `days` ago."""

    class Then(signing.TimestampSigner):
        def timestamp(self) -> str:
            return signing.b62_encode(int(time.time() - days * 24 * 60 * 60))

    payload = signing.loads(token, salt=unsubscribe.SALT)
    return Then(salt=unsubscribe.SALT).sign_object(payload, compress=True)


@pytest.mark.django_db
def test_an_unsubscribe_link_names_nobody_by_id(alices_unsubscribe_token, alice):
    payload = signing.loads(alices_unsubscribe_token, salt=unsubscribe.SALT)
    # Readable by anyone who holds the link: a random token of Alice's, the kind of email,
    # and a keyed hash of her address; not her id, not the address.
    assert set(payload) == {"t", "k", "a"}
    assert payload["t"] == User.objects.get(pk=alice.pk).email_links_token
    assert alice.pk not in payload.values()
    assert str(alice.pk) not in payload.values()
    assert "alice" not in json.dumps(payload).lower()


@pytest.mark.django_db
def test_an_unsubscribe_link_expires(alices_unsubscribe_token, alice, client):
    token = alices_unsubscribe_token
    assert client.get(f"/unsubscribe/{signed_days_ago(token, 89)}/").status_code == 200
    old = signed_days_ago(token, 91)
    assert client.get(f"/unsubscribe/{old}/").status_code == 404
    assert client.post(f"/unsubscribe/{old}/").status_code == 404
    alice.refresh_from_db()
    assert alice.remind_plans


@pytest.mark.django_db
def test_a_new_address_or_a_new_token_stops_the_links_sent_before(
    alices_unsubscribe_token, alice, client
):
    token = alices_unsubscribe_token
    User.objects.filter(pk=alice.pk).update(email="alice.new@example.com")
    assert client.post(f"/unsubscribe/{token}/").status_code == 404
    User.objects.filter(pk=alice.pk).update(email="alice@example.com")
    assert client.get(f"/unsubscribe/{token}/").status_code == 200
    User.objects.filter(pk=alice.pk).update(email_links_token="a-new-one")
    assert client.post(f"/unsubscribe/{token}/").status_code == 404
    alice.refresh_from_db()
    assert alice.remind_plans


def lake_walk_on_sunday(*, couple, user) -> None:
    """A planned date on SUNDAY, so that its reminder is due on Saturday."""
    fields = {"title": "Lake walk", "status": "planned", "tech_free": True}
    journal.create_plan(
        couple=couple,
        user=user,
        fields={**fields, "place": "", "description": ""},
        when=When(day=SUNDAY, time=None),
        tz=dt.UTC,
    )


@pytest.mark.django_db(transaction=True)
def test_two_servers_running_at_once_send_each_reminder_once(make_user, mailbox):
    alice, bob = make_user("Alice"), make_user("Bob")
    couple = link(alice, bob)
    lake_walk_on_sunday(couple=couple, user=bob)
    server = partial(queue_due_reminders, now=SATURDAY)
    counts = at_once(server, server)
    assert sorted(counts) in ([0, 2], [1, 1])
    assert sum(counts) == 2
    assert len(mailbox()) == 2
    assert ReminderSent.objects.count() == 2


# Input that once broke a run --------------------------------------------------------


@pytest.mark.django_db
def test_a_title_of_several_lines_from_old_data_makes_a_one_line_subject(plan_tomorrow, mailbox):
    # Stored before titles were kept to one line: a line break once stopped the whole run
    # (BadHeaderError), and everyone after this plan got nothing.
    Plan.objects.filter(pk=plan_tomorrow.pk).update(
        title="Lake\nwalk\r\nBcc: someone@example.org\t "
    )
    assert queue_due_reminders(now=SATURDAY) == 2
    for message in mailbox():
        assert message.subject == "[Bond] Tomorrow: Lake walk Bcc: someone@example.org"
        assert message.bcc == []
        headers = message.message()
        assert headers["Bcc"] is None
        assert "\n" not in headers["Subject"]


@pytest.mark.django_db
def test_the_subject_is_plain_text_not_html(plan_tomorrow, mailbox):
    Plan.objects.filter(pk=plan_tomorrow.pk).update(title="Fish & chips <3 at Jo's")
    queue_due_reminders(now=SATURDAY)
    assert {m.subject for m in mailbox()} == {"[Bond] Tomorrow: Fish & chips <3 at Jo's"}


class RefusesAlice(EmailBackend):
    """An outbox whose server refuses one address, as a real one may."""

    def send_messages(self, messages):
        for message in messages:
            if "alice@example.com" in message.to:
                raise smtplib.SMTPRecipientsRefused({"alice@example.com": (550, b"No such user")})
        return super().send_messages(messages)


@pytest.mark.django_db
def test_a_refused_address_is_given_up_and_logged_and_the_others_still_go(
    plan_tomorrow, make_user, settings, caplog, mailbox
):
    charlie, dana = make_user("Charlie"), make_user("Dana")
    lake_walk_on_sunday(couple=link(charlie, dana), user=dana)
    settings.EMAIL_BACKEND = f"{__name__}.RefusesAlice"
    assert queue_due_reminders(now=SATURDAY) == 4
    with caplog.at_level(logging.ERROR, logger="accounts.delivery"):
        # Alice's email comes first: the worker must go on after her.
        delivered = mailbox()
    assert sorted(m.to[0] for m in delivered) == [
        "bob@example.com",
        "charlie@example.com",
        "dana@example.com",
    ]
    # An address the server refuses is not tried again: the operator sees it in the admin.
    refused = OutgoingEmail.objects.get(to="alice@example.com")
    assert (refused.status, refused.attempts) == ("failed", 1)
    assert refused.last_error == "SMTPRecipientsRefused"
    (record,) = [r for r in caplog.records if r.levelno >= logging.ERROR]
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert "plan_reminder" in entry["message"]
    for personal in ("alice@example.com", "Alice", "Lake walk", "North shore"):
        assert personal not in line
    # The reminder was claimed once: a later run does not queue it again.
    assert queue_due_reminders(now=SATURDAY) == 0


@pytest.mark.django_db
def test_a_message_that_cannot_be_built_is_logged_and_retried_and_the_others_still_go(
    plan_tomorrow, monkeypatch, caplog, mailbox
):
    real = reminders.message_for

    def fails_for_alice(user, *args):
        if user.email == "alice@example.com":
            raise RuntimeError("template broke")
        return real(user, *args)

    monkeypatch.setattr(reminders, "message_for", fails_for_alice)
    with caplog.at_level(logging.ERROR, logger="practices.reminders"):
        assert queue_due_reminders(now=SATURDAY) == 1
    assert [m.to for m in mailbox()] == [["bob@example.com"]]
    # Her claim went with the failure: the next run queues hers, and only hers.
    assert not ReminderSent.objects.filter(user__email="alice@example.com").exists()
    (record,) = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert json.loads(JsonFormatter().format(record))["exception"] == "RuntimeError"
    monkeypatch.setattr(reminders, "message_for", real)
    assert queue_due_reminders(now=SATURDAY) == 1
    assert mailbox()[-1].to == ["alice@example.com"]
    assert ReminderSent.objects.count() == 2
