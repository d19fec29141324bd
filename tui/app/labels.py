"""Words the screens show for the model's values."""

from __future__ import annotations

from tui.domain.model import CaseDecision, MeetingStatus

STATUS = {
    MeetingStatus.DRAFT: "議程草案",
    MeetingStatus.IN_SESSION: "開會中",
    MeetingStatus.RECORDED: "紀錄完成",
    MeetingStatus.CONFIRMED: "紀錄確定",
}

DECISION = {CaseDecision.RELEASE: "解除列管", CaseDecision.KEEP: "賡續列管", None: "未決定"}
