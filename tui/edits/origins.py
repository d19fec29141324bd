"""Where a case tracked at a meeting came from (貳、報告事項 四) follows its item when the
agenda's shape changes: a section added before it, an item moved, a section renamed."""

from __future__ import annotations

from tui.domain.model import Meeting
from tui.domain.places import placed_items
from tui.edits.workset import Workset


def refresh_origins(ws: Workset, meeting: Meeting) -> None:
    """Every case this meeting opened names its item's heading as the meeting has it now."""
    for _place, heading, item in placed_items(meeting):
        for conclusion in item.conclusions:
            if conclusion.case is None:
                continue
            case = ws.find_case(conclusion.case)
            if case is None or case.origin_meeting != meeting.number:
                continue
            if case.origin_item != heading:
                case.origin_item = heading
                ws.change_case(case)
