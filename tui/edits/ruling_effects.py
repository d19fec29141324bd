"""What a ruling on a case did beyond its decision, taken back before it is ruled on again."""

from __future__ import annotations

from tui.domain.model import CaseKind, TrackedCase
from tui.edits.workset import Workset


def take_back(ws: Workset, meeting: int, case: TrackedCase) -> None:
    """Undo the effects of an earlier ruling at the same meeting: a merge, a new deadline."""
    event = case.decision_at(meeting)
    if event is None:
        return
    if event.merged_into is not None:
        target = ws.find_case(event.merged_into, CaseKind.INTERNAL)
        if target is not None and case.number in target.merged_from:
            target.merged_from.remove(case.number)
            ws.change_case(target)
    last = case.deadline_changes[-1] if case.deadline_changes else None
    new = event.new_deadline
    # The old deadline comes back if the one set here was not changed again since.
    if (
        new is not None
        and last is not None
        and (last.meeting, last.new, case.deadline)
        == (
            meeting,
            new,
            new,
        )
    ):
        case.deadline_changes.pop()
        case.deadline = last.old
    event.reason, event.merged_into, event.moved_to, event.new_deadline = None, None, "", None
