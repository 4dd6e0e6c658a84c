"""Two people accept the same invite at the same moment: exactly one of them is linked."""

from __future__ import annotations

import threading

import pytest
from django.db import connections

from accounts import linking
from accounts.linking import LinkError
from accounts.models import Couple, Invite, Membership


def accept_concurrently(invite: Invite, users) -> list[object]:
    barrier = threading.Barrier(len(users))
    results: list[object] = [None] * len(users)

    def accept(index: int, user) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = linking.accept_invite(invite=invite, user=user)
        except LinkError as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept, args=(i, u)) for i, u in enumerate(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


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
