"""Words that are true: each sentence a new couple found wrong, kept right.

(The daily questions that read right for either partner: tests/test_questions.py; allauth's
pages and emails in Bond's words: tests/test_auth_words.py.)
"""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.utils import timezone

from practices import journal
from practices.journal import When
from practices.models import Plan
from practices.reminders import queue_due_reminders
from tests.conftest import a_plan

pytestmark = pytest.mark.django_db


def text_of(client, path: str) -> str:
    return html.unescape(client.get(path).content.decode())


def test_after_the_partner_deleted_their_account_the_words_are_true(
    couple, alice, bob, reauthenticated, alice_client
):
    journal.write_note(couple=couple, author=alice, recipient=bob, text="For Bob", category="")
    reauthenticated(bob).post("/account/delete/", {"confirm": "on"})
    home = text_of(alice_client, "/")
    assert "Bob deleted their account" in home
    assert "Nothing was deleted" not in home
    page = text_of(alice_client, "/journal/")
    assert "You to Bob" in page  # the name he went by, not "You to Your former partner"
    assert "Your former partner" not in page


def test_no_plans_yet_only_while_there_are_none(couple, alice, alice_client):
    assert "No plans yet." in text_of(alice_client, "/")
    assert "No plans yet." in text_of(alice_client, "/plans/")
    plan = a_plan(couple, alice)
    Plan.objects.filter(pk=plan.pk).update(status="done")
    home, plans = text_of(alice_client, "/"), text_of(alice_client, "/plans/")
    assert "No plans yet" not in home
    assert "Nothing planned ahead." in home
    assert "No plans yet" not in plans
    assert "Nothing coming up." in plans


def test_tech_free_is_a_choice_not_a_default(couple, alice, bob, alice_client, mailbox):
    form = alice_client.get("/plans/new/").content.decode()
    box = re.search(r'<input type="checkbox" name="tech_free"[^>]*>', form).group(0)
    assert "checked" not in box
    # An idea that works best with phones away suggests it.
    suggested = alice_client.get("/plans/new/?idea=catch-a-sunrise").content.decode()
    assert "checked" in re.search(
        r'<input type="checkbox" name="tech_free"[^>]*>', suggested
    ).group(0)
    # A plan nobody marked is not called phone-free in its reminder.
    Plan.objects.create(
        couple=couple,
        title="Dinner",
        status="planned",
        day=timezone.localdate() + dt.timedelta(days=1),
    )
    queue_due_reminders(timezone.now())
    reminders = mailbox()
    assert reminders
    assert all("phone-free" not in message.body for message in reminders)


def test_no_edit_link_in_an_archive(couple, alice, bob, alice_client):
    from accounts import linking

    note = journal.write_note(couple=couple, author=alice, recipient=bob, text="Hi", category="")
    assert f"/journal/notes/{note.pk}/edit/" in text_of(alice_client, "/journal/")
    linking.end_couple(couple=couple, user=bob)
    for path in ("/journal/", f"/journal/notes/{note.pk}/"):
        assert f"/journal/notes/{note.pk}/edit/" not in text_of(alice_client, path), path


def test_marking_a_plan_done_with_htmx_brings_its_reflection_form_and_who_changed_it(
    couple, alice, bob, htmx_client
):
    plan = a_plan(couple, bob)
    response = htmx_client.post(f"/plans/{plan.pk}/status/", {"status": "done", "version": "1"})
    assert response.status_code == 200
    swapped = html.unescape(response.content.decode())
    assert 'id="plan-status"' in swapped
    assert "You changed it last" in swapped
    assert f'action="/plans/{plan.pk}/reflect/"' in swapped
    assert "Save my reflection" in swapped


def test_times_carry_whole_seconds(couple, alice, bob, alice_client):
    journal.write_note(couple=couple, author=bob, recipient=alice, text="Hi", category="")
    journal.create_plan(
        couple=couple,
        user=bob,
        fields={"title": "Dinner", "status": "planned", "place": "", "description": ""},
        when=When(day=timezone.localdate(), time=dt.time(19, 30)),
        tz=dt.UTC,
    )
    page = alice_client.get("/journal/").content.decode()
    stamps = re.findall(r'<time datetime="([^"]+)"', page)
    assert len(stamps) >= 2
    for stamp in stamps:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\dZ)?", stamp), stamp


def test_the_journals_empty_slot_is_always_there_for_htmx(couple, alice, htmx_client, alice_client):
    # A sent note clears the "nothing here yet" line out of band: its target must exist
    # whether or not the journal was empty (else htmx logs oobErrorNoTarget).
    assert alice_client.get("/journal/").content.decode().count('id="journal-empty"') == 1
    response = htmx_client.post("/journal/notes/new/", {"text": "First", "category": ""})
    assert '<div id="journal-empty" data-hx-swap-oob="true"></div>' in response.content.decode()
    assert alice_client.get("/journal/").content.decode().count('id="journal-empty"') == 1
