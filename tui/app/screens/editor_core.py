"""The meeting editor's frame: the outline on the left, the chosen item's entries on the right.

No save key: every change is an operation sent to the writer; typed text is sent within a
second of the last key. What is shown is the stored meeting with this session's changes
that are not stored yet on top, read again after each commit and whenever someone else
changes the meeting.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static, Tree

from tui.app.hints import worded
from tui.app.keyhold import keys_landed, nothing_opened
from tui.app.labels import STATUS
from tui.app.landing import entry_found
from tui.app.live import Snapshot
from tui.app.messages import OpenHit
from tui.app.scheduler import SaveScheduler
from tui.app.screens.entry_typing import Typing
from tui.app.screens.takeover import HoldKeeper
from tui.app.widgets.entries import Entry, EntryList, key_of
from tui.app.widgets.entry_editor import EntryEditor
from tui.app.widgets.item_pane import ItemPane, empty_hint, entries_of
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.outline import MeetingOutline, item_heading, outline_shape
from tui.app.widgets.titlebar import TitleBar
from tui.app.workspace import OpenMeeting, Workspace
from tui.domain.model import Item
from tui.domain.outline import nearest_place, outline_places, section_at, section_heading
from tui.domain.places import PlaceError, item_at, placed_items
from tui.domain.rocdate import format_datetime, format_time
from tui.edits import Done, EditError, Operation
from tui.i18n import _

if TYPE_CHECKING:
    from tui.search.hits import Hit


class MeetingScreen(Screen[None]):
    CSS_PATH = "editor.tcss"
    KEYS_LAND_HERE = True  # keys typed while a meeting opens are replayed here (keyhold)

    def __init__(
        self, workspace: Workspace, opened: OpenMeeting, place: str = "", hit: Hit | None = None
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.opened = opened
        self.live = opened.live
        places = outline_places(self.live.meeting)
        self.place = place if place in places else (places[0] if places else "")
        self._landing = hit  # a search result: its entry is highlighted on opening
        self.typing: Typing | None = None
        self.scheduler = SaveScheduler()
        self._timer: Timer | None = None
        self.correction: int | None = None  # the logged correction changes are made under
        self.undoing: list[str] = []  # "Undone" / "Redone", for each request not answered yet
        self.holds = HoldKeeper(self)
        self.ready_for_keys = False  # keys typed while it opens wait for its outline (keyhold)

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal():
            yield MeetingOutline()
            yield ItemPane(id="item-pane")
        yield Static(id="editor-status")
        yield KeyBar(show_command_palette=False)

    def on_mount(self) -> None:
        self._show_title()
        self._show_outline()
        found = self._entry_of(self._landing)
        self.show_item(key_of(found) if found is not None else None)
        self.show_status()
        if self.opened.holder:
            self.notify(
                _("Read-only: held by {holder}. Press o to take over.").format(
                    holder=self.opened.holder
                )
            )
        self.pane.editor.when_finished = self.entry_finished
        self.workspace.writer.watch(self.opened.number)
        self.set_interval(0.5, self.holds.look)
        self.query_one(ItemPane).entries.focus() if found else self.outline.focus()

    @property
    def outline(self) -> MeetingOutline:
        return self.query_one(MeetingOutline)

    @property
    def pane(self) -> ItemPane:
        return self.query_one(ItemPane)

    def item(self) -> tuple[str, Item] | None:
        try:
            return item_at(self.live.meeting, self.place)
        except PlaceError:
            return None

    def show_item(self, select: object = None) -> None:
        """The highlighted place in the pane: an item's entries, or a section's items."""
        found = self.item()
        section = section_at(self.live.meeting, self.place) if found is None else None
        if found is not None:
            heading, item = found
            draft = self.typing.draft if self.typing else None
            meeting = self.live.meeting
            warning = self.workspace.profile.schedule.deadline_warning_days
            entries = entries_of(
                item, meeting.number, self.live.cases, draft, meeting.date, warning
            )
            if select is None and self.pane.current is not None:
                select = self.pane.current.key
            self.pane.show(heading, item_heading(item), entries, select, empty_hint(item))
        elif section is not None:
            self.pane.show_section(section_heading(self.live.meeting, section[0]), section[1])
        else:
            return
        self.refresh_bindings()  # the keys that act on what is highlighted now
        self._remember_place()

    def _show_outline(self) -> None:
        self.outline.show(self.live.meeting, self.place)

    def _show_title(self) -> None:
        meeting = self.live.meeting
        self.sub_title = f"第 {meeting.number} 次 · {format_datetime(meeting.start)}"

    def show_status(self) -> None:
        meeting = self.live.meeting
        parts = [f"第 {meeting.number} 次", STATUS[meeting.status]]
        if meeting.end:
            parts.append(f"散會 {format_time(meeting.end)}")
        if self.opened.locked and self.correction is None:
            parts.append(_("紀錄確定: read-only (C: correct)"))
        elif self.correction is not None:
            parts.append(f"更正中: {meeting.corrections[self.correction - 1].what}")
        elif not self.opened.hold.held:
            holder = self.opened.holder or _("another session")
            parts.append(_("read-only: held by {holder} (o: take over)").format(holder=holder))
        self.query_one("#editor-status", Static).update(" · ".join(parts))

    # -- navigation -----------------------------------------------------------

    @on(Tree.NodeHighlighted)
    async def _item_chosen(self, event: Tree.NodeHighlighted[str]) -> None:
        outline = self.outline
        if event.node is not outline.cursor_node:
            return  # a move the cursor has gone past (keys in a burst): follow_outline went on
        if outline.moving_to:
            if event.node.data != outline.moving_to:
                return  # the outline is being rebuilt and has not reached its place yet
            outline.arrived()
        if event.node.data and event.node.data != self.place:
            await self.finish_typing()
            self.place = event.node.data
            self.show_item()

    @on(MeetingOutline.Arrived)
    def _outline_arrived(self) -> None:
        if not self.ready_for_keys:
            self.ready_for_keys = True
            keys_landed(self.app, self)

    def follow_outline(self) -> None:
        """Keys run before the outline's moves reach this screen (a burst over SSH: down,
        down, a): act on the item under the cursor, not the one shown last."""
        place = self.outline.place
        if place and place != self.place:
            self.place = place
            self.show_item()

    def _remember_place(self) -> None:
        state = {"meeting": self.live.meeting.number, "item": self.place}
        self.workspace.writer.remember(self.workspace.user, state)

    async def action_leave(self) -> None:
        await self.finish_typing()
        self.workspace.writer.watch(None)
        self.opened.hold.release()
        self.workspace.writer.remember(self.workspace.user, {})
        self.app.pop_screen()

    @on(EntryEditor.Changed)
    def _typed(self, event: EntryEditor.Changed) -> None:
        self.type_text(event.text_area.text)

    def entry_finished(self) -> None:
        """Enter (or esc) in the box: the entry ends now and the list has the focus before
        the next key is read, so a key typed right after Enter (`a`) acts on the list."""
        self.end_typing()
        self.set_focus(self.pane.entries)

    def _entry_of(self, hit: Hit | None) -> object | None:
        found = self.item()
        if hit is None or hit.place != self.place or found is None:
            return None
        return entry_found(hit, found[1], self.live.cases)

    async def searched(self, hit: Hit | None) -> None:
        if hit is None:
            return
        if hit.meeting != self.live.meeting.number:
            below = self.app.screen_stack[-2]
            await self.action_leave()
            below.post_message(OpenHit(hit))
            return
        await self.finish_typing()
        if hit.place in [p for p, _, _ in placed_items(self.live.meeting)]:
            self.place = hit.place
        self._show_outline()
        found = self._entry_of(hit)
        self.show_item(key_of(found) if found is not None else None)
        (self.pane.entries if found else self.outline).focus()

    # -- sending changes, and what is stored ----------------------------------

    def can_change(self) -> bool:
        if self.opened.locked and self.correction is None:
            self.notify(
                _("This record is confirmed (紀錄確定): press C to log a correction first.")
            )
            return self.refused()
        if not self.opened.hold.held:
            holder = self.opened.holder or _("another session")
            self.notify(
                _("Read-only: held by {holder}. Press o to take over.").format(holder=holder)
            )
            return self.refused()
        return True

    def refused(self) -> bool:
        """False, after letting the keys typed behind the refused key go on (see keyhold)."""
        nothing_opened(self.app)
        return False

    def send(self, op: Operation) -> bool:
        """Apply op here at once and hand it to the writer; False (and why) if refused."""
        self._send_typing()
        try:
            serial, sent = self.live.send(op)
        except EditError as error:
            self.notify(worded(error), severity="warning")
            return False
        self.workspace.writer.submit(serial, sent)
        return True

    def type_text(self, typed: str) -> None:
        if self.typing is None or not self.opened.hold.held:
            return
        try:
            self.live.type(self.typing.operation(typed, self.correction))
        except EditError as error:
            self.notify(worded(error), severity="warning")
            return
        self.pane.entries.update_later(self.typing.key, partial(self.typing.shown, self.live))
        if self._timer is not None:
            self._timer.stop()
        delay = self.scheduler.typed()
        if delay:
            self._timer = self.set_timer(delay, self._send_typing)
        else:
            self._send_typing()

    def _send_typing(self) -> None:
        if self.query(ItemPane) and self.pane.typing and self.typing is not None:
            text = self.pane.editor.text
            if self.typing.operation(text, self.correction) != self.live.typing:
                self.type_text(text)  # keys whose Changed has not arrived yet
        taken = self.live.take_typing()
        self.scheduler.sent()
        if taken is not None:
            self.workspace.writer.submit(*taken)

    def save_now(self) -> None:
        self._send_typing()

    async def finish_typing(self) -> None:
        self.end_typing()

    def end_typing(self) -> None:
        if not self.query(ItemPane):
            return  # being taken down: what was typed went with save_now
        typing = self.typing
        self._send_typing()
        self.pane.entries.update_now()
        self.typing = None
        self.pane.stop_typing()
        if typing is not None and typing.draft is not None:
            self.show_item()

    def stored(self, snapshot: Snapshot, upto: int) -> None:
        """The meeting as stored now: shown with this session's unsent changes on top."""
        before = outline_shape(self.live.meeting)
        if not self.live.rebase(snapshot, upto) or not self.query(EntryList):
            return  # unchanged, or the pane's entries not laid out yet (shown when they are)
        if outline_shape(self.live.meeting) != before:
            if self.place not in outline_places(self.live.meeting):
                self.place = nearest_place(self.live.meeting, self.place)
            self._show_outline()
        self._show_title()
        self.show_item()  # the key bar follows it
        self.show_status()

    def committed(self, serials: list[int], done: Done) -> None:
        self.live.acknowledged(serials)
        if not serials and self.undoing:  # an undo or a redo: say what it did
            word = self.undoing.pop(0)
            said = done.summary or _("nothing to change")
            self.notify(_("{undone}: {what}").format(undone=_(word), what=said))

    def refused_by_service(self, serials: list[int], error: EditError) -> None:
        self.live.acknowledged(serials)
        if not serials and self.undoing:
            self.undoing.pop(0)
        self.notify(
            _("Not done: {problem}").format(problem=worded(error)), severity="warning", timeout=8
        )
        self.workspace.writer.refresh()

    def current(self) -> Entry | None:
        return self.pane.current

    def stamped(self) -> None:
        self._show_title()
        self.show_status()

    @on(EntryList.OptionHighlighted)
    def _entry_highlighted(self) -> None:
        self.refresh_bindings()
