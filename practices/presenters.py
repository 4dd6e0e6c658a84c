"""What the journal's templates show, prepared once in Python as small typed cards.

A card holds exactly what its partial prints, already decided for the viewer (their
own note or their partner's, what they may press, names as they should read), so that
templates decide nothing about who may do what. Paths and dates are precomputed with
practices.display: on a page of twenty rows, a `{% url %}` or `|date` per row costs more
than the rest of the row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from accounts.couples import partner_name
from accounts.models import Couple, User
from practices import journal
from practices.daily import question_text
from practices.display import (
    action_path,
    day_label,
    machine_time,
    moment_label,
    path_to,
    when_label,
)
from practices.models import (
    AnswerReply,
    CheckIn,
    DailyQuestion,
    Entry,
    Exchange,
    Gesture,
    Note,
    Notification,
    Photo,
    Plan,
    Reaction,
    Reflection,
)
from practices.notifications import item_url
from practices.programs import PROGRAMS_BY_SLUG

# Our own 24×24 line icons (no emoji font or icon font is assumed on the device).
REACTION_ICONS = {
    "heart": "M12 20s-7-4.4-8.7-8.8C2.1 7.9 4.2 5 7.2 5c1.9 0 3.2 1 4.8 2.9C13.6 6 14.9 5 16.8 5"
    "c3 0 5.1 2.9 3.9 6.2C19 15.6 12 20 12 20z",
    "hug": "M8 4.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z"
    " M16 4.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z"
    " M3 20c0-3.5 2.2-6 5-6c1.6 0 3 .8 4 2c1-1.2 2.4-2 4-2c2.8 0 5 2.5 5 6",
    "smile": "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M8 14c1 1.6 2.4 2.4 4 2.4s3-.8 4-2.4"
    " M9 9.5v.5 M15 9.5v.5",
    "thanks": "M12 3l2.2 6.3L20.5 11l-6.3 2.2L12 19.5l-2.2-6.3L3.5 11l6.3-1.7z",
}


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who is looking: the names every card uses come from here and nowhere else."""

    user: User
    partner: User | None
    couple: Couple | None

    @classmethod
    def of(cls, request: HttpRequest) -> Viewer:
        return cls(user=request.user, partner=request.partner, couple=request.couple)

    @property
    def can_write(self) -> bool:
        return self.couple is not None and self.couple.is_active

    @property
    def partner_label(self) -> str:
        """The partner mid-sentence, as every page names them (accounts.couples)."""
        return partner_name(self.partner, self.couple)

    def name_of(self, user_id: int | None) -> str:
        """A person at the start of a sentence, as the author of something: "You", the
        partner's name, or the name of a partner whose account is gone (else "Your former
        partner")."""
        return capfirst(self.mention(user_id))

    def mention(self, user_id: int | None) -> str:
        """The same person mid-sentence: "you", "Sam", "your former partner"."""
        if user_id == self.user.pk:
            return "you"
        if self.partner and user_id == self.partner.pk:
            return self.partner.display_name
        return self.partner_label


@dataclass(frozen=True, slots=True)
class ReactionButton:
    kind: str
    label: str
    icon: str
    on: bool


@dataclass(frozen=True, slots=True)
class PhotoCard:
    key: str
    alt_text: str
    width: int
    height: int
    # The sizes exist (the worker made them); until then the page shows a placeholder.
    ready: bool
    thumb_url: str
    display_url: str
    original_url: str
    page_url: str
    # The person who added it describes or deletes it.
    mine: bool


def photo_card(photo: Photo, viewer: Viewer) -> PhotoCard:
    return PhotoCard(
        key=photo.key,
        alt_text=photo.alt_text,
        width=photo.width,
        height=photo.height,
        ready=photo.is_ready,
        thumb_url=path_to("practices:photo_thumb", photo.key),
        display_url=path_to("practices:photo_display", photo.key),
        original_url=path_to("practices:photo_original", photo.key),
        page_url=path_to("practices:photo", photo.key),
        mine=photo.uploaded_by_id == viewer.user.pk and viewer.can_write,
    )


def photo_cards(photos, viewer: Viewer) -> tuple[PhotoCard, ...]:
    return tuple(photo_card(photo, viewer) for photo in photos)


@dataclass(frozen=True, slots=True)
class NoteCard:
    pk: int
    text: str
    category_label: str
    created_at: dt.datetime
    # For <time datetime>: whole seconds, as HTML wants them.
    created_iso: str
    created_label: str
    edited: bool
    from_me: bool
    author_name: str
    recipient_name: str
    is_new: bool
    # For its author: the partner has opened it.
    read_by_partner: bool
    starred: bool
    can_react: bool
    can_edit: bool
    reactions: list[ReactionButton]
    detail_url: str
    react_url: str
    star_url: str
    edit_url: str
    photos: tuple[PhotoCard, ...]


def note_card(
    note: Note,
    viewer: Viewer,
    *,
    starred: bool,
    reacted: set[str],
    photos: tuple[PhotoCard, ...] = (),
) -> NoteCard:
    can_react = note.recipient_id == viewer.user.pk and viewer.can_write
    return NoteCard(
        pk=note.pk,
        text=note.text,
        category_label=note.get_category_display() if note.category else "",
        created_at=note.created_at,
        created_iso=machine_time(note.created_at),
        created_label=moment_label(note.created_at),
        edited=note.edited_at is not None,
        from_me=note.author_id == viewer.user.pk,
        author_name=viewer.name_of(note.author_id),
        recipient_name=viewer.mention(note.recipient_id),
        is_new=note.recipient_id == viewer.user.pk and note.read_at is None,
        read_by_partner=note.author_id == viewer.user.pk and note.read_at is not None,
        starred=starred,
        can_react=can_react,
        # Not in an archive: nothing can be changed there.
        can_edit=viewer.can_write and journal.can_edit_note(note, viewer.user),
        reactions=[
            ReactionButton(kind, label, REACTION_ICONS[kind], kind in reacted)
            for kind, label in Reaction.Kind.choices
            if can_react or kind in reacted
        ],
        detail_url=path_to("practices:note_detail", note.pk),
        react_url=path_to("practices:note_react", note.pk),
        star_url=path_to("practices:note_star", note.pk),
        edit_url=path_to("practices:note_edit", note.pk),
        photos=photos,
    )


@dataclass(frozen=True, slots=True)
class PlanCard:
    pk: int
    title: str
    status: str
    status_label: str
    tech_free: bool
    place: str
    day: dt.date | None
    starts_at: dt.datetime | None
    starts_iso: str
    when_label: str
    creator_name: str
    created_label: str
    detail_url: str
    photos: tuple[PhotoCard, ...]


def plan_card(plan: Plan, viewer: Viewer, *, photos: tuple[PhotoCard, ...] = ()) -> PlanCard:
    if plan.starts_at:
        when = moment_label(plan.starts_at)
    else:
        when = day_label(plan.day) if plan.day else "No date yet"
    return PlanCard(
        pk=plan.pk,
        title=plan.title,
        status=plan.status,
        status_label=plan.get_status_display(),
        tech_free=plan.tech_free,
        place=plan.place,
        day=plan.day,
        starts_at=plan.starts_at,
        starts_iso=machine_time(plan.starts_at) if plan.starts_at else "",
        when_label=when,
        creator_name=viewer.name_of(plan.created_by_id),
        created_label=day_label(timezone.localtime(plan.created_at).date()),
        detail_url=path_to("practices:plan_detail", plan.pk),
        photos=photos,
    )


@dataclass(frozen=True, slots=True)
class ReflectionCard:
    author_name: str
    plan_title: str
    plan_url: str
    # The text and rating are None unless the viewer may read them.
    enjoyed: str | None
    rating: int | None
    created_label: str


def reflection_card(reflection: Reflection, viewer: Viewer, *, shown: bool) -> ReflectionCard:
    return ReflectionCard(
        author_name=viewer.name_of(reflection.author_id),
        plan_title=reflection.plan.title,
        plan_url=path_to("practices:plan_detail", reflection.plan_id),
        enjoyed=reflection.enjoyed if shown else None,
        rating=reflection.rating if shown else None,
        created_label=day_label(timezone.localtime(reflection.created_at).date()),
    )


@dataclass(frozen=True, slots=True)
class ReplyLine:
    """One partner's word back on the other's answer."""

    name: str
    text: str
    reaction_label: str


def reply_line(reply: AnswerReply, viewer: Viewer) -> ReplyLine:
    return ReplyLine(
        name=viewer.name_of(reply.author_id),
        text=reply.text,
        reaction_label=reply.get_reaction_display() if reply.reaction else "",
    )


@dataclass(frozen=True, slots=True)
class QuestionCard:
    text: str
    day_label: str
    day_url: str
    mine: str | None
    theirs: str | None  # present only once both have answered
    partner_answered: bool
    replies: list[ReplyLine]


def question_card(pinned: DailyQuestion, viewer: Viewer) -> QuestionCard:
    by_author = dict(pinned.answer_rows)
    mine = by_author.pop(viewer.user.pk, None)
    return QuestionCard(
        text=question_text(pinned),
        day_label=f"{pinned.day.day} {pinned.day:%b}",
        day_url=path_to("practices:question_day", pinned.day.isoformat()),
        mine=mine,
        theirs=next(iter(by_author.values()), None),  # None until the viewer may read it
        partner_answered=bool(by_author),
        replies=[reply_line(reply, viewer) for reply in pinned.reply_rows],
    )


@dataclass(frozen=True, slots=True)
class ExchangeCard:
    listener_name: str
    speaker_name: str
    about_me: bool
    heard: str
    reply: str
    addition: str
    created_label: str
    # Not answered yet: the speaker may answer it (on the empathy page), the listener waits.
    can_answer: bool
    answer_url: str


def exchange_card(exchange: Exchange, viewer: Viewer) -> ExchangeCard:
    about_me = exchange.speaker_id == viewer.user.pk
    return ExchangeCard(
        listener_name=viewer.name_of(exchange.listener_id),
        speaker_name=viewer.name_of(exchange.speaker_id),
        about_me=about_me,
        heard=exchange.heard,
        reply=exchange.reply,
        addition=exchange.addition,
        created_label=day_label(timezone.localtime(exchange.created_at).date()),
        can_answer=about_me and not exchange.reply and viewer.can_write,
        answer_url=action_path("empathy"),
    )


@dataclass(frozen=True, slots=True)
class CheckInCard:
    author_name: str
    mine: bool
    mood_label: str
    need: str
    reply: str
    # Who replied: the other one of the two.
    replier_name: str
    day_label: str
    can_reply: bool
    reply_url: str


def check_in_card(check: CheckIn, viewer: Viewer) -> CheckInCard:
    mine = check.author_id == viewer.user.pk
    return CheckInCard(
        author_name=viewer.name_of(check.author_id),
        mine=mine,
        mood_label=check.get_mood_display().lower(),
        need=check.need,
        reply=check.reply,
        replier_name="You" if not mine else (viewer.partner_label),
        day_label=day_label(check.day),
        can_reply=not mine and not check.reply and viewer.can_write,
        reply_url=action_path("well-being"),
    )


@dataclass(frozen=True, slots=True)
class TimelineRow:
    pk: int
    kind: str
    card: NoteCard | PlanCard | ReflectionCard | QuestionCard | ExchangeCard | CheckInCard


def timeline_rows(entries: list[Entry], viewer: Viewer) -> list[TimelineRow]:
    rows = []
    for entry in entries:
        if entry.note_id:
            card = note_card(
                entry.note,
                viewer,
                starred=entry.note_starred,
                reacted=entry.note.reacted_kinds,
                photos=photo_cards(entry.note.photo_rows, viewer),
            )
        elif entry.plan_id:
            card = plan_card(entry.plan, viewer, photos=photo_cards(entry.plan.photo_rows, viewer))
        elif entry.reflection_id:
            card = reflection_card(entry.reflection, viewer, shown=entry.reflection_shown)
        elif entry.question_id:
            card = question_card(entry.question, viewer)
        elif entry.check_in_id:
            card = check_in_card(entry.check_in, viewer)
        else:
            card = exchange_card(entry.exchange, viewer)
        rows.append(TimelineRow(pk=entry.pk, kind=entry.kind, card=card))
    return rows


@dataclass
class TimelinePage:
    rows: list[TimelineRow]
    next_cursor: str | None
    # How long the rendered page stays true: until its first Edit link lapses.
    seconds_valid: int | None = field(default=None)
    # The partner's newest note to the viewer, when the page does not start with it.
    newest_received: NoteCard | None = None


# The "for you" list ------------------------------------------------------------------

GESTURE_SENTENCES = {
    Gesture.Kind.THINKING: "{name} is thinking of you.",
    Gesture.Kind.MISS: "{name} misses you.",
    Gesture.Kind.PROUD: "{name} is proud of you.",
    Gesture.Kind.HUG: "{name} sends you a hug.",
}


@dataclass(frozen=True, slots=True)
class ForYouItem:
    """One thing the partner did that waits for the viewer, as one sentence and one tap."""

    pk: int
    kind: str
    sentence: str
    # Words the viewer may read here: the partner's reply, what they need; else "".
    quote: str
    action_label: str
    action_url: str
    when_label: str
    # A sign is answered with one of the same kind, right from the list.
    gesture_kind: str
    dismiss_url: str


def for_you_item(
    item: Notification,
    viewer: Viewer,
    *,
    answered: set[int],
    reflected: set[int],
    replies: dict[int, AnswerReply],
) -> ForYouItem:
    name = viewer.partner_label
    Name = capfirst(name)
    sentence, quote, action, url = "", "", "Open", "/"
    kind = item.kind
    if kind == Notification.Kind.NOTE:
        sentence, action, url = f"{Name} wrote you a note.", "Read it", item_url(item)
    elif kind == Notification.Kind.ANSWER:
        whose = day_word(item.question.day)
        url = path_to("practices:question_day", item.question.day.isoformat())
        if item.question_id in answered:
            sentence, action = f"{Name} answered {whose} question too.", "Read both answers"
        else:
            sentence, action = f"{Name} answered {whose} question. Answer to see theirs.", "Answer"
    elif kind == Notification.Kind.CHECK_IN:
        check = item.check_in
        sentence = f"{Name} checked in: feeling {check.get_mood_display().lower()}."
        quote = f"What would help: {check.need}" if check.need else ""
        action, url = "Reply", action_path("well-being")
    elif kind == Notification.Kind.CHECK_IN_REPLY:
        sentence, quote = f"{Name} replied to your check-in:", item.check_in.reply
        action, url = "See your check-in", action_path("well-being")
    elif kind == Notification.Kind.EXCHANGE:
        sentence = f"{Name} reflected back what they heard you feel:"
        quote, action, url = item.exchange.heard, "Is that it?", action_path("empathy")
    elif kind == Notification.Kind.EXCHANGE_REPLY:
        if item.exchange.reply == Exchange.Reply.YES:
            sentence = f"{Name} read what you heard: “Yes, that's it.”"
        else:
            sentence, quote = f"{Name} added what you missed:", item.exchange.addition
        action, url = "See it", action_path("empathy")
    elif kind == Notification.Kind.REFLECTION:
        url = path_to("practices:plan_detail", item.plan_id)
        if item.plan_id in reflected:
            sentence, action = f"{Name} reflected on {item.plan.title} too.", "Read both"
        else:
            sentence = f"{Name} reflected on {item.plan.title}. Write yours to see theirs."
            action = "Reflect"
    elif kind in (Notification.Kind.PLAN_NEW, Notification.Kind.PLAN_CHANGED):
        card = plan_card(item.plan, viewer)
        verb = "planned" if kind == Notification.Kind.PLAN_NEW else "changed"
        when = f" ({card.when_label})" if card.day else ""
        sentence = f"{Name} {verb} {card.title}{when}."
        action, url = "Open the plan", card.detail_url
    elif kind == Notification.Kind.DATE_TOMORROW:
        card = plan_card(item.plan, viewer)
        at = f" at {timezone.localtime(card.starts_at):%H:%M}" if card.starts_at else ""
        sentence, action, url = f"Tomorrow: {card.title}{at}.", "Open the plan", card.detail_url
    elif kind == Notification.Kind.ANSWER_REPLY:
        said = replies.get(item.question_id)
        url = path_to("practices:question_day", item.question.day.isoformat())
        action = "See it"
        if said and said.text:
            sentence, quote = f"{Name} replied to your answer:", said.text
        elif said:
            sentence = f"{Name} sent a {said.get_reaction_display().lower()} for your answer."
    elif kind == Notification.Kind.PROGRAM:
        sentence = f"{Name} started “{program_title(item.program_run.program)}” for you two."
        action, url = "See day 1", path_to("practices:program", item.program_run.program)
    elif kind == Notification.Kind.PROGRAM_STOPPED:
        title = program_title(item.program_run.program)
        sentence = f"{Name} stopped “{title}”. Start another whenever you like."
        action, url = "See the programs", item_url(item)
    elif kind == Notification.Kind.PHOTO:
        if item.note_id:
            sentence = f"{Name} added a photo to their note to you."
        elif item.plan_id:
            sentence = f"{Name} added a photo to {item.plan.title}."
        else:
            sentence = f"{Name} added a photo to their answer."
        action, url = "See it", item_url(item)
    elif kind == Notification.Kind.GESTURE:
        sentence = GESTURE_SENTENCES[item.gesture.kind].format(name=Name)
        action, url = "Send one back", reverse("practices:gesture_send")
    return ForYouItem(
        pk=item.pk,
        kind=kind,
        sentence=sentence,
        quote=quote,
        action_label=action,
        action_url=url,
        when_label=when_label(item.created_at),
        gesture_kind=item.gesture.kind if item.gesture_id else "",
        dismiss_url=path_to("practices:dismiss", item.pk),
    )


def program_title(slug: str) -> str:
    program = PROGRAMS_BY_SLUG.get(slug)
    return program.title if program else "a program"


def day_word(day: dt.date) -> str:
    today = timezone.localdate()
    if day == today:
        return "today's"
    if day == today - dt.timedelta(days=1):
        return "yesterday's"
    return f"{day:%A}'s"
