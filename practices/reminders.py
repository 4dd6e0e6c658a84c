"""Gentle reminder emails, each sent at most once.

Before sending, a reminder is claimed by inserting its ReminderSent row, whose unique
key (user, kind, key) lets only one of two simultaneous runs through; if sending
fails, the claim is rolled back with it and the next run tries again. Emails are in
the recipient's time zone and never quote a note (email is not end-to-end private).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import Couple, Membership, User
from accounts.unsubscribe import make_token
from practices.models import Note, Plan, ReminderSent


def unsubscribe_url(user: User, kind: str) -> str:
    return settings.SITE_URL + reverse("accounts:unsubscribe", args=[make_token(user, kind)])


def message_for(
    user: User, template: str, unsubscribe_kind: str, context: dict
) -> EmailMultiAlternatives:
    link = unsubscribe_url(user, unsubscribe_kind)
    context = {**context, "user": user, "unsubscribe_url": link, "site_url": settings.SITE_URL}
    with timezone.override(zoneinfo.ZoneInfo(user.time_zone)):
        subject = render_to_string(f"email/{template}_subject.txt", context).strip()
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


def send_once(*, user: User, kind: str, key: str, message: EmailMultiAlternatives) -> bool:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(user=user, kind=kind, key=key)
            message.send()
    except IntegrityError:
        return False  # sent already, by an earlier run or another server
    return True


def send_due_reminders(now: dt.datetime | None = None) -> int:
    """Send every reminder that is due now; returns how many went out."""
    now = now or timezone.now()
    memberships = (
        Membership.objects.filter(active=True, user__is_active=True)
        .filter(Q(user__remind_plans=True) | Q(user__remind_weekly_thanks=True))
        .select_related("user", "couple")
    )
    sent = 0
    for membership in memberships.iterator():
        user, couple = membership.user, membership.couple
        today = now.astimezone(zoneinfo.ZoneInfo(user.time_zone)).date()
        if user.remind_plans:
            sent += send_plan_reminders(user=user, couple=couple, today=today)
        if user.remind_weekly_thanks and today.weekday() == 6:
            sent += send_weekly_thanks(user=user, couple=couple, today=today)
    return sent


def send_plan_reminders(*, user: User, couple: Couple, today: dt.date) -> int:
    tomorrow = today + dt.timedelta(days=1)
    plans = Plan.objects.for_couple(couple).filter(status=Plan.Status.PLANNED, day=tomorrow)
    sent = 0
    for plan in plans:
        # Rendered under the recipient's zone (message_for), like every date in the email.
        message = message_for(user, "plan_reminder", "plans", {"plan": plan})
        sent += send_once(
            user=user,
            kind=ReminderSent.Kind.PLAN_TOMORROW,
            key=f"plan:{plan.pk}:{tomorrow.isoformat()}",
            message=message,
        )
    return sent


def send_weekly_thanks(*, user: User, couple: Couple, today: dt.date) -> int:
    zone = zoneinfo.ZoneInfo(user.time_zone)
    monday = today - dt.timedelta(days=today.weekday())
    week_began = dt.datetime.combine(monday, dt.time.min, tzinfo=zone)
    if Note.objects.for_couple(couple).filter(author=user, created_at__gte=week_began).exists():
        return 0
    iso = today.isocalendar()
    message = message_for(user, "weekly_thanks", "thanks", {})
    return send_once(
        user=user,
        kind=ReminderSent.Kind.WEEKLY_THANKS,
        key=f"week:{iso.year}-W{iso.week:02d}",
        message=message,
    )
