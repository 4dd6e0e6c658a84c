"""Deleting an account: re-authentication first, then nothing of the person is left.

What each kind of data does is decided in accounts.deletion and practices.erasure; the
tests here write a unique string into every field Alice can write, delete her account, and
look for any copy of those strings in every text column of the database.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.sessions.models import Session
from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from accounts import linking
from accounts.deletion import delete_account
from accounts.delivery import send_email_later
from accounts.models import Couple, PushSubscription, User
from practices import daily, exercises, guided, journal
from practices.journal import When
from practices.models import CheckIn, CustomIdea, DailyQuestion, Entry, Exchange, Note, Plan
from practices.programs import PROGRAMS
from tests.conftest import PASSWORD
from tests.pictures import attached

pytestmark = pytest.mark.django_db


@pytest.fixture
def reauthenticated(client_for) -> Callable[[User], Client]:
    """A factory: signed in, and the password just entered again (as deleting asks)."""

    def make(user: User) -> Client:
        client = client_for(user)
        response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
        assert response.status_code == 302
        return client

    return make


class Words:
    """Unique strings one person writes, so that a copy of any of them is found wherever
    it is left: `words("note")` is e.g. "ALICE-WROTE-003-note"."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.written: list[str] = []

    def __call__(self, where: str) -> str:
        return self.add(f"{self.prefix}-{len(self.written):03d}-{where}")

    def add(self, text: str) -> str:
        self.written.append(text)
        return text

    def __iter__(self) -> Iterator[str]:
        return iter(self.written)


@dataclass
class Journal:
    # What Alice writes on her own: all of it goes with her.
    alice: Words = field(default_factory=lambda: Words("ALICE-WROTE"))
    # Alice's words in what the two of them share and both edit (plans, the couple's
    # name): they stay, as the partner's too.
    shared: Words = field(default_factory=lambda: Words("ALICE-SHARED"))
    # Bob's own words: they all stay.
    bob: Words = field(default_factory=lambda: Words("BOB-WROTE"))
    # Bob's replies on Alice's own check-in and reflect-back: a reply to words that are
    # gone, they go with the row they answer (practices.erasure says why).
    bob_on_hers: Words = field(default_factory=lambda: Words("BOB-ON-HERS"))
    plan: Plan | None = None


@pytest.fixture
def lived_in_journal(couple, alice, bob) -> Journal:
    """Alice and Bob have used everything, through the services the views call; Alice is
    the one who will leave."""
    words = Journal()
    # Linked a few days ago, so that yesterday's question was theirs to answer.
    Couple.objects.filter(pk=couple.pk).update(linked_at=timezone.now() - dt.timedelta(days=3))
    couple.refresh_from_db()
    today = timezone.localdate()
    yesterday = today - dt.timedelta(days=1)

    to_bob = journal.write_note(
        couple=couple, author=alice, recipient=bob, text=words.alice("note"), category=""
    )
    to_alice = journal.write_note(
        couple=couple, author=bob, recipient=alice, text=words.bob("note"), category="trait"
    )
    journal.set_reaction(couple=couple, note=to_alice, user=alice, kind="heart")
    journal.set_star(couple=couple, note=to_alice, user=alice)
    journal.set_reaction(couple=couple, note=to_bob, user=bob, kind="hug")
    journal.set_star(couple=couple, note=to_bob, user=bob)

    words.plan = journal.create_plan(
        couple=couple,
        user=alice,
        fields={
            "title": words.shared("plan-title"),
            "status": "done",
            "tech_free": True,
            "place": words.shared("plan-place"),
            "description": words.shared("plan-description"),
        },
        when=When(day=dt.date(2026, 1, 2), time=None),
        tz=dt.UTC,
    )
    bobs_plan = journal.create_plan(
        couple=couple,
        user=bob,
        fields={
            "title": words.bob("plan-title"),
            "status": "planned",
            "tech_free": False,
            "place": "",
            "description": words.bob("plan-description"),
        },
        when=When(day=None, time=None),
        tz=dt.UTC,
    )
    journal.update_plan(
        couple=couple,
        plan=bobs_plan,
        user=alice,
        version=bobs_plan.version,
        fields={"place": words.shared("edited-place")},
        when=None,
        tz=dt.UTC,
    )
    journal.reflect(
        couple=couple, plan=words.plan, author=alice, enjoyed=words.alice("reflection"), rating=5
    )
    journal.reflect(
        couple=couple, plan=words.plan, author=bob, enjoyed=words.bob("reflection"), rating=4
    )
    for author, alt_text in ((alice, words.alice("photo-alt")), (bob, words.bob("photo-alt"))):
        attached(couple=couple, user=author, target=words.plan, alt_text=alt_text)
    journal.add_custom_idea(
        couple=couple,
        user=alice,
        idea=CustomIdea(title=words.alice("idea-title"), description=words.alice("idea-text")),
    )
    journal.add_custom_idea(
        couple=couple,
        user=bob,
        idea=CustomIdea(title=words.bob("idea-title"), description=words.bob("idea-text")),
    )

    daily.save_answer(couple=couple, user=alice, day=today, text=words.alice("answer"))
    daily.save_answer(couple=couple, user=bob, day=today, text=words.bob("answer"))
    question = DailyQuestion.objects.get(day=today, skipped=False)
    daily.reply(
        couple=couple, user=alice, question=question, text=words.alice("reply"), reaction="heart"
    )
    daily.reply(
        couple=couple, user=bob, question=question, text=words.bob_on_hers("reply"), reaction=""
    )
    daily.add_own_question(couple=couple, user=alice, text=words.alice("own-question"))
    guided.start(couple=couple, user=alice, program=PROGRAMS[0])
    daily.save_answer(couple=couple, user=alice, day=yesterday, text=words.alice("lone-answer"))

    hers = exercises.reflect_back(
        couple=couple, listener=alice, speaker=bob, heard=words.alice("heard")
    )
    exercises.answer_exchange(
        couple=couple, exchange=hers, user=bob, reply="added", addition=words.bob_on_hers("added")
    )
    his = exercises.reflect_back(
        couple=couple, listener=bob, speaker=alice, heard=words.bob("heard")
    )
    exercises.answer_exchange(
        couple=couple, exchange=his, user=alice, reply="added", addition=words.alice("added")
    )

    her_check = exercises.check_in(couple=couple, user=alice, mood=3, need=words.alice("need"))
    his_check = exercises.check_in(couple=couple, user=bob, mood=4, need=words.bob("need"))
    exercises.reply_to_check_in(
        couple=couple, check=his_check, user=alice, reply=words.alice("check-in-reply")
    )
    exercises.reply_to_check_in(
        couple=couple, check=her_check, user=bob, reply=words.bob_on_hers("check-in-reply")
    )
    exercises.tick_affection(couple=couple, user=alice, kinds={"hug"})
    linking.update_details(couple=couple, changes={"name": words.shared("couple-name")}, shown={})
    # An email on its way to her, not sent yet: it goes with her account.
    message = EmailMultiAlternatives(
        subject=words.alice("email-subject"), body=words.alice("email-body"), to=[alice.email]
    )
    message.attach_alternative(words.alice("email-html"), "text/html")
    send_email_later(message, kind="weekly_thanks", user=alice)
    # Her phone, where notifications go (the push service's address names her device).
    PushSubscription.objects.create(
        user=alice,
        endpoint=f"https://updates.push.services.mozilla.com/wpush/v2/{words.alice('device')}",
        p256dh=words.alice("device-key"),
        auth=words.alice("device-secret"),
        label=words.alice("device-name"),
    )
    return words


# Every text column --------------------------------------------------------------------

# The apps whose rows a person fills: ours, and allauth's (email addresses, MFA).
OUR_APPS = {"accounts", "practices", "account", "mfa"}

# Text columns of ours that hold nothing a person writes in their own words; every other
# one must be written in `lived_in_journal` (see test_every_text_column_is_written).
NOT_AUTHORED = {
    "accounts.User.password": "a hash",
    "accounts.User.time_zone": "a choice from a list",
    "accounts.User.email_links_token": "random",
    "accounts.Couple.calendar_token_hash": "the hash of a random token",
    "accounts.Couple.partner_deleted_name": "written by the deletion itself",
    "accounts.Invite.token": "random",
    "accounts.Invite.code": "random",
    "account.EmailConfirmation.key": "random",
    "mfa.Authenticator.type": "a choice",
    "practices.Note.category": "a choice",
    "practices.Reaction.kind": "a choice; the reaction goes with its author",
    "practices.Plan.status": "a choice",
    "practices.Plan.idea_slug": "the ideas library's slug",
    "practices.Exchange.reply": "a choice; blanked with the addition, checked below",
    "practices.PracticeLog.practice": "the app's slug",
    "practices.Entry.kind": "the app's",
    "practices.ReminderSent.kind": "the app's",
    "practices.ReminderSent.key": "the app's",
    "accounts.OutgoingEmail.kind": "the app's",
    "accounts.OutgoingEmail.from_email": "the site's",
    "accounts.OutgoingEmail.status": "a choice",
    "accounts.OutgoingEmail.last_error": "an exception's class name",
    "accounts.OutgoingEmail.topic": "the app's",
    "accounts.OutgoingPush.kind": "the app's",
    "accounts.OutgoingPush.topic": "the app's",
    "accounts.OutgoingPush.status": "a choice",
    "accounts.OutgoingPush.last_error": "an exception's class name",
    "accounts.NotificationSettings.digest": "a choice",
    "practices.Notification.kind": "the app's",
    "practices.Notification.key": "the app's",
    "practices.Gesture.kind": "a choice from a fixed set",
    "practices.AnswerReply.reaction": "a choice",
    "practices.ProgramRun.program": "the app's",
    "practices.Photo.key": "random",
}


def text_columns(app_labels: set[str] | None = None) -> Iterator[tuple[str, type, str]]:
    """("app.Model.field", model, field name) of every CharField and TextField (EmailField
    and SlugField are CharFields), found by introspection: a field added later is in."""
    for model in apps.get_models():
        if app_labels is not None and model._meta.app_label not in app_labels:
            continue
        for column in model._meta.concrete_fields:
            if isinstance(column, (models.CharField, models.TextField)):
                yield f"{model._meta.label}.{column.name}", model, column.name


def fingerprint() -> dict[str, list[str]]:
    """Every value of every text column of every installed app, Django's own included."""
    return {
        label: [value for value in model._default_manager.values_list(name, flat=True) if value]
        for label, model, name in text_columns()
    }


def holding(text: str, print_: dict[str, list[str]]) -> set[str]:
    """The columns in which some value contains `text`."""
    return {label for label, values in print_.items() if any(text in value for value in values)}


def delete_alice(alice: User, reauthenticated) -> None:
    response = reauthenticated(alice).post("/account/delete/", {"confirm": "on"})
    assert response.status_code == 302


def test_every_text_column_is_written(lived_in_journal, alice):
    """A text field added later fails here until the fixture writes it (and the erasure
    handles it) or NOT_AUTHORED says why nobody writes their own words in it."""
    print_ = fingerprint()
    hers = [*lived_in_journal.alice, *lived_in_journal.shared, alice.display_name, alice.email]
    unwritten = [
        label
        for label, _model, _name in text_columns(OUR_APPS)
        if label not in NOT_AUTHORED and not any(label in holding(text, print_) for text in hers)
    ]
    assert not unwritten, f"Alice writes nothing in {unwritten}: add it to lived_in_journal"
    assert set(NOT_AUTHORED) <= {label for label, _m, _n in text_columns(OUR_APPS)}


def test_nothing_alice_wrote_survives_her(lived_in_journal, couple, alice, bob, reauthenticated):
    words = lived_in_journal
    # Her name and email are hers too.
    name = words.alice("display-name")
    User.objects.filter(pk=alice.pk).update(display_name=name)
    words.alice.add(alice.email)
    before = fingerprint()
    everything = [*words.alice, *words.shared, *words.bob, *words.bob_on_hers]
    assert all(holding(text, before) for text in everything)

    delete_alice(alice, reauthenticated)
    after = fingerprint()

    # Not one copy of anything she wrote on her own, in any column of any table; her name
    # stays only where the partner is told who deleted their account.
    survivors = {(text, label) for text in words.alice for label in holding(text, after)}
    assert survivors == {(name, "accounts.Couple.partner_deleted_name")}
    # The shared plans and the couple's name stay as the two of them left them.
    for text in words.shared:
        assert holding(text, after) == holding(text, before), text
    # Bob's own words all stay, where they were...
    for text in words.bob:
        assert holding(text, after) == holding(text, before), text
    # ...but for his replies to her own check-in and reflect-back, gone with them.
    for text in words.bob_on_hers:
        assert not holding(text, after), text
    # Her answer to his reflect-back was a choice as well as words: both are gone.
    his = Exchange.objects.get(heard__startswith="BOB-WROTE")
    assert (his.speaker, his.reply, his.addition, his.replied_at) == (None, "", "", None)
    his_check = CheckIn.objects.get(need__startswith="BOB-WROTE")
    assert (his_check.reply, his_check.replied_at) == ("", None)
    # A day only she answered leaves no empty question on his timeline; a day both
    # answered keeps its question, with his answer.
    today = timezone.localdate()
    assert list(DailyQuestion.objects.values_list("day", flat=True)) == [today]
    assert Entry.objects.filter(kind=Entry.Kind.QUESTION).count() == 1


# What the two of them are told -------------------------------------------------------


def bobs_pages(words: Journal) -> list[str]:
    """Everything Bob can read of the journal, the export included."""
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    return [
        "/",
        "/account/partner/",
        "/journal/",
        "/journal/keepsakes/",
        f"/journal/notes/{Note.objects.get(text__startswith='BOB-WROTE').pk}/",
        "/plans/",
        f"/plans/{words.plan.pk}/",
        "/plans/ideas/",
        "/today/",
        f"/today/{yesterday.isoformat()}/",
        "/practices/empathy/",
        "/practices/well-being/",
        "/journal/export.json",
        "/journal/export/notes.csv",
    ]


def read(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def deletion_line(couple: Couple, viewer: User) -> str:
    couple.refresh_from_db()
    at = timezone.localtime(couple.partner_deleted_at, zoneinfo.ZoneInfo(viewer.time_zone))
    return f"Alice deleted their account on {date_format(at, 'j F Y')}"


def test_the_page_says_what_goes_and_what_the_partner_keeps(couple, alice, reauthenticated):
    page = reauthenticated(alice).get("/account/delete/").content.decode()
    assert "What will be removed" in page
    for goes in [
        "your notes",
        "your answers to the daily questions",
        "your reflections",
        "your check-ins and your reflect-backs",
        "Your replies to Bob’s check-ins, and what you added to Bob’s reflect-backs",
        "The ideas you added",
        "Your reactions, keepsakes and affection ticks",
    ]:
        assert goes in page, goes
    assert "What Bob keeps" in page
    for kept in ["The notes Bob wrote", "The plans you made together", "former partner"]:
        assert kept in page, kept
    assert "Nothing was deleted" not in page


def test_bob_is_told_and_reads_none_of_her_words(
    lived_in_journal, couple, alice, bob, reauthenticated
):
    bob_client = reauthenticated(bob)  # the export asks for it
    pages = bobs_pages(lived_in_journal)
    # Read before, so that what the pages cache holds her words: the deletion must move
    # the couple's revision for them to go from the pages too.
    before = "".join(read(bob_client, url) for url in pages)
    assert "ALICE-WROTE" in before
    assert "BOB-ON-HERS" in before

    delete_alice(alice, reauthenticated)

    line = deletion_line(couple, bob)
    for url in pages:
        page = read(bob_client, url)
        assert "ALICE-WROTE" not in page, url
        assert "BOB-ON-HERS" not in page, url
    for url in ["/", "/account/partner/"]:
        page = read(bob_client, url)
        assert line in page, url
        assert "Your replies to their check-ins and reflect-backs went with them" in page
        assert "Everything else you wrote is still here" in page
        assert "Nothing was deleted" not in page
    # What he wrote, and what the two made together, he still reads.
    journal_page = read(bob_client, "/journal/")
    assert "BOB-WROTE-000-note" in journal_page
    assert "ALICE-SHARED-000-plan-title" in journal_page


def test_leaving_deletes_nothing_and_deleting_later_empties_the_archive(
    lived_in_journal, couple, alice, bob, reauthenticated
):
    bob_client = reauthenticated(bob)
    linking.end_couple(couple=couple, user=alice)
    home = read(bob_client, "/")
    assert "Nothing was deleted" in home
    assert "deleted their account" not in home
    assert "ALICE-WROTE-000-note" in read(bob_client, "/journal/")

    # Deleting her account afterwards takes her words out of the archive too, and says so.
    delete_alice(alice, reauthenticated)
    home = read(bob_client, "/")
    assert deletion_line(couple, bob) in home
    assert "Nothing was deleted" not in home
    for url in bobs_pages(lived_in_journal):
        assert "ALICE-WROTE" not in read(bob_client, url), url
    assert couple.ended_at < couple.partner_deleted_at


def test_the_last_of_the_two_takes_the_couple_with_them(
    lived_in_journal, couple, alice, bob, charlie
):
    delete_account(user=alice)
    assert Couple.objects.filter(pk=couple.pk).exists()
    delete_account(user=bob)
    # Nobody is left to read it: the couple goes, plans and all. Charlie's stays.
    assert not Couple.objects.filter(pk=couple.pk).exists()
    assert not Plan.objects.exists()
    assert not Note.objects.exists()
    assert Couple.objects.filter(memberships__user=charlie).exists()


def test_the_last_one_is_told_the_journal_goes(couple, alice, bob, reauthenticated):
    delete_account(user=bob)
    page = reauthenticated(User.objects.get(pk=alice.pk)).get("/account/delete/").content.decode()
    assert "Your shared journal, with the plans in it" in page
    assert 'id="kept-heading"' not in page


# Deleting ---------------------------------------------------------------------------


def test_deleting_asks_to_re_authenticate_first(couple, alice):
    client = Client()
    client.post("/accounts/login/", {"login": "alice@example.com", "password": PASSWORD})
    response = client.get("/account/delete/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    client.post("/account/delete/", {"confirm": "on"})
    assert User.objects.filter(pk=alice.pk).exists()
    response = client.post("/accounts/reauthenticate/", {"password": "wrong password"})
    assert response.status_code == 200
    assert User.objects.filter(pk=alice.pk).exists()
    # With the password entered again, allauth resumes the confirmed request it held back.
    response = client.post(
        "/accounts/reauthenticate/?next=/account/delete/", {"password": PASSWORD}
    )
    assert response["Location"] == "/"
    assert not User.objects.filter(pk=alice.pk).exists()


def test_deleting_needs_the_confirmation(couple, alice, reauthenticated):
    response = reauthenticated(alice).post("/account/delete/", {})
    assert response.status_code == 422
    assert User.objects.filter(pk=alice.pk).exists()


def test_deletion_is_complete(lived_in_journal, couple, alice, bob_client, reauthenticated):
    alice_id = alice.pk
    other_browser = reauthenticated(alice)
    client = reauthenticated(alice)
    response = client.post("/account/delete/", {"confirm": "on"})
    assert response.status_code == 302

    assert not User.objects.filter(pk=alice_id).exists()
    # Every session of hers has ended, in every browser.
    assert "_auth_user_id" not in client.session
    assert other_browser.get("/journal/").status_code == 302
    assert not [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(alice_id)
    ]
    # No row anywhere still points at her.
    for model in apps.get_models():
        for column in model._meta.concrete_fields:
            if isinstance(column, models.ForeignKey) and column.related_model is User:
                assert not model._default_manager.filter(**{column.name: alice_id}).exists(), (
                    f"{model.__name__}.{column.name}"
                )

    # Bob keeps the shared plan, shown as his former partner's, and sees an ended couple.
    plan = Plan.objects.get(pk=lived_in_journal.plan.pk)
    assert plan.created_by is None
    couple.refresh_from_db()
    assert not couple.is_active
    assert couple.partner_deleted_name == "Alice"
    assert "ended on" in bob_client.get("/").content.decode()
    plan_page = bob_client.get(f"/plans/{plan.pk}/").content.decode()
    assert "Alice added this plan" in plan_page  # by the name she went by
    assert "BOB-WROTE" in plan_page  # his reflection


def test_the_email_can_sign_up_again(couple, alice, client, mailbox, reauthenticated):
    reauthenticated(alice).post("/account/delete/", {"confirm": "on"})
    response = client.post(
        "/accounts/signup/",
        {
            "email": "alice@example.com",
            "display_name": "Alice again",
            "time_zone": "UTC",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email="alice@example.com").display_name == "Alice again"
    assert "already" not in mailbox()[-1].body.lower()


def test_deleting_from_the_admin_erases_like_the_settings_page(couple, alice, bob):
    exercises.check_in(couple=couple, user=bob, mood=2, need="Tea")
    check = CheckIn.objects.get(author=bob)
    exercises.reply_to_check_in(couple=couple, check=check, user=alice, reply="ALICE-REPLIED")
    site = admin.site._registry[User]
    site.delete_queryset(None, User.objects.filter(pk=alice.pk))
    assert not User.objects.filter(pk=alice.pk).exists()
    assert CheckIn.objects.get(pk=check.pk).reply == ""
    assert not Couple.objects.get(pk=couple.pk).is_active
