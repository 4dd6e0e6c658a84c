from __future__ import annotations

import logging
import threading
import time
from argparse import BooleanOptionalAction

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, close_old_connections, connection
from django.utils.autoreload import run_with_reloader
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker as DatabaseWorker

from practices.schedule import run_due

logger = logging.getLogger("practices.worker")
# Seconds between looks for a database that could not be reached.
PAUSE = 5


def run_schedule_once() -> None:
    try:
        done = run_due()
    except Exception:
        # A database that is down now is back later: the clock tries again next time.
        logger.exception("The schedule could not run; it tries again next time.")
    else:
        if any(done.values()):
            logger.info("Schedule: %s", ", ".join(f"{n} {what}" for what, n in done.items()))
    finally:
        close_old_connections()


def keep_time(every: float) -> None:
    while True:
        run_schedule_once()
        time.sleep(every)


class Command(BaseCommand):
    help = (
        "Run background tasks (emails, push notifications) as they are queued, and every "
        "BOND_SCHEDULE_SECONDS the schedule (reminders, retries of stalled deliveries). "
        "Run one or more next to the app servers: each task runs once, whichever takes it."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--burst",
            action="store_true",
            help="Run the schedule once and every task that is due, then stop.",
        )
        parser.add_argument(
            "--no-schedule",
            dest="schedule",
            action="store_false",
            help="Only run tasks: another process runs the schedule.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds between looks at an empty database queue (default: 1).",
        )
        parser.add_argument(
            "--reload",
            action=BooleanOptionalAction,
            default=settings.DEBUG,
            help="Restart when the code changes (default: on with DEBUG).",
        )

    def handle(self, *, burst: bool, schedule: bool, interval: float, reload: bool, **options):
        backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
        if burst:
            if schedule:
                run_schedule_once()
            self.run_tasks(backend, burst=True, interval=interval)
            return

        def work() -> None:
            if schedule:
                threading.Thread(
                    target=keep_time, args=(settings.BOND_SCHEDULE_SECONDS,), daemon=True
                ).start()
            self.run_tasks(backend, burst=False, interval=interval)

        # Development only, and the database queue only: RQ's worker needs the main thread,
        # which Django's reloader keeps for itself.
        if reload and isinstance(backend, DatabaseBackend):
            run_with_reloader(work)  # a child process works; this one restarts it on changes
        else:
            work()

    def run_tasks(self, backend, *, burst: bool, interval: float) -> None:
        if isinstance(backend, DatabaseBackend):
            worker = DatabaseWorker(
                queue_names=["*"],
                interval=interval,
                batch=burst,
                backend_name=DEFAULT_TASK_BACKEND_ALIAS,
                startup_delay=not burst,
                max_tasks=None,
                worker_id=get_random_string(32),
                excluded_queue_names=[],
            )
            if not burst and threading.current_thread() is threading.main_thread():
                # SIGTERM lets the task in hand finish; under the reloader, Ctrl-C ends it.
                worker.configure_signals()
            while True:
                try:
                    worker.run()
                    return
                except (OperationalError, InterfaceError):
                    if burst:
                        raise
                    # The database is back later: waiting beats exiting, which a service
                    # manager would restart in a loop and then give up on.
                    logger.warning("The database is out of reach: trying again in %s s.", PAUSE)
                    connection.close()
                    time.sleep(PAUSE)
        else:
            import django_rq
            from django_tasks_rq import Job

            worker = django_rq.get_worker(*backend.queues, job_class=Job)
            worker.work(burst=burst, with_scheduler=True)
