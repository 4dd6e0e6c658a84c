"""Two partners use the shared journal in two browser contexts, with and without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible, logged_in_page
from tests.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser


def test_notes_reactions_and_a_plan_between_two_partners(browser, live_server, couple):
    base = live_server.url
    a = logged_in_page(browser, base, "alice@example.com", viewport=DESKTOP)
    b = logged_in_page(browser, base, "bob@example.com", viewport=PHONE)

    # B waits on the dashboard; nothing waits for him yet.
    assert b.locator("#waiting-badge .badge").count() == 0
    expect(b.locator("#for-you")).to_contain_text("Nothing waiting for you right now.")

    a.goto(base + "/journal/")
    assert_accessible(a)
    errors: list[str] = []
    a.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    a.locator("summary", has_text="Write Bob a thank-you").click()
    a.get_by_label("Your note").fill("Thank you for walking the dog in the rain.")
    a.get_by_label("An effort you made").check()
    a.evaluate("window.stillTheSamePage = true")
    a.get_by_role("button", name="Send to Bob").click()
    # HTMX prepends the note and clears the form, without a page load.
    a.locator("#entries").get_by_text("Thank you for walking the dog in the rain.").wait_for()
    assert a.get_by_label("Your note").input_value() == ""
    assert a.evaluate("window.stillTheSamePage") is True
    assert errors == []  # e.g. no htmx:oobErrorNoTarget for the "nothing here yet" line

    # B's count refreshes on its next look (every 45 s while in view; the tab coming back
    # into view does the same), with no reload: the count, and the list on his home page.
    b.evaluate("window.stillTheSamePage = true")
    b.evaluate("document.body.dispatchEvent(new CustomEvent('bond:tick'))")
    expect(b.locator("#waiting-badge .badge")).to_have_text("1 waiting for you")
    expect(b.locator("#for-you")).to_contain_text("Alice wrote you a note.")
    assert b.evaluate("window.stillTheSamePage") is True

    b.locator("#for-you").get_by_role("link", name="Read it").click()
    expect(b.get_by_text("Thank you for walking the dog in the rain.")).to_be_visible()
    expect(b.locator("#waiting-badge .badge")).to_have_count(0)
    b.get_by_role("link", name="Journal", exact=True).click()
    b.wait_for_url("**/journal/")  # a click does not wait for the next page
    assert_accessible(b)
    b.evaluate("window.stillTheSamePage = true")
    b.get_by_role("button", name="Heart").click()
    b.locator('#entries button.reaction.is-on[title="Heart"]').wait_for()
    assert b.evaluate("window.stillTheSamePage") is True
    expect(b.get_by_role("button", name="Heart")).to_have_attribute("aria-pressed", "true")

    a.reload()
    assert a.get_by_text("Bob reacted: Heart").count() == 1

    # B plans a date from the ideas library; A edits it.
    b.goto(base + "/plans/ideas/")
    assert_accessible(b)
    b.get_by_role("link", name="Plan this: Catch a sunrise together").click()
    b.get_by_label("Date").fill("2031-05-01")
    b.get_by_label("Time (optional)").fill("05:45")
    b.get_by_role("button", name="Save the plan").click()
    expect(b.get_by_role("heading", name="Catch a sunrise together")).to_be_visible()
    assert_accessible(b)
    b.get_by_role("button", name="Mark done").click()
    b.locator("#plan-status").get_by_text("Done").wait_for()

    a.goto(base + "/plans/")
    assert_accessible(a)
    a.get_by_role("link", name="Catch a sunrise together").first.click()
    a.get_by_role("link", name="Edit the plan").click()
    expect(a.get_by_label("Where (optional)")).to_be_visible()
    assert_accessible(a)
    a.get_by_label("Where (optional)").fill("The hill behind the station")
    a.get_by_role("button", name="Save").click()
    expect(a.get_by_text("The hill behind the station")).to_be_visible()
    expect(a.get_by_text("You changed it last")).to_be_visible()
    a.context.close()
    b.context.close()


def test_the_note_flow_with_javascript_off(browser, live_server, couple):
    base = live_server.url
    a = logged_in_page(
        browser, base, "alice@example.com", viewport=PHONE, java_script_enabled=False
    )
    b = logged_in_page(
        browser, base, "bob@example.com", viewport=DESKTOP, java_script_enabled=False
    )

    a.goto(base + "/journal/")
    a.locator("summary", has_text="Write Bob a thank-you").click()
    a.get_by_label("Your note").fill("")
    a.get_by_role("button", name="Send to Bob").click()
    expect(a.get_by_text("This field is required.")).to_be_visible()
    a.get_by_label("Your note").fill("You are so patient with me.")
    a.get_by_label("Who you are").check()
    a.get_by_role("button", name="Send to Bob").click()
    expect(a.get_by_text("Your note is on its way to Bob.")).to_be_visible()

    b.reload()
    assert b.locator("#waiting-badge .badge").inner_text().startswith("1")
    expect(b.locator("#for-you")).to_contain_text("Alice wrote you a note.")
    b.get_by_role("link", name="Journal").click()
    b.get_by_role("button", name="Hug").click()
    expect(b.get_by_role("button", name="Hug")).to_have_attribute("aria-pressed", "true")
    b.get_by_role("button", name="☆ Keep").click()
    expect(b.get_by_role("button", name="★ Kept")).to_be_visible()
    b.goto(base + "/journal/keepsakes/")
    expect(b.get_by_text("You are so patient with me.")).to_be_visible()

    a.goto(base + "/journal/")
    assert a.get_by_text("Bob reacted: Hug").count() == 1
    a.context.close()
    b.context.close()
