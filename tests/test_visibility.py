"""Who sees what inside a couple, on every route: the rules of README's visibility table.

tests/test_isolation.py sweeps strangers; these sweeps ask every route as the partner (what
the rules hide from Bob must not appear in any page, partial, export or feed he can fetch),
cold and with a cache warmed by Alice first, as a signed-out visitor, and, after the couple
ended, as either former partner trying to write to the archive.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from accounts import linking
from accounts.models import Couple, User
from practices import daily, exercises, journal
from practices.journal import When
from practices.models import AffectionDay, Answer, Plan, Reflection
from tests.pictures import attached
from tests.routes import (
    NOT_COUPLE_DATA,
    SECRETS,
    Owned,
    build_owned,
    fillings,
    fingerprint,
    fingerprint_changes,
    owned_kind,
    probe_body,
    text_of,
    walk_routes,
)

pytestmark = pytest.mark.django_db

# What Alice wrote that Bob may not read: an answer to a day he did not answer, and a
# reflection on a date he did not reflect on (yet, or ever: an archive keeps them hidden).
HIDDEN = {
    "Alice's unmatched answer": "HIDDEN-ANSWER-ALICE-5c20",
    "Alice's unmatched reflection": "HIDDEN-REFLECTION-ALICE-77e1",
    "the photo on Alice's unmatched answer": "HIDDEN-PHOTO-ALT-ALICE-3d8b",
}
QUERY_PROBES = ("/journal/?show=notes", "/journal/?show=plans", "/plans/ideas/")


def with_hidden_items(owned: Owned) -> Owned:
    """Alice's unmatched answer (yesterday's question) with a photo, and her unmatched
    reflection (a second date)."""
    couple, alice = owned.couple, owned.alice
    Couple.objects.filter(pk=couple.pk).update(linked_at=timezone.now() - dt.timedelta(days=3))
    couple.refresh_from_db()
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    lone = daily.save_answer(
        couple=couple, user=alice, day=yesterday, text=HIDDEN["Alice's unmatched answer"]
    )
    attached(
        couple=couple,
        user=alice,
        target=lone,
        alt_text=HIDDEN["the photo on Alice's unmatched answer"],
    )
    picnic = journal.create_plan(
        couple=couple,
        user=alice,
        fields={"title": "Picnic", "description": "", "place": "", "status": "done"},
        when=When(day=yesterday, time=None),
        tz=dt.UTC,
    )
    journal.reflect(
        couple=couple,
        plan=picnic,
        author=alice,
        enjoyed=HIDDEN["Alice's unmatched reflection"],
        rating=5,
    )
    return owned


def every_get(owned: Owned, viewer: User | None) -> list[str]:
    """Every page a viewer can ask for: each route filled with the couple's objects (or the
    viewer's own values), and the query-string doors."""
    urls = []
    for route in walk_routes():
        values = fillings(route, owned, None if owned_kind(route) else viewer)
        urls.extend(route.path(each) for each in values or [])
    return urls + list(QUERY_PROBES)


def hidden_in(client: Client, urls: list[str]) -> list[str]:
    problems = []
    for url, htmx in itertools.product(urls, [False, True]):
        headers = {"HX-Request": "true"} if htmx else {}
        text = text_of(client.get(url, headers=headers))
        problems += [f"{url} (htmx={htmx}) shows {name}" for name, s in HIDDEN.items() if s in text]
    return problems


def affection_rows_in_exports(client: Client) -> list[str]:
    """The people whose affection ticks a viewer's exports hold."""
    document = json.loads(b"".join(client.get("/journal/export.json").streaming_content))
    rows = b"".join(client.get("/journal/export/affection.csv").streaming_content).decode()
    in_csv = [row["person"] for row in csv.DictReader(io.StringIO(rows))]
    return [row["person"] for row in document["affection"]] + in_csv


@pytest.mark.parametrize("warm", [False, True], ids=["cold cache", "warmed by Alice"])
def test_the_partner_never_sees_what_the_rules_hide(couple, alice, bob, sam, reauthenticated, warm):
    owned = with_hidden_items(build_owned(couple=couple, alice=alice, bob=bob, inviter=sam))
    exercises.tick_affection(couple=couple, user=bob, kinds={"hug"})
    urls = every_get(owned, bob)
    # The password just entered: the exports ask for it, and they are swept too.
    alice_client, bob_client = reauthenticated(alice), reauthenticated(bob)
    seen_by_alice = {
        name
        for url in urls
        for name, secret in HIDDEN.items()
        if secret in text_of(alice_client.get(url))
    }
    # Alice sees her own words somewhere: their absence for Bob is then the rule at work.
    assert seen_by_alice == set(HIDDEN)
    if not warm:
        caches["fragments"].clear()

    assert not hidden_in(bob_client, urls)
    assert affection_rows_in_exports(bob_client) == ["Bob", "Bob"]
    assert affection_rows_in_exports(alice_client) == ["Alice", "Alice"]

    # Once Bob answers and reflects too, both read both: the rule hides, it does not lose.
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    daily.save_answer(couple=couple, user=bob, day=yesterday, text="Mine too")
    picnic = Plan.objects.get(title="Picnic")
    journal.reflect(couple=couple, plan=picnic, author=bob, enjoyed="The sun", rating=4)
    day_page = f"/today/{yesterday.isoformat()}/"
    shown = hidden_in(bob_client, ["/journal/", f"/plans/{picnic.pk}/", day_page])
    in_the_journal = ("Alice's unmatched answer", "Alice's unmatched reflection")
    assert {f"/journal/ (htmx=False) shows {name}" for name in in_the_journal} <= set(shown)
    assert f"/plans/{picnic.pk}/ (htmx=False) shows Alice's unmatched reflection" in shown
    assert f"{day_page} (htmx=False) shows the photo on Alice's unmatched answer" in shown


def test_an_unmatched_answer_and_reflection_stay_hidden_after_the_couple_ends(
    couple, alice, bob, sam, reauthenticated
):
    owned = with_hidden_items(build_owned(couple=couple, alice=alice, bob=bob, inviter=sam))
    linking.end_couple(couple=couple, user=alice)
    assert not hidden_in(reauthenticated(bob), every_get(owned, bob))
    assert Answer.objects.visible_to(bob).filter(author=alice).count() == 1  # today's, matched
    assert not Reflection.objects.visible_to(bob).filter(plan__title="Picnic").exists()


def test_the_visibility_querysets_are_the_rule(couple, alice, bob):
    exercises.tick_affection(couple=couple, user=alice, kinds={"hug"})
    assert AffectionDay.objects.visible_to(bob).count() == 0
    assert AffectionDay.objects.visible_to(alice).count() == 1


def test_a_signed_out_visitor_sees_nothing_of_any_couple(couple, alice, bob, sam, client_for):
    owned = with_hidden_items(build_owned(couple=couple, alice=alice, bob=bob, inviter=sam))
    client_for(alice).get("/journal/")  # a warm cache must not help a visitor either
    visitor = client_for(None)
    problems = []
    words = {**SECRETS, **HIDDEN}
    for url, htmx in itertools.product(every_get(owned, None), [False, True]):
        headers = {"HX-Request": "true"} if htmx else {}
        response = visitor.get(url, headers=headers)
        text = text_of(response)
        problems += [f"{url} shows {name}" for name, secret in words.items() if secret in text]
        if response.status_code >= 500:
            problems.append(f"{url}: {response.status_code}")
    assert not problems, "\n".join(problems)


# Routes that may still change an ended couple's rows, and why.
ARCHIVE_WRITES_ALLOWED = {
    "journal/notes/<int:pk>/delete/": "a person's own words stay theirs to delete",
    "account/delete/": "deleting an account removes what its owner wrote (test_deletion.py)",
}
COUPLE_DATA = ("practices.", "accounts.Couple", "accounts.Membership")


def test_nobody_writes_to_an_ended_couples_archive(couple, alice, bob, sam, reauthenticated):
    owned = build_owned(couple=couple, alice=alice, bob=bob, inviter=sam)
    linking.end_couple(couple=couple, user=bob)
    clients = {"alice": reauthenticated(alice), "bob": reauthenticated(bob)}
    body = probe_body(owned)
    problems, tried = [], 0
    for route in walk_routes():
        if route.route in ARCHIVE_WRITES_ALLOWED or route.route.startswith("admin/"):
            continue
        if route.route in NOT_COUPLE_DATA and owned_kind(route) is None and route.params:
            continue  # tokens and content, swept elsewhere; none writes the couple's rows
        for values, (who, client) in itertools.product(
            fillings(route, owned, None) or [], clients.items()
        ):
            url = route.path(values)
            before = couple_rows()
            response = client.post(url, body)
            tried += 1
            changed = fingerprint_changes(before, couple_rows())
            if changed:
                problems.append(f"{who} POST {url}: {response.status_code} changed {changed}")
    assert not problems, "\n".join(problems)
    assert tried >= 40


def couple_rows() -> dict[str, list[tuple]]:
    return {
        label: rows
        for label, rows in fingerprint().items()
        if label.startswith(COUPLE_DATA) and label != "practices.ReminderSent"
    }
