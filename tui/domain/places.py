"""Where an item stands in a meeting: its place ("2.4", or "1" for a section that is
itself an item), the place as the record writes it ("貳、四", "壹"), and its heading in the
record ("貳、報告事項 四"). A person reads and types the written place; the machine keeps
"2.4" (in the search index, the JSON output, the app's remembered place)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from tui.domain.model import Item, ItemKind, Meeting, Section
from tui.domain.numerals import (
    FORMAL_DIGITS,
    FORMAL_UNITS,
    Ladder,
    NumeralError,
    chinese,
    label,
    parse_number,
    to_halfwidth,
)
from tui.domain.written_places import arabic_place
from tui.domain.written_places import written_place as written_place
from tui.i18n import _

_FORMAL = f"[{FORMAL_DIGITS}{FORMAL_UNITS}貮叁]+"
_COMMON = "[零一二三四五六七八九十百千〇○兩]+"


@functools.cache  # compiled when first used (tui.domain.written_places)
def _written_place() -> re.Pattern[str]:
    return re.compile(rf"(?P<section>{_FORMAL})\s*(?:、\s*)?(?:(?P<item>{_COMMON})\s*(?:、\s*)?)?")


class PlaceError(ValueError):
    """A place that names no item of the meeting."""


def placed_items(meeting: Meeting) -> Iterator[tuple[str, str, Item]]:
    """Each item with its place and its heading, in the record's order."""
    for s, section in enumerate(meeting.sections, start=1):
        heading = f"{label(Ladder.SECTION, s)}{section.title}"
        if section.body is not None:
            yield str(s), heading, section.body
        for i, item in enumerate(section.items, start=1):
            yield f"{s}.{i}", f"{heading} {chinese(i)}", item


def place_of(meeting: Meeting, item: Item) -> tuple[str, str] | None:
    """The place ("2.4") and heading of an item of the meeting; None if it is not there."""
    return next(((p, h) for p, h, found in placed_items(meeting) if found is item), None)


def parse_place(text: str) -> str:
    """The machine's place ("2.1", "2") of a place a person typed: 貳、一, 貳、一、, 貳一,
    2.1, ２．１, 貳 or 2. Raises PlaceError for anything else."""
    plain = to_halfwidth(text).strip().replace("．", ".")
    numbers: list[int] = []
    if found := (arabic_place().fullmatch(plain) or _written_place().fullmatch(plain)):
        try:
            numbers = [parse_number(p) for p in (found["section"], found["item"]) if p]
        except NumeralError:
            numbers = []
    if not numbers or min(numbers) < 1:
        raise PlaceError(
            _("{text!r} is not a place (give 貳、一 or 2.1; 貳 for a section)").format(text=text)
        )
    return ".".join(str(n) for n in numbers)


def item_at(meeting: Meeting, place: str) -> tuple[str, Item]:
    """The heading and item at `place`, written (貳、一) or numbered (2.1)."""
    try:
        numbers = [int(part) for part in parse_place(place).split(".")]
        section = meeting.sections[numbers[0] - 1]
        heading = f"{label(Ladder.SECTION, numbers[0])}{section.title}"
        if len(numbers) == 1 and section.body is not None and numbers[0] >= 1:
            return heading, section.body
        if len(numbers) == 2 and numbers[0] >= 1 and numbers[1] >= 1:
            return f"{heading} {chinese(numbers[1])}", section.items[numbers[1] - 1]
    except (ValueError, IndexError):
        pass
    raise PlaceError(
        _("meeting {number} has no item {place} (give 貳、一 or 2.1)").format(
            number=meeting.number, place=place
        )
    )


def motions_section(meeting: Meeting) -> tuple[int, Section]:
    """The 臨時動議 section and its number, made at the end if the meeting has none."""
    for index, section in enumerate(meeting.sections, start=1):
        if section.kind is ItemKind.MOTIONS:
            return index, section
    meeting.sections.append(Section("臨時動議", kind=ItemKind.MOTIONS, listed=True))
    return len(meeting.sections), meeting.sections[-1]
