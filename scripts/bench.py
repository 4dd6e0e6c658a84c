"""The benchmark: Bond's pages under load, as ratios of /healthz measured in the same run.

    ./dev bench [--couples 1000] [--seconds 15]

For each database (SQLite in a fresh temporary file; and PostgreSQL too when
DATABASE_URL names one, which the benchmark WIPES and fills), it builds the data set
with `seed_demo`, starts gunicorn (2 sync workers, DEBUG off) on 127.0.0.1, checks
that every page answers 200 to a signed-in partner, drives each page with wrk
(16 connections) in three rounds of a third of --seconds, and prints requests/s, p50,
p99, bytes, SQL queries and the ratio to /healthz in the same round (the median
round); then the timeline's heavy/light ratio, what a first visit to the dashboard
transfers, and the workers' peak memory. It is not a test: nothing here fails on a
number.

With REDIS_URL set, the server uses it as production does (sessions and rate limits);
without it, sessions are read from the database on every request.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from signed_in import session_key_for

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ROUNDS = 3


@dataclass
class Result:
    label: str
    path: str
    ratio: float  # to /healthz in the same round
    rps: float
    p50_ms: float
    p99_ms: float
    bytes: int
    gzip_bytes: int
    queries: str | None  # "first visit / cached"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(*args: str, env: dict) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def parse_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url: str, cookie: str | None, seconds: int) -> tuple[float, float, float]:
    command = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if cookie:
        command += ["-H", f"Cookie: sessionid={cookie}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    if "Non-2xx or 3xx responses" in output:
        raise SystemExit(f"{url} answered errors under load:\n{output}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = parse_ms(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = parse_ms(re.search(r"\s99%\s+(\S+)", output).group(1))
    return rps, p50, p99


def fetch(url: str, cookie: str | None) -> bytes:
    """One request that must answer 200 itself: a redirect to log in is not speed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(
        url, headers={"Cookie": f"sessionid={cookie}"} if cookie else {}
    )
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            if response.status != 200:
                raise SystemExit(f"{url} answered {response.status}, not 200")
            return response.read()
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{url} answered {error.code}, not 200") from None


def peak_memory_mb(master_pid: int) -> list[float]:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    peaks = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
    return peaks


def bench_database(name: str, database_url: str, couples: int, seconds: int) -> None:
    static_root = tempfile.mkdtemp(prefix="bond-bench-static-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bond.settings",
        "DEBUG": "false",
        "HTTPS": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": static_root,
        "CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
    }
    shared_cache = env.get("REDIS_URL") or "none (REDIS_URL unset)"
    print(f"\n## {name}\n\nShared cache for sessions and rate limits: {shared_cache}")
    print(f"Building the data set ({couples:,} couples + heavy + light)…", flush=True)
    run("migrate", "--no-input", "-v0", env=env)
    run("flush", "--no-input", env=env)
    run("seed_demo", "--couples", str(couples), env=env)
    run("collectstatic", "--no-input", "-v0", env=env)

    # The rest of this process (its own, see main) talks to the same database as the server.
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from accounts.models import User
    from practices.models import Entry
    from practices.timeline import encode_cursor

    # Fresh statistics, and on PostgreSQL no autovacuum racing the first pages measured:
    # the steady state of a database that has been running a while.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")

    def session_for(email: str) -> str:
        return session_key_for(User.objects.get(email=email))

    def deep_cursor(email: str) -> str:
        couple = User.objects.get(email=email).memberships.get().couple
        entries = Entry.objects.filter(couple=couple).order_by("-occurred_at", "-pk")
        return encode_cursor(entries[int(entries.count() * 0.8)])

    light, heavy = session_for("light-a@example.com"), session_for("heavy-a@example.com")
    # A month in the middle of the seeded two years: the heavy couple's has thousands of notes.
    mid_month = f"/month/{timezone.localdate() - dt.timedelta(days=365):%Y-%m}/"
    css = "/static/" + static_manifest(static_root)["css/bond.css"]
    pages = [
        ("healthz (ceiling)", "/healthz", None),
        ("dashboard", "/", light),
        ("timeline, first page", "/journal/", light),
        ("timeline, deep page", f"/journal/?before={deep_cursor('light-a@example.com')}", light),
        ("practice page", "/practices/empathy/", light),
        ("daily question", "/today/", light),
        ("plans", "/plans/", light),
        ("stylesheet", css, None),
        ("timeline, first page (heavy)", "/journal/", heavy),
        (
            "timeline, deep page (heavy)",
            f"/journal/?before={deep_cursor('heavy-a@example.com')}",
            heavy,
        ),
        ("month, this month", "/month/", light),
        ("month, this month (heavy)", "/month/", heavy),
        ("month, mid-history", mid_month, light),
        ("month, mid-history (heavy)", mid_month, heavy),
    ]

    port = free_port()
    server = subprocess.Popen(
        [str(Path(PYTHON).with_name("gunicorn")), "bond.wsgi"],
        cwd=ROOT,
        env={**env, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(base + "/healthz", None)
                break
            except (SystemExit, OSError):
                if time.monotonic() > deadline:
                    raise SystemExit("gunicorn did not start") from None
                time.sleep(0.3)
        client = Client(HTTP_HOST="127.0.0.1")
        prepared = []
        for label, path, cookie in pages:
            body = fetch(base + path, cookie)
            for _ in range(20):  # warm the workers' caches and connections
                fetch(base + path, cookie)
            queries = None
            if not path.startswith("/static/"):
                client.cookies["sessionid"] = cookie or ""
                counts = []
                for _ in range(2):  # the first visit renders; the second is served from cache
                    with CaptureQueriesContext(connection) as captured:
                        response = client.get(path)
                    assert response.status_code == 200, (path, response.status_code)
                    counts.append(len(captured))
                queries = " / ".join(map(str, counts))
            prepared.append((label, path, cookie, body, queries))
        # Several short rounds over all pages, each page's ratio taken against /healthz in
        # the same round and the median round kept: a burst of noise on a shared machine
        # then spoils one round of one page, not the page's result.
        rounds: dict[str, list[tuple[float, float, float, float]]] = {}
        for number in range(ROUNDS):
            ceiling = None
            for label, path, cookie, _, _ in prepared:
                rps, p50, p99 = wrk(base + path, cookie, max(1, seconds // ROUNDS))
                ceiling = ceiling or rps  # /healthz comes first
                rounds.setdefault(label, []).append((rps / ceiling, rps, p50, p99))
            print(f"  round {number + 1} of {ROUNDS} done", flush=True)
        results = []
        for label, path, _, body, queries in prepared:
            ratio, rps, p50, p99 = statistics.median_low(rounds[label])
            results.append(
                Result(
                    label, path, ratio, rps, p50, p99, len(body), len(gzip.compress(body)), queries
                )
            )
        memory = peak_memory_mb(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    print(
        "\n| page | req/s | × healthz | p50 ms | p99 ms | bytes | gzip bytes "
        "| SQL queries, first / cached |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        print(
            f"| {r.label} | {r.rps:,.0f} | {r.ratio:.2f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} "
            f"| {r.bytes:,} | {r.gzip_bytes:,} | {'' if r.queries is None else r.queries} |"
        )
    by_label = {r.label: r for r in results}
    for kind in ("first page", "deep page"):
        heavy_r, light_r = by_label[f"timeline, {kind} (heavy)"], by_label[f"timeline, {kind}"]
        print(
            f"\nTimeline {kind}: p50 heavy / light = {heavy_r.p50_ms / light_r.p50_ms:.2f}", end=""
        )
    for kind in ("this month", "mid-history"):
        heavy_r, light_r = by_label[f"month, {kind} (heavy)"], by_label[f"month, {kind}"]
        print(f"\nMonth, {kind}: p50 heavy / light = {heavy_r.p50_ms / light_r.p50_ms:.2f}", end="")
    first_visit = by_label["dashboard"].gzip_bytes + sum(
        compressed_size(static_root, path) for path in first_visit_assets(by_label, static_root)
    )
    kilobytes = first_visit / 1024
    print(f"\nDashboard first visit, compressed, with CSS, htmx and script: {kilobytes:.1f} KB")
    print("Peak memory of each gunicorn worker: " + ", ".join(f"{m:.0f} MB" for m in memory))


def static_manifest(static_root: str) -> dict:
    import json

    return json.loads((Path(static_root) / "staticfiles.json").read_text())["paths"]


def first_visit_assets(by_label: dict, static_root: str) -> list[str]:
    paths = static_manifest(static_root)
    return [
        paths[name]
        for name in (
            "css/bond.css",
            "js/bond.js",
            "django_htmx/htmx-2.min.js",
            "icons/favicon.svg",
            "manifest.webmanifest",
        )
    ]


def compressed_size(static_root: str, path: str) -> int:
    plain = Path(static_root) / path
    zipped = plain.with_name(plain.name + ".gz")
    return (zipped if zipped.exists() else plain).stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--couples", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=15)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (./dev bench does it as root)")
    targets = []
    database_url = os.environ.get("DATABASE_URL", "")
    workdir = tempfile.mkdtemp(prefix="bond-bench-")
    targets.append(("SQLite", f"sqlite:///{workdir}/bench.sqlite3"))
    if database_url.startswith(("postgres://", "postgresql://")):
        targets.append(("PostgreSQL", database_url))
    for name, url in targets:
        # Each database in its own process: Django's settings are read once per process.
        subprocess.run(
            [PYTHON, __file__, "--one", name, url, str(args.couples), str(args.seconds)],
            check=True,
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        _, _, db_name, db_url, n, secs = sys.argv
        sys.path.insert(0, str(ROOT))
        bench_database(db_name, db_url, int(n), int(secs))
    else:
        main()
