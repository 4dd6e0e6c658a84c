"""What Bond sends to a person outside the app goes through the background worker.

No request waits on, or fails because of, another service. A change that should reach
someone stores the message in its own transaction (`send_email_later`) and queues its
delivery through Django's tasks API (`queue_with_change`). The worker's delivery claims
the row with one UPDATE that only one worker can win, hands it to Django's email backend
and records the outcome: sent (its text then dropped), another try after a longer wait,
or, after MAX_ATTEMPTS or an error that no retry mends, failed, which the operator sees
in the admin. A worker that stops mid-way leaves its row claimed; once the claim lapses,
`retry_stalled` (run by the schedule every minute) queues it again. So each message is
delivered at least once, and never again once it is recorded as sent.

Nothing personal reaches the task queue or the logs: a task carries the row's id, and a
failure is recorded and logged by the exception's class alone (an SMTP error's message
quotes the address).
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend

from accounts.models import OutgoingEmail, User

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
# Retrying cannot mend these: the server refused the address, or the message cannot be
# written (a header Django refuses raises ValueError).
PERMANENT_ERRORS = (smtplib.SMTPRecipientsRefused, ValueError)


def retry_delay(attempts: int) -> dt.timedelta:
    """The wait after the `attempts`-th failure: doubling from EMAIL_RETRY_SECONDS, at most
    two hours (with the defaults, ten attempts span about six hours)."""
    return dt.timedelta(seconds=min(settings.EMAIL_RETRY_SECONDS * 2 ** (attempts - 1), 7200))


def claim_length() -> dt.timedelta:
    # Longer than one attempt can take (a connection, then the message, each bounded by
    # EMAIL_TIMEOUT), so that a live worker never loses its claim.
    return dt.timedelta(seconds=2 * settings.EMAIL_TIMEOUT + 10)


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


@task()
def deliver_email(email_id: int) -> str:
    """Send one stored email, if it is still due and no other worker holds it."""
    now = timezone.now()
    claimed = (
        OutgoingEmail.objects.filter(pk=email_id)
        .filter(
            Q(status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=now)
            | Q(status=OutgoingEmail.Status.SENDING, claimed_until__lt=now)
        )
        .update(
            status=OutgoingEmail.Status.SENDING,
            claimed_until=now + claim_length(),
            attempts=F("attempts") + 1,
        )
    )
    if not claimed:
        return "not due"  # sent or given up already, not due yet, or held by another worker
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        message_of(email).send()
    except Exception as error:  # whatever the backend raises, the worker goes on
        return record_failure(email, error, now=now)
    OutgoingEmail.objects.filter(pk=email_id).update(
        status=OutgoingEmail.Status.SENT,
        sent_at=timezone.now(),
        claimed_until=None,
        last_error="",
        # Sent: what it said is the mailbox's business now, not the database's.
        subject="",
        body="",
        html="",
        headers={},
    )
    return "sent"


def record_failure(email: OutgoingEmail, error: Exception, *, now: dt.datetime) -> str:
    error_name = type(error).__name__
    rows = OutgoingEmail.objects.filter(pk=email.pk)
    if isinstance(error, PERMANENT_ERRORS) or email.attempts >= MAX_ATTEMPTS:
        rows.update(status=OutgoingEmail.Status.FAILED, claimed_until=None, last_error=error_name)
        logger.error(
            "Email %s (%s) not sent after %s attempt(s) (%s): given up.",
            email.pk,
            email.kind,
            email.attempts,
            error_name,
        )
        return "failed"
    due = now + retry_delay(email.attempts)
    rows.update(
        status=OutgoingEmail.Status.PENDING,
        next_attempt_at=due,
        claimed_until=None,
        last_error=error_name,
    )
    deliver_email.using(run_after=due).enqueue(email.pk)
    logger.warning(
        "Email %s (%s) not sent on attempt %s (%s): trying again at %s.",
        email.pk,
        email.kind,
        email.attempts,
        error_name,
        due.isoformat(timespec="seconds"),
    )
    return "retry"


# Long enough that a delivery queued in time has surely been run by a live worker.
STALLED_AFTER = dt.timedelta(minutes=2)


def retry_stalled(now: dt.datetime) -> int:
    """Queue again what no worker is seeing to: a delivery whose task was lost (a queue
    that failed after the commit) or whose worker stopped mid-way (its claim lapsed)."""
    stalled = OutgoingEmail.objects.filter(
        Q(status=OutgoingEmail.Status.PENDING, next_attempt_at__lt=now - STALLED_AFTER)
        | Q(status=OutgoingEmail.Status.SENDING, claimed_until__lt=now)
    ).values_list("pk", flat=True)
    queued = 0
    for email_id in stalled[:1000]:
        deliver_email.enqueue(email_id)
        queued += 1
    return queued


def forget_sent(now: dt.datetime, *, after: dt.timedelta = dt.timedelta(days=30)) -> int:
    """Drop the record of emails sent more than `after` ago (failed ones stay for the
    operator until they delete them)."""
    deleted, _ = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.SENT, sent_at__lt=now - after
    ).delete()
    return deleted
