"""The chair's 決定 on a case in full: released with its reason (辦結, 併案 into another case,
移列 to another forum, 撤銷) or kept with a new 列管期限 and the chair's words; the owner's
擬辦 accepted, for one case or all of an item's.

Each of these undoes by putting back the cases it changed as they were (`restore_cases`),
checked against what it left, so an undo never takes back a later change.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tui.dataclass_cache import dataclass
from tui.domain import lifecycle
from tui.domain.case_history import whole
from tui.domain.cases import decision_words, proposal_word
from tui.domain.codec import from_data, to_data
from tui.domain.identity import find_item
from tui.domain.model import (
    CaseDecision,
    CaseKind,
    DeadlineChange,
    ReleaseReason,
    TrackedCase,
)
from tui.edits.cases import _date, _decision, _kind, write_sentences
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.ruling_effects import take_back
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _

Snapshot = dict[str, Any]


def _reason(value: str | None) -> ReleaseReason | None:
    if not value:
        return None
    try:
        return ReleaseReason(value)
    except ValueError:
        raise EditError(
            _("no reason {value!r} (done, merged, moved or withdrawn)").format(value=value)
        ) from None


@dataclass(frozen=True)
class Ruling:
    """What the chair decides on one case."""

    decision: CaseDecision
    reason: ReleaseReason | None = None
    into: int | None = None
    forum: str = ""
    deadline: date | None = None
    words: str | None = None  # None: the chair's words stay as they are


def rule_on(ws: Workset, meeting: int, case: TrackedCase, ruling: Ruling) -> None:
    """Decide `case` at `meeting` as `ruling` says, replacing what was decided there before."""
    take_back(ws, meeting, case)
    try:
        lifecycle.decide(case, meeting, ruling.decision)
    except lifecycle.LifecycleError as error:
        raise EditError(str(error)) from None
    event = case.decision_at(meeting)
    assert event is not None
    if ruling.words is not None:
        event.conclusion = ruling.words
    if ruling.decision is CaseDecision.RELEASE:
        event.reason = ruling.reason
        if ruling.reason is ReleaseReason.MERGED:
            event.merged_into = _merge(ws, case, ruling.into).number
        elif ruling.reason is ReleaseReason.MOVED:
            if not ruling.forum:
                raise EditError(_("say where case {case} is moved to").format(case=case.number))
            event.moved_to = ruling.forum
    elif ruling.deadline is not None and ruling.deadline != case.deadline:
        reason = f"第 {meeting} 次會議決定"  # the record's words, in any language
        case.deadline_changes.append(
            DeadlineChange(case.deadline, ruling.deadline, reason, ws.user, ws.now.date(), meeting)
        )
        case.deadline = event.new_deadline = ruling.deadline
    ws.change_case(case)


def _merge(ws: Workset, case: TrackedCase, into: int | None) -> TrackedCase:
    if into is None:
        raise EditError(_("say which case {case} is merged into").format(case=case.number))
    target = ws.case(into, CaseKind.INTERNAL)
    if (target.kind, target.number) == (case.kind, case.number):
        raise EditError(_("case {case} cannot be merged into itself").format(case=case.number))
    if not target.is_open:
        raise EditError(_("case {case} is no longer tracked").format(case=into))
    if case.number not in target.merged_from:
        target.merged_from.append(case.number)
    return ws.change_case(target)


def _snapshot(case: TrackedCase) -> Snapshot:
    whole(case)  # restored, it is written whole
    data: Snapshot = to_data(case)
    return data


def _ruled(
    ws: Workset, op: Operation, rulings: list[tuple[TrackedCase, Ruling]]
) -> Operation | None:
    """Apply the rulings; the undo that restores every case they touched (None: no change)."""
    meeting = ws.change(op.meeting, op.correction)
    before: dict[tuple[CaseKind, int], Snapshot] = {}
    for case, ruling in rulings:
        for touched in _touched(ws, op.meeting, case, ruling):
            before.setdefault((touched.kind, touched.number), _snapshot(touched))
        rule_on(ws, op.meeting, case, ruling)
    write_sentences(meeting, ws, [case for case, _ in rulings])
    after = tuple(_snapshot(ws.case(number, kind)) for kind, number in before)
    if tuple(before.values()) == after:
        return None
    return RestoreCases(op.meeting, tuple(before.values()), after, correction=op.correction)


def _touched(ws: Workset, meeting: int, case: TrackedCase, ruling: Ruling) -> list[TrackedCase]:
    found = [case]
    event = case.decision_at(meeting)
    for number in (event.merged_into if event else None, ruling.into):
        target = ws.find_case(number, CaseKind.INTERNAL) if number else None
        if target is not None and all(target is not other for other in found):
            found.append(target)
    return found


@operation("rule")
@dataclass(frozen=True)
class Rule(Operation):
    """The chair's 決定 on one case: release with a reason (and the case it is merged into,
    or the forum it is moved to), or keep with a new 列管期限; `words` the chair's own."""

    MULTILINE = frozenset({"words"})
    case: int
    decision: str
    kind: str = CaseKind.INTERNAL.value
    reason: str | None = None  # done, merged, moved, withdrawn
    into: int | None = None
    forum: str = ""
    deadline: str | None = None  # ISO: keep with this new deadline
    words: str | None = None

    def apply(self, ws: Workset) -> Applied:
        decision = _decision(self.decision)
        if decision is None:
            raise EditError(_("no decision {value!r} (release or keep)").format(value=None))
        case = ws.case(self.case, _kind(self.kind))
        ruling = Ruling(
            decision,
            _reason(self.reason) if decision is CaseDecision.RELEASE else None,
            self.into,
            self.forum,
            _date(self.deadline) if decision is CaseDecision.KEEP else None,
            self.words,
        )
        undo = _ruled(ws, self, [(case, ruling)])
        if undo is None:
            return nothing(self)
        words = decision_words(case.decision_at(self.meeting))
        return Applied(
            self, undo, said(N_("case {case}: {decision}"), case=self.case, decision=words)
        )


def _accepted(case: TrackedCase, meeting: int) -> Ruling | None:
    event = case.decision_at(meeting)
    if event is None or event.proposal is None:
        return None
    if event.proposal is CaseDecision.RELEASE:
        return Ruling(CaseDecision.RELEASE, ReleaseReason.DONE)
    return Ruling(CaseDecision.KEEP, deadline=event.proposed_deadline)


@operation("accept_proposal")
@dataclass(frozen=True)
class AcceptProposal(Operation):
    """The chair agrees with the owner unit's 擬辦 on one case: 建議解除列管 releases it
    (辦結), 建議繼續列管 keeps it (with the deadline the unit proposed)."""

    case: int
    kind: str = CaseKind.INTERNAL.value

    def apply(self, ws: Workset) -> Applied:
        case = ws.case(self.case, _kind(self.kind))
        ruling = _accepted(case, self.meeting)
        if ruling is None:
            raise EditError(
                _("the owner unit of case {case} has proposed nothing (擬辦)").format(
                    case=self.case
                )
            )
        event = case.decision_at(self.meeting)
        proposed = proposal_word(event.proposal if event else None)
        undo = _ruled(ws, self, [(case, ruling)])
        if undo is None:
            return nothing(self)
        summary = said(
            N_("case {case}: 擬辦 accepted ({proposal})"), case=self.case, proposal=proposed
        )
        return Applied(self, undo, summary)


@operation("accept_proposals")
@dataclass(frozen=True)
class AcceptProposals(Operation):
    """The chair agrees with every 擬辦 of an item's cases that are not decided yet."""

    item: str

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        item = find_item(meeting, self.item)
        if item is None:
            raise ConflictError(_("that item has been deleted"))
        rulings = []
        for case in ws.cases_of(item.cases):
            event = case.decision_at(self.meeting)
            ruling = _accepted(case, self.meeting)
            if ruling is not None and event is not None and event.decision is None:
                rulings.append((case, ruling))
        if not rulings:
            raise EditError(_("no undecided case of this item has a proposal (擬辦)"))
        numbers = "、".join(str(case.number) for case, _ in rulings)
        undo = _ruled(ws, self, rulings)
        if undo is None:
            return nothing(self)
        return Applied(self, undo, said(N_("擬辦 accepted for cases {cases}"), cases=numbers))


@operation("restore_cases")
@dataclass(frozen=True)
class RestoreCases(Operation):
    """Put cases back as they were (`cases`), if they are still as a ruling left them
    (`expect`); the undo of a ruling, and its redo."""

    cases: tuple[Snapshot, ...]
    expect: tuple[Snapshot, ...]

    def apply(self, ws: Workset) -> Applied:
        wanted = [from_data(TrackedCase, data) for data in self.cases]
        now = [ws.case(case.number, case.kind) for case in wanted]
        numbers = "、".join(str(case.number) for case in wanted)
        if [_snapshot(case) for case in now] != list(self.expect):
            raise ConflictError(_("case {case} has been changed since").format(case=numbers))
        for case in wanted:
            ws.change_case(case)
        meeting = ws.change(self.meeting, self.correction)
        for item in meeting.items():
            if item.cases:
                lifecycle.write_decision_sentence(item, meeting.number, ws.cases_of(item.cases))
        back = RestoreCases(self.meeting, self.expect, self.cases, correction=self.correction)
        return Applied(self, back, said(N_("cases {cases} as they were"), cases=numbers))
