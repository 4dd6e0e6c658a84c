"""What the worker does every minute, on its own clock: queue what has come due.

Every step is safe to run often, late, and on several servers at once: a reminder is
claimed by a unique row before it is queued, a delivery by a conditional UPDATE before
it is sent (accounts.delivery).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from accounts import delivery
from practices.reminders import queue_due_reminders

# Finished tasks are kept this long in the database queue, for the operator to look at.
KEEP_FINISHED_TASKS = dt.timedelta(days=7)


def run_due(now: dt.datetime | None = None) -> dict[str, int]:
    """Queue due reminders, queue again deliveries no worker is seeing to, and forget what
    is old; returns how many of each."""
    now = now or timezone.now()
    done = {
        "reminders": queue_due_reminders(now),
        "stalled deliveries": delivery.retry_stalled(now),
        "sent emails forgotten": delivery.forget_sent(now),
    }
    if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        done["finished tasks pruned"], _ = (
            DBTaskResult.objects.finished()
            .filter(finished_at__lt=now - KEEP_FINISHED_TASKS)
            .delete()
        )
    return done
