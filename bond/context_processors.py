from __future__ import annotations

from functools import cache

from django.http import HttpRequest
from django.urls import reverse

# The links every page's header carries, by URL name.
HEADER_LINKS = (
    "home",
    "practices:timeline",
    "practices:waiting",
    "practices:plan_list",
    "practices:practice_list",
    "accounts:profile",
    "accounts:notifications",
    "accounts:partner",
    "account_login",
    "account_signup",
    "account_logout",
)


@cache
def header_paths() -> dict[str, str]:
    # Reversed once per process: on every page, seven `{% url %}` tags cost more than the
    # rest of the header.
    return {name.rpartition(":")[2]: reverse(name) for name in HEADER_LINKS}


def header_links(request: HttpRequest) -> dict:
    return {"paths": header_paths()}
