"""Appreciation notes: writing, reading, reacting, keeping, editing and deleting."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts import linking
from accounts.models import Couple
from practices import journal
from practices.models import Entry, Note, Reaction, Star

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(couple, alice, bob) -> Note:
    return journal.write_note(
        couple=couple,
        author=alice,
        recipient=bob,
        text="Thank you for the soup.\nIt helped.",
        category="action",
    )


# Writing ------------------------------------------------------------


def test_write_a_note_plain_post_redirects_to_the_journal(couple, alice, bob, alice_client):
    response = alice_client.post(
        "/journal/notes/new/", {"text": "You made my morning.", "category": "effort"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/journal/"
    note = Note.objects.get()
    assert (note.couple, note.author, note.recipient) == (couple, alice, bob)
    assert note.category == "effort"
    assert Entry.objects.get().note == note


def test_write_a_note_with_htmx_returns_the_entry_and_a_fresh_form(couple, htmx_client):
    response = htmx_client.post(
        "/journal/notes/new/", {"text": "You made my morning.", "category": ""}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<li class="entry">' in html
    assert "You made my morning." in html
    assert 'id="note-form"' in html
    assert 'data-hx-swap-oob="true"' in html
    assert "<html" not in html


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "This field is required."),
        ("   \n ", "This field is required."),
        ("x" * 2001, "Ensure this value has at most 2000 characters (it has 2001)."),
    ],
    ids=["empty", "blank", "too-long"],
)
def test_invalid_note_is_refused_with_the_form_and_nothing_saved(
    couple, text, message, alice_client, htmx_client
):
    response = alice_client.post("/journal/notes/new/", {"text": text})
    assert response.status_code == 422
    assert message in response.content.decode()
    response = htmx_client.post("/journal/notes/new/", {"text": text})
    assert response.status_code == 422
    assert response["HX-Retarget"] == "#note-form"
    assert response["HX-Reswap"] == "outerHTML"
    assert message in response.content.decode()
    assert not Note.objects.exists()


def test_a_note_of_exactly_2000_characters_is_fine(couple, alice_client):
    response = alice_client.post("/journal/notes/new/", {"text": "x" * 2000})
    assert response.status_code == 302


def test_unknown_category_is_a_form_error(couple, alice_client):
    response = alice_client.post("/journal/notes/new/", {"text": "Hi", "category": "bribe"})
    assert response.status_code == 422
    assert not Note.objects.exists()


def test_html_in_a_note_is_shown_as_text(couple, alice, bob, bob_client):
    journal.write_note(
        couple=couple,
        author=alice,
        recipient=bob,
        text='<script>alert(1)</script>"><img src=x onerror=alert(2)>',
        category="",
    )
    html = bob_client.get("/journal/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html


def test_line_breaks_are_kept(note, bob_client):
    html = bob_client.get(f"/journal/notes/{note.pk}/").content.decode()
    assert "Thank you for the soup.<br>It helped." in html


def test_writing_needs_login_and_a_couple(client, sam_client):
    response = client.post("/journal/notes/new/", {"text": "Hi"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    response = sam_client.post("/journal/notes/new/", {"text": "Hi"})
    assert response.status_code == 302
    assert response["Location"] == "/account/partner/"
    assert not Note.objects.exists()


def test_expired_session_gets_a_client_redirect_for_htmx(client_for):
    response = client_for(None, htmx=True).post("/journal/notes/new/", {"text": "Hi"})
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/accounts/login/")


def test_wrong_method_is_405(couple, note, alice_client):
    assert alice_client.put("/journal/notes/new/").status_code == 405
    assert alice_client.get(f"/journal/notes/{note.pk}/react/").status_code == 405
    assert alice_client.get(f"/journal/notes/{note.pk}/star/").status_code == 405
    assert alice_client.post(f"/journal/notes/{note.pk}/").status_code == 405


# Reading and the unread badge ------------------------------------------------------------


def test_recipient_sees_new_notes_until_the_journal_is_opened(note, bob_client):
    assert '<span class="badge">1<' in bob_client.get("/").content.decode()
    html = bob_client.get("/journal/").content.decode()
    assert "New</span>" in html  # shown as new this once
    note.refresh_from_db()
    assert note.read_at is not None
    assert '<span class="badge">' not in bob_client.get("/").content.decode()


def test_opening_one_note_marks_it_read(note, bob_client):
    bob_client.get(f"/journal/notes/{note.pk}/")
    note.refresh_from_db()
    assert note.read_at is not None


def test_the_author_opening_the_note_does_not_mark_it_read(note, alice_client):
    alice_client.get(f"/journal/notes/{note.pk}/")
    alice_client.get("/journal/")
    note.refresh_from_db()
    assert note.read_at is None


def test_the_waiting_count_costs_nothing_more_when_nothing_changed(
    note, couple, bob, client_for, django_assert_max_num_queries
):
    client = client_for(bob, htmx=True)
    revision = Couple.objects.get(pk=couple.pk).revision
    # session, user with couple and partner (and its revision): nothing new, no swap
    with django_assert_max_num_queries(2):
        response = client.get(f"/for-you/waiting/?rev={revision}")
    assert response.status_code == 204


def test_the_waiting_count_shows_what_changed_for_one_query(
    note, couple, bob, client_for, django_assert_max_num_queries
):
    client = client_for(bob, htmx=True)
    # session, user with couple and partner, the count
    with django_assert_max_num_queries(3):
        response = client.get("/for-you/waiting/?rev=0")
    html = response.content.decode()
    assert 'id="waiting-badge"' in html
    assert '<span class="badge">1<' in html
    assert 'data-hx-trigger="bond:tick from:body"' in html
    revision = Couple.objects.get(pk=couple.pk).revision
    assert f"?rev={revision}" in html  # the next look asks from here
    assert 'id="for-you"' not in html  # not on the home page: the count alone


def test_the_waiting_count_tells_htmx_to_stop_polling_when_signed_out(client_for):
    response = client_for(None, htmx=True).get("/for-you/waiting/?rev=0")
    assert response.status_code == 286


def test_signed_out_pages_have_no_polling_badge(client):
    assert "waiting-badge" not in client.get("/").content.decode()


# Reactions ------------------------------------------------------------


def test_recipient_adds_a_heart_takes_it_back_and_the_author_sees_it(
    note, bob, alice_client, bob_client, client_for
):
    response = client_for(bob, htmx=True).post(f"/journal/notes/{note.pk}/react/", {"add": "heart"})
    assert response.status_code == 200
    assert 'aria-pressed="true"' in response.content.decode()
    assert 'name="remove" value="heart"' in response.content.decode()  # the next click
    assert Reaction.objects.filter(note=note, user=bob, kind="heart").exists()
    assert "Bob reacted: Heart" in alice_client.get("/journal/").content.decode()
    # The same click again (an old tab, a double tap) leaves it on.
    assert bob_client.post(f"/journal/notes/{note.pk}/react/", {"add": "heart"}).status_code == 302
    assert Reaction.objects.filter(note=note, user=bob, kind="heart").count() == 1

    response = bob_client.post(f"/journal/notes/{note.pk}/react/", {"remove": "heart"})
    assert response.status_code == 302
    assert not Reaction.objects.exists()


def test_author_cannot_react_to_their_own_note(note, alice_client):
    response = alice_client.post(f"/journal/notes/{note.pk}/react/", {"add": "heart"})
    assert response.status_code == 403
    assert not Reaction.objects.exists()


@pytest.mark.parametrize(
    "data", [{"add": "poop"}, {"add": "heart", "remove": "hug"}, {}, {"kind": "heart"}]
)
def test_an_unknown_or_unclear_reaction_is_refused(note, bob_client, data):
    response = bob_client.post(f"/journal/notes/{note.pk}/react/", data)
    assert response.status_code == 400
    assert not Reaction.objects.exists()


def test_react_redirect_does_not_leave_the_site(note, bob_client):
    response = bob_client.post(
        f"/journal/notes/{note.pk}/react/", {"add": "hug", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/journal/"


# Keepsakes and remember-when -----------------------------------------------------------------


def test_either_partner_can_keep_a_note_and_it_shows_in_keepsakes(
    note, bob, alice_client, bob_client, client_for
):
    response = client_for(bob, htmx=True).post(f"/journal/notes/{note.pk}/star/", {"keep": "yes"})
    assert "★ Kept" in response.content.decode()
    assert Star.objects.filter(note=note, user=bob).exists()
    html = alice_client.get("/journal/keepsakes/").content.decode()
    assert "Thank you for the soup." in html
    bob_client.post(f"/journal/notes/{note.pk}/star/", {"keep": "yes"})  # again: still kept
    assert Star.objects.filter(note=note, user=bob).count() == 1
    bob_client.post(f"/journal/notes/{note.pk}/star/", {"keep": "no"})
    assert "Thank you for the soup." not in alice_client.get("/journal/keepsakes/").content.decode()


def test_remember_when_shows_an_older_note_on_the_dashboard(couple, alice, bob, bob_client):
    old = journal.write_note(
        couple=couple, author=alice, recipient=bob, text="From long ago", category=""
    )
    Note.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    journal.write_note(couple=couple, author=alice, recipient=bob, text="From today", category="")
    html = bob_client.get("/").content.decode()
    assert "Remember when" in html
    assert "From long ago" in html
    assert "From today" not in html


def test_no_remember_when_card_without_older_notes(note, bob_client):
    assert "Remember when" not in bob_client.get("/").content.decode()


# Editing and deleting ------------------------------------------------------------


def test_author_edits_within_fifteen_minutes(note, alice_client):
    assert alice_client.get(f"/journal/notes/{note.pk}/edit/").status_code == 200
    response = alice_client.post(
        f"/journal/notes/{note.pk}/edit/", {"text": "Thank you for the soup!"}
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.text == "Thank you for the soup!"
    assert note.edited_at is not None


def test_editing_is_closed_after_fifteen_minutes(note, alice_client):
    Note.objects.filter(pk=note.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    response = alice_client.post(f"/journal/notes/{note.pk}/edit/", {"text": "Changed"})
    assert response.status_code == 403
    assert "15 minutes" in response.content.decode()
    note.refresh_from_db()
    assert note.text.startswith("Thank you for the soup.")


def test_partner_cannot_edit_or_delete(note, bob_client):
    assert bob_client.post(f"/journal/notes/{note.pk}/edit/", {"text": "Hacked"}).status_code == 403
    assert bob_client.post(f"/journal/notes/{note.pk}/delete/").status_code == 403
    note.refresh_from_db()
    assert note.text.startswith("Thank you")


def test_invalid_edit_keeps_the_note(note, alice_client):
    response = alice_client.post(f"/journal/notes/{note.pk}/edit/", {"text": ""})
    assert response.status_code == 422
    note.refresh_from_db()
    assert note.text.startswith("Thank you")


def test_author_deletes_after_confirming(note, alice_client):
    Note.objects.filter(pk=note.pk).update(created_at=timezone.now() - timedelta(days=300))
    page = alice_client.get(f"/journal/notes/{note.pk}/delete/")
    assert "Delete your note?" in page.content.decode()
    assert Note.objects.filter(pk=note.pk).exists()
    response = alice_client.post(f"/journal/notes/{note.pk}/delete/")
    assert response.status_code == 302
    assert not Note.objects.filter(pk=note.pk).exists()
    assert not Entry.objects.exists()


# Other couples and ended couples ------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("get", "/journal/notes/{pk}/", None),
        ("get", "/journal/notes/{pk}/edit/", None),
        ("post", "/journal/notes/{pk}/edit/", {"text": "mine now"}),
        ("get", "/journal/notes/{pk}/delete/", None),
        ("post", "/journal/notes/{pk}/delete/", {}),
        ("post", "/journal/notes/{pk}/react/", {"add": "heart"}),
        ("post", "/journal/notes/{pk}/star/", {"keep": "yes"}),
    ],
)
def test_charlie_gets_404_for_alice_and_bobs_note(note, method, path, data, charlie_client):
    response = getattr(charlie_client, method)(path.format(pk=note.pk), data)
    assert response.status_code == 404
    assert "soup" not in response.content.decode()
    note.refresh_from_db()
    assert note.text.startswith("Thank you for the soup.")
    assert not Reaction.objects.exists()
    assert not Star.objects.exists()


def test_charlie_never_sees_their_notes_in_his_journal(note, charlie_client):
    html = charlie_client.get("/journal/").content.decode()
    assert "soup" not in html


def test_an_ended_couples_journal_is_read_only(couple, note, alice, bob_client):
    linking.end_couple(couple=couple, user=alice)
    html = bob_client.get("/journal/").content.decode()
    assert "soup" in html
    assert "read-only archive" in html
    assert 'id="note-form"' not in html
    response = bob_client.post("/journal/notes/new/", {"text": "One more"})
    assert response.status_code == 403
    assert "archive" in response.content.decode()
    assert bob_client.post(f"/journal/notes/{note.pk}/react/", {"add": "heart"}).status_code == 403
    assert Note.objects.count() == 1
