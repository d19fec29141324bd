"""The meeting as a whole: its motions and items, made and deleted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.domain.codec import ShapeError, from_data, to_data
from tui.domain.identity import find_item, name_entries
from tui.domain.lifecycle import status_word
from tui.domain.model import Item, Meeting, MeetingStatus
from tui.domain.motions import ORAL, read_presenter
from tui.domain.places import motions_section, written_place
from tui.edits.entries import place_of
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.origins import refresh_origins
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _


@operation("add_motion")
@dataclass(frozen=True)
class AddMotion(Operation):
    """A temporary motion (臨時動議) as it comes: who presents it and what. A presenter typed
    as the record writes it (總務組王組長口頭報告：…) gives its kind, and its words."""

    MULTILINE = frozenset({"text"})
    id: str
    presenter: str
    text: str = ""
    kind: str = ORAL

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        if find_item(meeting, self.id) is not None:
            return nothing(self)
        index, section = motions_section(meeting)
        typed = read_presenter(self.presenter)
        presenter, kind, text = typed.name, typed.kind or self.kind, self.text or typed.text
        if not presenter:
            raise EditError(_("a motion needs who presents it (法制王視察)"))
        motion = Item(text, presenter=presenter, presenter_kind=kind, id=self.id)
        section.items.append(motion)
        undo = RemoveItem(self.meeting, self.id, correction=self.correction)
        return Applied(
            self,
            undo,
            said(
                N_("{place} motion: {presenter}{kind}"),
                place=written_place(f"{index}.{len(section.items)}"),
                presenter=presenter,
                kind=kind,
            ),
        )


@operation("remove_item")
@dataclass(frozen=True)
class RemoveItem(Operation):
    """Delete an item (a motion added by mistake); the undo puts it back."""

    id: str

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        for s, section in enumerate(meeting.sections):
            for position, item in enumerate(section.items):
                if item.id == self.id:
                    return self._remove(ws, meeting, s, position, item)
        raise ConflictError(_("that item has been deleted already"))

    def _remove(
        self, ws: Workset, meeting: Meeting, section: int, position: int, item: Item
    ) -> Applied:
        if any(c.case is not None for c in item.conclusions) or item.cases:
            raise EditError(_("this item has tracked cases; it stays"))
        place = place_of(meeting, item)
        meeting.sections[section].items.remove(item)
        refresh_origins(ws, meeting)
        undo = InsertItem(
            self.meeting, section, position, to_data(item), correction=self.correction
        )
        return Applied(self, undo, said(N_("{place} item deleted"), place=place))


@operation("insert_item")
@dataclass(frozen=True)
class InsertItem(Operation):
    section: int  # 0-based
    position: int
    data: dict[str, Any]

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        try:
            item = from_data(Item, self.data)
        except ShapeError as error:
            raise EditError(str(error)) from None
        if find_item(meeting, item.id) is not None:
            raise ConflictError(_("that item is there already"))
        if not 0 <= self.section < len(meeting.sections):
            raise ConflictError(_("the section of that item is gone"))
        items = meeting.sections[self.section].items
        items.insert(max(0, min(self.position, len(items))), item)
        refresh_origins(ws, meeting)
        undo = RemoveItem(self.meeting, item.id, correction=self.correction)
        return Applied(self, undo, said(N_("{place} item put back"), place=place_of(meeting, item)))


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
