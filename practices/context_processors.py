from __future__ import annotations

from django.http import HttpRequest

from practices import fragments


def waiting(request: HttpRequest) -> dict:
    """The nav's count of what waits for you; counted only if a template asks, and once."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    counted: list[int] = []

    def waiting_count() -> int:
        if not counted:
            counted.append(fragments.waiting_count(request))
        return counted[0]

    return {"waiting_count": waiting_count}
