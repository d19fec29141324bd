"""The largest things a meeting may hold: what the numbering ladders can number and what a
screen can show without keeping the user waiting. A file or an operation giving more is
refused, naming what is too large and the most allowed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from tui.domain.numerals import LARGEST
from tui.i18n import _

# The Chinese rungs of the ladder stop at 九千九百九十九 (9999).
MOST_ENTRIES = LARGEST
# A conclusion, report or point of this many characters is already pages of a printed record.
LONGEST_TEXT = 20_000
# Lists and fields within each other (a point is four below its meeting): deeper is a runaway file.
DEEPEST = 40


def oversized(thing: object) -> str | None:
    """What in thing (a meeting, a case) is larger than allowed, in words; None when nothing."""
    for problem in _problems(thing, 0):
        return problem
    return None


def _problems(value: object, depth: int) -> Iterator[str]:
    if depth > DEEPEST:
        yield _("nested more than {most} levels deep").format(most=DEEPEST)
    elif isinstance(value, str):
        if len(value) > LONGEST_TEXT:
            yield _text_too_long(value)
    elif isinstance(value, list | tuple):
        if len(value) > MOST_ENTRIES:
            yield _("{count:,} entries in one list; at most {most:,}").format(
                count=len(value), most=MOST_ENTRIES
            )
        for element in value:
            yield from _problems(element, depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _problems(getattr(value, field.name), depth + 1)


def _text_too_long(text: str) -> str:
    return _("a text of {count:,} characters ({start}…); at most {most:,}").format(
        count=len(text), start=text[:12], most=LONGEST_TEXT
    )
