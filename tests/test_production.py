"""Production mode: deploy checks, security headers, cookies, caches, logs, static files."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client, override_settings

from bond.logging import JsonFormatter
from practices import journal

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k3y-" + "Zq8vN2pLw5xR7tY0aB4cD6eF9gH1jK3mS5uV8wX0zA2bC4dE6fG"
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "bond.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://bond.example.org",
}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "SECRET_KEY",
            "HTTPS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "REDIS_URL",
            "BOND_SINGLE_PROCESS",
        }
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_setting(expression: str, **env: str) -> str:
    result = run_manage(
        "shell",
        "-c",
        f"from django.conf import settings; print(repr(({expression})))",
        **{**PRODUCTION, **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_check_deploy_is_clean_in_production_mode():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        REDIS_URL="redis://127.0.0.1:6379/3",  # checks do not connect to it
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_complains_in_development_mode():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0


def test_production_refuses_to_start_without_a_shared_cache_unless_told_it_is_one_process():
    # migrate and runserver run the same checks: a deployment stops at its first step.
    result = run_manage("check", **PRODUCTION)
    assert result.returncode != 0
    assert "accounts.E001" in result.stderr
    assert "REDIS_URL" in result.stderr
    assert "BOND_SINGLE_PROCESS" in result.stderr
    single = run_manage("check", "--fail-level", "WARNING", **PRODUCTION, BOND_SINGLE_PROCESS="1")
    assert single.returncode == 0, single.stdout + single.stderr


@pytest.mark.parametrize(
    ("debug", "single_process", "backend", "refused"),
    [
        (False, False, "locmem.LocMemCache", ["accounts.E001"]),
        (False, False, "redis.RedisCache", []),
        (False, True, "locmem.LocMemCache", []),
        (True, False, "locmem.LocMemCache", []),
        # A cache that keeps nothing counts nothing, however many processes there are.
        (False, True, "dummy.DummyCache", ["accounts.E002"]),
    ],
    ids=["local-memory", "redis", "single-process", "development", "no-cache"],
)
def test_the_rate_limits_check(debug, single_process, backend, refused):
    cache = {
        "BACKEND": f"django.core.cache.backends.{backend}",
        "LOCATION": "redis://127.0.0.1:6379/9",  # a name to the local-memory cache
    }
    with override_settings(
        DEBUG=debug, BOND_SINGLE_PROCESS=single_process, CACHES={"default": cache}
    ):
        found = [error for error in checks.run_checks() if error.id.startswith("accounts.")]
    assert [error.id for error in found] == refused
    assert all(error.level == checks.ERROR for error in found)


def test_a_weak_secret_key_is_refused_in_production():
    result = run_manage("check", **{**PRODUCTION, "SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "SECRET_KEY is too weak" in result.stderr


def test_production_cookies_are_host_only_secure_and_httponly():
    names = production_setting("settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME")
    assert names == "('__Host-sessionid', '__Host-csrftoken')"
    flags = production_setting(
        "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.SESSION_COOKIE_HTTPONLY, settings.SESSION_COOKIE_SAMESITE"
    )
    assert flags == "(True, True, True, 'Lax')"
    hsts = production_setting(
        "settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS"
    )
    assert hsts == "(31536000, True)"


def test_the_proxy_header_is_trusted_only_when_asked():
    assert production_setting("getattr(settings, 'SECURE_PROXY_SSL_HEADER', None)") == "None"
    assert (
        production_setting("settings.SECURE_PROXY_SSL_HEADER", BEHIND_TLS_PROXY="true")
        == "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_redis_url_switches_the_cache_and_proxy_count_is_read():
    backend = production_setting(
        "settings.CACHES['default']['BACKEND'], settings.ALLAUTH_TRUSTED_PROXY_COUNT",
        REDIS_URL="redis://127.0.0.1:6379/3",
        ALLAUTH_TRUSTED_PROXY_COUNT="1",
    )
    assert backend == "('django.core.cache.backends.redis.RedisCache', 1)"


def test_sessions_are_cached_only_in_a_cache_all_workers_share():
    # Each worker has its own local-memory cache: a logout in one must end the session in all.
    sessions = "settings.SESSION_ENGINE"
    assert production_setting(sessions) == "'django.contrib.sessions.backends.db'"
    with_redis = production_setting(sessions, REDIS_URL="redis://127.0.0.1:6379/3")
    assert with_redis == "'accounts.sessions'"  # cached_db that outlives a Redis outage


def test_production_database_connections_persist():
    assert (
        production_setting(
            "settings.DATABASES['default']['CONN_MAX_AGE'], "
            "settings.DATABASES['default']['CONN_HEALTH_CHECKS']"
        )
        == "(600, True)"
    )


# Headers on every page ------------------------------------------------------

EXPECTED_CSP = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    # blob: previews a photo chosen for upload, before it is sent.
    "img-src": "'self' data: blob:",
    "form-action": "'self'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "object-src": "'none'",
}


def assert_security_headers(response) -> None:
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    for directive, value in EXPECTED_CSP.items():
        assert policy[directive] == value, directive
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/", "/accounts/login/", "/accounts/signup/", "/healthz", "/no-such-page/", "/practices/faq/"],
)
def test_security_headers_on_public_pages(client: Client, path: str):
    assert_security_headers(client.get(path))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/journal/",
        "/plans/",
        "/plans/ideas/",
        "/practices/",
        "/today/",
        "/practices/empathy/",
        "/account/settings/",
        "/account/partner/",
        "/account/notifications/",
    ],
)
def test_security_headers_on_signed_in_pages(couple, alice_client, path: str):
    response = alice_client.get(path)
    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.django_db
def test_no_inline_script_or_style_on_signed_in_pages(couple, alice, bob, alice_client):
    journal.write_note(couple=couple, author=bob, recipient=alice, text="Hi", category="")
    for path in ["/", "/journal/", "/plans/ideas/", "/practices/well-being/step/5/", "/today/"]:
        html = alice_client.get(path).content.decode()
        assert "<style" not in html, path
        assert ' style="' not in html, path
        assert "hx-on" not in html, path  # as hx-on or data-hx-on
        assert " onclick=" not in html, path
        assert " onerror=" not in html, path
        for tag in html.split("<script")[1:]:
            assert tag.lstrip().startswith("src=") or 'type="application/json"' in tag, path


# Caches: rate limits shared across app servers ---------------------------------

REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/9",
    }
}


@pytest.mark.django_db
def test_invite_code_limit_holds_across_servers_through_redis(make_user, client_for):
    with override_settings(CACHES=REDIS):
        caches["default"].clear()
        try:
            # Two "app servers" share nothing but Redis; the guesses come from one address
            # (every test client's).
            for index in range(10):
                server = client_for(make_user(f"Guesser{index}"))
                server.post("/invite/code/", {"code": "ZZZZ-ZZZZ"})
            other_server = client_for(make_user("Another"))
            response = other_server.post("/invite/code/", {"code": "ZZZZ-ZZZZ"})
            assert response.status_code == 429
        finally:
            caches["default"].clear()


# Logs ------------------------------------------------------------------------------


def test_log_lines_are_json_without_personal_data():
    formatter = JsonFormatter()
    try:
        raise ValueError("duplicate key (email)=(alice@example.com)")
    except ValueError:
        import sys as _sys

        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/invite/SeCrEtToKeN123/",),
            _sys.exc_info(),
        )
    line = formatter.format(record)
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["message"] == "Internal Server Error: /invite/[redacted]/"
    assert entry["exception"] == "ValueError"
    assert "alice@example.com" not in line
    assert "SeCrEtToKeN123" not in line


# Static files -----------------------------------------------------------------------


def test_collectstatic_makes_hashed_and_compressed_files(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--no-input", verbosity=0)
    css = list((tmp_path / "css").glob("bond.*.css"))
    assert len(css) == 1, "the stylesheet gets a content hash in its name"
    assert (tmp_path / "css" / (css[0].name + ".gz")).exists()
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    assert manifest["paths"]["css/bond.css"] == f"css/{css[0].name}"
    htmx = [p for p in manifest["paths"] if p.startswith("django_htmx/htmx")]
    assert htmx, "htmx is served from our own origin"
