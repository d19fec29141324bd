"""The app's copy of the open meeting: what is stored, with this session's changes that are
not stored yet applied on top, by the same operations the edit service applies.

Textual-free: the screen owns one and hands its operations to the writer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import datetime

from tui.dataclass_cache import dataclass, field
from tui.domain.model import CaseKind, CaseRef, Meeting, TrackedCase
from tui.edits import Applied, EditError, Operation
from tui.edits.workset import CaseKey, Workset
from tui.i18n import _
from tui.storage.repository import Records, Repository


@dataclass
class Snapshot:
    """The meeting and its cases as stored, read in one transaction."""

    meeting: Meeting
    cases: dict[CaseKey, TrackedCase]
    taken: list[int]  # case numbers issued at this meeting, open or closed
    seq: int = 0  # the meeting's last log entry

    @classmethod
    def read(cls, repo: Repository, number: int) -> Snapshot | None:
        with repo.store.reading() as tx:
            records = Records(tx)
            meeting = records.meeting(number)
            if meeting is None:
                return None
            cases = {(c.kind, c.number): c for c in records.cases_of(_refs(meeting))}
            last = records.log(number).last()
            taken = records.case_numbers_of_meeting(number)
            return cls(meeting, cases, taken, last[0] if last else 0)


def _refs(meeting: Meeting) -> list[CaseRef]:
    refs = [ref for item in meeting.items() for ref in item.cases]
    opened = [CaseRef(c.case) for c in meeting.conclusions() if c.case is not None]
    return [*refs, *opened]


@dataclass
class _Source:
    """A workset's source over the app's copy: the same objects, changed in place."""

    snapshot: Snapshot

    def meeting(self, number: int) -> Meeting | None:
        found = self.snapshot.meeting
        return found if found.number == number else None

    def case(self, number: int, kind: CaseKind = CaseKind.INTERNAL) -> TrackedCase | None:
        return self.snapshot.cases.get((kind, number))

    def case_numbers_of_meeting(self, meeting: int) -> list[int]:
        return list(self.snapshot.taken)


@dataclass
class LiveMeeting:
    """What this session of a shared live meeting holds: the view it shows and its edits not
    yet acknowledged."""

    view: Snapshot
    user: str
    units: list[str] = field(default_factory=list)
    sent: list[tuple[int, Operation]] = field(default_factory=list)  # not acknowledged yet
    typing: Operation | None = None  # typed, not sent yet
    _serial: int = 0

    @property
    def meeting(self) -> Meeting:
        return self.view.meeting

    @property
    def cases(self) -> dict[CaseKey, TrackedCase]:
        return self.view.cases

    def apply(self, op: Operation) -> Applied:
        """Apply op to the copy (raises EditError as the service would)."""
        return _apply(self.view, op, self.user, self.units)

    def send(self, op: Operation) -> tuple[int, Operation]:
        """Apply op here and number it for the writer."""
        self.apply(op)
        self._serial += 1
        self.sent.append((self._serial, op))
        return self._serial, op

    def pass_on(self, op: Operation) -> int:
        """A number for an operation on another meeting (the last record, confirmed): the
        writer applies it, and the copy shows what it did here once it is read back."""
        self._serial += 1
        return self._serial

    def type(self, op: Operation) -> None:
        """Typed text: applied here at once, sent when the typing pauses (take_typing)."""
        if self.typing is not None and not op.replaces(self.typing):
            raise EditError(_("finish the entry being typed first"))
        self.apply(op)
        self.typing = op

    def take_typing(self) -> tuple[int, Operation] | None:
        op, self.typing = self.typing, None
        if op is None:
            return None
        self._serial += 1
        self.sent.append((self._serial, op))
        return self._serial, op

    def acknowledged(self, serials: Iterable[int]) -> None:
        done = set(serials)
        self.sent = [(s, op) for s, op in self.sent if s not in done]

    def rebase(self, stored: Snapshot, upto: int) -> bool:
        """Take the stored state, with what is not stored yet on top; True if the copy
        now differs from what was shown."""
        self.sent = [(s, op) for s, op in self.sent if s > upto]
        for op in [op for _serial, op in self.sent] + ([self.typing] if self.typing else []):
            with contextlib.suppress(EditError):  # refused when stored too: the writer says why
                _apply(stored, op, self.user, self.units)
        changed = (stored.meeting, stored.cases) != (self.view.meeting, self.view.cases)
        if changed:
            self.view = stored
        return changed


def _apply(view: Snapshot, op: Operation, user: str, units: list[str]) -> Applied:
    ws = Workset(_Source(view), user, datetime.now(), units)
    applied = op.apply(ws)
    for key in ws.changed_cases:
        case = ws.cases.get(key)
        if case is not None:
            view.cases[key] = case
            if key[0] is CaseKind.INTERNAL and key[1] not in view.taken:
                view.taken.append(key[1])
    for key in ws.removed_cases:
        view.cases.pop(key, None)
    return applied
