"""Signed-in sessions: listed and ended from settings; signed-in pages never cached."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def signed_in(email: str, browser: str) -> Client:
    """A browser of its own, signed in through the login form (as a person would)."""
    client = Client(headers={"User-Agent": browser})
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()
    return client


# Where you're signed in --------------------------------------------------------------------


def test_settings_link_to_where_you_are_signed_in(alice_client):
    page = alice_client.get("/account/settings/").content.decode()
    assert '<a href="/accounts/sessions/">Where you\'re signed in</a>' in page


def test_ending_the_other_sessions_signs_the_other_browser_out(alice):
    laptop = signed_in("alice@example.com", "Laptop browser")
    lost_phone = signed_in("alice@example.com", "Phone browser")
    assert lost_phone.get("/account/settings/").status_code == 200

    page = laptop.get("/accounts/sessions/").content.decode()
    assert "Laptop browser" in page
    assert "Phone browser" in page
    response = laptop.post("/accounts/sessions/")
    assert response.status_code == 302

    response = lost_phone.get("/account/settings/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in lost_phone.session
    # The browser that asked stays signed in, and is the only one listed now.
    assert laptop.get("/account/settings/").status_code == 200
    page = laptop.get("/accounts/sessions/").content.decode()
    assert "Phone browser" not in page


def test_one_person_cannot_end_anothers_sessions(alice, bob):
    alices = signed_in("alice@example.com", "Alice's browser")
    bobs = signed_in("bob@example.com", "Bob's browser")
    assert "Alice's browser" not in bobs.get("/accounts/sessions/").content.decode()
    bobs.post("/accounts/sessions/")
    assert alices.get("/account/settings/").status_code == 200


def test_the_sessions_page_needs_login(client):
    response = client.get("/accounts/sessions/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# Back after logging out shows nothing ------------------------------------------------------


def test_signed_in_pages_are_never_stored(alice_client):
    for url in ["/", "/account/settings/", "/account/partner/", "/accounts/email/"]:
        assert alice_client.get(url)["Cache-Control"] == "no-store", url
    # A redirect too: it can say where somebody was going.
    assert alice_client.get("/account/partner/leave/")["Cache-Control"] == "no-store"


def test_what_sets_its_own_caching_keeps_it(alice_client, client):
    # The health check says never_cache itself; a page for nobody in particular is left be.
    assert alice_client.get("/healthz")["Cache-Control"] == (
        "max-age=0, no-cache, no-store, must-revalidate, private"
    )
    assert "Cache-Control" not in client.get("/")


def test_after_logging_out_the_pages_are_gone(alice):
    browser = signed_in("alice@example.com", "Shared computer")
    assert browser.get("/account/settings/")["Cache-Control"] == "no-store"
    browser.post("/accounts/logout/")
    response = browser.get("/account/settings/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
