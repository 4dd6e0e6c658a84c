"""Two-step sign-in (allauth.mfa) and the admin's door.

An authenticator app (TOTP) with recovery codes, and passkeys or security keys (WebAuthn),
on allauth's pages in our layout with no inline script; the admin reached only through
allauth's rate-limited login and, for staff, only after a second factor. The ceremonies in
a real browser are in tests/test_browser_mfa.py.
"""

from __future__ import annotations

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.test import Client

from accounts.models import User
from tests.browser import last_link_to
from tests.conftest import PASSWORD, current_code, with_totp

pytestmark = pytest.mark.django_db


def sign_in(client: Client, email: str, **extra):
    return client.post("/accounts/login/", {"login": email, "password": PASSWORD, **extra})


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def assert_no_inline_script_or_style(html: str, path: str) -> None:
    assert "<style" not in html, path
    assert ' style="' not in html, path
    assert " onclick=" not in html, path
    for tag in html.split("<script")[1:]:
        # A script with src, or a JSON data block that the browser never runs.
        assert tag.lstrip().startswith("src=") or 'type="application/json"' in tag, path


# The pages --------------------------------------------------------------------------


def test_settings_link_to_two_step_sign_in(sam_client):
    html = sam_client.get("/account/settings/").content.decode()
    assert re.search(r'<a href="/accounts/2fa/">[^<]*Two-step sign-in', html), html


def test_two_step_pages_need_login(client):
    for path in ["/accounts/2fa/", "/accounts/2fa/totp/activate/", "/accounts/2fa/webauthn/add/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/accounts/login/"), path


def test_the_login_page_offers_a_passkey_with_scripts_from_files_only(client):
    html = client.get("/accounts/login/").content.decode()
    assert (
        '<button class="button button-quiet" type="submit" form="mfa_login" id="passkey_login">'
        "Use a passkey</button>"
    ) in html
    assert 'action="/accounts/2fa/webauthn/login/"' in html
    assert 'src="/static/mfa/js/webauthn.js"' in html
    assert_no_inline_script_or_style(html, "/accounts/login/")


def test_two_step_pages_use_our_layout_with_no_inline_script(sam, client):
    sign_in(client, sam.email)
    # Turning a factor on asks for the password again first (allauth), then shows the page.
    response = client.get("/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    for path in [
        "/accounts/2fa/",
        "/accounts/2fa/totp/activate/",
        "/accounts/2fa/webauthn/add/",
        "/accounts/2fa/webauthn/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert 'class="site-header"' in html, path
        assert "css/bond.css" in html, path
        assert_no_inline_script_or_style(html, path)


def test_activating_the_app_shows_the_qr_code_and_the_secret_and_needs_a_right_code(sam, client):
    sign_in(client, sam.email)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    html = client.get("/accounts/2fa/totp/activate/").content.decode()
    assert '<img src="data:image/svg+xml;base64,' in html  # the QR code (img-src allows data:)
    secret = re.search(r'id="authenticator_secret"[^>]* value="([A-Z2-7]+)"', html).group(1)
    assert f'alt="{secret}"' in html

    response = client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    assert not Authenticator.objects.filter(user=sam).exists()

    response = client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)})
    # Recovery codes are made at once, and shown next.
    assert response["Location"] == "/accounts/2fa/recovery-codes/"
    assert set(Authenticator.objects.filter(user=sam).values_list("type", flat=True)) == {
        "totp",
        "recovery_codes",
    }
    html = client.get("/accounts/2fa/recovery-codes/").content.decode()
    assert_no_inline_script_or_style(html, "/accounts/2fa/recovery-codes/")
    codes = RecoveryCodes(Authenticator.objects.get(user=sam, type="recovery_codes"))
    assert codes.get_unused_codes()[0] in html


# Signing in with a second factor ----------------------------------------------------


def test_the_password_alone_no_longer_signs_in(sam, client):
    with_totp(sam)
    response = sign_in(client, sam.email)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert not signed_in(client)
    html = client.get("/accounts/2fa/authenticate/").content.decode()
    assert 'class="site-header"' in html
    assert_no_inline_script_or_style(html, "/accounts/2fa/authenticate/")
    assert "Hello, Sam" not in client.get("/").content.decode()


def test_a_wrong_code_is_refused_and_the_right_one_signs_in_once(sam, client_for):
    with_totp(sam)
    client = client_for(None)
    sign_in(client, sam.email)
    response = client.post("/accounts/2fa/authenticate/", {"code": "123456"})
    assert "Incorrect code." in response.content.decode()
    assert not signed_in(client)

    code = current_code()
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response["Location"] == "/"
    assert signed_in(client)

    # The same code again, from another browser: seen already, so refused.
    other = client_for(None)
    sign_in(other, sam.email)
    response = other.post("/accounts/2fa/authenticate/", {"code": code})
    assert "Incorrect code." in response.content.decode()
    assert not signed_in(other)


def test_a_recovery_code_signs_in_once(sam, client_for):
    codes = with_totp(sam)
    first = client_for(None)
    sign_in(first, sam.email)
    first.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert signed_in(first)

    second = client_for(None)
    sign_in(second, sam.email)
    response = second.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert "Incorrect code." in response.content.decode()
    assert not signed_in(second)
    second.post("/accounts/2fa/authenticate/", {"code": codes[1]})
    assert signed_in(second)


def test_guessing_codes_is_rate_limited(sam, client):
    with_totp(sam)
    sign_in(client, sam.email)
    for _ in range(5):
        client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    response = client.post("/accounts/2fa/authenticate/", {"code": current_code()})
    assert "Too many failed login attempts" in response.content.decode()
    assert not signed_in(client)


def test_charlie_cannot_see_rename_or_remove_alices_key(alice, charlie, client):
    key = Authenticator.objects.create(
        user=alice, type=Authenticator.Type.WEBAUTHN, data={"name": "Alice's phone"}
    )
    sign_in(client, charlie.email)
    # Past allauth's "enter your password again", so that only the owner check is left.
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    edit = f"/accounts/2fa/webauthn/keys/{key.pk}/edit/"
    assert client.get(edit).status_code == 404
    assert client.post(edit, {"name": "Charlie's now"}).status_code == 404
    assert client.post(f"/accounts/2fa/webauthn/keys/{key.pk}/remove/").status_code == 404
    key.refresh_from_db()
    assert key.data["name"] == "Alice's phone"
    assert "Alice's phone" not in client.get("/accounts/2fa/webauthn/").content.decode()


# The admin --------------------------------------------------------------------------


def test_the_admin_sends_everyone_to_allauths_login(client):
    response = client.get("/admin/")
    assert response["Location"] == "/admin/login/?next=/admin/"
    response = client.get("/admin/login/?next=/admin/")
    assert response["Location"] == "/accounts/login/?next=/admin/"
    # No next, or one pointing elsewhere: the admin's own index.
    assert client.get("/admin/login/")["Location"] == "/accounts/login/?next=/admin/"
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response["Location"] == "/accounts/login/?next=/admin/"


def test_the_admin_login_never_checks_a_password(stella, client):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": stella.email, "password": PASSWORD}
    )
    assert response["Location"] == "/accounts/login/?next=/admin/"
    assert not signed_in(client)


def test_forty_wrong_passwords_at_the_admin_do_not_let_the_right_one_through(stella, client):
    with_totp(stella)
    for _ in range(40):
        # What a browser at the admin's login does: the admin hands it to allauth's form.
        response = client.post(
            "/admin/login/?next=/admin/", {"username": stella.email, "password": "wrong"}
        )
        response = sign_in(client, stella.email, password="wrong", next="/admin/")
        assert not signed_in(client)
    response = sign_in(client, stella.email, next="/admin/")
    # allauth's limits: 5 failures for one address, 10 a minute from one IP, and 30 tries of
    # its login a minute from one IP, past which it answers 429 before reading the form.
    assert response.status_code == 429
    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302


def test_staff_without_two_step_sign_in_cannot_reach_the_admin(stella, client):
    sign_in(client, stella.email)
    assert signed_in(client)
    for path in ["/admin/", "/admin/accounts/user/", f"/admin/accounts/user/{stella.pk}/change/"]:
        response = client.get(path, follow=True)
        assert response.redirect_chain[-1][0] == "/accounts/2fa/", path
        assert "The admin needs two-step sign-in" in response.content.decode()
    assert client.get("/admin/login/?next=/admin/")["Location"] == "/accounts/2fa/"


def test_staff_sign_in_with_a_code_and_the_admin_opens(stella, client):
    with_totp(stella)
    response = sign_in(client, stella.email, next="/admin/")
    assert response["Location"] == "/accounts/2fa/authenticate/"
    response = client.post("/accounts/2fa/authenticate/", {"code": current_code()})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 200
    # Signed in already: the admin's login page just goes on to the admin.
    assert client.get("/admin/login/?next=/admin/")["Location"] == "/admin/"

    # Turning the last second factor off closes the admin again.
    Authenticator.objects.filter(user=stella).delete()
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/"


def test_staff_who_set_it_up_after_a_password_sign_in_give_a_code_once(stella, client):
    sign_in(client, stella.email)
    with_totp(stella)  # as if through the settings page, in this session
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/reauthenticate/?next=/admin/"
    response = client.post("/accounts/2fa/reauthenticate/?next=/admin/", {"code": current_code()})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_session_that_skipped_the_second_factor_is_not_let_in(stella, client):
    with_totp(stella)
    client.force_login(stella)  # no sign-in steps recorded in this session
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/reauthenticate/?next=/admin/"


def test_someone_who_is_not_staff_gets_a_403(sam, client):
    with_totp(sam)
    sign_in(client, sam.email)
    client.post("/accounts/2fa/authenticate/", {"code": current_code()})
    assert signed_in(client)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403


def test_a_new_superuser_confirms_the_address_then_sets_up_two_step_sign_in(client, run_worker):
    # What `manage.py createsuperuser` makes: no email address known to allauth yet.
    User.objects.create_superuser("root@example.com", PASSWORD, display_name="Root")
    response = sign_in(client, "root@example.com", next="/admin/")
    assert response["Location"] == "/accounts/confirm-email/"
    assert not signed_in(client)
    run_worker()
    client.get(last_link_to("root@example.com"))
    client.post(last_link_to("root@example.com"))
    assert signed_in(client)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/"
