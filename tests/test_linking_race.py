"""Two people accept the same invite at the same moment: exactly one of them is linked."""

from __future__ import annotations

from functools import partial

import pytest

from accounts import linking
from accounts.linking import LinkError
from accounts.models import Couple, Invite, Membership
from tests.conftest import at_once


def accept_concurrently(invite: Invite, users) -> list[object]:
    return at_once(
        *(partial(linking.accept_invite, invite=invite, user=user) for user in users),
        timeout=30,
    )


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_acceptances(make_user):
    alice = make_user("Alice")
    invite = linking.create_invite(inviter=alice)
    contenders = [make_user(f"Contender{i}") for i in range(2)]
    results = accept_concurrently(invite, contenders)
    winners = [r for r in results if isinstance(r, Couple)]
    losers = [r for r in results if isinstance(r, LinkError)]
    assert len(winners) == 1
    assert len(losers) == 1
    assert losers[0].status == 410
    assert Couple.objects.count() == 1
    assert Membership.objects.filter(couple=winners[0]).count() == 2


@pytest.mark.django_db
def test_a_second_acceptance_with_a_stale_view_of_the_invite_fails(make_user):
    # What SQLite allows: the loser read the invite while it was still pending.
    alice = make_user("Alice")
    invite = linking.create_invite(inviter=alice)
    stale_copy = Invite.objects.get(pk=invite.pk)
    linking.accept_invite(invite=invite, user=make_user("First"))
    with pytest.raises(LinkError) as error:
        linking.accept_invite(invite=stale_copy, user=make_user("Second"))
    assert error.value.status == 410
    assert Couple.objects.count() == 1
