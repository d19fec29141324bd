"""Where an item stands in a meeting: its place ("2.4", or "1" for a section that is
itself an item) and its heading in the record ("貳、報告事項 四")."""

from __future__ import annotations

from collections.abc import Iterator

from tui.domain.model import Item, ItemKind, Meeting, Section
from tui.domain.numerals import Ladder, chinese, label


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


def item_at(meeting: Meeting, place: str) -> tuple[str, Item]:
    """The heading and item at `place`."""
    try:
        numbers = [int(part) for part in place.split(".")]
        section = meeting.sections[numbers[0] - 1]
        heading = f"{label(Ladder.SECTION, numbers[0])}{section.title}"
        if len(numbers) == 1 and section.body is not None and numbers[0] >= 1:
            return heading, section.body
        if len(numbers) == 2 and numbers[0] >= 1 and numbers[1] >= 1:
            return f"{heading} {chinese(numbers[1])}", section.items[numbers[1] - 1]
    except (ValueError, IndexError):
        pass
    raise PlaceError(f"meeting {meeting.number} has no item {place!r} (give SECTION.ITEM)")


def motions_section(meeting: Meeting) -> tuple[int, Section]:
    """The 臨時動議 section and its number, made at the end if the meeting has none."""
    for index, section in enumerate(meeting.sections, start=1):
        if section.kind is ItemKind.MOTIONS:
            return index, section
    meeting.sections.append(Section("臨時動議", kind=ItemKind.MOTIONS, listed=True))
    return len(meeting.sections), meeting.sections[-1]
