"""The agenda's sections (壹、貳、參…) for one meeting: added, renamed, removed, put back,
moved. The profile's standing agenda is copied into a meeting when it is prepared, so these
change that meeting only."""

from __future__ import annotations

import dataclasses
from typing import Any

from tui.dataclass_cache import dataclass
from tui.domain.codec import ShapeError, from_data, to_data
from tui.domain.identity import find_section
from tui.domain.model import ItemKind, Meeting, Section
from tui.domain.numerals import formal
from tui.domain.outline import holds_cases, new_section_position, section_heading, section_kind
from tui.edits.errors import ConflictError, EditError
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.origins import refresh_origins
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _


def section_named(meeting: Meeting, section_id: str) -> tuple[int, Section]:
    found = find_section(meeting, section_id)
    if found is None:
        raise ConflictError(
            _("meeting {number} has no such section any more").format(number=meeting.number)
        )
    return found


def _kind(value: str, title: str) -> ItemKind:
    if not value:
        return section_kind(title)
    try:
        return ItemKind(value)
    except ValueError:
        raise EditError(_("no kind of section {value!r}").format(value=value)) from None


@operation("add_section")
@dataclass(frozen=True)
class AddSection(Operation):
    """A new section at `position` (0-based; None: before 臨時動議, else last)."""

    id: str
    title: str
    kind: str = ""  # proposals, motions …; "": read from the title (討論事項, 臨時動議)
    position: int | None = None

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        if find_section(meeting, self.id) is not None:
            return nothing(self)
        if not self.title:
            raise EditError(_("a section needs a title"))
        kind = _kind(self.kind, self.title)
        at = new_section_position(meeting) if self.position is None else self.position
        at = max(0, min(at, len(meeting.sections)))
        section = Section(self.title, kind=kind, listed=kind is ItemKind.MOTIONS, id=self.id)
        meeting.sections.insert(at, section)
        refresh_origins(ws, meeting)
        done = dataclasses.replace(self, position=at, kind=kind.value)
        undo = RemoveSection(self.meeting, self.id, correction=self.correction)
        heading = section_heading(meeting, at)
        return Applied(done, undo, said(N_("{heading} section added"), heading=heading))


@operation("rename_section")
@dataclass(frozen=True)
class RenameSection(Operation):
    """Give a section of the agenda a new title."""

    id: str
    title: str
    expect: str | None = None  # the title it must have now (an undo's check)

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        index, section = section_named(meeting, self.id)
        if self.expect is not None and section.title != self.expect:
            raise ConflictError(_("the section's title has been changed since"))
        if not self.title:
            raise EditError(_("a section needs a title"))
        if section.title == self.title:
            return nothing(self)
        before, section.title = section.title, self.title
        refresh_origins(ws, meeting)
        undo = RenameSection(
            self.meeting, self.id, before, expect=self.title, correction=self.correction
        )
        summary = said(
            N_("{heading} section renamed (was 「{before}」)"),
            heading=section_heading(meeting, index),
            before=before,
        )
        return Applied(self, undo, summary)


@operation("remove_section")
@dataclass(frozen=True)
class RemoveSection(Operation):
    """Delete a section with its items; refused while an item of it holds tracked cases."""

    id: str

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        index, section = section_named(meeting, self.id)
        items = [*([section.body] if section.body else []), *section.items]
        if any(holds_cases(item) for item in items):
            raise EditError(
                _("{heading} has items with tracked cases; it stays").format(
                    heading=section_heading(meeting, index)
                )
            )
        heading = section_heading(meeting, index)
        meeting.sections.remove(section)
        refresh_origins(ws, meeting)
        undo = InsertSection(self.meeting, index, to_data(section), correction=self.correction)
        return Applied(self, undo, said(N_("{heading} section deleted"), heading=heading))


@operation("insert_section")
@dataclass(frozen=True)
class InsertSection(Operation):
    """Put a whole section back at its position (undoing a delete)."""

    position: int
    data: dict[str, Any]

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        try:
            section = from_data(Section, self.data)
        except ShapeError as error:
            raise EditError(str(error)) from None
        if find_section(meeting, section.id) is not None:
            raise ConflictError(_("that section is there already"))
        at = max(0, min(self.position, len(meeting.sections)))
        meeting.sections.insert(at, section)
        refresh_origins(ws, meeting)
        undo = RemoveSection(self.meeting, section.id, correction=self.correction)
        heading = section_heading(meeting, at)
        return Applied(self, undo, said(N_("{heading} section put back"), heading=heading))


@operation("move_section")
@dataclass(frozen=True)
class MoveSection(Operation):
    """Move a section `step` places up (negative) or down."""

    id: str
    step: int

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        index, _section = section_named(meeting, self.id)
        new = index + self.step
        if self.step == 0 or not 0 <= new < len(meeting.sections):
            return nothing(self)
        meeting.sections.insert(new, meeting.sections.pop(index))
        refresh_origins(ws, meeting)
        undo = MoveSection(self.meeting, self.id, -self.step, correction=self.correction)
        summary = said(
            N_("{heading} section moved (was {before})"),
            heading=section_heading(meeting, new),
            before=formal(index + 1),
        )
        return Applied(self, undo, summary)
