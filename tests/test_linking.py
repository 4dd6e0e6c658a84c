"""Partner linking: invites, acceptance, every failure, the database rules, leaving."""

from __future__ import annotations

import re
import time
from datetime import timedelta
from functools import partial

import pytest
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from accounts import linking
from accounts.deletion import delete_account
from accounts.linking import CODE_ALPHABET, LinkError
from accounts.models import Couple, Invite, Membership, User
from tests.conftest import PASSWORD, age_authentication, at_once, couple_of, link

pytestmark = pytest.mark.django_db


def accept_url(invite: Invite) -> str:
    return f"/invite/{invite.token}/"


# The invite itself ------------------------------------------------------------


def test_invite_has_a_long_token_and_a_readable_code(sam):
    invite = linking.create_invite(inviter=sam)
    assert len(invite.token) >= 43  # 32 random bytes, URL-safe base64
    assert len(invite.code) == 8
    assert set(invite.code) <= set(CODE_ALPHABET)
    assert not set("0O1IL") & set(CODE_ALPHABET)
    assert invite.readable_code == f"{invite.code[:4]}-{invite.code[4:]}"
    assert invite.expires_at - invite.created_at == timedelta(days=7)
    assert invite.state == Invite.State.PENDING


def test_a_new_invite_revokes_the_previous_one(sam):
    first = linking.create_invite(inviter=sam)
    second = linking.create_invite(inviter=sam)
    first.refresh_from_db()
    assert first.state == Invite.State.REVOKED
    assert second.state == Invite.State.PENDING


def test_someone_already_linked_cannot_invite(couple, alice):
    with pytest.raises(LinkError) as error:
        linking.create_invite(inviter=alice)
    assert error.value.status == 409


def test_code_typing_is_forgiving():
    assert linking.normalise_code(" abcd-efgh ") == "ABCDEFGH"
    assert linking.normalise_code("ABCD EFGH") == "ABCDEFGH"


# Database rules, broken directly through the ORM ----------------------------------------


def test_database_refuses_a_second_active_couple_for_one_user(couple, alice, make_user):
    other = Couple.objects.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(couple=other, user=alice, slot=1)


def test_database_refuses_a_third_member(couple, make_user):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(couple=couple, user=make_user("Third"), slot=2)


def test_database_refuses_a_slot_other_than_one_or_two(make_user):
    couple = Couple.objects.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(couple=couple, user=make_user("Third"), slot=3)


def test_database_refuses_a_duplicate_token(sam, make_user):
    invite = linking.create_invite(inviter=sam)
    with pytest.raises(IntegrityError), transaction.atomic():
        Invite.objects.create(
            inviter=make_user("Other"),
            token=invite.token,
            code="ZZZZZZZZ",
            expires_at=timezone.now() + timedelta(days=1),
        )


def test_database_refuses_two_open_invites_from_one_inviter(sam):
    linking.create_invite(inviter=sam)
    with pytest.raises(IntegrityError), transaction.atomic():
        Invite.objects.create(
            inviter=sam, token="x" * 43, code="ZZZZZZZZ", expires_at=timezone.now() + timedelta(1)
        )


def test_an_ended_couple_frees_both_partners_for_a_new_one(couple, alice, bob, make_user):
    linking.end_couple(couple=couple, user=alice)
    new_couple = link(alice, make_user("Erin"))
    assert couple_of(alice) == new_couple
    assert couple_of(bob) == couple  # Bob keeps the archive
    assert not couple_of(bob).is_active


def memberships_say(user: User) -> tuple[int | None, int | None]:
    """The couple (active first, else the latest) and partner, as the memberships have them."""
    latest = Membership.objects.filter(user=user).order_by("-active", "-joined_at").first()
    if latest is None:
        return None, None
    other = Membership.objects.filter(couple=latest.couple).exclude(user=user).first()
    return latest.couple_id, other.user_id if other else None


def test_each_users_current_couple_and_partner_follow_their_memberships(alice, bob, make_user):
    erin = make_user("Erin")

    def assert_in_step() -> None:
        for user in User.objects.all():
            assert (user.current_couple_id, user.current_partner_id) == memberships_say(user)

    assert_in_step()
    first = linking.accept_invite(invite=linking.create_invite(inviter=alice), user=bob)
    assert_in_step()
    linking.end_couple(couple=first, user=bob)
    assert_in_step()
    linking.accept_invite(invite=linking.create_invite(inviter=erin), user=alice)
    assert_in_step()
    delete_account(user=erin)
    assert_in_step()
    assert User.objects.get(pk=alice.pk).current_partner is None  # shown as former partner


# Accepting through the views ------------------------------------------------------------


def test_accepting_links_both_and_both_dashboards_say_so(alice, bob, alice_client, bob_client):
    invite = linking.create_invite(inviter=alice)
    page = bob_client.get(accept_url(invite))
    assert page.status_code == 200
    assert "Alice invited you to Bond" in page.content.decode()

    response = bob_client.post(accept_url(invite), {"decision": "accept"})
    assert response.status_code == 302
    invite.refresh_from_db()
    assert invite.state == Invite.State.ACCEPTED
    assert invite.accepted_by == bob
    assert invite.couple == couple_of(alice) == couple_of(bob)

    for client, us in ((bob_client, "Bob &amp; Alice"), (alice_client, "Alice &amp; Bob")):
        home = client.get("/").content.decode()
        assert f'<h2 id="us-heading" class="us-names">{us}</h2>' in home
        assert "You linked on Bond today: welcome, both of you." in home


def test_declining_tells_the_invitee_and_voids_the_invite(alice, bob, alice_client, bob_client):
    invite = linking.create_invite(inviter=alice)
    response = bob_client.post(accept_url(invite), {"decision": "decline"})
    assert response.status_code == 302
    invite.refresh_from_db()
    assert invite.state == Invite.State.DECLINED
    assert couple_of(bob) is None
    page = alice_client.get("/account/partner/").content.decode()
    assert "Your last invite was declined" in page


def test_a_decision_that_is_neither_accept_nor_decline_is_refused(alice, bob, bob_client):
    invite = linking.create_invite(inviter=alice)
    response = bob_client.post(accept_url(invite), {"decision": "maybe"})
    assert response.status_code == 400
    assert couple_of(bob) is None


def test_accepting_via_code(alice, bob_client):
    invite = linking.create_invite(inviter=alice)
    typed = f"{invite.code[:4].lower()}-{invite.code[4:].lower()}"
    response = bob_client.post("/invite/code/", {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == accept_url(invite)


@pytest.mark.parametrize(
    ("breaker", "status", "message"),
    [
        (
            lambda invite: invite.__class__.objects.filter(pk=invite.pk).update(
                expires_at=timezone.now() - timedelta(seconds=1),
                created_at=timezone.now() - timedelta(days=8),
            ),
            410,
            "This invite expired",
        ),
        (
            lambda invite: linking.revoke_invite(inviter=invite.inviter),
            410,
            "cancelled this invite",
        ),
    ],
    ids=["expired", "revoked"],
)
def test_dead_invites_are_refused_with_a_clear_message(
    alice, bob, breaker, status, message, bob_client
):
    invite = linking.create_invite(inviter=alice)
    breaker(invite)
    for response in (
        bob_client.get(accept_url(invite)),
        bob_client.post(accept_url(invite), {"decision": "accept"}),
    ):
        assert response.status_code == status
        assert message in response.content.decode()
    assert couple_of(bob) is None


def test_a_used_invite_is_refused(alice, make_user, bob_client, client_for):
    invite = linking.create_invite(inviter=alice)
    bob_client.post(accept_url(invite), {"decision": "accept"})
    response = client_for(make_user("Late")).post(accept_url(invite), {"decision": "accept"})
    assert response.status_code == 410
    assert "already been used" in response.content.decode()


def test_an_unknown_token_is_a_404(bob_client):
    response = bob_client.get("/invite/not-a-real-token/")
    assert response.status_code == 404


def test_accepting_your_own_invite_is_refused(alice, alice_client):
    invite = linking.create_invite(inviter=alice)
    response = alice_client.post(accept_url(invite), {"decision": "accept"})
    assert response.status_code == 400
    assert "This is your own invite" in response.content.decode()
    assert couple_of(alice) is None


def test_someone_in_a_couple_cannot_accept(alice, charlie_client):
    invite = linking.create_invite(inviter=alice)
    response = charlie_client.get(accept_url(invite))
    assert response.status_code == 409
    assert "You are already linked with a partner" in response.content.decode()
    response = charlie_client.post(accept_url(invite), {"decision": "accept"})
    assert response.status_code == 409


def test_inviter_linked_elsewhere_meanwhile(alice, bob, make_user, bob_client):
    invite = linking.create_invite(inviter=alice)
    # Alice then accepted someone else's invite instead.
    erin_invite = linking.create_invite(inviter=make_user("Erin"))
    linking.accept_invite(invite=erin_invite, user=alice)
    response = bob_client.post(accept_url(invite), {"decision": "accept"})
    # Alice's own open invite was revoked the moment she linked with Erin.
    assert response.status_code == 410
    assert couple_of(bob) is None


def test_inviter_linked_elsewhere_by_other_means_is_a_conflict(alice, make_user, bob_client):
    invite = linking.create_invite(inviter=alice)
    link(alice, make_user("Erin"))
    response = bob_client.post(accept_url(invite), {"decision": "accept"})
    assert response.status_code == 409
    assert "Alice has linked with someone else meanwhile" in response.content.decode()


# Codes and their rate limit ------------------------------------------------------------


def test_unknown_code_is_a_404_with_a_message(bob_client):
    response = bob_client.post("/invite/code/", {"code": "ABCD-EFGH"})
    assert response.status_code == 404
    assert "We don&#x27;t know this code" in response.content.decode()


def test_malformed_code_is_a_form_error(bob_client):
    response = bob_client.post("/invite/code/", {"code": "ABC"})
    assert response.status_code == 422
    assert "A code has 8 letters and digits" in response.content.decode()


def test_wrong_codes_are_limited_per_user(alice, bob_client):
    invite = linking.create_invite(inviter=alice)
    for _ in range(10):
        assert bob_client.post("/invite/code/", {"code": "ZZZZ-ZZZZ"}).status_code == 404
    # Even the right code is refused now: the limit is on the person, not the code.
    response = bob_client.post("/invite/code/", {"code": invite.code})
    assert response.status_code == 429
    assert "Too many wrong codes" in response.content.decode()


def test_wrong_codes_are_limited_per_ip_across_accounts(make_user, client_for):
    for index in range(10):
        client_for(make_user(f"Guesser{index}")).post("/invite/code/", {"code": "ZZZZ-ZZZZ"})
    response = client_for(make_user("Next")).post("/invite/code/", {"code": "ZZZZ-ZZZZ"})
    assert response.status_code == 429


def expire(invite: Invite) -> None:
    Invite.objects.filter(pk=invite.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1),
        created_at=timezone.now() - timedelta(days=8),
    )


DEAD = {
    "used": lambda invite, user: linking.accept_invite(invite=invite, user=user),
    "declined": lambda invite, user: linking.decline_invite(invite=invite, user=user),
    "revoked": lambda invite, user: linking.revoke_invite(inviter=invite.inviter),
    "expired": lambda invite, user: expire(invite),
}


@pytest.mark.parametrize("kill", DEAD.values(), ids=DEAD.keys())
def test_a_dead_code_is_answered_and_counted_like_an_unknown_one(
    alice, make_user, bob_client, kill
):
    # Otherwise a guesser would learn which codes were real, and whose (the accept page
    # says "Alice cancelled this invite").
    unknown = bob_client.post("/invite/code/", {"code": "ZZZZ-ZZZZ"})
    invite = linking.create_invite(inviter=alice)
    kill(invite, make_user("Dave"))
    dead = bob_client.post("/invite/code/", {"code": invite.readable_code})
    assert dead.status_code == unknown.status_code == 404
    assert "no longer works" in dead.content.decode()
    assert "Alice" not in dead.content.decode()
    for _ in range(8):
        bob_client.post("/invite/code/", {"code": invite.readable_code})
    # Ten guesses so far, the dead ones among them: the next is one too many.
    response = bob_client.post("/invite/code/", {"code": "ZZZZ-ZZZZ"})
    assert response.status_code == 429


def test_a_right_code_does_not_use_up_a_guess(alice, bob_client):
    invite = linking.create_invite(inviter=alice)
    for _ in range(9):
        assert bob_client.post("/invite/code/", {"code": "ZZZZ-ZZZZ"}).status_code == 404
    assert bob_client.post("/invite/code/", {"code": invite.code}).status_code == 302
    assert bob_client.post("/invite/code/", {"code": "ZZZZ-ZZZZ"}).status_code == 404
    assert bob_client.post("/invite/code/", {"code": "ZZZZ-ZZZZ"}).status_code == 429


class SlowCache:
    """The cache, answering a few milliseconds late, as one across a network does: long
    enough for parallel requests to interleave between any two calls."""

    def __init__(self, cache) -> None:
        self.cache = cache

    def __getattr__(self, name: str):
        method = getattr(self.cache, name)

        def slow(*args, **kwargs):
            time.sleep(0.02)
            return method(*args, **kwargs)

        return slow


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_parallel_guesses_gets_no_more_than_the_limit(
    make_user, client_for, monkeypatch
):
    monkeypatch.setattr("accounts.views.cache", SlowCache(cache))
    guesser = make_user("Guesser")
    burst = 25
    clients = [client_for(guesser) for _ in range(burst)]
    responses = at_once(
        *(partial(client.post, "/invite/code/", {"code": "ZZZZ-ZZZZ"}) for client in clients)
    )
    statuses = [response.status_code for response in responses]
    assert set(statuses) == {404, 429}
    # Checking the count first and adding to it after let all of them through. (Fewer than
    # ten may pass: the user's and the address's counts can each turn one away.)
    assert statuses.count(404) <= 10


def test_code_page_needs_login(client: Client):
    response = client.get("/invite/code/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# Signed-out visitors, and surviving sign-up ---------------------------------------------


def test_signed_out_visitor_sees_who_invited_them_and_how_to_continue(client: Client, alice):
    invite = linking.create_invite(inviter=alice)
    page = client.get(accept_url(invite)).content.decode()
    assert "Alice invited you to Bond" in page
    assert f"/accounts/signup/?next=/invite/{invite.token}/" in page
    assert "alice@example.com" not in page


def test_signed_out_post_goes_to_log_in(client: Client, alice):
    invite = linking.create_invite(inviter=alice)
    response = client.post(accept_url(invite), {"decision": "accept"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    invite.refresh_from_db()
    assert invite.state == Invite.State.PENDING


def test_invite_survives_sign_up_and_email_confirmation(client: Client, alice, mailbox):
    invite = linking.create_invite(inviter=alice)
    client.get(accept_url(invite))
    client.post(
        f"/accounts/signup/?next={accept_url(invite)}",
        {
            "email": "bob@example.com",
            "display_name": "Bob",
            "time_zone": "UTC",
            "password1": "correct horse battery staple",
            "password2": "correct horse battery staple",
            "next": accept_url(invite),
        },
    )
    confirm_path = re.search(r"https?://[^/\s]+(/\S+)", mailbox()[-1].body).group(1)
    response = client.post(confirm_path, follow=True)
    assert response.redirect_chain[-1][0] == accept_url(invite)
    assert "Alice invited you to Bond" in response.content.decode()
    response = client.post(accept_url(invite), {"decision": "accept"}, follow=True)
    assert "Bob &amp; Alice" in response.content.decode()


def test_invite_survives_confirmation_in_another_browser(client: Client, alice, mailbox):
    invite = linking.create_invite(inviter=alice)
    client.get(accept_url(invite))
    client.post(
        "/accounts/signup/",
        {
            "email": "bob@example.com",
            "display_name": "Bob",
            "time_zone": "UTC",
            "password1": "correct horse battery staple",
            "password2": "correct horse battery staple",
        },
    )
    confirm_path = re.search(r"https?://[^/\s]+(/\S+)", mailbox()[-1].body).group(1)
    Client().post(confirm_path)  # the phone's mail app
    response = client.post(
        "/accounts/login/",
        {"login": "bob@example.com", "password": "correct horse battery staple"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == accept_url(invite)


# The partner page and its states ------------------------------------------------------------


def test_unlinked_dashboard_offers_to_invite_or_enter_a_code(sam_client):
    page = sam_client.get("/").content.decode()
    assert "Invite your partner" in page
    assert "enter their code" in page


def test_pending_invite_shows_link_code_and_revoke(sam, sam_client):
    response = sam_client.post("/account/invite/")
    assert response.status_code == 302
    invite = Invite.objects.get(inviter=sam)
    page = sam_client.get("/").content.decode()
    assert f"http://testserver/invite/{invite.token}/" in page
    assert invite.readable_code in page
    assert "Cancel this invite" in page

    sam_client.post("/account/invite/revoke/")
    invite.refresh_from_db()
    assert invite.state == Invite.State.REVOKED
    assert "Invite your partner" in sam_client.get("/").content.decode()


def test_invite_actions_need_post(sam_client):
    assert sam_client.get("/account/invite/").status_code == 405
    assert sam_client.get("/account/invite/revoke/").status_code == 405
    assert not Invite.objects.exists()


def test_linked_partner_page_edits_the_couple(couple, alice_client):
    response = alice_client.post(
        "/account/partner/", {"name": "The Rivers", "anniversary": "2019-06-14"}
    )
    assert response.status_code == 302
    couple.refresh_from_db()
    assert couple.name == "The Rivers"
    assert str(couple.anniversary) == "2019-06-14"
    home = alice_client.get("/").content.decode()
    assert "The Rivers" in home
    assert "together, since 14 June 2019" in home  # counted from their anniversary


def test_couple_settings_refuse_an_invalid_date(couple, alice_client):
    response = alice_client.post("/account/partner/", {"name": "", "anniversary": "2019-13-45"})
    assert response.status_code == 422
    assert "Enter a valid date." in response.content.decode()


def test_couple_settings_need_a_couple(sam_client):
    response = sam_client.post("/account/partner/", {"name": "Just me"})
    assert response.status_code == 409
    assert not Couple.objects.exists()


# Leaving ------------------------------------------------------------


def test_leave_page_says_exactly_what_happens_to_the_journal(couple, alice, reauthenticated):
    page = reauthenticated(alice).get("/account/partner/leave/").content.decode()
    assert "End the link with Bob?" in page
    assert "read-only archive" in page
    assert "Nothing is deleted" in page


def test_leaving_needs_confirmation(couple, alice, reauthenticated):
    response = reauthenticated(alice).post("/account/partner/leave/", {})
    assert response.status_code == 422
    couple.refresh_from_db()
    assert couple.is_active


def test_leaving_unlinks_both_and_both_see_the_archive(couple, alice, bob_client, reauthenticated):
    response = reauthenticated(alice).post("/account/partner/leave/", {"confirm": "on"})
    assert response.status_code == 302
    couple.refresh_from_db()
    assert not couple.is_active
    assert couple.ended_by == alice
    assert not Membership.objects.filter(active=True).exists()
    bob_page = bob_client.get("/").content.decode()
    assert "Your link with Alice ended on" in bob_page
    assert "read-only archive" in bob_page
    assert "Invite your partner" in bob_page


def test_leaving_asks_for_the_password_again(couple, alice, client_for):
    # Signed in, but not recently: a session left open elsewhere cannot end the link.
    client = client_for(alice)
    response = client.get("/account/partner/leave/")
    assert response["Location"] == "/accounts/reauthenticate/?next=%2Faccount%2Fpartner%2Fleave%2F"
    response = client.post("/account/partner/leave/", {"confirm": "on"})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    couple.refresh_from_db()
    assert couple.is_active
    # With the password entered again, the confirmed request it held back goes through.
    response = client.post(
        "/accounts/reauthenticate/?next=/account/partner/leave/", {"password": PASSWORD}
    )
    assert response["Location"] == "/"
    couple.refresh_from_db()
    assert couple.ended_by == alice


def test_leaving_asks_again_once_the_password_is_a_few_minutes_old(
    couple, alice, reauthenticated, settings
):
    client = reauthenticated(alice)
    age_authentication(client, settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 1)
    response = client.post("/account/partner/leave/", {"confirm": "on"})
    assert response["Location"].startswith("/accounts/reauthenticate/")
    couple.refresh_from_db()
    assert couple.is_active


def test_after_leaving_both_can_link_again(couple, alice, bob):
    linking.end_couple(couple=couple, user=alice)
    invite = linking.create_invite(inviter=bob)
    new_couple = linking.accept_invite(invite=invite, user=alice)
    assert new_couple != couple
    assert couple_of(alice) == couple_of(bob) == new_couple


def test_leave_needs_a_couple(sam_client):
    response = sam_client.get("/account/partner/leave/")
    assert response.status_code == 302
    assert response["Location"] == "/account/partner/"


def test_ending_twice_is_refused(couple, alice, bob):
    linking.end_couple(couple=couple, user=alice)
    with pytest.raises(LinkError):
        linking.end_couple(couple=couple, user=bob)


def test_an_outsider_cannot_end_someone_elses_couple(couple, charlie):
    with pytest.raises(LinkError):
        linking.end_couple(couple=couple, user=charlie)
    couple.refresh_from_db()
    assert couple.is_active
