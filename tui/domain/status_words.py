"""A meeting's status as the office says it; the JSON output and the files keep the value.

Apart from tui.domain.lifecycle so that listing the meetings needs no more than this."""

from __future__ import annotations

from tui.domain.model import MeetingStatus

STATUS_WORDS = {
    MeetingStatus.DRAFT: "議程草案",
    MeetingStatus.IN_SESSION: "開會中",
    MeetingStatus.RECORDED: "紀錄完成",
    MeetingStatus.CONFIRMED: "紀錄確定",
}


def status_word(status: MeetingStatus | str) -> str:
    """議程草案, 開會中, 紀錄完成, 紀錄確定 (from the status or its stored value)."""
    return STATUS_WORDS[MeetingStatus(status)]


APPROVED_WORD = "已核定"


def listed_status(row: dict[str, object]) -> str:
    """A meeting's status in a listing of the index: 已核定 for a record the chair approved
    (an index written before approvals were kept says 紀錄完成)."""
    if row.get("approved") and row["status"] == MeetingStatus.RECORDED.value:
        return APPROVED_WORD
    return status_word(str(row["status"]))
