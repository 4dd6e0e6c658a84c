"""Deleting an account: re-authentication first, then nothing of the person is left."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import models
from django.test import Client
from django.utils import timezone

from accounts.models import User
from practices import daily, exercises, journal
from practices.journal import When
from practices.models import Note, Plan
from tests.conftest import PASSWORD

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


@pytest.fixture
def lived_in_journal(couple, alice, bob):
    """Alice and Bob have used everything; Alice is the one who will leave."""
    to_bob = journal.write_note(
        couple=couple, author=alice, recipient=bob, text="ALICE-WROTE", category=""
    )
    to_alice = journal.write_note(
        couple=couple, author=bob, recipient=alice, text="BOB-WROTE", category=""
    )
    journal.toggle_reaction(couple=to_alice.couple, note=to_alice, user=alice, kind="heart")
    journal.toggle_star(couple=to_bob.couple, note=to_bob, user=alice)
    plan = journal.create_plan(
        couple=couple,
        user=alice,
        fields={
            "title": "ALICE-PLAN",
            "status": "done",
            "tech_free": True,
            "place": "",
            "description": "",
        },
        when=When(day=dt.date(2026, 1, 2), time=None),
        tz=dt.UTC,
    )
    journal.reflect(
        couple=plan.couple, plan=plan, author=alice, enjoyed="ALICE-REFLECTED", rating=5
    )
    journal.reflect(couple=plan.couple, plan=plan, author=bob, enjoyed="BOB-REFLECTED", rating=4)
    daily.save_answer(couple=couple, user=alice, day=timezone.localdate(), text="ALICE-ANSWER")
    daily.save_answer(couple=couple, user=bob, day=timezone.localdate(), text="BOB-ANSWER")
    exercises.reflect_back(couple=couple, listener=alice, speaker=bob, heard="ALICE-HEARD")
    exercises.check_in(couple=couple, user=alice, mood=3, need="ALICE-NEEDS")
    exercises.tick_affection(couple=couple, user=alice, kinds={"hug"})
    return plan


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


def test_the_page_says_what_goes_and_what_the_partner_keeps(couple, alice, reauthenticated):
    page = reauthenticated(alice).get("/account/delete/").content.decode()
    assert "What will be removed" in page
    assert "What Bob keeps" in page
    assert "former partner" in page


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

    # No row anywhere still points at her, or carries her email or what she wrote.
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and field.related_model is User:
                assert not model._default_manager.filter(**{field.name: alice_id}).exists(), (
                    f"{model.__name__}.{field.name}"
                )
            if isinstance(field, (models.CharField, models.TextField, models.EmailField)):
                for secret in [
                    "alice@example.com",
                    "ALICE-WROTE",
                    "ALICE-ANSWER",
                    "ALICE-REFLECTED",
                    "ALICE-HEARD",
                    "ALICE-NEEDS",
                ]:
                    assert not model._default_manager.filter(
                        **{f"{field.name}__contains": secret}
                    ).exists(), f"{model.__name__}.{field.name} still holds {secret}"

    # Bob keeps his own words and the shared plan, and sees an ended couple.
    assert Note.objects.filter(text="BOB-WROTE").exists()
    plan = Plan.objects.get(title="ALICE-PLAN")
    assert plan.created_by is None
    couple.refresh_from_db()
    assert not couple.is_active
    assert "ended on" in bob_client.get("/").content.decode()
    plan_page = bob_client.get(f"/plans/{plan.pk}/").content.decode()
    assert "Your former partner added this plan" in plan_page
    assert "BOB-REFLECTED" in plan_page


def test_the_email_can_sign_up_again(couple, alice, client, mailoutbox, reauthenticated):
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
    assert "already" not in mailoutbox[-1].body.lower()
