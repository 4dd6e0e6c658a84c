"""The home page shows the two of them: both names, their days together, their next date,
and their anniversary as it comes near."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.utils import timezone

from accounts.models import Couple
from practices import journal
from practices.display import same_day_in
from practices.journal import When
from practices.presenters import Viewer
from practices.views.dashboard import us_of

pytestmark = pytest.mark.django_db


def viewer(couple, alice, bob) -> Viewer:
    return Viewer(user=alice, partner=bob, couple=Couple.objects.get(pk=couple.pk))


def test_days_are_counted_from_the_anniversary_when_there_is_one(couple, alice, bob):
    Couple.objects.filter(pk=couple.pk).update(anniversary=dt.date(2019, 6, 14))
    us = us_of(viewer(couple, alice, bob), None, dt.date(2026, 12, 2))
    assert us.names == "Alice & Bob"
    assert (us.from_anniversary, us.since, us.days) == (True, dt.date(2019, 6, 14), 2728)
    assert us.anniversary_in is None  # June is far off


def test_else_from_the_day_they_linked(couple, alice, bob):
    linked = timezone.localtime(couple.linked_at).date()
    us = us_of(viewer(couple, alice, bob), None, linked + dt.timedelta(days=12))
    assert (us.from_anniversary, us.since, us.days) == (False, linked, 12)


@pytest.mark.parametrize(
    ("today", "days", "years"),
    [
        (dt.date(2026, 5, 30), 15, 7),
        (dt.date(2026, 6, 14), 0, 7),
        (dt.date(2026, 6, 15), None, 0),  # just past: next year's is far off
        (dt.date(2027, 5, 1), 44, 8),
    ],
)
def test_the_anniversary_is_counted_down_gently(couple, alice, bob, today, days, years):
    Couple.objects.filter(pk=couple.pk).update(anniversary=dt.date(2019, 6, 14))
    us = us_of(viewer(couple, alice, bob), None, today)
    assert (us.anniversary_in, us.anniversary_years) == (days, years)


def test_a_leap_day_anniversary_comes_every_year():
    assert same_day_in(dt.date(2020, 2, 29), 2027) == dt.date(2027, 2, 28)
    assert same_day_in(dt.date(2020, 2, 29), 2028) == dt.date(2028, 2, 29)


def test_the_home_page_says_it_with_the_next_date(couple, alice, bob, alice_client):
    today = timezone.localdate()
    Couple.objects.filter(pk=couple.pk).update(
        anniversary=same_day_in(today, today.year - 3) + dt.timedelta(days=10)
    )
    journal.create_plan(
        couple=couple,
        user=bob,
        fields={"title": "Lake walk", "status": "planned", "place": "", "description": ""},
        when=When(day=today + dt.timedelta(days=2), time=None),
        tz=dt.UTC,
    )
    page = html.unescape(alice_client.get("/").content.decode())
    assert "Alice & Bob" in page
    assert "days together, since" in page
    assert "Your 3rd anniversary is in 10 days." in page
    assert "Next time together: <a href=" in page
    assert "Lake walk</a>" in page
