"""Guided programs, done together at each one's own pace: either starts one (the other is
told), a new day opens at each partner's own midnight, it can be paused and resumed, and
missing days is fine. The content itself: tests/test_programs.py."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
import time_machine
from django.test import Client

from accounts import linking
from accounts.models import User
from practices.models import Notification, PracticeLog, ProgramRun, ProgramStep
from practices.programs import PROGRAMS_BY_SLUG

pytestmark = pytest.mark.django_db

FORTNIGHT = PROGRAMS_BY_SLUG["appreciation-fortnight"]
URL = "/programs/appreciation-fortnight/"
# Saturday 8 March 2031, 10:00 UTC: 19:00 in Tokyo, 10:00 in London.
SATURDAY = dt.datetime(2031, 3, 8, 10, 0, tzinfo=dt.UTC)


def text_of(client: Client, path: str) -> str:
    return html.unescape(client.get(path).content.decode())


@pytest.fixture
def apart(couple, alice, bob):
    """Alice in Tokyo, Bob in London."""
    User.objects.filter(pk=alice.pk).update(time_zone="Asia/Tokyo")
    User.objects.filter(pk=bob.pk).update(time_zone="Europe/London")
    return couple


def done(client: Client, day: int):
    return client.post(f"{URL}day/{day}/done/")


def test_either_starts_it_and_the_other_is_told(couple, alice, bob, alice_client, bob_client):
    response = alice_client.post(f"{URL}start/")
    assert response.status_code == 302
    run = ProgramRun.objects.get()
    assert (run.program, run.started_by) == ("appreciation-fortnight", alice)
    home = text_of(bob_client, "/")
    assert "Alice started “A fortnight of appreciation” for you two." in home
    page = text_of(bob_client, URL)
    assert FORTNIGHT.days[0].title in page
    assert FORTNIGHT.days[0].text in page
    assert not Notification.objects.waiting_for(bob).exists()  # opening it was seeing it
    # One at a time.
    assert bob_client.post("/programs/hard-time/start/").status_code == 302
    assert ProgramRun.objects.count() == 1


def test_each_day_opens_at_each_partners_own_midnight(apart, alice, bob, client_for):
    with time_machine.travel(SATURDAY, tick=False):
        alice_client, bob_client = client_for(alice), client_for(bob)
        alice_client.post(f"{URL}start/")
        assert done(alice_client, 1).status_code == 302
        assert done(bob_client, 1).status_code == 302
        # Not twice in one of one's own days.
        assert "Day 2 opens tomorrow." in text_of(alice_client, URL)
        done(alice_client, 2)
        assert not ProgramStep.objects.filter(day=2).exists()
    # 16:00 in London, 01:00 on Sunday in Tokyo: Alice's day 2 is open, not Bob's.
    with time_machine.travel(SATURDAY + dt.timedelta(hours=6), tick=False):
        assert "I did day 2" in text_of(alice_client, URL)
        assert "Day 2 opens tomorrow." in text_of(bob_client, URL)
        assert done(bob_client, 2).status_code == 302
        assert not ProgramStep.objects.filter(user=bob, day=2).exists()
        done(alice_client, 2)
        assert ProgramStep.objects.get(user=alice, day=2).local_date == dt.date(2031, 3, 9)
    # Midnight in London: Bob's opens too.
    with time_machine.travel(dt.datetime(2031, 3, 9, 0, 1, tzinfo=dt.UTC), tick=False):
        assert "I did day 2" in text_of(bob_client, URL)
        page = text_of(bob_client, URL)
        assert "You: day 2 of 14 · Alice: day 3" in page


def test_missing_days_is_fine_it_waits(apart, alice, client_for):
    with time_machine.travel(SATURDAY, tick=False):
        alice_client = client_for(alice)
        alice_client.post(f"{URL}start/")
        done(alice_client, 1)
    # A week later, day 2 is the one open: nothing was skipped, nothing is counted.
    with time_machine.travel(SATURDAY + dt.timedelta(days=7), tick=False):
        alice_client = client_for(alice)
        page = text_of(alice_client, URL)
        assert FORTNIGHT.days[1].title in page
        assert "I did day 2" in page
        for word in ("streak", "missed", "behind", "fell"):
            assert not re.search(rf"\b{word}\b", page.lower()), word
        assert done(alice_client, 2).status_code == 302
    assert list(ProgramStep.objects.values_list("day", flat=True)) == [1, 2]


def test_pause_and_resume(apart, alice, bob, client_for):
    with time_machine.travel(SATURDAY, tick=False):
        alice_client, bob_client = client_for(alice), client_for(bob)
        alice_client.post(f"{URL}start/")
        bob_client.post(f"{URL}pause/")
        page = text_of(alice_client, URL)
        assert "Paused" in page
        assert "I did day 1" not in page
        done(alice_client, 1)
        assert not ProgramStep.objects.exists()
        alice_client.post(f"{URL}resume/")
        assert done(alice_client, 1).status_code == 302
        assert ProgramStep.objects.count() == 1


def test_doing_a_day_counts_as_its_practice(apart, alice, client_for):
    with time_machine.travel(SATURDAY, tick=False):
        alice_client = client_for(alice)
        alice_client.post(f"{URL}start/")
        done(alice_client, 1)
    assert PracticeLog.objects.filter(user=alice, practice=FORTNIGHT.days[0].practice).exists()


def test_finished_by_both_it_ends_and_another_may_start(apart, alice, bob, client_for):
    with time_machine.travel(SATURDAY, tick=False) as clock:
        client_for(alice).post(f"{URL}start/")
        for day in range(1, len(FORTNIGHT.days) + 1):
            alice_client, bob_client = client_for(alice), client_for(bob)
            assert done(alice_client, day).status_code == 302
            assert done(bob_client, day).status_code == 302
            clock.shift(dt.timedelta(days=1))
        run = ProgramRun.objects.get()
        assert run.ended_at is not None
        assert ProgramStep.objects.count() == 2 * len(FORTNIGHT.days)
        assert bob_client.post("/programs/hard-time/start/").status_code == 302
        assert ProgramRun.objects.filter(ended_at=None).get().program == "hard-time"


def test_stopping_ends_it(couple, alice, bob_client, alice_client):
    alice_client.post(f"{URL}start/")
    bob_client.post(f"{URL}stop/")
    assert ProgramRun.objects.get().ended_at is not None
    assert "Start it together" in text_of(alice_client, URL)


def test_a_stop_is_told_to_the_partner_instead_of_the_start(
    couple, alice, bob, alice_client, bob_client
):
    alice_client.post(f"{URL}start/")
    alice_client.post(f"{URL}stop/")
    home = text_of(bob_client, "/")
    assert "Alice stopped “A fortnight of appreciation”." in home
    # The start's news would lead to a program no longer under way.
    assert "Alice started" not in home
    assert not Notification.objects.waiting_for(alice).exists()
    # Stopping twice (two tabs) tells once.
    alice_client.post(f"{URL}stop/")
    assert Notification.objects.filter(kind="program_stopped").count() == 1
    text_of(bob_client, "/programs/")
    assert not Notification.objects.waiting_for(bob).exists()


def test_an_unknown_program_is_a_404_and_an_archive_cannot_start_one(
    couple, alice, bob, alice_client
):
    assert alice_client.get("/programs/no-such-thing/").status_code == 404
    assert alice_client.post("/programs/no-such-thing/start/").status_code == 404
    linking.end_couple(couple=couple, user=bob)
    assert alice_client.post(f"{URL}start/").status_code == 403
    assert not ProgramRun.objects.exists()


def test_charlie_sees_nothing_of_theirs(couple, alice_client, charlie_client):
    alice_client.post(f"{URL}start/")
    assert "Start it together" in text_of(charlie_client, URL)
    assert charlie_client.post(f"{URL}stop/").status_code == 302
    assert ProgramRun.objects.filter(couple=couple, ended_at=None).exists()


def test_a_button_of_another_program_changes_nothing(couple, alice_client, bob_client):
    alice_client.post(f"{URL}start/")
    for change in ("pause", "stop", "day/1/done"):
        response = bob_client.post(f"/programs/hard-time/{change}/")
        assert response.status_code == 302
        assert "nothing was changed" in bob_client.get(response["Location"]).content.decode()
    run = ProgramRun.objects.get()
    assert (run.program, run.paused_at, run.ended_at) == (FORTNIGHT.slug, None, None)
    assert not ProgramStep.objects.exists()
