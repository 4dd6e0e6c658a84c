"""The journal timeline: order, filters, keyset pages, and bounded queries on every list page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from practices import daily, exercises, journal
from practices.journal import When
from practices.models import Entry, Note, Plan

pytestmark = pytest.mark.django_db


def fill_journal(couple, alice, bob, count: int) -> None:
    """About `count` entries: notes both ways, plans, reactions, stars, reflections,
    answered daily questions and reflect-back exchanges."""
    start = timezone.now() - dt.timedelta(days=count)
    for index in range(count):
        moment = start + dt.timedelta(days=index)
        if index % 10 == 0:
            for user in (alice, bob):
                daily.save_answer(couple=couple, user=user, day=moment.date(), text=f"A {index}")
            exercises.reflect_back(couple=couple, listener=alice, speaker=bob, heard="Tired")
        if index % 3 == 2:
            plan = journal.create_plan(
                couple=couple,
                user=alice,
                fields={
                    "title": f"Plan {index}",
                    "status": "done",
                    "tech_free": True,
                    "place": "",
                    "description": "",
                },
                when=When(day=moment.date(), time=dt.time(19)),
                tz=dt.UTC,
            )
            Entry.objects.filter(plan=plan).update(occurred_at=moment)
            journal.reflect(
                couple=plan.couple, plan=plan, author=bob, enjoyed=f"Reflection {index}", rating=4
            )
        else:
            author, recipient = (alice, bob) if index % 2 else (bob, alice)
            note = journal.write_note(
                couple=couple,
                author=author,
                recipient=recipient,
                text=f"Note {index}",
                category="trait",
            )
            Entry.objects.filter(note=note).update(occurred_at=moment)
            journal.set_reaction(couple=note.couple, note=note, user=recipient, kind="heart")
            journal.set_star(couple=note.couple, note=note, user=author)


def entry_ids(html: str) -> list[str]:
    return re.findall(r'<li class="entry" id="entry-(\d+)">', html)


def entry_titles(html: str) -> list[str]:
    """In the timeline's order (what the page pins above it, the newest note received,
    left out)."""
    return re.findall(r"(Note \d+|Plan \d+)", html[html.index('id="entries"') :])


def test_newest_first_with_notes_plans_and_reflections(couple, alice, bob, alice_client):
    fill_journal(couple, alice, bob, 6)
    html = alice_client.get("/journal/").content.decode()
    titles = entry_titles(html)
    assert titles.index("Plan 5") < titles.index("Note 4") < titles.index("Note 0")
    assert "Bob reflected on" in html


def test_what_you_received_comes_first(couple, alice, bob, alice_client, bob_client):
    journal.write_note(couple=couple, author=bob, recipient=alice, text="BOB'S", category="")
    journal.write_note(couple=couple, author=alice, recipient=bob, text="ALICE'S", category="")
    alices = alice_client.get("/journal/").content.decode()
    # Her own note is the newest entry: his is shown above the timeline first.
    assert (
        alices.index("Newest from Bob") < alices.index("BOB&#x27;S") < alices.index('id="entries"')
    )
    # His journal starts with hers already: nothing is pinned.
    bobs = bob_client.get("/journal/").content.decode()
    assert "Newest from" not in bobs
    assert bobs.index("ALICE&#x27;S") > bobs.index('id="entries"')


def test_filters(couple, alice, bob, alice_client):
    fill_journal(couple, alice, bob, 6)
    notes = alice_client.get("/journal/?show=notes").content.decode()
    assert "Note 4" in notes
    assert "Plan 5" not in notes
    plans = alice_client.get("/journal/?show=plans").content.decode()
    assert "Plan 5" in plans
    assert "Note 4" not in plans
    assert alice_client.get("/journal/?show=everything-else").status_code == 400


def test_pages_of_twenty_walk_the_whole_journal_once(couple, alice, bob, alice_client, htmx_client):
    fill_journal(couple, alice, bob, 45)
    total = Entry.objects.count()
    seen: list[str] = []
    html = alice_client.get("/journal/").content.decode()
    pages = 1
    while True:
        seen.extend(entry_ids(html))
        match = re.search(r'href="\?show=all&amp;before=([0-9_]+)"', html)
        if not match:
            break
        response = htmx_client.get(f"/journal/?show=all&before={match.group(1)}")
        html = response.content.decode()
        assert 'id="load-more" class="load-more" data-hx-swap-oob="true"' in html
        assert "<html" not in html
        pages += 1
    assert len(seen) == len(set(seen)) == total
    assert pages == -(-total // 20)


def test_load_more_works_without_javascript(couple, alice, bob, alice_client):
    fill_journal(couple, alice, bob, 30)
    first = alice_client.get("/journal/").content.decode()
    cursor = re.search(r"before=([0-9_]+)", first).group(1)
    second = alice_client.get(f"/journal/?show=all&before={cursor}")
    assert second.status_code == 200
    html = second.content.decode()
    assert "<html" in html
    assert not set(entry_ids(first)) & set(entry_ids(html))


def test_entries_with_the_same_moment_are_neither_lost_nor_repeated(
    couple, alice, bob, alice_client
):
    fill_journal(couple, alice, bob, 25)
    Entry.objects.update(occurred_at=timezone.now())
    first = alice_client.get("/journal/").content.decode()
    cursor = re.search(r"before=([0-9_]+)", first).group(1)
    second = alice_client.get(f"/journal/?before={cursor}").content.decode()
    assert len(set(entry_ids(first)) | set(entry_ids(second))) == Entry.objects.count()


@pytest.mark.parametrize("cursor", ["garbage", "1_", "_5", "99999999999999999999999_1"])
def test_a_broken_cursor_is_a_400(couple, cursor, alice_client):
    response = alice_client.get(f"/journal/?before={cursor}")
    assert response.status_code == 400


def test_a_deep_page_uses_the_index_not_offset(
    couple, alice, bob, django_assert_max_num_queries, htmx_client
):
    fill_journal(couple, alice, bob, 30)
    oldest = Entry.objects.order_by("occurred_at", "id")[5]
    from practices.timeline import encode_cursor

    # session, user with couple and partner, entries, reactions, photos
    with django_assert_max_num_queries(5) as captured:
        response = htmx_client.get(f"/journal/?before={encode_cursor(oldest)}")
    assert response.content.decode().count('<li class="entry"') == 5
    sql = " ".join(q["sql"] for q in captured.captured_queries).upper()
    assert "OFFSET" not in sql


# Query counts: the same at 5 and at 200 entries ------------------------------------------------


@pytest.mark.parametrize("size", [5, 200])
@pytest.mark.parametrize(
    ("path", "most"),
    [
        # session, user with couple and partner, unread count, entries, reactions, photos,
        # answers and the replies on them, and Bob's newest note to her, first (the note,
        # its reactions and photos, her keepsake); then,
        # as Alice has unread notes, reading them: touch the couple, their news (items,
        # done, pushes called off) and the notes, in a savepoint (two statements a test's
        # transaction adds), and the nav's count under the new revision.
        ("/journal/", 20),
        ("/journal/?show=notes", 19),
        ("/journal/?show=plans", 7),
        # session, user with couple and partner, notes, reactions, my stars, nav's count
        ("/journal/keepsakes/", 6),
        # session, user with couple and partner, upcoming, ideas, past, nav's count
        ("/plans/", 6),
        # session, user with couple and partner, custom ideas, nav's count
        ("/plans/ideas/", 4),
        # session, user with couple and partner, nav's count, what waits for her (at most 20
        # items, whether she answered their questions and reflected on their dates, seen:
        # the items and the pushes called off), upcoming (and, nothing being planned,
        # whether a plan was ever made), remember-when, progress, the program under way,
        # today's question and answers, check-ins, signs left
        ("/", 17),
    ],
)
def test_list_pages_cost_a_bounded_number_of_queries(
    couple, alice, bob, size, path, most, django_assert_max_num_queries, alice_client
):
    fill_journal(couple, alice, bob, size)
    Note.objects.update(created_at=timezone.now() - dt.timedelta(days=30))
    Plan.objects.update(day=timezone.localdate() + dt.timedelta(days=3), status="planned")
    daily.pin(couple, timezone.localdate())  # what the day's first look does, once
    with django_assert_max_num_queries(most):
        response = alice_client.get(path)
    assert response.status_code == 200


@pytest.mark.parametrize("size", [5, 200])
def test_plan_and_note_pages_cost_a_bounded_number_of_queries(
    couple, alice, bob, size, django_assert_max_num_queries, alice_client
):
    fill_journal(couple, alice, bob, size)
    plan = Plan.objects.last()
    note = Note.objects.last()
    # session, user with couple and partner, plan, reflections, photos, nav's count, the
    # plan's news
    with django_assert_max_num_queries(7):
        assert alice_client.get(f"/plans/{plan.pk}/").status_code == 200
    # session, user with couple and partner, note, reactions, photos, star, nav's count; read as on
    # the journal: touch, its news (items, done, pushes called off), update, the savepoint
    # around them, and the count again; then whether news of its photos waits
    with django_assert_max_num_queries(15):
        assert alice_client.get(f"/journal/notes/{note.pk}/").status_code == 200
