"""`agenda show N`: a meeting's heading, time, status and what it holds, in a few lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.domain.rocdays import format_datetime
from tui.domain.status_words import status_word
from tui.i18n import N_, _

if TYPE_CHECKING:
    from tui.domain.model import Meeting, Office


def counts(meeting: Meeting) -> dict[str, int]:
    items = meeting.items()
    return {
        "sections": len(meeting.sections),
        "items": len(items),
        "reports": sum(len(i.reports) for i in items),
        "conclusions": len(meeting.conclusions()),
    }


def print_meeting(meeting: Meeting, office: Office) -> None:
    print(f"{office.organisation}第 {meeting.number} 次{office.series}")
    print(f"  時間：{format_datetime(meeting.start)}   {status_word(meeting.status)}")
    if meeting.approval is not None:
        approval = meeting.approval
        print(f"  核定：{approval.by}（{format_datetime(approval.at)}）")
    print("  " + _(", ").join(f"{_(_COUNTED[name])} {n}" for name, n in counts(meeting).items()))


_COUNTED = {
    "sections": N_("sections"),
    "items": N_("items"),
    "reports": N_("reports"),
    "conclusions": N_("conclusions"),
}
