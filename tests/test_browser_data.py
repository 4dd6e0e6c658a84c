"""Settings in a real browser: download the journal, switch reminders off without JavaScript."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from accounts.models import User
from practices import journal
from tests.browser import assert_accessible, logged_in_page
from tests.conftest import DESKTOP, PASSWORD, PHONE

pytestmark = pytest.mark.browser


def test_the_journal_downloads_as_a_file(browser, live_server, couple, alice, bob, tmp_path):
    journal.write_note(
        couple=couple, author=bob, recipient=alice, text="Keep this one", category=""
    )
    base = live_server.url
    page = logged_in_page(
        browser, base, "alice@example.com", viewport=DESKTOP, accept_downloads=True
    )
    page.goto(base + "/account/settings/")
    assert_accessible(page)
    page.get_by_role("link", name="Download the journal (JSON)").click()
    # The journal leaves only after the password is entered again; then it downloads.
    page.wait_for_url("**/accounts/reauthenticate/**")
    page.get_by_label("Password:").fill(PASSWORD)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Confirm").click()
    download = download_info.value
    assert download.suggested_filename.startswith("bond-journal-")
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    data = json.loads(target.read_text())
    assert data["notes"][0]["text"] == "Keep this one"
    page.context.close()


def test_reminder_toggles_work_with_javascript_off(browser, live_server, couple, alice):
    base = live_server.url
    page = logged_in_page(
        browser, base, "alice@example.com", viewport=PHONE, java_script_enabled=False
    )
    page.goto(base + "/account/settings/")
    page.get_by_label("Email me the day before a planned date").uncheck()
    page.get_by_label("A gentle weekly nudge").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your settings are saved.")).to_be_visible()
    alice.refresh_from_db()
    assert (alice.remind_plans, alice.remind_weekly_thanks) == (False, True)
    assert not page.get_by_label("Email me the day before a planned date").is_checked()
    assert User.objects.get(pk=alice.pk).remind_weekly_thanks
    page.context.close()
