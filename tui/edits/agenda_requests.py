"""What `agenda item …` and `agenda section …` ask for, as operations: places (參、一, 3.1)
and sections (參, 討論事項) resolved on the stored meeting inside the same transaction as
the change."""

from __future__ import annotations

from collections.abc import Sequence

from tui.domain.identity import new_id
from tui.domain.model import Item, ItemKind, Meeting, Section
from tui.domain.numerals import formal
from tui.domain.outline import PROPOSALS_TITLE, section_named
from tui.domain.places import PlaceError, item_at, parse_place, placed_items, written_place
from tui.edits.agenda_items import AddItem, MoveItem, RenameItem, WriteBlock
from tui.edits.agenda_sections import (
    AddSection,
    MoveSection,
    RemoveSection,
    RenameSection,
)
from tui.edits.errors import EditError
from tui.edits.meeting import RemoveItem
from tui.edits.operation import Operation
from tui.edits.service import EditService
from tui.edits.workset import Workset
from tui.i18n import _
from tui.storage.repository import Records


def _section(meeting: Meeting, text: str) -> tuple[int, Section]:
    found = section_named(meeting, text)
    if found is None:
        raise EditError(
            _(
                "meeting {number} has no section {section} (give its numeral, 貳, or its "
                "title; `agenda section add` makes one)"
            ).format(number=meeting.number, section=text)
        )
    return found


def _item(meeting: Meeting, place: str) -> Item:
    try:
        return item_at(meeting, place)[1]
    except PlaceError:
        raise EditError(
            _("meeting {number} has no item {place} (give 貳、一 or 2.1)").format(
                number=meeting.number, place=place
            )
        ) from None


def _listed_item(meeting: Meeting, place: str) -> Item:
    """An item of a section's list: not a section that is itself the item (壹)."""
    item = _item(meeting, place)
    if any(section.body is item for section in meeting.sections):
        raise EditError(
            _("{place} is a section: use `agenda section`").format(
                place=written_place(parse_place(place))
            )
        )
    return item


def place_of_item(meeting: Meeting, item_id: str) -> str:
    """The item's place as the record writes it (參、一)."""
    return next(written_place(p) for p, _h, item in placed_items(meeting) if item.id == item_id)


class _Change:
    """One transaction: read the stored meeting, apply operations to it, read it again."""

    def __init__(self, service: EditService, records: Records, meeting: int) -> None:
        self.service, self.records, self.number = service, records, meeting
        self.ws: Workset = service.workset(records)

    @property
    def meeting(self) -> Meeting:
        return self.ws.meeting(self.number)

    def apply(self, op: Operation) -> None:
        self.service.apply_in(self.records, op, ws=self.ws)


def add_item(
    service: EditService,
    meeting: int,
    section: str,
    title: str,
    *,
    kind: str = "",
    presenter: str = "",
    blocks: Sequence[tuple[str, str]] = (),
) -> str:
    """A new item at the end of `section` (its numeral or title; a missing 討論事項 is made
    before 臨時動議); returns its place (參、一). A proposal is the kind in 討論事項."""
    with service.repo.change() as records:
        change = _Change(service, records, meeting)
        found = section_named(change.meeting, section)
        if found is None and section.strip() == PROPOSALS_TITLE:
            made = new_id("s")
            change.apply(AddSection(meeting, made, PROPOSALS_TITLE))
            found = section_named(change.meeting, PROPOSALS_TITLE)
        _index, target = found or _section(change.meeting, section)
        if not kind and target.kind is ItemKind.PROPOSALS:
            kind = "proposal"
        item = new_id("i")
        labels, texts = [b[0] for b in blocks], [b[1] for b in blocks]
        change.apply(AddItem(meeting, target.id, item, title, kind, presenter, labels, texts))
        return place_of_item(change.meeting, item)


def rename_item(service: EditService, meeting: int, place: str, title: str) -> str:
    """The item's title (a proposal's 案由); a section that is itself the item is renamed
    as the section. Returns the place."""
    with service.repo.change() as records:
        change = _Change(service, records, meeting)
        item = _item(change.meeting, place)
        headed = next((s for s in change.meeting.sections if s.body is item), None)
        if headed is not None:
            change.apply(RenameSection(meeting, headed.id, title))
        else:
            change.apply(RenameItem(meeting, item.id, title))
        return written_place(parse_place(place))


def remove_item(service: EditService, meeting: int, place: str) -> str:
    with service.repo.change() as records:
        change = _Change(service, records, meeting)
        item = _listed_item(change.meeting, place)
        where = place_of_item(change.meeting, item.id)
        change.apply(RemoveItem(meeting, item.id))
        return where


def move_item(
    service: EditService, meeting: int, place: str, *, step: int = 0, to: str = ""
) -> str:
    """Move the item `step` places in its section, or `to` a place (參、二) or to the end of
    a section (參); returns its new place."""
    with service.repo.change() as records:
        change = _Change(service, records, meeting)
        item = _listed_item(change.meeting, place)
        index, section = _section_of(change.meeting, item)
        if to:
            section, position = _destination(change.meeting, to)
        else:
            position = max(0, index + step)
        change.apply(MoveItem(meeting, item.id, section.id, position))
        return place_of_item(change.meeting, item.id)


def _section_of(meeting: Meeting, item: Item) -> tuple[int, Section]:
    return next((s.items.index(item), s) for s in meeting.sections if item in s.items)


def _destination(meeting: Meeting, to: str) -> tuple[Section, int]:
    try:
        numbers = [int(n) for n in parse_place(to).split(".")]
    except PlaceError:
        _index, section = _section(meeting, to)
        return section, len(section.items)
    _index, section = _section(meeting, str(numbers[0]))
    return section, (numbers[1] - 1 if len(numbers) > 1 else len(section.items))


def write_block(service: EditService, meeting: int, place: str, label: str, text: str) -> str:
    with service.repo.change() as records:
        change = _Change(service, records, meeting)
        item = _item(change.meeting, place)
        change.apply(WriteBlock(meeting, item.id, label, text))
        return place_of_item(change.meeting, item.id)


def add_section(
    service: EditService, meeting: int, title: str, *, kind: str = "", before: str = ""
) -> str:
    """A new section, before `before` (its numeral or title) or else before 臨時動議;
    returns its numeral (參)."""
    with service.repo.change() as records:
        change = _Change(service, records, meeting)
        position = _section(change.meeting, before)[0] if before else None
        made = new_id("s")
        change.apply(AddSection(meeting, made, title, kind, position))
        return _numeral_of(change.meeting, made)


def _numeral_of(meeting: Meeting, section_id: str) -> str:
    return next(formal(i) for i, s in enumerate(meeting.sections, start=1) if s.id == section_id)


def rename_section(service: EditService, meeting: int, section: str, title: str) -> str:
    with service.repo.change() as records:
        change = _Change(service, records, meeting)
        _index, found = _section(change.meeting, section)
        change.apply(RenameSection(meeting, found.id, title))
        return _numeral_of(change.meeting, found.id)


def remove_section(service: EditService, meeting: int, section: str) -> str:
    with service.repo.change() as records:
        change = _Change(service, records, meeting)
        index, found = _section(change.meeting, section)
        change.apply(RemoveSection(meeting, found.id))
        return formal(index + 1)


def move_section(
    service: EditService, meeting: int, section: str, *, step: int = 0, to: str = ""
) -> str:
    """Move a section `step` places, or `to` the place of another (its numeral or title);
    returns its new numeral."""
    with service.repo.change() as records:
        change = _Change(service, records, meeting)
        index, found = _section(change.meeting, section)
        if to:
            step = _section(change.meeting, to)[0] - index
        change.apply(MoveSection(meeting, found.id, step))
        return _numeral_of(change.meeting, found.id)
