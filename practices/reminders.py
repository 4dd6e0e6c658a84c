"""Gentle reminder emails, each queued once; the background worker delivers them.

A reminder is claimed by inserting its ReminderSent row, whose unique key (user, kind,
key) lets only one of two simultaneous runs through, and queued for the worker in the
same transaction (accounts.delivery). If building one message fails, whatever the
reason, its claim is rolled back with it (the next run tries again), the failure is
logged without personal data, and the run goes on with the next one. Emails are in the
recipient's time zone and never quote a note (email is not end-to-end private).
"""

from __future__ import annotations

import datetime as dt
import logging
import zoneinfo

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.delivery import send_email_later
from accounts.models import Couple, Membership, NotificationSettings, User
from accounts.unsubscribe import make_token
from practices import notifications
from practices.models import Note, Plan, ReminderSent

logger = logging.getLogger(__name__)


def unsubscribe_url(user: User, kind: str) -> str:
    return settings.SITE_URL + reverse("accounts:unsubscribe", args=[make_token(user, kind)])


def message_for(
    user: User, template: str, unsubscribe_kind: str, context: dict
) -> EmailMultiAlternatives:
    link = unsubscribe_url(user, unsubscribe_kind)
    context = {**context, "user": user, "unsubscribe_url": link, "site_url": settings.SITE_URL}
    with timezone.override(zoneinfo.ZoneInfo(user.time_zone)):
        # One line whatever the data: a line break in a header is refused (BadHeaderError).
        subject = " ".join(render_to_string(f"email/{template}_subject.txt", context).split())
        text = render_to_string(f"email/{template}.txt", context)
        html = render_to_string(f"email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=text,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def queue_once(
    *, user: User, kind: str, key: str, template: str, unsubscribe_kind: str, context: dict
) -> bool:
    """Claim this reminder, then build its email and queue it; True if it was queued now."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(user=user, kind=kind, key=key)
            message = message_for(user, template, unsubscribe_kind, context)
            send_email_later(message, kind=template, user=user)
    except IntegrityError:
        return False  # queued already, by an earlier run or another server
    except Exception:
        # One message's failure must not stop the others. Ids only in the log: no address,
        # no text; bond.logging keeps the exception's own message out too (a header error
        # quotes the header).
        logger.exception(
            "Reminder %s %s for user %s failed; the next run tries again.", kind, key, user.pk
        )
        return False
    return True


def queue_due_reminders(now: dt.datetime | None = None) -> int:
    """Queue every reminder that is due now; returns how many were queued."""
    now = now or timezone.now()
    memberships = (
        Membership.objects.filter(active=True, user__is_active=True)
        .filter(Q(user__remind_plans=True) | Q(user__remind_weekly_thanks=True))
        .select_related("user", "couple")
    )
    queued = 0
    for membership in memberships.iterator():
        user, couple = membership.user, membership.couple
        today = now.astimezone(zoneinfo.ZoneInfo(user.time_zone)).date()
        if user.remind_plans:
            queued += queue_plan_reminders(user=user, couple=couple, today=today)
        if user.remind_weekly_thanks and today.weekday() == 6:
            queued += queue_weekly_thanks(user=user, couple=couple, today=today)
    return queued


def queue_plan_reminders(*, user: User, couple: Couple, today: dt.date) -> int:
    tomorrow = today + dt.timedelta(days=1)
    plans = Plan.objects.for_couple(couple).filter(status=Plan.Status.PLANNED, day=tomorrow)
    queued = 0
    for plan in plans:
        # Rendered under the recipient's zone (message_for), like every date in the email.
        queued += queue_once(
            user=user,
            kind=ReminderSent.Kind.PLAN_TOMORROW,
            key=f"plan:{plan.pk}:{tomorrow.isoformat()}",
            template="plan_reminder",
            unsubscribe_kind="plans",
            context={"plan": plan},
        )
    return queued


def queue_weekly_thanks(*, user: User, couple: Couple, today: dt.date) -> int:
    zone = zoneinfo.ZoneInfo(user.time_zone)
    monday = today - dt.timedelta(days=today.weekday())
    week_began = dt.datetime.combine(monday, dt.time.min, tzinfo=zone)
    if Note.objects.for_couple(couple).filter(author=user, created_at__gte=week_began).exists():
        return 0
    iso = today.isocalendar()
    return queue_once(
        user=user,
        kind=ReminderSent.Kind.WEEKLY_THANKS,
        key=f"week:{iso.year}-W{iso.week:02d}",
        template="weekly_thanks",
        unsubscribe_kind="thanks",
        context={},
    )


def queue_digests(now: dt.datetime) -> int:
    """Queue each email digest that is due: at the person's chosen time (out of their
    quiet hours), once a day or a week, counting what came from their partner since the
    last one that they have not seen in the app; nothing when there is nothing."""
    chosen = (
        NotificationSettings.objects.exclude(email_topics=[])
        .filter(user__is_active=True, user__current_couple__ended_at=None)
        .exclude(user__current_partner=None)
        .select_related("user__current_partner")
    )
    queued = 0
    for preferences in chosen.iterator():
        user = preferences.user
        zone = zoneinfo.ZoneInfo(user.time_zone)
        due = notifications.digest_due(preferences, zone, now)
        if due is None:
            continue
        period = dt.timedelta(days=7 if preferences.digest == "weekly" else 1)
        since = preferences.digest_sent_at or due - period
        with transaction.atomic():
            if not notifications.claim_digest(preferences, due, now):
                continue  # another server sent this one
            lines = notifications.digest_lines(notifications.digest_counts(preferences, since))
            if not lines:
                continue
            context = {
                "partner_name": user.current_partner.display_name,
                "lines": lines,
                "since_label": "last week" if preferences.digest == "weekly" else "yesterday",
            }
            message = message_for(user, "digest", "digest", context)
            send_email_later(message, kind="digest", user=user)
            queued += 1
    return queued
