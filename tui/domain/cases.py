"""What is said of a tracked case, the same in the commands, the app and the documents: its
kind and state, how near its deadline is, and its history meeting by meeting."""

from __future__ import annotations

import enum
from datetime import date

from tui.dataclass_cache import dataclass
from tui.domain.case_history import whole
from tui.domain.decisions import DECISION_WORDS, UNDECIDED_WORD
from tui.domain.model import CaseDecision, CaseEvent, CaseKind, ReleaseReason, TrackedCase
from tui.domain.points import as_one_text
from tui.domain.register_rules import (
    CLOSED_WORD,
    KIND_WORDS,
    OPEN_WORD,
    DeadlineState,
    deadline_state,
    state_key,
    state_word,
)
from tui.domain.rocdate import format_date, format_numeric_date, format_short_date

__all__ = [
    "CLOSED_WORD",
    "KIND_WORDS",
    "OPEN_WORD",
    "DeadlineState",
    "deadline_state",
    "state_key",
    "state_word",
]

TRACKED = "列管"
NO_SUBJECT = "（案由未載）"
NO_OWNER = "（未定）"


def kind_name(kind: CaseKind) -> str:
    """本處列管, 市長室列管, 議會列管."""
    return KIND_WORDS[kind] + TRACKED


PROPOSAL_WORDS = {CaseDecision.RELEASE: "建議解除列管", CaseDecision.KEEP: "建議繼續列管"}


def proposal_word(proposal: CaseDecision | None) -> str:
    """建議解除列管 or 建議繼續列管 (the owner unit's 擬辦); 未擬辦 when it proposes nothing."""
    return PROPOSAL_WORDS[proposal] if proposal else NO_PROPOSAL


NO_PROPOSAL = "未擬辦"

REASON_WORDS = {
    ReleaseReason.DONE: "辦結",
    ReleaseReason.MERGED: "併案",
    ReleaseReason.MOVED: "移列",
    ReleaseReason.WITHDRAWN: "撤銷",
}


def decision_words(event: CaseEvent | None, *, with_words: bool = True) -> str:
    """The chair's 決定 on a case at one meeting as a document writes it: 解除列管（辦結）,
    解除列管（併入列管案號 10101）, 解除列管（移列市政會議）, 賡續列管，列管期限展延至 116 年 1 月
    31 日; then the chair's own words (`with_words`). Empty when undecided."""
    if event is None or event.decision is None:
        return ""
    text = DECISION_WORDS[event.decision]
    if event.decision is CaseDecision.RELEASE and event.reason is not None:
        text += f"（{_reason_words(event)}）"
    if event.decision is CaseDecision.KEEP and event.new_deadline is not None:
        text += f"，列管期限展延至 {format_short_date(event.new_deadline)}"
    if with_words and event.conclusion:
        text += f"；{event.conclusion.rstrip('。')}"
    return text + "。" if with_words and event.conclusion else text


def _reason_words(event: CaseEvent) -> str:
    if event.reason is ReleaseReason.MERGED and event.merged_into:
        return f"併入列管案號 {event.merged_into}"
    if event.reason is ReleaseReason.MOVED and event.moved_to:
        return f"移列{event.moved_to}"
    assert event.reason is not None
    return REASON_WORDS[event.reason]


def is_overdue(case: TrackedCase, on: date) -> bool:
    """An open case whose deadline has passed on that day."""
    return case.is_open and deadline_state(case, on) is DeadlineState.PASSED


# -- the history ----------------------------------------------------------------


class Part(enum.Enum):
    """What a line of a case's history is: each front end indents or styles it."""

    HEADING = "heading"  # the case: number, kind, state
    DETAIL = "detail"  # subject, owner, origin, deadline
    EVENT = "event"  # one meeting's decision
    PROGRESS = "progress"  # what the owner reported at that meeting
    CONCLUSION = "conclusion"  # what that meeting concluded


@dataclass(frozen=True)
class HistoryLine:
    """One line of a case's history as it is shown: which part of the case, and its words."""

    part: Part
    text: str


def history_lines(case: TrackedCase, narrow: bool = False) -> list[HistoryLine]:
    """The case, then meeting by meeting what was decided, reported and concluded; `narrow`
    for a pane where the deadline is written short (110/7/31)."""
    lines = [
        HistoryLine(Part.HEADING, f"{case.number} {kind_name(case.kind)} {state_word(case)}"),
        HistoryLine(Part.DETAIL, case.subject or NO_SUBJECT),
        HistoryLine(Part.DETAIL, f"主辦單位：{case.owner or NO_OWNER}"),
    ]
    if case.co_owners:
        lines.append(HistoryLine(Part.DETAIL, f"協辦單位：{'、'.join(case.co_owners)}"))
    if case.origin_meeting:
        origin = f"第 {case.origin_meeting} 次會議起列管 {case.origin_item}".rstrip()
        lines.append(HistoryLine(Part.DETAIL, origin))
    if case.deadline:
        lines.append(
            HistoryLine(
                Part.DETAIL,
                f"列管期限：{(format_numeric_date if narrow else format_date)(case.deadline)}",
            )
        )
    day = format_numeric_date if narrow else format_date
    for change in case.deadline_changes:
        old = day(change.old) if change.old else "（無）"
        new = day(change.new) if change.new else "（無）"
        lines.append(HistoryLine(Part.DETAIL, f"期限變更：{old} → {new}（{change.reason}）"))
    if case.merged_from:
        merged = "、".join(str(number) for number in case.merged_from)
        lines.append(HistoryLine(Part.DETAIL, f"併入本案：列管案號 {merged}"))
    for event in whole(case):
        word = decision_words(event, with_words=False) or UNDECIDED_WORD
        lines.append(HistoryLine(Part.EVENT, f"第 {event.meeting} 次：{word}"))
        if event.progress or event.progress_points:
            progress = as_one_text(event.progress, event.progress_points)
            lines.append(HistoryLine(Part.PROGRESS, f"辦理情形：{progress}"))
        if event.proposal:
            proposed = proposal_word(event.proposal)
            if event.proposed_deadline:
                proposed += f"（期限 {day(event.proposed_deadline)}）"
            lines.append(HistoryLine(Part.PROGRESS, f"擬辦：{proposed}"))
        if event.conclusion:
            lines.append(HistoryLine(Part.CONCLUSION, f"結論：{event.conclusion}"))
    return lines
