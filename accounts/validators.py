"""Checks on what people type, shared by the forms of both apps.

A one-line value (a name, a plan's title or place) later goes where a line break ends one
thing and starts another: an email's subject header, a line of an .ics file, a cell of a
spreadsheet, an HTML attribute. So a form refuses it there, once, with a message, rather
than each of those places coping (or failing) later.
"""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError

# Cc: control characters (line breaks, tabs, NUL, escape...). Cf: invisible format characters,
# such as the bidirectional overrides (U+202E makes what follows read backwards), zero-width
# spaces and the byte-order mark. Zl, Zp: the line and paragraph separators U+2028, U+2029.
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
# Format characters that are part of the text people write: the zero-width (non-)joiners
# that emoji sequences (👩‍❤️‍👨) and scripts such as Persian or Hindi need, and the tag
# characters that spell the flags of England, Scotland and Wales.
KEPT_FORMAT_CHARACTERS = frozenset("\u200c\u200d") | frozenset(map(chr, range(0xE0020, 0xE0080)))

SINGLE_LINE_MESSAGE = (
    "Please keep this to one line of plain text, without line breaks, tabs or invisible "
    "formatting characters."
)


def is_refused(character: str) -> bool:
    return (
        unicodedata.category(character) in REFUSED_CATEGORIES
        and character not in KEPT_FORMAT_CHARACTERS
    )


def single_line(value: str) -> None:
    """Refuse a value that is not one line of visible text (see REFUSED_CATEGORIES).

    For every single-line form field (a text input, never a textarea). Spaces around the
    value are no concern: Django's CharField strips them before validators run.
    """
    if any(is_refused(character) for character in value):
        raise ValidationError(SINGLE_LINE_MESSAGE, code="single_line")
