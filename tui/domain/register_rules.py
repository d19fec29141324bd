"""The register's rules read off any case, the model's TrackedCase or a listing's plain head
(tui.domain.case_heads): its kind and state words, how its deadline stands on the day the
register reckons from, and the filters. Nothing here imports the model, so that a listing
need not build one."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from tui.domain.rocdays import format_numeric_date, format_short_date
from tui.i18n import _

C = TypeVar("C", bound="Case")

if TYPE_CHECKING:  # for the type checker only: a Protocol takes a while to make
    from collections.abc import Callable, Sequence
    from typing import Protocol

    class Case(Protocol):
        """What the rules read of a case."""

        @property
        def number(self) -> int: ...
        @property
        def kind(self) -> str: ...
        @property
        def owner(self) -> str: ...
        @property
        def co_owners(self) -> Sequence[str]: ...
        @property
        def deadline(self) -> date | None: ...
        @property
        def is_open(self) -> bool: ...

    Proposal = Callable[[C], object]  # the owner unit's 擬辦 at the case's newest meeting

# Who tracks the case (by CaseKind's value); "列管" follows in a sentence (本處列管).
KIND_WORDS = {"internal": "本處", "mayor": "市長室", "council": "議會"}
OPEN_WORD = "列管中"
CLOSED_WORD = "已解除列管"


def state_word(case: Case) -> str:
    """列管中 or 已解除列管: how the commands' output and the screens name a case's state."""
    return OPEN_WORD if case.is_open else CLOSED_WORD


def state_key(case: Case) -> str:
    """open or closed: the state in the JSON output."""
    return "open" if case.is_open else "closed"


class DeadlineState(enum.Enum):
    """How a case's deadline stands on a day; the value is the flag an agenda shows."""

    NONE = ""  # no deadline, or not near yet
    NEAR = "將屆"  # within the warning days
    PASSED = "逾期"


def deadline_state(case: Case, on: date, warning_days: int = 0) -> DeadlineState:
    """PASSED when the deadline is before `on`; NEAR when it is at most `warning_days` after."""
    if case.deadline is None:
        return DeadlineState.NONE
    if case.deadline < on:
        return DeadlineState.PASSED
    if (case.deadline - on).days <= warning_days:
        return DeadlineState.NEAR
    return DeadlineState.NONE


# How --json names a flag.
FLAG_KEYS = {DeadlineState.NONE: "", DeadlineState.NEAR: "near", DeadlineState.PASSED: "overdue"}

# A meeting being prepared or held (MeetingStatus' values): the next one, whose date the
# register reckons from.
COMING = ("draft", "in_session")


class Reckoning(NamedTuple):
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


def reckoning(meetings: Iterable[tuple[int, date, str]], today: date) -> Reckoning:
    """The newest meeting that is a draft or in session (the one being prepared), else today.
    `meetings` are (number, date, status)."""
    coming = [(number, day) for number, day, status in meetings if status in COMING]
    if not coming:
        return Reckoning(today)
    number, day = max(coming)
    return Reckoning(day, number)


def flag(case: Case, on: Reckoning, warning_days: int) -> DeadlineState:
    """逾期 or 將屆 for an open case on the reckoned day; nothing for a released one."""
    if not case.is_open:
        return DeadlineState.NONE
    return deadline_state(case, on.day, warning_days)


def concerns(case: Case, unit: str) -> bool:
    """The unit owns the case (主辦) or works on it beside the owner (協辦)."""
    return case.owner == unit or unit in case.co_owners


STATUSES = ("open", "closed", "all")
PROPOSALS = {"release": "release", "keep": "keep", "none": None}  # CaseDecision's values


class Query(NamedTuple):
    """Which cases to list; each field left empty lets every case through."""

    status: str = "all"  # open, closed or all
    unit: str = ""
    due_by: date | None = None  # the deadline on or before this day
    proposal: str = ""  # release, keep or none (the newest event's 擬辦)
    overdue: bool = False  # open cases past their deadline on the reckoned day

    def admits(self, case: C, on: Reckoning, proposal_of: Proposal[C]) -> bool:
        if self.status != "all" and case.is_open != (self.status == "open"):
            return False
        if self.unit and not concerns(case, self.unit):
            return False
        if self.due_by and (case.deadline is None or case.deadline > self.due_by):
            return False
        if self.proposal and proposal_of(case) != PROPOSALS[self.proposal]:
            return False
        return not self.overdue or flag(case, on, 0) is DeadlineState.PASSED


def select(cases: Iterable[C], query: Query, on: Reckoning, proposal_of: Proposal[C]) -> list[C]:
    """The cases the query admits, internal ones first, by number."""
    found = [c for c in cases if query.admits(c, on, proposal_of)]
    return sorted(found, key=lambda c: (c.kind != "internal", c.number))
