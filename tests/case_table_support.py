"""A small meeting whose case report has every kind of row the 列管 table shows: co-owners,
a deadline near (將屆) and one passed (逾期), proposals with and without a new deadline, a
case merged into another, a case kept with a new deadline, an outside case with no answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tui.domain.model import (
    CaseDecision,
    CaseEvent,
    CaseKind,
    CaseRef,
    Conclusion,
    Item,
    ItemKind,
    Meeting,
    Office,
    ReleaseReason,
    Section,
    TrackedCase,
)

OFFICE = Office("臺北市政府秘書處", "處務會議", ["總務組", "人事室", "會計室", "文書組"])
DECISION_SENTENCE = "列管案號 10202 及 10203 均解除列管；列管案號 10201 賡續列管。"


@dataclass
class TableMeeting:
    meeting: Meeting
    cases: list[TrackedCase]


def table_meeting(decided: bool) -> TableMeeting:
    """Meeting 103 on 115/12/17: as its agenda (`decided` False) or as its record."""
    cases = [_kept(decided), _done(decided), _merged(decided), _mayor(decided)]
    report = Item(
        "第 102 次處務會議結論事項辦理情形報告。",
        kind=ItemKind.CASE_REPORT,
        cases=[CaseRef(c.number) for c in cases[:3]],
        conclusions=[Conclusion(DECISION_SENTENCE, decisions=True)] if decided else [],
    )
    mayor = Item(
        "市長室暨市政會議列管秘書處案件。",
        kind=ItemKind.OUTSIDE_CASES,
        cases=[CaseRef(12601, CaseKind.MAYOR)],
    )
    meeting = Meeting(
        103,
        datetime(2026, 12, 17, 10, 0),
        place="第一會議室",
        chair="陳志銘",
        recorder="許菁芳",
        sections=[Section("報告事項", [report, mayor])],
    )
    return TableMeeting(meeting, cases)


def _kept(decided: bool) -> TrackedCase:
    last = CaseEvent(
        102, "已汰換一樓照明設備。", decision=CaseDecision.KEEP, conclusion="請總務組儘速完成"
    )
    now = CaseEvent(
        103,
        "已汰換三樓照明設備，其餘樓層預定 116 年 1 月底完成。",
        proposal=CaseDecision.KEEP,
        proposed_deadline=date(2027, 1, 31),
    )
    if decided:
        now.decision, now.new_deadline = CaseDecision.KEEP, date(2027, 1, 31)
        now.conclusion = "請於期限內完成"
    return TrackedCase(
        10201,
        "辦公室節能措施，請汰換老舊照明設備。",
        owner="總務組",
        co_owners=["人事室", "會計室"],
        origin_meeting=102,
        deadline=date(2026, 12, 31),
        history=[last, now],
    )


def _done(decided: bool) -> TrackedCase:
    now = CaseEvent(103, "已自 11 月份薪資單起標示給付項目。", proposal=CaseDecision.RELEASE)
    if decided:
        now.decision, now.reason = CaseDecision.RELEASE, ReleaseReason.DONE
    return TrackedCase(
        10202,
        "員工薪資單應標示給付項目明細。",
        owner="會計室",
        origin_meeting=102,
        deadline=date(2026, 11, 30),
        history=[now],
    )


def _merged(decided: bool) -> TrackedCase:
    now = CaseEvent(103, "與列管案號 10201 併同辦理。", proposal=CaseDecision.RELEASE)
    if decided:
        now.decision, now.reason = CaseDecision.RELEASE, ReleaseReason.MERGED
        now.merged_into = 10201
    return TrackedCase(
        10203, "會議室照明改善（A|B 棟）。", owner="文書組", origin_meeting=102, history=[now]
    )


def _mayor(decided: bool) -> TrackedCase:
    history = [CaseEvent(103, decision=CaseDecision.KEEP)] if decided else []
    return TrackedCase(
        12601,
        "市政大樓辦公空間中繼及調度。",
        owner="",
        kind=CaseKind.MAYOR,
        deadline=date(2027, 6, 30),
        history=history,
    )
