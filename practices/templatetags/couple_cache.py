"""`{% couple_cache %}`: Django's `{% cache %}`, keyed on what the viewer sees.

    {% load couple_cache %}
    {% couple_cache timeline show before seconds=page.seconds_valid unless=fresh %}
      ... the couple's data, handed over lazily by the view ...
    {% endcouple_cache %}

The key adds to the fragment's name and `vary` values everything the fragment shows
besides them (practices.fragments.viewer_parts): the couple's revision, the viewer, both
display names, the viewer's time zone and today's date there. `seconds` (resolved only
after a miss, once the data is loaded) bounds how long the fragment stays true; `unless`
renders afresh without keeping the result (a form with errors, notes shown as new once).
Outside a couple there is nothing to key on, and the block is rendered every time.

Forms inside carry a marker instead of the CSRF token, replaced on every hit by the token
of the request being served, so that one fragment serves all of a user's browsers. The
marker holds "<", which autoescaped text never does: a note cannot forge it.
"""

from __future__ import annotations

from django import template
from django.core.cache.utils import make_template_fragment_key
from django.middleware.csrf import get_token
from django.template import Context, TemplateSyntaxError
from django.templatetags.cache import CacheNode
from django.utils.safestring import SafeString, mark_safe

from practices.fragments import FRAGMENT_SECONDS, fragments_cache, viewer_parts

register = template.Library()

CSRF_MARKER = mark_safe("<csrf-token>")


class CoupleCacheNode(CacheNode):
    def __init__(self, nodelist, fragment_name, vary_on, seconds, unless) -> None:
        super().__init__(nodelist, seconds, fragment_name, vary_on, cache_name=None)
        self.unless = unless

    def render(self, context: Context) -> SafeString:
        request = context.request
        if getattr(request, "couple", None) is None or (
            self.unless is not None and self.unless.resolve(context)
        ):
            return self.nodelist.render(context)
        vary_on = [*viewer_parts(request), *(var.resolve(context) for var in self.vary_on)]
        key = make_template_fragment_key(f"{request.couple.pk}:{self.fragment_name}", vary_on)
        html = fragments_cache().get(key)
        if html is None:
            with context.push(csrf_token=CSRF_MARKER):
                html = self.nodelist.render(context)
            seconds = self.expire_time_var.resolve(context) if self.expire_time_var else None
            fragments_cache().set(key, html, seconds or FRAGMENT_SECONDS)
        # Rendered by our templates with autoescaping; the token is URL-safe characters.
        return mark_safe(html.replace(CSRF_MARKER, get_token(request)))  # noqa: S308


@register.tag("couple_cache")
def do_couple_cache(parser, token) -> CoupleCacheNode:
    nodelist = parser.parse(("endcouple_cache",))
    parser.delete_first_token()
    name, *bits = token.split_contents()[1:] or [None]
    if name is None:
        raise TemplateSyntaxError("couple_cache needs a fragment name.")
    options = {"seconds": None, "unless": None}
    while bits and bits[-1].partition("=")[0] in options:
        option, _, value = bits.pop().partition("=")
        options[option] = parser.compile_filter(value)
    return CoupleCacheNode(
        nodelist,
        name,
        [parser.compile_filter(bit) for bit in bits],
        options["seconds"],
        options["unless"],
    )
