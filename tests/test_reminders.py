"""Reminder emails: the day before a plan, a gentle weekly nudge, each sent exactly once."""

from __future__ import annotations

import datetime as dt
import io
import re
import threading
import zoneinfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.utils import timezone

from accounts.models import User
from practices import journal
from practices.journal import When
from practices.models import ReminderSent
from practices.reminders import send_due_reminders

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
def test_both_partners_get_the_reminder_the_day_before(plan_tomorrow, alice, bob):
    # In Tokyo it is already Saturday night at 21:00, in London Saturday noon: both "tomorrow".
    assert send_due_reminders(now=SATURDAY) == 2
    by_person = {m.to[0]: m for m in mail.outbox}
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
def test_running_twice_sends_each_reminder_once(plan_tomorrow):
    send_due_reminders(now=SATURDAY)
    assert send_due_reminders(now=SATURDAY) == 0
    output = io.StringIO()
    call_command("send_reminders", stdout=output)
    assert output.getvalue().startswith("0 reminder(s) sent")
    assert len(mail.outbox) == 2
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
    assert send_due_reminders(now=SATURDAY) == 0


@pytest.mark.django_db
def test_each_reminder_can_be_switched_off_in_settings(plan_tomorrow, alice, alice_client):
    response = alice_client.post(
        "/account/settings/",
        {"display_name": "Alice", "time_zone": "Asia/Tokyo"},  # both boxes unticked
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.remind_plans, alice.remind_weekly_thanks) == (False, False)
    send_due_reminders(now=SATURDAY)
    assert [m.to for m in mail.outbox] == [["bob@example.com"]]


@pytest.mark.django_db
def test_weekly_nudge_only_when_opted_in_and_no_note_that_week(couple, alice, bob):
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
    assert send_due_reminders(now=sunday_evening) == 1
    assert mail.outbox[0].to == ["alice@example.com"]
    assert mail.outbox[0].subject == "[Bond] A small thank-you goes a long way"
    assert send_due_reminders(now=sunday_evening) == 0
    # Not on other days of the week.
    assert send_due_reminders(now=sunday_evening - dt.timedelta(days=2)) == 0


@pytest.mark.django_db
def test_emails_never_contain_note_text(couple, alice, bob, plan_tomorrow):
    User.objects.filter(pk=alice.pk).update(remind_weekly_thanks=True)
    journal.write_note(
        couple=couple, author=bob, recipient=alice, text="SECRET-NOTE-TEXT", category=""
    )
    send_due_reminders(now=dt.datetime(2031, 3, 9, 1, 0, tzinfo=dt.UTC))
    send_due_reminders(now=SATURDAY)
    assert mail.outbox
    for message in mail.outbox:
        assert "SECRET-NOTE-TEXT" not in message.body
        assert "SECRET-NOTE-TEXT" not in message.alternatives[0][0]


@pytest.mark.django_db
def test_one_click_unsubscribe_without_logging_in(plan_tomorrow, alice, client):
    send_due_reminders(now=SATURDAY)
    path = unsubscribe_path(next(m for m in mail.outbox if m.to == ["alice@example.com"]))
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
def test_a_tampered_unsubscribe_link_does_nothing(plan_tomorrow, alice, client, tamper):
    send_due_reminders(now=SATURDAY)
    path = unsubscribe_path(next(m for m in mail.outbox if m.to == ["alice@example.com"]))
    token = path.split("/")[2]
    response = client.post(f"/unsubscribe/{tamper(token)}/")
    assert response.status_code == 404
    alice.refresh_from_db()
    assert alice.remind_plans


@pytest.mark.django_db(transaction=True)
def test_two_servers_running_at_once_send_each_reminder_once(make_user):
    from tests.conftest import link

    alice, bob = make_user("Alice"), make_user("Bob")
    couple = link(alice, bob)
    journal.create_plan(
        couple=couple,
        user=bob,
        fields={
            "title": "Lake walk",
            "status": "planned",
            "tech_free": True,
            "place": "",
            "description": "",
        },
        when=When(day=SUNDAY, time=None),
        tz=dt.UTC,
    )
    barrier = threading.Barrier(2)
    counts: list[int] = []

    def server() -> None:
        try:
            barrier.wait(timeout=10)
            counts.append(send_due_reminders(now=SATURDAY))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=server) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(counts) in ([0, 2], [1, 1])
    assert sum(counts) == 2
    assert len(mail.outbox) == 2
    assert ReminderSent.objects.count() == 2
