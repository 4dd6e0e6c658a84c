"""Cached page fragments: what one person sees never reaches another, and nothing goes stale.

Fragments are keyed by the couple's revision (practices.fragments). The sweep below holds
the rule that makes that safe: every request that changes a couple's data moves its
revision. The other tests show the cache at work and each thing its key must hold.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from unittest import mock

import pytest
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from accounts.couples import couple_change
from accounts.models import Couple
from practices import journal
from practices.models import Note
from practices.templatetags.couple_cache import CSRF_MARKER
from tests.routes import (
    ALWAYS_SKIPPED,
    build_owned,
    fillings,
    fingerprint,
    fingerprint_changes,
    probe_body,
    walk_routes,
)

pytestmark = pytest.mark.django_db

# What the couple's pages show; a change to any of it must move the couple's revision.
COUPLE_DATA = ("practices.", "accounts.Couple:", "accounts.Membership:")

# Requests that must be among those found changing the couple's data, or the sweep missed them.
MUST_MOVE_THE_REVISION = {
    "journal/notes/new/",
    "journal/notes/<int:pk>/edit/",
    "journal/notes/<int:pk>/delete/",
    "journal/notes/<int:pk>/react/",
    "journal/notes/<int:pk>/star/",
    "plans/new/",
    "plans/<int:pk>/edit/",
    "plans/<int:pk>/status/",
    "account/partner/",
    "account/partner/leave/",
}


class RolledBack(Exception):
    pass


def test_every_request_that_changes_a_couples_data_moves_its_revision(
    couple, alice, bob, sam, reauthenticated, settings
):
    settings.ACCOUNT_RATE_LIMITS = False  # a password entered again for every request
    owned = build_owned(couple=couple, alice=alice, bob=bob, inviter=sam)
    unchanged_revision = ALWAYS_SKIPPED | {"accounts.Couple.revision"}
    moved: set[str] = set()
    for viewer in (alice, bob):
        for route in walk_routes():
            for values in fillings(route, owned, viewer) or []:
                path = route.path(values)
                # Each request in a savepoint that is rolled back: the next starts from the same
                # data, whatever this one deleted or ended.
                try:
                    with transaction.atomic():
                        # A fresh sign-in each time (a logout would end a shared one), with
                        # the password just entered: leaving asks for it.
                        client = reauthenticated(viewer, htmx="react" in path)
                        revision = Couple.objects.get(pk=couple.pk).revision
                        before = fingerprint(skip=unchanged_revision)
                        client.post(path, probe_body(owned))
                        changes = [
                            change
                            for change in fingerprint_changes(
                                before, fingerprint(skip=unchanged_revision)
                            )
                            if change.startswith(COUPLE_DATA)
                        ]
                        if changes:
                            moved.add(route.route)
                            now = Couple.objects.get(pk=couple.pk).revision
                            assert now > revision, (viewer.email, path, changes)
                        raise RolledBack
                except RolledBack:
                    pass
    assert moved >= MUST_MOVE_THE_REVISION, MUST_MOVE_THE_REVISION - moved


def test_a_second_visit_is_served_from_the_cache(
    couple, alice, bob, alice_client, django_assert_max_num_queries
):
    for number in range(30):
        journal.write_note(
            couple=couple, author=alice, recipient=bob, text=f"Thanks {number}", category=""
        )
    for path in ["/journal/", "/plans/", "/", "/today/"]:
        assert alice_client.get(path).status_code == 200
        # The session, then the user with their couple and partner: nothing more.
        with django_assert_max_num_queries(2):
            assert alice_client.get(path).status_code == 200, path


def test_the_partner_sees_a_change_on_every_cached_page(couple, alice_client, bob_client):
    for path in ["/journal/", "/"]:
        assert "Thank you for the tea" not in bob_client.get(path).content.decode()
    response = alice_client.post(
        "/journal/notes/new/", {"text": "Thank you for the tea", "category": ""}
    )
    assert response.status_code == 302
    assert "Thank you for the tea" in bob_client.get("/journal/").content.decode()
    # The journal marked it read, and the dashboard's count says so at once.
    assert "wrote you a note" not in bob_client.get("/").content.decode()

    assert "Alice answered" not in bob_client.get("/today/").content.decode()
    alice_client.post("/today/", {"text": "The walk by the river."})
    assert "Alice answered" in bob_client.get("/today/").content.decode()
    assert "Alice answered" in bob_client.get("/").content.decode()


def test_one_partners_fragment_is_never_served_to_the_other(
    couple, alice, bob, alice_client, bob_client
):
    journal.write_note(couple=couple, author=alice, recipient=bob, text="Hello", category="")
    alice_page = alice_client.get("/journal/").content.decode()
    bob_page = bob_client.get("/journal/").content.decode()
    assert "You to Bob" in alice_page
    assert "Alice to you" in bob_page
    # Only the recipient may react: the buttons are in Bob's fragment, not in Alice's.
    assert 'title="Heart"' in bob_page
    assert 'title="Heart"' not in alice_page


def test_each_browser_gets_its_own_csrf_token_in_a_shared_fragment(
    couple, alice, bob, bob_client, client_for
):
    note = journal.write_note(couple=couple, author=alice, recipient=bob, text="Hi", category="")
    bob_client.get("/journal/")  # fills the cache with Bob's fragment
    second = client_for(bob, enforce_csrf_checks=True)
    page = second.get("/journal/").content.decode()
    assert str(CSRF_MARKER) not in page
    card = page[page.index(f'id="note-{note.pk}"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', card).group(1)
    response = second.post(
        f"/journal/notes/{note.pk}/react/", {"add": "heart", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert note.reactions.filter(user=bob, kind="heart").exists()


def test_a_renamed_partner_and_a_new_time_zone_show_at_once(couple, alice, bob, alice_client):
    journal.write_note(couple=couple, author=bob, recipient=alice, text="Hi", category="")
    alice_client.get("/journal/")
    bob.display_name = "Robert"
    bob.save(update_fields=["display_name"])
    assert "Robert" in alice_client.get("/journal/").content.decode()

    note_time = timezone.localtime(
        Note.objects.get(recipient=alice).created_at, dt.timezone(dt.timedelta(hours=14))
    )
    alice.time_zone = "Pacific/Kiritimati"  # UTC+14: a time no other zone here shows
    alice.save(update_fields=["time_zone"])
    assert f"{note_time:%H:%M}" in alice_client.get("/journal/").content.decode()


def test_the_edit_link_goes_when_the_edit_window_closes(couple, alice, bob, alice_client):
    note = journal.write_note(couple=couple, author=alice, recipient=bob, text="Hi", category="")
    edit_link = f"/journal/notes/{note.pk}/edit/"
    assert edit_link in alice_client.get("/journal/").content.decode()

    later = timezone.now() + journal.NOTE_EDIT_WINDOW + dt.timedelta(seconds=1)
    shift = (later - timezone.now()).total_seconds()
    # The cache's clock and Django's move on together, past the end of the window.
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        mock.patch("django.core.cache.backends.locmem.time.time", return_value=time.time() + shift),
    ):
        assert edit_link not in alice_client.get("/journal/").content.decode()


@pytest.mark.parametrize("forged", [str(CSRF_MARKER), "csrf-token-placeholder-7d0c"])
def test_a_note_cannot_make_the_reader_show_their_csrf_token(
    couple, alice, bob, bob_client, forged
):
    # The marker in a cached fragment is replaced by the reader's token: text a person
    # typed must never become that marker, on the first visit or from the cache.
    journal.write_note(couple=couple, author=alice, recipient=bob, text=forged, category="")
    for _visit in range(2):
        page = bob_client.get("/journal/").content.decode()
        text = re.search(r'<p class="note-text">(.*?)</p>', page).group(1)
        assert text == escape(forged)
        tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert tokens
        assert all(token.isalnum() for token in tokens)


def test_a_change_that_rolls_back_leaves_the_revision_as_the_database_has_it(couple):
    stored = Couple.objects.get(pk=couple.pk).revision
    with pytest.raises(RolledBack), couple_change(couple):
        raise RolledBack
    assert couple.revision == stored == Couple.objects.get(pk=couple.pk).revision
    with couple_change(couple):
        pass
    assert couple.revision == stored + 1 == Couple.objects.get(pk=couple.pk).revision
