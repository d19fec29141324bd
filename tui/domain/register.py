"""The register of tracked cases (列管案件) as the commands and the cases screen read it: the one
rule for which day a case is overdue on, the filters (tui.domain.register_rules, which read
them off any case), and the count per unit."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from tui.dataclass_cache import dataclass
from tui.domain import case_history
from tui.domain import register_rules as rules
from tui.domain.model import CaseDecision, CaseEvent, TrackedCase
from tui.domain.points import as_one_text
from tui.domain.register_rules import (
    COMING,
    FLAG_KEYS,
    PROPOSALS,
    STATUSES,
    DeadlineState,
    Query,
    Reckoning,
    concerns,
    flag,
    reckoning,
)

__all__ = [
    "COMING",
    "FLAG_KEYS",
    "PROPOSALS",
    "STATUSES",
    "Query",
    "Reckoning",
    "concerns",
    "flag",
    "reckoning",
]


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


def select(cases: Iterable[TrackedCase], query: Query, on: Reckoning) -> list[TrackedCase]:
    """The cases the query admits, internal ones first, by number."""
    return rules.select(cases, query, on, newest_proposal)


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
