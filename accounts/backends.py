"""Authentication backends that load the signed-in user with their couple and partner.

Every request reads them (accounts.couples.CoupleMiddleware); with select_related the
user, the couple and the partner come in the one query that Django makes for the user.
"""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend

from accounts.models import User


class LoadsCouple:
    def get_user(self, user_id):
        users = User._default_manager.select_related("current_couple", "current_partner")
        try:
            user = users.get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


class EmailBackend(LoadsCouple, AuthenticationBackend):
    """allauth's: signing in with an email address and password."""


class AdminBackend(LoadsCouple, ModelBackend):
    """Django's: the admin's login form and `force_login`."""
