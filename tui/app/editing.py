"""The edits the secretary makes to the open meeting, on the loaded model (no I/O, no widgets)."""

from __future__ import annotations

from copy import deepcopy
from datetime import date, datetime

from tui.app.workspace import OpenMeeting
from tui.domain import lifecycle
from tui.domain.model import (
    CaseDecision,
    CaseKind,
    CaseRef,
    Conclusion,
    Item,
    Meeting,
    MeetingStatus,
    Report,
    TrackedCase,
)
from tui.domain.places import PlaceError, item_at, motions_section, placed_items


class EditError(ValueError):
    """An edit that cannot be made; the message says why."""


class Editing:
    def __init__(self, opened: OpenMeeting, units: list[str]) -> None:
        self.opened = opened
        self.meeting = opened.meeting
        self.units = units
        self.removed: list[CaseRef] = []

    @property
    def cases(self) -> dict[tuple[CaseKind, int], TrackedCase]:
        return self.opened.cases

    def internal_cases(self) -> dict[int, TrackedCase]:
        return {n: c for (k, n), c in self.cases.items() if k is CaseKind.INTERNAL}

    def places(self) -> list[str]:
        return [place for place, _, _ in placed_items(self.meeting)]

    def item(self, place: str) -> tuple[str, Item]:
        try:
            return item_at(self.meeting, place)
        except PlaceError as error:
            raise EditError(str(error)) from None

    def entry_at(
        self, place: str, field: str, entry: int, case: tuple[str, int] | None
    ) -> Conclusion | Report | TrackedCase | None:
        """The conclusion, report or case a search found at `place`, if it is still there."""
        try:
            item = self.item(place)[1]
        except EditError:
            return None
        if case is not None:
            return self._case_entry(item, *case)
        entries: list[Conclusion] | list[Report] = (
            item.conclusions if field == "conclusion" else item.reports if field == "report" else []
        )
        return entries[entry - 1] if 0 < entry <= len(entries) else None

    def _case_entry(self, item: Item, kind: str, number: int) -> Conclusion | TrackedCase | None:
        """The case as the item reports on it, or the conclusion that opened it."""
        listed = any(r.kind.value == kind and r.number == number for r in item.cases)
        if listed:
            return next((c for c in self.case_entries(item) if c.number == number), None)
        return next((c for c in item.conclusions if c.case == number), None)

    def case_entries(self, item: Item) -> list[TrackedCase]:
        return [c for r in item.cases if (c := self.cases.get((r.kind, r.number))) is not None]

    # -- conclusions ----------------------------------------------------------

    def add_conclusion(self, place: str) -> Conclusion:
        conclusion = Conclusion("")
        self.item(place)[1].conclusions.append(conclusion)
        return conclusion

    def to_save(self) -> tuple[Meeting, list[TrackedCase]]:
        """Copies of the meeting and its cases as they go to disk, made once, on this thread:
        a conclusion still empty is not one."""
        meeting, cases = deepcopy((self.meeting, list(self.cases.values())))
        for item in meeting.items():
            item.conclusions = [c for c in item.conclusions if c.text.strip() or c.case is not None]
        return meeting, cases

    def drop_if_empty(self, place: str, conclusion: Conclusion) -> bool:
        item = self.item(place)[1]
        if (
            conclusion in item.conclusions
            and not conclusion.text.strip()
            and conclusion.case is None
        ):
            item.conclusions.remove(conclusion)
            return True
        return False

    def remove(self, place: str, target: object) -> None:
        item = self.item(place)[1]
        if isinstance(target, Conclusion):
            if target.case is not None:
                raise EditError(f"this conclusion is case {target.case}: untrack it first (t)")
            if target.decisions:
                raise EditError("the decision sentence follows the case decisions")
            item.conclusions.remove(target)
        elif isinstance(target, Report):
            item.reports.remove(target)
        else:
            raise EditError("only conclusions and reports can be deleted here")

    def move(self, place: str, target: object, step: int) -> bool:
        item = self.item(place)[1]
        entries: list[object] = (
            item.conclusions if isinstance(target, Conclusion) else item.reports  # type: ignore[assignment]
        )
        if target not in entries:
            return False
        index = entries.index(target)
        new = index + step
        if not 0 <= new < len(entries):
            return False
        entries[index], entries[new] = entries[new], entries[index]
        return True

    # -- tracked cases --------------------------------------------------------

    def suggested_owner(self, conclusion: Conclusion) -> str:
        from tui.domain.units import owner_in

        return owner_in(conclusion.text, self.units)

    def track(
        self, place: str, conclusion: Conclusion, owner: str, deadline: date | None
    ) -> TrackedCase:
        where = self.item(place)[0]
        taken = [*self.opened.taken_numbers, *self.internal_cases()]
        try:
            case = lifecycle.track(
                self.meeting, conclusion, where, taken, self.units, owner=owner, deadline=deadline
            )
        except lifecycle.LifecycleError as error:
            raise EditError(str(error)) from None
        self.cases[(case.kind, case.number)] = case
        self.opened.taken_numbers.append(case.number)
        return case

    def untrack(self, conclusion: Conclusion) -> int:
        number = conclusion.case
        if number is None:
            raise EditError("this conclusion is not tracked")
        case = self.cases.get((CaseKind.INTERNAL, number))
        if case is not None and any(e.decision for e in case.history):
            raise EditError(f"case {number} has decisions already; it stays")
        conclusion.case = None
        self.cases.pop((CaseKind.INTERNAL, number), None)
        self.removed.append(CaseRef(number))
        return number

    def decide(self, case: TrackedCase, decision: CaseDecision) -> None:
        try:
            lifecycle.decide(case, self.meeting.number, decision)
        except lifecycle.LifecycleError as error:
            raise EditError(str(error)) from None
        lifecycle.write_decision_sentence(self.meeting, self.cases.values())

    def report_progress(self, case: TrackedCase, text: str) -> None:
        lifecycle.report_progress(case, self.meeting.number, text)

    # -- items and times ------------------------------------------------------

    def add_motion(self, presenter: str, text: str) -> str:
        index, section = motions_section(self.meeting)
        section.items.append(Item(text, presenter=presenter, presenter_kind="口頭報告"))
        return f"{index}.{len(section.items)}"

    def add_report(self, place: str, speaker: str) -> Report:
        from tui.domain.units import unit_at_start

        report = Report(speaker=speaker, unit=unit_at_start(speaker, self.units))
        self.item(place)[1].reports.append(report)
        return report

    def start_now(self, now: datetime) -> None:
        if self.meeting.status is MeetingStatus.DRAFT:
            self.meeting.status = MeetingStatus.IN_SESSION
        self.meeting.start = datetime.combine(
            self.meeting.start.date(), now.time().replace(second=0, microsecond=0)
        )

    def adjourn_now(self, now: datetime) -> None:
        self.meeting.end = now.time().replace(second=0, microsecond=0)
        if self.meeting.status in (MeetingStatus.DRAFT, MeetingStatus.IN_SESSION):
            self.meeting.status = MeetingStatus.RECORDED
