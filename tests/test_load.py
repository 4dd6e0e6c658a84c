"""A short run of scripts/loadtest.py against this test run's own database.

The script serves the app with gunicorn in production mode and drives it from one
thread per partner; it fails on any server error and on any lost or duplicated write.
It runs as a subprocess so that gunicorn and its workers see committed rows in the very
database pytest-django created (hence transaction=True: nothing is hidden in a test
transaction, and the tables are flushed afterwards).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
COUPLES = 10
SECONDS = 5
# Seeding, collectstatic, gunicorn's start and the verification come on top of the drive.
TIMEOUT = SECONDS + 240


def database_url(settings: dict) -> str:
    engine = settings["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        return f"sqlite:///{settings['NAME']}"
    if engine == "django.db.backends.postgresql":
        credentials = quote(settings["USER"] or "", safe="")
        if settings["PASSWORD"]:
            credentials += ":" + quote(settings["PASSWORD"], safe="")
        # A socket directory is a path: percent-encoded, it survives as the URL's host.
        host = quote(settings["HOST"] or "", safe="")
        port = f":{settings['PORT']}" if settings["PORT"] else ""
        return f"postgres://{credentials}@{host}{port}/{quote(settings['NAME'], safe='')}"
    pytest.skip(f"the load test knows SQLite and PostgreSQL, not {engine}")


def result_line(output: str) -> dict[str, str]:
    lines = [line for line in output.splitlines() if line.startswith("RESULT ")]
    assert lines, output
    return dict(part.split("=", 1) for part in lines[-1].split()[2:])


@pytest.mark.django_db(transaction=True)
def test_a_short_load_run_answers_without_errors_and_keeps_every_write():
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict)}
    # Anything this process's connection could hold (a SQLite read lock) is let go.
    connection.close()
    result = subprocess.run(
        [
            sys.executable,
            "scripts/loadtest.py",
            "--couples",
            str(COUPLES),
            "--seconds",
            str(SECONDS),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    output = result.stdout + result.stderr
    print(result.stdout)  # the numbers, for `pytest -rP`
    assert result.returncode == 0, output
    counts = result_line(result.stdout)
    assert counts["errors"] == "0", output
    assert counts["lost_writes"] == "0", output
    assert counts["duplicated"] == "0", output
