from __future__ import annotations

from django.http import HttpRequest

from practices.models import Note


def unread_notes(request: HttpRequest) -> dict:
    """The nav's unread badge; counted only if a template asks, and at most once."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    counted: list[int] = []

    def unread_count() -> int:
        if not counted:
            counted.append(Note.objects.filter(recipient=user, read_at=None).count())
        return counted[0]

    return {"unread_count": unread_count}
