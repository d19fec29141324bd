"""What one operation reads and changes: meetings and cases from a source, kept until the
caller writes the changed ones back (storage) or keeps them (the app's own copy)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from tui.dataclass_cache import dataclass, field
from tui.domain.model import CaseKind, CaseRef, Correction, Meeting, MeetingStatus, TrackedCase
from tui.edits.errors import EditError, Hint
from tui.i18n import N_, _

CaseKey = tuple[CaseKind, int]

# A record changed only under a logged correction: confirmed, or (still recorded) approved.
_LOCKED = {
    MeetingStatus.CONFIRMED: N_(
        "the record of meeting {number} is confirmed; change it only with a "
        "logged correction (who, when, what)"
    ),
    MeetingStatus.RECORDED: N_(
        "the record of meeting {number} is approved; change it only with a "
        "logged correction (who, when, what)"
    ),
}


class Source(Protocol):
    def meeting(self, number: int) -> Meeting | None: ...

    def case(self, number: int, kind: CaseKind = CaseKind.INTERNAL) -> TrackedCase | None: ...

    def case_numbers_of_meeting(self, meeting: int) -> list[int]: ...


@dataclass
class Workset:
    """The meetings and cases one transaction reads and changes, and who changes them."""

    source: Source
    user: str
    now: datetime
    units: list[str] = field(default_factory=list)
    meetings: dict[int, Meeting] = field(default_factory=dict)
    cases: dict[CaseKey, TrackedCase | None] = field(default_factory=dict)
    changed_meetings: dict[int, Correction | None] = field(default_factory=dict)
    changed_cases: set[CaseKey] = field(default_factory=set)
    removed_cases: set[CaseKey] = field(default_factory=set)
    created: set[int] = field(default_factory=set)
    deleted: set[int] = field(default_factory=set)
    unlocked: set[int] = field(default_factory=set)  # confirmed records made editable again
    # Records read from files: (meeting, its cases, whether it replaces a stored one).
    imported: list[tuple[Meeting, list[TrackedCase], bool]] = field(default_factory=list)

    def meeting(self, number: int) -> Meeting:
        if number in self.deleted:
            raise EditError(_("no meeting {number}").format(number=number))
        if number not in self.meetings:
            found = self.source.meeting(number)
            if found is None:
                raise EditError(_("no meeting {number}").format(number=number))
            self.meetings[number] = found
        return self.meetings[number]

    def has_meeting(self, number: int) -> bool:
        try:
            self.meeting(number)
        except EditError:
            return False
        return True

    def change(self, number: int, correction: int | None = None) -> Meeting:
        """The meeting, to be changed: a confirmed record only under a logged correction."""
        meeting = self.meeting(number)
        logged: Correction | None = None
        if meeting.status is MeetingStatus.CONFIRMED or meeting.approval is not None:
            if correction is None or not 0 < correction <= len(meeting.corrections):
                locked = _(_LOCKED[meeting.status]).format(number=number)
                raise EditError(locked, Hint.CORRECT_FIRST)
            logged = meeting.corrections[correction - 1]
        self.changed_meetings[number] = self.changed_meetings.get(number) or logged
        return meeting

    def settle(self) -> None:
        """What was changed is written: a next operation starts from here."""
        for collection in (
            self.changed_meetings,
            self.changed_cases,
            self.removed_cases,
            self.created,
            self.deleted,
            self.unlocked,
            self.imported,
        ):
            collection.clear()

    def create(self, meeting: Meeting) -> None:
        self.meetings[meeting.number] = meeting
        self.created.add(meeting.number)
        self.deleted.discard(meeting.number)

    def delete(self, number: int) -> None:
        self.meetings.pop(number, None)
        self.changed_meetings.pop(number, None)
        self.created.discard(number)
        self.deleted.add(number)

    def find_case(self, number: int, kind: CaseKind = CaseKind.INTERNAL) -> TrackedCase | None:
        key = (kind, number)
        if key not in self.cases:
            self.cases[key] = self.source.case(number, kind)
        return self.cases[key]

    def case(self, number: int, kind: CaseKind = CaseKind.INTERNAL) -> TrackedCase:
        found = self.find_case(number, kind)
        if found is None:
            raise EditError(_("no tracked case {number}").format(number=number))
        return found

    def change_case(self, case: TrackedCase) -> TrackedCase:
        key = (case.kind, case.number)
        self.cases[key] = case
        self.changed_cases.add(key)
        self.removed_cases.discard(key)
        return case

    def remove_case(self, case: TrackedCase) -> None:
        key = (case.kind, case.number)
        self.cases[key] = None
        self.changed_cases.discard(key)
        self.removed_cases.add(key)

    def cases_of(self, refs: Iterable[CaseRef]) -> list[TrackedCase]:
        found = (self.find_case(ref.number, ref.kind) for ref in refs)
        return [case for case in found if case is not None]

    def taken_numbers(self, meeting: int) -> list[int]:
        stored = self.source.case_numbers_of_meeting(meeting)
        new = [n for (k, n), c in self.cases.items() if c is not None and k is CaseKind.INTERNAL]
        return sorted({*stored, *new} - {n for _, n in self.removed_cases})
