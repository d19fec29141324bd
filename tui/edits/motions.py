"""Temporary motions (臨時動議) after they are added: who presents them, how, their words,
and their order."""

from __future__ import annotations

from tui.dataclass_cache import dataclass
from tui.domain.identity import find_item
from tui.domain.model import Item, ItemKind, Meeting, Section
from tui.domain.motions import read_presenter
from tui.domain.places import place_of as heading_of
from tui.edits.entries import place_of, quoted
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _


def motion_named(meeting: Meeting, motion_id: str) -> tuple[Section, Item]:
    """The motion and the 臨時動議 section it is in; refused for any other item."""
    item = find_item(meeting, motion_id)
    if item is None:
        raise ConflictError(_("that motion has been deleted"))
    for section in meeting.sections:
        if item in section.items and section.kind is ItemKind.MOTIONS:
            return section, item
    raise EditError(_("that item is not a temporary motion (臨時動議)"))


@operation("edit_motion")
@dataclass(frozen=True)
class EditMotion(Operation):
    """A motion's presenter, kind or words (None: as they are). A presenter typed as the
    record writes it (總務組王組長口頭報告) gives its kind too, and any words after a colon."""

    MULTILINE = frozenset({"text", "expect"})
    id: str
    presenter: str | None = None
    kind: str | None = None
    text: str | None = None
    expect: list[str] | None = None  # [presenter, kind, text] it must have now: an undo's check

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        item = motion_named(meeting, self.id)[1]
        before = [item.presenter, item.presenter_kind, item.title]
        if self.expect is not None and self.expect != before:
            raise ConflictError(_("the motion has been changed since"))
        after = self._wanted(before)
        if not after[0]:
            raise EditError(_("a motion needs who presents it (法制王視察)"))
        if after == before:
            return nothing(self)
        item.presenter, item.presenter_kind, item.title = after
        presenter, kind, text = before
        undo = EditMotion(
            self.meeting, self.id, presenter, kind, text, after, correction=self.correction
        )
        summary = said(
            N_("{place} motion: {presenter}{kind} 「{text}」"),
            place=place_of(meeting, item),
            presenter=after[0],
            kind=after[1],
            text=quoted(after[2]),
        )
        return Applied(self, undo, summary)

    def _wanted(self, before: list[str]) -> list[str]:
        presenter, kind, text = before
        kind = kind if self.kind is None else self.kind
        if self.presenter is not None:
            typed = read_presenter(self.presenter)
            presenter, kind = typed.name, typed.kind or kind
            text = typed.text if typed.text and self.text is None else text
        return [presenter, kind, text if self.text is None else self.text]


@operation("move_motion")
@dataclass(frozen=True)
class MoveMotion(Operation):
    """A motion `step` places up (negative) or down among the motions; the cases its
    conclusions opened say where they come from again."""

    id: str
    step: int

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        section, item = motion_named(meeting, self.id)
        index = section.items.index(item)
        new = index + self.step
        if self.step == 0 or not 0 <= new < len(section.items):
            return nothing(self)
        section.items.insert(new, section.items.pop(index))
        _origins_again(ws, meeting, section)
        undo = MoveMotion(self.meeting, self.id, -self.step, correction=self.correction)
        message = (
            N_("{place} motion moved up") if self.step < 0 else N_("{place} motion moved down")
        )
        return Applied(self, undo, said(message, place=place_of(meeting, item)))


def _origins_again(ws: Workset, meeting: Meeting, section: Section) -> None:
    for item in section.items:
        found = heading_of(meeting, item)
        for conclusion in item.conclusions:
            case = ws.find_case(conclusion.case) if conclusion.case is not None else None
            if case is not None and found is not None and case.origin_item != found[1]:
                case.origin_item = found[1]
                ws.change_case(case)
