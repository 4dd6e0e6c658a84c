"""Reads that several views share: each takes the couple (and viewer) explicitly and
returns only what that viewer may see."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.utils import timezone

from accounts.models import Couple, User
from practices import journal
from practices.forms import CheckInForm, CheckInReplyForm
from practices.fragments import FRAGMENT_SECONDS
from practices.models import CheckIn, Note
from practices.presenters import NoteCard, TimelinePage, Viewer, note_card, timeline_rows
from practices.timeline import attach_reactions, timeline_page


@dataclass(frozen=True)
class CheckIns:
    """Today's check-in of the viewer, and the partner's latest (today or yesterday)."""

    mine: CheckIn | None
    theirs: CheckIn | None
    theirs_is_today: bool


def recent_check_ins(*, couple: Couple, user: User, today: dt.date) -> CheckIns:
    recent = list(
        CheckIn.objects.for_couple(couple)
        .filter(day__gte=today - dt.timedelta(days=1))
        .order_by("-day", "-created_at")
    )
    mine = next((c for c in recent if c.author_id == user.pk and c.day == today), None)
    theirs = next((c for c in recent if c.author_id != user.pk), None)
    return CheckIns(mine=mine, theirs=theirs, theirs_is_today=bool(theirs and theirs.day == today))


def check_in_panel(*, couple: Couple, user: User, today: dt.date) -> dict:
    """The well-being check-in as the dashboard and practice 6 show it: the viewer's form
    for today and the partner's latest check-in, with a form to reply."""
    found = recent_check_ins(couple=couple, user=user, today=today)
    return {
        "check_in_form": CheckInForm(instance=found.mine),
        "my_check_in": found.mine,
        "partner_check_in": found.theirs,
        "partner_check_in_today": found.theirs_is_today,
        "check_in_reply_form": CheckInReplyForm(),
    }


def seconds_until_edits_close(page: TimelinePage) -> int:
    """How long a rendered page of entries stays true: until its first Edit link lapses."""
    closing = [
        row.card.created_at + journal.NOTE_EDIT_WINDOW
        for row in page.rows
        if isinstance(row.card, NoteCard) and row.card.can_edit
    ]
    if not closing:
        return FRAGMENT_SECONDS
    return max(1, math.ceil((min(closing) - timezone.now()).total_seconds()))


def journal_page(*, viewer: Viewer, kind: str | None, before: str | None) -> TimelinePage:
    """One page of the timeline as this viewer sees it (raises timeline.BadCursor)."""
    found = timeline_page(couple=viewer.couple, viewer=viewer.user, kind=kind, before=before)
    page = TimelinePage(rows=timeline_rows(found.entries, viewer), next_cursor=found.next_cursor)
    page.seconds_valid = seconds_until_edits_close(page)
    return page


def note_for(*, viewer: Viewer, note: Note) -> NoteCard:
    """The card of one note (already fetched through the couple door)."""
    attach_reactions([note])
    starred = note.stars.filter(user=viewer.user).exists()
    return note_card(note, viewer, starred=starred, reacted=note.reacted_kinds)
