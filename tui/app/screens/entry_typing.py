"""The entry being typed into, and the operation its text becomes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from tui.app.widgets.entries import case_text, conclusion_text, report_text
from tui.dataclass_cache import dataclass
from tui.domain.identity import find_entry
from tui.domain.model import CaseKind, Conclusion, Report
from tui.domain.numerals import Ladder
from tui.domain.points import CONCLUSION_RUNGS, REPORT_RUNGS, read_points
from tui.edits import Operation
from tui.edits.ops import WriteConclusion, WriteProgress, WriteReport

if TYPE_CHECKING:
    from tui.app.live import LiveMeeting


@dataclass
class Typing:
    """The entry being typed into, and the operation its text becomes."""

    kind: str  # conclusion, report, progress
    meeting: int
    item: str
    target: str  # the entry's id; the case number for progress
    case_kind: str = CaseKind.INTERNAL.value
    group: str = ""
    draft: Conclusion | None = None  # a conclusion begun, shown until it has text

    @property
    def key(self) -> tuple[object, ...]:
        if self.kind == "progress":
            return ("case", CaseKind(self.case_kind), int(self.target))
        return ("Conclusion" if self.kind == "conclusion" else "Report", self.target)

    @property
    def rungs(self) -> Sequence[Ladder]:
        """The labels of its points in the box: 1. (1) under a conclusion, else (一) 1. (1)."""
        return CONCLUSION_RUNGS if self.kind == "conclusion" else REPORT_RUNGS

    def operation(self, typed: str, correction: int | None) -> Operation:
        """What is typed, its lines read as a lead and its points."""
        written = read_points(typed)
        text, points = written.text, tuple(written.points)
        common = {"group": self.group, "correction": correction, "points": points}
        if self.kind == "conclusion":
            return WriteConclusion(self.meeting, self.item, self.target, text, **common)  # type: ignore[arg-type]
        if self.kind == "report":
            return WriteReport(self.meeting, self.item, self.target, text, **common)  # type: ignore[arg-type]
        return WriteProgress(self.meeting, int(self.target), text, self.case_kind, **common)  # type: ignore[arg-type]

    def shown(self, live: LiveMeeting) -> Text:
        if self.kind == "progress":
            case = live.cases.get((CaseKind(self.case_kind), int(self.target)))
            return case_text(case, self.meeting, live.meeting.date) if case else Text("")
        found = find_entry(live.meeting, self.target)
        if found is None:
            return conclusion_text(self.draft or Conclusion(""), 1, {})
        item, entry = found
        if isinstance(entry, Report):
            return report_text(entry)
        internal = {n: c for (k, n), c in live.cases.items() if k is CaseKind.INTERNAL}
        return conclusion_text(entry, item.conclusions.index(entry) + 1, internal)
