from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import zoneinfo

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

# zoneinfo also lists legacy aliases ("US/Eastern", "Zulu", "localtime"): offer only the
# canonical Area/City names, which are what browsers report, grouped by area ("Europe":
# "Paris", ...) so that a person finds theirs among a few dozen, not five hundred.
TIME_ZONE_AREAS = (
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)


def time_zone_choices() -> list:
    by_area: dict[str, list[tuple[str, str]]] = {area: [] for area in TIME_ZONE_AREAS}
    for name in sorted(zoneinfo.available_timezones()):
        area, _, place = name.partition("/")
        if area in by_area and place:
            by_area[area].append((name, place.replace("_", " ").replace("/", " – ")))
    return [("UTC", "UTC"), *by_area.items()]


TIME_ZONE_CHOICES = time_zone_choices()


def new_email_links_token() -> str:
    return secrets.token_urlsafe(24)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields) -> User:
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> User:
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in. Email is the login; there is no username."""

    email = models.EmailField("email address", max_length=254, unique=True)
    display_name = models.CharField(
        "your name",
        max_length=60,
        help_text="What your partner will see, e.g. your first name.",
    )
    time_zone = models.CharField(max_length=64, choices=TIME_ZONE_CHOICES, default="UTC")
    remind_plans = models.BooleanField("email me the day before a planned date", default=True)
    remind_weekly_thanks = models.BooleanField(
        "a gentle weekly nudge if I have not written a thank-you", default=False
    )
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    # The couple this person's pages show (the active one, else the most recent) and its
    # other member, as their memberships say; accounts.linking.join keeps them in step.
    # Held here so that a request loads the user, couple and partner in one query
    # (accounts.backends).
    current_couple = models.ForeignKey(
        "Couple", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    current_partner = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Names this person in the links of the emails Bond sends (unsubscribe), instead of
    # their id; a new value stops every link sent so far (accounts.unsubscribe).
    email_links_token = models.CharField(
        max_length=64, unique=True, default=new_email_links_token, editable=False
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        constraints = [
            # Addresses differ only in case are the same mailbox in practice.
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name

    def get_full_name(self) -> str:
        return self.display_name


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


def calendar_token_hash(token: str) -> str:
    """What is stored of a calendar feed's token: its SHA-256, so that a copy of the
    database (a backup, a leak) opens no feed. The token is 256 random bits: no salt or
    slow hash is needed against guessing, and the hash can be looked up directly."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_calendar_token_hash() -> str:
    # A new couple's feed has an address nobody knows until they make one in settings.
    return calendar_token_hash(new_calendar_token())


class Couple(models.Model):
    """Two partners who linked their accounts. Ending the link keeps the row as an archive."""

    name = models.CharField(
        max_length=80, blank=True, help_text="Optional: a name the two of you choose."
    )
    anniversary = models.DateField(null=True, blank=True)
    linked_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        "User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When a member deleted their account (accounts.deletion): what the partner is told,
    # "Sam deleted their account on 2 December". The account itself is gone, and `ended_by`
    # with it, so the name they went by is kept here, on the partner's side of the couple.
    partner_deleted_name = models.CharField(max_length=60, blank=True, editable=False)
    partner_deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the journal was restored from an export of another server (practices.restore):
    # until the partner joins, it is its one member's archive, and accepting their invite
    # brings the partner into it (accounts.linking.waiting_couple_of).
    restored_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The private calendar feed's address, as calendar_token_hash(token): the token itself is
    # shown once, when it is made (accounts.linking.new_calendar_address). Replacing it
    # invalidates old subscriptions.
    calendar_token_hash = models.CharField(
        max_length=64, unique=True, default=new_calendar_token_hash, editable=False
    )
    # Bumped by every change to what the couple's pages show (accounts.couples.touch), in the
    # same transaction: rendered fragments are cached under it (practices.fragments).
    revision = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True)
                | models.Q(ended_at__gte=models.F("linked_at")),
                name="couple_ends_after_it_starts",
            ),
            # A member deletes their account only from a couple that has ended (by then).
            models.CheckConstraint(
                condition=models.Q(partner_deleted_at__isnull=True)
                | models.Q(ended_at__isnull=False, partner_deleted_at__gte=models.F("ended_at")),
                name="couple_partner_deleted_after_end",
            ),
        ]

    def __str__(self) -> str:
        return self.name or f"Couple {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class Membership(models.Model):
    """One partner's place in a couple: slot 1 (the inviter) or slot 2 (who accepted)."""

    class Slot(models.IntegerChoices):
        INVITER = 1
        INVITEE = 2

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    slot = models.PositiveSmallIntegerField(choices=Slot.choices)
    # Mirrors couple.ended_at so that "one active couple per user" can be a constraint.
    active = models.BooleanField(default=True)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(active=True), name="one_active_couple_per_user"
            ),
            # Two slots and one member per slot: a couple can never have a third member.
            models.UniqueConstraint(fields=["couple", "slot"], name="one_member_per_slot"),
            models.CheckConstraint(condition=models.Q(slot__in=[1, 2]), name="slot_is_1_or_2"),
            models.UniqueConstraint(fields=["couple", "user"], name="member_once_per_couple"),
        ]
        indexes = [
            # request.couple: WHERE user_id = ? ORDER BY active DESC, joined_at DESC LIMIT 1
            models.Index(fields=["user", "-active", "-joined_at"], name="membership_user_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.couple}"


class InviteQuerySet(models.QuerySet["Invite"]):
    def open(self) -> InviteQuerySet:
        """Neither accepted, declined nor revoked (an open invite may still have expired)."""
        return self.filter(accepted_at=None, declined_at=None, revoked_at=None)


class Invite(models.Model):
    """A single-use way for a partner to join: a long link token and a short code to type."""

    class State(models.TextChoices):
        PENDING = "pending", "waiting for your partner"
        ACCEPTED = "accepted", "accepted"
        DECLINED = "declined", "declined"
        REVOKED = "revoked", "revoked"
        EXPIRED = "expired", "expired"

    inviter = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invites_sent")
    token = models.CharField(max_length=64, unique=True)
    code = models.CharField(max_length=8, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declined_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    couple = models.ForeignKey(
        Couple, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = InviteQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["inviter"],
                condition=models.Q(accepted_at=None, declined_at=None, revoked_at=None),
                name="one_open_invite_per_inviter",
            ),
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")),
                name="invite_expires_after_creation",
            ),
        ]

    def __str__(self) -> str:
        return f"Invite from {self.inviter} ({self.state})"

    @property
    def state(self) -> str:
        if self.accepted_at:
            return self.State.ACCEPTED
        if self.declined_at:
            return self.State.DECLINED
        if self.revoked_at:
            return self.State.REVOKED
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.PENDING

    @property
    def readable_code(self) -> str:
        return f"{self.code[:4]}-{self.code[4:]}"


class Delivery(models.Model):
    """Something on its way to a person outside the app, and how its sending went
    (accounts.delivery): written in the transaction of the change that caused it, sent by
    the background worker, so that no request waits on, or fails because of, another
    service. What it said stays only until it is sent."""

    class Status(models.TextChoices):
        PENDING = "pending", "waiting to be sent"
        SENDING = "sending", "being sent"
        SENT = "sent", "sent"
        FAILED = "failed", "gave up"
        CANCELLED = "cancelled", "no longer needed"

    # The account it is for, when there is one: deleting the account deletes its mail.
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # What this is ("plan_reminder", "account/email/password_reset_key", "note"): what the
    # admin lists instead of its text, which may name a plan.
    kind = models.CharField(max_length=100)
    # What it is about, so that it can be called off once it no longer needs saying
    # ("notification:12": the person saw it in the app first).
    topic = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    # When the next attempt is due: a retry waits longer after each failure, and a push
    # waits for the end of the person's quiet hours.
    next_attempt_at = models.DateTimeField(default=timezone.now)
    # A worker sending it holds it until then; after that, one that stopped mid-way is
    # presumed gone and another may try.
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The class of the last error (SMTPServerDisconnected, ...): never its message, which
    # can quote the address.
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.kind} ({self.get_status_display()})"


def delivery_constraints(prefix: str) -> list:
    return [
        models.CheckConstraint(
            condition=models.Q(status__in=[value for value, _ in Delivery.Status.choices]),
            name=f"{prefix}_status_known",
        ),
        models.CheckConstraint(
            condition=models.Q(status="sent", sent_at__isnull=False)
            | (~models.Q(status="sent") & models.Q(sent_at__isnull=True)),
            name=f"{prefix}_sent_at_iff_sent",
        ),
    ]


def delivery_indexes(prefix: str) -> list:
    return [
        # Stalled deliveries: WHERE status IN ('pending', 'sending') AND next_attempt_at < ?
        models.Index(
            fields=["next_attempt_at"],
            condition=models.Q(status__in=["pending", "sending"]),
            name=f"{prefix}_due",
        ),
        # Calling one off: WHERE topic = ? AND status = 'pending'
        models.Index(
            fields=["topic"], condition=models.Q(status="pending"), name=f"{prefix}_topic"
        ),
    ]


class OutgoingEmail(Delivery):
    """An email on its way to one address."""

    from_email = models.CharField(max_length=254)
    to = models.CharField(max_length=254)
    subject = models.CharField(max_length=998, blank=True)
    body = models.TextField(blank=True)
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = delivery_constraints("outgoing_email")
        indexes = delivery_indexes("outgoing_email")


class PushSubscription(models.Model):
    """One browser or installed app where a person turned notifications on: the address its
    push service gave it, and the keys that encrypt what is sent there (RFC 8291)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="push_subscriptions")
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=100)
    auth = models.CharField(max_length=50)
    # How settings names it for its owner: "Firefox on Android".
    label = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.label or f"Device {self.pk}"


class OutgoingPush(Delivery):
    """A notification on its way to one device: who and what kind, never an item's text."""

    subscription = models.ForeignKey(PushSubscription, on_delete=models.CASCADE, related_name="+")
    # {"title", "body", "url", "tag"}: what the device shows, and where a tap leads.
    payload = models.JSONField(default=dict)

    class Meta:
        constraints = delivery_constraints("outgoing_push")
        indexes = delivery_indexes("outgoing_push")


def default_quiet_start() -> dt.time:
    return dt.time(22, 0)


def default_quiet_end() -> dt.time:
    return dt.time(8, 0)


def default_digest_time() -> dt.time:
    return dt.time(18, 0)


class NotificationTopic(models.TextChoices):
    """What a person may choose to hear of outside the app (practices.notifications says
    which of their partner's actions belongs to which)."""

    NOTES = "notes", "A new note"
    ANSWERS = "answers", "An answer to the day's question"
    CHECK_INS = "check_ins", "A check-in, and a reply to yours"
    REFLECT_BACK = "reflect_back", "A reflect-back, and a reply to yours"
    PLANS = "plans", "Plans, dates and reflections"
    GESTURES = "gestures", "Thinking of you"
    PROGRAMS = "programs", "A program your partner started or stopped"
    PHOTOS = "photos", "A photo your partner added"


def every_topic() -> list[str]:
    return list(NotificationTopic.values)


class NotificationSettings(models.Model):
    """How one person wants to hear of their partner outside the app: per topic, by push
    and by an email digest, never in their quiet hours."""

    Topic = NotificationTopic

    class Digest(models.TextChoices):
        DAILY = "daily", "Once a day"
        WEEKLY = "weekly", "Once a week (Sundays)"

    user = models.OneToOneField(
        User,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="notification_settings",
    )
    # Topics sent as push notifications (to every device where push is on) and counted
    # in the email digest. Push is on for all of them once a device is added; email is
    # opt-in.
    push_topics = models.JSONField(default=every_topic, blank=True)
    email_topics = models.JSONField(default=list, blank=True)
    digest = models.CharField(max_length=10, choices=Digest.choices, default=Digest.DAILY)
    digest_time = models.TimeField(default=default_digest_time)
    quiet_hours = models.BooleanField(default=True)
    quiet_start = models.TimeField(default=default_quiet_start)
    quiet_end = models.TimeField(default=default_quiet_end)
    # On a shared phone: "A new note" rather than "Sam sent you a note".
    hide_names = models.BooleanField(default=False)
    # The last digest sent: the next counts only what came after it.
    digest_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(digest__in=["daily", "weekly"]), name="digest_known"
            ),
        ]

    def __str__(self) -> str:
        return f"Notification settings of {self.user_id}"
