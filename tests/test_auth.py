"""Accounts through allauth: sign-up, verification, log in and out, password and email."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.utils import timezone

from accounts.models import Couple, User
from practices import journal
from tests.conftest import PASSWORD, age_authentication

pytestmark = pytest.mark.django_db


def sign_up(client: Client, email: str = "nora@example.com", **overrides: str):
    data = {
        "email": email,
        "display_name": "Nora",
        "time_zone": "Europe/Paris",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post("/accounts/signup/", data)


def link_in(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def test_sign_up_confirm_and_reach_the_dashboard(client: Client, mailbox):
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="nora@example.com")
    assert user.display_name == "Nora"
    assert user.time_zone == "Europe/Paris"

    # Not usable before the address is confirmed.
    assert client.get("/").content.decode().count("Hello, Nora") == 0

    assert len(mailbox()) == 1
    confirm_url = link_in(mailbox()[0])
    assert client.get(confirm_url).status_code == 200
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="nora@example.com").verified

    response = client.get("/")
    assert "Hello, Nora" in response.content.decode()


def test_confirmation_from_another_browser_then_log_in(client: Client, mailbox):
    sign_up(client)
    other_browser = Client()
    other_browser.post(link_in(mailbox()[0]))
    response = other_browser.post(
        "/accounts/login/", {"login": "nora@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "Hello, Nora" in other_browser.get("/").content.decode()


def test_unverified_user_cannot_log_in(client: Client, make_user):
    make_user("Uma", verified=False)
    response = client.post("/accounts/login/", {"login": "uma@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert "Hello, Uma" not in client.get("/").content.decode()


def test_duplicate_email_shows_no_error_that_would_reveal_the_account(client: Client, sam, mailbox):
    # Account enumeration is prevented: the page looks the same as for a new address,
    # and the owner of the address is told by email instead.
    response = sign_up(client, email="SAM@example.com")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert User.objects.filter(email__iexact="sam@example.com").count() == 1
    assert len(mailbox()) == 1
    assert mailbox()[0].to == ["sam@example.com"]
    assert "already" in mailbox()[0].body.lower()


def test_the_database_refuses_two_accounts_that_differ_only_in_case(sam):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        User.objects.create_user("SAM@EXAMPLE.COM", PASSWORD, display_name="Other Sam")


def test_weak_password_gets_a_form_error(client: Client):
    response = sign_up(client, password1="password", password2="password")
    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()
    assert not User.objects.filter(email="nora@example.com").exists()


def test_missing_name_gets_a_form_error(client: Client):
    response = sign_up(client, display_name="")
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not User.objects.exists()


def test_wrong_password_is_refused(client: Client, sam):
    response = client.post(
        "/accounts/login/", {"login": "sam@example.com", "password": "not the password"}
    )
    assert response.status_code == 200
    assert "That email address and password don" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_log_in_and_log_out(client: Client, sam):
    response = client.post("/accounts/login/", {"login": "sam@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert "Hello, Sam" in client.get("/").content.decode()

    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert "Create your account" in client.get("/").content.decode()


def test_too_many_wrong_passwords_are_rate_limited(client: Client, sam):
    for _ in range(5):
        client.post("/accounts/login/", {"login": "sam@example.com", "password": "wrong"})
    response = client.post("/accounts/login/", {"login": "sam@example.com", "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email(client: Client, sam, mailbox):
    response = client.post("/accounts/password/reset/", {"email": "sam@example.com"})
    assert response.status_code == 302
    reset_url = link_in(mailbox()[0])
    response = client.get(reset_url)
    assert response.status_code == 302  # allauth moves the key out of the URL
    form_url = response["Location"]
    response = client.post(
        form_url, {"password1": "a new long passphrase 42", "password2": "a new long passphrase 42"}
    )
    assert response.status_code == 302
    sam.refresh_from_db()
    assert sam.check_password("a new long passphrase 42")


def test_password_reset_for_an_unknown_address_looks_the_same(client: Client):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"


def test_the_suite_hashes_passwords_with_the_fast_hasher(sam):
    # conftest.py sets it in an autouse fixture, which runs before make_user hashes anything;
    # with the real hasher, every user a test makes would cost a few hundred milliseconds.
    assert sam.password.startswith("md5$")


def test_change_password(sam, sam_client):
    response = sam_client.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "another passphrase 77",
            "password2": "another passphrase 77",
        },
    )
    assert response.status_code == 302
    sam.refresh_from_db()
    assert sam.check_password("another passphrase 77")


def test_change_email_needs_the_new_address_confirmed(sam, reauthenticated, mailbox):
    sam_client = reauthenticated(sam)
    response = sam_client.post(
        "/accounts/email/", {"action_add": "", "email": "sam.new@example.com"}
    )
    assert response.status_code == 302
    assert mailbox()[-1].to == ["sam.new@example.com"]
    sam_client.post(link_in(mailbox()[-1]))
    sam.refresh_from_db()
    assert sam.email == "sam.new@example.com"


ADD_ADDRESS = {"action_add": "", "email": "attacker@example.net"}


def test_adding_an_email_address_asks_for_the_password_again(sam, client_for, mailbox):
    # A session left open somewhere must not be able to add an address of its own, confirm
    # it and take the account with a password reset to it.
    client = client_for(sam)
    response = client.post("/accounts/email/", ADD_ADDRESS)
    assert response["Location"] == "/accounts/reauthenticate/?next=%2Faccounts%2Femail%2F"
    assert not EmailAddress.objects.filter(email="attacker@example.net").exists()
    assert mailbox() == []
    # With the password entered again, the address it held back is added (to be confirmed).
    response = client.post(
        "/accounts/reauthenticate/?next=/accounts/email/", {"password": PASSWORD}
    )
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="attacker@example.net", verified=False).user == sam
    assert mailbox()[-1].to == ["attacker@example.net"]


def test_the_password_entered_again_holds_for_a_few_minutes_only(sam, reauthenticated, settings):
    client = reauthenticated(sam)
    age_authentication(client, settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 1)
    response = client.post("/accounts/email/", ADD_ADDRESS)
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert not EmailAddress.objects.filter(email="attacker@example.net").exists()
    # Nor may an address be removed or made the main one without it.
    other = EmailAddress.objects.create(user=sam, email="sam.2@example.com", verified=True)
    for action in ("action_remove", "action_primary"):
        response = client.post("/accounts/email/", {action: "", "email": other.email})
        assert response["Location"].startswith("/accounts/reauthenticate/")
    other.refresh_from_db()
    assert not other.primary


# Security notices -----------------------------------------------------------------------


@pytest.fixture
def alice_with_a_journal(couple, alice, bob) -> User:
    journal.write_note(
        couple=couple, author=bob, recipient=alice, text="NOTE-TEXT-4f2a", category=""
    )
    Couple.objects.filter(pk=couple.pk).update(name="COUPLE-NAME-91c3")
    return alice


def assert_no_journal_data(message) -> None:
    text = message.subject + message.body + "".join(a[0] for a in message.alternatives)
    for private in ("NOTE-TEXT-4f2a", "COUPLE-NAME-91c3", "Bob"):
        assert private not in text


def test_changing_the_password_sends_a_notice(alice_with_a_journal, alice_client, mailbox):
    response = alice_client.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "a new passphrase 4",
            "password2": "a new passphrase 4",
        },
    )
    assert response.status_code == 302
    (notice,) = mailbox()
    assert notice.to == ["alice@example.com"]
    assert notice.subject == "[Bond] Your password was changed"
    assert "Your Bond password has just been changed." in notice.body
    assert_no_journal_data(notice)


def test_changing_the_email_address_sends_a_notice_to_the_old_one(
    alice_with_a_journal, alice, reauthenticated, mailbox
):
    client = reauthenticated(alice)
    client.post("/accounts/email/", {"action_add": "", "email": "alice.new@example.com"})
    client.post(link_in(mailbox()[-1]))
    alice.refresh_from_db()
    assert alice.email == "alice.new@example.com"
    # The old address hears of it: the one an attacker who took the account cannot read.
    (notice,) = [m for m in mailbox() if m.to == ["alice@example.com"]]
    assert notice.subject == "[Bond] Your email address was changed"
    assert "alice@example.com to alice.new@example.com" in notice.body
    assert_no_journal_data(notice)


def test_allauth_pages_use_our_layout(client: Client):
    for url in ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]:
        html = client.get(url).content.decode()
        assert '<a class="skip-link" href="#main">' in html, url
        assert 'class="stack-form"' in html, url
        assert "page-narrow" in html, url


def test_profile_settings_change_name_and_time_zone(sam, sam_client):
    assert sam_client.get("/account/settings/").status_code == 200
    response = sam_client.post(
        "/account/settings/", {"display_name": "Samira", "time_zone": "Asia/Tokyo"}
    )
    assert response.status_code == 302
    sam.refresh_from_db()
    assert (sam.display_name, sam.time_zone) == ("Samira", "Asia/Tokyo")


def test_profile_settings_refuse_an_unknown_time_zone(sam, sam_client):
    response = sam_client.post(
        "/account/settings/", {"display_name": "Sam", "time_zone": "Mars/Base"}
    )
    assert response.status_code == 422
    assert "Select a valid choice" in response.content.decode()
    sam.refresh_from_db()
    assert sam.time_zone == "UTC"


def test_profile_settings_need_login(client: Client):
    response = client.get("/account/settings/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_sign_in_sends_a_notice_but_not_right_after_signing_up(
    client: Client, make_user, mailbox
):
    newcomer = make_user("Nora", email="nora@example.com")
    client.post("/accounts/login/", {"login": "nora@example.com", "password": PASSWORD})
    assert mailbox() == []  # the account is minutes old: its owner is signing up

    newcomer.date_joined = timezone.now() - dt.timedelta(days=3)
    newcomer.save(update_fields=["date_joined"])
    other = Client()
    response = other.post("/accounts/login/", {"login": "nora@example.com", "password": PASSWORD})
    assert response.status_code == 302
    (notice,) = mailbox()
    assert notice.to == ["nora@example.com"]
    assert notice.subject == "[Bond] New sign-in to your account"
    assert "Someone just signed in to your Bond account" in notice.body
    assert "IP address" in notice.body


def test_time_zones_are_grouped_by_area_with_the_browsers_first_by_script(sam_client):
    page = sam_client.get("/account/settings/").content.decode()
    select = re.search(r'<select name="time_zone".*?</select>', page, re.S).group(0)
    assert "data-time-zone" in select  # static/js/bond.js puts this device's zone on top
    assert '<optgroup label="Europe">' in select
    assert '<option value="Europe/Paris">Paris</option>' in select
    assert (
        '<option value="America/Argentina/Buenos_Aires">Argentina – Buenos Aires</option>' in select
    )
    assert select.count("<optgroup") == 9  # not five hundred names in one list
