"""The searchable texts of a stored meeting and of a stored case, each with where it stands.

They are read from the stored JSON (as `tui.domain.codec.to_data` writes the model), not
from the model itself: decoding every meeting into dataclasses was most of the time of
building the index. tests/test_search_index.py checks that every text of the model is found.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from tui.dataclass_cache import dataclass
from tui.i18n import _
from tui.search.schema import LARGEST_MEETING
from tui.storage.layout import CASE_KINDS

INTERNAL = CASE_KINDS[0]


class NotAMeeting(ValueError):
    """Stored data without the shape the rows are read from."""


@dataclass(frozen=True)
class Row:
    """One text of a meeting the search index holds, and where it is."""

    meeting: int
    place: str  # "2.4", "1", or "" for the meeting as a whole (a case's is looked up)
    field: str  # one of FIELDS
    text: str
    entry: int = 0  # 1-based among the item's reports or conclusions
    case_kind: str = ""
    case_number: int | None = None


@dataclass(frozen=True)
class CasePlace:
    """Where a meeting reports on a case, or opened it."""

    meeting: int
    kind: str
    number: int
    place: str


@dataclass(frozen=True)
class MeetingRows:
    """A meeting's rows for the search index, and where its cases are."""

    number: int
    day: str  # ISO date
    rows: list[Row]
    places: list[CasePlace]


def meeting_rows(data: Any, where: str) -> MeetingRows:
    try:
        number = _meeting_number(data["number"])
        day = datetime.fromisoformat(data["start"]).date().isoformat()
        rows: list[Row] = []
        places: list[CasePlace] = []
        for place, item in _placed(data["sections"]):
            rows.extend(_item_rows(number, place, item))
            places.extend(_case_places(number, place, item))
        rows.extend(Row(number, "", "note", str(note)) for note in data.get("notes", []) if note)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise NotAMeeting(
            _("{where}: not a stored meeting ({problem})").format(where=where, problem=_what(error))
        ) from None
    return MeetingRows(number, day, rows, places)


def _placed(sections: list[Any]) -> Iterator[tuple[str, Any]]:
    """As tui.domain.places.placed_items numbers them."""
    for s, section in enumerate(sections, start=1):
        if section.get("body") is not None:
            yield str(s), section["body"]
        for i, item in enumerate(section.get("items", []), start=1):
            yield f"{s}.{i}", item


def _item_rows(number: int, place: str, item: Any) -> Iterator[Row]:
    title, label = item.get("title", ""), item.get("label", "")
    if item.get("presenter"):
        heading = f"{item['presenter']}{item.get('presenter_kind', '')}：{title}"
        yield Row(number, place, "motion", heading)
    elif title or label:
        yield Row(number, place, "title", " ".join(t for t in (label, title) if t))
    for block in item.get("blocks", []):
        text = _joined(f"{block.get('label', '')}：{block.get('text', '')}", block)
        yield Row(number, place, "proposal", text)
    for index, report in enumerate(item.get("reports", []), start=1):
        head = f"{report.get('speaker', '')}{report.get('kind', '')}：{report.get('text', '')}"
        yield Row(number, place, "report", _joined(head, report), index)
    for index, conclusion in enumerate(item.get("conclusions", []), start=1):
        text = _joined(conclusion.get("text", ""), conclusion)
        if text:
            yield Row(number, place, "conclusion", text, index)
    for note in item.get("notes", []):
        if note:
            yield Row(number, place, "note", str(note))


def _joined(text: str, holder: Any) -> str:
    lines = [text] if text else []
    for point in holder.get("points", []):
        lines.append(_joined(point.get("text", ""), point))
    return "\n".join(line for line in lines if line)


def _case_places(number: int, place: str, item: Any) -> Iterator[CasePlace]:
    for ref in item.get("cases", []):
        kind = str(ref.get("kind", INTERNAL))
        yield CasePlace(number, kind, int(ref["number"]), place)
    for conclusion in item.get("conclusions", []):
        if conclusion.get("case") is not None:
            yield CasePlace(number, INTERNAL, int(conclusion["case"]), place)


def case_rows(data: Any, where: str) -> list[Row]:
    """The case itself (number, subject, owner) at its latest meeting; each progress report."""
    try:
        kind, number = str(data.get("kind", INTERNAL)), int(data["number"])
        history = data.get("history", [])
        latest = max(
            (_meeting_number(e["meeting"]) for e in history),
            default=_meeting_number(data.get("origin_meeting") or 0),
        )
        about = [str(number), data.get("subject", ""), data.get("owner", "")]
        rows = [Row(latest, "", "case", " ".join(t for t in about if t), 0, kind, number)]
        if "subject" not in data:  # a hundred of an open case's older events: no case row
            rows = []
        seen: set[int] = set()
        for event in history:
            meeting = _meeting_number(event["meeting"])
            if event.get("progress") and meeting not in seen:
                seen.add(meeting)
                rows.append(Row(meeting, "", "progress", str(event["progress"]), 0, kind, number))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise NotAMeeting(
            _("{where}: not a stored case ({problem})").format(where=where, problem=_what(error))
        ) from None
    return rows


def _meeting_number(value: Any) -> int:
    """A meeting number the index can key rows by (row ids are 63-bit)."""
    number = int(value)
    if not 0 <= number < LARGEST_MEETING:
        raise ValueError(f"meeting number {number} is out of range")
    return number


def _what(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"
