"""What the worker does every minute, on its own clock: queue what has come due (reminder
emails, digests, the partners' "date tomorrow"), and tidy up.

Every step is safe to run often, late, and on several servers at once: a reminder is
claimed by a unique row before it is queued, a delivery by a conditional UPDATE before
it is sent (accounts.delivery).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, TaskResultStatus, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from accounts import delivery
from practices import notifications
from practices.reminders import queue_digests, queue_due_reminders

# Finished tasks are kept this long in the database queue, for the operator to look at.
KEEP_FINISHED_TASKS = dt.timedelta(days=7)
# No task of ours runs this long (each sends one message, with timeouts): one still marked
# running was in a worker that was killed. What it was sending is sent again anyway
# (accounts.delivery.retry_stalled); this only tells the admin's list the truth.
RUNNING_AT_MOST = dt.timedelta(hours=1)


class WorkerStopped(Exception):
    """What the admin lists for a task whose worker was stopped mid-way."""


def run_due(now: dt.datetime | None = None) -> dict[str, int]:
    """Queue due reminders, queue again deliveries no worker is seeing to, and forget what
    is old; returns how many of each."""
    now = now or timezone.now()
    done = {
        "reminders": queue_due_reminders(now),
        "dates tomorrow told": notifications.tell_dates_tomorrow(now),
        "digests": queue_digests(now),
        "notifications forgotten": notifications.forget_done(now),
        "stalled deliveries": delivery.retry_stalled(now),
        "deliveries forgotten": delivery.forget_done(now),
    }
    if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        done["tasks of stopped workers closed"] = (
            DBTaskResult.objects.running()
            .filter(started_at__lt=now - RUNNING_AT_MOST)
            .update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path="practices.schedule.WorkerStopped",
            )
        )
        done["finished tasks pruned"], _ = (
            DBTaskResult.objects.finished()
            .filter(finished_at__lt=now - KEEP_FINISHED_TASKS)
            .delete()
        )
    return done
