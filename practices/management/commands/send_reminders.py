from __future__ import annotations

from django.core.management.base import BaseCommand

from practices.reminders import send_due_reminders


class Command(BaseCommand):
    help = (
        "Send the reminders that are due (plans tomorrow, the weekly thank-you nudge). "
        "Safe to run often and on several servers at once: each reminder goes out once."
    )

    def handle(self, *args, **options) -> None:
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
