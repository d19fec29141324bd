"""The 列管 table a chair reads: one row per tracked case of an item, the same in every
format (the agenda leaves 決定 empty and asks the owner for its 辦理情形; the record fills it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from tui.dataclass_cache import dataclass
from tui.domain.case_history import latest
from tui.domain.cases import deadline_state, decision_words, kind_name, proposal_word
from tui.domain.model import CaseEvent, CaseKind, TrackedCase
from tui.domain.points import as_one_text
from tui.domain.rocdate import format_numeric_date

# (key, heading): the shipped column list; an office's template passes its own.
COLUMNS = (
    ("number", "案號"),
    ("subject", "案由"),
    ("owner", "主辦單位（協辦）"),
    ("deadline", "列管期限"),
    ("progress", "辦理情形"),
    ("proposal", "擬辦"),
    ("decision", "決定"),
)
# Each column's share of a document's width (案號 and 列管期限 hold 10201 and 115/12/31 on
# one line of A4); a key not here takes 1.
SHARES = {
    "number": 1.9,
    "subject": 2.1,
    "owner": 1.6,
    "deadline": 2.3,
    "progress": 3.2,
    "proposal": 1.6,
    "decision": 1.9,
}
ASK_PROGRESS = "（請主辦單位填寫）"
NO_SUBJECT = "（案由未載）"
NO_OWNER = "（未定）"


@dataclass(frozen=True)
class CaseRow:
    """One case's cells; a cell's lines are joined by a newline."""

    number: str
    subject: str
    owner: str
    deadline: str
    progress: str
    proposal: str
    decision: str

    def cell(self, key: str) -> str:
        """The cell of column `key`; empty for a key the table does not know."""
        return str(getattr(self, key, "")) if key in KEYS else ""

    def stacked(self, key: str) -> str:
        """The cell for a narrow column: the deadline's flag under its date (115/12/31, then
        逾期), so the flag is never cut in two."""
        text = self.cell(key)
        return text.replace(" ", "\n", 1) if key == "deadline" else text


KEYS = frozenset(key for key, _ in COLUMNS)


@dataclass(frozen=True)
class TableMeeting:
    """What the rows are read against: the meeting's number and day, the warning window."""

    number: int
    day: date
    warning_days: int = 30


def case_rows(cases: list[TrackedCase], at: TableMeeting, *, record: bool = False) -> list[CaseRow]:
    """The rows of `cases` at meeting `at`: as the agenda asks (`record` False) or as the
    record tells (決定 filled, no slot to fill in)."""
    return [_row(case, at, record) for case in cases]


def has_answers(cases: list[TrackedCase], meeting: int) -> bool:
    """Whether any case has progress or a proposal at `meeting`: a record imported from
    paper has neither, and is written line by line as it was."""
    events = [case.decision_at(meeting) for case in cases]
    return any(e and (e.progress or e.progress_points or e.proposal) for e in events)


def _row(case: TrackedCase, at: TableMeeting, record: bool) -> CaseRow:
    event = case.decision_at(at.number)
    progress = _progress(event)
    if not record:
        progress = "\n".join([progress or ASK_PROGRESS, *_last_time(case, at.number)])
    return CaseRow(
        number=number_cell(case),
        subject=subject_cell(case),
        owner=owner_cell(case),
        deadline=deadline_cell(case, at),
        progress=progress,
        proposal=proposal_cell(event),
        decision=decision_words(event) if record else "",
    )


def subject_cell(case: TrackedCase) -> str:
    """The 案由, and the cases merged into this one (併案), so their history is found here."""
    subject = case.subject or NO_SUBJECT
    if case.merged_from:
        merged = "、".join(str(number) for number in case.merged_from)
        subject += f"\n（併入列管案號 {merged}）"
    return subject


def number_cell(case: TrackedCase) -> str:
    """10101; an outside case says whose it is: 12601（市長室列管）."""
    if case.kind is CaseKind.INTERNAL:
        return str(case.number)
    return f"{case.number}（{kind_name(case.kind)}）"


def owner_cell(case: TrackedCase) -> str:
    """總務組（協辦：人事室、會計室）; （未定） when no unit owns it yet."""
    owner = case.owner or NO_OWNER
    return f"{owner}（協辦：{'、'.join(case.co_owners)}）" if case.co_owners else owner


def deadline_cell(case: TrackedCase, at: TableMeeting) -> str:
    """115/12/31 逾期: the deadline and how it stands on the meeting's day."""
    if case.deadline is None:
        return ""
    flag = deadline_state(case, at.day, at.warning_days).value
    return f"{format_numeric_date(case.deadline)} {flag}".rstrip()


def proposal_cell(event: CaseEvent | None) -> str:
    """建議繼續列管（期限 116/1/31）; empty when the unit proposed nothing."""
    if event is None or event.proposal is None:
        return ""
    text = proposal_word(event.proposal)
    if event.proposed_deadline:
        text += f"（期限 {format_numeric_date(event.proposed_deadline)}）"
    return text


def _progress(event: CaseEvent | None) -> str:
    return as_one_text(event.progress, event.progress_points) if event else ""


def _last_time(case: TrackedCase, meeting: int) -> list[str]:
    """What the meeting before said of a kept case: its progress and its decision."""
    last = latest(case, meeting, lambda e: e.decision is not None)
    if last is None:
        return []
    said: list[tuple[str, Callable[[CaseEvent], str]]] = [
        ("前次辦理情形", _progress),
        ("前次決定", decision_words),
    ]
    return [
        f"{label}（第 {last.meeting} 次）：{text}" for label, words in said if (text := words(last))
    ]
