"""What Bond sends to a person outside the app (emails, push notifications) goes through
the background worker.

No request waits on, or fails because of, another service. A change that should reach
someone stores the message in its own transaction (`send_email_later`, `send_push_later`)
and queues its delivery through Django's tasks API (`queue_with_change`). The worker's
delivery claims the row with one UPDATE that only one worker can win, sends it and
records the outcome: sent (its text then dropped), another try after a longer wait, or,
after MAX_ATTEMPTS or an error that no retry mends, failed, which the operator sees in
the admin. A worker that stops mid-way leaves its row claimed; once the claim lapses,
`retry_stalled` (run by the schedule every minute) queues it again. So each message is
delivered at least once, and never again once it is recorded as sent. A message that no
longer needs saying (the person saw it in the app first) is called off by its topic.

Nothing personal reaches the task queue or the logs: a task carries the row's id, and a
failure is recorded and logged by the exception's class alone (an SMTP error's message
quotes the address).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import smtplib
from collections.abc import Callable

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend
from pywebpush import WebPushException, webpush

from accounts.models import Delivery, OutgoingEmail, OutgoingPush, PushSubscription, User

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
# Seconds the worker waits on a push service.
PUSH_TIMEOUT = 10
# How long a push service keeps a notification for a device that is off: a day, after
# which "Sam sent you a note" is old news the app shows anyway.
PUSH_TTL = 24 * 60 * 60


def retry_delay(attempts: int) -> dt.timedelta:
    """The wait after the `attempts`-th failure: doubling from EMAIL_RETRY_SECONDS, at most
    two hours (with the defaults, ten attempts span about six hours)."""
    return dt.timedelta(seconds=min(settings.EMAIL_RETRY_SECONDS * 2 ** (attempts - 1), 7200))


def claim_length() -> dt.timedelta:
    # Longer than one attempt can take (a connection, then the message, each bounded by
    # the timeout), so that a live worker never loses its claim.
    return dt.timedelta(seconds=2 * max(settings.EMAIL_TIMEOUT, PUSH_TIMEOUT) + 10)


def queue_with_change(queued_task, *args) -> None:
    """Queue `queued_task` as part of the change being made.

    With the database backend the task row is written in the change's own transaction:
    both are committed, or neither. Any other queue is told once the change is committed,
    so that a worker never looks for a row that is not there yet; if telling it fails,
    the request still succeeds, and `retry_stalled` queues the work later.
    """
    if isinstance(queued_task.get_backend(), DatabaseBackend):
        queued_task.enqueue(*args)
        return

    def enqueue() -> None:
        queued_task.enqueue(*args)

    transaction.on_commit(enqueue, robust=True)


def send_email_later(message: EmailMessage, *, kind: str, user: User | None) -> OutgoingEmail:
    """Store `message` (to one address) for the worker to send, in the current transaction."""
    (to,) = message.to
    alternatives = getattr(message, "alternatives", [])
    html = next((content for content, mimetype in alternatives if mimetype == "text/html"), "")
    email = OutgoingEmail.objects.create(
        user=user,
        kind=kind,
        from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
        to=to,
        subject=message.subject,
        body=message.body,
        html=html,
        headers=message.extra_headers,
    )
    queue_with_change(deliver_email, email.pk)
    return email


def message_of(email: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=email.from_email,
        to=[email.to],
        headers=email.headers,
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    return message


def send_push_later(
    subscription: PushSubscription,
    *,
    payload: dict,
    kind: str,
    topic: str,
    not_before: dt.datetime | None = None,
) -> OutgoingPush:
    """Store a notification for one device, to be sent no earlier than `not_before` (the
    end of the person's quiet hours), in the current transaction."""
    push = OutgoingPush.objects.create(
        user_id=subscription.user_id,
        subscription=subscription,
        kind=kind,
        topic=topic,
        payload=payload,
        next_attempt_at=not_before or timezone.now(),
    )
    if not_before is None:
        queue_with_change(deliver_push, push.pk)
    else:
        queue_with_change(deliver_push.using(run_after=not_before), push.pk)
    return push


def call_off(*topics: str) -> int:
    """The push notifications waiting to be sent about these topics no longer need saying
    (emails are not called off: a digest counts only what is still unseen when it goes)."""
    return OutgoingPush.objects.filter(topic__in=topics, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.CANCELLED
    )


class Gone(Exception):
    """The device unsubscribed: its push service no longer knows the address."""


def deliver(
    model: type[Delivery],
    pk: int,
    *,
    send: Callable[[Delivery], None],
    is_permanent: Callable[[Exception], bool],
    sent_fields: dict,
) -> str:
    """Claim the row `pk` of `model` if it is due and no other worker holds it, `send` it,
    and record how that went; `sent_fields` is what a sent row keeps of its text."""
    now = timezone.now()
    claimed = (
        model.objects.filter(pk=pk)
        .filter(
            Q(status=Delivery.Status.PENDING, next_attempt_at__lte=now)
            | Q(status=Delivery.Status.SENDING, claimed_until__lt=now)
        )
        .update(
            status=Delivery.Status.SENDING,
            claimed_until=now + claim_length(),
            attempts=F("attempts") + 1,
        )
    )
    if not claimed:
        return "not due"  # sent, given up or called off, not due yet, or held by another
    row = model.objects.get(pk=pk)
    try:
        send(row)
    except Gone:
        # Its pending messages go with it; this one is no longer there to record.
        PushSubscription.objects.filter(pk=row.subscription_id).delete()
        logger.info("Device %s unsubscribed: forgotten.", row.subscription_id)
        return "gone"
    except Exception as error:  # whatever the backend raises, the worker goes on
        return record_failure(row, error, permanent=is_permanent(error), now=now)
    model.objects.filter(pk=pk).update(
        status=Delivery.Status.SENT,
        sent_at=timezone.now(),
        claimed_until=None,
        last_error="",
        **sent_fields,
    )
    return "sent"


def record_failure(row: Delivery, error: Exception, *, permanent: bool, now: dt.datetime) -> str:
    error_name = type(error).__name__
    rows = type(row).objects.filter(pk=row.pk)
    if permanent or row.attempts >= MAX_ATTEMPTS:
        rows.update(status=Delivery.Status.FAILED, claimed_until=None, last_error=error_name)
        logger.error(
            "%s %s (%s) not sent after %s attempt(s) (%s): given up.",
            type(row).__name__,
            row.pk,
            row.kind,
            row.attempts,
            error_name,
        )
        return "failed"
    due = now + retry_delay(row.attempts)
    rows.update(
        status=Delivery.Status.PENDING,
        next_attempt_at=due,
        claimed_until=None,
        last_error=error_name,
    )
    TASK_OF[type(row)].using(run_after=due).enqueue(row.pk)
    logger.warning(
        "%s %s (%s) not sent on attempt %s (%s): trying again at %s.",
        type(row).__name__,
        row.pk,
        row.kind,
        row.attempts,
        error_name,
        due.isoformat(timespec="seconds"),
    )
    return "retry"


def email_is_undeliverable(error: Exception) -> bool:
    # The server refused the address, or the message cannot be written (a header Django
    # refuses raises ValueError): trying again will not mend it.
    return isinstance(error, smtplib.SMTPRecipientsRefused | ValueError)


@task()
def deliver_email(email_id: int) -> str:
    """Send one stored email."""
    return deliver(
        OutgoingEmail,
        email_id,
        send=lambda email: message_of(email).send(),
        is_permanent=email_is_undeliverable,
        # Sent: what it said is the mailbox's business now, not the database's.
        sent_fields={"subject": "", "body": "", "html": "", "headers": {}},
    )


def push_to(push: OutgoingPush) -> None:
    subscription = push.subscription
    try:
        webpush(
            subscription_info={
                "endpoint": subscription.endpoint,
                "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
            },
            data=json.dumps(push.payload),
            vapid_private_key=settings.VAPID_PRIVATE_KEY,
            vapid_claims={"sub": settings.VAPID_SUBJECT},
            timeout=PUSH_TIMEOUT,
            ttl=PUSH_TTL,
        )
    except WebPushException as error:
        # 404 and 410: the browser unsubscribed or the subscription expired (RFC 8030).
        if error.status_code in (404, 410):
            raise Gone from None
        raise


def push_is_refused(error: Exception) -> bool:
    # A 4xx other than "too many" is a message the push service will never take.
    status = getattr(error, "status_code", None)
    return status is not None and 400 <= status < 500 and status != 429


@task()
def deliver_push(push_id: int) -> str:
    """Send one stored notification to its device."""
    return deliver(
        OutgoingPush,
        push_id,
        send=push_to,
        is_permanent=push_is_refused,
        sent_fields={"payload": {}},
    )


TASK_OF = {OutgoingEmail: deliver_email, OutgoingPush: deliver_push}


# Long enough that a delivery queued in time has surely been run by a live worker.
STALLED_AFTER = dt.timedelta(minutes=2)


def retry_stalled(now: dt.datetime) -> int:
    """Queue again what no worker is seeing to: a delivery whose task was lost (a queue
    that failed after the commit) or whose worker stopped mid-way (its claim lapsed)."""
    queued = 0
    for model, deliver_task in TASK_OF.items():
        stalled = model.objects.filter(
            Q(status=Delivery.Status.PENDING, next_attempt_at__lt=now - STALLED_AFTER)
            | Q(status=Delivery.Status.SENDING, claimed_until__lt=now)
        ).values_list("pk", flat=True)
        for pk in stalled[:1000]:
            deliver_task.enqueue(pk)
            queued += 1
    return queued


def forget_done(now: dt.datetime, *, after: dt.timedelta = dt.timedelta(days=30)) -> int:
    """Drop the record of what was sent or called off more than `after` ago (failed ones
    stay for the operator until they delete them)."""
    done = [Delivery.Status.SENT, Delivery.Status.CANCELLED]
    return sum(
        model.objects.filter(status__in=done, created_at__lt=now - after).delete()[0]
        for model in TASK_OF
    )
