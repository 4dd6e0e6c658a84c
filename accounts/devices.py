"""The browsers and installed apps where a person turned push notifications on."""

from __future__ import annotations

import re

from django.db import transaction

from accounts.models import PushSubscription, User

BROWSERS = (("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"))
SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "a Mac"),
    ("Linux", "Linux"),
)


def device_label(user_agent: str) -> str:
    """How settings names a device for its owner: "Firefox on Android", from the browser's
    own description of itself (the first browser name found wins: Edge says Chrome too)."""
    browser = next((name for mark, name in BROWSERS if mark in user_agent), "A browser")
    system = next((name for mark, name in SYSTEMS if re.search(re.escape(mark), user_agent)), "")
    return f"{browser} on {system}" if system else browser


def add_device(
    *, user: User, endpoint: str, p256dh: str, auth: str, label: str
) -> PushSubscription:
    """Turn push on for this browser. A browser has one address: if another account used
    it before (signed in on the same browser), it is this person's now."""
    with transaction.atomic():
        device, _ = PushSubscription.objects.select_for_update().update_or_create(
            endpoint=endpoint,
            defaults={"user": user, "p256dh": p256dh, "auth": auth, "label": label},
        )
    return device
