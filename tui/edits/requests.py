"""What a command asks for, as operations: places ("2.4") and case numbers resolved on
the stored meeting inside the same transaction as the change."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from tui.domain.identity import find_entry, new_id
from tui.domain.model import Amendment, CaseDecision, CaseKind, Conclusion, MeetingStatus
from tui.domain.places import PlaceError, item_at, placed_items
from tui.edits.errors import EditError
from tui.edits.ops import AddMotion, Confirm, Correct, Decide, SetStatus, Track, WriteConclusion
from tui.edits.service import Done, EditService
from tui.i18n import _


def conclude(
    service: EditService,
    meeting: int,
    place: str,
    text: str,
    *,
    tracked: bool = False,
    owner: str = "",
    deadline: date | None = None,
) -> int | None:
    """A conclusion added to the item at `place`; returns the number of its new case."""
    with service.repo.change() as records:
        ws = service.workset(records)
        try:
            item = item_at(ws.meeting(meeting), place)[1]
        except PlaceError as error:
            raise EditError(str(error)) from None
        conclusion = new_id("c")
        op = WriteConclusion(meeting, item.id, conclusion, text)
        if not op.text:
            raise EditError(_("a conclusion needs text"))
        service.apply_in(records, op, ws=ws)
        if not tracked:
            return None
        when = deadline.isoformat() if deadline else None
        service.apply_in(records, Track(meeting, conclusion, owner, when), ws=ws)
        found = find_entry(ws.meeting(meeting), conclusion)
        return found[1].case if found and isinstance(found[1], Conclusion) else None


def decide(
    service: EditService,
    meeting: int,
    case: int,
    decision: CaseDecision,
    progress: str = "",
    kind: CaseKind = CaseKind.INTERNAL,
) -> Done:
    return service.apply(Decide(meeting, case, decision.value, kind.value, progress or None))


def add_motion(service: EditService, meeting: int, presenter: str, text: str) -> str:
    """A temporary motion; returns its place for conclusions ("3.1")."""
    motion = new_id("i")
    with service.repo.change() as records:
        service.apply_in(records, AddMotion(meeting, motion, presenter, text))
        stored = records.meeting(meeting)
    assert stored is not None
    return next(place for place, _, item in placed_items(stored) if item.id == motion)


def set_status(
    service: EditService, meeting: int, status: MeetingStatus, end: time | None = None
) -> Done:
    at = end.isoformat(timespec="minutes") if end else None
    return service.apply(SetStatus(meeting, status.value, at))


def confirm(
    service: EditService,
    meeting: int,
    corrections: Sequence[Amendment] = (),
    at: int | None = None,
) -> Done:
    """Record `meeting` confirmed when meeting `at` (the next, unless given) reads it."""
    reader = meeting + 1 if at is None else at
    return service.apply(Confirm(meeting, reader, list(corrections)))


def correct(service: EditService, meeting: int, what: str) -> Done:
    return service.apply(Correct(meeting, what))
