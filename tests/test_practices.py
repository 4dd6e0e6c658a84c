"""The seven practices: content, guided steps, the daily question, and each practice's action."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.utils import timezone

from accounts import linking
from practices import daily, exercises, journal
from practices.content import FAQ, PRACTICES, PRACTICES_BY_SLUG
from practices.models import AffectionDay, Answer, CheckIn, Exchange, Notification, PracticeLog
from practices.questions import QUESTIONS

pytestmark = pytest.mark.django_db

SLUGS = [
    "communication",
    "empathy",
    "quality-time",
    "appreciation",
    "affection",
    "well-being",
    "enrichment",
]


# Content ---------------------------------------------------------------------


def test_seven_practices_with_every_part():
    assert [p.slug for p in PRACTICES] == SLUGS
    for number, practice in enumerate(PRACTICES, start=1):
        assert practice.number == number
        assert practice.title
        assert practice.promise
        assert practice.why
        assert 3 <= len(practice.steps) <= 5
        assert all(step.title and step.body for step in practice.steps)
        assert practice.action_title
        assert practice.action_intro
        assert practice.related
        assert all(slug in PRACTICES_BY_SLUG for slug in practice.related)


def test_affection_keeps_the_articles_oxytocin_fact():
    text = " ".join(entry.answer for entry in FAQ)
    assert "oxytocin" in text


def test_the_question_pool_has_at_least_365_distinct_questions_for_every_practice():
    texts = [q.text.strip().lower() for q in QUESTIONS]
    assert len(texts) >= 365
    assert len(set(texts)) == len(texts)
    assert {q.practice for q in QUESTIONS} == set(SLUGS)
    assert {q.depth for q in QUESTIONS} == {"light", "deep"}


def test_no_question_repeats_within_a_year_for_a_couple(couple):
    start = couple.linked_at.date()
    year = [daily.pin(couple, start + dt.timedelta(days=n)).question_index for n in range(365)]
    assert len(set(year)) == 365


def test_both_partners_get_the_same_question_and_a_restart_changes_nothing(couple, alice, bob):
    today = timezone.localdate()
    before = daily.day_question(couple=couple, user=alice, day=today).text
    daily.question_order.cache_clear()  # what a new process starts with
    assert daily.day_question(couple=couple, user=bob, day=today).text == before


def test_different_couples_walk_the_pool_in_different_orders(couple, charlie):
    other = linking.active_membership(charlie).couple
    assert daily.question_order(couple.pk, len(QUESTIONS)) != daily.question_order(
        other.pk, len(QUESTIONS)
    )


def test_faq_page(client):
    html = client.get("/practices/faq/").content.decode()
    for entry in FAQ:
        assert entry.question.replace("'", "&#x27;") in html


# Guided pages ----------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_every_step_of_every_practice_has_its_own_url(
    couple, slug, django_assert_max_num_queries, alice_client
):
    practice = PRACTICES_BY_SLUG[slug]
    first = alice_client.get(f"/practices/{slug}/").content.decode()
    assert practice.why.replace("'", "&#x27;")[:40] in first
    for number, step in enumerate(practice.steps, start=1):
        html = alice_client.get(f"/practices/{slug}/step/{number}/").content.decode()
        assert step.title.replace("'", "&#x27;") in html
        assert f"/practices/{slug}/step/{number + 1}/" in html  # next, as a plain link
    last = len(practice.steps) + 1
    daily.pin(couple, timezone.localdate())  # a first look at the day's question, once a day
    # session, user with couple and partner, the action's data (at most two), badge
    with django_assert_max_num_queries(5):
        response = alice_client.get(f"/practices/{slug}/step/{last}/")
    assert response.status_code == 200
    assert practice.action_title.replace("'", "&#x27;") in response.content.decode()
    assert alice_client.get(f"/practices/{slug}/step/{last + 1}/").status_code == 404
    assert alice_client.get(f"/practices/{slug}/step/0/").status_code == 404


def test_htmx_gets_only_the_step(couple, htmx_client):
    response = htmx_client.get("/practices/empathy/step/2/")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="practice-step"')
    assert "<html" not in html
    assert response["Vary"].count("HX-Request") == 1


def test_an_unknown_practice_is_a_404(couple, alice_client):
    assert alice_client.get("/practices/astrology/").status_code == 404


def test_practice_pages_need_a_couple(client, sam_client):
    assert client.get("/practices/").status_code == 302
    response = sam_client.get("/practices/communication/")
    assert response["Location"] == "/account/partner/"


def test_practice_list_shows_each_partners_progress_calmly(
    couple, alice, bob, django_assert_max_num_queries, alice_client
):
    journal.write_note(couple=couple, author=bob, recipient=alice, text="Thanks", category="")
    # session, user with couple and partner, progress, badge
    with django_assert_max_num_queries(4):
        html = alice_client.get("/practices/").content.decode()
    assert "✓ Bob this week" in html
    assert "✓ You this week" not in html
    assert "not yet" not in html
    assert "streak" not in html.lower()


def test_progress_counts_and_suggests_what_was_done_least(couple, alice, bob_client):
    for slug in SLUGS[:-1]:
        PracticeLog.objects.create(
            couple=couple, user=alice, practice=slug, day=timezone.localdate()
        )
    html = bob_client.get("/").content.decode()
    assert 'Perhaps today: <a href="/practices/enrichment/">Grow together</a>' in html
    assert html.count("✓ Alice this week") == 6


def test_last_weeks_practice_is_not_this_weeks(couple, alice, alice_client):
    monday = timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday())
    PracticeLog.objects.create(
        couple=couple, user=alice, practice="empathy", day=monday - dt.timedelta(days=1)
    )
    assert "✓ You this week" not in alice_client.get("/practices/").content.decode()


# The daily question ----------------------------------------------------------


def test_answers_are_revealed_only_after_both_answered(
    couple, bob, alice_client, bob_client, client_for
):
    secret = "Alice's private words about the sea"
    assert alice_client.post("/today/", {"text": secret}).status_code == 302

    for response in (
        bob_client.get("/today/"),
        bob_client.get("/"),
        bob_client.get("/journal/"),
        bob_client.get("/practices/communication/step/5/"),
        client_for(bob, htmx=True).get("/practices/communication/step/5/"),
    ):
        html = response.content.decode()
        assert "private words about the sea" not in html
    assert "Alice answered — answer to see theirs" in bob_client.get("/today/").content.decode()
    assert "Waiting for Bob" in alice_client.get("/today/").content.decode()

    bob_client.post("/today/", {"text": "Bob's answer"})
    assert "private words about the sea" in bob_client.get("/today/").content.decode()
    assert "Bob&#x27;s answer" in alice_client.get("/journal/").content.decode()
    assert "private words about the sea" in bob_client.get("/journal/").content.decode()


def test_an_answer_can_be_edited_until_the_partner_answers(couple, alice, alice_client, bob_client):
    alice_client.post("/today/", {"text": "First thought"})
    alice_client.post("/today/", {"text": "Second thought"})
    assert Answer.objects.get(author=alice).text == "Second thought"
    bob_client.post("/today/", {"text": "Bob"})
    response = alice_client.post("/today/", {"text": "Third thought"})
    assert response.status_code == 409
    assert "fixed now" in response.content.decode()
    assert Answer.objects.get(author=alice).text == "Second thought"


def test_the_last_seven_days_can_be_caught_up(couple, alice_client):
    couple.linked_at = timezone.now() - dt.timedelta(days=30)
    couple.save()
    today = timezone.localdate()
    six_days_ago = (today - dt.timedelta(days=6)).isoformat()
    assert alice_client.get("/today/").content.decode().count("/today/") >= 6
    response = alice_client.post(f"/today/{six_days_ago}/", {"text": "Late, but here"})
    assert response.status_code == 302
    answer = Answer.objects.get()
    assert answer.question.day == today - dt.timedelta(days=6)
    # The question answered is the one that day's page asked.
    page = alice_client.get(f"/today/{six_days_ago}/").content.decode()
    assert html.escape(daily.question_text(answer.question)) in page


def test_days_before_the_couple_linked_are_not_offered(couple, alice_client):
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    html = alice_client.get("/today/").content.decode()
    assert "Earlier this week" not in html
    assert alice_client.post(f"/today/{yesterday}/", {"text": "x"}).status_code == 404


@pytest.mark.parametrize("offset", [7, 30, -1])
def test_older_or_future_days_are_not_answerable(couple, offset, alice_client):
    couple.linked_at = timezone.now() - dt.timedelta(days=60)
    couple.save()
    day = (timezone.localdate() - dt.timedelta(days=offset)).isoformat()
    assert alice_client.post(f"/today/{day}/", {"text": "x"}).status_code == 404
    assert not Answer.objects.exists()


def test_a_malformed_day_is_a_404(couple, alice_client):
    assert alice_client.get("/today/yesterday/").status_code == 404


@pytest.mark.parametrize(("text", "status"), [("", 422), ("x" * 1001, 422)])
def test_empty_or_too_long_answers_are_form_errors(couple, text, status, alice_client):
    response = alice_client.post("/today/", {"text": text})
    assert response.status_code == status
    assert not Answer.objects.exists()


def test_another_couple_never_sees_the_answers(couple, alice_client, bob_client, charlie_client):
    alice_client.post("/today/", {"text": "Only for Bob"})
    bob_client.post("/today/", {"text": "Only for Alice"})
    for path in ["/today/", "/journal/", "/"]:
        html = charlie_client.get(path).content.decode()
        assert "Only for" not in html


# Empathy: reflect back -------------------------------------------------------


def test_reflect_back_and_answer_it(couple, alice, bob, alice_client, bob_client):
    response = alice_client.post(
        "/practices/empathy/reflect-back/", {"heard": "You felt unseen at the meeting."}
    )
    assert response.status_code == 302
    exchange = Exchange.objects.get()
    assert (exchange.listener, exchange.speaker) == (alice, bob)
    response = bob_client.post(
        f"/practices/empathy/reflect-back/{exchange.pk}/reply/",
        {"reply": "added", "addition": "And a bit angry."},
    )
    assert response.status_code == 302
    exchange.refresh_from_db()
    assert (exchange.reply, exchange.addition) == ("added", "And a bit angry.")
    for client in (alice_client, bob_client):
        html = client.get("/journal/").content.decode()
        assert "You felt unseen at the meeting." in html
        assert "And a bit angry." in html


def test_only_the_partner_who_was_heard_answers(couple, bob, alice_client, charlie_client):
    alice_client.post("/practices/empathy/reflect-back/", {"heard": "Tired"})
    exchange = Exchange.objects.get()
    url = f"/practices/empathy/reflect-back/{exchange.pk}/reply/"
    assert alice_client.post(url, {"reply": "yes"}).status_code == 403
    assert charlie_client.post(url, {"reply": "yes"}).status_code == 404
    exchange.refresh_from_db()
    assert exchange.reply == ""


def test_added_needs_the_words_that_were_missed(couple, alice_client, bob_client):
    alice_client.post("/practices/empathy/reflect-back/", {"heard": "Tired"})
    exchange = Exchange.objects.get()
    response = bob_client.post(
        f"/practices/empathy/reflect-back/{exchange.pk}/reply/", {"reply": "added", "addition": ""}
    )
    assert response.status_code == 422
    assert alice_client.post("/practices/empathy/reflect-back/", {"heard": ""}).status_code == 422


# Affection -------------------------------------------------------------------


def test_affection_tick_is_saved_for_today_and_counts_gently(couple, alice_client):
    response = alice_client.post("/practices/affection/today/", {"hug": "on", "held_hands": "on"})
    assert response.status_code == 302
    tick = AffectionDay.objects.get()
    assert (tick.hug, tick.kiss, tick.held_hands, tick.cuddle) == (True, False, True, False)
    alice_client.post("/practices/affection/today/", {"kiss": "on"})
    tick = AffectionDay.objects.get()
    assert (tick.hug, tick.kiss) == (False, True)
    assert "✓ You this week" in alice_client.get("/practices/").content.decode()


def test_affection_boxes_finish_the_sentence_without_colons(couple, alice_client):
    page = alice_client.get("/practices/affection/step/5/").content.decode()
    assert "Today, we shared" in page
    assert re.search(r">A hug</label>", page)
    assert "A hug:" not in page


# Well-being check-ins ----------------------------------------------------------


def test_check_in_shows_on_the_partners_dashboard_and_gets_a_reply(
    couple, alice_client, bob_client
):
    response = alice_client.post(
        "/practices/well-being/check-in/", {"mood": "2", "need": "A quiet evening"}
    )
    assert response.status_code == 302
    check = CheckIn.objects.get()
    html = bob_client.get("/").content.decode()
    assert "Alice feels a bit low today" in html
    assert "A quiet evening" in html
    response = bob_client.post(
        f"/practices/well-being/check-in/{check.pk}/reply/", {"reply": "I'll cook. Love you."}
    )
    assert response.status_code == 302
    check.refresh_from_db()
    assert check.reply == "I'll cook. Love you."


@pytest.mark.parametrize("mood", ["0", "6", "happy", ""])
def test_mood_outside_one_to_five_is_a_form_error(couple, mood, alice_client):
    response = alice_client.post("/practices/well-being/check-in/", {"mood": mood})
    assert response.status_code == 422
    assert not CheckIn.objects.exists()


def test_check_in_replies_are_for_the_partner_only(
    couple, alice_client, bob_client, charlie_client
):
    alice_client.post("/practices/well-being/check-in/", {"mood": "4"})
    check = CheckIn.objects.get()
    url = f"/practices/well-being/check-in/{check.pk}/reply/"
    assert alice_client.post(url, {"reply": "Me"}).status_code == 403
    assert charlie_client.post(url, {"reply": "Hi"}).status_code == 404
    assert bob_client.post(url, {"reply": ""}).status_code == 422
    check.refresh_from_db()
    assert check.reply == ""


# Ended couples ---------------------------------------------------------------


def test_an_ended_couple_can_read_but_not_practise(couple, alice, bob_client):
    linking.end_couple(couple=couple, user=alice)
    assert bob_client.get("/practices/").status_code == 200
    for path, data in [
        ("/today/", {"text": "x"}),
        ("/practices/empathy/reflect-back/", {"heard": "x"}),
        ("/practices/affection/today/", {"hug": "on"}),
        ("/practices/well-being/check-in/", {"mood": "3"}),
    ]:
        assert bob_client.post(path, data).status_code == 403, path
    assert not Answer.objects.exists()


@pytest.mark.parametrize("answered_days", [1, 7])
def test_the_question_page_costs_the_same_however_much_was_answered(
    couple, alice, bob, answered_days, django_assert_max_num_queries, alice_client
):
    couple.linked_at = timezone.now() - dt.timedelta(days=30)
    couple.save()
    today = timezone.localdate()
    for offset in range(answered_days):
        for user in (alice, bob):
            daily.save_answer(
                couple=couple, user=user, day=today - dt.timedelta(days=offset), text="Yes"
            )
    for day in daily.answerable_days(couple, today):
        daily.pin(couple, day)  # what a first look of the day does, once
    # session, user with couple and partner, the nav's count, today's question, answers and
    # replies, the photos on the answers, the week's questions and answers, the decks
    # chosen, their own questions; and,
    # as Bob answered after her, the news she reads here is done: its items, then in a
    # savepoint (two statements a test's transaction adds) the revision, the items and the
    # pushes called off, and the nav's count again
    with django_assert_max_num_queries(18):
        assert alice_client.get("/today/").status_code == 200
    assert not Notification.objects.waiting_for(alice).filter(question__day=today).exists()


def test_a_failed_action_shows_its_step_again_with_what_was_typed(couple, alice_client):
    typed = "You felt " + "very " * 200  # over the length limit
    response = alice_client.post("/practices/empathy/reflect-back/", {"heard": typed})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'id="practice-step"' in page
    assert "needs a second look" in page
    assert typed.strip() in page
    # The refused words were this request's alone: the step is not cached with them.
    last = len(PRACTICES_BY_SLUG["empathy"].steps) + 1
    step = alice_client.get(f"/practices/empathy/step/{last}/").content.decode()
    assert 'id="practice-step"' in step
    assert typed.strip() not in step
    assert "needs a second look" not in step


def test_a_failed_check_in_reply_shows_the_step_with_the_error(couple, alice, bob_client):
    check = exercises.check_in(couple=couple, user=alice, mood=2, need="A quiet evening")
    response = bob_client.post(f"/practices/well-being/check-in/{check.pk}/reply/", {"reply": ""})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'id="practice-step"' in page
    assert "A quiet evening" in page
    assert "This field is required" in page
