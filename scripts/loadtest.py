"""A bounded load test: many couples write to their journals at once through gunicorn.

    .venv/bin/python scripts/loadtest.py --couples 50 --seconds 60

It seeds N linked, verified couples (each with one shared plan and a signed-in session
per partner) in the database DATABASE_URL names, serves the app with gunicorn on a
free port of 127.0.0.1 in production mode (plain HTTP), and drives it with one thread
per partner: write notes, react to the partner's notes, edit the shared plan (which
conflicts on purpose), read the timeline. It then reports throughput and latency and
checks the database against what the server acknowledged: no lost or duplicated note,
no plan edit silently overwritten. Exit status: 0 pass, 1 fail, 2 could not run.

Every step is bounded (request timeouts, a wait for the server, a hard deadline for
the whole run) and no write is ever retried, so a retry can never pass for a duplicate.
Rows are left in the database, kept apart from other runs by a run id in every email,
note and title.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import math
import os
import random
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

import httpx
from signed_in import session_key_for

ROOT = Path(__file__).resolve().parent.parent
# Run as a file (python scripts/loadtest.py), Python puts scripts/ first on the path,
# not the project: the project's packages must import from a checkout without install.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REQUEST_TIMEOUT = httpx.Timeout(30.0, connect=5.0, pool=5.0)
STARTUP_TIMEOUT = 45.0
STOP_TIMEOUT = 20.0
COMMAND_TIMEOUT = 180.0
# After the drive deadline a thread may still wait for one request to answer.
JOIN_GRACE = 30.0 + 15.0
# Beyond the drive itself: seeding, collectstatic, startup, join, stop, verification.
HARD_DEADLINE_MARGIN = 600.0
# A partner sometimes pauses between opening the plan editor and saving, as people do:
# the other partner's save can land in between, which is the conflict under test.
MAX_THINK_SECONDS = 0.05

NOTE_PATH = "/journal/notes/new/"
TIMELINE_PATH = "/journal/"
REACT_LINK = re.compile(r"/journal/notes/(\d+)/react/")
VERSION_FIELD = re.compile(r'name="version" value="(\d+)"')

# What each kind of request answers when all is well; anything else is reported.
EXPECTED = {
    "timeline": {200},
    "note": {302},
    "react": {302},
    "plan-form": {200},
    "plan-save": {302, 409},
}


# Seeding ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Partner:
    label: str  # "a" (slot 1) or "b" (slot 2)
    user_id: int
    session_key: str


@dataclass(frozen=True)
class SeededCouple:
    index: int
    couple_id: int
    plan_id: int
    plan_title: str
    partners: tuple[Partner, Partner]


def setup_django(secret_key: str) -> None:
    # The sessions and their auth hashes are signed with SECRET_KEY: this process and
    # gunicorn must use the same one, so it goes into the environment both read.
    os.environ["DJANGO_SETTINGS_MODULE"] = "bond.settings"
    os.environ["SECRET_KEY"] = secret_key
    import django

    django.setup()
    # The settings log INFO to stdout; httpx logs a line per request at INFO.
    logging.getLogger("httpx").setLevel(logging.WARNING)


def seed(run: str, couples: int) -> list[SeededCouple]:
    from allauth.account.models import EmailAddress
    from django.db import transaction
    from django.utils import timezone

    from accounts import linking
    from accounts.models import User
    from practices import journal

    seeded: list[SeededCouple] = []
    # One transaction: on SQLite a commit per row would make seeding the slow part.
    with transaction.atomic():
        for index in range(couples):
            users: list[User] = []
            for label in "ab":
                email = f"load-{run}-{index}{label}@example.com"
                # No password: hashing one costs ~0.3 s, and nobody logs in with it.
                user = User.objects.create_user(email, None, display_name=f"Load {index}{label}")
                EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
                users.append(user)
            couple = linking.join(inviter=users[0], invitee=users[1], at=timezone.now())
            title = f"load {run} plan {index}"
            plan = journal.create_plan(
                couple=couple,
                user=users[0],
                fields={
                    "title": title,
                    "description": "",
                    "place": "",
                    "status": "planned",
                    "tech_free": True,
                },
                when=journal.When(day=None, time=None),
                tz=dt.UTC,
            )
            partners = []
            for label, user in zip("ab", users, strict=True):
                partners.append(Partner(label, user.pk, session_key_for(user)))
            seeded.append(SeededCouple(index, couple.pk, plan.pk, title, tuple(partners)))
    return seeded


# The server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(*, secret_key: str, static_root: Path, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    # Settings that would change what is measured (HTTPS redirects, a proxy header).
    for name in ("SECURE_SSL_REDIRECT", "BEHIND_TLS_PROXY", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="bond.settings",
        DEBUG="false",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1",
        # Plain HTTP on loopback: no SSL redirect, cookies "sessionid" and "csrftoken".
        HTTPS="false",
        STATIC_ROOT=str(static_root),
        DATABASE_URL=database_url,
        CONN_MAX_AGE="60",
    )
    return env


def collectstatic(env: dict[str, str]) -> None:
    # With DEBUG off the templates need the hashed manifest that collectstatic writes.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
    )


def start_gunicorn(env: dict[str, str], port: int, log_path: Path) -> subprocess.Popen[bytes]:
    with log_path.open("wb") as log:
        # The child keeps its own copy of the file descriptor.
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "bond.wsgi",
                "--workers",
                "2",
                "--worker-class",
                "sync",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def wait_until_healthy(server: subprocess.Popen[bytes], base_url: str) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.returncode} at startup")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass  # not listening yet
        time.sleep(0.2)
    raise RuntimeError(f"/healthz did not answer 200 within {STARTUP_TIMEOUT:.0f} s")


def stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    server.terminate()  # graceful: workers finish the request in hand
    try:
        server.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=5)


# Driving ---------------------------------------------------------------------------


@dataclass
class Sample:
    kind: str
    status: int | None  # None: no answer (timeout, refused, reset)
    ms: float


@dataclass
class Outcomes:
    """What one partner's thread sent and what the server answered; merged at the end."""

    samples: list[Sample] = field(default_factory=list)
    notes_acked: list[str] = field(default_factory=list)
    notes_unanswered: list[str] = field(default_factory=list)  # may or may not be stored
    # (couple index, title, version the edit started from)
    plan_saved: list[tuple[int, str, int]] = field(default_factory=list)
    plan_refused: list[tuple[int, str, int]] = field(default_factory=list)
    plan_unanswered: list[tuple[int, str, int]] = field(default_factory=list)
    # note pk -> acknowledged heart toggles by its recipient (the only one who may react)
    toggles: Counter[int] = field(default_factory=Counter)
    toggles_unanswered: set[int] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    stuck: bool = False

    def problem(self, text: str) -> None:
        if len(self.problems) < 20:
            self.problems.append(text)


class Driver:
    """One partner's browser: a cookie jar with the session, and a loop of actions."""

    def __init__(
        self, *, run: str, couple: SeededCouple, partner: Partner, base_url: str, deadline: float
    ) -> None:
        self.run = run
        self.couple = couple
        self.partner = partner
        self.deadline = deadline
        self.out = Outcomes()
        # Not for security: a reproducible mix per partner.
        self.rng = random.Random(f"{run}-{couple.index}-{partner.label}")  # noqa: S311
        self.client = httpx.Client(base_url=base_url, timeout=REQUEST_TIMEOUT)
        # The domain the server's own cookies get, so that a refreshed one replaces it.
        self.client.cookies.set("sessionid", partner.session_key, domain="127.0.0.1", path="/")
        self.csrf = ""
        self.seq = 0
        self.reactable: list[int] = []

    def call(self, kind: str, method: str, path: str, **kwargs) -> httpx.Response | None:
        started = time.perf_counter()
        try:
            response = self.client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            ms = (time.perf_counter() - started) * 1000
            self.out.samples.append(Sample(kind, None, ms))
            self.out.problem(f"{kind} {method} {path}: {type(exc).__name__}")
            return None
        ms = (time.perf_counter() - started) * 1000
        self.out.samples.append(Sample(kind, response.status_code, ms))
        if response.status_code not in EXPECTED[kind]:
            self.out.problem(f"{kind} {method} {path}: HTTP {response.status_code}")
        return response

    def post(self, kind: str, path: str, data: dict[str, str]) -> httpx.Response | None:
        # Plain HTTP: Django's CSRF check wants the cookie and the token, no Referer.
        return self.call(kind, "POST", path, data=data, headers={"X-CSRFToken": self.csrf})

    def unique(self, prefix: str) -> str:
        self.seq += 1
        return f"{prefix} {self.run} {self.couple.index} {self.partner.label} {self.seq}"

    def run_loop(self) -> None:
        try:
            if not self.read_timeline():
                return
            self.csrf = self.client.cookies.get("csrftoken", domain="127.0.0.1") or ""
            if not self.csrf:
                self.out.problem("no csrftoken cookie after GET /journal/")
                return
            while time.monotonic() < self.deadline:
                roll = self.rng.random()
                if roll < 0.35:
                    self.write_note()
                elif roll < 0.55 and self.reactable:
                    self.react()
                elif roll < 0.75:
                    self.edit_plan()
                else:
                    self.read_timeline()
        finally:
            self.client.close()

    def read_timeline(self) -> bool:
        response = self.call("timeline", "GET", TIMELINE_PATH)
        if response is None or response.status_code != 200:
            return False
        # Only the recipient's page has react forms: these are the notes we may react to.
        found = dict.fromkeys(int(pk) for pk in REACT_LINK.findall(response.text))
        self.reactable = list(found)
        return True

    def write_note(self) -> None:
        text = self.unique("load")
        response = self.post("note", NOTE_PATH, {"text": text, "category": ""})
        if response is not None and response.status_code == 302:
            self.out.notes_acked.append(text)
        else:
            self.out.notes_unanswered.append(text)

    def react(self) -> None:
        pk = self.rng.choice(self.reactable)
        # The button says the state it asks for: on after an even number of clicks, so an
        # odd number of acknowledged clicks still leaves the heart on.
        action = "add" if self.out.toggles[pk] % 2 == 0 else "remove"
        response = self.post("react", f"/journal/notes/{pk}/react/", {action: "heart"})
        if response is not None and response.status_code == 302:
            self.out.toggles[pk] += 1
        else:
            self.out.toggles_unanswered.add(pk)

    def edit_plan(self) -> None:
        path = f"/plans/{self.couple.plan_id}/edit/"
        form = self.call("plan-form", "GET", path)
        if form is None or form.status_code != 200:
            return
        match = VERSION_FIELD.search(form.text)
        if match is None:
            self.out.problem(f"no version field on {path}")
            return
        version = int(match.group(1))
        think = self.rng.uniform(0, MAX_THINK_SECONDS)
        if time.monotonic() + think >= self.deadline:
            return
        time.sleep(think)
        title = self.unique("edit")
        data = {
            "title": title,
            "day": "",
            "time": "",
            "place": "",
            "status": "planned",
            "tech_free": "on",
            "description": "",
            "version": str(version),
        }
        response = self.post("plan-save", path, data)
        outcome = (self.couple.index, title, version)
        if response is not None and response.status_code == 302:
            self.out.plan_saved.append(outcome)
        elif response is not None and response.status_code == 409:
            self.out.plan_refused.append(outcome)
        else:
            self.out.plan_unanswered.append(outcome)


def drive(
    *,
    run: str,
    seeded: list[SeededCouple],
    base_url: str,
    seconds: float,
    driver_class: type[Driver] = Driver,
) -> tuple[Outcomes, float]:
    deadline = time.monotonic() + seconds
    drivers = [
        driver_class(run=run, couple=couple, partner=partner, base_url=base_url, deadline=deadline)
        for couple in seeded
        for partner in couple.partners
    ]
    # Daemon threads: a thread stuck past the hard deadline must not keep the process.
    threads = [threading.Thread(target=d.run_loop, daemon=True) for d in drivers]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, deadline + JOIN_GRACE - time.monotonic()))
    elapsed = time.monotonic() - started
    merged = Outcomes()
    for driver, thread in zip(drivers, threads, strict=True):
        if thread.is_alive():
            merged.stuck = True
            merged.problem(f"partner {driver.couple.index}{driver.partner.label} did not stop")
            continue
        out = driver.out
        merged.samples += out.samples
        merged.notes_acked += out.notes_acked
        merged.notes_unanswered += out.notes_unanswered
        merged.plan_saved += out.plan_saved
        merged.plan_refused += out.plan_refused
        merged.plan_unanswered += out.plan_unanswered
        merged.toggles.update(out.toggles)
        merged.toggles_unanswered |= out.toggles_unanswered
        for problem in out.problems:
            merged.problem(problem)
    return merged, elapsed


# Verification ------------------------------------------------------------------------


@dataclass
class Verdict:
    notes_stored: int = 0
    notes_lost: int = 0
    notes_duplicated: int = 0
    notes_unrequested: int = 0  # stored but never sent: must not exist
    notes_misfiled: int = 0  # wrong couple, author or recipient, or no timeline entry
    notes_unanswered_stored: int = 0  # sent, no answer, stored anyway (not a loss)
    plans_checked: int = 0
    plans_overwritten: int = 0  # two saves from one version, or a save that left no trace
    plans_uncertain: int = 0  # an edit got no answer: only bounds can be checked
    reactions_checked: int = 0
    reactions_wrong: int = 0
    details: list[str] = field(default_factory=list)

    def detail(self, text: str) -> None:
        if len(self.details) < 20:
            self.details.append(text)

    @property
    def lost_writes(self) -> int:
        return self.notes_lost + self.plans_overwritten + self.reactions_wrong

    @property
    def bad_writes(self) -> int:
        return self.notes_duplicated + self.notes_unrequested + self.notes_misfiled


def verify(run: str, seeded: list[SeededCouple], out: Outcomes) -> Verdict:
    verdict = Verdict()
    verify_notes(run, seeded, out, verdict)
    verify_plans(seeded, out, verdict)
    verify_reactions(out, verdict)
    return verdict


def verify_notes(run: str, seeded: list[SeededCouple], out: Outcomes, verdict: Verdict) -> None:
    from practices.models import Entry, Note

    rows = list(
        Note.objects.filter(text__startswith=f"load {run} ").values_list(
            "pk", "text", "couple_id", "author_id", "recipient_id"
        )
    )
    verdict.notes_stored = len(rows)
    stored = Counter(text for _, text, *_ in rows)
    acked = set(out.notes_acked)
    unanswered = set(out.notes_unanswered)
    for text in acked:
        if stored[text] == 0:
            verdict.notes_lost += 1
            verdict.detail(f"acknowledged note missing: {text!r}")
    for text, count in stored.items():
        if count > 1:
            verdict.notes_duplicated += count - 1
            verdict.detail(f"note stored {count} times: {text!r}")
        if text not in acked and text not in unanswered:
            verdict.notes_unrequested += count
            verdict.detail(f"note stored that was never sent: {text!r}")
        elif text in unanswered:
            verdict.notes_unanswered_stored += 1
    by_index = {couple.index: couple for couple in seeded}
    with_entry = set(
        Entry.objects.filter(note_id__in=[pk for pk, *_ in rows]).values_list("note_id", flat=True)
    )
    for pk, text, couple_id, author_id, recipient_id in rows:
        # "load <run> <couple index> <a|b> <seq>": who wrote it, to whom, in which couple.
        _, _, index, label, _ = text.split(" ")
        couple = by_index[int(index)]
        author, recipient = couple.partners if label == "a" else reversed(couple.partners)
        expected = (couple.couple_id, author.user_id, recipient.user_id)
        if (couple_id, author_id, recipient_id) != expected or pk not in with_entry:
            verdict.notes_misfiled += 1
            verdict.detail(f"note {pk} misfiled or without a timeline entry: {text!r}")


def verify_plans(seeded: list[SeededCouple], out: Outcomes, verdict: Verdict) -> None:
    from practices.models import Plan

    saved: dict[int, list[tuple[str, int]]] = defaultdict(list)
    unanswered: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for index, title, version in out.plan_saved:
        saved[index].append((title, version))
    for index, title, version in out.plan_unanswered:
        unanswered[index].append((title, version))
    plans = Plan.objects.in_bulk([couple.plan_id for couple in seeded])
    for couple in seeded:
        plan = plans[couple.plan_id]
        verdict.plans_checked += 1
        ok_saves = saved[couple.index]
        unknown = unanswered[couple.index]
        from_versions = Counter(version for _, version in ok_saves)
        twice = [version for version, count in from_versions.items() if count > 1]
        if twice:
            # Each save moves the version on by one: two saves acknowledged from the same
            # version means one of them replaced the other without a conflict.
            verdict.plans_overwritten += 1
            verdict.detail(f"plan {plan.pk}: two saves acknowledged from version(s) {twice}")
            continue
        if unknown:
            verdict.plans_uncertain += 1
            low, high = 1 + len(ok_saves), 1 + len(ok_saves) + len(unknown)
            titles = {title for title, _ in ok_saves + unknown} | {couple.plan_title}
            if not low <= plan.version <= high or plan.title not in titles:
                verdict.plans_overwritten += 1
                verdict.detail(f"plan {plan.pk}: version {plan.version}, title {plan.title!r}")
            continue
        expected_title = couple.plan_title
        for title, version in ok_saves:
            if version == plan.version - 1:
                expected_title = title
        if (
            plan.version != 1 + len(ok_saves)
            or set(from_versions) != set(range(1, plan.version))
            or plan.title != expected_title
        ):
            verdict.plans_overwritten += 1
            verdict.detail(
                f"plan {plan.pk}: version {plan.version} after {len(ok_saves)} saves, "
                f"title {plan.title!r}, expected {expected_title!r}"
            )


def verify_reactions(out: Outcomes, verdict: Verdict) -> None:
    from practices.models import Reaction

    # One thread per recipient toggles a note's heart, in order: an odd number of
    # acknowledged toggles leaves it on. A toggle without an answer leaves it unknown.
    checked = [pk for pk in out.toggles if pk not in out.toggles_unanswered]
    on = set(
        Reaction.objects.filter(note_id__in=checked, kind="heart").values_list("note_id", flat=True)
    )
    for pk in checked:
        verdict.reactions_checked += 1
        if (out.toggles[pk] % 2 == 1) != (pk in on):
            verdict.reactions_wrong += 1
            verdict.detail(
                f"note {pk}: heart {'on' if pk in on else 'off'} "
                f"after {out.toggles[pk]} acknowledged toggles"
            )


# Report ----------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """Nearest rank: the smallest value with at least p % of the values at or below it."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def is_error(sample: Sample) -> bool:
    return sample.status is None or sample.status >= 500


def row(label: str, value: object) -> str:
    return f"  {label:<46} {value}"


def report(
    *, run: str, args: argparse.Namespace, db: str, out: Outcomes, elapsed: float, v: Verdict
) -> tuple[int, int]:
    samples = out.samples
    errors = sum(1 for s in samples if is_error(s))
    unexpected = sum(1 for s in samples if not is_error(s) and s.status not in EXPECTED[s.kind])
    total = len(samples)
    print(
        f"\nBond load test, run {run}: {args.couples} couples ({2 * args.couples} partners), "
        f"{args.seconds} s, gunicorn 2 sync workers, {db}"
    )
    print("\nTraffic")
    print(row("requests", total))
    print(row("requests/s", f"{total / elapsed:.1f}" if elapsed else "-"))
    print(row("errors (5xx or no answer)", f"{errors} ({100 * errors / max(total, 1):.2f} %)"))
    print(row("unexpected statuses (4xx other than 409)", unexpected))
    latencies = [s.ms for s in samples]
    print(
        row(
            "latency p50 / p99 (ms)",
            f"{percentile(latencies, 50):.1f} / {percentile(latencies, 99):.1f}",
        )
    )
    print(f"\n  {'kind':<10} {'requests':>9} {'p50 ms':>9} {'p99 ms':>9}  statuses")
    for kind in EXPECTED:
        mine = [s for s in samples if s.kind == kind]
        statuses = Counter("none" if s.status is None else str(s.status) for s in mine)
        shown = ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items()))
        ms = [s.ms for s in mine]
        print(
            f"  {kind:<10} {len(mine):>9} {percentile(ms, 50):>9.1f} "
            f"{percentile(ms, 99):>9.1f}  {shown}"
        )
    print("\nWrites checked against the database")
    print(row("notes acknowledged (302)", len(out.notes_acked)))
    print(row("notes sent without an answer", len(out.notes_unanswered)))
    print(row("notes stored for this run", v.notes_stored))
    print(row("  acknowledged but missing (lost)", v.notes_lost))
    print(row("  stored more than once (duplicated)", v.notes_duplicated))
    print(row("  stored but never sent", v.notes_unrequested))
    print(row("  wrong couple/author/recipient or no entry", v.notes_misfiled))
    print(row("  unanswered but stored (not a loss)", v.notes_unanswered_stored))
    print(row("plan edits saved (302)", len(out.plan_saved)))
    print(row("plan edits refused as conflicts (409)", len(out.plan_refused)))
    print(row("plan edits without an answer", len(out.plan_unanswered)))
    print(row("plans checked", v.plans_checked))
    print(row("  silently overwritten or lost", v.plans_overwritten))
    print(row("  only bounds checkable (an edit unanswered)", v.plans_uncertain))
    print(row("reactions checked (notes toggled)", v.reactions_checked))
    print(row("  state differs from the acknowledged toggles", v.reactions_wrong))
    for problem in out.problems:
        print(f"  ! {problem}")
    for detail in v.details:
        print(f"  ! {detail}")
    return errors, unexpected


def server_errors_from_log(log_path: Path) -> list[str]:
    """Error lines gunicorn and Django wrote (JSON lines carry the exception and stack)."""
    try:
        lines = log_path.read_text(errors="replace").splitlines()
    except OSError:
        return []
    return [line for line in lines if '"level": "ERROR"' in line or "[ERROR]" in line][:20]


# Main ------------------------------------------------------------------------------------


class HardDeadline(Exception):
    pass


def on_alarm(signum: int, frame: FrameType | None) -> None:
    raise HardDeadline


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--couples", type=int, default=50, help="couples to seed (1-500)")
    parser.add_argument("--seconds", type=int, default=60, help="how long to drive (1-3600)")
    args = parser.parse_args(argv)
    if not 1 <= args.couples <= 500:
        parser.error("--couples must be between 1 and 500")
    if not 1 <= args.seconds <= 3600:
        parser.error("--seconds must be between 1 and 3600")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # The settings' own default, named explicitly so that gunicorn gets the same file.
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'db.sqlite3'}"
    os.environ["DATABASE_URL"] = database_url
    alphabet = string.ascii_letters + string.digits
    secret_key = "".join(secrets.choice(alphabet) for _ in range(60))
    run = time.strftime("%Y%m%d%H%M%S") + secrets.token_hex(3)

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(int(args.seconds + HARD_DEADLINE_MARGIN))
    workdir = Path(tempfile.mkdtemp(prefix="bond-load-"))
    server: subprocess.Popen[bytes] | None = None
    try:
        setup_django(secret_key)
        from django.core.management import call_command
        from django.db import connection, connections

        call_command("migrate", interactive=False, verbosity=0)
        db = f"{connection.vendor} ({connection.settings_dict['NAME']})"
        seeded = seed(run, args.couples)
        # Close before gunicorn starts: an idle SQLite handle here must hold no lock.
        connections.close_all()

        env = server_env(
            secret_key=secret_key, static_root=workdir / "static", database_url=database_url
        )
        collectstatic(env)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        log_path = workdir / "gunicorn.log"
        server = start_gunicorn(env, port, log_path)
        wait_until_healthy(server, base_url)
        print(f"Seeded {len(seeded)} couples; gunicorn on {base_url}; driving {args.seconds} s")
        sys.stdout.flush()
        out, elapsed = drive(run=run, seeded=seeded, base_url=base_url, seconds=args.seconds)
        stop(server)
        server_log = server_errors_from_log(log_path)

        verdict = verify(run, seeded, out)
        connections.close_all()
        errors, unexpected = report(run=run, args=args, db=db, out=out, elapsed=elapsed, v=verdict)
        for line in server_log:
            print(f"  server: {line}")
    except HardDeadline:
        print(f"FAIL: the run passed its hard deadline of {args.seconds + HARD_DEADLINE_MARGIN} s")
        return 2
    except (RuntimeError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", "") or ""
        print(f"FAIL: could not run the load test: {exc}\n{detail}")
        return 2
    finally:
        signal.alarm(0)
        if server is not None:
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)

    passed = (
        errors == 0
        and unexpected == 0
        and verdict.lost_writes == 0
        and verdict.bad_writes == 0
        and not out.stuck
    )
    print(
        f"\nRESULT {'PASS' if passed else 'FAIL'} errors={errors} unexpected={unexpected} "
        f"lost_writes={verdict.lost_writes} duplicated={verdict.notes_duplicated} "
        f"unrequested={verdict.notes_unrequested} misfiled={verdict.notes_misfiled} "
        f"stuck={int(out.stuck)}"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
