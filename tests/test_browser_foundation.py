"""A newcomer signs up in a real browser, at phone and desktop sizes, and axe finds no barrier."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible, log_out, sign_up, signed_in_as
from tests.conftest import DESKTOP, PASSWORD, PHONE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_newcomer_signs_up_confirms_and_sees_the_dashboard(browser, live_server, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    base = live_server.url

    page.goto(base + "/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Feel closer, a few minutes at a time"
    )
    assert_accessible(page)

    page.goto(base + "/accounts/login/")
    assert_accessible(page)

    page.goto(base + "/accounts/signup/")
    assert_accessible(page)

    sign_up(page, base, name="Nora", email="nora@example.com", password=PASSWORD)
    page.wait_for_url(base + "/")
    expect(page.get_by_role("heading", name="Hello, Nora")).to_be_visible()
    signed_in_as(page, "Nora")
    assert_accessible(page)

    log_out(page)
    expect(page.get_by_role("link", name="Create your account")).to_be_visible()
    context.close()


def test_sign_up_form_errors_are_announced_and_accessible(browser, live_server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("Email:").fill("weak@example.com")
    page.get_by_label("Your name:").fill("Weak")
    page.get_by_label("Password:", exact=True).fill("password")
    page.get_by_label("Password (again):").fill("password")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_text("This password is too common.")).to_be_visible()
    assert_accessible(page)
    context.close()


def test_the_browsers_time_zone_comes_first_and_is_chosen_on_sign_up(browser, live_server):
    context = browser.new_context(viewport=PHONE, timezone_id="Europe/Lisbon")
    page = context.new_page()
    page.goto(live_server.url + "/accounts/signup/")
    zone = page.get_by_label("Your time zone")
    expect(zone).to_have_value("Europe/Lisbon")
    first = zone.locator("optgroup").first
    expect(first).to_have_attribute("label", "This device's time zone")
    expect(first.locator("option")).to_have_attribute("value", "Europe/Lisbon")
    context.close()
