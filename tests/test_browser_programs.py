"""A guided program's first two days, by two partners in two browsers, on a fixed clock."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from playwright.sync_api import expect

from accounts.models import User
from tests.browser import assert_accessible, logged_in_page
from tests.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

# Saturday 8 March 2031, 10:00 UTC: 19:00 for Alice in Tokyo, 10:00 for Bob in London.
SATURDAY = dt.datetime(2031, 3, 8, 10, 0, tzinfo=dt.UTC)


def test_two_partners_do_the_first_two_days(browser, live_server, couple, alice, bob):
    User.objects.filter(pk=alice.pk).update(time_zone="Asia/Tokyo")
    User.objects.filter(pk=bob.pk).update(time_zone="Europe/London")
    base = live_server.url
    with time_machine.travel(SATURDAY) as clock:
        a = logged_in_page(browser, base, "alice@example.com", viewport=DESKTOP)
        b = logged_in_page(browser, base, "bob@example.com", viewport=PHONE)

        a.goto(base + "/programs/")
        assert_accessible(a)
        a.get_by_role("link", name="A fortnight of appreciation").click()
        a.get_by_role("button", name="Start it together").click()
        expect(a.get_by_text("Started. Day 1 is open, for you and for Bob.")).to_be_visible()
        expect(a.get_by_role("heading", name="Notice one small thing")).to_be_visible()
        assert_accessible(a)

        # Bob is told on his home page, and goes from there.
        b.reload()
        expect(b.locator("#for-you")).to_contain_text(
            "Alice started “A fortnight of appreciation” for you two."
        )
        b.locator("#for-you").get_by_role("link", name="See day 1").click()
        expect(b.get_by_role("heading", name="Notice one small thing")).to_be_visible()
        expect(b.get_by_role("link", name="Write your partner a thank-you")).to_be_visible()
        b.get_by_role("button", name="I did day 1").click()
        expect(b.get_by_text("Day 2 opens tomorrow.")).to_be_visible()
        assert_accessible(b)

        a.reload()
        a.get_by_role("button", name="I did day 1").click()
        expect(a.get_by_text("You: day 2 of 14 · Bob: day 2")).to_be_visible()
        expect(a.get_by_text("Day 2 opens tomorrow.")).to_be_visible()

        # The next morning, each at their own midnight: Tokyo's comes first.
        clock.move_to(dt.datetime(2031, 3, 8, 16, 0, tzinfo=dt.UTC))
        a.reload()
        expect(a.get_by_role("button", name="I did day 2")).to_be_visible()
        b.reload()
        expect(b.get_by_text("Day 2 opens tomorrow.")).to_be_visible()
        a.get_by_role("button", name="I did day 2").click()
        expect(a.get_by_text("You: day 3 of 14 · Bob: day 2")).to_be_visible()

        clock.move_to(dt.datetime(2031, 3, 9, 8, 0, tzinfo=dt.UTC))
        b.reload()
        b.get_by_role("button", name="I did day 2").click()
        expect(b.get_by_text("You: day 3 of 14 · Alice: day 3")).to_be_visible()
        a.context.close()
        b.context.close()
