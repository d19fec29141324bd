"""Tracked cases: a meeting's decision, the owner's progress, tracking and withdrawing."""

from __future__ import annotations

from datetime import date

from tui.dataclass_cache import dataclass
from tui.domain import lifecycle, places
from tui.domain.case_history import whole
from tui.domain.decisions import DECISION_WORDS, UNDECIDED_WORD
from tui.domain.identity import find_entry
from tui.domain.model import (
    CaseDecision,
    CaseKind,
    CaseRef,
    Conclusion,
    Item,
    ItemKind,
    Meeting,
    Point,
    TrackedCase,
)
from tui.edits.entries import place_of, quoted, written
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.ruling_effects import take_back
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _

WORDS: dict[CaseDecision | None, str] = {d: w for d, w in DECISION_WORDS.items()}
WORDS[None] = UNDECIDED_WORD
UNDECIDED = "undecided"


def _kind(value: str) -> CaseKind:
    try:
        return CaseKind(value)
    except ValueError:
        raise EditError(_("no kind of case {value!r}").format(value=value)) from None


def _decision(value: str | None) -> CaseDecision | None:
    if value is None or value == UNDECIDED:
        return None
    try:
        return CaseDecision(value)
    except ValueError:
        raise EditError(_("no decision {value!r} (release or keep)").format(value=value)) from None


def case_report(meeting: Meeting) -> Item:
    for item in meeting.items():
        if item.kind is ItemKind.CASE_REPORT:
            return item
    raise EditError(
        _("meeting {number} has no item for the tracked cases' reports").format(
            number=meeting.number
        )
    )


def reporting_item(meeting: Meeting, case: CaseRef) -> Item:
    """The item a case is reported and decided under: the one that lists it (a case of the
    mayor's office under 市長室暨市政會議列管…), else the report on the last meeting's cases."""
    for item in meeting.items():
        if any((ref.kind, ref.number) == (case.kind, case.number) for ref in item.cases):
            return item
    return case_report(meeting)


def write_sentences(meeting: Meeting, ws: Workset, ruled: list[TrackedCase]) -> None:
    """The decision sentence of every item that lists a case ruled on (listed first if not)."""
    items: list[Item] = []
    for case in ruled:
        ref = CaseRef(case.number, case.kind)
        item = reporting_item(meeting, ref)
        if ref not in item.cases:
            item.cases.append(ref)
        if all(item is not found for found in items):
            items.append(item)
    for item in items:
        lifecycle.write_decision_sentence(item, meeting.number, ws.cases_of(item.cases))


@operation("decide")
@dataclass(frozen=True)
class Decide(Operation):
    """The meeting's one decision on a case (release, keep, or undecided again)."""

    case: int
    decision: str | None
    kind: str = CaseKind.INTERNAL.value
    progress: str | None = None
    expect: str | None = None  # the decision it must have now: release, keep, undecided

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        case = ws.case(self.case, _kind(self.kind))
        event = case.decision_at(self.meeting)
        before = event.decision if event else None
        before_progress = event.progress if event else ""
        if self.expect is not None and (before or UNDECIDED) != self.expect:
            raise ConflictError(
                _("the decision on case {case} has been changed since").format(case=self.case)
            )
        wanted = _decision(self.decision)
        if wanted == before and (self.progress is None or self.progress == before_progress):
            return nothing(self)
        if wanted != before:  # a merge or a new deadline goes with the decision it came with
            take_back(ws, self.meeting, case)
        try:
            if wanted is None:
                lifecycle.undecide(case, self.meeting)
            else:
                lifecycle.decide(case, self.meeting, wanted)
        except lifecycle.LifecycleError as error:
            raise EditError(str(error)) from None
        if self.progress is not None:
            lifecycle.report_progress(case, self.meeting, self.progress)
        ws.change_case(case)
        write_sentences(meeting, ws, [case])
        undo = Decide(
            self.meeting,
            self.case,
            before.value if before else UNDECIDED,
            self.kind,
            progress=None if self.progress is None else before_progress,
            expect=(wanted.value if wanted else UNDECIDED),
            correction=self.correction,
        )
        summary = said(N_("case {case}: {decision}"), case=self.case, decision=WORDS[wanted])
        return Applied(self, undo, summary)


@operation("write_progress")
@dataclass(frozen=True)
class WriteProgress(Operation):
    """The owner unit's 辦理情形 on a case, for this meeting (with its points, when given)."""

    MULTILINE = frozenset({"text", "expect"})
    POINTS = frozenset({"points"})
    TYPED = ("case", "kind")
    case: int
    text: str
    kind: str = CaseKind.INTERNAL.value
    expect: str | None = None
    points: tuple[Point, ...] | None = None  # None: the points it has stay

    def apply(self, ws: Workset) -> Applied:
        ws.change(self.meeting, self.correction)
        case = ws.case(self.case, _kind(self.kind))
        event = case.decision_at(self.meeting)
        before = event.progress if event else ""
        before_points = list(event.progress_points) if event else []
        if self.expect is not None and written(before, before_points) != self.expect:
            raise ConflictError(
                _("the progress of case {case} has been changed since").format(case=self.case)
            )
        points = before_points if self.points is None else list(self.points)
        if (before, before_points) == (self.text, points):
            return nothing(self)
        lifecycle.report_progress(case, self.meeting, self.text, points)
        ws.change_case(case)
        undo = WriteProgress(
            self.meeting,
            self.case,
            before,
            self.kind,
            expect=written(self.text, points),
            points=tuple(before_points),
            correction=self.correction,
        )
        summary = said(
            N_("case {case} 辦理情形: 「{text}」"), case=self.case, text=quoted(self.text, points)
        )
        return Applied(self, undo, summary)


def _conclusion(meeting: Meeting, conclusion_id: str) -> tuple[Item, Conclusion]:
    found = find_entry(meeting, conclusion_id)
    if found is None or not isinstance(found[1], Conclusion):
        raise ConflictError(_("that conclusion has been deleted"))
    return found[0], found[1]


@operation("track")
@dataclass(frozen=True)
class Track(Operation):
    """A conclusion becomes a tracked case (列管), numbered N + the next two digits."""

    conclusion: str
    owner: str = ""
    deadline: str | None = None  # ISO date
    number: int | None = None  # the number to give it again (redo, undo of a withdrawal)

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        item, conclusion = _conclusion(meeting, self.conclusion)
        taken = ws.taken_numbers(self.meeting)
        if self.number is not None and ws.find_case(self.number) is not None:
            raise ConflictError(_("case {number} exists already").format(number=self.number))
        deadline = _date(self.deadline)
        where = place_of(meeting, item)
        last = meeting.last_case_sequence
        try:
            case = lifecycle.track(
                meeting,
                conclusion,
                _heading(meeting, item),
                taken,
                ws.units,
                owner=self.owner,
                deadline=deadline,
            )
        except lifecycle.LifecycleError as error:
            raise EditError(str(error)) from None
        if self.number is not None:  # the same number again: numbers are never reissued
            case.number = conclusion.case = self.number
            meeting.last_case_sequence = max(last, self.number % 100)
        ws.change_case(case)
        done = Track(
            self.meeting,
            self.conclusion,
            self.owner,
            self.deadline,
            case.number,
            correction=self.correction,
        )
        undo = Untrack(self.meeting, self.conclusion, case.number, correction=self.correction)
        if case.owner:
            summary = said(
                N_("{place} 列管 {case} ({owner})"), place=where, case=case.number, owner=case.owner
            )
        else:
            summary = said(N_("{place} 列管 {case} (主辦單位未定)"), place=where, case=case.number)
        return Applied(done, undo, summary)


def _heading(meeting: Meeting, item: Item) -> str:
    found = places.place_of(meeting, item)
    return found[1] if found else ""


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise EditError(_("not a date: {value!r}").format(value=value)) from None


@operation("untrack")
@dataclass(frozen=True)
class Untrack(Operation):
    """Withdraw the case a conclusion opened; its number is never given to another."""

    conclusion: str
    expect: int | None = None

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        conclusion = _conclusion(meeting, self.conclusion)[1]
        number = conclusion.case
        if number is None:
            raise ConflictError(_("this conclusion is not tracked"))
        if self.expect is not None and number != self.expect:
            raise ConflictError(_("this conclusion is case {case} now").format(case=number))
        case = ws.find_case(number)
        if case is not None and any(e.decision for e in whole(case)):
            raise EditError(_("case {case} has decisions already; it stays").format(case=number))
        conclusion.case = None
        if case is not None:
            ws.remove_case(case)
        undo = Track(
            self.meeting,
            self.conclusion,
            case.owner if case else "",
            case.deadline.isoformat() if case and case.deadline else None,
            number,
            correction=self.correction,
        )
        return Applied(self, undo, said(N_("case {case} withdrawn"), case=number))
