"""The meetings of the series: number, ROC date, status, tracked cases; prepare the next."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.app import memory
from tui.app.keyhold import hold_keys, keys_wait_for_focus, nothing_opened, release_keys
from tui.app.messages import MeetingOpened, OpenHit, WorkspaceReady
from tui.app.screens import approval
from tui.app.screens.draft_deletion import DraftDeletion
from tui.app.screens.meetings_keys import BINDINGS
from tui.app.widgets.keybar import KeyBar
from tui.app.widgets.titlebar import TitleBar
from tui.domain.rocdate import format_date
from tui.domain.status_words import listed_status
from tui.i18n import _, ngettext
from tui.storage.index_rows import plainly

if TYPE_CHECKING:
    from pathlib import Path

    from tui.app.workspace import Workspace
    from tui.search.hits import Hit


LATER_ROWS = 400


class MeetingsScreen(Screen[None]):
    BINDINGS = BINDINGS

    def __init__(self, db: Path | None = None) -> None:
        super().__init__()
        self.db = db  # listed from its index at once, before the workspace is open
        self.workspace: Workspace | None = None
        self._shown = 0  # how many times the list was filled
        self._rest: list[dict[str, Any]] = []  # the rows of the list not added yet
        self._wanted: int | None = None  # a meeting chosen before the workspace was there
        self._opening = False  # a meeting on its way to its editor: another enter waits
        self.rows: dict[int, dict[str, Any]] = {}  # the summaries listed, by number
        self.deletion = DraftDeletion(self)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(_("Opening the database…"), id="meetings-status")
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # Labels as Text: a str label is parsed as markup, which loads Rich's emoji table.
        table.add_column(Text("次"), key="number", width=5)
        table.add_column(Text("日期"), key="date", width=24)
        table.add_column(Text("狀態"), key="status", width=10)
        table.add_column(Text("列管"), key="cases", width=6)
        rows = plainly(str(self.db)) if self.db is not None else None
        if rows is not None:  # else the workspace's store reads it: a commit to finish…
            self._show(rows, whole=False)

    @on(WorkspaceReady)
    def _ready(self, message: WorkspaceReady) -> None:
        self.workspace = message.workspace
        profile = message.workspace.profile
        self.sub_title = f"{profile.organisation}{profile.series}"
        wanted, self._wanted = self._wanted, None
        self._load(then_open=wanted, where_left_off=wanted is None)

    @work(thread=True, exclusive=True, group="meetings")
    def _load(self, then_open: int | None = None, where_left_off: bool = False) -> None:
        """The list; then the meeting asked for, or the one this user left off at."""
        assert self.workspace is not None
        rows = self.workspace.summaries()
        place = self.workspace.last_place() if where_left_off else {}
        self.app.call_from_thread(self._show, rows)
        number = then_open or place.get("meeting")
        if isinstance(number, int) and any(r["number"] == number for r in rows):
            self.app.call_from_thread(keys_wait_for_focus, self.app)  # for the editor
            self._open(number, str(place.get("item", "")))
        else:
            self.app.call_from_thread(release_keys, self.app)

    def _show(self, rows: list[dict[str, Any]], whole: bool = True) -> None:
        """The list, its first screenful at once; the rest of the history after this paint
        when `whole`, else when the list is shown whole (rows added after the first paint
        delayed its frame: some 120 ms at 3,000 meetings)."""
        if self._shown and rows == list(self.rows.values()):
            self.call_after_refresh(memory.settle)  # what the workspace loaded, out of sight
            if whole:
                self._list_the_rest()
            return  # listed already, from the index read at once
        self.rows = {row["number"]: row for row in rows}
        table = self.query_one(DataTable)
        kept = self._selected()  # shown again, the list stays on the meeting it was on
        table.clear()
        self._shown += 1
        newest_first = list(reversed(rows))
        # The screenful a person sees now; decades of history follow after the first paint.
        first = max(self.app.size.height, 24)
        self._add_rows(newest_first[:first])
        numbers = [row["number"] for row in newest_first[:first]]
        if kept in numbers:
            table.move_cursor(row=numbers.index(kept))
        self.call_after_refresh(memory.settle)
        self._rest = newest_first[first:]
        if whole:
            self._list_the_rest()
        status = self.query_one("#meetings-status", Static)
        status.update(
            ngettext("{count} meeting", "{count} meetings", len(rows)).format(count=len(rows))
            if rows
            else _("No meetings yet: import a record")
        )
        table.focus()

    def _list_the_rest(self) -> None:
        rest, self._rest = self._rest, []
        if rest:
            self.call_after_refresh(self._add_rows_later, rest, self._shown)

    def _add_rows_later(self, rows: list[dict[str, Any]], shown: int) -> None:
        if shown != self._shown:
            return  # the list was shown afresh meanwhile
        self._add_rows(rows[:LATER_ROWS])
        if len(rows) > LATER_ROWS:
            self.call_after_refresh(self._add_rows_later, rows[LATER_ROWS:], shown)
        else:
            memory.settle()  # the whole history is listed: out of the collector's sight too

    def _add_rows(self, rows: list[dict[str, Any]]) -> None:
        table = self.query_one(DataTable)
        table.add_rows(
            (
                Text(str(row["number"])),
                Text(format_date(datetime.fromisoformat(row["start"]).date())),
                Text(listed_status(row)),
                Text(str(row.get("cases", ""))),
            )
            for row in rows
        )

    def _selected(self) -> int | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return int(str(table.get_row_at(table.cursor_row)[0]))

    def action_open_meeting(self) -> None:
        number = self._selected()
        if number is not None and self.workspace is not None and not self._opening:
            self._opening = True
            hold_keys(self.app)  # typed before the editor is up: for the editor
            self._open_in_worker(number)
        elif number is not None and self.workspace is None:
            # The list is painted before the workspace opens: the meeting opens once it
            # is there, and the keys typed meanwhile wait for its editor however long.
            self._wanted = number
            hold_keys(self.app, safe=False)
        else:
            nothing_opened(self.app)

    @work(thread=True, exclusive=True, group="opening")  # the list read meanwhile goes on
    def _open_in_worker(self, number: int, hit: Hit | None = None) -> None:
        self._open(number, hit.place if hit else "", hit)

    def _open(self, number: int, item: str, hit: Hit | None = None) -> None:
        """In a worker: the meeting read, its editor pushed (and waited for). A meeting gone
        since it was listed (a search result), or whose file is damaged, is named and the
        list stays, its keys let go."""
        from tui.edits.errors import EditError
        from tui.secretary import SecretaryError
        from tui.storage.errors import StorageError

        assert self.workspace is not None
        self._opening = True
        try:
            opened = self.workspace.open_meeting(number)
            self.app.call_from_thread(self._push_editor, MeetingOpened(opened, item, hit))
        except (SecretaryError, EditError, StorageError) as error:
            self.app.call_from_thread(self.notify, str(error), severity="warning", timeout=10)
            self.app.call_from_thread(nothing_opened, self.app)
        finally:
            self._opening = False

    def _push_editor(self, message: MeetingOpened) -> None:
        from tui.app.screens.editor import EditorScreen

        assert self.workspace is not None
        if not self.is_current:  # an editor is open already (an Enter raced the reopening)
            message.opened.hold.release()
            release_keys(self.app)
            return
        editor = EditorScreen(self.workspace, message.opened, message.item, message.hit)
        self.app.push_screen(editor)

    @on(DataTable.RowSelected)
    def _row_chosen(self) -> None:
        self.action_open_meeting()  # a mouse click

    def action_prepare(self) -> None:
        if self.workspace is not None:
            self._prepare(force=False)

    def action_prepare_anyway(self) -> None:
        if self.workspace is not None:
            self._prepare(force=True)

    @work(thread=True, exclusive=True, group="prepare")
    def _prepare(self, force: bool) -> None:
        from tui import secretary

        assert self.workspace is not None
        try:
            prepared = secretary.prepare(self.workspace.repo, force=force)
        except secretary.SecretaryError as error:
            problem = str(error).replace("prepare with --force", _("press P to prepare anyway"))
            self.app.call_from_thread(self.notify, problem, severity="warning", timeout=10)
            return
        number = prepared.meeting.number
        self.app.call_from_thread(self.notify, _("Meeting {number} prepared").format(number=number))
        self._load(then_open=number)

    def action_cases(self) -> None:
        if self.workspace is not None:
            from tui.app.screens.cases import CasesScreen

            self.app.push_screen(CasesScreen(self.workspace))

    def action_search(self) -> None:
        if self.workspace is not None:
            from tui.app.screens.search import SearchScreen

            search = SearchScreen(self.workspace, self.workspace.last_search)
            self.app.push_screen(search, self._search_done)

    def _search_done(self, hit: Hit | None) -> None:
        if hit is not None:
            self.post_message(OpenHit(hit))

    @on(OpenHit)
    def _open_hit(self, message: OpenHit) -> None:
        """A search result chosen here or in an editor that has closed: open it."""
        hold_keys(self.app)
        self._open_in_worker(message.hit.meeting, message.hit)

    def action_preview(self) -> None:
        number = self._selected()
        if number is not None and self.workspace is not None:
            from tui.app.screens.preview import PreviewScreen

            self.app.push_screen(PreviewScreen(self.workspace, number))

    def action_write_forms(self) -> None:
        number = self._selected()
        if number is not None and self.workspace is not None:
            self._write_forms(number)

    def action_collect_forms(self) -> None:
        number = self._selected()
        if number is not None and self.workspace is not None:
            self._write_forms(number, collect=True)

    @work(thread=True, exclusive=True, group="forms")
    def _write_forms(self, number: int, collect: bool = False) -> None:
        from tui.app.forms_out import collect_unit_forms, write_unit_forms

        assert self.workspace is not None
        act = collect_unit_forms if collect else write_unit_forms
        said, failed = act(self.workspace.repo, number)
        severity = "warning" if failed else "information"
        self.app.call_from_thread(self.notify, said, severity=severity, timeout=10)

    def action_approve(self) -> None:
        number = self._selected()
        if number is not None and number in self.rows and self.workspace is not None:
            approval.ask(self, number, self.rows[number])

    def action_delete_draft(self) -> None:
        number = self._selected()
        if number is not None and number in self.rows and self.workspace is not None:
            self.deletion.ask(number, self.rows[number])

    def action_undo_delete(self) -> None:
        if self.workspace is not None:
            self.deletion.undo()

    def reload(self) -> None:
        if self.workspace is not None:
            self._load()

    def on_screen_resume(self) -> None:
        if self.workspace is not None:
            self._load()
