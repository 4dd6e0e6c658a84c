"""Hostile text in a note stays text: in the page, in htmx partials, and in the browser."""

from __future__ import annotations

import pytest

from practices import journal
from tests.browser import logged_in_page
from tests.conftest import DESKTOP

pytestmark = pytest.mark.browser

PAYLOAD = (
    '<script>window.pwned = "script"</script>'
    '"><img src=x onerror="window.pwned = \'img\'">'
    "<svg onload=\"window.pwned = 'svg'\"></svg>"
)


def test_injected_markup_never_runs(browser, live_server, couple, alice, bob):
    journal.write_note(couple=couple, author=alice, recipient=bob, text=PAYLOAD, category="")
    base = live_server.url
    b = logged_in_page(browser, base, "bob@example.com", viewport=DESKTOP)

    for path in ["/journal/", "/journal/keepsakes/", "/"]:
        b.goto(base + path)
        assert b.evaluate("window.pwned") is None, path
    b.goto(base + "/journal/")
    assert (
        b.locator("#entries").get_by_text('<script>window.pwned = "script"</script>').count() == 1
    )
    assert b.locator("#entries img").count() == 0

    # The same text arriving through an htmx swap.
    a = logged_in_page(browser, base, "alice@example.com", viewport=DESKTOP)
    a.goto(base + "/journal/")
    a.locator("summary", has_text="a thank-you").click()
    a.get_by_label("Your note").fill(PAYLOAD)
    a.get_by_role("button", name="Send to Bob").click()
    a.locator("#entries .note").nth(1).wait_for()
    assert a.locator("#entries .note").count() == 2
    assert a.evaluate("window.pwned") is None
    assert a.locator("#entries img, #entries svg:not(.icon)").count() == 0
    a.context.close()
    b.context.close()
