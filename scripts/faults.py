"""Fault injection: Bond through outages of what it depends on, against gunicorn on 127.0.0.1.

    .venv/bin/python scripts/faults.py            # 20 couples, a 60 s mail outage
    .venv/bin/python scripts/faults.py --quick    # CI: a few couples, short outages
    .venv/bin/python scripts/faults.py --only 3 --json faults.json   # one scenario, figures as JSON

Five scenarios, each with its own table of figures and checks:

1. PostgreSQL stopped and started under load: 503 meanwhile, never 500; back within 5 s
   of the database without restarting gunicorn; every acknowledged write stored once.
2. Redis killed under load and started again: pages work or answer 503; sign-in and
   invite codes fail closed while the limiter cannot count; limits count again after.
3. A worker killed (SIGKILL) mid-batch: every email delivered, none recorded as sent
   delivered twice.
4. Two app servers sharing the database and Redis: sessions, rate limits and pages agree.
5. The mail server down while reminders come due: each delivered once after it returns.

Nothing of the machine's own is touched (the test suites use its PostgreSQL and Redis):
the script starts a private PostgreSQL cluster (Debian's initdb and pg_ctl, run as the
`postgres` user when we are root), a private redis-server, an SMTP sink in this process
(aiosmtpd), and gunicorn and workers pointed at them, each on a free port of 127.0.0.1,
in temporary folders that are removed at the end, as is every process, also on failure.
Every wait is bounded and the whole run has a hard deadline. Exit status: 0 pass, 1 a
check failed, 2 could not run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import email
import json
import logging
import os
import pwd
import secrets
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FrameType

import httpx
import redis
from aiosmtpd.controller import Controller
from loadtest import (
    EXPECTED,
    JOIN_GRACE,
    NOTE_PATH,
    REQUEST_TIMEOUT,
    ROOT,
    STOP_TIMEOUT,
    TIMELINE_PATH,
    Driver,
    Outcomes,
    Sample,
    SeededCouple,
    Verdict,
    collectstatic,
    drive,
    free_port,
    row,
    seed,
    server_env,
    setup_django,
    start_gunicorn,
    stop,
    verify,
    wait_until_healthy,
)
from signed_in import session_key_for

# What Bond promises: service is back this soon after what failed is back.
RECOVERY_LIMIT = 5.0
COMMAND_TIMEOUT = 60.0
READY_TIMEOUT = 20.0

# Short enough that a fault run sees the app's own recovery in seconds, not the minutes
# production waits: a killed worker's claim lapses after 2 × EMAIL_TIMEOUT + 10 = 20 s,
# the schedule looks for stalled deliveries every 5 s, and the retries after a mail
# outage come 2, 4, 8 … s apart. EMAIL_TIMEOUT stays well above the slow sink's delay,
# so that slowness alone never counts as a failed attempt.
EMAIL_TIMEOUT = 5
SCHEDULE_SECONDS = 5
FAULT_ENV = {
    "EMAIL_TIMEOUT": str(EMAIL_TIMEOUT),
    "EMAIL_RETRY_SECONDS": "2",
    "BOND_SCHEDULE_SECONDS": str(SCHEDULE_SECONDS),
}
CLAIM_SECONDS = 2 * EMAIL_TIMEOUT + 10  # accounts.delivery.claim_length
# Long enough per message that the kill lands while a message is being sent.
SLOW_SINK_SECONDS = 0.25

LOGIN_PATH = "/accounts/login/"
INVITE_CODE_PATH = "/invite/code/"
SETTINGS_PATH = "/account/settings/"
# Zeros are not in the invite alphabet (accounts.linking.CODE_ALPHABET): never a real code.
WRONG_CODE = "0000-0000"
# What a limiter that cannot count must answer: unavailable, or too many.
FAILS_CLOSED = {503, 429}
FAULT_HEADER = "X-Bond-Fault"


@dataclass(frozen=True)
class Sizes:
    couples: int  # driving load in scenarios 1 and 2
    before: float  # seconds of load before the fault
    db_outage: float
    redis_outage: float
    after: float  # seconds of load after the service is back
    emails: int  # the batch the worker is killed in
    mail_outage: float
    reminder_couples: int
    deadline: int  # the whole run, seconds


QUICK = Sizes(
    couples=4,
    before=2,
    db_outage=3,
    redis_outage=3,
    after=RECOVERY_LIMIT + 2,
    emails=20,
    mail_outage=10,
    reminder_couples=3,
    deadline=290,
)
FULL = Sizes(
    couples=20,
    before=5,
    db_outage=10,
    redis_outage=10,
    after=RECOVERY_LIMIT + 5,
    emails=40,
    mail_outage=60,
    reminder_couples=20,
    deadline=900,
)


# Results ------------------------------------------------------------------------------


@dataclass
class Check:
    name: str
    passed: bool
    detail: str = ""


@dataclass
class Result:
    number: int
    title: str
    figures: dict[str, object] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    seconds: float = 0.0

    def check(self, name: str, passed: bool, detail: str = "") -> None:
        self.checks.append(Check(name, passed, detail))

    @property
    def passed(self) -> bool:
        return bool(self.checks) and all(check.passed for check in self.checks)


def shown(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{key}: {count}" for key, count in value.items()) or "-"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def print_result(result: Result) -> None:
    verdict = "PASS" if result.passed else "FAIL"
    print(f"\n{result.number}. {result.title}: {verdict} ({result.seconds:.0f} s)")
    for label, value in result.figures.items():
        print(row(label, shown(value)))
    for check in result.checks:
        mark = "ok  " if check.passed else "FAIL"
        print(f"  [{mark}] {check.name}" + (f": {check.detail}" if check.detail else ""))
    sys.stdout.flush()


def statuses(values: list[int | None]) -> dict[str, int]:
    counts = Counter("none" if value is None else str(value) for value in values)
    return dict(sorted(counts.items()))


# Private services ---------------------------------------------------------------------


def run_command(
    command: list[str], *, log: Path, cwd: Path, env: dict[str, str] | None = None
) -> None:
    # Output to a file, not a pipe: pg_ctl leaves a server behind that must not hold it.
    with log.open("ab") as out:
        done = subprocess.run(
            command,
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=COMMAND_TIMEOUT,
        )
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"{' '.join(command[:4])} … exited with {done.returncode}:\n{tail}")


class PrivatePostgres:
    """A throwaway cluster in a temporary folder, on a free port of 127.0.0.1, trust auth."""

    def __init__(self, cleanup: contextlib.ExitStack) -> None:
        # Debian keeps each major version apart: /usr/lib/postgresql/<major>/bin.
        installed = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")]
        if not installed:
            raise RuntimeError("no PostgreSQL binaries in /usr/lib/postgresql/*/bin")
        self.bin = max(installed, key=lambda path: int(path.parent.name))
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="bond-faults-pg-"))
        cleanup.callback(shutil.rmtree, self.root, ignore_errors=True)
        # initdb and postgres refuse to run as root: they run as the postgres user, who
        # must own the folder.
        self.as_postgres: list[str] = []
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("no postgres user to run PostgreSQL as") from None
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self.as_postgres = ["runuser", "-u", "postgres", "--"]
        self.data = self.root / "data"
        self.log = self.root / "commands.log"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/bond"
        cleanup.callback(self.stop, "immediate", check=False)

    def tool(self, name: str, *args: str, check: bool = True) -> None:
        command = [*self.as_postgres, str(self.bin / name), *args]
        try:
            run_command(command, log=self.log, cwd=self.root)
        except RuntimeError:
            if check:
                raise

    def create(self) -> None:
        self.tool(
            "initdb",
            "--pgdata",
            str(self.data),
            "--username",
            "postgres",
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--no-locale",
            "--no-sync",
        )
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"port = {self.port}\n"
                "listen_addresses = '127.0.0.1'\n"
                # Its own socket folder: nothing shared with the machine's cluster.
                f"unix_socket_directories = '{self.root}'\n"
            )
        self.start()
        self.tool("createdb", "--host", "127.0.0.1", "--port", str(self.port), "bond")

    def start(self) -> None:
        # -w: returns once the server accepts connections.
        log = str(self.root / "server.log")
        self.tool("pg_ctl", "--pgdata", str(self.data), "--log", log, "-w", "-t", "30", "start")

    def stop(self, mode: str = "fast", *, check: bool = True) -> None:
        self.tool("pg_ctl", "--pgdata", str(self.data), "-m", mode, "-w", "stop", check=check)


class PrivateRedis:
    def __init__(self, workdir: Path, cleanup: contextlib.ExitStack) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None
        cleanup.callback(self.kill)

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def start(self) -> None:
        with (self.workdir / "redis.log").open("ab") as log:
            self.process = subprocess.Popen(
                [
                    "redis-server",
                    *("--port", str(self.port), "--bind", "127.0.0.1"),
                    *("--save", "", "--appendonly", "no", "--dir", str(self.workdir)),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        if wait_for(self.answers, READY_TIMEOUT) is None:
            raise RuntimeError(f"redis-server on port {self.port} did not answer")

    def answers(self) -> bool:
        try:
            return bool(self.client().ping())
        except redis.exceptions.RedisError:
            return False

    def kill(self) -> None:
        # SIGKILL, as a crash would: nothing is saved, everything it held is gone.
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=STOP_TIMEOUT)

    def flush(self) -> None:
        self.client().flushall()


@dataclass(frozen=True)
class Delivered:
    recipients: tuple[str, ...]
    subject: str
    fault_id: str


class SinkHandler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_DATA(self, server, session, envelope) -> str:
        # Slow before accepting: a sender killed meanwhile never sees the 250, and aiosmtpd
        # drops the message with the connection, as a server that had not accepted it.
        self.sink.receiving(+1)
        try:
            if self.sink.delay:
                await asyncio.sleep(self.sink.delay)
            message = email.message_from_bytes(envelope.content)
            self.sink.record(
                Delivered(
                    recipients=tuple(envelope.rcpt_tos),
                    subject=str(message.get("Subject", "")),
                    fault_id=str(message.get(FAULT_HEADER, "")),
                )
            )
        finally:
            self.sink.receiving(-1)
        return "250 Message accepted for delivery"


class SmtpSink:
    """An SMTP server in this process that keeps what it receives; stoppable, restartable."""

    def __init__(self, cleanup: contextlib.ExitStack) -> None:
        self.port = free_port()
        self.delay = 0.0
        self._lock = threading.Lock()
        self._delivered: list[Delivered] = []
        self._in_hand = 0
        self._controller: Controller | None = None
        cleanup.callback(self.stop)

    def start(self) -> None:
        self._controller = Controller(SinkHandler(self), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def record(self, delivered: Delivered) -> None:
        with self._lock:
            self._delivered.append(delivered)

    def receiving(self, change: int) -> None:
        with self._lock:
            self._in_hand += change

    def in_hand(self) -> int:
        """Messages whose text has arrived and that are not accepted yet."""
        with self._lock:
            return self._in_hand

    def delivered(self) -> list[Delivered]:
        with self._lock:
            return list(self._delivered)


@dataclass
class Services:
    cleanup: contextlib.ExitStack
    workdir: Path
    postgres: PrivatePostgres
    redis: PrivateRedis
    sink: SmtpSink
    env: dict[str, str]
    base_url: str = ""

    def start_server(self, name: str) -> tuple[subprocess.Popen[bytes], str]:
        port = free_port()
        server = start_gunicorn(self.env, port, self.workdir / f"gunicorn-{name}.log")
        self.cleanup.callback(stop, server)
        base_url = f"http://127.0.0.1:{port}"
        wait_until_healthy(server, base_url)
        return server, base_url

    def start_worker(self) -> subprocess.Popen[bytes]:
        with (self.workdir / "worker.log").open("ab") as log:
            worker = subprocess.Popen(
                [sys.executable, "manage.py", "worker", "--no-reload"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.cleanup.callback(stop, worker)
        return worker


def start_services(cleanup: contextlib.ExitStack, secret_key: str) -> Services:
    workdir = Path(tempfile.mkdtemp(prefix="bond-faults-"))
    cleanup.callback(shutil.rmtree, workdir, ignore_errors=True)
    postgres = PrivatePostgres(cleanup)
    postgres.create()
    private_redis = PrivateRedis(workdir, cleanup)
    private_redis.start()
    sink = SmtpSink(cleanup)
    sink.start()

    # This process seeds and verifies through Django too: the same database, and never
    # the machine's own Redis or task queue, whatever the environment says.
    os.environ.update(DATABASE_URL=postgres.url, REDIS_URL=private_redis.url, TASK_QUEUE="database")
    setup_django(secret_key)
    # aiosmtpd logs every SMTP command at INFO, which Django's settings would print.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", interactive=False, verbosity=0)
    connections.close_all()

    env = server_env(
        secret_key=secret_key, static_root=workdir / "static", database_url=postgres.url
    )
    env.update(
        FAULT_ENV,
        # Production's value: persistent connections must outlive a database restart.
        CONN_MAX_AGE="600",
        REDIS_URL=private_redis.url,
        TASK_QUEUE="database",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(sink.port),
        EMAIL_USE_TLS="false",
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
    )
    collectstatic(env)
    services = Services(cleanup, workdir, postgres, private_redis, sink, env)
    _, services.base_url = services.start_server("a")
    return services


# Helpers ------------------------------------------------------------------------------


def wait_for(condition: Callable[[], bool], timeout: float, step: float = 0.2) -> float | None:
    """Seconds until `condition` held, or None if it did not within `timeout`."""
    started = time.monotonic()
    while True:
        if condition():
            return time.monotonic() - started
        if time.monotonic() - started >= timeout:
            return None
        time.sleep(step)


def fresh_connections() -> None:
    # A database restart leaves this process's connection dead; the next query reconnects.
    from django.db import connections

    connections.close_all()


@dataclass(frozen=True)
class Person:
    user_id: int
    email: str
    session_key: str
    password: str = ""


def seed_person(run: str, name: str, *, password: str = "") -> Person:
    """A verified account without a partner (for sign-in and invite codes)."""
    from allauth.account.models import EmailAddress

    from accounts.models import User

    address = f"fault-{run}-{name}@example.com"
    # Hashing a password costs ~0.3 s: only the accounts that sign in get one.
    user = User.objects.create_user(address, password or None, display_name=f"Fault {name}")
    EmailAddress.objects.create(user=user, email=address, verified=True, primary=True)
    return Person(user.pk, address, session_key_for(user), password)


def new_password() -> str:
    return secrets.token_urlsafe(18)


class Browser:
    """One person's cookie jar; cookies ignore the port, so it also spans two servers."""

    def __init__(self, base_url: str, session_key: str = "") -> None:
        self.client = httpx.Client(base_url=base_url, timeout=REQUEST_TIMEOUT)
        self.answers: list[int | None] = []
        if session_key:
            self.client.cookies.set("sessionid", session_key, domain="127.0.0.1", path="/")

    def close(self) -> None:
        self.client.close()

    def send(self, method: str, url: str, **kwargs) -> httpx.Response | None:
        try:
            response = self.client.request(method, url, **kwargs)
        except httpx.HTTPError:
            self.answers.append(None)
            return None
        self.answers.append(response.status_code)
        return response

    def get(self, url: str) -> httpx.Response | None:
        return self.send("GET", url)

    def post(self, url: str, data: dict[str, str]) -> httpx.Response | None:
        # Plain HTTP: Django's CSRF check wants the cookie and the token, no Referer.
        token = self.client.cookies.get("csrftoken", domain="127.0.0.1") or ""
        return self.send("POST", url, data=data, headers={"X-CSRFToken": token})

    def log_in(self, person: Person, base: str = "") -> int | None:
        """Sign in through allauth's form; 302 is a successful sign-in."""
        self.get(base + LOGIN_PATH)  # the CSRF cookie
        credentials = {"login": person.email, "password": person.password}
        return status_of(self.post(base + LOGIN_PATH, credentials))

    def signed_in(self, base: str = "") -> bool:
        response = self.get(base + SETTINGS_PATH)
        return response is not None and response.status_code == 200

    def guess_code(self, code: str, base: str = "") -> int | None:
        return status_of(self.post(base + INVITE_CODE_PATH, {"code": code}))


def status_of(response: httpx.Response | None) -> int | None:
    return None if response is None else response.status_code


# Load under a fault (scenarios 1 and 2) ------------------------------------------------


@dataclass
class TimedSample(Sample):
    started: float = 0.0
    ended: float = 0.0
    traceback: bool = False


class TimedDriver(Driver):
    """loadtest's partner, also noting when each request was in flight and whether an
    error page showed a traceback."""

    def call(self, kind: str, method: str, path: str, **kwargs) -> httpx.Response | None:
        started = time.monotonic()
        response = super().call(kind, method, path, **kwargs)
        plain = self.out.samples[-1]
        leaked = (
            response is not None and response.status_code >= 500 and "Traceback" in response.text
        )
        self.out.samples[-1] = TimedSample(
            plain.kind, plain.status, plain.ms, started, time.monotonic(), leaked
        )
        return response


class LoadInBackground:
    """loadtest's drive() in a thread, so that this one can break things meanwhile (and
    the hard deadline, which only interrupts the main thread, still bounds both)."""

    def __init__(self, *, run: str, seeded: list[SeededCouple], base_url: str, seconds: float):
        self.seconds = seconds
        self.result: tuple[Outcomes, float] | None = None
        self.thread = threading.Thread(
            target=self.work, args=(run, seeded, base_url, seconds), daemon=True
        )
        self.thread.start()

    def work(self, run: str, seeded: list[SeededCouple], base_url: str, seconds: float) -> None:
        self.result = drive(
            run=run, seeded=seeded, base_url=base_url, seconds=seconds, driver_class=TimedDriver
        )

    def join(self) -> Outcomes:
        self.thread.join(timeout=self.seconds + JOIN_GRACE + 5)
        if self.result is None:
            raise RuntimeError("the load did not finish")
        return self.result[0]


def is_normal(sample: Sample) -> bool:
    return sample.status in EXPECTED[sample.kind]


def load_figures(
    result: Result, out: Outcomes, *, down: float, up: float, pages_need_it: bool
) -> float:
    """Figures and checks of the traffic around an outage from `down` to `up` (monotonic
    times); returns the seconds after `up` that the last abnormal answer came.
    `pages_need_it`: no signed-in page works without what is down, so 503s must show."""
    samples = [sample for sample in out.samples if isinstance(sample, TimedSample)]
    during = [s.status for s in samples if down <= s.started <= up]
    abnormal = [s for s in samples if not is_normal(s)]
    broken = [s for s in abnormal if s.status != 503]
    last_abnormal = max((s.ended for s in abnormal), default=up)
    recovered = max(0.0, last_abnormal - up)
    normal_after = sum(1 for s in samples if s.started > up + recovered and is_normal(s))
    result.figures.update(
        {
            "requests": len(samples),
            "statuses": statuses([s.status for s in samples]),
            f"requests during the outage ({up - down:.1f} s)": len(during),
            "  their statuses": statuses(during),
            "500s, other errors, no answer": len(broken),
            "error pages showing a traceback": sum(1 for s in samples if s.traceback),
            "seconds after the return to the last 503": round(recovered, 2),
            "normal answers after that": normal_after,
        }
    )
    result.check(
        "every answer normal or 503 (no 500, no missing answer)",
        not broken and not out.stuck,
        ", ".join(f"{s.kind} {s.status}" for s in broken[:5]),
    )
    result.check("no error page shows a traceback", not any(s.traceback for s in samples))
    if pages_need_it:
        result.check("the outage was felt (503s while it lasted)", 503 in during)
    result.check(
        f"back within {RECOVERY_LIMIT:.0f} s, without restarting gunicorn",
        recovered <= RECOVERY_LIMIT and normal_after > 0,
        f"{recovered:.1f} s",
    )
    return recovered


def write_figures(result: Result, out: Outcomes, verdict: Verdict) -> None:
    result.figures.update(
        {
            "notes acknowledged (302)": len(out.notes_acked),
            "notes refused (503) or unanswered": len(out.notes_unanswered),
            "notes found in the database": verdict.notes_stored,
            "  acknowledged but missing": verdict.notes_lost,
            "  stored more than once": verdict.notes_duplicated,
            "  refused but stored anyway": verdict.notes_unanswered_stored,
            "plan edits saved / refused as conflicts": (
                f"{len(out.plan_saved)} / {len(out.plan_refused)}"
            ),
            "plans overwritten, reactions wrong": verdict.plans_overwritten
            + verdict.reactions_wrong,
        }
    )
    result.check(
        "every acknowledged write in the database exactly once",
        verdict.lost_writes == 0 and verdict.bad_writes == 0,
        "; ".join(verdict.details[:3]),
    )


# 1. PostgreSQL restarted mid-load ------------------------------------------------------


def scenario_database_restart(services: Services, sizes: Sizes, run: str) -> Result:
    result = Result(1, "PostgreSQL stopped and started again under load")
    seeded = seed(f"{run}d", sizes.couples)
    load = LoadInBackground(
        run=f"{run}d",
        seeded=seeded,
        base_url=services.base_url,
        # pg_ctl's own stop and start take a few seconds on top of the outage.
        seconds=sizes.before + sizes.db_outage + sizes.after + 5,
    )
    time.sleep(sizes.before)
    down = time.monotonic()
    services.postgres.stop("fast")
    time.sleep(sizes.db_outage)
    services.postgres.start()
    up = time.monotonic()
    out = load.join()
    load_figures(result, out, down=down, up=up, pages_need_it=True)
    fresh_connections()
    write_figures(result, out, verify(f"{run}d", seeded, out))
    return result


# 2. Redis stopped mid-load -------------------------------------------------------------


def scenario_redis_outage(services: Services, sizes: Sizes, run: str) -> Result:
    from accounts import linking
    from accounts.models import User
    from accounts.views import CODE_GUESSES_PER_HOUR

    result = Result(2, "Redis killed under load and started again")
    base = services.base_url
    services.redis.flush()  # counters from zero
    seeded = seed(f"{run}r", sizes.couples)
    signer = seed_person(run, "r-signer", password=new_password())
    guesser = seed_person(run, "r-guesser")
    holder = seed_person(run, "r-holder")  # has the right code, from somebody else's invite
    inviter = seed_person(run, "r-inviter")
    right_code = linking.create_invite(inviter=User.objects.get(pk=inviter.user_id)).code
    browsers: list[Browser] = []
    try:
        guessing = Browser(base, guesser.session_key)
        holding = Browser(base, holder.session_key)
        browsers += [guessing, holding]
        for browser in (guessing, holding):
            browser.get(INVITE_CODE_PATH)  # the CSRF cookie, while all is well
        probes = min(20, int(sizes.redis_outage / 0.5) + 1)
        signing = [Browser(base) for _ in range(probes)]
        browsers += signing
        for browser in signing:
            browser.get(LOGIN_PATH)

        load = LoadInBackground(
            run=f"{run}r",
            seeded=seeded,
            base_url=base,
            seconds=sizes.before + sizes.redis_outage + sizes.after + 3,
        )
        time.sleep(sizes.before)
        down = time.monotonic()
        services.redis.kill()
        logins, wrong, right = [], [], []
        for browser in signing:
            if time.monotonic() >= down + sizes.redis_outage:
                break
            response = browser.post(
                LOGIN_PATH, {"login": signer.email, "password": signer.password}
            )
            logins.append(status_of(response))
            wrong.append(guessing.guess_code(WRONG_CODE))
            right.append(holding.guess_code(right_code))
            time.sleep(0.5)
        time.sleep(max(0.0, down + sizes.redis_outage - time.monotonic()))
        services.redis.start()
        up = time.monotonic()

        # Back to normal: a sign-in succeeds and a wrong code is looked up (counted). The
        # service was back when the first probe that found it so was sent: under load the
        # answers themselves take a while.
        after_logins: list[int | None] = []
        after_wrong: list[int | None] = []
        probe_sent: list[float] = []

        def normal_again() -> bool:
            checking = Browser(base)
            browsers.append(checking)
            probe_sent.append(time.monotonic())
            after_logins.append(checking.log_in(signer))
            after_wrong.append(guessing.guess_code(WRONG_CODE))
            return after_logins[-1] == 302 and after_wrong[-1] == 404

        normal_in = None
        if wait_for(normal_again, 3 * RECOVERY_LIMIT, step=0.1) is not None:
            normal_in = probe_sent[-1] - up
        right_after = holding.guess_code(right_code)
        for _ in range(CODE_GUESSES_PER_HOUR + 2):
            if after_wrong[-1] != 404:
                break
            after_wrong.append(guessing.guess_code(WRONG_CODE))
        leaked_sign_ins = sum(1 for browser in signing if browser.signed_in())
        out = load.join()
    finally:
        for browser in browsers:
            browser.close()

    recovered = load_figures(result, out, down=down, up=up, pages_need_it=False)
    counted = after_wrong.count(404)
    result.figures.update(
        {
            "sign-ins tried during the outage": statuses(logins),
            "  signed in after all": leaked_sign_ins,
            "wrong invite codes during the outage": statuses(wrong),
            "right invite codes during the outage": statuses(right),
            "sign-ins after the return, until one worked": statuses(after_logins),
            "seconds after the return to sign-in and limits": (
                "never" if normal_in is None else round(normal_in, 2)
            ),
            "wrong codes looked up after the return, then": (
                f"{counted}, then {after_wrong[-1] if after_wrong else '-'}"
            ),
            "right code after the return": right_after,
        }
    )
    result.check(
        "sign-in fails closed (503 or 429) and signs nobody in",
        bool(logins) and set(logins) <= FAILS_CLOSED and leaked_sign_ins == 0,
    )
    result.check(
        "invite codes fail closed (503 or 429), right or wrong",
        bool(wrong) and set(wrong) | set(right) <= FAILS_CLOSED,
    )
    result.check(
        f"sign-in and counted limits back within {RECOVERY_LIMIT:.0f} s",
        normal_in is not None and max(normal_in, recovered) <= RECOVERY_LIMIT,
    )
    result.check(
        f"after the return, {CODE_GUESSES_PER_HOUR} wrong codes are looked up, then 429",
        counted == CODE_GUESSES_PER_HOUR and after_wrong[-1] == 429 and right_after == 302,
    )
    write_figures(result, out, verify(f"{run}r", seeded, out))
    return result


# 3. A worker killed mid-batch ----------------------------------------------------------


def queue_batch(run: str, count: int) -> dict[int, str]:
    """Emails straight into the outbox, as a change would queue them: row id -> fault id."""
    from django.core.mail import EmailMessage
    from django.db import transaction

    from accounts.delivery import send_email_later

    queued = {}
    with transaction.atomic():
        for index in range(count):
            fault_id = f"{run}-{index}"
            message = EmailMessage(
                subject=f"[Bond] fault batch {fault_id}",
                body="A message of the fault run.",
                to=[f"fault-{run}-batch-{index}@example.com"],
                headers={FAULT_HEADER: fault_id},
            )
            queued[send_email_later(message, kind="fault_batch", user=None).pk] = fault_id
    return queued


def outbox_statuses(ids) -> dict[int, str]:
    from accounts.models import OutgoingEmail

    return dict(OutgoingEmail.objects.filter(pk__in=list(ids)).values_list("pk", "status"))


def outbox_backlog() -> int:
    from accounts.models import OutgoingEmail

    return OutgoingEmail.objects.filter(status__in=["pending", "sending"]).count()


def scenario_worker_killed(services: Services, sizes: Sizes, run: str) -> Result:
    result = Result(3, "A worker killed (SIGKILL) mid-batch, another started")
    sink = services.sink
    # What earlier scenarios queued (sign-in notices...) goes first, at full speed: the
    # kill must land in this batch, not in the backlog before it.
    backlog = outbox_backlog()
    run_command(
        [sys.executable, "manage.py", "worker", "--burst", "--no-schedule", "--no-reload"],
        log=services.workdir / "worker.log",
        cwd=ROOT,
        env=services.env,
    )
    batch = queue_batch(f"{run}w", sizes.emails)
    ours = set(batch.values())

    def delivered() -> Counter[str]:
        return Counter(d.fault_id for d in sink.delivered() if d.fault_id in ours)

    sink.delay = SLOW_SINK_SECONDS
    second: subprocess.Popen[bytes] | None = None
    try:
        first = services.start_worker()
        # A quarter of the batch out, and the kill lands while a message is in hand.
        if wait_for(lambda: len(delivered()) >= len(batch) // 4 and sink.in_hand(), 60) is None:
            tail = (services.workdir / "worker.log").read_text(errors="replace")[-3000:]
            raise RuntimeError(f"the worker sent not a quarter of the batch in 60 s:\n{tail}")
        in_hand_at_kill = sink.in_hand()
        first.kill()
        first.wait(timeout=STOP_TIMEOUT)
        killed = time.monotonic()
        at_kill = outbox_statuses(batch)
        delivered_at_kill = delivered()
        second = services.start_worker()
        # The message in hand at the kill waits for its claim to lapse and the schedule.
        all_in = wait_for(
            lambda: set(delivered()) == ours,
            CLAIM_SECONDS + 3 * SCHEDULE_SECONDS + len(batch) * SLOW_SINK_SECONDS + 30,
        )
        seconds_to_all = None if all_in is None else time.monotonic() - killed
        settled = wait_for(lambda: set(outbox_statuses(batch).values()) == {"sent"}, 30)
        time.sleep(SCHEDULE_SECONDS)  # a late second delivery would show now
    finally:
        if second is not None:
            stop(second)
        sink.delay = 0.0

    counts = delivered()
    sent_at_kill = {batch[pk] for pk, status in at_kill.items() if status == "sent"}
    twice_after_sent = sorted(fault for fault in sent_at_kill if counts[fault] > 1)
    resent = sum(count - 1 for fault, count in counts.items() if fault not in sent_at_kill)
    missing = len(ours - set(counts))
    result.figures.update(
        {
            "earlier emails sent first, at full speed": backlog,
            "emails queued": len(batch),
            "delivered before the kill": len(delivered_at_kill),
            "recorded as sent at the kill": len(sent_at_kill),
            "claimed by the killed worker (in hand)": sum(
                1 for s in at_kill.values() if s == "sending"
            ),
            "delivered (distinct)": len(counts),
            "missing": missing,
            "delivered twice, recorded as sent at the kill": len(twice_after_sent),
            "delivered again, not yet recorded as sent": resent,
            "seconds from the kill to all delivered": (
                "never" if seconds_to_all is None else round(seconds_to_all, 1)
            ),
            "outbox at the end": dict(Counter(outbox_statuses(batch).values())),
        }
    )
    result.check(
        "the kill landed mid-batch, while a message was being sent",
        0 < len(delivered_at_kill) < len(batch) and in_hand_at_kill > 0,
        f"{len(delivered_at_kill)} of {len(batch)} delivered before it",
    )
    result.check("every queued email delivered", missing == 0 and seconds_to_all is not None)
    result.check(
        "none recorded as sent is delivered again",
        not twice_after_sent,
        ", ".join(twice_after_sent[:5]),
    )
    result.check("every row recorded as sent", settled is not None)
    return result


# 4. Two app servers --------------------------------------------------------------------


def scenario_two_servers(services: Services, run: str) -> Result:
    from accounts.models import User
    from accounts.views import CODE_GUESSES_PER_HOUR
    from practices.models import Note

    result = Result(4, "Two app servers sharing PostgreSQL and Redis")
    server_b, b = services.start_server("b")
    a = services.base_url
    servers = {"A": a, "B": b}
    services.redis.flush()  # counters from zero
    (couple,) = seed(f"{run}t", 1)
    partner = User.objects.get(pk=couple.partners[0].user_id)
    password = new_password()
    partner.set_password(password)
    partner.save(update_fields=["password"])
    writer_person = Person(partner.pk, partner.email, "", password)
    guesser = seed_person(run, "t-guesser")

    writer = Browser(a)
    guessing = Browser(a, guesser.session_key)
    try:
        signed_in_on_a = writer.log_in(writer_person)
        page_on_b = status_of(writer.get(b + SETTINGS_PATH))

        guessing.get(INVITE_CODE_PATH)  # the CSRF cookie
        on_a = CODE_GUESSES_PER_HOUR // 2 + 1
        first_on_a = [guessing.guess_code(WRONG_CODE) for _ in range(on_a)]
        then_on_b = [
            guessing.guess_code(WRONG_CODE, b) for _ in range(CODE_GUESSES_PER_HOUR - on_a)
        ]
        eleventh_on_b = guessing.guess_code(WRONG_CODE, b)
        twelfth_on_a = guessing.guess_code(WRONG_CODE)

        across: dict[str, tuple[int | None, int, int, str]] = {}
        for write_on, read_on in (("A", "B"), ("B", "A")):
            # The reader's workers render (and cache) the page before the write.
            for _ in range(4):
                writer.get(servers[read_on] + TIMELINE_PATH)
            text = f"fault {run} written on {write_on}"
            written = writer.post(servers[write_on] + NOTE_PATH, {"text": text, "category": ""})
            reads = [writer.get(servers[read_on] + TIMELINE_PATH) for _ in range(6)]
            seen = sum(
                1 for r in reads if r is not None and r.status_code == 200 and text in r.text
            )
            across[f"{write_on}→{read_on}"] = (status_of(written), seen, len(reads), text)
    finally:
        writer.close()
        guessing.close()
        stop(server_b)

    stored = {way: Note.objects.filter(text=text).count() for way, (*_, text) in across.items()}
    answers = writer.answers + guessing.answers
    result.figures.update(
        {
            "requests": len(answers),
            "statuses": statuses(answers),
            "sign in on A, then a signed-in page on B": f"{signed_in_on_a}, then {page_on_b}",
            "wrong codes on A, first": statuses(first_on_a),
            "wrong codes on B, next": statuses(then_on_b),
            "one more on B": eleventh_on_b,
            "and one more on A": twelfth_on_a,
            "a note written on one, on the other's timeline": {
                way: f"{written}, in {seen} of {reads} reads"
                for way, (written, seen, reads, _) in across.items()
            },
            "  notes found in the database": stored,
        }
    )
    result.check("a session made on A works on B", signed_in_on_a == 302 and page_on_b == 200)
    result.check(
        f"wrong codes count across servers (429 after {CODE_GUESSES_PER_HOUR} on A and B)",
        set(first_on_a) == {404}
        and set(then_on_b) == {404}
        and eleventh_on_b == 429
        and twelfth_on_a == 429,
    )
    result.check(
        "a change on one server shows at once on the other, stored once",
        all(written == 302 and seen == reads for written, seen, reads, _ in across.values())
        and set(stored.values()) == {1},
    )
    return result


# 5. Mail server down while reminders are due -----------------------------------------


def seed_dated_plans(run: str, couples: int) -> tuple[set[str], str]:
    """Couples with a planned date tomorrow: the partners' addresses, and the subject prefix."""
    from accounts.models import Couple, User
    from practices import journal

    seeded = seed(run, couples)
    tomorrow = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
    title = f"fault {run} date"
    for couple in seeded:
        journal.create_plan(
            couple=Couple.objects.get(pk=couple.couple_id),
            user=User.objects.get(pk=couple.partners[0].user_id),
            fields={
                "title": f"{title} {couple.index}",
                "description": "",
                "place": "",
                "status": "planned",
                "tech_free": True,
            },
            when=journal.When(day=tomorrow, time=dt.time(19, 0)),
            tz=dt.UTC,
        )
    ids = [partner.user_id for couple in seeded for partner in couple.partners]
    addresses = set(User.objects.filter(pk__in=ids).values_list("email", flat=True))
    return addresses, f"[Bond] Tomorrow: {title} "


def reminder_rows(addresses: set[str]) -> list[tuple[str, str, int]]:
    from accounts.models import OutgoingEmail

    rows = OutgoingEmail.objects.filter(kind="plan_reminder", to__in=addresses)
    return list(rows.values_list("to", "status", "attempts"))


def scenario_mail_down(services: Services, sizes: Sizes, run: str) -> Result:
    result = Result(5, f"Mail server down for {sizes.mail_outage:.0f} s while reminders are due")
    sink = services.sink
    addresses, subject = seed_dated_plans(f"{run}m", sizes.reminder_couples)

    def reminders() -> Counter[str]:
        return Counter(
            recipient
            for d in sink.delivered()
            if d.subject.startswith(subject)
            for recipient in d.recipients
        )

    def all_tried() -> bool:
        rows = reminder_rows(addresses)
        return len(rows) == len(addresses) and all(attempts > 0 for *_, attempts in rows)

    sink.stop()
    down = time.monotonic()
    worker = services.start_worker()
    try:
        tried = wait_for(all_tried, sizes.mail_outage)
        time.sleep(max(0.0, down + sizes.mail_outage - time.monotonic()))
        while_down = reminder_rows(addresses)
        delivered_while_down = sum(reminders().values())
        sink.start()
        # The next retry is at most one backoff away: the outage itself, doubled, at worst.
        all_in = wait_for(lambda: set(reminders()) == addresses, 2 * sizes.mail_outage + 30)
        settled = wait_for(
            lambda: {status for _, status, _ in reminder_rows(addresses)} == {"sent"}, 30
        )
        time.sleep(SCHEDULE_SECONDS)  # a late second delivery would show now
    finally:
        stop(worker)
    counts = reminders()
    duplicates = sum(count - 1 for count in counts.values() if count > 1)
    result.figures.update(
        {
            "reminders due": len(addresses),
            "queued by the worker's schedule": len(while_down),
            "attempts while the server was down": sum(a for *_, a in while_down),
            "delivered while it was down": delivered_while_down,
            "delivered after it returned (distinct)": len(counts),
            "delivered more than once": duplicates,
            "seconds after the return to all delivered": (
                "never" if all_in is None else round(all_in, 1)
            ),
            "outbox at the end": dict(Counter(status for _, status, _ in reminder_rows(addresses))),
        }
    )
    result.check(
        "every reminder queued and tried while the server was down",
        tried is not None and len(while_down) == len(addresses),
    )
    result.check("all delivered after it returned", all_in is not None and set(counts) == addresses)
    result.check("each exactly once", duplicates == 0 and delivered_while_down == 0)
    result.check("every row recorded as sent", settled is not None)
    return result


# Main ---------------------------------------------------------------------------------


class Interrupted(Exception):
    """The hard deadline passed, or somebody asked the run to stop."""


def on_signal(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signal.Signals(signum).name)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="CI: a few couples and short outages")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures here")
    parser.add_argument(
        "--only",
        type=int,
        action="append",
        choices=range(1, 6),
        metavar="N",
        help="run only scenario N (repeatable)",
    )
    return parser.parse_args(argv)


def run_scenarios(services: Services, sizes: Sizes, run: str, only: set[int]) -> list[Result]:
    scenarios: dict[int, Callable[[], Result]] = {
        1: lambda: scenario_database_restart(services, sizes, run),
        2: lambda: scenario_redis_outage(services, sizes, run),
        3: lambda: scenario_worker_killed(services, sizes, run),
        4: lambda: scenario_two_servers(services, run),
        5: lambda: scenario_mail_down(services, sizes, run),
    }
    results = []
    for number, scenario in scenarios.items():
        if only and number not in only:
            continue
        started = time.monotonic()
        fresh_connections()
        result = scenario()
        result.seconds = time.monotonic() - started
        print_result(result)
        results.append(result)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = QUICK if args.quick else FULL
    alphabet = string.ascii_letters + string.digits
    secret_key = "".join(secrets.choice(alphabet) for _ in range(60))
    run = time.strftime("%Y%m%d%H%M%S") + secrets.token_hex(3)
    began = time.monotonic()
    print(
        f"Bond fault run {run} ({'quick' if args.quick else 'full'}): private PostgreSQL, "
        f"Redis and SMTP sink; deadline {sizes.deadline} s"
    )
    sys.stdout.flush()

    signal.signal(signal.SIGALRM, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    results: list[Result] = []
    try:
        with contextlib.ExitStack() as cleanup:
            signal.alarm(sizes.deadline)
            try:
                services = start_services(cleanup, secret_key)
                results = run_scenarios(services, sizes, run, set(args.only or ()))
            finally:
                # The cleanup below must not be cut short by the deadline.
                signal.alarm(0)
    except Interrupted as stopped:
        print(f"FAIL: the run was stopped ({stopped}) after {time.monotonic() - began:.0f} s")
        return 2
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        print(f"FAIL: could not run the fault scenarios: {error}")
        return 2
    except Exception:
        # Not a failed check, whatever it is: the run could not say.
        traceback.print_exc()
        print("FAIL: could not run the fault scenarios")
        return 2

    elapsed = time.monotonic() - began
    passed = all(result.passed for result in results)
    if args.json:
        report = {
            "run": run,
            "mode": "quick" if args.quick else "full",
            "passed": passed,
            "seconds": round(elapsed, 1),
            "scenarios": [
                {
                    "number": result.number,
                    "title": result.title,
                    "passed": result.passed,
                    "seconds": round(result.seconds, 1),
                    "figures": {key.strip(): v for key, v in result.figures.items()},
                    "checks": [asdict(check) for check in result.checks],
                }
                for result in results
            ],
        }
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")
    failed = [str(result.number) for result in results if not result.passed]
    print(
        f"\nRESULT {'PASS' if passed else 'FAIL'} scenarios={len(results)} "
        f"failed={','.join(failed) or 'none'} seconds={elapsed:.0f}"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
