"""The largest things a meeting may hold: what the numbering ladders can number and what a
screen can show without keeping the user waiting. A file or an operation giving more is
refused, naming what is too large and the most allowed."""

from __future__ import annotations

import dataclasses

from tui.domain.numerals import LARGEST
from tui.i18n import _

# The Chinese rungs of the ladder stop at 九千九百九十九 (9999).
MOST_ENTRIES = LARGEST
# A conclusion, report or point of this many characters is already pages of a printed record.
LONGEST_TEXT = 20_000
# Lists and fields within each other (a point is four below its meeting): deeper is a runaway file.
DEEPEST = 40


def oversized(thing: object) -> str | None:
    """What in thing (a meeting, a case) is larger than allowed, in words; None when nothing.

    Walked at every edit, over the whole meeting changed: one call per value, no generator,
    each type's fields found once."""
    return _problem(thing, 0)


_LEAVES = frozenset({int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}  # each type's fields; none for a type not a dataclass


def _problem(value: object, depth: int) -> str | None:
    if depth > DEEPEST:
        return _("nested more than {most} levels deep").format(most=DEEPEST)
    kind = type(value)
    if kind in _LEAVES:
        return None
    if isinstance(value, str):
        return _text_too_long(value) if len(value) > LONGEST_TEXT else None
    if isinstance(value, list | tuple):
        if len(value) > MOST_ENTRIES:
            return _("{count:,} entries in one list; at most {most:,}").format(
                count=len(value), most=MOST_ENTRIES
            )
        return _first(value, depth + 1)
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = _fields_of(kind)
    return _first([getattr(value, name) for name in names], depth + 1) if names else None


def _first(values: list[object] | tuple[object, ...], depth: int) -> str | None:
    if depth > DEEPEST and values:
        return _problem(values[0], depth)
    for element in values:
        kind = type(element)
        if kind in _LEAVES or (kind is str and len(element) <= LONGEST_TEXT):  # type: ignore[arg-type]
            continue
        if kind is list and not element:  # most lists of a meeting are empty
            continue
        found = _problem(element, depth)
        if found is not None:
            return found
    return None


def _fields_of(kind: type) -> tuple[str, ...]:
    if not dataclasses.is_dataclass(kind) or issubclass(kind, type):
        return ()
    return tuple(field.name for field in dataclasses.fields(kind))


def _text_too_long(text: str) -> str:
    return _("a text of {count:,} characters ({start}…); at most {most:,}").format(
        count=len(text), start=text[:12], most=LONGEST_TEXT
    )
