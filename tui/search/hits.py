"""One place a search found its text, and a snippet of that text around the match."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from tui.i18n import pgettext
from tui.render.cjkwrap import width
from tui.search.schema import FIELDS

ELLIPSIS = "…"


@dataclass(frozen=True)
class Hit:
    meeting: int
    date: date | None
    place: str  # "2.4", compatible with `agenda conclude N PLACE`; "" when not known
    field: str  # what matched: title, motion, proposal, report, case, progress, conclusion, note
    text: str
    # where the query is in text: (start, end) offsets
    spans: list[tuple[int, int]] = dataclasses.field(default_factory=list)
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


@dataclass(frozen=True)
class Snippet:
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
