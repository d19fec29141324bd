"""The meeting editor's keys: what each does to the highlighted entry, as one operation."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding

from tui.app.screens.confirming import confirm_last_record, typed_confirmation
from tui.app.screens.copying import copy_entry, copy_record
from tui.app.screens.dialogs import (
    CorrectionDialog,
    Motion,
    MotionDialog,
    ReportDialog,
    Speaker,
    TrackDialog,
    Tracking,
)
from tui.app.screens.editor_agenda import AgendaKeys
from tui.app.screens.editor_core import MeetingScreen
from tui.app.screens.editor_header import HeaderKeys
from tui.app.screens.editor_keys import BINDINGS, GROUPS, NEEDS
from tui.app.screens.entry_typing import Typing
from tui.app.screens.ruling_dialog import RulingKeys
from tui.app.widgets.entries import key_of
from tui.app.widgets.entry_editor import TYPING, EntryEditor
from tui.domain.identity import find_entry, new_id
from tui.domain.model import Block, Conclusion, Item, Point, Report, TrackedCase
from tui.domain.points import write_points
from tui.domain.units import owner_in
from tui.edits.ops import (
    AddMotion,
    Correct,
    MoveEntry,
    RemoveEntry,
    Track,
    Untrack,
    WriteReport,
)
from tui.i18n import N_, _

if TYPE_CHECKING:
    from tui.search.hits import Hit


class EditorScreen(AgendaKeys, HeaderKeys, RulingKeys):
    BINDINGS = BINDINGS
    KEY_GROUPS = GROUPS
    EXTRA_KEYS = [(TYPING, b) for b in EntryEditor.BINDINGS if isinstance(b, Binding)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool:
        """Keys that cannot act on the highlighted entry leave the key bar."""
        if action == "correct":
            return self.opened.locked and self.opened.hold.held and self.correction is None
        if action == "take_over":
            return not self.opened.hold.held and not self.opened.locked
        wanted = NEEDS.get(action)
        if wanted is None:
            return True
        return isinstance(self.target(), wanted)

    def _item_id(self) -> str:
        found = self.item()
        return found[1].id if found else ""

    def _conclusion_label(self) -> str:
        """會議結論, or what the item calls its conclusions (a proposal's 決議)."""
        found = self.item()
        return found[1].conclusion_label if found else "會議結論"

    async def action_add_conclusion(self) -> None:
        self.follow_outline()
        if self.item() is None:
            self.not_on_a_section("conclude")
            return
        if not self.can_change():
            return
        await self.finish_typing()
        draft = Conclusion("", id=new_id("c"))
        self.typing = Typing("conclusion", self.opened.number, self._item_id(), draft.id)
        self.typing.draft, self.typing.group = draft, new_id("g")
        self.show_item(key_of(draft))
        self.pane.start_typing("", self._conclusion_label(), self.typing.rungs)

    async def action_edit(self) -> None:
        target = self.target()
        if not self.can_change() or target is None:
            return
        await self.finish_typing()
        if isinstance(target, Item):
            self.edit_motion(target)
            return
        meeting, item, group = self.opened.number, self._item_id(), new_id("g")
        if isinstance(target, Block):
            await self.edit_block(target)
        elif isinstance(target, Conclusion):
            if target.decisions:
                self.notify(_("The decision sentence is written from the decisions (r / k)."))
                self.refused()
                return
            self.typing = Typing("conclusion", meeting, item, target.id, group=group)
            self._start(target.text, target.points, self._conclusion_label())
        elif isinstance(target, Report):
            self.typing = Typing("report", meeting, item, target.id, group=group)
            self._start(target.text, target.points, f"{target.speaker}{target.kind}")
        elif isinstance(target, TrackedCase):
            event = target.decision_at(meeting)
            kind = target.kind.value
            self.typing = Typing("progress", meeting, item, str(target.number), kind, group)
            text, points = (event.progress, event.progress_points) if event else ("", [])
            self._start(text, points, f"{target.number} 辦理情形")

    def _start(self, text: str, points: list[Point], title: str) -> None:
        """The entry's own text and points in the box, as they are typed."""
        assert self.typing is not None
        rungs = self.typing.rungs
        self.pane.start_typing(write_points(text, points, rungs), title, rungs)

    async def action_edit_outside(self) -> None:
        """The highlighted entry opened in the user's own editor ($EDITOR)."""
        await self.action_edit()
        if self.typing is not None:
            self.pane.editor.action_outside()

    async def action_delete(self) -> None:
        target = self.target()
        if not isinstance(target, Conclusion | Report | Item) or not self.can_change():
            return
        await self.finish_typing()
        if isinstance(target, Item):
            self.delete_motion(target)
            return
        if self.send(RemoveEntry(self.opened.number, target.id, correction=self.correction)):
            self.show_item()
            self.notify(_("Deleted. ctrl+z undoes it."))

    async def _move(self, step: int) -> None:
        target = self.target()
        if isinstance(target, Item) and self.can_change():
            self.move_motion(target, step)
        elif isinstance(target, Conclusion | Report) and self.can_change():
            op = MoveEntry(self.opened.number, target.id, step, correction=self.correction)
            if self.send(op):
                self.show_item(key_of(target))

    async def action_move_up(self) -> None:
        await self._move(-1)

    async def action_move_down(self) -> None:
        await self._move(1)

    async def action_track(self) -> None:
        target = self.target()
        if not isinstance(target, Conclusion) or not self.can_change():
            self.notify(_("Highlight a conclusion to track it."), severity="warning")
            self.refused()
            return
        await self.finish_typing()
        meeting = self.opened.number
        if target.case is not None:
            self.refused()  # withdrawing opens no dialog
            if self.send(Untrack(meeting, target.id, correction=self.correction)):
                self.show_item(key_of(target))
                self.notify(
                    _("Case {number} withdrawn. ctrl+z undoes it.").format(number=target.case)
                )
            return
        suggested = owner_in(target.text, self.workspace.profile.unit_names)
        dialog = TrackDialog(self.workspace.profile.unit_names, suggested)
        self.app.push_screen(dialog, partial(self._tracked, target.id))

    def _tracked(self, conclusion: str, result: object) -> None:
        if not isinstance(result, Tracking):
            return
        deadline = result.deadline.isoformat() if result.deadline else None
        op = Track(self.opened.number, conclusion, result.owner, deadline)
        if self.send(op):
            self.show_item(("Conclusion", conclusion))
            found = find_entry(self.live.meeting, conclusion)
            number = found[1].case if found and isinstance(found[1], Conclusion) else None
            self.notify(
                _("列管 {number} ({owner})").format(
                    number=number, owner=result.owner or _("主辦單位未定")
                )
            )

    def action_motion(self) -> None:
        if self.can_change():
            self.app.push_screen(MotionDialog(), self._motion_added)

    async def _motion_added(self, result: object) -> None:
        if not isinstance(result, Motion):
            return
        await self.finish_typing()
        motion = new_id("i")
        add = AddMotion(self.opened.number, motion, result.presenter, result.text, result.kind)
        if self.send(add):
            self.follow_item(motion)

    def action_report(self) -> None:
        self.follow_outline()
        if self.item() is None:
            self.not_on_a_section("report")
        elif self.can_change():
            self.app.push_screen(ReportDialog(), self._report_added)

    async def _report_added(self, result: object) -> None:
        if not isinstance(result, Speaker):
            return
        await self.finish_typing()
        meeting, item, report = self.opened.number, self._item_id(), new_id("r")
        add = WriteReport(
            meeting, item, report, "", result.name, result.kind, correction=self.correction
        )
        if self.send(add):
            self.typing = Typing("report", meeting, item, report, group=new_id("g"))
            self.show_item(("Report", report))
            self.pane.start_typing("", f"{result.name}{result.kind}")

    def action_correct(self) -> None:
        if self.opened.locked and self.opened.hold.held:
            self.app.push_screen(CorrectionDialog(), self._correcting)
        else:
            self.refused()

    def _correcting(self, what: object) -> None:
        if isinstance(what, str) and self.send(Correct(self.opened.number, what)):
            self.correction = len(self.live.meeting.corrections)
            self.show_status()
            self.refresh_bindings()
            self.notify(_("Correction logged; the record can be changed now."))

    async def action_confirm_record(self) -> None:
        if self.can_change():
            MeetingScreen.end_typing(self)  # not as a typed 紀錄確定。: the dialog asks
            confirm_last_record(self)

    def end_typing(self) -> None:
        """However the entry ends (Enter, another key, leaving): a 紀錄確定。 typed under
        壹 confirms the last record."""
        typing = self.typing
        super().end_typing()
        if typing is not None:
            typed_confirmation(self, typing)

    def action_take_over(self) -> None:
        if not self.opened.hold.held and not self.opened.locked:
            self.holds.take_over()

    async def action_undo(self) -> None:
        if self.can_change():
            await self.finish_typing()
            self.undoing.append(N_("Undone"))
            self.workspace.writer.undo()

    async def action_redo(self) -> None:
        if self.can_change():
            await self.finish_typing()
            self.undoing.append(N_("Redone"))
            self.workspace.writer.redo()

    async def action_log(self) -> None:
        from tui.app.screens.log import LogScreen

        await self.finish_typing()
        self.app.push_screen(LogScreen(self.workspace.writer.service, self.opened.number))

    async def action_preview(self) -> None:
        from tui.app.screens.preview import PreviewScreen

        await self.finish_typing()
        self.app.push_screen(PreviewScreen(self.workspace, self.opened.number))

    async def action_cases(self) -> None:
        from tui.app.screens.cases import CasesScreen

        await self.finish_typing()
        self.app.push_screen(CasesScreen(self.workspace))

    async def action_search(self) -> None:
        from tui.app.screens.search import SearchScreen

        await self.finish_typing()
        search = SearchScreen(self.workspace, self.workspace.last_search)
        self.app.push_screen(search, self._searched)

    def action_copy_entry(self) -> None:
        copy_entry(self)

    async def action_copy_record(self) -> None:
        await self.finish_typing()
        copy_record(self)

    async def _searched(self, hit: Hit | None) -> None:
        await self.searched(hit)
