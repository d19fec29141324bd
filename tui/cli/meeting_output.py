"""`agenda show N`: a meeting's heading, time, status and what it holds, in a few lines."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tui.domain.meeting_data import items
from tui.domain.rocdays import format_datetime
from tui.domain.status_words import status_word
from tui.i18n import N_, _


def counts(meeting: dict[str, Any]) -> dict[str, int]:
    """What the meeting holds, from its plain data (json_output.meeting_json's)."""
    found = items(meeting)
    return {
        "sections": len(meeting["sections"]),
        "items": len(found),
        "reports": sum(len(i["reports"]) for i in found),
        "conclusions": sum(len(i["conclusions"]) for i in found),
    }


def print_meeting(meeting: dict[str, Any], organisation: str, series: str) -> None:
    """The meeting of plain data (json_output.meeting_json's) held by the office named."""
    print(f"{organisation}第 {meeting['number']} 次{series}")
    start = format_datetime(datetime.fromisoformat(meeting["start"]))
    print(f"  時間：{start}   {status_word(meeting['status'])}")
    if meeting["approval"] is not None:
        approval = meeting["approval"]
        at = format_datetime(datetime.fromisoformat(approval["at"]))
        print(f"  核定：{approval['by']}（{at}）")
    print("  " + _(", ").join(f"{_(_COUNTED[name])} {n}" for name, n in counts(meeting).items()))


_COUNTED = {
    "sections": N_("sections"),
    "items": N_("items"),
    "reports": N_("reports"),
    "conclusions": N_("conclusions"),
}
