"""Reads that several views share: each takes the couple (and viewer) explicitly and
returns only what that viewer may see."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import timezone

from accounts.models import Couple, User
from practices import journal
from practices.forms import CheckInForm, CheckInReplyForm
from practices.fragments import FRAGMENT_SECONDS
from practices.models import (
    Answer,
    AnswerReply,
    CheckIn,
    CustomQuestion,
    DailyQuestion,
    Entry,
    Note,
    Notification,
    Photo,
    Reflection,
)
from practices.notifications import mark_seen
from practices.presenters import (
    ForYouItem,
    NoteCard,
    QuestionCard,
    TimelinePage,
    Viewer,
    for_you_item,
    note_card,
    photo_cards,
    question_card,
    timeline_rows,
)
from practices.questions import QUESTIONS
from practices.timeline import attach_answers, attach_photos, attach_reactions, timeline_page


@dataclass(frozen=True)
class CheckIns:
    """The latest check-in of each (today or yesterday), and the viewer's of today."""

    mine_today: CheckIn | None
    my_latest: CheckIn | None
    theirs: CheckIn | None
    theirs_is_today: bool


def recent_check_ins(*, couple: Couple, user: User, today: dt.date) -> CheckIns:
    recent = list(
        CheckIn.objects.for_couple(couple)
        .filter(day__gte=today - dt.timedelta(days=1))
        .order_by("-day", "-created_at")
    )
    my_latest = next((c for c in recent if c.author_id == user.pk), None)
    theirs = next((c for c in recent if c.author_id != user.pk), None)
    return CheckIns(
        mine_today=my_latest if my_latest and my_latest.day == today else None,
        my_latest=my_latest,
        theirs=theirs,
        theirs_is_today=bool(theirs and theirs.day == today),
    )


def check_in_panel(*, couple: Couple, user: User, today: dt.date) -> dict:
    """The well-being check-in as the dashboard and practice 6 show it: the viewer's form
    for today, their latest check-in with the partner's reply, and the partner's latest
    check-in with a form to reply."""
    found = recent_check_ins(couple=couple, user=user, today=today)
    return {
        "check_in_form": CheckInForm(instance=found.mine_today),
        "my_check_in": found.mine_today,
        "my_latest_check_in": found.my_latest,
        "partner_check_in": found.theirs,
        "partner_check_in_today": found.theirs_is_today,
        "check_in_reply_form": CheckInReplyForm(),
    }


# At most this many things wait on the list at once; older ones stay for the next look.
FOR_YOU_SHOWN = 20


def for_you(viewer: Viewer) -> list[ForYouItem]:
    """What waits for the viewer, newest first, as they may read it. Showing it is seeing
    it: nothing more is sent outside about these (practices.notifications). Once the
    couple has ended, nothing waits any more."""
    if not viewer.can_write:
        return []
    items = list(
        Notification.objects.for_couple(viewer.couple)
        .waiting_for(viewer.user)
        .select_related(
            "note", "plan", "question__custom", "exchange", "check_in", "gesture", "program_run"
        )
        .order_by("-created_at")[:FOR_YOU_SHOWN]
    )
    asked = {item.question_id for item in items if item.kind == Notification.Kind.ANSWER}
    answered = set(
        Answer.objects.filter(author=viewer.user, question_id__in=asked).values_list(
            "question_id", flat=True
        )
        if asked
        else ()
    )
    dates = {item.plan_id for item in items if item.kind == Notification.Kind.REFLECTION}
    reflected = set(
        Reflection.objects.filter(author=viewer.user, plan_id__in=dates).values_list(
            "plan_id", flat=True
        )
        if dates
        else ()
    )
    discussed = {item.question_id for item in items if item.kind == Notification.Kind.ANSWER_REPLY}
    replies = {
        reply.question_id: reply
        for reply in (
            AnswerReply.objects.filter(question_id__in=discussed).exclude(author=viewer.user)
            if discussed
            else ()
        )
    }
    mark_seen(items)
    return [
        for_you_item(item, viewer, answered=answered, reflected=reflected, replies=replies)
        for item in items
    ]


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
    if before is None and kind in (None, Entry.Kind.NOTE):
        page.newest_received = newest_received(viewer, page)
    return page


def newest_received(viewer: Viewer, page: TimelinePage) -> NoteCard | None:
    """The partner's newest note to the viewer, to show first, unless the journal already
    starts with it: what you received comes before what you wrote."""
    first = page.rows[0].card if page.rows else None
    if isinstance(first, NoteCard) and not first.from_me:
        return None
    note = (
        Note.objects.for_couple(viewer.couple)
        .filter(recipient=viewer.user)
        .order_by("-created_at")
        .first()
    )
    return note_for(viewer=viewer, note=note) if note else None


def note_for(*, viewer: Viewer, note: Note) -> NoteCard:
    """The card of one note (already fetched through the couple door)."""
    attach_reactions([note])
    attach_photos(notes=[note])
    starred = note.stars.filter(user=viewer.user).exists()
    return note_card(
        note,
        viewer,
        starred=starred,
        reacted=note.reacted_kinds,
        photos=photo_cards(note.photo_rows, viewer),
    )


@dataclass(frozen=True)
class OwnQuestion:
    text: str
    added_by: str
    asked: bool


def own_questions(viewer: Viewer) -> list[OwnQuestion]:
    """The couple's own questions, newest first, and whether each was asked yet."""
    questions = (
        CustomQuestion.objects.for_couple(viewer.couple)
        .annotate(asked=Exists(DailyQuestion.objects.filter(custom=OuterRef("pk"))))
        .order_by("-created_at")[:50]
    )
    return [
        OwnQuestion(text=own.text, added_by=viewer.name_of(own.author_id), asked=own.asked)
        for own in questions
    ]


def past_questions(viewer: Viewer, *, words: str) -> list[int]:
    """The days' questions either of them answered, newest first, as ids; with `words`,
    those whose question or answers the viewer may read hold every one of them (the
    partner's unmatched answer is never searched: a match would tell what it says)."""
    questions = list(
        DailyQuestion.objects.for_couple(viewer.couple)
        .filter(skipped=False, answers__isnull=False)
        .distinct()
        .order_by("-day")
        .values_list("pk", "question_index", "custom__text")
    )
    if not words:
        return [pk for pk, _index, _custom in questions]
    readable: dict[int, list[str]] = {}
    answers = (
        Answer.objects.for_couple(viewer.couple)
        .visible_to(viewer.user)
        .values_list("question_id", "text")
    )
    for question_id, text in answers:
        readable.setdefault(question_id, []).append(text)
    needles = words.lower().split()
    found = []
    for pk, index, custom in questions:
        haystack = " ".join([custom or QUESTIONS[index].text, *readable.get(pk, [])]).lower()
        if all(needle in haystack for needle in needles):
            found.append(pk)
    return found


def archive_cards(viewer: Viewer, ids: list[int]) -> list[QuestionCard]:
    """The cards of these days' questions, as the viewer may see them (three queries)."""
    questions = list(
        DailyQuestion.objects.for_couple(viewer.couple)
        .filter(pk__in=ids)
        .select_related("custom")
        .order_by("-day")
    )
    attach_answers(questions, viewer.user)
    return [question_card(question, viewer) for question in questions]


def photos_seen_by(viewer: Viewer):
    """The couple's photos this viewer may see (practices.models.PhotoQuerySet)."""
    return Photo.objects.for_couple(viewer.couple).visible_to(viewer.user)


def answer_photos(viewer: Viewer, mine: Answer | None, theirs: Answer | None) -> dict:
    """{"mine": ..., "theirs": ...}: the photos of the day's answers the viewer may see
    (one query; none without an answer of their own, as nothing of the day is shown)."""
    found: dict[int, list[Photo]] = {answer.pk: [] for answer in (mine, theirs) if answer}
    if mine is not None:
        for row in photos_seen_by(viewer).filter(answer_id__in=found).order_by("created_at"):
            found[row.answer_id].append(row)
    return {
        "mine": photo_cards(found[mine.pk], viewer) if mine else (),
        "theirs": photo_cards(found[theirs.pk], viewer) if theirs else (),
    }
