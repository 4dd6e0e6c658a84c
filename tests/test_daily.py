"""The daily question as a conversation: the same question for both, from the decks they
chose and questions of their own, none again within a year, one skip a day; replies once
both answered; an archive that keeps the reveal rule."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.utils import timezone

from accounts.models import Couple
from practices import daily
from practices.models import AnswerReply, CustomQuestion, DailyQuestion, Notification
from practices.questions import DECKS, QUESTIONS

pytestmark = pytest.mark.django_db


def text_of(client, path: str) -> str:
    return html.unescape(client.get(path).content.decode())


def linked_long_ago(couple, days: int = 800) -> Couple:
    Couple.objects.filter(pk=couple.pk).update(linked_at=timezone.now() - dt.timedelta(days=days))
    return Couple.objects.get(pk=couple.pk)


# The same question for both ------------------------------------------------------------


def test_both_partners_get_the_same_question_pinned_when_first_seen(
    couple, alice_client, bob_client
):
    first = text_of(alice_client, "/today/")
    pinned = DailyQuestion.objects.get()
    assert pinned.day == timezone.localdate()
    assert daily.question_text(pinned) in first
    # Bob adds a question of his own now: today's stays what Alice was shown.
    bob_client.post("/today/own/", {"own-text": "What song reminds you of us"})
    assert daily.question_text(pinned) in text_of(bob_client, "/today/")
    assert DailyQuestion.objects.filter(skipped=False).count() == 1


def test_no_question_comes_back_within_a_year_with_decks_chosen(couple, alice, bob):
    couple = linked_long_ago(couple, 400)
    daily.choose_decks(couple=couple, decks=["fun", "memories"])
    start = timezone.localdate() - dt.timedelta(days=364)
    asked = [daily.pin(couple, start + dt.timedelta(days=n)) for n in range(365)]
    indexes = [question.question_index for question in asked]
    assert len(set(indexes)) == 365
    in_decks = sum(1 for question in QUESTIONS if question.deck in {"fun", "memories"})
    # Their decks' questions come first; once all were asked this year, others follow.
    assert {QUESTIONS[i].deck for i in indexes[:in_decks]} == {"fun", "memories"}
    assert {QUESTIONS[i].deck for i in indexes[in_decks:]} - {"fun", "memories"}


@pytest.mark.parametrize("days", [1, 7])
def test_a_first_look_pins_the_week_in_the_same_few_queries(
    couple, alice, days, django_assert_num_queries
):
    couple = linked_long_ago(couple)
    week = daily.answerable_days(couple, timezone.localdate())[:days]
    # The days' rows; what was asked this year, their own questions not asked, their decks;
    # the insert; the days read back; their answers.
    with django_assert_num_queries(7):
        shown = daily.questions_for_days(couple=couple, user=alice, days=week)
    assert [question.day for question in shown] == week
    assert DailyQuestion.objects.count() == days
    assert len({question.text for question in shown}) == days


def test_a_day_caught_up_on_later_repeats_none_asked_since(couple):
    couple = linked_long_ago(couple)
    today = timezone.localdate()
    later = daily.pin(couple, today)
    earlier = daily.pin(couple, today - dt.timedelta(days=3))
    assert earlier.question_index != later.question_index


def test_their_own_questions_come_first_and_once(couple, alice, bob, alice_client):
    response = alice_client.post("/today/own/", {"own-text": "Where shall we go in spring"})
    assert response.status_code == 302
    own = CustomQuestion.objects.get()
    assert own.text == "Where shall we go in spring?"  # a question reads as one
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    assert daily.pin(couple, tomorrow).custom == own
    assert daily.pin(couple, tomorrow + dt.timedelta(days=1)).custom is None
    page = text_of(alice_client, "/today/")
    assert 'Where shall we go in spring? <span class="muted">· You, asked</span>' in page


def test_an_own_question_too_long_or_on_two_lines_is_refused(couple, alice_client):
    assert alice_client.post("/today/own/", {"own-text": "x" * 201}).status_code == 422
    assert alice_client.post("/today/own/", {"own-text": "Why\nnot"}).status_code == 422
    assert not CustomQuestion.objects.exists()


def test_the_decks_chosen_shape_the_next_days(couple, alice, alice_client):
    response = alice_client.post("/today/decks/", {"decks": ["hard"]})
    assert response.status_code == 302
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    assert QUESTIONS[daily.pin(couple, tomorrow).question_index].deck == "hard"
    # All of them, or none, is every deck.
    alice_client.post("/today/decks/", {"decks": [key for key, _ in DECKS]})
    assert daily.chosen_decks(couple) == {key for key, _ in DECKS}
    assert alice_client.post("/today/decks/", {"decks": ["gossip"]}).status_code == 422


def test_skip_once_a_day_and_not_after_an_answer(couple, alice, bob, alice_client, bob_client):
    before = daily.question_text(daily.pin(couple, timezone.localdate()))
    alice_client.post("/today/skip/")
    after = daily.question_text(daily.pin(couple, timezone.localdate()))
    assert after != before
    page = text_of(bob_client, "/today/")  # the same new one for Bob, and he is told why
    assert after in page
    assert "The first question of the day was set aside for this one." in page
    response = bob_client.post("/today/skip/", follow=True)
    assert "set aside once already" in text_of(bob_client, "/today/") or response
    assert daily.question_text(daily.pin(couple, timezone.localdate())) == after
    assert DailyQuestion.objects.filter(skipped=True).count() == 1


def test_no_skip_once_someone_answered(couple, alice, bob, alice_client):
    today = timezone.localdate()
    daily.save_answer(couple=couple, user=bob, day=today, text="Mine")
    response = alice_client.post("/today/skip/", follow=True)
    assert "One of you has answered it already" in html.unescape(response.content.decode())
    assert not DailyQuestion.objects.filter(skipped=True).exists()


# Replies ---------------------------------------------------------------------------------


def both_answered(couple, alice, bob):
    today = timezone.localdate()
    daily.save_answer(couple=couple, user=alice, day=today, text="ALICE-ANSWER")
    daily.save_answer(couple=couple, user=bob, day=today, text="BOB-ANSWER")
    return today


def test_a_reply_once_both_answered_reaches_the_partner(
    couple, alice, bob, alice_client, bob_client
):
    today = both_answered(couple, alice, bob)
    response = bob_client.post(
        f"/today/{today.isoformat()}/reply/",
        {"reply-text": "That made me smile", "reply-reaction": "heart"},
    )
    assert response.status_code == 302
    home = text_of(alice_client, "/")
    assert "Bob replied to your answer:" in home
    assert "That made me smile" in home
    page = text_of(alice_client, "/today/")
    assert 'Bob:</strong> <span class="pill">Heart</span> That made me smile' in page
    assert "Bob:</strong>" in text_of(alice_client, "/journal/")
    assert not Notification.objects.waiting_for(alice).filter(kind="answer_reply").exists()
    # Once each.
    again = bob_client.post(f"/today/{today.isoformat()}/reply/", {"reply-reaction": "hug"})
    assert again.status_code == 409
    assert AnswerReply.objects.count() == 1


def test_a_reaction_alone_is_a_reply(couple, alice, bob, alice_client, bob_client):
    today = both_answered(couple, alice, bob)
    bob_client.post(f"/today/{today.isoformat()}/reply/", {"reply-reaction": "hug"})
    assert "Bob sent a hug for your answer." in text_of(alice_client, "/")


def test_no_reply_before_both_answered_nor_an_empty_one(couple, alice, bob, bob_client):
    today = timezone.localdate()
    daily.save_answer(couple=couple, user=alice, day=today, text="ALICE-ANSWER")
    url = f"/today/{today.isoformat()}/reply/"
    assert bob_client.post(url, {"reply-text": "Hi"}).status_code == 409
    daily.save_answer(couple=couple, user=bob, day=today, text="BOB-ANSWER")
    assert bob_client.post(url, {"reply-text": "", "reply-reaction": ""}).status_code == 422
    assert bob_client.post(url, {"reply-text": "a\nb"}).status_code == 422
    assert not AnswerReply.objects.exists()


# The archive ----------------------------------------------------------------------------


def test_the_archive_keeps_the_reveal_rule_in_what_it_shows_and_finds(
    couple, alice, bob, alice_client
):
    couple = linked_long_ago(couple)
    today = timezone.localdate()
    both = today - dt.timedelta(days=20)
    daily.save_answer(couple=couple, user=alice, day=both, text="ALICE-BOTH walnut")
    daily.save_answer(couple=couple, user=bob, day=both, text="BOB-BOTH walnut")
    only_bob = today - dt.timedelta(days=10)
    daily.save_answer(couple=couple, user=bob, day=only_bob, text="BOB-ALONE cinnamon")
    only_alice = today - dt.timedelta(days=5)
    daily.save_answer(couple=couple, user=alice, day=only_alice, text="ALICE-ALONE")

    page = text_of(alice_client, "/today/archive/")
    assert "ALICE-BOTH" in page
    assert "BOB-BOTH" in page
    assert "ALICE-ALONE" in page
    assert "Only you answered this one." in page
    assert "BOB-ALONE" not in page
    assert "Only Bob answered this one." in page
    # Searching finds what she may read, never what she may not.
    assert "BOB-BOTH" in text_of(alice_client, "/today/archive/?q=walnut")
    found = text_of(alice_client, "/today/archive/?q=cinnamon")
    assert "BOB-ALONE" not in found
    assert "Nothing you can read holds “cinnamon”." in found
    assert alice_client.get("/today/archive/?q=" + "x" * 81).status_code == 400


def test_the_archive_costs_the_same_however_long_it_is(
    couple, alice, bob, alice_client, django_assert_max_num_queries
):
    couple = linked_long_ago(couple)
    today = timezone.localdate()
    for days_ago in range(60):
        day = today - dt.timedelta(days=days_ago)
        daily.save_answer(couple=couple, user=alice, day=day, text=f"A {days_ago}")
        daily.save_answer(couple=couple, user=bob, day=day, text=f"B {days_ago}")
    # session, user with couple and partner, the days answered, the nav's count; the
    # page's questions, their answers, their replies
    with django_assert_max_num_queries(7):
        assert alice_client.get("/today/archive/?page=2").status_code == 200
