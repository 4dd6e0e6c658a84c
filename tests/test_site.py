from __future__ import annotations

import pytest
from django.test import Client

from practices.content import PRACTICES


def test_healthz_answers_ok_without_touching_the_database(client: Client):
    # No django_db mark: pytest-django makes any query in this test raise.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_landing_explains_bond_and_lists_the_seven_practices(client: Client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Create your account" in html
    assert len(PRACTICES) == 7
    for practice in PRACTICES:
        assert practice.title in html


@pytest.mark.django_db
def test_landing_uses_the_base_layout_with_htmx_and_our_stylesheet(client: Client):
    html = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert "/static/css/bond.css" in html
    assert "/static/django_htmx/htmx-2.min.js" in html
    assert 'data-hx-headers=\'{"x-csrftoken": "' in html
    assert "<style" not in html
    assert ' style="' not in html


@pytest.mark.django_db
def test_dashboard_greets_the_signed_in_user(sam_client: Client):
    response = sam_client.get("/")
    assert response.status_code == 200
    assert "Hello, Sam" in response.content.decode()


@pytest.mark.django_db
def test_unknown_page_is_a_friendly_404_in_the_layout(client: Client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "find that page" in html
    assert '<a class="skip-link"' in html


@pytest.mark.django_db
def test_server_error_page_is_friendly_and_in_the_layout(rf):
    from bond.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert '<a class="skip-link"' in html


def test_post_to_home_is_not_allowed(client: Client):
    assert client.post("/").status_code == 405


@pytest.mark.django_db
def test_a_rate_limited_request_gets_a_calm_page_in_the_layout(client: Client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login": "2/m/ip"}
    for _ in range(2):
        client.post("/accounts/login/", {"login": "nobody@example.com", "password": "wrong"})
    response = client.post("/accounts/login/", {"login": "nobody@example.com", "password": "x"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many tries" in page
    assert 'class="site-header"' in page
