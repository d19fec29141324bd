"""The meeting's motions and items, added and removed (made and deleted: tui.edits.creation)."""

from __future__ import annotations

from typing import Any

from tui.dataclass_cache import dataclass
from tui.domain.codec import ShapeError, from_data, to_data
from tui.domain.identity import find_item
from tui.domain.model import Item, Meeting
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
    """Put an item, given whole, into a section at a position."""

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
