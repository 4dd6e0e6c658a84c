"""`{% export_links %}`: the journal's downloads, one link per kind that practices.export
declares, so the settings page (in accounts, which never imports practices) need not
repeat the list.

    {% load journal_export %}
    {% export_links %}
"""

from __future__ import annotations

from django import template

from practices import export

register = template.Library()


@register.inclusion_tag("practices/_export_links.html")
def export_links() -> dict[str, object]:
    return {"kinds": list(export.KINDS.values())}
