"""Two-step sign-in in Chromium: an authenticator app, recovery codes and a passkey.

The app's codes are computed here from the secret the page shows (RFC 6238, independent
of allauth's own code). Passkeys are made by Chromium's virtual authenticator, driven over
the DevTools protocol. WebAuthn needs a secure context: the live server is on
http://localhost, which is one (and the relying party is that host).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible, log_in, log_out, signed_in_as
from tests.conftest import DESKTOP, PASSWORD, PHONE

pytestmark = pytest.mark.browser


def totp(secret: str, at: float) -> str:
    """RFC 6238 with its defaults (what the QR code says): HMAC-SHA1, 30 s steps, 6 digits."""
    key = base64.b32decode(secret, casefold=True)
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def test_totp_follows_rfc_6238():
    # RFC 6238, appendix B (SHA-1): the 8-digit codes end in these 6 digits.
    secret = base64.b32encode(b"12345678901234567890").decode()
    assert totp(secret, 59) == "287082"
    assert totp(secret, 1111111109) == "081804"
    assert totp(secret, 2000000000) == "279037"


def code_now(secret: str) -> str:
    """The code an authenticator app would show now; waits out the last seconds of a step
    so that it is still current when the server checks it."""
    if time.time() % 30 > 27:
        time.sleep(30 - time.time() % 30 + 0.1)
    return totp(secret, time.time())


def confirm_password(page) -> None:
    """allauth asks for the password again before a sign-in factor is added."""
    page.wait_for_url("**/accounts/reauthenticate/**")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()


def password_step(page, base: str, email: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/accounts/2fa/authenticate/")


def test_app_codes_and_recovery_codes(browser, live_server, make_user):
    make_user("Tess")
    base = live_server.url
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    log_in(page, base, "tess@example.com")

    page.goto(base + "/account/settings/")
    page.get_by_role("link", name="Two-step sign-in").click()
    page.wait_for_url(base + "/accounts/2fa/")
    assert_accessible(page)
    page.get_by_role("link", name="Activate").click()
    confirm_password(page)

    page.wait_for_url(base + "/accounts/2fa/totp/activate/")
    qr = page.get_by_role("img")
    expect(qr).to_be_visible()
    assert qr.get_attribute("src").startswith("data:image/svg+xml;base64,")
    secret = page.get_by_label("Authenticator secret").input_value()
    assert len(secret) == 32
    assert_accessible(page)
    page.get_by_label("Authenticator code").fill(code_now(secret))
    page.get_by_role("button", name="Activate").click()

    page.wait_for_url(base + "/accounts/2fa/recovery-codes/")
    recovery_codes = page.get_by_label("Unused codes").input_value().split()
    assert len(recovery_codes) == 10
    assert_accessible(page)
    log_out(page)

    # The password, then a code from the app.
    password_step(page, base, "tess@example.com")
    assert_accessible(page)
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Incorrect code.")).to_be_visible()
    page.get_by_label("Code").fill(code_now(secret))
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/")
    signed_in_as(page, "Tess")
    log_out(page)

    # A recovery code instead of the app: once.
    password_step(page, base, "tess@example.com")
    page.get_by_label("Code").fill(recovery_codes[0])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/")
    log_out(page)
    password_step(page, base, "tess@example.com")
    page.get_by_label("Code").fill(recovery_codes[0])
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Incorrect code.")).to_be_visible()
    assert page.url == base + "/accounts/2fa/authenticate/"
    context.close()


def add_virtual_authenticator(context, page) -> None:
    """A platform authenticator that keeps passkeys and verifies its user (as a phone's
    fingerprint reader would), answering every ceremony at once."""
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )


def test_a_passkey_signs_in_without_the_password_and_as_a_second_step(
    browser, live_server, make_user
):
    make_user("Pia")
    base = live_server.url
    assert base.startswith("http://localhost:")  # a secure context, and the relying party
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    add_virtual_authenticator(context, page)
    log_in(page, base, "pia@example.com")

    page.goto(base + "/accounts/2fa/")
    page.get_by_role("link", name="Add", exact=True).click()
    confirm_password(page)
    page.wait_for_url(base + "/accounts/2fa/webauthn/add/")
    assert_accessible(page)
    page.get_by_label("A name for it").fill("Pia's laptop")
    page.get_by_label("Use it as a passkey").check()
    page.get_by_role("button", name="Add", exact=True).click()
    # Recovery codes come with the first factor, as with the app.
    page.wait_for_url(base + "/accounts/2fa/recovery-codes/")
    page.goto(base + "/accounts/2fa/webauthn/")
    expect(page.get_by_text("Pia's laptop")).to_be_visible()
    expect(page.get_by_text("Passkey", exact=True)).to_be_visible()
    assert_accessible(page)
    log_out(page)

    # No email, no password: the passkey alone.
    page.goto(base + "/accounts/login/")
    assert_accessible(page)
    page.get_by_role("button", name="Use a passkey").click()
    page.wait_for_url(base + "/")
    signed_in_as(page, "Pia")
    log_out(page)

    # The password, then the same key as the second step.
    password_step(page, base, "pia@example.com")
    page.get_by_role("button", name="Use a passkey or security key").click()
    page.wait_for_url(base + "/")
    signed_in_as(page, "Pia")
    context.close()


def test_staff_set_up_a_second_step_before_the_admin_opens(browser, live_server, make_user):
    make_user("Stella", is_staff=True, is_superuser=True)
    base = live_server.url
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()

    page.goto(base + "/admin/")
    page.wait_for_url(base + "/accounts/login/?next=/admin/")
    page.get_by_label("Email:").fill("stella@example.com")
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base + "/accounts/2fa/")
    expect(page.get_by_text("The admin needs two-step sign-in")).to_be_visible()

    page.get_by_role("link", name="Activate").click()
    confirm_password(page)
    page.wait_for_url(base + "/accounts/2fa/totp/activate/")
    secret = page.get_by_label("Authenticator secret").input_value()
    page.get_by_label("Authenticator code").fill(code_now(secret))
    page.get_by_role("button", name="Activate").click()
    page.wait_for_url(base + "/accounts/2fa/recovery-codes/")

    # Set up after a password-only sign-in: one code, then the admin.
    page.goto(base + "/admin/")
    page.wait_for_url(base + "/accounts/2fa/reauthenticate/?next=/admin/")
    page.get_by_label("Code").fill(code_now(secret))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(base + "/admin/")
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
    context.close()
