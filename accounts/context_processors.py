from __future__ import annotations

from django.http import HttpRequest

from accounts.couples import partner_name as name_of_partner


def partner_name(request: HttpRequest) -> dict:
    """How every page names the partner (see accounts.couples.partner_name)."""
    partner, couple = getattr(request, "partner", None), getattr(request, "couple", None)
    return {"partner_name": name_of_partner(partner, couple)}
