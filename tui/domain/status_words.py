"""A meeting's status as the office says it; the JSON output and the files keep the value.

Apart from tui.domain.lifecycle so that listing the meetings needs no more than this; keyed
by the statuses' stored values (MeetingStatus is a StrEnum: its members find them too), so
that a listing of the index imports no model."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.domain.model import MeetingStatus

STATUS_WORDS = {
    "draft": "議程草案",
    "in_session": "開會中",
    "recorded": "紀錄完成",
    "confirmed": "紀錄確定",
}


def status_word(status: MeetingStatus | str) -> str:
    """議程草案, 開會中, 紀錄完成, 紀錄確定 (from the status or its stored value)."""
    return STATUS_WORDS[status]


APPROVED_WORD = "已核定"


def listed_status(row: dict[str, object]) -> str:
    """A meeting's status in a listing of the index: 已核定 for a record the chair approved
    (an index written before approvals were kept says 紀錄完成)."""
    if row.get("approved") and row["status"] == "recorded":
        return APPROVED_WORD
    return status_word(str(row["status"]))
