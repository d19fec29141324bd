"""Words the screens show for the model's values."""

from __future__ import annotations

from tui.domain.decisions import DECISION_WORDS, UNDECIDED_WORD
from tui.domain.model import CaseDecision, MeetingStatus

STATUS = {
    MeetingStatus.DRAFT: "議程草案",
    MeetingStatus.IN_SESSION: "開會中",
    MeetingStatus.RECORDED: "紀錄完成",
    MeetingStatus.CONFIRMED: "紀錄確定",
}

DECISION: dict[CaseDecision | None, str] = {None: UNDECIDED_WORD}
DECISION.update(DECISION_WORDS.items())
