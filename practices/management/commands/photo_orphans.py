"""List, and with --delete remove, files in the photo storage that no photo names: left by
a server stopped between writing a file and recording it, or by a restore from an older
backup of the database."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from practices.models import PHOTOS, Photo


def stored_names(folder: str = "") -> list[str]:
    """Every file's name under `folder` of the photo storage, as a FileField stores it."""
    folders, files = PHOTOS.listdir(folder)
    names = [f"{folder}{name}" for name in files]
    for sub in folders:
        names.extend(stored_names(f"{folder}{sub}/"))
    return names


class Command(BaseCommand):
    help = "Find (and with --delete remove) photo files that no photo in the database names."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--delete", action="store_true", help="remove the files found")
        parser.add_argument(
            "--older-than",
            type=int,
            default=60,
            metavar="MINUTES",
            help="only files at least this old (default 60): a file written a moment ago "
            "may belong to an upload whose photo is being recorded right now",
        )

    def handle(self, *args, delete: bool, older_than: int, **options) -> None:
        settled = timezone.now() - dt.timedelta(minutes=older_than)
        named = set()
        for row in Photo.objects.values_list("original", "display", "thumb").iterator():
            named.update(name for name in row if name)
        orphans = [
            name
            for name in stored_names()
            if name not in named and PHOTOS.get_modified_time(name) <= settled
        ]
        for name in orphans:
            self.stdout.write(name)
            if delete:
                PHOTOS.delete(name)
        verb = "Deleted" if delete else "Found"
        self.stderr.write(f"{verb} {len(orphans)} file(s) that no photo names.")
