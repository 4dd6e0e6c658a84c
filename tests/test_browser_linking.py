"""Two partners in two browser contexts: A invites, B signs up through the link and accepts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible, log_in, sign_up
from tests.conftest import DESKTOP, PASSWORD, PHONE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("b_has_javascript", [True, False], ids=["js", "no-js"])
def test_a_invites_b_signs_up_through_the_link_and_both_are_linked(
    browser, live_server, alice, b_has_javascript
):
    base = live_server.url
    a_context = browser.new_context(viewport=DESKTOP)
    b_context = browser.new_context(viewport=PHONE, java_script_enabled=b_has_javascript)
    a = a_context.new_page()
    b = b_context.new_page()

    log_in(a, base, "alice@example.com")
    a.get_by_role("button", name="Invite your partner").click()
    expect(a.get_by_role("heading", name="Your invite is waiting for your partner")).to_be_visible()
    expect(a.get_by_role("button", name="Copy code")).to_be_visible()  # JavaScript is on for A
    assert_accessible(a)
    invite_link = a.get_by_label("Link").input_value()
    code = a.get_by_label("Code").input_value()
    assert len(code) == 9  # ABCD-EFGH

    b.goto(invite_link)
    expect(b.get_by_role("heading", name="Alice invited you to Bond")).to_be_visible()
    if b_has_javascript:
        assert_accessible(b)
    b.get_by_role("link", name="Create your account").click()
    sign_up(b, base, name="Bob", email="bob@example.com", password=PASSWORD)

    expect(b.get_by_role("heading", name="Alice invited you to Bond")).to_be_visible()
    if b_has_javascript:
        assert_accessible(b)
    b.get_by_role("button", name="Accept and link with Alice").click()
    b.wait_for_url(base + "/")
    expect(b.get_by_role("heading", name="Bob & Alice")).to_be_visible()

    a.reload()
    expect(a.get_by_role("heading", name="Alice & Bob")).to_be_visible()
    assert_accessible(a)
    a_context.close()
    b_context.close()


def test_b_enters_the_code_and_later_a_ends_the_link(browser, live_server, alice, bob):
    base = live_server.url
    a_context = browser.new_context(viewport=PHONE)
    b_context = browser.new_context(viewport=DESKTOP)
    a = a_context.new_page()
    b = b_context.new_page()

    log_in(a, base, "alice@example.com")
    a.get_by_role("button", name="Invite your partner").click()
    code = a.get_by_label("Code").input_value()

    log_in(b, base, "bob@example.com")
    b.get_by_role("link", name="enter their code").click()
    # The code's page, loaded, before axe reads it (a click does not wait for the next page).
    expect(b.get_by_label("Your partner's code:")).to_be_visible()
    assert_accessible(b)
    b.get_by_label("Your partner's code:").fill(code.lower())
    b.get_by_role("button", name="Continue").click()
    b.get_by_role("button", name="Accept and link with Alice").click()
    expect(b.get_by_role("heading", name="Bob & Alice")).to_be_visible()

    a.goto(base + "/account/partner/")
    assert_accessible(a)
    a.get_by_role("link", name="End the link…").click()
    # Ending the link asks for the password again first.
    a.locator("input[name=password]").fill(PASSWORD)
    a.get_by_role("button", name="Confirm").click()
    expect(a.get_by_role("heading", name="End the link with Bob?")).to_be_visible()
    assert_accessible(a)
    a.get_by_label("I understand").check()
    a.get_by_role("button", name="End the link").click()
    expect(a.get_by_text("Your link with Bob ended on")).to_be_visible()

    b.reload()
    expect(b.get_by_text("Your link with Alice ended on")).to_be_visible()
    assert_accessible(b)
    a_context.close()
    b_context.close()


def test_copy_buttons_show_only_where_they_work(browser, live_server, alice):
    """Without JavaScript (or without the clipboard, over plain HTTP) a Copy button could
    do nothing: it stays hidden, and the text stays there to select."""
    page = browser.new_context(viewport=PHONE, java_script_enabled=False).new_page()
    log_in(page, live_server.url, "alice@example.com")
    page.get_by_role("button", name="Invite your partner").click()
    expect(page.get_by_label("Code")).to_be_visible()
    expect(page.get_by_role("button", name="Copy code")).to_be_hidden()
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    page.context.close()
