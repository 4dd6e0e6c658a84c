"""Every page a person meets, and a lived-in journal for them to show: shared by the
browser review (test_browser_pages) and the HTML check (test_html_valid)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from accounts.models import Couple, User
from practices import daily, exercises, journal
from practices.content import PRACTICES
from practices.journal import When
from practices.models import CustomIdea, Note, Plan

# The four places of the bottom tab bar.
HOME, JOURNAL, PLANS, PRACTICES_TAB = "/", "/journal/", "/plans/", "/practices/"


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    tab: str | None = None  # the tab bar's link to this very page, if it has one


@dataclass(frozen=True)
class Journal:
    """What build_journal made that has a page of its own."""

    note_to_viewer: Note  # Bob's newest note to Alice
    newest_entry: Note  # Alice's own, written last
    planned: Plan
    done: Plan


# A note with a long link in it, as people paste them: it must wrap, not widen the page.
NOTE_TO_ALICE = (
    "Thank you for staying up with me when I couldn't sleep before the interview. "
    "I made the soup you sent me: https://www.bbcgoodfood.com/recipes/"
    "roasted-red-pepper-tomato-soup-ricotta"
)
ALICES_LAST_NOTE = "You made Sunday feel easy. Thank you for the walk, and for listening."


def build_journal(couple: Couple, alice: User, bob: User) -> Journal:
    """A couple a few weeks in, through the services the views use, so that each page
    shows what it shows in real use; Alice is the viewer, and wrote the newest entry."""
    today = timezone.localdate()
    to_alice = journal.write_note(
        couple=couple, author=bob, recipient=alice, text=NOTE_TO_ALICE, category="effort"
    )
    journal.set_reaction(couple=couple, note=to_alice, user=alice, kind="heart")
    journal.set_star(couple=couple, note=to_alice, user=alice)
    to_bob = journal.write_note(
        couple=couple,
        author=alice,
        recipient=bob,
        text="You always notice when I'm tired and put the kettle on. I see it, and I love it.",
        category="trait",
    )
    journal.set_reaction(couple=couple, note=to_bob, user=bob, kind="hug")
    journal.set_star(couple=couple, note=to_bob, user=bob)

    done = journal.create_plan(
        couple=couple,
        user=bob,
        fields={
            "title": "Cook lasagne together",
            "description": "Fresh pasta sheets, and the good ricotta from the market.",
            "place": "Home",
            "status": Plan.Status.DONE,
            "tech_free": True,
        },
        when=When(day=today - dt.timedelta(days=2), time=dt.time(19, 0)),
        tz=dt.UTC,
    )
    journal.reflect(
        couple=couple,
        plan=done,
        author=alice,
        enjoyed="Laughing when the pasta machine jammed, and eating on the balcony.",
        rating=5,
    )
    journal.reflect(
        couple=couple, plan=done, author=bob, enjoyed="Cooking side by side, no phones.", rating=4
    )
    planned = journal.create_plan(
        couple=couple,
        user=alice,
        fields={
            "title": "Picnic at Lakeside Park",
            "description": "Bring the blue blanket, strawberries and the card game.",
            "place": "Lakeside Park, by the old boathouse",
            "status": Plan.Status.PLANNED,
            "tech_free": True,
        },
        when=When(day=today + dt.timedelta(days=5), time=dt.time(12, 30)),
        tz=dt.UTC,
    )
    journal.add_custom_idea(
        couple=couple,
        user=bob,
        idea=CustomIdea(title="Sunrise swim", description="The lake, early, with a thermos."),
    )

    daily.save_answer(
        couple=couple, user=alice, day=today, text="The evening we got lost in Lisbon."
    )
    daily.save_answer(couple=couple, user=bob, day=today, text="Our first dance in the kitchen.")

    heard = exercises.reflect_back(
        couple=couple,
        listener=alice,
        speaker=bob,
        heard="You felt left out when I made plans without asking you first.",
    )
    exercises.answer_exchange(couple=couple, exchange=heard, user=bob, reply="yes", addition="")
    # Left for Alice to answer: her "Is that it?" waits for her.
    exercises.reflect_back(
        couple=couple,
        listener=bob,
        speaker=alice,
        heard="You are worried about your sister and want me to ask more often.",
    )
    check = exercises.check_in(
        couple=couple, user=bob, mood=2, need="A quiet evening and an early night."
    )
    exercises.reply_to_check_in(
        couple=couple, check=check, user=alice, reply="Tea and a film on the sofa, phones away."
    )
    exercises.tick_affection(couple=couple, user=alice, kinds={"hug", "held_hands"})
    journal.send_gesture(couple=couple, user=bob, recipient=alice, kind="thinking")

    newest = journal.write_note(
        couple=couple, author=alice, recipient=bob, text=ALICES_LAST_NOTE, category="action"
    )
    return Journal(note_to_viewer=to_alice, newest_entry=newest, planned=planned, done=done)


SIGNED_OUT = (
    Page("landing", "/"),
    Page("log in", "/accounts/login/"),
    Page("sign up", "/accounts/signup/"),
    Page("password reset", "/accounts/password/reset/"),
    Page("offline", "/offline/"),
)

UNLINKED = (
    Page("home, not linked", HOME, tab=HOME),
    Page("partner, not linked", "/account/partner/"),
)


def linked_pages(made: Journal) -> list[Page]:
    """Every page of a signed-in, linked partner, with the journal `made` behind them."""
    practices = [
        page
        for practice in PRACTICES
        for page in (
            Page(f"practice {practice.slug}, first step", f"/practices/{practice.slug}/"),
            Page(
                f"practice {practice.slug}, last step",
                f"/practices/{practice.slug}/step/{len(practice.steps) + 1}/",
            ),
        )
    ]
    return [
        Page("home", HOME, tab=HOME),
        Page("journal", JOURNAL, tab=JOURNAL),
        Page("journal, notes only", "/journal/?show=notes", tab=JOURNAL),
        Page("keepsakes", "/journal/keepsakes/"),
        Page("a note", f"/journal/notes/{made.note_to_viewer.pk}/"),
        Page("plans", PLANS, tab=PLANS),
        Page("a planned plan", f"/plans/{made.planned.pk}/"),
        Page("a done plan with reflections", f"/plans/{made.done.pk}/"),
        Page("editing a plan", f"/plans/{made.planned.pk}/edit/"),
        Page("new plan", "/plans/new/"),
        Page("ideas", "/plans/ideas/"),
        Page("ideas, searched", "/plans/ideas/?q=walk"),
        Page("practices", PRACTICES_TAB, tab=PRACTICES_TAB),
        *practices,
        Page("practices FAQ", "/practices/faq/"),
        Page("today's question", "/today/"),
        Page("our month in a picture", "/month/"),
        Page("settings", "/account/settings/"),
        Page("notifications", "/account/notifications/"),
        Page("partner", "/account/partner/"),
        Page("delete account", "/account/delete/"),
        Page("email addresses", "/accounts/email/"),
        Page("change password", "/accounts/password/change/"),
        Page("two-step sign-in", "/accounts/2fa/"),
        Page("sessions", "/accounts/sessions/"),
    ]
