"""The agenda's shape as the outline shows it: every section (壹, "1") and every item in it
(壹、一, "1.1") is a place; a section is named by its numeral or its title."""

from __future__ import annotations

from tui.domain.model import Item, ItemKind, Meeting, Section
from tui.domain.numerals import Ladder, NumeralError, label, parse_number, to_halfwidth

PROPOSALS_TITLE = "討論事項"

# A section's kind read from its title, as the importer reads it.
_KINDS = (
    ("宣讀", ItemKind.READ_RECORD),
    ("臨時動議", ItemKind.MOTIONS),
    ("討論", ItemKind.PROPOSALS),
)


def outline_places(meeting: Meeting) -> list[str]:
    """Every place of the outline in order: "1", "2", "2.1" … (sections included)."""
    found: list[str] = []
    for s, section in enumerate(meeting.sections, start=1):
        found.append(str(s))
        found.extend(f"{s}.{i}" for i in range(1, len(section.items) + 1))
    return found


def section_heading(meeting: Meeting, index: int) -> str:
    """貳、報告事項 for the section at 0-based `index`."""
    return f"{label(Ladder.SECTION, index + 1)}{meeting.sections[index].title}"


def section_at(meeting: Meeting, place: str) -> tuple[int, Section] | None:
    """The section at a place of the outline ("3", or "3.1" for the section of an item)."""
    head = place.split(".")[0]
    if not head.isdigit() or not 0 < int(head) <= len(meeting.sections):
        return None
    return int(head) - 1, meeting.sections[int(head) - 1]


def section_named(meeting: Meeting, text: str) -> tuple[int, Section] | None:
    """The section a person names: its numeral (貳, 2, 貳、) or its title (討論事項)."""
    wanted = to_halfwidth(text).strip().rstrip("、.")
    try:
        number = parse_number(wanted)
    except NumeralError:
        number = 0
    if 0 < number <= len(meeting.sections):
        return number - 1, meeting.sections[number - 1]
    for index, section in enumerate(meeting.sections):
        if _bare(section.title) == _bare(wanted):
            return index, section
    return None


def _bare(title: str) -> str:
    return to_halfwidth(title).strip().rstrip("。.").replace(" ", "")


def section_kind(title: str) -> ItemKind:
    return next((kind for word, kind in _KINDS if word in title), ItemKind.ORDINARY)


def new_section_position(meeting: Meeting) -> int:
    """Where a section goes when no place is asked for: before 臨時動議, else last."""
    for index, section in enumerate(meeting.sections):
        if section.kind is ItemKind.MOTIONS:
            return index
    return len(meeting.sections)


def item_title(item: Item) -> str:
    """What names an item: its title, or the text of its first labelled block (案由)."""
    if item.title or not item.blocks or not item.blocks[0].label:
        return item.title
    return item.blocks[0].text


def holds_cases(item: Item) -> bool:
    """The item reports on tracked cases, or one of its conclusions opened one."""
    return bool(item.cases) or any(c.case is not None for c in item.conclusions)


def nearest_place(meeting: Meeting, place: str) -> str:
    """The place to stand on when `place` is gone: the item before it, else its section."""
    places = outline_places(meeting)
    if place in places or not places:
        return place if place in places else ""
    head, _dot, tail = place.partition(".")
    candidates = [f"{head}.{int(tail) - 1}"] if tail.isdigit() and int(tail) > 1 else []
    if head.isdigit():
        candidates.append(str(min(int(head), len(meeting.sections))))
    return next((c for c in candidates if c in places), places[-1])
