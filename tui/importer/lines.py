"""The lines of a record: Markdown marks removed, page-break splits joined, line numbers kept."""

from __future__ import annotations

import re
from typing import Protocol

from tui.dataclass_cache import dataclass, field
from tui.domain.numerals import Ladder, parse_label
from tui.domain.text import without_controls
from tui.importer.case_table import TABLE_ROW
from tui.importer.flat_tables import table_runs

# A paragraph that ends like this is complete; anything else was cut by a page break.
_TERMINAL = tuple("。！？；：」』）)!?;:.…")
_CELL_NUMBER = re.compile(r"^[0-9０-９一二三四五六七八九十]{1,3}$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LIST_MARK = re.compile(r"^\s*[-*+]\s+")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")
# Page numbers and running marks a PDF's text layer leaves between pages.
_PAGE_FURNITURE = re.compile(
    r"^(?:[-－—–]\s*[0-9０-９]+\s*[-－—–]|[0-9０-９]{1,3}|[0-9]+\s*/\s*[0-9]+"
    r"|第\s*[0-9０-９]+\s*頁(?:\s*[，,、/]?\s*共\s*[0-9０-９]+\s*頁)?"
    r"|[一二三四五六七八九十〇○]{1,3}|[(（]\s*[0-9０-９]+\s*[)）]|page\s*[0-9]+)$",
    re.IGNORECASE,
)


@dataclass
class Line:
    """A line of the record's text, its Markdown marks taken off."""

    number: int  # 1-based line number in the file
    text: str  # stripped, without Markdown list or heading marks
    listed: bool = False  # written as a Markdown list item
    parts: list[str] = field(default_factory=list)  # the lines joined into this one
    table: bool = False  # a flattened table, its lines kept as they were

    def spaced(self) -> str:
        """The text with a space where lines were joined: names listed in columns."""
        return " ".join(self.parts) if self.parts else self.text


def record_lines(
    text: str, is_structural: StructureTest, skipped: list[Line] | None = None
) -> list[Line]:
    """The lines that carry the record; page furniture goes to `skipped`, before broken
    lines are joined, so a page number never lands inside a sentence."""
    raw_lines = text.split("\n")
    tables = table_runs(raw_lines, is_structural.opens)
    in_table = {index for first, end in tables for index in range(first, end)}
    furniture = [
        Line(index + 1, raw.strip())
        for index, raw in enumerate(raw_lines)
        if _is_furniture(raw.strip(), index in in_table)
    ]
    if skipped is not None:
        skipped.extend(furniture)
    lines = [_clean(index + 1, raw) for index, raw in enumerate(raw_lines) if index not in in_table]
    lines += [_table(raw_lines, first, end) for first, end in tables]
    lines.sort(key=lambda line: line.number)
    # The 列管 table's lines are its cases' (tui/importer/case_table.py reads them back),
    # not items, points or notes.
    page_numbers = {line.number for line in furniture}
    kept = [
        line
        for line in lines
        if line.text and not TABLE_ROW.match(line.text) and line.number not in page_numbers
    ]
    return _join_page_breaks(kept, is_structural)


def _is_furniture(text: str, in_table: bool) -> bool:
    """A page number; in a table a number alone is a cell (編號 1), not a page."""
    return bool(_PAGE_FURNITURE.match(text)) and not (in_table and _CELL_NUMBER.match(text))


def _table(raw_lines: list[str], first: int, end: int) -> Line:
    rows = [
        row.rstrip()
        for index, row in enumerate(raw_lines[first:end], start=first)
        if row.strip() and not _is_furniture(row.strip(), True)
    ]
    return Line(first + 1, "\n".join(rows), table=True)


class Matcher(Protocol):
    def match(self, text: str, /) -> object: ...


class StructureTest:
    """Tells whether a line opens something (a label, a header field) rather than continues."""

    def __init__(self, *patterns: Matcher, complete: Matcher | None = None) -> None:
        self._patterns = patterns
        self._complete = complete  # a line that is whole as it stands: a header field

    def opens(self, text: str) -> bool:
        """A line that starts a part of the record by its words: 決議：, 案由：, 報告事項 …"""
        return any(bool(p.match(text)) for p in self._patterns) or _is_section_label(text)

    def is_complete(self, text: str) -> bool:
        return self._complete is not None and bool(self._complete.match(text))

    def __call__(self, text: str) -> bool:
        if parse_label(text) is not None:
            return True
        return any(bool(p.match(text)) for p in self._patterns)


def _clean(number: int, raw: str) -> Line:
    text = without_controls(raw).strip().lstrip("\ufeff").strip()
    text = _HEADING_MARK.sub("", text)
    listed = bool(_LIST_MARK.match(text))
    text = _LIST_MARK.sub("", text).strip()
    return Line(number, text, listed)


def _join_page_breaks(lines: list[Line], is_structural: StructureTest) -> list[Line]:
    joined: list[Line] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (
            previous
            and not (previous.table or line.table)
            and _is_cut(previous.text)
            and not is_structural(line.text)
            and not is_structural.is_complete(previous.text)
        ):
            previous.parts = [*(previous.parts or [previous.text]), line.text]
            previous.text += line.text
        else:
            joined.append(line)
    return joined


def _is_section_label(text: str) -> bool:
    label = parse_label(text)
    return label is not None and label.ladder is Ladder.SECTION


def _is_cut(text: str) -> bool:
    """A Chinese sentence broken off; a date or a number alone is whole (2020-12-22 09:00:00)."""
    return not text.endswith(_TERMINAL) and len(text) > 20 and bool(_CJK.search(text))
