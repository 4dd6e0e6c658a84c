"""The partner loop in real browsers: what one does reaches the other without a reload, and
the app installs (a service worker under the strict CSP, an offline page)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible, logged_in_page
from tests.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser


def look_now(page) -> None:
    """What the page does every 45 seconds while in view: ask what waits."""
    page.evaluate("document.body.dispatchEvent(new CustomEvent('bond:tick'))")


def test_b_checks_in_a_replies_and_b_sees_the_reply_where_they_are(browser, live_server, couple):
    base = live_server.url
    a = logged_in_page(browser, base, "alice@example.com", viewport=DESKTOP)
    b = logged_in_page(browser, base, "bob@example.com", viewport=PHONE)
    b.evaluate("window.stillTheSamePage = true")

    # Bob checks in, from another tab of his.
    b_tab = b.context.new_page()
    b_tab.goto(base + "/practices/well-being/step/5/")
    b_tab.get_by_label("A bit low").check()
    b_tab.get_by_label("What I need from you today (optional)").fill("A quiet evening")
    b_tab.get_by_role("button", name="Share with Alice").click()
    expect(b_tab.get_by_text("Thank you for sharing.")).to_be_visible()
    b_tab.close()

    # Alice is told on her home page, and replies from there.
    look_now(a)
    expect(a.locator("#waiting-badge .badge")).to_have_text("1 waiting for you")
    expect(a.locator("#for-you")).to_contain_text("Bob checked in: feeling a bit low.")
    expect(a.locator("#for-you")).to_contain_text("What would help: A quiet evening")
    assert_accessible(a)
    a.locator("#for-you").get_by_role("link", name="Reply").click()
    a.get_by_label("A few kind words back").fill("Sofa, tea and no phones")
    a.get_by_role("button", name="Send").click()
    expect(a.get_by_text("Your reply is on its way.")).to_be_visible()
    expect(a.locator("#for-you")).to_contain_text("Nothing waiting for you right now.")

    # Bob, still on his home page, sees her reply itself on his next look.
    look_now(b)
    expect(b.locator("#for-you")).to_contain_text("Alice replied to your check-in:")
    expect(b.locator("#for-you")).to_contain_text("Sofa, tea and no phones")
    expect(b.locator("#waiting-badge .badge")).to_have_text("1 waiting for you")
    assert b.evaluate("window.stillTheSamePage") is True
    assert_accessible(b)
    # Dismissed, with htmx: off the list and the count, still no reload.
    b.locator("#for-you").get_by_role("button", name="Dismiss").click()
    expect(b.locator("#for-you")).to_contain_text("Nothing waiting for you right now.")
    expect(b.locator("#waiting-badge .badge")).to_have_count(0)
    assert b.evaluate("window.stillTheSamePage") is True
    a.context.close()
    b.context.close()


def test_a_sign_is_one_tap_and_comes_back(browser, live_server, couple):
    base = live_server.url
    a = logged_in_page(browser, base, "alice@example.com", viewport=PHONE)
    b = logged_in_page(browser, base, "bob@example.com", viewport=PHONE)
    a.get_by_role("button", name="Proud of you").click()
    expect(a.locator("#signs")).to_contain_text("Sent: “Proud of you”. Bob will see it.")
    look_now(b)
    expect(b.locator("#for-you")).to_contain_text("Alice is proud of you.")
    b.locator("#for-you").get_by_role("button", name="Send one back").click()
    expect(b.locator("#signs")).to_contain_text("Alice will see it.")
    expect(b.locator("#for-you")).to_contain_text("Nothing waiting for you right now.")
    a.context.close()
    b.context.close()


def test_without_javascript_the_list_still_works(browser, live_server, couple):
    base = live_server.url
    a = logged_in_page(browser, base, "alice@example.com", java_script_enabled=False)
    b = logged_in_page(browser, base, "bob@example.com", java_script_enabled=False)
    a.get_by_role("button", name="Thinking of you").click()
    expect(a.get_by_text("Sent: “Thinking of you”. Bob will see it.")).to_be_visible()
    b.reload()
    expect(b.locator("#for-you")).to_contain_text("Alice is thinking of you.")
    b.locator("#for-you").get_by_role("button", name="Dismiss").click()
    expect(b.locator("#for-you")).to_contain_text("Nothing waiting for you right now.")
    a.context.close()
    b.context.close()


def test_the_app_installs_and_shows_its_offline_page(browser, live_server, couple):
    base = live_server.url
    page = logged_in_page(browser, base, "alice@example.com", viewport=PHONE)
    # The service worker registers under the page's Content-Security-Policy (the suite
    # fails any test whose page reports a violation) and takes control.
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    manifest = page.evaluate(
        "fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())"
    )
    assert manifest["display"] == "standalone"

    # The server cannot be reached: the offline page, not the browser's error.
    page.context.set_offline(True)
    page.goto(base + "/journal/")
    expect(page.get_by_role("heading", name="You're offline")).to_be_visible()
    assert "Alice" not in page.content()  # it was kept signed out: it names nobody
    page.context.set_offline(False)
    page.get_by_role("link", name="Try again").click()
    expect(page.locator("#for-you")).to_be_visible()
    page.context.close()
