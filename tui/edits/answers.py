"""A unit's answer read from its form: each case's 辦理情形, 擬辦 and proposed deadline, and
its 業務工作報告, applied as one change logged as the unit's, undone as one.

A slot the secretary already filled with other words is not overwritten unless `replace`;
`plan` says which slots change and which differ, so a front end shows them side by side.
"""

from __future__ import annotations

from datetime import date, datetime

from tui.dataclass_cache import dataclass, field
from tui.domain import lifecycle
from tui.domain.identity import new_id
from tui.domain.model import CaseDecision, CaseKind, ItemKind, Meeting, Report, TrackedCase
from tui.domain.point_text import read_points, written_points
from tui.edits.clean import clean_text
from tui.edits.errors import EditError
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _

# One case's answer: (number, kind, progress as typed, proposal ("" none), deadline ISO or "").
# As an undo's state, two more: when it was answered (ISO or "") and from which file.
CaseAnswer = tuple[str, ...]


@dataclass(frozen=True)
class Differs:
    """A slot whose words differ from the answer's: what it holds, what the unit wrote."""

    case: int
    slot: str  # 辦理情形, 擬辦, 建議新期限, 業務工作報告
    current: str
    answer: str


@dataclass
class Plan:
    """What applying an answer does: the slots it fills and the ones it leaves as they are."""

    filled: dict[int, list[str]] = field(default_factory=dict)  # case → slots filled
    differs: list[Differs] = field(default_factory=list)
    report: bool = False


def _state(case: TrackedCase, meeting: int) -> CaseAnswer:
    event = case.decision_at(meeting)
    if event is None:
        return (str(case.number), case.kind.value, "", "", "", "", "")
    return (
        str(case.number),
        case.kind.value,
        written_points(event.progress, event.progress_points),
        event.proposal.value if event.proposal else "",
        event.proposed_deadline.isoformat() if event.proposed_deadline else "",
        event.answered_on.isoformat(timespec="seconds") if event.answered_on else "",
        event.answered_from,
    )


def _slot(
    plan: Plan, case: int, name: str, now: str, wanted: str, replace: bool, shown: str = ""
) -> bool:
    """Whether the slot takes the answer; a different filled one is noted in the plan."""
    if not wanted or wanted == now:
        return False
    if now and not replace:
        plan.differs.append(Differs(case, name, shown or now, wanted))
        return False
    plan.filled.setdefault(case, []).append(name)
    return True


def _answer_slots(
    plan: Plan, case: TrackedCase, meeting: int, answer: CaseAnswer, replace: bool
) -> list[str]:
    """The case's state after the answer: progress, proposal, deadline."""
    current = list(_state(case, meeting)[2:5])
    for index, name in enumerate(("辦理情形", "擬辦", "建議新期限")):
        if _slot(plan, case.number, name, current[index], answer[2 + index], replace):
            current[index] = answer[2 + index]
    return current


def plan_answer(
    ws: Workset, meeting: int, unit: str, cases: tuple[CaseAnswer, ...], report: str, replace: bool
) -> Plan:
    plan = Plan()
    for answer in cases:
        case = ws.case(int(answer[0]), CaseKind(answer[1]))
        _answer_slots(plan, case, meeting, answer, replace)
    found = _unit_report(ws.meeting(meeting), unit)
    now = written_points(found.text, found.points) if found else ""
    plan.report = _slot(plan, 0, "業務工作報告", now, report, replace)
    return plan


def _unit_report(meeting: Meeting, unit: str) -> Report | None:
    items = [i for i in meeting.items() if i.kind is ItemKind.UNIT_REPORTS]
    return next((r for i in items for r in i.reports if r.unit == unit), None)


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _second(moment: datetime) -> datetime:
    """When a slot was answered, to the second, as the log says it."""
    return moment.replace(microsecond=0)


def _moment(text: str) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@operation("collect_answer")
@dataclass(frozen=True)
class CollectAnswer(Operation):
    """A unit's answer from `file`; `restore` (an undo) puts each slot back as it was."""

    MULTILINE = frozenset({"report", "report_state"})
    unit: str
    file: str
    cases: tuple[CaseAnswer, ...] = ()
    report: str | None = None  # the 業務工作報告 as typed; None: not answered
    replace: bool = False
    restore: bool = False
    report_state: tuple[str, ...] = ()  # an undo's report: text, answered on, from

    def __post_init__(self) -> None:
        super().__post_init__()
        cleaned = tuple(tuple(clean_text(str(v), multiline=True) for v in a) for a in self.cases)
        object.__setattr__(self, "cases", cleaned)  # the words came from a file

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        cases = self.cases
        before = tuple(_state(ws.case(int(a[0]), CaseKind(a[1])), self.meeting) for a in cases)
        report = _unit_report(meeting, self.unit)
        report_before = self._report_state(report)
        if self.restore:
            changed = self._restore(ws, cases, report)
        else:
            changed = self._answer(ws, meeting, cases, report)
        if not changed:
            return nothing(self)
        undo = CollectAnswer(
            self.meeting,
            self.unit,
            self.file,
            before,
            restore=True,
            report_state=report_before,
            correction=self.correction,
        )
        summary = said(
            N_("answer of {unit} from {file}: cases {cases}"),
            unit=self.unit,
            file=self.file,
            cases="、".join(a[0] for a in cases) or "—",
        )
        return Applied(self, undo, summary)

    def _report_state(self, report: Report | None) -> tuple[str, ...]:
        if report is None:
            return ()
        answered = report.answered_on.isoformat(timespec="seconds") if report.answered_on else ""
        return (written_points(report.text, report.points), answered, report.answered_from)

    def _answer(
        self, ws: Workset, meeting: Meeting, cases: tuple[CaseAnswer, ...], report: Report | None
    ) -> bool:
        plan = Plan()
        changed = False
        for answer in cases:
            case = ws.case(int(answer[0]), CaseKind(answer[1]))
            check_on_report(meeting, case.number, case.kind)
            event = case.decision_at(self.meeting)
            fresh = event is None or event.answered_on is None
            state = _answer_slots(plan, case, self.meeting, answer, self.replace)
            if case.number in plan.filled or (fresh and any(answer[2:5])):
                self._set_case(case, state, _second(ws.now), self.file)
                ws.change_case(case)
                changed = True
        if self.report:
            changed = self._answer_report(ws, meeting, report, plan) or changed
        return changed

    def _answer_report(
        self, ws: Workset, meeting: Meeting, report: Report | None, plan: Plan
    ) -> bool:
        assert self.report is not None
        now = written_points(report.text, report.points) if report else ""
        if not _slot(plan, 0, "業務工作報告", now, self.report, self.replace):
            if report is None or report.answered_on is not None:
                return False
            report.answered_on, report.answered_from = _second(ws.now), self.file
            return True
        if report is None:
            report = _new_report(ws, meeting, self.unit)
        report.text, report.points = read_points(self.report)
        report.answered_on, report.answered_from = _second(ws.now), self.file
        return True

    def _set_case(self, case: TrackedCase, state: list[str], at: datetime, file: str) -> None:
        text, points = read_points(state[0])
        lifecycle.report_progress(case, self.meeting, text, points)
        event = case.decision_at(self.meeting)
        assert event is not None
        event.proposal = CaseDecision(state[1]) if state[1] else None
        event.proposed_deadline = _day(state[2])
        event.answered_on, event.answered_from = at, file

    def _restore(self, ws: Workset, cases: tuple[CaseAnswer, ...], report: Report | None) -> bool:
        for state in cases:
            case = ws.case(int(state[0]), CaseKind(state[1]))
            self._set_case(case, list(state[2:5]), datetime.min, "")
            event = case.decision_at(self.meeting)
            assert event is not None
            event.answered_on, event.answered_from = _moment(state[5]), state[6]
            ws.change_case(case)
        if report is None and self.report_state:
            report = _new_report(ws, ws.meeting(self.meeting), self.unit)
        if report is not None and self.report_state:
            report.text, report.points = read_points(self.report_state[0])
            report.answered_on = _moment(self.report_state[1])
            report.answered_from = self.report_state[2]
        elif report is not None:
            _remove_report(ws.meeting(self.meeting), report)
        return True


def _new_report(ws: Workset, meeting: Meeting, unit: str) -> Report:
    items = [i for i in meeting.items() if i.kind is ItemKind.UNIT_REPORTS]
    if not items:
        raise EditError(
            _("meeting {number} has no item for the units' work reports").format(
                number=meeting.number
            )
        )
    report = Report(unit, "業務工作報告", unit=unit, id=new_id("r"))
    items[0].reports.append(report)
    return report


def _remove_report(meeting: Meeting, report: Report) -> None:
    for item in meeting.items():
        if report in item.reports:
            item.reports.remove(report)


def check_on_report(meeting: Meeting, number: int, kind: CaseKind) -> None:
    if (kind, number) not in case_report_refs(meeting):
        raise EditError(
            _("case {case} is not on the case report of meeting {number}").format(
                case=number, number=meeting.number
            )
        )


def case_report_refs(meeting: Meeting) -> list[tuple[CaseKind, int]]:
    kinds = (ItemKind.CASE_REPORT, ItemKind.OUTSIDE_CASES)
    return [(r.kind, r.number) for i in meeting.items() if i.kind in kinds for r in i.cases]
