"""A tracked case's own details — 案由, 主辦 and 協辦, 列管期限 — and the owner unit's 擬辦.

A case lives in the cases documents, not in a meeting, but the log is kept per meeting: a
change of a case's details is logged in the log of the operation's `meeting`, which the
caller chooses — the CLI the newest meeting whose case report lists the case (else the
meeting that opened it), the app the meeting open in the editor. The meeting itself is not
changed, so a confirmed record's log can hold it without a correction. No change of
details ever gives the case a new number.
"""

from __future__ import annotations

from datetime import date

from tui.dataclass_cache import dataclass
from tui.domain import lifecycle
from tui.domain.cases import NO_OWNER, NO_SUBJECT, proposal_word
from tui.domain.model import CaseKind, DeadlineChange, TrackedCase
from tui.domain.rocdate import format_date
from tui.edits.cases import UNDECIDED, _date, _decision, _kind, case_report
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _

NO_DEADLINE = "（無）"


def _case(ws: Workset, meeting: int, number: int, kind: str) -> TrackedCase:
    ws.meeting(meeting)  # the meeting whose log holds the change must exist
    return ws.case(number, _kind(kind))


def _unit(ws: Workset, name: str) -> str:
    if name and ws.units and name not in ws.units:
        raise EditError(
            _("no unit {unit!r} in the profile ({units})").format(
                unit=name, units="、".join(ws.units)
            )
        )
    return name


def deadline_word(day: date | None) -> str:
    return format_date(day) if day else NO_DEADLINE


@operation("set_case")
@dataclass(frozen=True)
class SetCaseDetails(Operation):
    """A case's 案由, 主辦單位 and 協辦單位 (None: as it is)."""

    case: int
    kind: str = CaseKind.INTERNAL.value
    subject: str | None = None
    owner: str | None = None
    co_owners: tuple[str, ...] | None = None

    def apply(self, ws: Workset) -> Applied:
        case = _case(ws, self.meeting, self.case, self.kind)
        before = (case.subject, case.owner, tuple(case.co_owners))
        subject = before[0] if self.subject is None else self.subject
        owner = before[1] if self.owner is None else _unit(ws, self.owner)
        co_owners = before[2] if self.co_owners is None else self._co_owners(ws, owner)
        if (subject, owner, co_owners) == before:
            return nothing(self)
        case.subject, case.owner, case.co_owners = subject, owner, list(co_owners)
        ws.change_case(case)
        undo = SetCaseDetails(
            self.meeting,
            self.case,
            self.kind,
            subject=None if self.subject is None else before[0],
            owner=None if self.owner is None else before[1],
            co_owners=None if self.co_owners is None else before[2],
            correction=self.correction,
        )
        changes = [
            f"{label}{shown}"
            for label, shown, was, now in (
                ("案由", f"「{subject or NO_SUBJECT}」", before[0], subject),
                ("主辦 ", owner or NO_OWNER, before[1], owner),
                ("協辦 ", "、".join(co_owners) or NO_DEADLINE, before[2], co_owners),
            )
            if was != now
        ]
        summary = said(N_("case {case}: {changes}"), case=self.case, changes="，".join(changes))
        return Applied(self, undo, summary)

    def _co_owners(self, ws: Workset, owner: str) -> tuple[str, ...]:
        found: list[str] = []
        for unit in self.co_owners or ():
            if _unit(ws, unit) and unit != owner and unit not in found:
                found.append(unit)
        return tuple(found)


@operation("set_deadline")
@dataclass(frozen=True)
class SetDeadline(Operation):
    """A new 列管期限 with its reason, kept in the case's deadline changes; `retract` takes
    the last change back (the undo)."""

    case: int
    deadline: str | None  # ISO date; None: no deadline
    reason: str = ""
    kind: str = CaseKind.INTERNAL.value
    retract: bool = False

    def apply(self, ws: Workset) -> Applied:
        case = _case(ws, self.meeting, self.case, self.kind)
        if self.retract:
            return self._retract(ws, case)
        new = _date(self.deadline)
        if new == case.deadline:
            return nothing(self)
        if not self.reason:
            raise EditError(_("a change of deadline needs its reason"))
        change = DeadlineChange(
            case.deadline, new, self.reason, ws.user, ws.now.date(), self.meeting
        )
        case.deadline = new
        case.deadline_changes.append(change)
        ws.change_case(case)
        undo = SetDeadline(
            self.meeting,
            self.case,
            self.deadline,
            kind=self.kind,
            retract=True,
            correction=self.correction,
        )
        summary = said(
            N_("case {case}: 列管期限 {old} → {new} ({reason})"),
            case=self.case,
            old=deadline_word(change.old),
            new=deadline_word(new),
            reason=self.reason,
        )
        return Applied(self, undo, summary)

    def _retract(self, ws: Workset, case: TrackedCase) -> Applied:
        last = case.deadline_changes[-1] if case.deadline_changes else None
        if last is None or last.new != case.deadline or last.new != _date(self.deadline):
            raise ConflictError(
                _("the deadline of case {case} has been changed since").format(case=self.case)
            )
        case.deadline_changes.pop()
        case.deadline = last.old
        ws.change_case(case)
        redo = SetDeadline(
            self.meeting,
            self.case,
            self.deadline,
            last.reason,
            self.kind,
            correction=self.correction,
        )
        summary = said(
            N_("case {case}: 列管期限 back to {old}"), case=self.case, old=deadline_word(last.old)
        )
        return Applied(self, redo, summary)


@operation("propose")
@dataclass(frozen=True)
class Propose(Operation):
    """The owner unit's 擬辦 on a case for this meeting: release or keep (undecided: none),
    with its 辦理情形 and a new deadline it proposes (None: as they are)."""

    MULTILINE = frozenset({"progress"})
    case: int
    proposal: str | None
    kind: str = CaseKind.INTERNAL.value
    progress: str | None = None
    deadline: str | None = None  # ISO; "" for none

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        case = ws.case(self.case, _kind(self.kind))
        if all((r.kind, r.number) != (case.kind, case.number) for r in case_report(meeting).cases):
            raise EditError(
                _("case {case} is not on the case report of meeting {number}").format(
                    case=self.case, number=self.meeting
                )
            )
        event = case.decision_at(self.meeting)
        before = (
            (event.proposal, event.progress, event.proposed_deadline) if event else (None, "", None)
        )
        wanted = _decision(self.proposal)
        progress = before[1] if self.progress is None else self.progress
        deadline = before[2] if self.deadline is None else _date(self.deadline)
        if (wanted, progress, deadline) == before:
            return nothing(self)
        lifecycle.report_progress(case, self.meeting, progress)
        event = case.decision_at(self.meeting)
        assert event is not None
        event.proposal, event.proposed_deadline = wanted, deadline
        ws.change_case(case)
        undo = Propose(
            self.meeting,
            self.case,
            before[0].value if before[0] else UNDECIDED,
            self.kind,
            progress=None if self.progress is None else before[1],
            deadline=None if self.deadline is None else _iso(before[2]),
            correction=self.correction,
        )
        proposed = proposal_word(wanted)
        if deadline:
            proposed += f"（期限 {format_date(deadline)}）"
        summary = said(N_("case {case} 擬辦: {proposal}"), case=self.case, proposal=proposed)
        return Applied(self, undo, summary)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""
