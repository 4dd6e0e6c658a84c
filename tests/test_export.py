"""Exporting the journal: complete, private, streaming; and the calendar feed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import tracemalloc

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from accounts import linking
from practices import daily, exercises, journal
from practices.journal import When
from practices.models import Note, Plan

pytestmark = pytest.mark.django_db

ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


def body_of(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def journal_of_alice_and_bob(couple, alice, bob):
    note = journal.write_note(
        couple=couple,
        author=alice,
        recipient=bob,
        text='Line one\nLine two, "quoted"',
        category="trait",
    )
    journal.toggle_reaction(couple=note.couple, note=note, user=bob, kind="heart")
    journal.toggle_star(couple=note.couple, note=note, user=alice)
    plan = journal.create_plan(
        couple=couple,
        user=bob,
        fields={
            "title": "Picnic",
            "status": "done",
            "tech_free": True,
            "place": "Park",
            "description": "",
        },
        when=When(day=dt.date(2026, 6, 1), time=dt.time(12, 0)),
        tz=dt.UTC,
    )
    journal.reflect(couple=plan.couple, plan=plan, author=alice, enjoyed="The sun", rating=5)
    today = timezone.localdate()
    daily.save_answer(couple=couple, user=alice, day=today, text="Alice answers")
    daily.save_answer(couple=couple, user=bob, day=today, text="Bob answers")
    exercises.reflect_back(couple=couple, listener=alice, speaker=bob, heard="Tired")
    exercises.check_in(couple=couple, user=bob, mood=4, need="A walk")
    exercises.tick_affection(couple=couple, user=alice, kinds={"hug"})
    return note, plan


def test_json_export_has_everything_with_names_and_utc_times(
    journal_of_alice_and_bob, alice_client
):
    response = alice_client.get("/journal/export.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="bond-journal-')
    data = json.loads(body_of(response))
    assert (data["format"], data["version"]) == ("bond-journal", 1)
    assert data["notes"][0]["text"] == 'Line one\nLine two, "quoted"'
    assert data["notes"][0]["author"] == "Alice"
    assert data["notes"][0]["recipient"] == "Bob"
    assert ISO_UTC.match(data["notes"][0]["created_at"])
    assert data["reactions"][0]["by"] == "Bob"
    assert data["keepsakes"][0]["kept_by"] == "Alice"
    assert data["plans"][0]["starts_at"] == "2026-06-01T12:00:00Z"
    assert data["reflections"][0]["enjoyed"] == "The sun"
    assert {a["text"] for a in data["answers"]} == {"Alice answers", "Bob answers"}
    assert data["exchanges"][0]["heard"] == "Tired"
    assert data["check_ins"][0]["mood_word"] == "Good"
    assert data["affection"][0]["hug"] is True
    for kind in ("notes", "plans", "reflections"):
        for row in data[kind]:
            assert ISO_UTC.match(row["created_at"])


def test_export_never_contains_email_addresses(journal_of_alice_and_bob, alice_client):
    text = body_of(alice_client.get("/journal/export.json"))
    assert "@example.com" not in text
    for kind in ("notes", "plans", "answers"):
        assert "@example.com" not in body_of(alice_client.get(f"/journal/export/{kind}.csv"))


def test_export_holds_back_a_partners_unrevealed_answer(couple, bob, alice_client, bob_client):
    daily.save_answer(couple=couple, user=bob, day=timezone.localdate(), text="Bob's secret")
    assert "Bob's secret" not in body_of(alice_client.get("/journal/export.json"))
    assert "Bob's secret" in body_of(bob_client.get("/journal/export.json"))


def test_export_contains_only_the_couples_own_data(journal_of_alice_and_bob, charlie_client):
    text = body_of(charlie_client.get("/journal/export.json"))
    assert "Line one" not in text
    assert "Picnic" not in text
    assert json.loads(text)["notes"] == []


def test_csv_per_kind(journal_of_alice_and_bob, alice_client):
    response = alice_client.get("/journal/export/notes.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(body_of(response))))
    assert rows[0]["text"] == 'Line one\nLine two, "quoted"'
    assert rows[0]["author"] == "Alice"
    plans = list(
        csv.DictReader(io.StringIO(body_of(alice_client.get("/journal/export/plans.csv"))))
    )
    assert plans[0]["title"] == "Picnic"
    assert alice_client.get("/journal/export/passwords.csv").status_code == 404


def test_an_ended_couple_can_still_export(journal_of_alice_and_bob, couple, alice, bob_client):
    linking.end_couple(couple=couple, user=alice)
    data = json.loads(body_of(bob_client.get("/journal/export.json")))
    assert data["couple"]["ended_at"] is not None
    assert data["notes"][0]["text"].startswith("Line one")


def test_export_needs_a_couple(client, sam_client):
    assert client.get("/journal/export.json").status_code == 302
    assert sam_client.get("/journal/export.json")["Location"] == "/account/partner/"


def test_a_100000_note_journal_streams_in_bounded_memory(couple, alice, bob, alice_client):
    batch = []
    now = timezone.now()
    for index in range(100_000):
        batch.append(
            Note(
                couple=couple,
                author=alice,
                recipient=bob,
                text=f"Note {index} " + "x" * 80,
                created_at=now,
            )
        )
        if len(batch) == 10_000:
            Note.objects.bulk_create(batch)
            batch = []
    response = alice_client.get("/journal/export.json")
    tracemalloc.start()
    size = notes = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        notes += chunk.count(b'"recipient": "Bob"')
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert notes == 100_000
    assert size > 10_000_000  # the whole journal went out…
    assert peak < size / 4  # …without ever being held in memory at once


# Calendar -----------------------------------------------------------------------


@pytest.fixture
def plans(couple, bob):
    def make(title: str, status: str, day: dt.date | None, time: dt.time | None = None) -> Plan:
        return journal.create_plan(
            couple=couple,
            user=bob,
            fields={
                "title": title,
                "status": status,
                "tech_free": False,
                "place": "",
                "description": "",
            },
            when=When(day=day, time=time),
            tz=dt.UTC,
        )

    return {
        "timed": make("Dinner", "planned", dt.date(2031, 3, 5), dt.time(19, 30)),
        "all_day": make("Hike", "done", dt.date(2031, 3, 7)),
        "cancelled": make("Concert", "cancelled", dt.date(2031, 3, 9)),
        "idea": make("Someday", "idea", None),
    }


def feed(client: Client, couple) -> Calendar:
    response = client.get(f"/calendar/{couple.calendar_token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_feed_lists_dated_plans_and_parses_back(client, couple, plans):
    events = {str(e["summary"]): e for e in feed(client, couple).walk("VEVENT")}
    assert set(events) == {"Dinner", "Hike", "Concert"}
    assert events["Dinner"].decoded("dtstart") == dt.datetime(2031, 3, 5, 19, 30, tzinfo=dt.UTC)
    assert events["Hike"].decoded("dtstart") == dt.date(2031, 3, 7)
    assert str(events["Concert"]["status"]) == "CANCELLED"
    assert str(events["Dinner"]["uid"]) == f"plan-{plans['timed'].pk}@bond"


def test_uids_are_stable_and_sequence_follows_edits(client, couple, plans, alice):
    before = {str(e["uid"]): int(e["sequence"]) for e in feed(client, couple).walk("VEVENT")}
    journal.update_plan(
        couple=couple,
        plan=plans["timed"],
        user=alice,
        version=1,
        fields={"title": "Dinner out"},
        when=None,
        tz=dt.UTC,
    )
    after = {str(e["uid"]): int(e["sequence"]) for e in feed(client, couple).walk("VEVENT")}
    assert set(before) == set(after)
    uid = f"plan-{plans['timed'].pk}@bond"
    assert after[uid] == before[uid] + 1


def test_the_feed_url_names_nobody_and_can_be_replaced(client, couple, alice, plans, alice_client):
    old_token = couple.calendar_token
    settings_page = alice_client.get("/account/settings/").content.decode()
    feed_url = re.search(r'value="(http://testserver/calendar/[^"]+\.ics)"', settings_page).group(1)
    assert "alice" not in feed_url.lower()
    assert "bob" not in feed_url.lower()
    assert len(old_token) >= 43
    response = alice_client.post("/account/calendar/new-address/")
    assert response.status_code == 302
    couple.refresh_from_db()
    assert couple.calendar_token != old_token
    assert client.get(f"/calendar/{old_token}.ics").status_code == 404
    assert client.get(f"/calendar/{couple.calendar_token}.ics").status_code == 200


def test_a_wrong_token_is_a_404(client, couple, plans):
    assert client.get("/calendar/not-the-token.ics").status_code == 404


def test_an_ended_couples_feed_stops(client, couple, alice, plans):
    linking.end_couple(couple=couple, user=alice)
    assert client.get(f"/calendar/{couple.calendar_token}.ics").status_code == 404


def test_one_plan_as_an_ics_download(couple, plans, alice_client, charlie_client):
    response = alice_client.get(f"/plans/{plans['timed'].pk}/event.ics")
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="bond-plan-{plans["timed"].pk}.ics"'
    )
    events = list(Calendar.from_ical(response.content).walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Dinner"]
    assert charlie_client.get(f"/plans/{plans['timed'].pk}/event.ics").status_code == 404
    assert alice_client.get(f"/plans/{plans['idea'].pk}/event.ics").status_code == 404
