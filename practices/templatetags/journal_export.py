"""`{% export_links %}`: the journal's downloads, one link per kind that practices.export
declares, so the settings page (in accounts, which never imports practices) need not
repeat the list; `{% photo_space %}`: the space the couple's photos take.

    {% load journal_export %}
    {% export_links %}
    {% photo_space %}
"""

from __future__ import annotations

from django import template
from django.conf import settings

from practices import export, photos

register = template.Library()


@register.inclusion_tag("practices/_export_links.html")
def export_links() -> dict[str, object]:
    return {"kinds": list(export.KINDS.values())}


@register.inclusion_tag("practices/_photo_space.html", takes_context=True)
def photo_space(context) -> dict[str, object]:
    """How much of the couple's photo space (settings.PHOTO_QUOTA_BYTES) their photos take."""
    used = photos.usage(context["request"].couple)
    quota = settings.PHOTO_QUOTA_BYTES
    return {
        "used": photos.megabytes(used),
        "quota": photos.gigabytes(quota),
        "percent": min(100, round(100 * used / quota)) if quota else 100,
    }
