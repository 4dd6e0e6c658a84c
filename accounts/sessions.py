"""Sessions read from Redis and kept in the database, that outlive a Redis outage.

Django's cached_db engine reads the cache first and the database on a miss, but a cache
that cannot be reached breaks every signed-in page. Here a session is then read from the
database alone, so pages keep working. Ending a session still needs the cache: a copy
left there would sign the person back in once Redis returns, so signing out during an
outage fails (503, see bond.views.server_error) instead of half-succeeding.
"""

from __future__ import annotations

import logging

from django.contrib.sessions.backends import cached_db, db

logger = logging.getLogger(__name__)


class SessionStore(cached_db.SessionStore):
    def load(self) -> dict:
        try:
            return super().load()
        except Exception:  # the cache could not be reached (its client's own error class)
            logger.warning("Session cache unavailable: reading the session from the database.")
            return db.SessionStore.load(self)

    def delete(self, session_key: str | None = None) -> None:
        session_key = session_key or self.session_key
        if session_key is None:
            return
        # The cache first: if it cannot be reached, nothing is ended and the request fails.
        self._cache.delete(self.cache_key_prefix + session_key)
        db.SessionStore.delete(self, session_key)
