"""Helpers shared by the browser tests (Playwright driving Debian's chromium)."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from tests.conftest import PASSWORD

_axe = Axe()


def axe_violations(page, *, impacts: set[str] | None = None) -> list[str]:
    """What axe-core finds on the page as it is now: every violation, or those of these
    impacts only; each with where it is and, for the first few places, why."""
    results = _axe.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(
            f"{node['target']} [{' '.join(node['failureSummary'].split())}]"
            for node in violation["nodes"][:3]
        )
        + (f" and {len(violation['nodes']) - 3} more" if len(violation["nodes"]) > 3 else "")
        for violation in results.response["violations"]
        if impacts is None or violation["impact"] in impacts
    ]


def assert_accessible(page) -> None:
    """axe-core finds no serious or critical violation on the page as it is now."""
    blocking = axe_violations(page, impacts={"serious", "critical"})
    assert not blocking, f"{page.url}: " + "; ".join(blocking)


def deliver_mail() -> None:
    """Run the background worker over what is queued, as `manage.py worker` would beside the
    live server (whose database the browser tests commit to)."""
    call_command("worker", "--burst", "--no-schedule", "--interval=0")


def last_link_to(address: str) -> str:
    """The path of the first link in the newest email delivered to this address."""
    message = next(m for m in reversed(mail.outbox) if address in m.to)
    match = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def sign_up(page, base_url: str, *, name: str, email: str, password: str) -> None:
    """Sign up through the form, confirm the emailed link, and land on the dashboard."""
    page.goto(base_url + "/accounts/signup/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Your name:").fill(name)
    page.get_by_label("Password:", exact=True).fill(password)
    page.get_by_label("Password (again):").fill(password)
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/accounts/confirm-email/")
    deliver_mail()
    page.goto(base_url + last_link_to(email))
    page.get_by_role("button", name="Confirm").click()


def log_in(page, base: str, email: str) -> None:
    """Sign in through the login form (with the password every test user has) and land on
    the dashboard."""
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/")


def logged_in_page(browser, base: str, email: str, **context_options):
    """A page in a browser context of its own (its own cookies), signed in as `email`."""
    page = browser.new_context(**context_options).new_page()
    log_in(page, base, email)
    return page


def signed_in_as(page, name: str) -> None:
    """The account menu (a <details> in the header) says who is signed in."""
    menu = page.locator("details.account-menu")
    menu.locator("summary").click()
    expect(menu.get_by_text(f"Signed in as {name}", exact=True)).to_be_visible()
    menu.locator("summary").click()


def log_out(page) -> None:
    """Log out through the account menu, as a person does."""
    page.locator("details.account-menu summary").click()
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
