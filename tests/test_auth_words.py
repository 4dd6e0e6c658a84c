"""What allauth's emails and pages say: Bond's words and its name (SITE_NAME), never the host.

Every email allauth sends greets the person by name when the address has an account
("Hello Sam,", else "Hello,"), names the site in its subject ("[Bond] …") and signs off
"— Bond"; the sign-in pages read as Bond (sentence case, no "Please contact us", a plain
checkbox label).
"""

from __future__ import annotations

import re

import pytest
from allauth.core.context import request_context
from django.test import Client, RequestFactory

from accounts.adapter import AccountAdapter
from tests.conftest import PASSWORD, with_totp

pytestmark = pytest.mark.django_db

HOST_GREETINGS = ("Hello from", "127.0.0.1", "example.com", "testserver", "localhost")


def sign_up(client: Client, email: str = "nora@example.com", name: str = "Nora"):
    return client.post(
        "/accounts/signup/",
        {
            "email": email,
            "display_name": name,
            "time_zone": "Europe/Paris",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def lines_of(message) -> list[str]:
    return message.body.strip().splitlines()


def assert_bond_letter(message, greeting: str, site_name: str = "Bond") -> None:
    """Greeting first, the site's name last, the site's name in the subject, no host."""
    lines = lines_of(message)
    assert lines[0] == greeting, message.body
    assert lines[-1] == f"— {site_name}", message.body
    assert message.subject.startswith(f"[{site_name}] "), message.subject
    assert "\n" not in message.subject
    for word in HOST_GREETINGS:
        assert word not in lines[0] + lines[-1] + message.subject, message.body
    assert "Hello from" not in message.body
    assert "Thank you for using" not in message.body
    assert not message.alternatives  # plain text only: no HTML variant of allauth's own


def link_in(message) -> str:
    match = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert match, message.body
    return match.group(1)


# Emails ---------------------------------------------------------------------------------


def test_the_confirmation_email_after_sign_up_greets_the_person_and_names_bond(
    client: Client, mailbox
):
    sign_up(client)
    (message,) = mailbox()
    assert message.to == ["nora@example.com"]
    assert message.subject == "[Bond] Confirm your email address"
    assert_bond_letter(message, "Hello Nora,")
    assert "Welcome to Bond" in message.body
    for host in ("127.0.0.1", "example.com"):
        assert host not in message.body
    # The link in it still confirms the address.
    assert client.post(link_in(message)).status_code == 302
    assert "Hello, Nora" in client.get("/").content.decode()


def test_the_password_reset_email_greets_the_person_and_names_bond(client: Client, sam, mailbox):
    client.post("/accounts/password/reset/", {"email": "sam@example.com"})
    (message,) = mailbox()
    assert message.subject == "[Bond] Reset your password"
    assert_bond_letter(message, "Hello Sam,")
    assert "/accounts/password/reset/key/" in link_in(message)
    for host in ("127.0.0.1", "example.com"):
        assert host not in message.body


def test_a_reset_for_an_address_with_no_account_says_so_without_a_name(client: Client, mailbox):
    client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    (message,) = mailbox()
    assert message.subject == "[Bond] No account with this email address"
    assert_bond_letter(message, "Hello,")
    assert link_in(message) == "/accounts/signup/"


def test_signing_up_again_tells_the_owner_by_name(client: Client, sam, mailbox):
    sign_up(client, email="sam@example.com", name="Someone else")
    (message,) = mailbox()
    assert message.subject == "[Bond] You already have an account"
    assert_bond_letter(message, "Hello Sam,")
    assert "Someone else" not in message.body


def test_logging_in_before_confirming_sends_a_new_link_as_the_page_says(
    client: Client, make_user, mailbox
):
    make_user("Uma", verified=False)
    response = client.post("/accounts/login/", {"login": "uma@example.com", "password": PASSWORD})
    assert response["Location"] == "/accounts/confirm-email/"
    (message,) = mailbox()
    assert message.to == ["uma@example.com"]
    assert message.subject == "[Bond] Confirm your email address"
    assert_bond_letter(message, "Hello Uma,")
    assert "/accounts/confirm-email/" in link_in(message)


def test_a_notice_gives_the_time_in_the_persons_own_zone(make_user, client_for, mailbox):
    kenji = make_user("Kenji", time_zone="Asia/Tokyo")
    client_for(kenji).post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "a new passphrase 4",
            "password2": "a new passphrase 4",
        },
    )
    (notice,) = mailbox()
    assert notice.subject == "[Bond] Your password was changed"
    assert_bond_letter(notice, "Hello Kenji,")
    (when,) = [line for line in lines_of(notice) if line.startswith("When: ")]
    assert when.endswith(" JST"), when


def test_site_name_changes_the_subject_and_the_sign_off(client: Client, settings, mailbox):
    settings.SITE_NAME = "Our Place"
    sign_up(client)
    (message,) = mailbox()
    assert message.subject == "[Our Place] Confirm your email address"
    assert_bond_letter(message, "Hello Nora,", site_name="Our Place")
    assert "Welcome to Our Place" in message.body
    assert "Bond" not in message.subject + message.body


# Every email allauth can send with our settings (but the one to an address with no account,
# above), with the context allauth gives it, and what it must carry.
CONFIRM_URL = "https://bond.test/accounts/confirm-email/KEY/"
RESET_URL = "https://bond.test/accounts/password/reset/key/1-x/"
EMAILS = {
    "account/email/email_confirmation_signup": (
        "Confirm your email address",
        {"activate_url": CONFIRM_URL, "key": "KEY"},
        CONFIRM_URL,
    ),
    "account/email/email_confirmation": (
        "Confirm your email address",
        {"activate_url": CONFIRM_URL, "key": "KEY"},
        CONFIRM_URL,
    ),
    "account/email/password_reset_key": (
        "Reset your password",
        {"password_reset_url": RESET_URL},
        RESET_URL,
    ),
    "account/email/password_reset_code": (
        "Your code to reset your password",
        {"code": "ABC123"},
        "ABC123",
    ),
    "account/email/account_already_exists": (
        "You already have an account",
        {
            "signup_url": "https://bond.test/accounts/signup/",
            "password_reset_url": "https://bond.test/accounts/password/reset/",
        },
        "https://bond.test/accounts/password/reset/",
    ),
    "account/email/login_code": ("Your code to log in", {"code": "ABC123"}, "ABC123"),
}
NOTICES = {
    "account/email/password_changed": ("Your password was changed", {}),
    "account/email/password_set": ("A password was set for your account", {}),
    "account/email/password_reset": ("Your password was reset", {}),
    "account/email/email_changed": (
        "Your email address was changed",
        {"from_email": "alice@example.com", "to_email": "alice.new@example.com"},
    ),
    "account/email/email_confirm": ("Your email address is confirmed", {}),
    "account/email/email_deleted": (
        "An email address was removed from your account",
        {"deleted_email": "alice.old@example.com"},
    ),
    "account/email/signed_in": ("New sign-in to your account", {}),
    "mfa/email/totp_activated": ("An authenticator app was added to your account", {}),
    "mfa/email/totp_deactivated": ("The authenticator app was removed from your account", {}),
    "mfa/email/recovery_codes_generated": ("New recovery codes for your account", {}),
    "mfa/email/webauthn_added": ("A passkey or security key was added", {}),
    "mfa/email/webauthn_removed": ("A passkey or security key was removed", {}),
}


def send_as_allauth(user, send) -> None:
    request = RequestFactory().get("/", HTTP_USER_AGENT="Firefox 130")
    request.user = user
    with request_context(request):
        send(AccountAdapter(request))


@pytest.mark.parametrize("prefix", sorted(EMAILS))
def test_every_email_is_in_bonds_words(prefix, couple, alice, mailbox):
    subject, context, carried = EMAILS[prefix]
    send_as_allauth(alice, lambda adapter: adapter.send_mail(prefix, alice.email, context))
    (message,) = mailbox()
    assert message.subject == f"[Bond] {subject}"
    assert_bond_letter(message, "Hello Alice,")  # found by the address when not given
    assert carried in message.body
    # Nothing of the couple's: the partner's name is in every page's context, never here.
    assert "Bob" not in message.subject + message.body


@pytest.mark.parametrize("prefix", sorted(NOTICES))
def test_every_notice_is_in_bonds_words(prefix, couple, alice, mailbox):
    subject, context = NOTICES[prefix]
    send_as_allauth(
        alice, lambda adapter: adapter.send_notification_mail(prefix, alice, context or None)
    )
    (message,) = mailbox()
    assert message.to == [alice.email]
    assert message.subject == f"[Bond] {subject}"
    assert_bond_letter(message, "Hello Alice,")
    assert "IP address: 127.0.0.1" in message.body
    assert "Browser: Firefox 130" in message.body
    # A date people read, in the person's zone (Alice's is UTC), not an ISO timestamp.
    assert re.search(r"^When: \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC$", message.body, re.M)
    assert "Bob" not in message.subject + message.body


def test_a_code_to_confirm_its_you_says_so(alice, mailbox):
    send_as_allauth(
        alice,
        lambda adapter: adapter.send_mail(
            "account/email/login_code", alice.email, {"code": "ABC123", "reauthentication": True}
        ),
    )
    (message,) = mailbox()
    assert message.subject == "[Bond] Your code to confirm it's you"
    assert "ABC123" in message.body


# Pages ----------------------------------------------------------------------------------


def label_texts(html: str) -> dict[str, str]:
    """Each label's text, by the id of the field it names."""
    return {
        match["for"]: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match["text"])).strip()
        for match in re.finditer(r'<label for="(?P<for>[^"]+)">(?P<text>.*?)</label>', html, re.S)
    }


def test_the_login_page_has_a_plain_checkbox_and_sentence_case_buttons(client: Client):
    html = client.get("/accounts/login/").content.decode()
    assert "Remember Me" not in html
    assert label_texts(html)["id_remember"] == "Keep me signed in on this device"
    assert not label_texts(html)["id_remember"].endswith(":")
    assert re.search(r"<button[^>]*>\s*Log in\s*</button>", html)
    assert "Sign In" not in html
    assert "<h1>Log in</h1>" in html


def test_the_sign_up_page_has_a_sentence_case_button(client: Client):
    html = client.get("/accounts/signup/").content.decode()
    assert re.search(r"<button[^>]*>\s*Sign up\s*</button>", html)
    assert "Sign Up" not in html
    assert "Signup" not in html
    # The sign-up fields keep the labels the browser tests and Bond's other forms use.
    assert label_texts(html)["id_email"] == "Email:"
    assert label_texts(html)["id_display_name"] == "Your name:"


def test_the_verification_sent_page_says_what_to_do_not_contact_us(client: Client):
    response = sign_up(client)
    html = client.get(response["Location"]).content.decode()
    assert "contact us" not in html.lower()
    assert "spam" in html
    assert 'href="/accounts/login/"' in html  # logging in sends a new link


FORBIDDEN = (
    "contact us",
    "e-mail",
    "Sign In",
    "Sign Up",
    "Signup",
    "Sign Out",
    "Two-Factor",
    "Authenticator App",
    "Security Keys",
    "Recovery Codes",
    "Remember Me",
    "Confirm Access",
    "reauthenticate to",
    "127.0.0.1",
    "testserver",
)


def assert_reads_as_bond(html: str, path: str) -> None:
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    # What people read: not the passkey ceremony's data (its relying party is the host).
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", main, flags=re.S))
    for words in FORBIDDEN:
        assert words.lower() not in text.lower() if words.islower() else words not in text, (
            path,
            words,
        )
    # A strict CSP: no inline style or script on allauth's pages either.
    assert ' style="' not in html, path
    assert "<style" not in html, path
    for tag in html.split("<script")[1:]:
        assert tag.lstrip().startswith("src=") or 'type="application/json"' in tag, path


def test_the_sign_in_pages_read_as_bond(client: Client):
    for path in [
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/confirm-email/",
        "/accounts/confirm-email/not-a-key/",
        "/accounts/password/reset/",
        "/accounts/password/reset/done/",
        "/accounts/password/reset/key/1-not-a-key/",
        "/accounts/password/reset/key/done/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_reads_as_bond(response.content.decode(), path)


def test_the_account_pages_read_as_bond(sam, reauthenticated, mailbox):
    client = reauthenticated(sam)
    # A change of address waiting for its confirmation: the page's hidden form.
    client.post("/accounts/email/", {"action_add": "", "email": "sam.new@example.com"})
    for path in [
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/reauthenticate/",
        "/accounts/sessions/",
        "/accounts/logout/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_reads_as_bond(response.content.decode(), path)
    html = client.get("/accounts/email/").content.decode()
    assert '<form hidden id="pending-email"' in html
    labels = label_texts(client.get("/accounts/password/change/").content.decode())
    assert labels["id_oldpassword"] == "Current password:"
    assert labels["id_password1"] == "New password:"


def test_the_two_step_pages_read_as_bond(sam, client: Client):
    client.post("/accounts/login/", {"login": sam.email, "password": PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    for path in [
        "/accounts/2fa/",
        "/accounts/2fa/totp/activate/",
        "/accounts/2fa/webauthn/",
        "/accounts/2fa/webauthn/add/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_reads_as_bond(response.content.decode(), path)
    html = client.get("/accounts/2fa/webauthn/add/").content.decode()
    assert "Passwordless" not in html
    assert label_texts(html)["id_passwordless"].startswith("Use it as a passkey")


def test_the_two_step_login_page_reads_as_bond(make_user, client: Client):
    tess = make_user("Tess")
    with_totp(tess)
    client.post("/accounts/login/", {"login": tess.email, "password": PASSWORD})
    html = client.get("/accounts/2fa/authenticate/").content.decode()
    assert_reads_as_bond(html, "/accounts/2fa/authenticate/")
    assert re.search(r"<button[^>]*>\s*Log in\s*</button>", html)
