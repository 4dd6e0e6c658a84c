"""The ZIP download (the journal, its spreadsheets and the photos, streamed) and importing it
on another server (practices.restore): what comes back, and every refusal writing nothing."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from accounts import linking
from accounts.models import Couple, Invite, User
from practices import daily, export, journal, restore
from practices.journal import When
from practices.models import PHOTOS, Answer, Entry, Note, Photo, Plan
from practices.questions import QUESTIONS
from tests.pictures import GPS_IFD, attached, camera_jpeg, files_in

pytestmark = pytest.mark.django_db

PHOTO_NAME = re.compile(r"^photos/\d{4}-\d\d-\d\d-(note|plan|answer)-\d+-\d\.jpg$")


def add_photo(couple, user, target, color: str, size=(64, 48), alt_text: str = "") -> Photo:
    """A phone's JPEG (a camera name and a GPS position in its EXIF) kept on `target`."""
    content = camera_jpeg(size, color, make="Phone maker", rotated=False)
    return attached(couple=couple, user=user, target=target, content=content, alt_text=alt_text)


@pytest.fixture
def journal_with_photos(couple, alice, bob):
    """Alice's note (a photo), Bob's note, Bob's plan (a photo from each), a day both
    answered (a photo on Alice's answer) and a day only Bob answered (a photo on his)."""
    note = journal.write_note(
        couple=couple, author=alice, recipient=bob, text="Thank you, Bob", category=""
    )
    journal.write_note(
        couple=couple, author=bob, recipient=alice, text="Bob's own words", category=""
    )
    plan = journal.create_plan(
        couple=couple,
        user=bob,
        fields={"title": "Picnic", "status": "done", "place": "Park", "description": ""},
        when=When(day=dt.date(2026, 6, 1), time=dt.time(12, 0)),
        tz=dt.UTC,
    )
    journal.reflect(couple=couple, plan=plan, author=alice, enjoyed="The sun", rating=5)
    today = timezone.localdate()
    mine = daily.save_answer(couple=couple, user=alice, day=today, text="Alice answers")
    daily.save_answer(couple=couple, user=bob, day=today, text="Bob answers")
    unmatched = daily.save_answer(
        couple=couple, user=bob, day=today - dt.timedelta(days=1), text="Bob alone"
    )
    return {
        "note": add_photo(couple, alice, note, "red", (80, 60), alt_text="Soup on the table"),
        "plan by alice": add_photo(couple, alice, plan, "green", (60, 80)),
        "plan by bob": add_photo(couple, bob, plan, "yellow"),
        "answer": add_photo(couple, alice, mine, "blue", (50, 50)),
        "unmatched": add_photo(couple, bob, unmatched, "black"),
    }


def download(client: Client) -> bytes:
    response = client.get("/journal/export.zip")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="bond-journal-')
    return b"".join(response.streaming_content)


def test_the_zip_holds_the_json_every_csv_and_the_photos_alice_may_see(
    journal_with_photos, reauthenticated, alice
):
    archive = zipfile.ZipFile(io.BytesIO(download(reauthenticated(alice))))
    names = archive.namelist()
    assert names[0] == "journal.json"
    assert {f"csv/{kind}.csv" for kind in export.KINDS} <= set(names)
    document = json.loads(archive.read("journal.json"))
    assert (document["version"], document["exported_by"], document["partner"]) == (
        2,
        "Alice",
        "Bob",
    )
    listed = {row["file"] for row in document["photos"]}
    in_zip = {name for name in names if name.startswith("photos/")}
    # Bob's photo on the answer Alice cannot read yet is neither listed nor in the ZIP.
    assert listed == in_zip
    assert len(in_zip) == 4
    assert all(PHOTO_NAME.match(name) for name in in_zip)
    note_photo = next(row for row in document["photos"] if row["note_id"])
    added = journal_with_photos["note"].created_at.astimezone(dt.UTC).date()
    assert note_photo["file"] == f"photos/{added}-note-{note_photo['note_id']}-1.jpg"
    assert note_photo["alt_text"] == "Soup on the table"
    assert (note_photo["width"], note_photo["height"], note_photo["uploaded_by"]) == (
        80,
        60,
        "Alice",
    )
    answer_ids = {row["id"] for row in document["answers"]}
    assert {row["answer_id"] for row in document["photos"] if row["answer_id"]} <= answer_ids
    plan_photos = sorted(row["file"] for row in document["photos"] if row["plan_id"])
    assert [name[-6:] for name in plan_photos] == ["-1.jpg", "-2.jpg"]
    for name in in_zip:
        image = Image.open(archive.open(name))
        assert image.format == "JPEG"
        assert not image.getexif()
        assert not image.getexif().get_ifd(GPS_IFD)
    csv_rows = archive.read("csv/photos.csv").decode().splitlines()
    assert len(csv_rows) == 1 + 4


def test_the_zip_is_streamed_in_pieces(journal_with_photos, reauthenticated, alice, monkeypatch):
    monkeypatch.setattr(export, "ZIP_PIECE", 256)
    response = reauthenticated(alice).get("/journal/export.zip")
    pieces = list(response.streaming_content)
    assert len(pieces) > 5
    assert zipfile.ZipFile(io.BytesIO(b"".join(pieces))).testzip() is None


def test_a_photo_deleted_while_the_zip_is_made_is_left_out_and_the_import_goes_on(
    journal_with_photos, reauthenticated, alice, newcomer, photo_folder
):
    response = reauthenticated(alice).get("/journal/export.zip")
    # Gone before the stream reaches it: journal.json (its row is still there) lists it.
    PHOTOS.delete(journal_with_photos["note"].original.name)
    content = b"".join(response.streaming_content)
    archive = zipfile.ZipFile(io.BytesIO(content))
    listed = {row["file"] for row in json.loads(archive.read("journal.json"))["photos"]}
    in_zip = {name for name in archive.namelist() if name.startswith("photos/")}
    assert len(listed) == 4
    assert in_zip == {name for name in listed if "-note-" not in name}

    response = reauthenticated(newcomer).post("/journal/import/", {"archive": upload_of(content)})
    assert response.status_code == 302, response.content.decode()
    couple = Couple.objects.get(memberships__user=newcomer)
    assert Note.objects.for_couple(couple).count() == 1
    sizes = {(p.plan_id is not None, p.width, p.height) for p in Photo.objects.for_couple(couple)}
    assert sizes == {(True, 60, 80), (False, 50, 50)}


def test_the_zip_asks_for_the_password_again(journal_with_photos, alice_client):
    response = alice_client.get("/journal/export.zip")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")


def upload_of(content: bytes, name: str = "bond-journal.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/zip")


@pytest.fixture
def newcomer(make_user) -> User:
    """Alice on the new server: a fresh account, in no couple."""
    return make_user("Ally", email="ally@new.example.org")


def test_importing_alices_zip_gives_her_own_part_back_in_a_couple_waiting_for_bob(
    journal_with_photos, reauthenticated, alice, newcomer, make_user, photo_folder
):
    content = download(reauthenticated(alice))
    client = reauthenticated(newcomer)
    assert client.get("/journal/import/").status_code == 200
    response = client.post("/journal/import/", {"archive": upload_of(content)})
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == "/account/partner/"

    couple = Couple.objects.get(memberships__user=newcomer)
    assert couple.memberships.count() == 1
    assert couple.restored_at is not None
    assert not couple.is_active
    newcomer.refresh_from_db()
    assert newcomer.current_couple == couple
    assert list(Note.objects.for_couple(couple).values_list("text", "author", "recipient")) == [
        ("Thank you, Bob", newcomer.pk, None)
    ]
    (plan,) = Plan.objects.for_couple(couple)
    assert (plan.title, plan.starts_at, plan.created_by) == (
        "Picnic",
        dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC),
        None,
    )
    assert [a.text for a in Answer.objects.for_couple(couple)] == ["Alice answers"]
    assert Entry.objects.for_couple(couple).count() == 4  # note, plan, reflection, the day
    sizes = {
        (p.note_id is not None, p.plan_id is not None, p.width, p.height)
        for p in Photo.objects.for_couple(couple)
    }
    # Her three photos; Bob's on the plan is his, and stays in the file.
    assert sizes == {(True, False, 80, 60), (False, True, 60, 80), (False, False, 50, 50)}
    restored = Photo.objects.for_couple(couple).get(note__isnull=False)
    assert restored.alt_text == "Soup on the table"
    assert restored.created_at == journal_with_photos["note"].created_at
    with restored.original.open("rb") as stored:
        assert not Image.open(stored).getexif()

    page = client.get("/account/partner/").content.decode()
    assert "Your journal is back" in page
    invite = Invite.objects.get(inviter=newcomer)
    assert invite.couple == couple
    assert invite.code in page.replace("-", "")
    assert "Your journal, imported on" in page
    timeline = client.get("/journal/").content.decode()
    assert "Thank you, Bob" in timeline
    assert "Bob&#x27;s own words" not in timeline

    # Bob, new here too, accepts: the two of them are in that journal again.
    bobby = make_user("Bobby", email="bobby@new.example.org")
    assert linking.accept_invite(invite=invite, user=bobby) == couple
    couple.refresh_from_db()
    assert couple.is_active
    assert couple.memberships.filter(active=True).count() == 2
    bobby_client = reauthenticated(bobby)
    assert bobby_client.get(f"/plans/{plan.pk}/").status_code == 200
    assert "Thank you, Bob" in bobby_client.get("/journal/").content.decode()


def a_zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def journal_json(**changes) -> bytes:
    document = {
        "format": "bond-journal",
        "version": 2,
        "exported_by": "Alice",
        "partner": "Bob",
        "couple": {"name": "", "linked_at": None, "ended_at": None, "anniversary": None},
        **changes,
    }
    return json.dumps(document).encode()


REFUSALS = {
    "not a zip": (b"just some text", "This is not a ZIP file"),
    "no json": (a_zip({"notes.csv": b"id,text\n"}), "This ZIP has no journal.json"),
    "bad json": (a_zip({"journal.json": b'{"format": "bond-'}), "is not valid JSON"),
    "not bond's": (a_zip({"journal.json": b'{"format": "other"}'}), "is not a Bond journal"),
    "unknown version": (a_zip({"journal.json": journal_json(version=7)}), "format version 7"),
    "a bad row": (
        a_zip({"journal.json": journal_json(notes=[{"author": "Alice", "text": ""}])}),
        "row 1 of “notes” cannot be restored",
    ),
    "too large unpacked": (
        a_zip({"journal.json": journal_json(), "csv/notes.csv": b"0" * 200_000}),
        "would unpack to more than",
    ),
}


@pytest.mark.parametrize(("content", "message"), REFUSALS.values(), ids=REFUSALS.keys())
def test_a_file_that_is_not_a_sound_export_is_refused_and_nothing_written(
    content, message, reauthenticated, newcomer, photo_folder, settings, monkeypatch
):
    settings.PHOTO_QUOTA_BYTES = 0
    monkeypatch.setattr(restore, "TEXT_ROOM", 100_000)
    before = (Couple.objects.count(), Note.objects.count(), Invite.objects.count())
    response = reauthenticated(newcomer).post("/journal/import/", {"archive": upload_of(content)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (Couple.objects.count(), Note.objects.count(), Invite.objects.count()) == before
    assert files_in(photo_folder) == []


def test_a_damaged_photo_refuses_the_import_and_takes_the_files_kept_before_it(
    journal_with_photos, reauthenticated, alice, newcomer, photo_folder
):
    exported = zipfile.ZipFile(io.BytesIO(download(reauthenticated(alice))))
    files_before = files_in(photo_folder)
    # Alice's answer's photo comes after those of her note and the plan.
    (answers,) = [name for name in exported.namelist() if "-answer-" in name]
    members = {name: exported.read(name) for name in exported.namelist()}
    members[answers] = b"not a picture at all"
    response = reauthenticated(newcomer).post(
        "/journal/import/", {"archive": upload_of(a_zip(members))}
    )
    assert response.status_code == 400
    assert "not a photo Bond can read" in response.content.decode()
    assert not Couple.objects.filter(memberships__user=newcomer).exists()
    assert Photo.objects.count() == len(journal_with_photos)
    assert files_in(photo_folder) == files_before


def test_someone_linked_here_is_told_to_end_the_link_first(
    journal_with_photos, reauthenticated, alice, bob
):
    content = download(reauthenticated(alice))
    client = reauthenticated(bob)
    couples = Couple.objects.count()
    page = client.get("/journal/import/")
    assert page.status_code == 409
    assert "end the link first" in page.content.decode()
    response = client.post("/journal/import/", {"archive": upload_of(content)})
    assert response.status_code == 409
    assert "end the link first" in response.content.decode()
    assert Couple.objects.count() == couples


def test_the_import_needs_a_signed_in_person_who_entered_the_password_again(
    client, newcomer, client_for
):
    assert client.get("/journal/import/")["Location"].startswith("/accounts/login/")
    response = client_for(newcomer).post("/journal/import/", {})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")


def answer_row(day: str, question: str, text: str, **index) -> dict:
    return {
        "id": day,
        "day": day,
        "question": question,
        **index,
        "author": "Alice",
        "text": text,
        "created_at": f"{day}T08:00:00Z",
        "updated_at": f"{day}T08:00:00Z",
    }


def test_answers_find_their_question_by_its_place_then_by_its_words(
    journal_with_photos, reauthenticated, alice, newcomer
):
    exported = zipfile.ZipFile(io.BytesIO(download(reauthenticated(alice))))
    rows = json.loads(exported.read("journal.json"))["answers"]
    assert rows
    assert all(QUESTIONS[row["question_index"]].text == row["question"] for row in rows)

    content = a_zip(
        {
            "journal.json": journal_json(
                answers=[
                    answer_row(
                        "2026-03-01", "Worded otherwise there", "By place", question_index=3
                    ),
                    # An export made before question_index: the words alone.
                    answer_row("2026-03-02", QUESTIONS[5].text, "By words"),
                    answer_row("2026-03-03", "One of Bob's own", "On Bob's", question_index=None),
                ]
            )
        }
    )
    response = reauthenticated(newcomer).post(
        "/journal/import/", {"archive": upload_of(content)}, follow=True
    )
    page = response.content.decode()
    assert "answers: 2" in page
    assert "answers whose question is not here: 1" in page
    couple = Couple.objects.get(memberships__user=newcomer)
    kept = Answer.objects.for_couple(couple).order_by("question__day")
    assert list(kept.values_list("text", "question__question_index")) == [
        ("By place", 3),
        ("By words", 5),
    ]
