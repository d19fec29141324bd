"""Stable names for a meeting's items, reports and conclusions, so an edit names what it
changes whatever else has moved since.

Entries stored without a name get one from their place in the stored meeting: every
reader of the same document gives the same names, and the next write keeps them.
"""

from __future__ import annotations

import os

from tui.domain.model import Conclusion, Item, Meeting, Report, Section


def new_id(prefix: str) -> str:
    return f"{prefix}{os.urandom(5).hex()}"


def name_entries(meeting: Meeting) -> Meeting:
    """Give every unnamed section, item, report and conclusion its place's name; returns
    meeting."""
    for s, section in enumerate(meeting.sections, start=1):
        section.id = section.id or f"s{s}"
        if section.body is not None:
            _name_item(section.body, f"{s}")
        for i, item in enumerate(section.items, start=1):
            _name_item(item, f"{s}.{i}")
    return meeting


def _name_item(item: Item, place: str) -> None:
    item.id = item.id or f"i{place}"
    for n, report in enumerate(item.reports, start=1):
        report.id = report.id or f"r{place}.{n}"
    for n, conclusion in enumerate(item.conclusions, start=1):
        conclusion.id = conclusion.id or f"c{place}.{n}"


Entry = Report | Conclusion


def find_item(meeting: Meeting, item_id: str) -> Item | None:
    return next((item for item in meeting.items() if item.id == item_id), None)


def find_section(meeting: Meeting, section_id: str) -> tuple[int, Section] | None:
    """The section named section_id and its 0-based index."""
    for index, section in enumerate(meeting.sections):
        if section.id == section_id:
            return index, section
    return None


def find_entry(meeting: Meeting, entry_id: str) -> tuple[Item, Entry] | None:
    """The report or conclusion named entry_id, with the item it is under."""
    for item in meeting.items():
        entries: list[Entry] = [*item.reports, *item.conclusions]
        for entry in entries:
            if entry.id == entry_id:
                return item, entry
    return None
