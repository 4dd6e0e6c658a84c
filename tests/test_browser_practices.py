"""The practices in a real browser: the daily question for two, and steps with and without JS."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from practices.content import PRACTICES
from tests.browser import assert_accessible, logged_in_page
from tests.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser


def test_both_answer_todays_question_and_see_each_other_only_then(browser, live_server, couple):
    base = live_server.url
    a = logged_in_page(browser, base, "alice@example.com", viewport=PHONE)
    b = logged_in_page(browser, base, "bob@example.com", viewport=DESKTOP)

    a.get_by_role("link", name="Answer", exact=True).click()
    a.wait_for_url(base + "/today/")
    assert_accessible(a)
    a.get_by_label("Your answer").fill("The walk by the canal on Sunday.")
    a.get_by_role("button", name="Save my answer").click()
    expect(a.get_by_text("Waiting for Bob")).to_be_visible()

    b.goto(base + "/today/")
    expect(b.get_by_text("Alice answered — answer to see theirs")).to_be_visible()
    assert b.get_by_text("The walk by the canal on Sunday.").count() == 0
    b.get_by_label("Your answer").fill("Cooking dinner together last night.")
    b.get_by_role("button", name="Save my answer").click()
    expect(b.get_by_text("The walk by the canal on Sunday.")).to_be_visible()
    assert_accessible(b)

    a.reload()
    expect(a.get_by_text("Cooking dinner together last night.")).to_be_visible()
    a.context.close()
    b.context.close()


def test_walking_a_practice_with_javascript_on_swaps_steps_in_place(browser, live_server, couple):
    base = live_server.url
    page = logged_in_page(browser, base, "alice@example.com", viewport=PHONE)
    page.goto(base + "/practices/empathy/")
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_role("link", name="Next").click()
    page.wait_for_url(base + "/practices/empathy/step/2/")
    expect(page.get_by_role("heading", name=PRACTICES[1].steps[1].title)).to_be_visible()
    assert page.evaluate("window.stillTheSamePage") is True
    page.go_back()
    page.wait_for_url(base + "/practices/empathy/")
    expect(page.get_by_role("heading", name=PRACTICES[1].steps[0].title)).to_be_visible()
    page.context.close()


def test_walking_a_practice_without_javascript_and_every_page_is_accessible(
    browser, live_server, couple
):
    base = live_server.url
    page = logged_in_page(
        browser, base, "bob@example.com", viewport=DESKTOP, java_script_enabled=False
    )
    practice = PRACTICES[3]  # appreciation: its action writes a note
    page.goto(base + f"/practices/{practice.slug}/")
    for step in practice.steps:
        expect(page.get_by_role("heading", name=step.title)).to_be_visible()
        page.get_by_role("link", name="Next").or_(
            page.get_by_role("link", name=practice.action_title)
        ).click()
    expect(page.get_by_role("heading", name=practice.action_title)).to_be_visible()
    page.get_by_label("Your note").fill("Thank you for listening so well last night.")
    page.get_by_role("button", name="Send to Alice").click()
    expect(page.get_by_text("Your note is on its way to Alice.")).to_be_visible()
    page.context.close()

    checker = logged_in_page(browser, base, "alice@example.com", viewport=PHONE)
    for path in ["/practices/", "/practices/faq/", "/today/"]:
        checker.goto(base + path)
        assert_accessible(checker)
    for practice in PRACTICES:
        checker.goto(base + f"/practices/{practice.slug}/")
        assert_accessible(checker)
        checker.goto(base + f"/practices/{practice.slug}/step/{len(practice.steps) + 1}/")
        assert_accessible(checker)
    checker.context.close()
