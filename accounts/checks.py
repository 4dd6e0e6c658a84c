"""System checks of how a deployment is set up (run by check, migrate, runserver)."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register

LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"
NO_CACHE = "django.core.cache.backends.dummy.DummyCache"
SET_REDIS_URL = "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0)."


@register(Tags.caches)
def rate_limits_are_shared(app_configs: object = None, **kwargs: object) -> list[Error]:
    """The rate limits (wrong invite codes, allauth's logins and sign-ups) are counted in the
    default cache. With several workers and a cache of each worker's own, every worker
    allows the whole limit: ten guesses become ten per worker. Development is one process;
    in production a shared cache is required, unless the operator says there is one process.
    """
    if settings.DEBUG:
        return []
    backend = settings.CACHES["default"]["BACKEND"]
    if backend == NO_CACHE:
        return [
            Error(
                "The default cache keeps nothing (DummyCache), so no rate limit can count.",
                hint=SET_REDIS_URL,
                id="accounts.E002",
            )
        ]
    if backend == LOCAL_MEMORY and not settings.BOND_SINGLE_PROCESS:
        return [
            Error(
                "The rate limits need a cache that every worker shares, and there is none.",
                hint=(
                    f"{SET_REDIS_URL} If Bond really runs as one single process (one worker, "
                    "one server), set BOND_SINGLE_PROCESS=true instead."
                ),
                id="accounts.E001",
            )
        ]
    return []
