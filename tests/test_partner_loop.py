"""The partner loop in the app: what one partner does waits for the other on their home page
("for you"), one tap from its action, until they act on it or dismiss it; the nav counts
it; nothing hidden is revealed; nothing is told once the couple has ended."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.test import Client
from django.utils import timezone

from accounts import linking
from practices import daily, exercises, guided, journal, notifications
from practices.journal import GESTURES_PER_DAY, When
from practices.models import CheckIn, Gesture, Note, Notification, Plan
from practices.programs import PROGRAMS

pytestmark = pytest.mark.django_db


def for_you(client: Client) -> str:
    """The "for you" section of the home page, as its viewer sees it (entities decoded)."""
    page = client.get("/").content.decode()
    found = re.search(r'<section id="for-you".*?</section>', page, re.S)
    assert found, page
    return html.unescape(found.group(0))


def text_of(client: Client, path: str) -> str:
    return html.unescape(client.get(path).content.decode())


def waiting(user) -> list[str]:
    return list(Notification.objects.waiting_for(user).values_list("kind", flat=True))


@pytest.fixture
def lake_walk(couple, bob) -> Plan:
    return journal.create_plan(
        couple=couple,
        user=bob,
        fields={
            "title": "Lake walk",
            "status": "planned",
            "tech_free": False,
            "place": "",
            "description": "",
        },
        when=When(day=dt.date(2031, 3, 9), time=dt.time(10, 0)),
        tz=dt.UTC,
    )


# Each kind, as the partner who receives it -------------------------------------------


def test_a_note_waits_until_it_is_read(couple, alice, bob, alice_client, bob_client):
    note = journal.write_note(
        couple=couple, author=bob, recipient=alice, text="For the soup", category=""
    )
    shown = for_you(alice_client)
    assert "Bob wrote you a note." in shown
    assert f'href="/journal/notes/{note.pk}/"' in shown
    assert "For the soup" not in shown  # read where it is: opening it is the read receipt
    assert "Nothing waiting" in for_you(bob_client)  # the author is told nothing
    alice_client.get(f"/journal/notes/{note.pk}/")
    assert waiting(alice) == []
    assert "Nothing waiting for you right now." in for_you(alice_client)


def test_the_author_sees_read_quietly(couple, alice, bob, alice_client, bob_client):
    note = journal.write_note(
        couple=couple, author=bob, recipient=alice, text="For the soup", category=""
    )
    assert "· Read" not in bob_client.get("/journal/").content.decode()
    alice_client.get("/journal/")
    assert "· Read" in bob_client.get("/journal/").content.decode()
    assert "· Read" in bob_client.get(f"/journal/notes/{note.pk}/").content.decode()
    # Only the author is shown the receipt of their own note.
    assert "· Read" not in alice_client.get("/journal/").content.decode()


def test_an_answer_asks_for_yours_and_never_shows_theirs(couple, alice, bob, alice_client):
    today = timezone.localdate()
    daily.save_answer(couple=couple, user=bob, day=today, text="BOB-SECRET-ANSWER")
    shown = for_you(alice_client)
    assert "Bob answered today's question. Answer to see theirs." in shown
    assert f'href="/today/{today.isoformat()}/"' in shown
    assert "BOB-SECRET-ANSWER" not in alice_client.get("/").content.decode()
    # Answering is acting on it; Bob hears that she answered too.
    alice_client.post(f"/today/{today.isoformat()}/", {"text": "Mine"})
    assert waiting(alice) == []
    assert waiting(bob) == ["answer"]
    bob_client = Client()
    bob_client.force_login(bob)
    assert "Alice answered today's question too." in for_you(bob_client)
    # Reading both answers is acting on that.
    bob_client.get("/today/")
    assert waiting(bob) == []


def test_a_check_in_asks_for_a_reply_and_the_reply_reaches_its_author(
    couple, alice, bob, alice_client, bob_client
):
    check = exercises.check_in(couple=couple, user=bob, mood=2, need="A walk after dinner")
    shown = for_you(alice_client)
    assert "Bob checked in: feeling a bit low." in shown
    assert "What would help: A walk after dinner" in shown
    assert 'href="/practices/well-being/step/' in shown
    response = alice_client.post(
        f"/practices/well-being/check-in/{check.pk}/reply/", {"reply": "Yes, let's go at 8"}
    )
    assert response.status_code == 302
    assert waiting(alice) == []
    # The reply itself, where its author looks first.
    shown = for_you(bob_client)
    assert "Alice replied to your check-in:" in shown
    assert "Yes, let's go at 8" in shown
    # And on the practice page, and in the journal.
    page = text_of(bob_client, "/practices/well-being/step/5/")
    assert "Alice replied:</strong> Yes, let's go at 8" in page
    journal_page = text_of(bob_client, "/journal/")
    assert "You checked in: feeling a bit low" in journal_page
    assert "Alice replied:</strong> Yes, let's go at 8" in journal_page
    assert waiting(bob) == []  # the practice page showed it


def test_a_reflect_back_waits_for_its_answer_and_both_see_its_state(
    couple, alice, bob, alice_client, bob_client
):
    exchange = exercises.reflect_back(
        couple=couple, listener=bob, speaker=alice, heard="You felt unheard at dinner"
    )
    shown = for_you(alice_client)
    assert "Bob reflected back what they heard you feel:" in shown
    assert "You felt unheard at dinner" in shown
    assert "Waiting for Alice's reply." in text_of(bob_client, "/journal/")
    assert "Is that it? Answer Bob" in text_of(alice_client, "/journal/")
    exercises.answer_exchange(
        couple=couple, exchange=exchange, user=alice, reply="added", addition="and tired"
    )
    assert waiting(alice) == []
    shown = for_you(bob_client)
    assert "Alice added what you missed:" in shown
    assert "and tired" in shown
    bob_client.get("/practices/empathy/step/5/")
    assert waiting(bob) == []


def test_a_reflection_asks_for_yours_and_never_shows_theirs(
    couple, alice, bob, lake_walk, alice_client, bob_client
):
    Plan.objects.filter(pk=lake_walk.pk).update(status="done")
    journal.reflect(couple=couple, plan=lake_walk, author=bob, enjoyed="BOB-SECRET", rating=5)
    shown = for_you(alice_client)
    assert "Bob reflected on Lake walk. Write yours to see theirs." in shown
    assert "BOB-SECRET" not in alice_client.get("/").content.decode()
    # Opening the plan alone does not settle it: it still asks for her reflection.
    alice_client.get(f"/plans/{lake_walk.pk}/")
    assert "reflection" in waiting(alice)
    alice_client.post(f"/plans/{lake_walk.pk}/reflect/", {"enjoyed": "The ducks", "rating": "4"})
    assert "reflection" not in waiting(alice)
    assert "Alice reflected on Lake walk too." in for_you(bob_client)
    bob_client.get(f"/plans/{lake_walk.pk}/")
    assert waiting(bob) == []


def test_a_new_plan_stays_new_however_often_it_changes_until_opened(
    couple, alice, bob, lake_walk, alice_client, bob_client
):
    assert "Bob planned Lake walk (Sun 9 Mar 2031, 10:00)." in for_you(alice_client)
    assert waiting(bob) == []
    journal.update_plan(
        couple=couple,
        plan=lake_walk,
        user=bob,
        version=1,
        fields={"place": "North shore"},
        when=None,
        tz=dt.UTC,
    )
    assert waiting(alice) == ["plan_new"]  # one item, still new to her
    alice_client.get(f"/plans/{lake_walk.pk}/")
    assert waiting(alice) == []
    journal.set_plan_status(couple=couple, plan=lake_walk, user=bob, version=2, status="done")
    assert "Bob changed Lake walk" in for_you(alice_client)


def test_a_date_tomorrow_is_told_to_both_once(couple, alice, bob, lake_walk):
    alice.time_zone = "Asia/Tokyo"
    alice.save()
    Notification.objects.all().delete()
    saturday_noon = dt.datetime(2031, 3, 8, 12, 0, tzinfo=dt.UTC)
    assert notifications.tell_dates_tomorrow(saturday_noon) == 2
    assert notifications.tell_dates_tomorrow(saturday_noon) == 0
    alice_client = Client()
    alice_client.force_login(alice)
    with timezone.override("Asia/Tokyo"):
        item = Notification.objects.get(recipient=alice)
    assert item.kind == "date_tomorrow"
    # It leaves the list once the day is over, in her own time zone.
    assert item.expires_at == dt.datetime(2031, 3, 9, 15, 0, tzinfo=dt.UTC)
    # The next day, nothing more to tell: the date is today.
    assert notifications.tell_dates_tomorrow(saturday_noon + dt.timedelta(days=1)) == 0


def test_no_item_is_made_for_a_date_that_is_not_tomorrow_or_not_planned(couple, lake_walk):
    Notification.objects.all().delete()
    friday = dt.datetime(2031, 3, 7, 12, 0, tzinfo=dt.UTC)
    assert notifications.tell_dates_tomorrow(friday) == 0
    Plan.objects.filter(pk=lake_walk.pk).update(status="idea")
    assert notifications.tell_dates_tomorrow(friday + dt.timedelta(days=1)) == 0


# Thinking of you ----------------------------------------------------------------------


def test_a_sign_in_one_tap_and_one_back(couple, alice, bob, alice_client, bob_client):
    response = bob_client.post("/signs/", {"kind": "miss"})
    assert response.status_code == 302
    shown = for_you(alice_client)
    assert "Bob misses you." in shown
    assert 'name="kind" value="miss"' in shown
    response = alice_client.post("/signs/", {"kind": "miss"}, follow=True)
    assert "Sent: “Miss you”. Bob will see it." in response.content.decode()
    assert waiting(alice) == []  # sending one back answered his
    assert "Alice misses you." in for_you(bob_client)


def test_a_few_signs_a_day_and_no_more(couple, alice, bob, alice_client, htmx_client):
    for _ in range(GESTURES_PER_DAY):
        assert alice_client.post("/signs/", {"kind": "hug"}).status_code == 302
    response = htmx_client.post("/signs/", {"kind": "hug"})
    assert response.status_code == 429
    assert f"That's today's {GESTURES_PER_DAY} signs sent" in html.unescape(response.text)
    assert Gesture.objects.count() == GESTURES_PER_DAY
    # One item for each sign; the partner is not flooded beyond today's few.
    assert waiting(bob) == ["gesture"] * GESTURES_PER_DAY
    assert "You have sent today's signs." in text_of(alice_client, "/")


def test_an_unknown_sign_is_a_400(couple, alice_client):
    assert alice_client.post("/signs/", {"kind": "kiss-kiss"}).status_code == 400
    assert not Gesture.objects.exists()


def test_signs_older_than_a_few_days_leave_the_list(couple, alice, bob, bob_client):
    bob_client.post("/signs/", {"kind": "proud"})
    assert waiting(alice) == ["gesture"]
    Notification.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert waiting(alice) == []


# Leaving the list ---------------------------------------------------------------------


@pytest.fixture
def note_to_alice(couple, alice, bob) -> Note:
    return journal.write_note(couple=couple, author=bob, recipient=alice, text="Hi", category="")


def test_dismissing_takes_an_item_off_the_list_and_the_count(
    note_to_alice, alice, alice_client, htmx_client
):
    assert '<span class="badge">1<' in alice_client.get("/").content.decode()
    (item,) = Notification.objects.filter(recipient=alice)
    response = htmx_client.post(f"/for-you/{item.pk}/dismiss/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing waiting" in html
    assert '<span id="waiting-badge" class="badge-slot"' in html
    assert html.count('data-hx-swap-oob="true"') == 1  # the list is swapped in, the count beside it
    assert '<span class="badge">' not in alice_client.get("/").content.decode()
    # The note itself is still unread: dismissing is not reading.
    assert Note.objects.get().read_at is None


def test_nobody_else_can_dismiss_an_item(note_to_alice, alice, bob_client, charlie_client):
    (item,) = Notification.objects.filter(recipient=alice)
    assert bob_client.post(f"/for-you/{item.pk}/dismiss/").status_code == 404
    assert charlie_client.post(f"/for-you/{item.pk}/dismiss/").status_code == 404
    assert charlie_client.get(f"/for-you/{item.pk}/dismiss/").status_code == 405
    assert waiting(alice) == ["note"]


def test_nothing_is_told_and_nothing_waits_once_the_couple_has_ended(
    note_to_alice, couple, alice, bob, alice_client
):
    linking.end_couple(couple=couple, user=bob)
    couple.refresh_from_db()
    assert "Nothing waiting" in for_you(alice_client)
    assert '<span class="badge">' not in alice_client.get("/").content.decode()
    assert notifications.tell(couple=couple, actor=bob, kind="note", key="note:0") is None
    (item,) = Notification.objects.filter(recipient=alice)
    assert alice_client.post(f"/for-you/{item.pk}/dismiss/").status_code == 403


# The nav's count --------------------------------------------------------------------


def test_the_count_refreshes_the_home_pages_list_too(note_to_alice, alice, client_for):
    client = client_for(alice, htmx=True)
    response = client.get(
        "/for-you/waiting/?rev=0", headers={"HX-Current-URL": "http://testserver/"}
    )
    html = response.content.decode()
    assert '<span class="badge">1<' in html
    assert re.search(r'<section id="for-you"[^>]* data-hx-swap-oob="true">', html)
    assert "Bob wrote you a note." in html
    # Shown is seen: nothing more is sent outside about it.
    assert Notification.objects.get(recipient=alice).seen_at is not None


# What it costs -----------------------------------------------------------------------


def fill_for_you(couple, alice, bob, how_many: int) -> None:
    plans = [
        journal.create_plan(
            couple=couple,
            user=bob,
            fields={
                "title": f"Plan {n}",
                "status": "done",
                "tech_free": False,
                "place": "",
                "description": "",
            },
            when=When(day=dt.date(2031, 1, 1), time=None),
            tz=dt.UTC,
        )
        for n in range(how_many)
    ]
    for n, plan in enumerate(plans):
        journal.write_note(couple=couple, author=bob, recipient=alice, text=f"N{n}", category="")
        journal.reflect(couple=couple, plan=plan, author=bob, enjoyed="x", rating=3)
        check = exercises.check_in(couple=couple, user=alice, mood=3, need="")
        exercises.reply_to_check_in(couple=couple, check=check, user=bob, reply=f"R{n}")
        CheckIn.objects.filter(pk=check.pk).update(day=dt.date(2030, 1, 1) + dt.timedelta(days=n))
    for n in range(how_many):
        # Days both answered, each with a word back from Bob on her answer.
        day = timezone.localdate() - dt.timedelta(days=n + 1)
        for user in (bob, alice):
            daily.save_answer(couple=couple, user=user, day=day, text="Yes")
        daily.reply(
            couple=couple, user=bob, question=daily.pin(couple, day), text=f"W{n}", reaction=""
        )
    daily.save_answer(couple=couple, user=bob, day=timezone.localdate(), text="Bob's")
    exercises.reflect_back(couple=couple, listener=bob, speaker=alice, heard="You")
    guided.start(couple=couple, user=bob, program=PROGRAMS[0])
    bob_client = Client()
    bob_client.force_login(bob)
    bob_client.post("/signs/", {"kind": "hug"})


@pytest.mark.parametrize("how_many", [1, 10])
def test_the_list_costs_the_same_however_much_waits(
    couple, alice, bob, how_many, alice_client, django_assert_max_num_queries
):
    fill_for_you(couple, alice, bob, how_many)
    daily.pin(couple, timezone.localdate())  # what the day's first look does, once
    # session, user with couple and partner, the nav's count, what waits (at most 20,
    # with their notes, plans, questions, check-ins, reflect-backs and signs joined),
    # whether she answered those questions and reflected on those dates, seen: the items
    # and the pushes called off; then the rest of the home page: upcoming (and, nothing
    # being planned, whether a plan was ever made), remember-when, progress, the program
    # under way and its days done, today's question and answers, check-ins, signs left;
    # and Bob's words on her answers
    with django_assert_max_num_queries(19):
        shown = for_you(alice_client)
    # Each plan new and reflected on, a note, a check-in reply and a word on her answer a
    # day; an answer, a reflect-back, a sign, a program started
    assert shown.count('class="for-you-item') == min(20, 5 * how_many + 4)
