from __future__ import annotations

from django.core.management.base import BaseCommand

from practices.schedule import run_due


class Command(BaseCommand):
    help = (
        "Queue what is due (reminders; deliveries a stopped worker left) for the worker. "
        "`manage.py worker` runs this every minute by itself; it is safe to run often and "
        "on several servers at once: each reminder is queued once."
    )

    def handle(self, *args, **options) -> None:
        done = run_due()
        self.stdout.write("; ".join(f"{count} {what}" for what, count in done.items()) + ".")
