from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k3y-Zq8vN2pLw5xR7tY0aB4cD6eF9gH1jK3mS5uV8wX0zA2bC4dE6fG"


def load_settings(**env: str) -> subprocess.CompletedProcess[str]:
    """Import the settings in a fresh interpreter with exactly these variables set."""
    clean = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}
    }
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'])"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "bond.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_refuses_to_start_with_debug_off_and_no_secret_key():
    result = load_settings(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_starts_with_debug_off_and_a_secret_key():
    result = load_settings(DEBUG="false", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="bond.example")
    assert result.returncode == 0, result.stderr


def test_development_defaults_to_sqlite_in_the_project_folder():
    result = load_settings()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_database_url_switches_to_postgresql():
    result = load_settings(DATABASE_URL="postgres://postgres@127.0.0.1:5432/bond")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_a_weak_secret_key_is_refused_with_debug_off():
    result = load_settings(DEBUG="false", SECRET_KEY="x" * 60, ALLOWED_HOSTS="bond.example")
    assert result.returncode != 0
    assert "SECRET_KEY is too weak" in result.stderr


def test_a_debug_value_that_is_not_a_boolean_is_refused():
    result = load_settings(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_the_single_process_switch_is_a_boolean():
    result = load_settings(BOND_SINGLE_PROCESS="one")
    assert result.returncode != 0
    assert "BOND_SINGLE_PROCESS must be true or false" in result.stderr
