"""A meeting made (prepared, or a deleted draft put back) and a draft deleted: apart from the
other operations on a meeting, so that `prepare` imports only what it makes."""

from __future__ import annotations

from typing import Any

from tui.dataclass_cache import dataclass
from tui.domain.codec import ShapeError, from_data, to_data
from tui.domain.identity import name_entries
from tui.domain.lifecycle import status_word
from tui.domain.model import Meeting, MeetingStatus
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _


@operation("create_meeting")
@dataclass(frozen=True)
class CreateMeeting(Operation):
    """A new meeting as prepared from the last record (or a deleted draft put back); the
    undo deletes it again while nothing else has changed it."""

    data: dict[str, Any]
    restored: bool = False  # a deleted draft put back

    def apply(self, ws: Workset) -> Applied:
        try:
            meeting = from_data(Meeting, self.data)
        except ShapeError as error:
            raise EditError(str(error)) from None
        if ws.has_meeting(self.meeting):
            raise ConflictError(_("meeting {number} exists already").format(number=self.meeting))
        ws.create(meeting)
        undo = DeleteMeeting(self.meeting, self.data)
        made = N_("meeting {number} put back") if self.restored else N_("meeting {number} prepared")
        return Applied(self, undo, said(made, number=self.meeting))


@operation("delete_meeting")
@dataclass(frozen=True)
class DeleteMeeting(Operation):
    """A draft agenda prepared by mistake, deleted (its log stays: who deleted it, and how
    to put it back). The undo of a preparation names the meeting as it must be now."""

    data: dict[str, Any] | None = None

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.meeting(self.meeting)
        if self.data is not None and not _unchanged(meeting, self.data):
            raise ConflictError(
                _("meeting {number} has been changed since it was made").format(number=self.meeting)
            )
        _check_deletable(ws, meeting)
        data = to_data(meeting)
        ws.delete(self.meeting)
        deleted = said(N_("meeting {number} deleted"), number=self.meeting)
        return Applied(self, CreateMeeting(self.meeting, data, restored=True), deleted)


def _unchanged(meeting: Meeting, data: dict[str, Any]) -> bool:
    """The meeting is what `data` made: the names its entries got when it was first read
    aside."""
    try:
        made = name_entries(from_data(Meeting, data))
    except ShapeError:
        return False
    return bool(to_data(made) == to_data(meeting))


def _check_deletable(ws: Workset, meeting: Meeting) -> None:
    number = meeting.number
    if meeting.status is not MeetingStatus.DRAFT:
        raise EditError(
            _(
                "meeting {number} is {status}, not a draft agenda: only a draft can be deleted"
            ).format(number=number, status=status_word(meeting.status))
        )
    if ws.has_meeting(number + 1):
        raise EditError(
            _("meeting {later} follows meeting {number}: delete that first").format(
                later=number + 1, number=number
            )
        )
    opened = [c.case for c in meeting.conclusions() if c.case is not None]
    refs = [ref for item in meeting.items() for ref in item.cases]
    decided = [c.number for c in ws.cases_of(refs) if c.decision_at(number) is not None]
    if opened or decided:
        listed = "、".join(str(n) for n in [*opened, *decided])
        raise EditError(
            _(
                "meeting {number} holds progress or decisions of tracked cases, or opened "
                "some ({cases}): undo those first"
            ).format(number=number, cases=listed)
        )
    previous = ws.meeting(number - 1) if ws.has_meeting(number - 1) else None
    confirmed = previous.confirmation if previous is not None else None
    if confirmed is not None and confirmed.at_meeting == number:
        raise EditError(
            _(
                "the record of meeting {previous} was confirmed at meeting {number}: "
                "take that back first"
            ).format(previous=number - 1, number=number)
        )
