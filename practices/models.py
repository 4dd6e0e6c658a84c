"""The shared journal. Every model here belongs to one couple and is read through
`Model.objects.for_couple(request.couple)` (see accounts.couples)."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import Range
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import LazyObject, empty

from accounts.couples import CoupleOwnedQuerySet
from accounts.models import Couple

NOTE_MAX_LENGTH = 2000
PLAN_TEXT_MAX_LENGTH = 2000
REFLECTION_MAX_LENGTH = 1000
ANSWER_MAX_LENGTH = 1000
EXCHANGE_MAX_LENGTH = 1000
CHECK_IN_REPLY_MAX_LENGTH = 300
ANSWER_REPLY_MAX_LENGTH = 300
PHOTO_ALT_MAX_LENGTH = 300


def length_between(field: str, low: int, high: int) -> models.Q:
    return models.Q(Range(Length(field), (low, high)))


# Who sees what: one rule per kind of item, used by every page, fragment, export, feed and
# email. Most of a couple's items are seen by both partners (`for_couple`); the three
# below are not, and every read of them goes through `visible_to`.


class MatchedQuerySet(CoupleOwnedQuerySet):
    """Items each partner writes on their own about one shared thing (a day's question, a
    date they had): the viewer's own, and the partner's only once the viewer wrote theirs
    too. An unmatched one stays hidden, also after the couple ends."""

    shared_thing: str
    author_field = "author"

    def visible_to(self, viewer) -> MatchedQuerySet:
        return self.filter(self._shown_to(viewer))

    def with_shown(self, viewer) -> MatchedQuerySet:
        """All of them, each with `shown`: whether the viewer may read it. For pages that
        tell the viewer the partner wrote one ("answer to see theirs") without its words."""
        return self.annotate(
            shown=models.ExpressionWrapper(
                self._shown_to(viewer), output_field=models.BooleanField()
            )
        )

    def _shown_to(self, viewer) -> models.Q:
        mine = self.model.objects.filter(
            **{self.shared_thing: models.OuterRef(self.shared_thing), self.author_field: viewer}
        )
        return models.Q(**{self.author_field: viewer}) | models.Exists(mine)


class AnswerQuerySet(MatchedQuerySet):
    shared_thing = "question"


class ReflectionQuerySet(MatchedQuerySet):
    shared_thing = "plan"


class AffectionQuerySet(CoupleOwnedQuerySet):
    def visible_to(self, viewer) -> AffectionQuerySet:
        """A private self-log: only its author ever sees it."""
        return self.filter(user=viewer)


class Note(models.Model):
    """An appreciation note from one partner to the other (practice 4)."""

    class Category(models.TextChoices):
        ACTION = "action", "Something you did"
        TRAIT = "trait", "Who you are"
        EFFORT = "effort", "An effort you made"

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notes_written"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="notes_received",
    )
    text = models.TextField(max_length=NOTE_MAX_LENGTH)
    category = models.CharField(max_length=10, choices=Category.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=length_between("text", 1, NOTE_MAX_LENGTH), name="note_text_length"
            ),
        ]
        indexes = [
            # Unread badge: WHERE recipient_id = ? AND read_at IS NULL (a count)
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="note_unread_by_recipient",
            ),
            # Remember-when card: WHERE couple_id = ? AND created_at < ? AND id >= ? ORDER BY id
            models.Index(fields=["couple", "id"], name="note_couple_id"),
            # A month's picture: WHERE couple_id = ? AND created_at BETWEEN ? AND ?, counted
            # by author (in the index: no row lookup per note)
            models.Index(fields=["couple", "created_at", "author"], name="note_couple_created"),
        ]

    def __str__(self) -> str:
        return f"Note {self.pk}"


class Reaction(models.Model):
    """The recipient's reaction to a note; each kind toggles on and off."""

    class Kind(models.TextChoices):
        HEART = "heart", "Heart"
        HUG = "hug", "Hug"
        SMILE = "smile", "Smile"
        THANKS = "thanks", "Thank you"

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["note", "user", "kind"], name="reaction_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} on note {self.note_id}"


class Star(models.Model):
    """A partner keeps a note as a keepsake."""

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="stars")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["note", "user"], name="star_once")]

    def __str__(self) -> str:
        return f"Star on note {self.note_id}"


class Plan(models.Model):
    """Quality time the two plan together (practice 3). Both partners may edit it."""

    class Status(models.TextChoices):
        IDEA = "idea", "Idea"
        PLANNED = "planned", "Planned"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "Cancelled"

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(max_length=120)
    description = models.TextField(max_length=PLAN_TEXT_MAX_LENGTH, blank=True)
    # A date alone is a whole day in the couple's life; with a time it is an instant,
    # stored in UTC (starts_at) and shown in each viewer's own time zone.
    day = models.DateField(null=True, blank=True)
    starts_at = models.DateTimeField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.IDEA)
    # Chosen for a plan (an idea may suggest it), never assumed: a reminder says "phone-free"
    # only of a plan someone marked so.
    tech_free = models.BooleanField("tech-free", default=False)
    idea_slug = models.SlugField(max_length=80, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Optimistic locking: a save names the version it started from.
    version = models.PositiveIntegerField(default=1)

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["idea", "planned", "done", "cancelled"]),
                name="plan_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(starts_at__isnull=True) | models.Q(day__isnull=False),
                name="plan_time_needs_a_day",
            ),
            models.CheckConstraint(
                condition=length_between("title", 1, 120), name="plan_title_length"
            ),
        ]
        indexes = [
            # Upcoming: WHERE couple_id = ? AND status IN (...) AND day >= ? ORDER BY day
            models.Index(fields=["couple", "status", "day"], name="plan_couple_status_day"),
            # A month's picture: WHERE couple_id = ? AND created_at BETWEEN ? AND ?
            models.Index(fields=["couple", "created_at"], name="plan_couple_created"),
        ]

    def __str__(self) -> str:
        return self.title


class Reflection(models.Model):
    """What one partner enjoyed about a plan that is done, and a 1–5 rating."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reflections")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    enjoyed = models.TextField(max_length=REFLECTION_MAX_LENGTH)
    rating = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = ReflectionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "author"], name="one_reflection_each"),
            models.CheckConstraint(condition=models.Q(rating__range=(1, 5)), name="rating_1_to_5"),
            models.CheckConstraint(
                condition=length_between("enjoyed", 1, REFLECTION_MAX_LENGTH),
                name="reflection_length",
            ),
        ]

    def __str__(self) -> str:
        return f"Reflection on plan {self.plan_id}"


class CustomIdea(models.Model):
    """An idea a couple added to their own ideas library."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=120)
    description = models.TextField(max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["couple", "-created_at"], name="idea_couple_recent")]

    def __str__(self) -> str:
        return self.title


class CustomQuestion(models.Model):
    """A question a couple added to their own pool of daily questions."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    # Its author's words: they go with the author's account (the daily questions it was
    # asked on too, as a reply goes with what it answers).
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=200)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=length_between("text", 1, 200), name="custom_question_length"
            ),
        ]
        indexes = [models.Index(fields=["couple", "created_at"], name="custom_question_couple")]

    def __str__(self) -> str:
        return f"Custom question {self.pk}"


class DailyQuestion(models.Model):
    """The question a couple was given for one day, pinned the first time either of them
    sees it, so that both get the same one (practices.daily)."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    # Position in practices.questions.QUESTIONS (append-only, so positions are stable), or
    # one of the couple's own questions.
    question_index = models.PositiveIntegerField(null=True, blank=True)
    custom = models.ForeignKey(
        CustomQuestion, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Set aside unanswered for another (once a day): still counts as asked this year.
    skipped = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "day"],
                condition=models.Q(skipped=False),
                name="one_question_per_couple_day",
            ),
            models.UniqueConstraint(
                fields=["couple", "day"],
                condition=models.Q(skipped=True),
                name="one_skip_per_couple_day",
            ),
            models.CheckConstraint(
                condition=models.Q(question_index__isnull=True, custom__isnull=False)
                | models.Q(question_index__isnull=False, custom__isnull=True),
                name="daily_question_from_the_pool_or_their_own",
            ),
        ]

    def __str__(self) -> str:
        return f"Question of {self.day}"


class Answer(models.Model):
    """One partner's private answer; the other sees it once both have answered."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(DailyQuestion, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=ANSWER_MAX_LENGTH)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "author"], name="one_answer_each"),
            models.CheckConstraint(
                condition=length_between("text", 1, ANSWER_MAX_LENGTH), name="answer_length"
            ),
        ]

    def __str__(self) -> str:
        return f"Answer to {self.question_id}"


class AnswerReply(models.Model):
    """One partner's word back on the other's answer, once both answered: a few words, a
    reaction, or both. One each per day's question."""

    class Reaction(models.TextChoices):
        NONE = "", "No reaction"
        HEART = "heart", "Heart"
        HUG = "hug", "Hug"
        SMILE = "smile", "Smile"
        THANKS = "thanks", "Thank you"

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(DailyQuestion, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=ANSWER_REPLY_MAX_LENGTH, blank=True)
    reaction = models.CharField(max_length=10, choices=Reaction.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "author"], name="one_reply_each"),
            models.CheckConstraint(
                condition=~models.Q(text="", reaction=""), name="a_reply_says_something"
            ),
            models.CheckConstraint(
                condition=models.Q(reaction__in=["", "heart", "hug", "smile", "thanks"]),
                name="answer_reply_reaction_known",
            ),
        ]

    def __str__(self) -> str:
        return f"Reply on question {self.question_id}"


class Exchange(models.Model):
    """Empathy's reflect-back: one partner writes what they heard the other feel."""

    class Reply(models.TextChoices):
        PENDING = "", "Waiting for a reply"
        YES = "yes", "Yes, that's it"
        ADDED = "added", "Added what was missed"

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    listener = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    speaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    heard = models.TextField(max_length=EXCHANGE_MAX_LENGTH)
    reply = models.CharField(max_length=5, choices=Reply.choices, blank=True)
    addition = models.TextField(max_length=EXCHANGE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    replied_at = models.DateTimeField(null=True, blank=True)

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=length_between("heard", 1, EXCHANGE_MAX_LENGTH), name="heard_length"
            ),
            models.CheckConstraint(
                condition=models.Q(reply__in=["", "yes", "added"]), name="exchange_reply_known"
            ),
        ]

    def __str__(self) -> str:
        return f"Exchange {self.pk}"


class AffectionDay(models.Model):
    """A private, gentle tick: the closeness one partner noticed on one day. Never a score."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    hug = models.BooleanField(default=False)
    kiss = models.BooleanField(default=False)
    held_hands = models.BooleanField("held hands", default=False)
    cuddle = models.BooleanField(default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = AffectionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "user", "day"], name="one_affection_tick_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"Affection on {self.day}"


class CheckIn(models.Model):
    """Practice 6: how one partner feels today, what they need, and the other's reply."""

    class Mood(models.IntegerChoices):
        HEAVY = 1, "Heavy"
        LOW = 2, "A bit low"
        OKAY = 3, "Okay"
        GOOD = 4, "Good"
        BRIGHT = 5, "Bright"

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    mood = models.PositiveSmallIntegerField(choices=Mood.choices)
    need = models.TextField("what I need from you today", max_length=500, blank=True)
    reply = models.TextField(max_length=CHECK_IN_REPLY_MAX_LENGTH, blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["couple", "author", "day"], name="one_check_in_a_day"),
            models.CheckConstraint(condition=models.Q(mood__range=(1, 5)), name="mood_1_to_5"),
        ]
        indexes = [
            # Dashboard: WHERE couple_id = ? AND day >= ? ORDER BY day DESC
            models.Index(fields=["couple", "-day"], name="check_in_couple_day"),
        ]

    def __str__(self) -> str:
        return f"Check-in on {self.day}"


class PracticeLog(models.Model):
    """That a partner did a practice on a day: what the progress marks are counted from."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    practice = models.CharField(max_length=20)
    day = models.DateField()

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "user", "practice", "day"], name="practice_once_a_day"
            ),
        ]
        indexes = [
            # Progress: WHERE couple_id = ? AND day >= ? (last four weeks)
            models.Index(fields=["couple", "day"], name="practice_log_couple_day"),
        ]

    def __str__(self) -> str:
        return f"{self.practice} on {self.day}"


ENTRY_TARGETS = ("note", "plan", "reflection", "question", "exchange", "check_in")


def one_target_per_kind() -> models.Q:
    condition = models.Q()
    for kind in ENTRY_TARGETS:
        others = {f"{other}__isnull": True for other in ENTRY_TARGETS if other != kind}
        condition |= models.Q(kind=kind, **{f"{kind}__isnull": False}, **others)
    return condition


class Entry(models.Model):
    """One line of the journal timeline, pointing at the note, plan, answer, reflection,
    reflect-back or check-in it shows.

    The timeline reads only this table (keyset-paginated on occurred_at, id), so that a
    page costs the same however many entries a couple has.
    """

    class Kind(models.TextChoices):
        NOTE = "note", "Note"
        PLAN = "plan", "Plan"
        REFLECTION = "reflection", "Reflection"
        QUESTION = "question", "Daily question"
        EXCHANGE = "exchange", "Reflect back"
        CHECK_IN = "check_in", "Check-in"

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    occurred_at = models.DateTimeField(default=timezone.now)
    note = models.OneToOneField(Note, null=True, on_delete=models.CASCADE, related_name="entry")
    plan = models.OneToOneField(Plan, null=True, on_delete=models.CASCADE, related_name="entry")
    reflection = models.OneToOneField(
        Reflection, null=True, on_delete=models.CASCADE, related_name="entry"
    )
    question = models.OneToOneField(
        DailyQuestion, null=True, on_delete=models.CASCADE, related_name="entry"
    )
    exchange = models.OneToOneField(
        Exchange, null=True, on_delete=models.CASCADE, related_name="entry"
    )
    check_in = models.OneToOneField(
        CheckIn, null=True, on_delete=models.CASCADE, related_name="entry"
    )

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            # Exactly one target, and the one its kind names.
            models.CheckConstraint(condition=one_target_per_kind(), name="entry_has_one_target"),
        ]
        indexes = [
            # Timeline "all": WHERE couple_id = ? AND (occurred_at, id) < (?, ?)
            #                 ORDER BY occurred_at DESC, id DESC LIMIT 21
            models.Index(fields=["couple", "-occurred_at", "-id"], name="entry_timeline"),
            # Timeline filtered: the same with AND kind = ?
            models.Index(
                fields=["couple", "kind", "-occurred_at", "-id"], name="entry_timeline_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} entry {self.pk}"


class ReminderSent(models.Model):
    """A reminder email that was queued: the unique key is what makes queueing idempotent."""

    class Kind(models.TextChoices):
        PLAN_TOMORROW = "plan", "A planned date tomorrow"
        WEEKLY_THANKS = "thanks", "Weekly thank-you nudge"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # What the reminder was about: "plan:<id>:<date>" or "week:<ISO year>-W<week>".
    key = models.CharField(max_length=64)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="reminder_sent_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class Gesture(models.Model):
    """ "Thinking of you": a sign from one partner to the other in one tap, no words needed.
    A few a day at most (practices.notifications.GESTURES_PER_DAY): a sign, not a stream."""

    class Kind(models.TextChoices):
        THINKING = "thinking", "Thinking of you"
        MISS = "miss", "Miss you"
        PROUD = "proud", "Proud of you"
        HUG = "hug", "A hug"

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["thinking", "miss", "proud", "hug"]),
                name="gesture_kind_known",
            ),
        ]
        indexes = [
            # The daily limit: WHERE author_id = ? AND created_at >= ?
            models.Index(fields=["author", "created_at"], name="gesture_author_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} from {self.author_id}"


class NotificationQuerySet(CoupleOwnedQuerySet):
    def waiting_for(self, user) -> NotificationQuerySet:
        """What the "for you" list shows `user`: open, and not past its time."""
        return self.filter(recipient=user, done_at=None).filter(
            models.Q(expires_at=None) | models.Q(expires_at__gt=timezone.now())
        )


class Notification(models.Model):
    """Something one partner did that the other should hear of: an item of their "for you"
    list until they act on it or dismiss it, and what push and email digests tell them
    (who and what kind; the words stay in the app). practices.notifications writes them.
    """

    class Kind(models.TextChoices):
        NOTE = "note", "A note"
        ANSWER = "answer", "An answer to the day's question"
        CHECK_IN = "check_in", "A check-in"
        CHECK_IN_REPLY = "check_in_reply", "A reply to a check-in"
        EXCHANGE = "exchange", "A reflect-back"
        EXCHANGE_REPLY = "exchange_reply", "A reply to a reflect-back"
        REFLECTION = "reflection", "A reflection on a date"
        PLAN_NEW = "plan_new", "A new plan"
        PLAN_CHANGED = "plan_changed", "A changed plan"
        DATE_TOMORROW = "date_tomorrow", "A date tomorrow"
        GESTURE = "gesture", "Thinking of you"
        ANSWER_REPLY = "answer_reply", "A reply to an answer"
        PROGRAM = "program", "A program started"
        PROGRAM_STOPPED = "program_stopped", "A program stopped"
        PHOTO = "photo", "A photo"

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # Who did it; nobody for what the calendar brings (a date tomorrow).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # What it is about: one of these, and `key` names it ("note:12", "date:3:2031-03-09"),
    # so that more news of one thing refreshes one item instead of adding another.
    key = models.CharField(max_length=60)
    note = models.ForeignKey(Note, null=True, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, null=True, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(
        DailyQuestion, null=True, on_delete=models.CASCADE, related_name="+"
    )
    exchange = models.ForeignKey(Exchange, null=True, on_delete=models.CASCADE, related_name="+")
    check_in = models.ForeignKey(CheckIn, null=True, on_delete=models.CASCADE, related_name="+")
    gesture = models.ForeignKey(Gesture, null=True, on_delete=models.CASCADE, related_name="+")
    program_run = models.ForeignKey(
        "ProgramRun", null=True, on_delete=models.CASCADE, related_name="+"
    )
    # When it last happened (news of the same thing moves it back to the top).
    created_at = models.DateTimeField(default=timezone.now)
    # When its recipient first saw it in the app: nothing is sent outside for what was seen.
    seen_at = models.DateTimeField(null=True, blank=True)
    # When they acted on it or dismissed it: off the list.
    done_at = models.DateTimeField(null=True, blank=True)
    # Past this, it no longer asks anything (a day that cannot be answered any more).
    expires_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=models.Q(done_at=None),
                name="one_open_notification_per_thing",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=[
                        "note",
                        "answer",
                        "check_in",
                        "check_in_reply",
                        "exchange",
                        "exchange_reply",
                        "reflection",
                        "plan_new",
                        "plan_changed",
                        "date_tomorrow",
                        "gesture",
                        "answer_reply",
                        "program",
                        "program_stopped",
                        "photo",
                    ]
                ),
                name="notification_kind_known",
            ),
        ]
        indexes = [
            # The list and the nav's count: WHERE recipient_id = ? AND done_at IS NULL
            #                                ORDER BY created_at DESC
            models.Index(
                fields=["recipient", "-created_at"],
                condition=models.Q(done_at=None),
                name="notification_waiting",
            ),
            # The digest: WHERE recipient_id = ? AND created_at >= ? AND seen_at IS NULL
            models.Index(fields=["recipient", "created_at"], name="notification_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}"


class ProgramRun(models.Model):
    """A guided program (practices.programs) the two of them are doing: either starts it,
    either may pause or stop it; each partner goes through its days at their own pace."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    program = models.SlugField(max_length=60)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    # While paused no new day opens, for either of them.
    paused_at = models.DateTimeField(null=True, blank=True)
    # Finished by both, or stopped: a new one may start.
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple"], condition=models.Q(ended_at=None), name="one_program_at_a_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.program} from {self.started_at:%Y-%m-%d}"


class ProgramStep(models.Model):
    """One partner did one day of a program, on a day of their own calendar."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="+")
    run = models.ForeignKey(ProgramRun, on_delete=models.CASCADE, related_name="steps")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.PositiveSmallIntegerField()
    # Their own date when they did it: the next day opens at their next local midnight.
    local_date = models.DateField()
    done_at = models.DateTimeField(default=timezone.now)

    objects = CoupleOwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "user", "day"], name="a_program_day_once"),
            models.CheckConstraint(condition=models.Q(day__gte=1), name="program_days_from_one"),
        ]
        indexes = [
            # A month's picture: WHERE couple_id = ? AND done_at BETWEEN ? AND ?
            models.Index(fields=["couple", "done_at"], name="program_step_couple_done"),
        ]

    def __str__(self) -> str:
        return f"Day {self.day} of {self.run_id}"


class QuestionSettings(models.Model):
    """Which decks a couple's daily question comes from (practices.questions.DECKS);
    none chosen is all of them."""

    couple = models.OneToOneField(
        Couple, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    decks = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = CoupleOwnedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Question decks of {self.couple_id}"


class PhotoStorage(LazyObject):
    """settings.STORAGES["photos"], looked up when first used (and again after a test
    changes STORAGES), as django.core.files.storage.default_storage is for "default"."""

    def _setup(self) -> None:
        self._wrapped = storages["photos"]


PHOTOS = PhotoStorage()


@receiver(setting_changed)
def forget_photo_storage(*, setting: str, **kwargs) -> None:
    if setting == "STORAGES":
        PHOTOS._wrapped = empty


def photo_storage() -> PhotoStorage:
    # A callable, so that migrations name it rather than the storage of the day.
    return PHOTOS


class PhotoQuerySet(CoupleOwnedQuerySet):
    def visible_to(self, viewer) -> PhotoQuerySet:
        """A photo is seen by whoever may see what it is attached to: a note's and a plan's
        by both partners, a daily answer's by its author and, once they answered too, the
        partner (the answers' own rule)."""
        return self.filter(
            models.Q(answer__isnull=True) | models.Q(answer__in=Answer.objects.visible_to(viewer))
        )


class Photo(models.Model):
    """A picture attached to a note, a plan or a daily answer. The stored file is a
    re-encoding of the upload without its metadata; `display` and `thumb` (WebP) are made
    by the worker, and until then the page shows a placeholder. Names are random: nothing
    about the couple or the upload is in them."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="photos")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    note = models.ForeignKey(Note, null=True, on_delete=models.CASCADE, related_name="photos")
    plan = models.ForeignKey(Plan, null=True, on_delete=models.CASCADE, related_name="photos")
    answer = models.ForeignKey(Answer, null=True, on_delete=models.CASCADE, related_name="photos")
    # The address's part: unguessable, so that even a leaked link names nothing else.
    key = models.CharField(max_length=32, unique=True)
    alt_text = models.CharField(max_length=PHOTO_ALT_MAX_LENGTH, blank=True)
    original = models.FileField(storage=photo_storage, max_length=200)
    display = models.FileField(storage=photo_storage, max_length=200, blank=True)
    thumb = models.FileField(storage=photo_storage, max_length=200, blank=True)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    # Every size's bytes together: what counts against the couple's quota.
    stored_bytes = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(note__isnull=False, plan__isnull=True, answer__isnull=True)
                    | models.Q(note__isnull=True, plan__isnull=False, answer__isnull=True)
                    | models.Q(note__isnull=True, plan__isnull=True, answer__isnull=False)
                ),
                name="photo_attached_to_one_thing",
            ),
        ]
        indexes = [
            # Memories by month, and on-this-day: WHERE couple_id = ? AND created_at ...
            models.Index(fields=["couple", "created_at"], name="photo_couple_created"),
        ]

    def __str__(self) -> str:
        return f"Photo {self.pk}"

    @property
    def is_ready(self) -> bool:
        return bool(self.thumb)
