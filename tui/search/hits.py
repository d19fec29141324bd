"""One place a search found its text, and a snippet of that text around the match."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from tui.i18n import pgettext
from tui.render.widths import width
from tui.search.schema import FIELDS

ELLIPSIS = "…"


class Hit(NamedTuple):
    """Immutable; a named tuple, not a dataclass: a search imports no dataclasses (their
    module imports inspect and ast, a fifth of the command's time)."""

    meeting: int
    date: date | None
    place: str  # "2.4", compatible with `agenda conclude N PLACE`; "" when not known
    field: str  # what matched: title, motion, proposal, report, case, progress, conclusion, note
    text: str
    spans: list[tuple[int, int]]  # where the query is in text: (start, end) offsets
    entry: int = 0  # 1-based among the item's reports or conclusions
    case_kind: str = ""
    case_number: int | None = None

    @property
    def what(self) -> str:
        """ "conclusion 2", "case 10101", "title" (in the chosen language)."""
        word = field_word(self.field)
        if self.case_number is not None:
            return f"{word} {self.case_number}"
        return f"{word} {self.entry}" if self.entry else word

    def order(self) -> tuple[int, tuple[int, ...], int, int]:
        """Newest meeting first; then in the meeting's own order."""
        try:
            place = tuple(int(p) for p in self.place.split(".")) if self.place else (1 << 30,)
        except ValueError:
            place = (1 << 30,)
        return -self.meeting, place, FIELDS.index(self.field), self.entry


def field_word(field: str) -> str:
    """What matched (one of FIELDS), as a person reads it."""
    words = {
        "title": pgettext("search hit", "title"),
        "motion": pgettext("search hit", "motion"),
        "proposal": pgettext("search hit", "proposal"),
        "report": pgettext("search hit", "report"),
        "case": pgettext("search hit", "case"),
        "progress": pgettext("search hit", "progress"),
        "conclusion": pgettext("search hit", "conclusion"),
        "note": pgettext("search hit", "note"),
    }
    return words.get(field, field)


class Snippet(NamedTuple):
    text: str
    spans: list[tuple[int, int]]  # offsets of the matches in the snippet


def snippet(hit: Hit, columns: int, before: int = 10) -> Snippet:
    """The text on one line in at most `columns` cells, cut to start shortly before the match."""
    text = hit.text.replace("\n", " ")
    start, end = 0, len(text)
    if width(text) > columns:
        first = hit.spans[0][0] if hit.spans else 0
        start = _back(text, first, before)
        end = _forward(text, start, columns - (1 if start else 0) - 1)
    shown = (ELLIPSIS if start else "") + text[start:end] + (ELLIPSIS if end < len(text) else "")
    shift = (1 if start else 0) - start
    inside = [
        (max(s, start) + shift, min(e, end) + shift) for s, e in hit.spans if s < end and e > start
    ]
    return Snippet(shown, inside)


def _back(text: str, first: int, cells: int) -> int:
    start = first
    while start > 0 and cells >= width(text[start - 1]):
        cells -= width(text[start - 1])
        start -= 1
    return start


def _forward(text: str, start: int, cells: int) -> int:
    end = start
    while end < len(text) and cells >= width(text[end]):
        cells -= width(text[end])
        end += 1
    return max(end, start + 1)
