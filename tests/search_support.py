"""A history of several meetings for the search tests, and what a search of it must find."""

from __future__ import annotations

from copy import deepcopy
from datetime import timedelta
from pathlib import Path

from tests.conftest import REFERENCE
from tui import database, secretary
from tui.domain.model import Meeting, MeetingStatus, Point
from tui.domain.places import placed_items
from tui.search.grams import folded
from tui.storage.repository import Repository

COPIES = 6  # meetings 102… made from the reference record, each a little different


def history(db: Path) -> Repository:
    """Meeting 101 imported from the reference, then copies of it as meetings 102…"""
    repo = database.open_repository(db)
    secretary.import_records(repo, [REFERENCE], replace=False)
    first = repo.load_meeting(101)
    assert first is not None
    for offset in range(1, COPIES + 1):
        copy = deepcopy(first)
        copy.number = 101 + offset
        copy.start = first.start + timedelta(days=28 * offset)
        copy.status = MeetingStatus.DRAFT
        copy.confirmation = None
        # Each copy says something of its own, and loses an item, so places differ.
        copy.sections[1].items[0].title = f"第 {copy.number} 次會議宣達事項。"
        del copy.sections[1].items[offset % 3 + 1]
        for item in copy.items():
            for conclusion in item.conclusions:
                conclusion.case = None
        with repo.change() as records:  # made here, not loaded: written as made
            records.create_meeting(copy)
    return repo


def texts(meeting: Meeting) -> list[tuple[str, str, int, str]]:
    """(place, field, entry, text) of every searchable text, as the index composes them."""
    found: list[tuple[str, str, int, str]] = []
    for place, _, item in placed_items(meeting):
        if item.presenter:
            heading = f"{item.presenter}{item.presenter_kind}：{item.title}"
            found.append((place, "motion", 0, heading))
        elif item.title or item.label:
            found.append((place, "title", 0, " ".join(t for t in (item.label, item.title) if t)))
        for block in item.blocks:
            points = "".join(_all_points(block.points))
            found.append((place, "proposal", 0, f"{block.label}：{block.text}{points}"))
        for index, report in enumerate(item.reports, start=1):
            points = "".join(_all_points(report.points))
            text = f"{report.speaker}{report.kind}：{report.text}{points}"
            found.append((place, "report", index, text))
        for index, conclusion in enumerate(item.conclusions, start=1):
            text = conclusion.text + "".join(_all_points(conclusion.points))
            if text:
                found.append((place, "conclusion", index, text))
        found.extend((place, "note", 0, note) for note in item.notes if note)
    found.extend(("", "note", 0, note) for note in meeting.notes if note)
    return found


def _all_points(points: list[Point]) -> list[str]:
    found: list[str] = []
    for point in points:
        found.append(point.text)
        found.extend(_all_points(point.points))
    return found


def expected(repo: Repository, query: str) -> list[tuple[int, str, str, int]]:
    """Every (meeting, place, field, entry) of the meetings whose text holds `query`,
    newest meeting first and in the record's order: what the index must give."""
    wanted = folded(query)
    found: list[tuple[int, str, str, int]] = []
    for number in sorted(repo.meeting_numbers(), reverse=True):
        meeting = repo.load_meeting(number)
        assert meeting is not None
        found.extend(
            (number, place, field, entry)
            for place, field, entry, text in texts(meeting)
            if wanted in folded(text)
        )
    return found
