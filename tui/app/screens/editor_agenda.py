"""The editor's keys that shape the agenda, acting on the place highlighted in the outline:
i a new item, S a new section, R rename, D delete, { } move; e on a block of a proposal
(案由, 說明, 擬辦) writes it. Each is one operation, undone by ctrl+z."""

from __future__ import annotations

from functools import partial

from tui.app.screens.editor_core import MeetingScreen
from tui.app.screens.structure_dialogs import BlockDialog, ItemDialog, NameDialog, NewItem
from tui.domain.identity import new_id
from tui.domain.model import Block, Item, ItemKind, Section
from tui.domain.outline import nearest_place, section_at, section_heading
from tui.domain.places import item_at, placed_items, written_place
from tui.domain.point_text import written_points
from tui.edits.ops import (
    AddItem,
    AddSection,
    MoveItem,
    MoveSection,
    RemoveItem,
    RemoveSection,
    RenameItem,
    RenameSection,
    WriteBlock,
)
from tui.i18n import N_, _

# Why a key that acts on an item does nothing on a section, and what to do instead.
NOT_ON_A_SECTION = {
    ("conclude", True): N_(
        "{heading} is a section: highlight a motion to conclude it, or press m to add one."
    ),
    ("conclude", False): N_(
        "{heading} is a section: highlight one of its items to conclude it, or press i to add one."
    ),
    ("report", True): N_(
        "{heading} is a section: highlight a motion to add a report to it, or press m to add one."
    ),
    ("report", False): N_(
        "{heading} is a section: highlight one of its items to add a report, or press i to add one."
    ),
}


class AgendaKeys(MeetingScreen):
    """The outline's keys: what they act on is the highlighted place, item or section."""

    def not_on_a_section(self, action: str) -> None:
        """Say why an item's key does nothing here (the highlighted place is a section)."""
        found = section_at(self.live.meeting, self.place)
        if found is None:
            self.refused()
            return
        index, section = found
        motions = section.kind is ItemKind.MOTIONS
        heading = section_heading(self.live.meeting, index)
        self.notify(
            _(NOT_ON_A_SECTION[action, motions]).format(heading=heading), severity="warning"
        )
        self.refused()

    def _highlighted(self) -> tuple[int, Section, Item | None]:
        """The highlighted section, and the item of its list highlighted (None: the section,
        or a section that is itself the item)."""
        found = section_at(self.live.meeting, self.place)
        assert found is not None
        index, section = found
        _head, _dot, tail = self.place.partition(".")
        item = section.items[int(tail) - 1] if tail else None
        return index, section, item

    def _go(self, item_or_section: str) -> None:
        """Stand on the item (by id) or section (by id) just made or moved, and show it."""
        meeting = self.live.meeting
        places = [p for p, _h, i in placed_items(meeting) if i.id == item_or_section]
        places += [str(n) for n, s in enumerate(meeting.sections, 1) if s.id == item_or_section]
        if places:
            self.place = places[0]
        self.outline.show(meeting, self.place)
        self.show_item()

    # -- i: a new item ----------------------------------------------------------

    async def action_add_item(self) -> None:
        self.follow_outline()
        if not self.can_change():
            return
        _index, section, _item = self._highlighted()
        if section.kind is ItemKind.MOTIONS:
            await self.run_action("motion")
            return
        if section.body is not None:
            self.notify(
                _("{heading} is itself an item: highlight another section to add items.").format(
                    heading=section_heading(self.live.meeting, _index)
                ),
                severity="warning",
            )
            self.refused()
            return
        await self.finish_typing()
        kind = "proposal" if section.kind is ItemKind.PROPOSALS else "report"
        self.app.push_screen(ItemDialog(kind), partial(self._item_added, section.id))

    def _item_added(self, section: str, result: object) -> None:
        if not isinstance(result, NewItem):
            return
        _index, current, item = self._highlighted()
        position = current.items.index(item) + 1 if item and current.id == section else None
        labels, texts = [b[0] for b in result.blocks], [b[1] for b in result.blocks]
        made = new_id("i")
        op = AddItem(
            self.opened.number,
            section,
            made,
            result.title,
            result.kind,
            result.presenter,
            labels,
            texts,
            position,
            correction=self.correction,
        )
        if self.send(op):
            self._go(made)

    # -- S: a new section ---------------------------------------------------------

    async def action_add_section(self) -> None:
        self.follow_outline()
        if not self.can_change():
            return
        await self.finish_typing()
        dialog = NameDialog(_("新增段落 New section"), _("標題 Title (討論事項, 專題報告)"))
        self.app.push_screen(dialog, self._section_added)

    def _section_added(self, title: object) -> None:
        if not isinstance(title, str):
            return
        index, section, _item = self._highlighted()
        position = index if section.kind is ItemKind.MOTIONS else index + 1
        made = new_id("s")
        op = AddSection(self.opened.number, made, title, "", position, correction=self.correction)
        if self.send(op):
            self._go(made)

    # -- R: rename ----------------------------------------------------------------

    async def action_rename_place(self) -> None:
        self.follow_outline()
        if not self.can_change():
            return
        await self.finish_typing()
        index, section, item = self._highlighted()
        if item is None:
            heading = section_heading(self.live.meeting, index)
            dialog = NameDialog(heading, _("段落標題 Section title"), section.title)
            self.app.push_screen(dialog, partial(self._renamed, section.id, ""))
            return
        value = item.title or (item.blocks[0].text if item.blocks else "")
        where = written_place(self.place)
        dialog = NameDialog(where, _("標題（提案為案由） Title (a proposal: its 案由)"), value)
        self.app.push_screen(dialog, partial(self._renamed, "", item.id))

    def _renamed(self, section: str, item: str, title: object) -> None:
        if not isinstance(title, str):
            return
        meeting, correction = self.opened.number, self.correction
        if section:
            ok = self.send(RenameSection(meeting, section, title, correction=correction))
        else:
            ok = self.send(RenameItem(meeting, item, title, correction=correction))
        if ok:
            self._go(section or item)

    # -- D: delete ----------------------------------------------------------------

    async def action_delete_place(self) -> None:
        self.follow_outline()
        if not self.can_change():
            return
        await self.finish_typing()
        _index, section, item = self._highlighted()
        where = written_place(self.place)
        meeting, correction = self.opened.number, self.correction
        if item is None:
            op: RemoveItem | RemoveSection = RemoveSection(
                meeting, section.id, correction=correction
            )
        else:
            op = RemoveItem(meeting, item.id, correction=correction)
        if self.send(op):
            self._after_removal()
            self.notify(_("{place} deleted. ctrl+z undoes it.").format(place=where))

    def _after_removal(self) -> None:
        self.place = nearest_place(self.live.meeting, self.place)
        self.outline.show(self.live.meeting, self.place)
        self.show_item()

    # -- { }: move ------------------------------------------------------------------

    async def action_move_place_up(self) -> None:
        await self._move_place(-1)

    async def action_move_place_down(self) -> None:
        await self._move_place(1)

    async def _move_place(self, step: int) -> None:
        self.follow_outline()
        if not self.can_change():
            return
        await self.finish_typing()
        index, section, item = self._highlighted()
        meeting, correction = self.opened.number, self.correction
        if item is None:
            if not 0 <= index + step < len(self.live.meeting.sections):
                self._at_the_end(step)
                return
            if self.send(MoveSection(meeting, section.id, step, correction=correction)):
                self._go(section.id)
            return
        position = section.items.index(item) + step
        if not 0 <= position < len(section.items):
            self._at_the_end(step)
            return
        if self.send(MoveItem(meeting, item.id, section.id, position, correction=correction)):
            self._go(item.id)

    def _at_the_end(self, step: int) -> None:
        where = written_place(self.place)
        if step < 0:
            self.notify(_("{place} is first already.").format(place=where), severity="warning")
        else:
            self.notify(_("{place} is last already.").format(place=where), severity="warning")

    # -- e on a block ---------------------------------------------------------------

    async def edit_block(self, block: Block) -> None:
        found = item_at(self.live.meeting, self.place)[1] if self.item() else None
        if found is None:
            return
        text = written_points(block.text, block.points)
        dialog = BlockDialog(f"{written_place(self.place)} {block.label}", text)
        self.app.push_screen(dialog, partial(self._block_written, found.id, block.label))

    def _block_written(self, item: str, label: str, text: object) -> None:
        if not isinstance(text, str):
            return
        op = WriteBlock(self.opened.number, item, label, text, correction=self.correction)
        if self.send(op):
            self.show_item(("Block", label))
            self._show_outline()
