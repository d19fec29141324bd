"""A tracked case's history as the domain asks for it: near one meeting, or whole.

A case read for a change holds its newest events and leaves the older ones unread
(`TrackedCase.unread`); each question here reads back only as far as its answer needs, so
a case tracked for a thousand meetings costs what a new one does. Only a person asking
for the whole history (its lines, a change of kind, an undo's snapshot) reads it all.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.domain.model import CaseEvent, TrackedCase


def whole(case: TrackedCase) -> list[CaseEvent]:
    """Every event of the case, by meeting."""
    case.read_back(0)
    return case.history


def since(case: TrackedCase, meeting: int) -> list[CaseEvent]:
    """The events of `meeting` and later ones."""
    case.read_back(meeting)
    return [e for e in case.history if e.meeting >= meeting]


def latest(
    case: TrackedCase, before: int, wanted: Callable[[CaseEvent], bool] = lambda e: True
) -> CaseEvent | None:
    """The newest event before meeting `before` that is `wanted`; older events are read
    a part at a time, newest first, only while none is found."""
    while True:
        found = next((e for e in reversed(case.history) if e.meeting < before and wanted(e)), None)
        parts = [p for p in case.unread if p.start < before and p.count]
        if not parts or (found is not None and found.meeting >= max(p.end for p in parts)):
            return found
        case.read_back(max(p.start for p in parts))


def newest(case: TrackedCase) -> CaseEvent | None:
    if not case.history:
        case.read_back(0)
    return max(case.history, key=lambda e: e.meeting, default=None)


def count_before(case: TrackedCase, meeting: int) -> int:
    """How many meetings before `meeting` heard the case."""
    case.read_back(meeting)
    unread = sum(p.count for p in case.unread)
    return unread + len([e for e in case.history if e.meeting < meeting])
