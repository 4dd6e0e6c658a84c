"""Exporting the journal: complete, private, streaming; and the calendar feed."""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import json
import re
import tracemalloc
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from accounts import linking
from accounts.models import Couple, calendar_token_hash
from practices import daily, exercises, journal
from practices.journal import When
from practices.models import Note, Plan
from tests.conftest import PASSWORD, age_authentication

pytestmark = pytest.mark.django_db

ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


def body_of(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


# Exporting asks for the password again (tests below): these clients have just entered it.
@pytest.fixture
def alice_client(reauthenticated, alice) -> Client:
    return reauthenticated(alice)


@pytest.fixture
def bob_client(reauthenticated, bob) -> Client:
    return reauthenticated(bob)


@pytest.fixture
def charlie_client(reauthenticated, charlie) -> Client:
    return reauthenticated(charlie)


@pytest.fixture
def journal_of_alice_and_bob(couple, alice, bob):
    note = journal.write_note(
        couple=couple,
        author=alice,
        recipient=bob,
        text='Line one\nLine two, "quoted"',
        category="trait",
    )
    journal.set_reaction(couple=note.couple, note=note, user=bob, kind="heart")
    journal.set_star(couple=note.couple, note=note, user=alice)
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
    assert (data["format"], data["version"]) == ("bond-journal", 2)
    assert (data["exported_by"], data["partner"]) == ("Alice", "Bob")
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


# A spreadsheet runs a cell that starts like a formula (OWASP: CSV injection).
FORMULAS = {
    "equals": '=HYPERLINK("http://x","y")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3",
    "at": "@SUM(1+9)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "carriage-return": "\r=1+1",
}


def downloaded(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return body_of(response)


@pytest.mark.parametrize("text", FORMULAS.values(), ids=FORMULAS.keys())
def test_a_note_that_looks_like_a_formula_is_inert_in_csv_and_unchanged_in_json(
    couple, alice, bob, alice_client, text
):
    journal.write_note(couple=couple, author=alice, recipient=bob, text=text, category="")
    (row,) = csv.DictReader(io.StringIO(downloaded(alice_client, "/journal/export/notes.csv")))
    assert row["text"] == "'" + text
    data = json.loads(downloaded(alice_client, "/journal/export.json"))
    assert data["notes"][0]["text"] == text


def test_inert_applies_to_every_kind_and_leaves_other_text_alone(couple, alice, bob, alice_client):
    for text in ["Thank you = love", "'Quoted' already", "1+1"]:
        journal.write_note(couple=couple, author=alice, recipient=bob, text=text, category="")
    journal.create_plan(
        couple=couple,
        user=bob,
        fields={
            "title": "=1+1",
            "status": "idea",
            "tech_free": False,
            "place": "@home",
            "description": "- bring snacks",
        },
        when=When(day=None, time=None),
        tz=dt.UTC,
    )
    notes = csv.DictReader(io.StringIO(downloaded(alice_client, "/journal/export/notes.csv")))
    assert [row["text"] for row in notes] == [
        "Thank you = love",
        "'Quoted' already",
        "1+1",
    ]
    (plan,) = csv.DictReader(io.StringIO(downloaded(alice_client, "/journal/export/plans.csv")))
    assert (plan["title"], plan["place"], plan["description"]) == (
        "'=1+1",
        "'@home",
        "'- bring snacks",
    )


def test_an_ended_couple_can_still_export(journal_of_alice_and_bob, couple, alice, bob_client):
    linking.end_couple(couple=couple, user=alice)
    data = json.loads(body_of(bob_client.get("/journal/export.json")))
    assert data["couple"]["ended_at"] is not None
    assert data["notes"][0]["text"].startswith("Line one")


@pytest.mark.parametrize("url", ["/journal/export.json", "/journal/export/notes.csv"])
def test_exporting_asks_for_the_password_again(journal_of_alice_and_bob, alice, client_for, url):
    # The journal must not walk away with a session left open on someone else's computer.
    signed_in_long_ago = client_for(alice)
    response = signed_in_long_ago.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/reauthenticate/?next={quote(url, safe='')}"
    reauthenticate = f"/accounts/reauthenticate/?next={url}"
    assert signed_in_long_ago.post(reauthenticate, {"password": "wrong"}).status_code == 200
    response = signed_in_long_ago.post(reauthenticate, {"password": PASSWORD})
    assert response["Location"] == url
    assert "Line one" in body_of(signed_in_long_ago.get(url))

    # Once the password was entered, it holds for a few minutes, and no longer.
    age_authentication(signed_in_long_ago, settings.ACCOUNT_REAUTHENTICATION_TIMEOUT - 30)
    assert signed_in_long_ago.get(url).status_code == 200
    age_authentication(signed_in_long_ago, 31)
    assert signed_in_long_ago.get(url)["Location"].startswith("/accounts/reauthenticate/")


def test_export_needs_a_couple(client, sam_client):
    assert client.get("/journal/export.json").status_code == 302
    assert sam_client.get("/journal/export.json")["Location"] == "/account/partner/"


def test_a_large_journal_streams_in_bounded_memory(couple, alice, bob, alice_client):
    # Long notes rather than many: the same megabytes out, in a fraction of the rows.
    now = timezone.now()
    for start in range(0, 20_000, 5_000):
        Note.objects.bulk_create(
            Note(
                couple=couple,
                author=alice,
                recipient=bob,
                text=f"Note {index} " + "x" * 1000,
                created_at=now,
            )
            for index in range(start, start + 5_000)
        )
    response = alice_client.get("/journal/export.json")
    tracemalloc.start()
    size = notes = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        notes += chunk.count(b'"recipient": "Bob"')
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert notes == 20_000
    assert size > 20_000_000  # the whole journal went out…
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


@pytest.fixture
def calendar_token(couple) -> str:
    """The couple's feed token, made as settings make it (only its hash is stored)."""
    return linking.new_calendar_address(couple=couple)


def feed(client: Client, token: str) -> Calendar:
    response = client.get(f"/calendar/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_feed_lists_dated_plans_and_parses_back(client, calendar_token, plans):
    events = {str(e["summary"]): e for e in feed(client, calendar_token).walk("VEVENT")}
    assert set(events) == {"Dinner", "Hike", "Concert"}
    assert events["Dinner"].decoded("dtstart") == dt.datetime(2031, 3, 5, 19, 30, tzinfo=dt.UTC)
    assert events["Hike"].decoded("dtstart") == dt.date(2031, 3, 7)
    assert str(events["Concert"]["status"]) == "CANCELLED"
    assert str(events["Dinner"]["uid"]) == f"plan-{plans['timed'].pk}@bond"


def test_uids_are_stable_and_sequence_follows_edits(client, couple, calendar_token, plans, alice):
    before = {
        str(e["uid"]): int(e["sequence"]) for e in feed(client, calendar_token).walk("VEVENT")
    }
    journal.update_plan(
        couple=couple,
        plan=plans["timed"],
        user=alice,
        version=1,
        fields={"title": "Dinner out"},
        when=None,
        tz=dt.UTC,
    )
    after = {str(e["uid"]): int(e["sequence"]) for e in feed(client, calendar_token).walk("VEVENT")}
    assert set(before) == set(after)
    uid = f"plan-{plans['timed'].pk}@bond"
    assert after[uid] == before[uid] + 1


FEED_URL = re.compile(r'value="http://testserver(/calendar/([^"]+)\.ics)"')


def test_the_feed_url_names_nobody_and_can_be_replaced(
    client, couple, calendar_token, plans, alice_client
):
    # Only a hash of the address is kept: settings cannot show it again...
    page = alice_client.get("/account/settings/").content.decode()
    assert not FEED_URL.search(page)
    assert "Make a new address" in page
    # ...but show a new one once, right after it was made.
    response = alice_client.post("/account/calendar/new-address/")
    assert response.status_code == 302
    page = alice_client.get(response["Location"]).content.decode()
    feed_path, new_token = FEED_URL.search(page).groups()
    assert "it is shown only this once" in page
    assert "alice" not in feed_path.lower()
    assert "bob" not in feed_path.lower()
    assert len(new_token) >= 43
    assert not FEED_URL.search(alice_client.get("/account/settings/").content.decode())

    assert client.get(feed_path).status_code == 200
    assert client.get(f"/calendar/{calendar_token}.ics").status_code == 404
    couple.refresh_from_db()
    assert couple.calendar_token_hash == calendar_token_hash(new_token)
    assert not Couple.objects.filter(calendar_token_hash=new_token).exists()


def test_the_address_is_not_shown_to_the_partner_or_after_another_was_made(
    client, couple, plans, alice_client, bob_client
):
    response = alice_client.post("/account/calendar/new-address/")
    assert not FEED_URL.search(bob_client.get("/account/settings/").content.decode())
    # Bob makes another before Alice opened her settings: hers no longer works, so it is not
    # shown to her as if it did.
    bob_client.post("/account/calendar/new-address/")
    assert not FEED_URL.search(alice_client.get(response["Location"]).content.decode())


def test_the_migration_hashes_existing_tokens_in_place(client, couple, plans):
    # Before it, the column held the token itself: the address the couple subscribed to.
    Couple.objects.filter(pk=couple.pk).update(calendar_token_hash="an-old-plain-token")
    migration = importlib.import_module("accounts.migrations.0008_hash_calendar_tokens")
    migration.hash_in_place(apps, None)
    couple.refresh_from_db()
    assert couple.calendar_token_hash == calendar_token_hash("an-old-plain-token")
    # The same subscription keeps working.
    assert client.get("/calendar/an-old-plain-token.ics").status_code == 200


def test_a_wrong_token_is_a_404(client, couple, plans):
    assert client.get("/calendar/not-the-token.ics").status_code == 404


def test_an_ended_couples_feed_stops(client, couple, calendar_token, alice, plans):
    assert client.get(f"/calendar/{calendar_token}.ics").status_code == 200
    linking.end_couple(couple=couple, user=alice)
    assert client.get(f"/calendar/{calendar_token}.ics").status_code == 404


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


# What was stored before titles and places were kept to one line: neither download may
# break on it (a 500 once), nor may the text end a line of the file and start another.
OLD_TITLE = "Dinner\nBEGIN:VALARM\r\nTRIGGER:-PT5M; at 7, or 8 \\ later\x0b\u202e"
OLD_PLACE = "The corner\rLOCATION:elsewhere"


def test_odd_text_stored_long_ago_downloads_as_one_event(couple, plans, alice_client):
    Plan.objects.filter(pk=plans["timed"].pk).update(title=OLD_TITLE, place=OLD_PLACE)
    response = alice_client.get(f"/plans/{plans['timed'].pk}/event.ics")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert not calendar.walk("VALARM")
    # Line breaks come back as "\n" (iCalendar has no other); everything else as it was.
    assert str(event["summary"]) == OLD_TITLE.replace("\r\n", "\n")
    assert str(event["location"]) == OLD_PLACE.replace("\r", "\n")
    # The calendar is named after the plan, on one line.
    assert "\n" not in str(calendar["x-wr-calname"])
    assert str(calendar["x-wr-calname"]).startswith("Dinner BEGIN:VALARM")
