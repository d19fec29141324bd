"""The agenda's items for one meeting: added (a report, a 專題報告, a proposal with its 案由
/ 說明 / 擬辦), renamed, moved, and their blocks written. Deleting and putting back are
RemoveItem and InsertItem (meeting.py); a standing item copied from the profile at `prepare`
is the meeting's own, so changing it here leaves the profile as it is."""

from __future__ import annotations

import dataclasses

from tui.dataclass_cache import dataclass, field
from tui.domain.identity import find_item
from tui.domain.model import Block, ConclusionLabel, Item, ItemKind, Meeting, Section
from tui.domain.outline import item_title
from tui.domain.point_text import read_points, written_points
from tui.edits.agenda_sections import section_named
from tui.edits.entries import item_named, place_of, short
from tui.edits.errors import ConflictError, EditError
from tui.edits.meeting import RemoveItem
from tui.edits.operation import Applied, Operation, nothing, operation
from tui.edits.origins import refresh_origins
from tui.edits.said import said
from tui.edits.workset import Workset
from tui.i18n import N_, _

# The kinds of item the secretary adds, and what their presenter is called.
KINDS = {"report": ItemKind.REPORT, "special": ItemKind.SPECIAL, "proposal": ItemKind.PROPOSAL}
PRESENTER_KIND = {ItemKind.REPORT: "報告", ItemKind.SPECIAL: "專題報告"}
# The blocks of a proposal in the order offices write them; others follow these.
SUBJECT = "案由"
BLOCK_ORDER = (SUBJECT, "說明", "辦法", "擬辦")


def new_item(kind: ItemKind, title: str, presenter: str, blocks: list[Block]) -> Item:
    """An item as offices write it: a proposal's title is its 案由 and its conclusions are
    決議; a report or a 專題報告 names who presents it (總務組報告：…)."""
    if kind is ItemKind.PROPOSAL:
        item = Item("", kind=kind, conclusion_label=ConclusionLabel.RESOLUTION.value)
        item.blocks = [Block(SUBJECT, title), *blocks]
        return item
    said_as = PRESENTER_KIND.get(kind, "")
    who = presenter.removesuffix(said_as) if said_as else presenter
    return Item(
        title, kind=kind, presenter=who, presenter_kind=said_as if who else "", blocks=blocks
    )


def _blocks(labels: list[str], texts: list[str]) -> list[Block]:
    if len(labels) != len(texts):
        raise EditError(_("each block needs a label and a text"))
    found: list[Block] = []
    for label, text in zip(labels, texts, strict=True):
        if not label:
            raise EditError(_("a block needs its label (說明, 擬辦)"))
        if any(b.label == label for b in found):
            raise EditError(_("the block {label} is given twice").format(label=label))
        lead, points = read_points(text)
        found.append(Block(label, lead, points))
    return found


def _item_kind(value: str) -> ItemKind:
    if not value:
        return ItemKind.ORDINARY
    if value not in KINDS:
        known = "、".join(KINDS)
        raise EditError(
            _("no kind of item {value!r} (give {known})").format(value=value, known=known)
        )
    return KINDS[value]


@operation("add_item")
@dataclass(frozen=True)
class AddItem(Operation):
    """A new item in a section, at `position` (0-based; None: last)."""

    MULTILINE = frozenset({"texts"})
    section: str  # the section's id
    id: str
    title: str
    kind: str = ""  # report, special, proposal; "": an ordinary item
    presenter: str = ""
    labels: list[str] = field(default_factory=list)  # the blocks: 說明, 擬辦 …
    texts: list[str] = field(default_factory=list)  # each block's text, (一)(二) lines included
    position: int | None = None

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        if find_item(meeting, self.id) is not None:
            return nothing(self)
        _index, section = section_named(meeting, self.section)
        kind = _item_kind(self.kind)
        if not self.title:
            raise EditError(_("an item needs a title (a proposal: its 案由)"))
        if kind is ItemKind.PROPOSAL and SUBJECT in self.labels:
            raise EditError(_("a proposal's title is its 案由: give the 案由 as the title"))
        item = new_item(kind, self.title, self.presenter, _blocks(self.labels, self.texts))
        item.id = self.id
        _refuse_headed(meeting, section)
        at = len(section.items) if self.position is None else self.position
        at = max(0, min(at, len(section.items)))
        section.items.insert(at, item)
        refresh_origins(ws, meeting)
        done = dataclasses.replace(self, position=at)
        undo = RemoveItem(self.meeting, self.id, correction=self.correction)
        summary = said(
            N_("{place} item added: 「{title}」"),
            place=place_of(meeting, item),
            title=short(item_title(item)),
        )
        return Applied(done, undo, summary)


def _refuse_headed(meeting: Meeting, section: Section) -> None:
    if section.body is not None:
        raise EditError(
            _("「{title}」 is itself the item: it takes no items").format(title=section.title)
        )


@operation("rename_item")
@dataclass(frozen=True)
class RenameItem(Operation):
    """An item's title for this meeting (a proposal's 案由, a motion's text)."""

    id: str
    title: str
    expect: str | None = None

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        item = item_named(meeting, self.id)
        before = item_title(item)
        if self.expect is not None and before != self.expect:
            raise ConflictError(_("the item's title has been changed since"))
        if not self.title:
            raise EditError(_("an item needs a title (a proposal: its 案由)"))
        if before == self.title:
            return nothing(self)
        if item.title or not item.blocks or not item.blocks[0].label:
            item.title = self.title
        else:
            item.blocks[0].text = self.title
        undo = RenameItem(
            self.meeting, self.id, before, expect=self.title, correction=self.correction
        )
        summary = said(
            N_("{place} renamed: 「{title}」"),
            place=place_of(meeting, item),
            title=short(self.title),
        )
        return Applied(self, undo, summary)


@operation("move_item")
@dataclass(frozen=True)
class MoveItem(Operation):
    """Move an item to `position` (0-based) of a section, its own or another."""

    id: str
    section: str  # the section's id
    position: int

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        source, index = _where(meeting, self.id)
        _to, target = section_named(meeting, self.section)
        _refuse_headed(meeting, target)
        item = source.items[index]
        at = max(0, min(self.position, len(target.items) - (target is source)))
        if target is source and at == index:
            return nothing(self)
        before = place_of(meeting, item)
        source.items.pop(index)
        target.items.insert(at, item)
        refresh_origins(ws, meeting)
        undo = MoveItem(self.meeting, self.id, source.id, index, correction=self.correction)
        summary = said(
            N_("{place} item moved (was {before})"), place=place_of(meeting, item), before=before
        )
        return Applied(dataclasses.replace(self, position=at), undo, summary)


def _where(meeting: Meeting, item_id: str) -> tuple[Section, int]:
    for section in meeting.sections:
        for index, item in enumerate(section.items):
            if item.id == item_id:
                return section, index
    raise ConflictError(
        _("meeting {number} has no such item any more").format(number=meeting.number)
    )


@operation("write_block")
@dataclass(frozen=True)
class WriteBlock(Operation):
    """A block's text with its (一)(二) points (see point_text); added if the item has no
    block of that label, removed when the text is empty."""

    MULTILINE = frozenset({"text", "expect"})
    TYPED = ("item", "label")
    item: str
    label: str
    text: str
    expect: str | None = None  # the text (as written_points writes it) it must have now

    def apply(self, ws: Workset) -> Applied:
        meeting = ws.change(self.meeting, self.correction)
        item = item_named(meeting, self.item)
        if not self.label:
            raise EditError(_("a block needs its label (說明, 擬辦)"))
        found = next((b for b in item.blocks if b.label == self.label), None)
        before = written_points(found.text, found.points) if found else ""
        if self.expect is not None and before != self.expect:
            raise ConflictError(
                _("the block {label} has been changed since").format(label=self.label)
            )
        lead, points = read_points(self.text)
        if written_points(lead, points) == before:
            return nothing(self)
        if found is not None and not item.title and item.blocks[0] is found and not lead:
            raise EditError(
                _("the {label} is the item's title: it cannot be empty").format(label=self.label)
            )
        _write(item, found, Block(self.label, lead, points))
        undo = WriteBlock(
            self.meeting,
            self.item,
            self.label,
            before,
            expect=written_points(lead, points),
            correction=self.correction,
        )
        place = place_of(meeting, item)
        if not lead and not points:
            return Applied(
                self, undo, said(N_("{place} {label} deleted"), place=place, label=self.label)
            )
        text = short(lead or points[0].text)
        return Applied(
            self,
            undo,
            said(N_("{place} {label}: 「{text}」"), place=place, label=self.label, text=text),
        )


def _write(item: Item, found: Block | None, new: Block) -> None:
    if found is not None and (new.text or new.points):
        found.text, found.points = new.text, new.points
    elif found is not None:
        item.blocks.remove(found)
    elif new.text or new.points:
        item.blocks.insert(_block_position(item, new.label), new)


def _block_position(item: Item, label: str) -> int:
    """Where a new block goes: in the order 案由, 說明, 辦法, 擬辦; any other label last."""
    if label not in BLOCK_ORDER:
        return len(item.blocks)
    rank = BLOCK_ORDER.index(label)
    for index, block in enumerate(item.blocks):
        if block.label in BLOCK_ORDER and BLOCK_ORDER.index(block.label) > rank:
            return index
    return len(item.blocks)
