"""The register of tracked cases (列管案件) as the commands and the cases screen read it: the one
rule for which day a case is overdue on, the filters, and the count per unit."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tui.domain import case_history
from tui.domain.cases import DeadlineState, deadline_state
from tui.domain.model import CaseDecision, CaseEvent, CaseKind, MeetingStatus, TrackedCase
from tui.domain.points import as_one_text
from tui.domain.rocdate import format_numeric_date, format_short_date
from tui.i18n import _

# A meeting being prepared or held: the next one, whose date the register reckons from.
COMING = (MeetingStatus.DRAFT, MeetingStatus.IN_SESSION)

# How --json names a flag.
FLAG_KEYS = {DeadlineState.NONE: "", DeadlineState.NEAR: "near", DeadlineState.PASSED: "overdue"}

STATUSES = ("open", "closed", "all")
PROPOSALS = {"release": CaseDecision.RELEASE, "keep": CaseDecision.KEEP, "none": None}


@dataclass(frozen=True)
class Reckoning:
    """The day deadlines are compared with: the next meeting's date, else today."""

    day: date
    meeting: int | None = None  # the next meeting; None when the day is today

    def words(self, numeric: bool = False) -> str:
        """What the output says of it: 逾期以第 103 次會議（115 年 12 月 17 日）為準; `numeric`
        where space is short (115/12/17)."""
        day = (format_numeric_date if numeric else format_short_date)(self.day)
        if self.meeting is None:
            return _("overdue as of today ({date})").format(date=day)
        return _("overdue as of meeting {number} ({date})").format(number=self.meeting, date=day)


def reckoning(meetings: Iterable[tuple[int, date, MeetingStatus]], today: date) -> Reckoning:
    """The newest meeting that is a draft or in session (the one being prepared), else today.
    `meetings` are (number, date, status)."""
    coming = [(number, day) for number, day, status in meetings if status in COMING]
    if not coming:
        return Reckoning(today)
    number, day = max(coming)
    return Reckoning(day, number)


def flag(case: TrackedCase, on: Reckoning, warning_days: int) -> DeadlineState:
    """逾期 or 將屆 for an open case on the reckoned day; nothing for a released one."""
    if not case.is_open:
        return DeadlineState.NONE
    return deadline_state(case, on.day, warning_days)


def newest_event(case: TrackedCase) -> CaseEvent | None:
    return case_history.newest(case)


def newest_proposal(case: TrackedCase) -> CaseDecision | None:
    """The owner unit's 擬辦 at the case's newest meeting."""
    event = newest_event(case)
    return event.proposal if event else None


def last_progress(case: TrackedCase) -> str:
    """The 辦理情形 of the newest meeting that heard one; empty when none did."""
    event = case_history.latest(case, sys.maxsize, lambda e: bool(e.progress or e.progress_points))
    return as_one_text(event.progress, event.progress_points) if event else ""


def concerns(case: TrackedCase, unit: str) -> bool:
    """The unit owns the case (主辦) or works on it beside the owner (協辦)."""
    return case.owner == unit or unit in case.co_owners


@dataclass(frozen=True)
class Query:
    """Which cases to list; each field left empty lets every case through."""

    status: str = "all"  # open, closed or all
    unit: str = ""
    due_by: date | None = None  # the deadline on or before this day
    proposal: str = ""  # release, keep or none (the newest event's 擬辦)
    overdue: bool = False  # open cases past their deadline on the reckoned day

    def admits(self, case: TrackedCase, on: Reckoning) -> bool:
        if self.status != "all" and case.is_open != (self.status == "open"):
            return False
        if self.unit and not concerns(case, self.unit):
            return False
        if self.due_by and (case.deadline is None or case.deadline > self.due_by):
            return False
        if self.proposal and newest_proposal(case) is not PROPOSALS[self.proposal]:
            return False
        return not self.overdue or flag(case, on, 0) is DeadlineState.PASSED


def select(cases: Iterable[TrackedCase], query: Query, on: Reckoning) -> list[TrackedCase]:
    """The cases the query admits, internal ones first, by number."""
    found = [c for c in cases if query.admits(c, on)]
    return sorted(found, key=lambda c: (c.kind is not CaseKind.INTERNAL, c.number))


@dataclass(frozen=True)
class UnitCount:
    """One line of the register's summary: a unit's open cases, overdue and near."""

    unit: str  # empty for cases with no owner yet
    open: int
    overdue: int
    near: int


def unit_counts(
    cases: Iterable[TrackedCase], on: Reckoning, warning_days: int, units: Sequence[str] = ()
) -> list[UnitCount]:
    """The open cases counted under their owner (主辦) unit, each case once: the units in
    `units`' order (the profile's), then others by name, then the cases with no owner."""
    flags: dict[str, list[DeadlineState]] = {}
    for case in cases:
        if case.is_open:
            flags.setdefault(case.owner, []).append(flag(case, on, warning_days))
    order = {unit: n for n, unit in enumerate(units)}
    owners = sorted(flags, key=lambda u: (u == "", order.get(u, len(order)), u))
    return [
        UnitCount(
            unit,
            len(flags[unit]),
            flags[unit].count(DeadlineState.PASSED),
            flags[unit].count(DeadlineState.NEAR),
        )
        for unit in owners
    ]
