"""The lines of a record: Markdown marks removed, page-break splits joined, line numbers kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from tui.domain.numerals import parse_label
from tui.domain.text import without_controls
from tui.importer.case_table import TABLE_ROW

# A paragraph that ends like this is complete; anything else was cut by a page break.
_TERMINAL = tuple("。！？；：」』）)!?;:.…")
_LIST_MARK = re.compile(r"^\s*[-*+]\s+")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")


@dataclass
class Line:
    number: int  # 1-based line number in the file
    text: str  # stripped, without Markdown list or heading marks
    listed: bool = False  # written as a Markdown list item


def record_lines(text: str, is_structural: StructureTest) -> list[Line]:
    lines = [_clean(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]
    # The 列管 table's lines are its cases' (tui/importer/case_table.py reads them back),
    # not items, points or notes.
    kept = [line for line in lines if line.text and not TABLE_ROW.match(line.text)]
    return _join_page_breaks(kept, is_structural)


class Matcher(Protocol):
    def match(self, text: str, /) -> object: ...


class StructureTest:
    """Tells whether a line opens something (a label, a header field) rather than continues."""

    def __init__(self, *patterns: Matcher) -> None:
        self._patterns = patterns

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
        if previous and _is_cut(previous.text) and not is_structural(line.text):
            previous.text += line.text
        else:
            joined.append(line)
    return joined


def _is_cut(text: str) -> bool:
    return not text.endswith(_TERMINAL) and len(text) > 20
