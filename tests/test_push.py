"""Outside the app: Web Push to each device where a person turned it on, an email digest
by choice, quiet hours for both; who and what kind, never the words.

The push test serves a push endpoint on 127.0.0.1, holds the subscription's own private
key, and decrypts what arrives by RFC 8291 (aes128gcm) with its own code, then checks
the VAPID signature (RFC 8292) against the server's public key.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
import re
import struct
import threading
import time
import zoneinfo
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.core.management import call_command
from django.utils import timezone

from accounts.models import NotificationSettings, OutgoingPush, PushSubscription
from practices import daily, journal, notifications
from practices.models import Notification
from practices.reminders import queue_digests

pytestmark = pytest.mark.django_db


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def public_bytes(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )


class Device:
    """A browser's side of a push subscription: its key pair and auth secret."""

    def __init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = b"sixteen byte key"

    def decrypt(self, body: bytes) -> bytes:
        """RFC 8188's aes128gcm record, keyed as RFC 8291 says."""
        salt, record_size, id_length = body[:16], *struct.unpack("!IB", body[16:21])
        sender = body[21 : 21 + id_length]
        ciphertext = body[21 + id_length :]
        assert len(ciphertext) <= record_size
        shared = self.key.exchange(
            ec.ECDH(), ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), sender)
        )
        info = b"WebPush: info\x00" + public_bytes(self.key) + sender
        ikm = HKDF(hashes.SHA256(), 32, self.auth, info).derive(shared)
        cek = HKDF(hashes.SHA256(), 16, salt, b"Content-Encoding: aes128gcm\x00").derive(ikm)
        nonce = HKDF(hashes.SHA256(), 12, salt, b"Content-Encoding: nonce\x00").derive(ikm)
        padded = AESGCM(cek).decrypt(nonce, ciphertext, None)
        # The last record ends with 0x02, then padding zeros.
        return padded.rstrip(b"\x00")[:-1]


class PushService:
    """A push service on 127.0.0.1 that keeps what it is sent and answers `status`."""

    def __init__(self) -> None:
        self.received: list[tuple[Message, bytes]] = []
        self.status = 201
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                service.received.append((self.headers, body))
                self.send_response(service.status)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def vapid(settings) -> ec.EllipticCurvePrivateKey:
    """The server's key pair, as `manage.py generate_vapid_keys` makes it."""
    key = ec.generate_private_key(ec.SECP256R1())
    settings.VAPID_PRIVATE_KEY = b64url(key.private_numbers().private_value.to_bytes(32, "big"))
    settings.VAPID_PUBLIC_KEY = b64url(public_bytes(key))
    settings.VAPID_SUBJECT = "mailto:admin@bond.example"
    settings.PUSH_ENDPOINT_PATTERN = r"^http://127\.0\.0\.1:\d+/"
    return key


@pytest.fixture
def push_service():
    service = PushService()
    yield service
    service.stop()


@pytest.fixture
def device() -> Device:
    return Device()


@pytest.fixture
def alices_phone(alice, alice_client, vapid, push_service, device) -> PushSubscription:
    """Alice turned notifications on on her phone (through the page's own endpoint)."""
    response = alice_client.post(
        "/account/notifications/devices/",
        {
            "endpoint": f"{push_service.url}/push/alices-phone",
            "p256dh": b64url(public_bytes(device.key)),
            "auth": b64url(device.auth),
        },
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Gecko/20100101 Firefox/140.0",
    )
    assert response.status_code == 201
    # Whenever the test runs: her quiet hours are the subject of tests of their own.
    NotificationSettings.objects.create(user=alice, quiet_hours=False)
    return PushSubscription.objects.get(user=alice)


def verify_vapid(headers: Message, vapid: ec.EllipticCurvePrivateKey, audience: str) -> dict:
    """The JWT of `Authorization: vapid t=..., k=...`, checked (RFC 8292); its claims."""
    scheme, _, params = headers["Authorization"].partition(" ")
    assert scheme == "vapid"
    fields = dict(part.strip().split("=", 1) for part in params.split(","))
    assert unb64url(fields["k"]) == public_bytes(vapid)
    head, claims, signature = fields["t"].split(".")
    assert json.loads(unb64url(head)) == {"typ": "JWT", "alg": "ES256"}
    raw = unb64url(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    vapid.public_key().verify(
        der, f"{head}.{claims}".encode(), ec.ECDSA(hashes.SHA256())
    )  # raises if forged
    decoded = json.loads(unb64url(claims))
    assert decoded["aud"] == audience
    assert 0 < decoded["exp"] - time.time() <= 24 * 60 * 60
    return decoded


# Push, end to end ---------------------------------------------------------------------


def test_a_note_reaches_her_phone_encrypted_signed_and_without_its_words(
    couple, alice, bob, alices_phone, push_service, device, vapid, run_worker
):
    assert alices_phone.label == "Firefox on Android"
    note = journal.write_note(
        couple=couple, author=bob, recipient=alice, text="SECRET-NOTE-WORDS", category=""
    )
    run_worker()
    ((headers, body),) = push_service.received
    assert headers["Content-Encoding"] == "aes128gcm"
    assert int(headers["TTL"]) > 0
    claims = verify_vapid(headers, vapid, push_service.url)
    assert claims["sub"] == "mailto:admin@bond.example"
    assert b"SECRET-NOTE-WORDS" not in body
    payload = json.loads(device.decrypt(body))
    assert payload == {
        "title": "Bond",
        "body": "Bob sent you a note",
        "url": f"/journal/notes/{note.pk}/",
        "tag": f"note:{note.pk}",
    }
    assert OutgoingPush.objects.get().status == "sent"
    assert OutgoingPush.objects.get().payload == {}  # nothing of it kept once sent


def test_a_device_the_push_service_no_longer_knows_is_forgotten(
    couple, alice, bob, alices_phone, push_service, run_worker
):
    push_service.status = 410
    journal.write_note(couple=couple, author=bob, recipient=alice, text="Hi", category="")
    run_worker()
    assert len(push_service.received) == 1
    assert not PushSubscription.objects.exists()
    assert not OutgoingPush.objects.exists()  # its notifications went with it


def test_a_push_service_that_is_down_is_tried_again(
    couple, alice, bob, alices_phone, push_service, run_worker
):
    push_service.status = 503
    journal.write_note(couple=couple, author=bob, recipient=alice, text="Hi", category="")
    run_worker()
    push = OutgoingPush.objects.get()
    assert (push.status, push.attempts) == ("pending", 1)
    assert push.last_error == "WebPushException"
    assert PushSubscription.objects.exists()


def test_hidden_names_say_what_kind_alone(
    couple, alice, bob, alices_phone, push_service, device, run_worker
):
    NotificationSettings.objects.filter(user=alice).update(hide_names=True)
    bob_sign = journal.send_gesture(couple=couple, user=bob, recipient=alice, kind="hug")
    run_worker()
    ((_headers, body),) = push_service.received
    payload = json.loads(device.decrypt(body))
    assert payload["body"] == "A hug"
    assert "Bob" not in json.dumps(payload)
    assert payload["tag"] == f"gesture:{bob_sign.pk}"


def test_no_hidden_words_in_any_payload(
    couple, alice, bob, alices_phone, push_service, device, run_worker
):
    today = timezone.localdate()
    daily.save_answer(couple=couple, user=bob, day=today, text="BOB-SECRET-ANSWER")
    plan = journal.create_plan(
        couple=couple,
        user=bob,
        fields={
            "title": "BOB-SECRET-TITLE",
            "status": "done",
            "tech_free": False,
            "place": "",
            "description": "",
        },
        when=journal.When(day=today, time=None),
        tz=dt.UTC,
    )
    journal.reflect(couple=couple, plan=plan, author=bob, enjoyed="BOB-SECRET-FUN", rating=5)
    from practices import exercises

    exercises.check_in(couple=couple, user=bob, mood=1, need="BOB-SECRET-NEED")
    exercises.reflect_back(couple=couple, listener=bob, speaker=alice, heard="BOB-SECRET-HEARD")
    run_worker()
    bodies = [json.loads(device.decrypt(body))["body"] for _headers, body in push_service.received]
    assert bodies == [
        "Bob answered the day's question",
        "Bob made a plan for you two",
        "Bob reflected on a date you shared",
        "Bob checked in",
        "Bob reflected back what you said",
    ]
    assert "SECRET" not in " ".join(bodies)


def test_only_the_topics_she_chose_are_pushed(
    couple, alice, bob, alices_phone, push_service, run_worker
):
    NotificationSettings.objects.filter(user=alice).update(push_topics=["gestures"])
    journal.write_note(couple=couple, author=bob, recipient=alice, text="Hi", category="")
    run_worker()
    assert push_service.received == []
    assert Notification.objects.filter(recipient=alice).count() == 1  # still on her list


def test_seen_in_the_app_first_is_not_pushed(
    couple, alice, bob, alices_phone, push_service, alice_client, run_worker
):
    quiet_hours_around_now(alice)
    journal.write_note(couple=couple, author=bob, recipient=alice, text="Hi", category="")
    assert OutgoingPush.objects.get().status == "pending"
    alice_client.get("/")  # she saw it on her home page before her quiet hours ended
    assert OutgoingPush.objects.get().status == "cancelled"
    run_worker()
    assert push_service.received == []


# Quiet hours ---------------------------------------------------------------------------


def quiet_hours_around_now(user) -> dt.time:
    """Her quiet hours from an hour ago to an hour from now (in her zone); their end."""
    now = timezone.now().astimezone(zoneinfo.ZoneInfo(user.time_zone))
    start = (now - dt.timedelta(hours=1)).time().replace(second=0, microsecond=0)
    end = (now + dt.timedelta(hours=1)).time().replace(second=0, microsecond=0)
    NotificationSettings.objects.filter(user=user).update(
        quiet_hours=True, quiet_start=start, quiet_end=end
    )
    return end


PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    ("local", "until"),
    [
        (
            dt.datetime(2031, 3, 8, 23, 30, tzinfo=PARIS),
            dt.datetime(2031, 3, 9, 8, 0, tzinfo=PARIS),
        ),
        (dt.datetime(2031, 3, 9, 6, 15, tzinfo=PARIS), dt.datetime(2031, 3, 9, 8, 0, tzinfo=PARIS)),
        (dt.datetime(2031, 3, 9, 8, 0, tzinfo=PARIS), None),
        (dt.datetime(2031, 3, 9, 21, 59, tzinfo=PARIS), None),
    ],
)
def test_quiet_hours_in_her_own_time_zone(local, until):
    preferences = NotificationSettings()  # 22:00 to 08:00 unless she says otherwise
    assert notifications.quiet_until(preferences, PARIS, local.astimezone(dt.UTC)) == until


def test_quiet_hours_within_a_day_and_turned_off():
    afternoon = NotificationSettings(quiet_start=dt.time(13, 0), quiet_end=dt.time(15, 0))
    at = dt.datetime(2031, 3, 9, 14, 0, tzinfo=PARIS)
    assert notifications.quiet_until(afternoon, PARIS, at) == at.replace(hour=15)
    afternoon.quiet_hours = False
    assert notifications.quiet_until(afternoon, PARIS, at) is None


def test_a_push_in_her_quiet_hours_waits_for_their_end(
    couple, alice, bob, alices_phone, push_service, run_worker
):
    alice.time_zone = "Europe/Paris"
    alice.save()
    end = quiet_hours_around_now(alice)
    journal.write_note(couple=couple, author=bob, recipient=alice, text="Hi", category="")
    push = OutgoingPush.objects.get()
    assert push.next_attempt_at.astimezone(PARIS).time() == end
    run_worker()
    assert push_service.received == []  # not yet: it is queued to run at the end
    # The end of her quiet hours comes.
    OutgoingPush.objects.update(next_attempt_at=timezone.now())
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.update(run_after=timezone.now())
    run_worker()
    assert len(push_service.received) == 1


# Email digests --------------------------------------------------------------------------

SUNDAY_EVENING = dt.datetime(2031, 3, 9, 17, 30, tzinfo=dt.UTC)  # 18:30 in Paris


@pytest.fixture
def digest_by_email(alice) -> NotificationSettings:
    alice.time_zone = "Europe/Paris"
    alice.save()
    return NotificationSettings.objects.create(
        user=alice,
        push_topics=[],
        email_topics=["notes", "check_ins", "answers"],
        digest_sent_at=paris(2031, 3, 8, 18, 0),  # Saturday's went out
    )


def paris(*moment: int) -> dt.datetime:
    return dt.datetime(*moment, tzinfo=PARIS)


def made_at(moment: dt.datetime) -> None:
    Notification.objects.update(created_at=moment)


def test_a_daily_digest_counts_what_came_and_says_no_words(
    couple, alice, bob, digest_by_email, mailbox
):
    for text in ("SECRET-1", "SECRET-2"):
        journal.write_note(couple=couple, author=bob, recipient=alice, text=text, category="")
    daily.save_answer(couple=couple, user=bob, day=timezone.localdate(), text="SECRET-ANSWER")
    journal.send_gesture(couple=couple, user=bob, recipient=alice, kind="hug")  # not chosen
    made_at(SUNDAY_EVENING - dt.timedelta(hours=3))
    before_time = SUNDAY_EVENING - dt.timedelta(hours=1)  # 17:30 in Paris: not yet 18:00
    assert queue_digests(before_time) == 0
    assert queue_digests(SUNDAY_EVENING) == 1
    assert queue_digests(SUNDAY_EVENING) == 0  # once a day, however often the schedule runs
    (digest,) = mailbox()
    assert digest.to == ["alice@example.com"]
    assert digest.subject == "[Bond] New from Bob in Bond"
    assert "- 2 notes" in digest.body
    assert "- an answer to the day's question" in digest.body
    assert "sign" not in digest.body
    assert "SECRET" not in digest.body + digest.alternatives[0][0]
    assert "/unsubscribe/" in digest.body


def test_no_digest_for_what_she_saw_in_the_app(
    couple, alice, bob, digest_by_email, alice_client, mailbox
):
    journal.write_note(couple=couple, author=bob, recipient=alice, text="Hi", category="")
    alice_client.get("/")  # seen on her home page
    made_at(SUNDAY_EVENING - dt.timedelta(hours=3))
    assert queue_digests(SUNDAY_EVENING) == 0
    assert mailbox() == []


def test_no_digest_in_quiet_hours_nor_off_its_weekday(couple, alice, bob, digest_by_email):
    journal.write_note(couple=couple, author=bob, recipient=alice, text="Hi", category="")
    made_at(SUNDAY_EVENING - dt.timedelta(hours=3))
    # At 23:00, inside her quiet hours (22:00 to 08:00): it waits for their end.
    NotificationSettings.objects.filter(user=alice).update(
        digest_time=dt.time(23, 0), digest_sent_at=paris(2031, 3, 8, 23, 0)
    )
    assert queue_digests(paris(2031, 3, 9, 23, 30)) == 0
    assert queue_digests(paris(2031, 3, 10, 7, 59)) == 0
    assert queue_digests(paris(2031, 3, 10, 8, 0)) == 1
    # Once a week: on Sundays only.
    NotificationSettings.objects.filter(user=alice).update(
        digest="weekly", digest_time=dt.time(18, 0), digest_sent_at=paris(2031, 3, 2, 18, 0)
    )
    made_at(paris(2031, 3, 8, 9, 0))
    assert queue_digests(paris(2031, 3, 8, 18, 30)) == 0  # Saturday
    assert queue_digests(paris(2031, 3, 9, 18, 30)) == 1  # Sunday
    assert queue_digests(paris(2031, 3, 13, 18, 30)) == 0  # the next Thursday


def test_the_digest_link_stops_the_digest(couple, alice, bob, digest_by_email, client, mailbox):
    journal.write_note(couple=couple, author=bob, recipient=alice, text="Hi", category="")
    made_at(SUNDAY_EVENING - dt.timedelta(hours=3))
    queue_digests(SUNDAY_EVENING)
    path = re.search(r"https?://[^/\s]+(/unsubscribe/\S+/)", mailbox()[0].body).group(1)
    assert "sums up what your partner shared" in client.get(path).content.decode()
    assert client.post(path).status_code == 200
    assert NotificationSettings.objects.get(user=alice).email_topics == []


# The settings page ----------------------------------------------------------------------


def test_settings_are_one_page_that_works_without_javascript(alice, alice_client):
    page = html.unescape(alice_client.get("/account/notifications/").content.decode())
    assert "Hearing from your partner" in page or "Hearing from" in page
    assert "Push notifications are not set up on this server yet" in page  # no VAPID keys
    response = alice_client.post(
        "/account/notifications/",
        {
            "push_topics": ["notes", "gestures"],
            "email_topics": ["plans"],
            "digest": "weekly",
            "digest_time": "19:30",
            "quiet_hours": "on",
            "quiet_start": "23:00",
            "quiet_end": "07:00",
            "hide_names": "on",
        },
    )
    assert response.status_code == 302
    saved = NotificationSettings.objects.get(user=alice)
    assert (saved.push_topics, saved.email_topics) == (["notes", "gestures"], ["plans"])
    assert (saved.digest, saved.digest_time) == ("weekly", dt.time(19, 30))
    assert (saved.quiet_start, saved.quiet_end, saved.hide_names) == (
        dt.time(23, 0),
        dt.time(7, 0),
        True,
    )


def test_bad_settings_are_refused_with_a_message(alice, alice_client):
    response = alice_client.post(
        "/account/notifications/", {"push_topics": ["spam"], "digest": "hourly"}
    )
    assert response.status_code == 422
    assert not NotificationSettings.objects.filter(user=alice).exists()
    assert "Select a valid choice" in response.content.decode()


def test_a_device_is_listed_and_removable_and_only_by_its_owner(
    alice, alices_phone, alice_client, bob_client
):
    page = alice_client.get("/account/notifications/").content.decode()
    assert "Firefox on Android" in page
    assert 'data-push-key="' in page  # the server's public key: push can be turned on
    # Bob cannot remove Alice's device: it is simply not his.
    bob_client.post("/account/notifications/devices/remove/", {"device": alices_phone.pk})
    assert PushSubscription.objects.filter(pk=alices_phone.pk).exists()
    alice_client.post("/account/notifications/devices/remove/", {"device": alices_phone.pk})
    assert not PushSubscription.objects.exists()


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://evil.example/push/1",
        "http://fcm.googleapis.com/fcm/send/1",  # not HTTPS
        "https://fcm.googleapis.com.evil.example/fcm/send/1",
        "javascript:alert(1)",
    ],
)
def test_a_push_address_must_be_a_known_push_service(alice_client, endpoint):
    response = alice_client.post(
        "/account/notifications/devices/",
        {"endpoint": endpoint, "p256dh": "B" + "x" * 86, "auth": "y" * 22},
    )
    assert response.status_code == 422
    assert not PushSubscription.objects.exists()


def test_keys_that_no_browser_makes_are_refused(alice_client):
    response = alice_client.post(
        "/account/notifications/devices/",
        {
            "endpoint": "https://fcm.googleapis.com/fcm/send/abc",
            "p256dh": "B" + "x" * 85 + "\n",
            "auth": "not base64 at all!!!!!",
        },
    )
    assert response.status_code == 422
    assert not PushSubscription.objects.exists()


def test_the_vapid_command_makes_a_key_pair_pywebpush_can_sign_with(capsys):
    call_command("generate_vapid_keys")
    lines = dict(line.split("=", 1) for line in capsys.readouterr().out.split())
    public = unb64url(lines["VAPID_PUBLIC_KEY"])
    assert len(public) == 65 and public[0] == 4  # noqa: PT018 (an uncompressed P-256 point)
    assert len(unb64url(lines["VAPID_PRIVATE_KEY"])) == 32


# Installable ---------------------------------------------------------------------------


def test_the_manifest_names_bond_with_its_icons(client):
    from django.contrib.staticfiles import finders

    with open(finders.find("manifest.webmanifest")) as file:
        manifest = json.load(file)
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == (
        "/",
        "/",
        "standalone",
    )
    assert manifest["theme_color"]
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(f"{icon['src']}"), icon["src"]


def test_the_service_worker_is_served_from_the_root(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    body = b"".join(response.streaming_content).decode()
    assert "showNotification" in body
    assert "/offline/" in body


def test_the_offline_page_names_nobody(client, alice):
    page = client.get("/offline/").content.decode()
    assert "You're offline" in page
    assert "alice" not in page.lower()
