"""The meeting editor: the outline on the left, the chosen item's entries on the right.

No save key: every change is handed to the writer within a second of the last keystroke.
"""

from __future__ import annotations

import time
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static, Tree

from tui.app.editing import EditError, Editing
from tui.app.keyhold import nothing_opened
from tui.app.labels import STATUS
from tui.app.messages import OpenHit
from tui.app.screens.dialogs import (
    CorrectionDialog,
    Motion,
    MotionDialog,
    ReportDialog,
    TrackDialog,
    Tracking,
)
from tui.app.widgets.entries import (
    Entry,
    EntryList,
    case_text,
    conclusion_text,
    report_text,
)
from tui.app.widgets.entry_editor import EntryEditor
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.outline import MeetingOutline, item_heading
from tui.app.widgets.titlebar import TitleBar
from tui.app.workspace import OpenMeeting, Workspace
from tui.domain import lifecycle
from tui.domain.model import CaseDecision, Conclusion, Correction, Report, TrackedCase
from tui.domain.rocdate import format_datetime, format_time
from tui.domain.text import without_controls
from tui.storage.hold import MeetingHold

if TYPE_CHECKING:
    from tui.search.hits import Hit

# A burst of typing is saved this long after its last key, and never later than MAX_WAIT.
QUIET = 0.25
MAX_WAIT = 0.8


# Actions that only make sense on one kind of highlighted entry.
_NEEDS: dict[str, type | tuple[type, ...]] = {
    "release": TrackedCase,
    "keep": TrackedCase,
    "track": Conclusion,
    "delete": (Conclusion, Report),
    "move_up": (Conclusion, Report),
    "move_down": (Conclusion, Report),
    "edit": (Conclusion, Report, TrackedCase),
}


def _binding(key: str, action: str, description: str, tooltip: str, show: bool = True) -> Binding:
    return Binding(key, action, description, show=show, id=f"editor.{action}", tooltip=tooltip)


class EditorScreen(Screen[None]):
    CSS_PATH = "editor.tcss"
    KEYS_LAND_HERE = True  # keys typed while a meeting opens are replayed here (keyhold)
    BINDINGS = [
        _binding("a", "add_conclusion", "Conclude", "Add a conclusion (會議結論) to this item"),
        _binding("e", "edit", "Edit", "Edit the highlighted entry"),
        _binding("d,delete", "delete", "Delete", "Delete the highlighted conclusion or report"),
        _binding("t", "track", "Track", "Track the highlighted conclusion as a case (列管)"),
        _binding("r", "release", "Release", "Release the highlighted case (解除列管)"),
        _binding("k", "keep", "Keep", "Keep tracking the highlighted case (賡續列管)"),
        _binding("m", "motion", "Motion", "Add a temporary motion (臨時動議)"),
        _binding("n", "report", "Report", "Add a report (補充報告) to this item", show=False),
        _binding("ctrl+up,left_square_bracket", "move_up", "Up", "Move the entry up", show=False),
        _binding("ctrl+down,right_square_bracket", "move_down", "Down", "Move it down", show=False),
        _binding("b", "begin", "Begin", "Stamp the start time: the meeting is in session", False),
        _binding("x", "adjourn", "Adjourn", "Stamp the adjournment time (散會)", show=False),
        _binding("v", "preview", "Preview", "The record or agenda as it will be circulated"),
        _binding("c", "cases", "Cases", "Tracked cases (列管案件)", show=False),
        _binding("o", "take_over", "Take over", "Edit a meeting another session holds", False),
        _binding("C", "correct", "Correct", "Correct a confirmed record (更正, logged)"),
        _binding("slash", "search", "Search", "Search every meeting and case", show=False),
        _binding("escape", "leave", "Back", "Back to the meetings"),
    ]

    def __init__(
        self, workspace: Workspace, opened: OpenMeeting, place: str = "", hit: Hit | None = None
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.opened = opened
        self.editing = Editing(opened, workspace.profile.unit_names)
        places = self.editing.places()
        self.place = place if place in places else (places[0] if places else "")
        self._landing = hit  # a search result: its entry is highlighted on opening
        self.editing_target: Report | Conclusion | TrackedCase | None = None
        self._dirty_since: float | None = None
        self._save_timer: Timer | None = None
        self._told_free = False
        self._outline_target = ""
        self._correction: Correction | None = None

    # -- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal():
            yield MeetingOutline()
            with Vertical(id="item-pane"):
                yield Static(id="item-title")
                yield EntryList(id="entries")
                yield EntryEditor()
        yield Static(id="editor-status")
        yield KeyBar(show_command_palette=False)

    async def on_mount(self) -> None:
        meeting = self.opened.meeting
        self.sub_title = f"第 {meeting.number} 次 · {format_datetime(meeting.start)}"
        self.query_one(EntryEditor).display = False
        self._show_outline()
        found = self._entry_of(self._landing)
        await self._show_item(found)
        self._show_status()
        if self.opened.holder:
            self.notify(
                f"Read-only: held by {self.opened.holder}. Press o to take over.", timeout=8
            )
        self.set_interval(0.5, self._watch_hold)
        self.query_one(EntryList if found else MeetingOutline).focus()

    async def _show_item(self, select: object | None = None) -> None:
        if not self.place:
            return
        where, item = self.editing.item(self.place)
        entries = self._entries()
        title = Text(f"{where}\n{item_heading(item)}")
        if not entries:
            title.append("\n(empty — a: conclusion · n: report · m: motion)", "dim")
        self.query_one("#item-title", Static).update(title)
        self.query_one(EntryList).show(entries, select)
        self._remember_place()

    def _entries(self) -> list[Entry]:
        _, item = self.editing.item(self.place)
        number = self.opened.meeting.number
        found = [Entry(r, report_text(r)) for r in item.reports]
        found += [Entry(c, case_text(c, number)) for c in self.editing.case_entries(item)]
        cases = self.editing.internal_cases()
        found += [Entry(c, conclusion_text(c, i, cases)) for i, c in enumerate(item.conclusions, 1)]
        return found

    def _show_outline(self) -> None:
        self._outline_target = self.place
        self.query_one(MeetingOutline).show(self.opened.meeting, self.place)

    async def _refresh_entries(self, select: object | None = None) -> None:
        entries = self.query_one(EntryList)
        current = entries.current.target if entries.current else None
        await self._show_item(select if select is not None else current)

    def _show_status(self) -> None:
        meeting = self.opened.meeting
        parts = [f"第 {meeting.number} 次", STATUS[meeting.status]]
        if meeting.end:
            parts.append(f"散會 {format_time(meeting.end)}")
        if self.opened.locked:
            parts.append("紀錄確定: read-only (C: correct)")
        elif self._correction is not None:
            parts.append(f"更正中: {self._correction.what}")
        elif not self.opened.hold.held:
            parts.append(
                f"read-only: held by {self.opened.holder or 'another session'} (o: take over)"
            )
        self.query_one("#editor-status", Static).update(" · ".join(parts))

    # -- navigation -----------------------------------------------------------

    @on(Tree.NodeHighlighted)
    async def _item_chosen(self, event: Tree.NodeHighlighted[str]) -> None:
        if self._outline_target and event.node.data != self._outline_target:
            return  # the outline is being rebuilt and has not reached its place yet
        self._outline_target = ""
        if event.node.data and event.node.data != self.place:
            await self._finish_typing()
            self.place = event.node.data
            await self._show_item()

    def _remember_place(self) -> None:
        state = {"meeting": self.opened.meeting.number, "item": self.place}
        self.workspace.writer.remember(self.workspace.user, state)

    async def action_leave(self) -> None:
        await self._finish_typing()
        self.save_now()
        self.opened.hold.release()
        self.workspace.writer.remember(self.workspace.user, {})
        self.app.pop_screen()

    def action_preview(self) -> None:
        from tui.app.screens.preview import PreviewScreen

        self.save_now()
        self.app.push_screen(PreviewScreen(self.workspace, self.opened.meeting.number))

    def action_cases(self) -> None:
        from tui.app.screens.cases import CasesScreen

        self.save_now()
        self.app.push_screen(CasesScreen(self.workspace))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that cannot act on the highlighted entry leave the footer."""
        if action == "correct":
            return self.opened.locked and self.opened.hold.held
        wanted = _NEEDS.get(action)
        if wanted is None:
            return True
        return isinstance(self._current(), wanted)

    @on(EntryList.OptionHighlighted)
    def _entry_highlighted(self) -> None:
        self.refresh_bindings()

    # -- search ---------------------------------------------------------------

    def action_search(self) -> None:
        from tui.app.screens.search import SearchScreen

        self.save_now()
        search = SearchScreen(self.workspace, self.workspace.last_search)
        self.app.push_screen(search, self._searched)

    async def _searched(self, hit: Hit | None) -> None:
        if hit is None:
            return
        if hit.meeting != self.opened.meeting.number:
            below = self.app.screen_stack[-2]
            await self.action_leave()
            below.post_message(OpenHit(hit))
            return
        await self._finish_typing()
        if hit.place in self.editing.places():
            self.place = hit.place
        self._show_outline()
        found = self._entry_of(hit)
        await self._show_item(found)
        self.query_one(EntryList if found else MeetingOutline).focus()

    def _entry_of(self, hit: Hit | None) -> object | None:
        if hit is None or hit.place != self.place:
            return None
        case = (hit.case_kind, hit.case_number) if hit.case_number is not None else None
        return self.editing.entry_at(self.place, hit.field, hit.entry, case)

    # -- changes and saving ---------------------------------------------------

    def _can_change(self) -> bool:
        if self.opened.locked:
            self.notify(
                "This record is confirmed (紀錄確定): press C to log a correction first.",
                severity="warning",
            )
            return self._refused()
        if not self.opened.hold.held:
            self.notify(
                f"Read-only: held by {self.opened.holder}. Press o to take over.",
                severity="warning",
            )
            return self._refused()
        return True

    def _refused(self) -> bool:
        """False, after letting the keys typed behind the refused key go on (see keyhold)."""
        nothing_opened(self.app)
        return False

    def changed(self) -> None:
        now = time.monotonic()
        self._dirty_since = self._dirty_since or now
        if self._save_timer is not None:
            self._save_timer.stop()
        if now - self._dirty_since >= MAX_WAIT:
            self.save_now()
        else:
            self._save_timer = self.set_timer(QUIET, self.save_now)

    def save_now(self) -> None:
        editors = self.query(EntryEditor)
        if editors and editors.first().display:
            self._apply_text(editors.first().text)  # keys whose Changed has not arrived yet
        if self._dirty_since is None or not self.opened.hold.held:
            return
        self._dirty_since = None
        meeting, cases = self.editing.to_save()
        self.workspace.writer.submit(meeting, cases, self._correction, removed=self.editing.removed)
        self.editing.removed = []

    # -- typing ---------------------------------------------------------------

    def _edit(self, target: Report | Conclusion | TrackedCase) -> None:
        self.editing_target = target
        if isinstance(target, TrackedCase):
            event = target.decision_at(self.opened.meeting.number)
            text, title = (event.progress if event else ""), f"{target.number} 辦理情形"
        elif isinstance(target, Report):
            text, title = target.text, f"{target.speaker}{target.kind}"
        else:
            text, title = target.text, "會議結論"
        self.query_one(EntryEditor).start(text, title)
        entries = self.query_one(EntryList)
        self.call_after_refresh(entries.scroll_to_highlight)

    @on(EntryEditor.Changed)
    def _typed(self, event: EntryEditor.Changed) -> None:
        self._apply_text(event.text_area.text)

    def _apply_text(self, typed: str) -> None:
        target = self.editing_target
        if target is None or not self.opened.hold.held:
            return
        text = without_controls(typed.replace("\n", ""))
        if isinstance(target, TrackedCase):
            event = target.decision_at(self.opened.meeting.number)
            if (event.progress if event else "") == text:
                return
            self.editing.report_progress(target, text)
        elif target.text == text:
            return
        else:
            target.text = text
        self.changed()
        self._update_entry(target)

    def _update_entry(self, target: object) -> None:
        self.query_one(EntryList).update(target, self._text_of(target))

    def _text_of(self, target: object) -> Text:
        number = self.opened.meeting.number
        if isinstance(target, TrackedCase):
            return case_text(target, number)
        if isinstance(target, Report):
            return report_text(target)
        assert isinstance(target, Conclusion)
        _, item = self.editing.item(self.place)
        position = item.conclusions.index(target) + 1
        return conclusion_text(target, position, self.editing.internal_cases())

    @on(EntryEditor.Finished)
    async def _done_typing(self) -> None:
        await self._finish_typing()
        self.query_one(EntryList).focus()

    async def _finish_typing(self) -> None:
        editor = self.query_one(EntryEditor)
        if editor.display:
            self._apply_text(editor.text)  # the last keys' Changed may not have arrived yet
        target = self.editing_target
        self.editing_target = None
        editor.display = False
        if isinstance(target, Conclusion) and self.editing.drop_if_empty(self.place, target):
            self.changed()
            await self._refresh_entries()
        self.save_now()

    # -- actions --------------------------------------------------------------

    def _current(self) -> object | None:
        entry = self.query_one(EntryList).current
        return entry.target if entry else None

    async def action_add_conclusion(self) -> None:
        if not self._can_change() or not self.place:
            self._refused()
            return
        conclusion = self.editing.add_conclusion(self.place)
        self.changed()
        await self._refresh_entries(select=conclusion)
        self._edit(conclusion)

    def action_edit(self) -> None:
        target = self._current()
        if self._can_change() and isinstance(target, Report | Conclusion | TrackedCase):
            if isinstance(target, Conclusion) and target.decisions:
                self.notify("The decision sentence is written from the decisions (r / k).")
                self._refused()
                return
            self._edit(target)

    async def action_delete(self) -> None:
        target = self._current()
        if target is None or not self._can_change():
            return
        try:
            self.editing.remove(self.place, target)
        except EditError as error:
            self.notify(str(error), severity="warning")
            return
        self.changed()
        await self._refresh_entries()

    async def _move(self, step: int) -> None:
        target = self._current()
        if (
            target is not None
            and self._can_change()
            and self.editing.move(self.place, target, step)
        ):
            self.changed()
            await self._refresh_entries(select=target)

    async def action_move_up(self) -> None:
        await self._move(-1)

    async def action_move_down(self) -> None:
        await self._move(1)

    async def action_track(self) -> None:
        target = self._current()
        if not isinstance(target, Conclusion) or not self._can_change():
            self.notify("Highlight a conclusion to track it.", severity="warning")
            self._refused()
            return
        if target.case is not None:
            self._refused()  # withdrawing opens no dialog
            await self._untrack(target)
            return
        suggested = self.editing.suggested_owner(target)
        dialog = TrackDialog(self.workspace.profile.unit_names, suggested)
        self.app.push_screen(dialog, partial(self._tracked, target))

    async def _tracked(self, conclusion: Conclusion, result: object) -> None:
        if not isinstance(result, Tracking):
            return
        try:
            case = self.editing.track(self.place, conclusion, result.owner, result.deadline)
        except EditError as error:
            self.notify(str(error), severity="warning")
            return
        self.changed()
        await self._refresh_entries(select=conclusion)
        self.notify(f"列管 {case.number} ({case.owner or '主辦單位未定'})")

    async def _untrack(self, conclusion: Conclusion) -> None:
        try:
            number = self.editing.untrack(conclusion)
        except EditError as error:
            self.notify(str(error), severity="warning")
            return
        self.changed()
        await self._refresh_entries(select=conclusion)
        self.notify(f"Case {number} withdrawn; its number is not reused.")

    async def _decide(self, decision: CaseDecision) -> None:
        target = self._current()
        if not isinstance(target, TrackedCase):
            self.notify("Highlight a tracked case to decide it.", severity="warning")
            return
        if not self._can_change():
            return
        try:
            self.editing.decide(target, decision)
        except EditError as error:
            self.notify(str(error), severity="warning")
            return
        self.changed()
        await self._refresh_entries(select=target)
        entries = self.query_one(EntryList)
        if entries.highlighted is not None and entries.highlighted + 1 < entries.option_count:
            entries.highlighted += 1

    async def action_release(self) -> None:
        await self._decide(CaseDecision.RELEASE)

    async def action_keep(self) -> None:
        await self._decide(CaseDecision.KEEP)

    def action_motion(self) -> None:
        if self._can_change():
            self.app.push_screen(MotionDialog(), self._motion_added)
        else:
            self._refused()

    async def _motion_added(self, result: object) -> None:
        if not isinstance(result, Motion):
            return
        await self._finish_typing()
        self.place = self.editing.add_motion(result.presenter, result.text)
        self.changed()
        self._show_outline()
        await self._show_item()

    def action_report(self) -> None:
        if self._can_change() and self.place:
            self.app.push_screen(ReportDialog(), self._report_added)
        else:
            self._refused()

    async def _report_added(self, result: object) -> None:
        if isinstance(result, str):
            report = self.editing.add_report(self.place, result)
            self.changed()
            await self._refresh_entries(select=report)
            self._edit(report)

    def action_begin(self) -> None:
        if self._can_change():
            self.editing.start_now(datetime.now())
            self.changed()
            self.sub_title = (
                f"第 {self.opened.meeting.number} 次 · {format_datetime(self.opened.meeting.start)}"
            )
            self._show_status()

    def action_adjourn(self) -> None:
        if self._can_change():
            self.editing.adjourn_now(datetime.now())
            self.changed()
            self._show_status()
            assert self.opened.meeting.end is not None
            self.notify(f"散會 ({format_time(self.opened.meeting.end)})")

    # -- correcting a confirmed record ---------------------------------------

    def action_correct(self) -> None:
        if self.opened.locked and self.opened.hold.held:
            self.app.push_screen(CorrectionDialog(), self._correcting)
        else:
            self._refused()

    def _correcting(self, what: object) -> None:
        if not isinstance(what, str):
            return
        meeting = self.opened.meeting
        lifecycle.correct(meeting, self.workspace.user, what, datetime.now().replace(microsecond=0))
        self._correction = meeting.corrections[-1]
        self.opened.locked = False
        self.changed()
        self._show_status()
        self.refresh_bindings()
        self.notify("Correction logged; the record can be changed now.")

    # -- holding the meeting --------------------------------------------------

    def action_take_over(self) -> None:
        if self.opened.hold.held or self.opened.locked:
            return
        self.notify("Asking the other session to let go…")
        self._take_over()

    @work(thread=True, exclusive=True, group="hold")
    def _take_over(self) -> None:
        # A hold of its own: the stale meeting on screen stays read-only until the fresh one
        # is loaded, so nothing typed meanwhile can overwrite the holder's work.
        number = self.opened.meeting.number
        hold = MeetingHold(self.workspace.db, number)
        if not hold.acquire():
            hold.ask_to_take_over()
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and not hold.acquire():
                time.sleep(0.2)
        if not hold.held:
            hold.withdraw_request()
            self.app.call_from_thread(
                self.notify, "The other session did not let go.", severity="error"
            )
            return
        fresh = self.workspace.open_meeting(number)
        fresh.hold.release()
        fresh.hold = hold
        self.app.call_from_thread(self._reload, fresh)

    def _reload(self, fresh: OpenMeeting) -> None:
        self.call_later(self._take_up, fresh)

    async def _take_up(self, fresh: OpenMeeting) -> None:
        self.editing_target = None
        self.query_one(EntryEditor).display = False
        fresh.holder = ""
        self.opened = fresh
        self.editing = Editing(fresh, self.workspace.profile.unit_names)
        self._show_outline()
        await self._show_item()
        self._show_status()
        self.notify("You hold this meeting now.")

    @work(thread=True, exclusive=True, group="watch")
    def _watch_hold(self) -> None:
        hold = self.opened.hold
        if hold.held:
            asker = hold.takeover_asked_by()
            if asker:
                self.app.call_from_thread(self._let_go, asker)
        elif not self.opened.locked and not self._told_free and not hold.holder():
            self._told_free = True
            self.app.call_from_thread(
                self.notify, "Nobody holds this meeting now: press o to edit it.", timeout=10
            )

    def _let_go(self, asker: str) -> None:
        self.call_later(self._let_go_now, asker)

    async def _let_go_now(self, asker: str) -> None:
        await self._finish_typing()
        self.save_now()
        self._let_go_after_saving(asker)

    @work(thread=True, exclusive=True, group="hold")
    def _let_go_after_saving(self, asker: str) -> None:
        self.workspace.writer.flush()
        self.opened.hold.release()
        self.opened.holder = asker
        self.app.call_from_thread(self._show_status)
        self.app.call_from_thread(
            self.notify, f"{asker} took over this meeting; it is read-only here now.", timeout=15
        )
