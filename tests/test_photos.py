"""Photos: what an upload must be to be kept, what is kept of it (never its metadata), who
may see it (the couple door, and an answer's reveal rule), its files going with it, and the
pages that show photos."""

from __future__ import annotations

import datetime as dt
import io
import re
from urllib.parse import parse_qs, urlsplit

import boto3
import pillow_heif
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from moto import mock_aws
from PIL import Image

from accounts.deletion import delete_account
from bond.settings import s3_photos_backend
from practices import daily, journal
from practices.models import Note, Notification, Photo
from tests.conftest import a_plan
from tests.pictures import GPS_IFD, camera_jpeg, files_in, picture

pytestmark = pytest.mark.django_db

SIZES = ("thumb", "display", "original")


def upload(content: bytes, name: str = "holiday.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


@pytest.fixture
def note(couple, alice, bob) -> Note:
    return journal.write_note(
        couple=couple, author=alice, recipient=bob, text="Thank you for the walk", category=""
    )


def add_to_note(client, note: Note, content: bytes, name: str = "holiday.jpg", **fields):
    return client.post(
        f"/journal/notes/{note.pk}/photos/", {"photo": upload(content, name), **fields}
    )


@pytest.fixture
def kept(alice_client, note, run_worker) -> Photo:
    """Alice's camera photo on her note, its sizes made by the worker."""
    response = add_to_note(alice_client, note, camera_jpeg(), alt_text="Us at the pier")
    assert response.status_code == 302
    assert response.url == f"/journal/notes/{note.pk}/"
    run_worker()
    return Photo.objects.get()


def served(client, photo: Photo, size: str):
    return client.get(f"/photos/{photo.key}/{size}/")


def read_back(response) -> Image.Image:
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    image.load()
    return image


# What is kept ------------------------------------------------------------------------------


def test_every_served_size_is_upright_and_without_metadata(kept, alice_client, bob_client):
    assert (kept.width, kept.height) == (480, 640)
    assert kept.thumb
    assert kept.display
    for client in (alice_client, bob_client):
        for size in SIZES:
            response = served(client, kept, size)
            assert response.status_code == 200, size
            image = read_back(response)
            assert image.format == ("JPEG" if size == "original" else "WEBP")
            # Upright (the orientation applied to the pixels, then dropped).
            assert image.height > image.width, size
            exif = image.getexif()
            assert not exif, (size, dict(exif))
            assert not exif.get_ifd(GPS_IFD)
            for key in ("exif", "icc_profile", "comment", "xmp", "XML:com.adobe.xmp"):
                assert key not in image.info, (size, key)
    assert served(alice_client, kept, "thumb").headers["Content-Type"] == "image/webp"


def test_nothing_of_the_camera_reaches_the_stored_files(kept, photo_folder):
    for path in files_in(photo_folder):
        content = path.read_bytes()
        assert b"SECRET-CAMERA" not in content
        assert b"SECRET-COMMENT" not in content
        assert b"Exif" not in content


def test_a_served_photo_is_private_to_caches_and_revalidates_by_etag(kept, alice_client):
    response = served(alice_client, kept, "thumb")
    assert response.headers["Cache-Control"].startswith("private")
    etag = response.headers["ETag"]
    again = alice_client.get(f"/photos/{kept.key}/thumb/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert (
        alice_client.get(f"/photos/{kept.key}/thumb/", headers={"If-None-Match": "*"}).status_code
        == 304
    )
    other = served(alice_client, kept, "display").headers["ETag"]
    assert other != etag


def test_a_front_server_can_send_the_file(kept, alice_client, settings):
    settings.PHOTO_SEND_HEADER = "X-Accel-Redirect"
    response = served(alice_client, kept, "display")
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["X-Accel-Redirect"] == "/protected-photos/" + kept.display.name
    settings.PHOTO_SEND_HEADER = "X-Sendfile"
    assert served(alice_client, kept, "display").headers["X-Sendfile"] == kept.display.path


def test_until_the_worker_ran_the_page_shows_a_placeholder_and_sizes_fall_back(alice_client, note):
    add_to_note(alice_client, note, camera_jpeg(), alt_text="Us at the pier")
    photo = Photo.objects.get()
    assert not photo.thumb
    page = alice_client.get(f"/journal/notes/{note.pk}/").content.decode()
    assert "Preparing…" in page
    assert f"/photos/{photo.key}/thumb/" not in page
    assert read_back(served(alice_client, photo, "thumb")).format == "JPEG"


def test_pages_show_thumbnails_lazily_with_their_description(kept, alice_client, note):
    for path in (f"/journal/notes/{note.pk}/", "/journal/", "/memories/"):
        page = alice_client.get(path).content.decode()
        assert f'src="/photos/{kept.key}/thumb/"' in page, path
        assert 'loading="lazy"' in page
        assert 'alt="Us at the pier"' in page
        assert f"/photos/{kept.key}/display/ 1280w" in page


def test_the_photo_page_describes_and_deletes_for_who_added_it(
    kept, alice_client, bob_client, photo_folder, django_capture_on_commit_callbacks
):
    page = alice_client.get(f"/photos/{kept.key}/").content.decode()
    assert "Delete this photo" in page
    assert "Us at the pier" in page
    assert "Delete this photo" not in bob_client.get(f"/photos/{kept.key}/").content.decode()
    refused = bob_client.post(f"/photos/{kept.key}/describe/", {"alt_text": "Mine now"})
    assert refused.status_code == 403
    assert bob_client.post(f"/photos/{kept.key}/delete/").status_code == 403
    too_long = alice_client.post(f"/photos/{kept.key}/describe/", {"alt_text": "x" * 301})
    assert too_long.status_code == 422
    assert alice_client.post(f"/photos/{kept.key}/describe/", {"alt_text": "The pier"}).url
    kept.refresh_from_db()
    assert kept.alt_text == "The pier"
    assert len(files_in(photo_folder)) == 3
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(f"/photos/{kept.key}/delete/")
    assert response.status_code == 302
    assert not Photo.objects.exists()
    assert files_in(photo_folder) == []


# Refusals: a clear message, a 4xx, and nothing kept ---------------------------------------


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (picture("GIF"), "party.gif", "this file is a GIF picture"),
        (b"%PDF-1.4 not a picture at all", "scan.jpg", "not a photo Bond can read"),
        (picture("PNG"), "holiday.jpg", "named as a JPG picture but is a PNG"),
        (camera_jpeg()[:-300], "cut.jpg", "could not be read to the end"),
    ],
    ids=["wrong type", "not a picture", "not what its name says", "cut short"],
)
def test_a_file_that_is_not_a_kept_kind_of_photo_is_refused(
    alice_client, note, photo_folder, content, name, message
):
    response = add_to_note(alice_client, note, content, name)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Photo.objects.exists()
    assert files_in(photo_folder) == []


def test_a_photo_too_big_is_refused(alice_client, note, photo_folder, settings):
    settings.PHOTO_MAX_UPLOAD_BYTES = 10_000
    response = add_to_note(alice_client, note, camera_jpeg((2000, 1500)))
    assert response.status_code == 422
    assert "a photo can be at most" in response.content.decode()
    assert not Photo.objects.exists()
    assert files_in(photo_folder) == []


def test_a_decompression_bomb_is_refused_unopened(alice_client, note, photo_folder):
    # 400 million pixels in a few kilobytes: past Pillow's own limit and Bond's.
    bomb = picture("PNG", (20_000, 20_000), mode="1")
    assert len(bomb) < 100_000
    response = add_to_note(alice_client, note, bomb, "bomb.png")
    assert response.status_code == 422
    assert "too large to open safely" in response.content.decode()
    assert not Photo.objects.exists()
    assert files_in(photo_folder) == []


def test_more_pixels_than_the_setting_allows_are_refused(alice_client, note, settings):
    settings.PHOTO_MAX_PIXELS = 100_000
    response = add_to_note(alice_client, note, camera_jpeg((640, 480)), "big.jpg")
    assert response.status_code == 422
    assert "too large to open safely (more than 100,000 pixels)" in response.content.decode()
    assert not Photo.objects.exists()


def test_the_couples_quota_is_kept(alice_client, note, photo_folder, settings):
    assert add_to_note(alice_client, note, camera_jpeg()).status_code == 302
    settings.PHOTO_QUOTA_BYTES = Photo.objects.get().stored_bytes + 10
    response = add_to_note(alice_client, note, camera_jpeg())
    assert response.status_code == 422
    assert "Your photos already fill" in response.content.decode()
    assert Photo.objects.count() == 1
    assert len(files_in(photo_folder)) == 1


def test_an_item_takes_a_few_photos_at_most(alice_client, note):
    for _ in range(4):
        assert add_to_note(alice_client, note, picture("JPEG"), "a.jpg").status_code == 302
    response = add_to_note(alice_client, note, picture("JPEG"), "a.jpg")
    assert response.status_code == 422
    assert "already has 4 photos" in response.content.decode()
    assert Photo.objects.count() == 4


def test_png_webp_and_heic_are_kept_as_jpeg(alice_client, note):
    heic = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (64, 48), (10, 200, 30))).save(heic, quality=90)
    for content, name in [
        (picture("PNG", mode="RGBA"), "screen.png"),
        (picture("WEBP"), "a.webp"),
        (heic.getvalue(), "IMG_0001.HEIC"),
    ]:
        assert add_to_note(alice_client, note, content, name).status_code == 302, name
    stored = [Image.open(photo.original.open("rb")) for photo in Photo.objects.all()]
    assert [image.format for image in stored] == ["JPEG"] * 3


def test_only_a_notes_author_adds_photos_to_it(bob_client, note):
    response = add_to_note(bob_client, note, picture("JPEG"), "a.jpg")
    assert response.status_code == 403
    assert not Photo.objects.exists()


def test_a_plan_takes_photos_from_either_partner(bob_client, couple, alice):
    plan = a_plan(couple, alice, title="Picnic")
    page = bob_client.get(f"/plans/{plan.pk}/").content.decode()
    assert "Add a photo of the place" in page
    response = bob_client.post(
        f"/plans/{plan.pk}/photos/", {"photo": upload(picture("JPEG"), "place.jpg")}
    )
    assert response.status_code == 302
    assert Photo.objects.get().plan == plan


# Who may see a photo ----------------------------------------------------------------------


def test_nobody_outside_the_couple_reaches_a_photo(kept, charlie_client, client):
    for size in SIZES:
        assert served(charlie_client, kept, size).status_code == 404
        # Signed out: the same 404, not a login page confirming the address.
        assert served(client, kept, size).status_code == 404
    assert charlie_client.get(f"/photos/{kept.key}/").status_code == 404
    assert charlie_client.post(f"/photos/{kept.key}/delete/").status_code == 404
    assert "/accounts/login/" in client.get(f"/photos/{kept.key}/").url
    assert client.get("/photos/not-a-key/thumb/").status_code == 404


def test_an_answers_photo_follows_the_answers_rule(alice_client, bob_client, couple, alice, bob):
    today = timezone.localdate()
    daily.save_answer(couple=couple, user=alice, day=today, text="The sea")
    response = alice_client.post(
        f"/today/{today.isoformat()}/photos/",
        {"photo": upload(picture("JPEG"), "sea.jpg"), "alt_text": "SECRET-ALT-0b1e"},
    )
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert "SECRET-ALT-0b1e" in alice_client.get("/today/").content.decode()
    # Bob has not answered: nothing of it, anywhere.
    for path in ("/today/", "/memories/", f"/photos/{photo.key}/"):
        page = bob_client.get(path)
        assert "SECRET-ALT-0b1e" not in page.content.decode(), path
        assert photo.key not in page.content.decode(), path
    assert served(bob_client, photo, "original").status_code == 404
    daily.save_answer(couple=couple, user=bob, day=today, text="The mountains")
    assert "SECRET-ALT-0b1e" in bob_client.get("/today/").content.decode()
    assert served(bob_client, photo, "original").status_code == 200


def test_the_partner_hears_of_a_photo_and_reading_it_is_seeing_it(
    alice_client, bob_client, note, bob
):
    add_to_note(alice_client, note, picture("JPEG"), "a.jpg")
    add_to_note(alice_client, note, picture("JPEG"), "a.jpg")
    home = bob_client.get("/").content.decode()
    # Two photos on one note: one item.
    said = '<p class="for-you-sentence">Alice added a photo to their note to you.</p>'
    assert home.count(said) == 1
    assert Notification.objects.waiting_for(bob).filter(kind="photo").count() == 1
    bob_client.get(f"/journal/notes/{note.pk}/")
    assert not Notification.objects.waiting_for(bob).exists()


def test_a_photo_on_an_answer_is_told_only_once_the_partner_may_see_it(
    alice_client, bob_client, couple, alice, bob
):
    today = timezone.localdate()
    daily.save_answer(couple=couple, user=alice, day=today, text="The sea")
    Notification.objects.all().delete()  # the answer's own news, told already
    alice_client.post(f"/today/{today}/photos/", {"photo": upload(picture("JPEG"))})
    assert not Notification.objects.exists()
    assert "added a photo" not in bob_client.get("/").content.decode()
    daily.save_answer(couple=couple, user=bob, day=today, text="The mountains")
    alice_client.post(f"/today/{today}/photos/", {"photo": upload(picture("JPEG"))})
    assert "Alice added a photo to their answer." in bob_client.get("/").content.decode()
    bob_client.get("/today/")
    assert not Notification.objects.waiting_for(bob).exists()


def test_a_photo_on_an_answer_needs_the_answer_first(bob_client, couple):
    today = timezone.localdate().isoformat()
    response = bob_client.post(f"/today/{today}/photos/", {"photo": upload(picture("JPEG"))})
    assert response.status_code == 403
    assert not Photo.objects.exists()


# Files go with their rows --------------------------------------------------------------------


def test_deleting_a_note_deletes_its_photos_files(
    kept, alice_client, note, photo_folder, django_capture_on_commit_callbacks
):
    assert len(files_in(photo_folder)) == 3
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(f"/journal/notes/{note.pk}/delete/")
    assert not Note.objects.exists()
    assert files_in(photo_folder) == []


def test_deleting_an_account_deletes_its_photos_and_the_former_partner_loses_them(
    kept, alice, bob_client, photo_folder, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(user=alice)
    assert files_in(photo_folder) == []
    for size in SIZES:
        assert served(bob_client, kept, size).status_code == 404


def test_a_deletion_rolled_back_keeps_the_files(kept, photo_folder):
    pk = kept.pk

    def delete_then_fail() -> None:
        with transaction.atomic():
            kept.delete()
            raise RuntimeError("changed my mind")

    with pytest.raises(RuntimeError):
        delete_then_fail()
    assert len(files_in(photo_folder)) == 3
    assert Photo.objects.filter(pk=pk).exists()


def test_the_orphan_command_finds_files_no_photo_names(kept, photo_folder, capsys):
    stray = photo_folder / "ab" / "stray.jpg"
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"left behind")
    # Fresh: maybe an upload being recorded right now.
    call_command("photo_orphans", "--delete")
    assert stray.exists()
    call_command("photo_orphans", "--older-than=0")
    out = capsys.readouterr().out
    assert "ab/stray.jpg" in out
    assert kept.original.name not in out
    assert stray.exists()
    call_command("photo_orphans", "--delete", "--older-than=0")
    assert not stray.exists()
    assert len(files_in(photo_folder)) == 3


# Memories and the settings ----------------------------------------------------------------


def test_memories_group_photos_by_month_in_a_bounded_number_of_queries(
    alice_client, note, run_worker, django_assert_max_num_queries
):
    add_to_note(alice_client, note, picture("JPEG"), "a.jpg")
    Photo.objects.update(created_at=dt.datetime(2025, 6, 3, 12, tzinfo=dt.UTC))
    for _ in range(3):
        add_to_note(alice_client, note, picture("JPEG"), "a.jpg")
    run_worker()
    # session, user with couple and partner, photos, the nav's count
    with django_assert_max_num_queries(5):
        page = alice_client.get("/memories/").content.decode()
    assert page.index(f"{timezone.localdate():%B %Y}") < page.index("June 2025")
    assert page.count('class="photo-thumb"') == 4


def test_the_next_page_of_memories_goes_on_among_photos_of_the_same_moment(
    alice_client, note, couple, alice, monkeypatch
):
    monkeypatch.setattr("practices.views.photos.MEMORIES_PAGE", 3)
    for _ in range(4):
        add_to_note(alice_client, note, picture("JPEG"), "a.jpg")
    moment = dt.datetime(2025, 6, 3, 12, tzinfo=dt.UTC)
    Photo.objects.update(created_at=moment)  # as a restore, or one upload of several, gives
    first = alice_client.get("/memories/").content.decode()
    later = re.search(r'href="\?before=([^"]+)"', first).group(1)
    rest = alice_client.get(f"/memories/?before={later}").content.decode()
    keys = set(Photo.objects.values_list("key", flat=True))
    assert {key for key in keys if f"/photos/{key}/" in first + rest} == keys
    assert alice_client.get("/memories/?before=yesterday").status_code == 404


def test_settings_show_the_photo_space_used(kept, alice_client):
    page = alice_client.get("/account/settings/").content.decode()
    assert "of 2 GB" in page


# Object storage ---------------------------------------------------------------------------


@pytest.fixture
def in_a_bucket(settings, monkeypatch):
    """PHOTO_STORAGE=s3's storage, against moto's stand-in for S3 (no network)."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="bond-photos")
        settings.STORAGES = {
            **settings.STORAGES,
            "photos": s3_photos_backend(bucket="bond-photos", region="us-east-1", url_seconds=300),
        }
        yield


def test_in_object_storage_members_get_a_short_lived_signed_url(
    in_a_bucket, alice_client, bob_client, charlie_client, note, run_worker
):
    assert add_to_note(alice_client, note, camera_jpeg()).status_code == 302
    run_worker()
    photo = Photo.objects.get()
    assert photo.thumb
    stored = boto3.client("s3", region_name="us-east-1").list_objects_v2(Bucket="bond-photos")
    assert len(stored["Contents"]) == 3
    for client in (alice_client, bob_client):
        response = served(client, photo, "thumb")
        assert response.status_code == 302
        address = urlsplit(response.url)
        query = parse_qs(address.query)
        assert address.path.endswith(photo.thumb.name)
        assert query["X-Amz-Expires"] == ["300"]
        assert "X-Amz-Signature" in query
        assert response.headers["Cache-Control"] == "private, no-store"
    assert served(charlie_client, photo, "thumb").status_code == 404
