from __future__ import annotations

from django.http import HttpRequest

from practices import fragments


def unread_notes(request: HttpRequest) -> dict:
    """The nav's unread badge; counted only if a template asks, and at most once."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    counted: list[int] = []

    def unread_count() -> int:
        if not counted:
            counted.append(fragments.unread_count(request))
        return counted[0]

    return {"unread_count": unread_count}
