"""Quality-time plans: creating, editing together without losing words, status, reflections."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.html import escape as html_escape

from accounts import linking
from accounts.validators import SINGLE_LINE_MESSAGE
from practices import journal
from practices.ideas import IDEAS
from practices.journal import When
from practices.models import CustomIdea, Entry, Plan, Reflection

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def plan_data(**overrides) -> dict:
    return {
        "title": "Picnic by the river",
        "day": "2031-06-14",
        "time": "18:30",
        "place": "The old bridge",
        "status": "planned",
        "tech_free": "on",
        "description": "Bring the blue blanket.",
        **overrides,
    }


@pytest.fixture
def plan(couple, alice) -> Plan:
    return journal.create_plan(
        couple=couple,
        user=alice,
        fields={
            "title": "Picnic",
            "status": "planned",
            "tech_free": True,
            "place": "",
            "description": "",
        },
        when=When(day=dt.date(2031, 6, 14), time=dt.time(18, 30)),
        tz=PARIS,
    )


def test_create_a_plan_stores_utc_and_shows_each_partner_their_zone(
    couple, alice, bob, alice_client, bob_client
):
    alice.time_zone = "Europe/Paris"
    alice.save()
    bob.time_zone = "America/New_York"
    bob.save()
    response = alice_client.post("/plans/new/", plan_data())
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert (plan.created_by, plan.updated_by, plan.version) == (alice, alice, 1)
    assert plan.starts_at == dt.datetime(2031, 6, 14, 16, 30, tzinfo=dt.UTC)
    assert plan.day == dt.date(2031, 6, 14)
    assert Entry.objects.get().plan == plan
    assert "Sat 14 Jun 2031, 18:30" in alice_client.get(f"/plans/{plan.pk}/").content.decode()
    assert "Sat 14 Jun 2031, 12:30" in bob_client.get(f"/plans/{plan.pk}/").content.decode()


def test_a_plan_with_a_date_and_no_time_is_a_whole_day(couple, alice_client):
    alice_client.post("/plans/new/", plan_data(time=""))
    plan = Plan.objects.get()
    assert plan.starts_at is None
    assert plan.day == dt.date(2031, 6, 14)


def test_an_idea_needs_no_date(couple, alice_client):
    alice_client.post("/plans/new/", plan_data(day="", time="", status="idea"))
    plan = Plan.objects.get()
    assert (plan.day, plan.starts_at, plan.status) == (None, None, "idea")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "This field is required."),
        ({"title": "x" * 121}, "at most 120 characters"),
        ({"day": "2031-02-30"}, "Enter a valid date."),
        ({"time": "25:99"}, "Enter a valid time."),
        ({"day": "", "time": "18:00"}, "Pick a date to go with the time."),
        ({"status": "eloped"}, "Select a valid choice."),
        # It would go on into an email subject and an .ics line, and break them.
        ({"title": "Picnic\nby the river"}, SINGLE_LINE_MESSAGE),
        ({"title": "Picnic\u202erevir eht yb"}, SINGLE_LINE_MESSAGE),
        ({"place": "The old\r\nbridge"}, SINGLE_LINE_MESSAGE),
        ({"place": "The old\tbridge"}, SINGLE_LINE_MESSAGE),
    ],
    ids=[
        "no-title",
        "long-title",
        "bad-date",
        "bad-time",
        "time-without-date",
        "bad-status",
        "title-of-two-lines",
        "title-with-override",
        "place-of-two-lines",
        "place-with-tab",
    ],
)
def test_bad_plan_input_is_a_form_error(couple, overrides, message, alice_client):
    response = alice_client.post("/plans/new/", plan_data(**overrides))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Plan.objects.exists()


def test_plan_this_prefills_from_the_ideas_library(couple, alice_client):
    idea = IDEAS[0]
    html = alice_client.get(f"/plans/new/?idea={idea.slug}").content.decode()
    assert f'value="{idea.title}"' in html
    assert f'name="idea_slug" value="{idea.slug}"' in html


def test_the_ideas_library_has_at_least_30_ideas_in_every_category(couple, alice_client):
    assert len(IDEAS) >= 30
    assert len({idea.slug for idea in IDEAS}) == len(IDEAS)
    html = alice_client.get("/plans/ideas/").content.decode()
    for heading in [
        "Walks and outdoors",
        "Cooking together",
        "Shared hobbies",
        "Tech-free evenings at home",
        "Trips and adventures",
        "Learning something new",
        "Low-budget",
    ]:
        assert heading in html  # a filter for each
    # Every idea is on one of the pages, once.
    shown, page = [], 1
    while True:
        html = alice_client.get(f"/plans/ideas/?page={page}").content.decode()
        shown += re.findall(r'aria-label="Plan this: ([^"]+)"', html)
        if "More ideas</a>" not in html:
            break
        page += 1
    assert sorted(shown) == sorted(html_escape(idea.title) for idea in IDEAS)
    assert page == -(-len(IDEAS) // 8)  # pages of eight, not one endless list


def test_couples_add_their_own_ideas_and_plan_them(
    couple, alice_client, bob_client, charlie_client
):
    response = alice_client.post(
        "/plans/ideas/", {"title": "Dance in the kitchen", "description": ""}
    )
    assert response.status_code == 302
    idea = CustomIdea.objects.get()
    assert "Dance in the kitchen" in bob_client.get("/plans/ideas/").content.decode()
    html = bob_client.get(f"/plans/new/?custom={idea.pk}").content.decode()
    assert 'value="Dance in the kitchen"' in html
    assert "Dance in the kitchen" not in charlie_client.get("/plans/ideas/").content.decode()
    assert (
        'value="Dance in the kitchen"'
        not in charlie_client.get(f"/plans/new/?custom={idea.pk}").content.decode()
    )


def test_an_empty_idea_is_a_form_error(couple, alice_client):
    response = alice_client.post("/plans/ideas/", {"title": ""})
    assert response.status_code == 422
    assert not CustomIdea.objects.exists()


def test_an_idea_title_is_one_line(couple, alice_client):
    response = alice_client.post("/plans/ideas/", {"title": "Dance\nin the kitchen"})
    assert response.status_code == 422
    assert SINGLE_LINE_MESSAGE in response.content.decode()
    assert not CustomIdea.objects.exists()


# Editing together ------------------------------------------------------------


def test_both_partners_edit_the_same_plan(plan, bob, bob_client):
    response = bob_client.post(
        f"/plans/{plan.pk}/edit/", plan_data(title="Picnic at dusk", version=1)
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.updated_by, plan.version) == ("Picnic at dusk", bob, 2)


def test_a_stale_save_is_refused_and_keeps_what_was_typed(plan, alice_client, bob_client):
    bob_client.post(f"/plans/{plan.pk}/edit/", plan_data(title="Bob's picnic", version=1))
    response = alice_client.post(
        f"/plans/{plan.pk}/edit/",
        plan_data(title="Alice's picnic", description="Alice typed all of this", version=1),
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Bob changed this plan while you were editing" in html
    assert "Bob&#x27;s picnic" in html  # what is saved now
    assert 'value="Alice&#x27;s picnic"' in html  # what she typed, still in the form
    assert "Alice typed all of this" in html
    assert 'name="version" value="2"' in html
    plan.refresh_from_db()
    assert plan.title == "Bob's picnic"

    # Saving again, knowingly, replaces Bob's version.
    response = alice_client.post(
        f"/plans/{plan.pk}/edit/", plan_data(title="Alice's picnic", version=2)
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.version) == ("Alice's picnic", 3)


@pytest.mark.parametrize("version", ["", "abc", "-1", "0"])
def test_a_missing_or_tampered_version_is_refused(plan, version, alice_client):
    response = alice_client.post(f"/plans/{plan.pk}/edit/", plan_data(title="X", version=version))
    assert response.status_code == 422
    plan.refresh_from_db()
    assert plan.title == "Picnic"


def test_a_version_from_the_future_is_a_conflict_not_a_save(plan, alice_client):
    response = alice_client.post(f"/plans/{plan.pk}/edit/", plan_data(title="X", version=99))
    assert response.status_code == 409
    plan.refresh_from_db()
    assert plan.title == "Picnic"


def test_edit_form_shows_the_time_in_the_editors_zone(plan, alice, alice_client):
    alice.time_zone = "Europe/Paris"
    alice.save()
    html = alice_client.get(f"/plans/{plan.pk}/edit/").content.decode()
    assert 'value="2031-06-14"' in html
    assert 'value="18:30"' in html


# Status ------------------------------------------------------------


def test_status_changes_in_place_with_htmx(plan, bob, client_for):
    response = client_for(bob, htmx=True).post(
        f"/plans/{plan.pk}/status/", {"status": "done", "version": 1}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="plan-status"' in html
    assert "<html" not in html
    assert ">Done</strong>" in html
    plan.refresh_from_db()
    assert (plan.status, plan.version, plan.updated_by) == ("done", 2, bob)


def test_status_change_without_javascript_redirects(plan, bob_client):
    response = bob_client.post(f"/plans/{plan.pk}/status/", {"status": "cancelled", "version": 1})
    assert response.status_code == 302
    assert response["Location"] == f"/plans/{plan.pk}/"


def test_an_unknown_status_is_refused(plan, bob_client):
    response = bob_client.post(f"/plans/{plan.pk}/status/", {"status": "eloped", "version": 1})
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.status == "planned"


def test_a_status_change_makes_an_open_edit_form_stale(plan, alice_client, bob_client):
    bob_client.post(f"/plans/{plan.pk}/status/", {"status": "done", "version": 1})
    response = alice_client.post(f"/plans/{plan.pk}/edit/", plan_data(version=1))
    assert response.status_code == 409


# Reflections ------------------------------------------------------------


def reflect(client: Client, plan: Plan, text: str, rating: int = 5):
    return client.post(f"/plans/{plan.pk}/reflect/", {"enjoyed": text, "rating": rating})


def test_reflections_open_only_when_done(plan, alice_client):
    response = reflect(alice_client, plan, "Lovely")
    assert response.status_code == 302
    assert not Reflection.objects.exists()


def test_reflections_are_revealed_side_by_side_once_both_wrote(plan, alice_client, bob_client):
    Plan.objects.filter(pk=plan.pk).update(status="done")
    reflect(alice_client, plan, "The sunset over the water", 5)

    alice_page = alice_client.get(f"/plans/{plan.pk}/").content.decode()
    assert "Waiting for Bob" in alice_page
    bob_page = bob_client.get(f"/plans/{plan.pk}/").content.decode()
    assert "The sunset over the water" not in bob_page
    assert "Bob has written" not in bob_page
    assert "Alice has written a reflection" in bob_page
    assert "The sunset over the water" not in bob_client.get("/journal/").content.decode()

    reflect(bob_client, plan, "Your laugh when the ducks came", 4)
    for client in (alice_client, bob_client):
        html = client.get(f"/plans/{plan.pk}/").content.decode()
        assert "The sunset over the water" in html
        assert "Your laugh when the ducks came" in html
        assert 'class="side-by-side"' in html
    assert "The sunset over the water" in bob_client.get("/journal/").content.decode()


def test_one_reflection_each(plan, alice_client):
    Plan.objects.filter(pk=plan.pk).update(status="done")
    reflect(alice_client, plan, "First")
    response = reflect(alice_client, plan, "Second")
    assert response.status_code == 302
    assert Reflection.objects.get().enjoyed == "First"


@pytest.mark.parametrize(("text", "rating"), [("", 5), ("Nice", 0), ("Nice", 6), ("x" * 1001, 3)])
def test_bad_reflections_are_form_errors(plan, text, rating, alice_client):
    Plan.objects.filter(pk=plan.pk).update(status="done")
    response = reflect(alice_client, plan, text, rating)
    assert response.status_code == 422
    assert not Reflection.objects.exists()


# Lists ------------------------------------------------------------


def test_plan_list_and_dashboard_show_upcoming_and_past(couple, alice, alice_client):
    today = timezone.localdate()
    for offset, title, status in [
        (1, "Tomorrow's walk", "planned"),
        (2, "Cooking night", "planned"),
        (3, "Museum", "planned"),
        (4, "Fourth plan", "planned"),
        (-3, "Last week's film", "done"),
    ]:
        journal.create_plan(
            couple=couple,
            user=alice,
            fields={
                "title": title,
                "status": status,
                "tech_free": True,
                "place": "",
                "description": "",
            },
            when=When(day=today + dt.timedelta(days=offset), time=None),
            tz=dt.UTC,
        )
    html = alice_client.get("/plans/").content.decode()
    assert (
        html.index("Tomorrow&#x27;s walk")
        < html.index("Past plans")
        < html.index("Last week&#x27;s film")
    )
    dashboard = alice_client.get("/").content.decode()
    assert "Tomorrow&#x27;s walk" in dashboard
    assert "Museum" in dashboard
    assert "Fourth plan" not in dashboard  # the next three only


# Access ------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("get", "/plans/{pk}/", None),
        ("get", "/plans/{pk}/edit/", None),
        ("post", "/plans/{pk}/edit/", plan_data(title="Mine", version=1)),
        ("post", "/plans/{pk}/status/", {"status": "cancelled", "version": 1}),
        ("post", "/plans/{pk}/reflect/", {"enjoyed": "x", "rating": 3}),
    ],
)
def test_charlie_gets_404_for_their_plan(plan, method, path, data, charlie_client):
    response = getattr(charlie_client, method)(path.format(pk=plan.pk), data)
    assert response.status_code == 404
    assert "Picnic" not in response.content.decode()
    plan.refresh_from_db()
    assert (plan.title, plan.status) == ("Picnic", "planned")


def test_unlinked_users_are_sent_to_linking(sam_client):
    for path in ["/plans/", "/plans/new/", "/plans/ideas/", "/journal/"]:
        response = sam_client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == "/account/partner/"


def test_an_ended_couples_plans_are_read_only(couple, plan, alice, bob_client):
    linking.end_couple(couple=couple, user=alice)
    assert bob_client.get(f"/plans/{plan.pk}/").status_code == 200
    response = bob_client.post(f"/plans/{plan.pk}/status/", {"status": "done", "version": 1})
    assert response.status_code == 403
    assert bob_client.post(f"/plans/{plan.pk}/edit/", plan_data(version=1)).status_code == 403
    assert bob_client.post("/plans/new/", plan_data()).status_code == 403
    assert bob_client.post("/plans/ideas/", {"title": "x"}).status_code == 403
    plan.refresh_from_db()
    assert plan.status == "planned"


def test_wrong_methods(plan, alice_client):
    assert alice_client.get(f"/plans/{plan.pk}/status/").status_code == 405
    assert alice_client.get(f"/plans/{plan.pk}/reflect/").status_code == 405
    assert alice_client.post(f"/plans/{plan.pk}/").status_code == 405
    assert alice_client.delete("/plans/").status_code == 405
