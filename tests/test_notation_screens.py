"""The screens a person reads at 80x24 are in the office's notation: no ISO date, no place
numbered 2.1. Each screen is walked to as the user would and its rendered text checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable

from tests.app_support import demo_database, screen_name, type_text
from tests.app_support import until as until_in
from tests.cli_support import agenda
from tests.notation_support import offences
from tui.app.app import AgendaApp
from tui.app.screens.cases import CasesScreen
from tui.app.screens.editor import EditorScreen
from tui.app.screens.meetings import MeetingsScreen
from tui.app.screens.preview import PreviewScreen
from tui.app.screens.search import SearchScreen
from tui.domain.model import MeetingStatus

SIZE = (80, 24)


async def until(pilot: Pilot[None], condition: Callable[[], object]) -> None:
    await until_in(pilot, condition, timeout=30)  # the machine may be busy with other tests


def rendered(app: AgendaApp) -> str:
    """What the terminal shows now, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


class Reader:
    """Reads each screen it is shown and keeps what was not in the office's notation."""

    def __init__(self, app: AgendaApp, pilot: Pilot[None]) -> None:
        self.app, self.pilot = app, pilot
        self.found: list[str] = []
        self.seen: list[tuple[str, str]] = []

    async def read(self, where: str) -> None:
        await until(self.pilot, lambda: not any(w.is_running for w in self.app.workers))
        await self.pilot.pause(0.1)
        text = rendered(self.app)
        self.seen.append((where, text))
        self.found += offences(where, text)


async def _meetings(app: AgendaApp, pilot: Pilot[None]) -> MeetingsScreen:
    def listed() -> bool:
        screen = app.screen
        return (
            app.workspace is not None
            and isinstance(screen, MeetingsScreen)
            and screen.query_one("#meetings", DataTable).row_count == 2
        )

    await until(pilot, listed)
    assert isinstance(app.screen, MeetingsScreen)
    return app.screen


async def _read_editor(reader: Reader, number: int) -> None:
    app, pilot = reader.app, reader.pilot
    await until(pilot, lambda: screen_name(app) == "EditorScreen")
    editor = app.screen
    assert isinstance(editor, EditorScreen) and editor.opened.number == number
    await pilot.pause(0.1)
    editor.outline.focus()
    for step in range(6):  # the first items, one by one
        await reader.read(f"editor of {number} on item {editor.place} (step {step})")
        await pilot.press("down")
    await editor.action_log()
    await until(pilot, lambda: screen_name(app) == "LogScreen")
    await reader.read(f"change log of {number}")
    app.pop_screen()
    await editor.action_preview()
    await until(pilot, lambda: screen_name(app) == "PreviewScreen")
    preview = app.screen
    assert isinstance(preview, PreviewScreen)
    await until(pilot, lambda: bool(preview.text))
    # A draft opens on its agenda (議程), a recorded meeting on its record (紀錄).
    draft = editor.live.meeting.status is MeetingStatus.DRAFT
    assert preview.agenda is draft and ("議程" in preview.text.splitlines()[0]) is draft
    await reader.read(f"preview of {number} ({'agenda' if preview.agenda else 'record'})")
    preview.action_toggle_agenda()
    await pilot.pause(0.2)
    await reader.read(f"preview of {number} ({'agenda' if preview.agenda else 'record'})")
    app.pop_screen()
    await editor.action_leave()


async def test_no_iso_date_or_dotted_place_on_any_screen(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    for args in (
        ("conclude", "102", "貳、一", "請總務組辦理。", "--track", "--deadline", "110/7/31"),
        ("conclude", "101", "參、一", "洽悉。"),
    ):
        done = agenda(*args, db=db)
        assert done.returncode == 0, done.stderr
    app = AgendaApp(db)
    async with app.run_test(size=SIZE) as pilot:
        reader = Reader(app, pilot)
        meetings = await _meetings(app, pilot)
        await reader.read("meetings list")

        await pilot.press("enter")  # 102, the newest, a draft
        await _read_editor(reader, 102)
        meetings = await _meetings(app, pilot)
        await pilot.press("down")
        await until(pilot, lambda: meetings._selected() == 101)
        meetings.action_open_meeting()
        await _read_editor(reader, 101)

        meetings = await _meetings(app, pilot)
        meetings.action_cases()
        await until(pilot, lambda: screen_name(app) == "CasesScreen")
        cases = app.screen
        assert isinstance(cases, CasesScreen)
        await until(pilot, lambda: bool(cases.query("#cases")))
        table = cases.query_one("#cases", DataTable)
        await until(pilot, lambda: table.row_count > 0)
        table.focus()
        for row in range(table.row_count):
            await reader.read(f"cases screen, row {row + 1}")
            await pilot.press("down")
        cases.action_leave()

        meetings = await _meetings(app, pilot)
        meetings.action_search()
        await until(pilot, lambda: screen_name(app) == "SearchScreen")
        search = app.screen
        assert isinstance(search, SearchScreen)
        await type_text(pilot, "總務組")
        await until(pilot, lambda: search._shown == "總務組" and len(search.hits) > 3)
        await reader.read("search results for 總務組")
        for _ in range(4):
            await pilot.press("down")
        await reader.read("search results for 總務組, further down")

    assert len(reader.seen) > 20
    assert reader.found == [], "\n".join(reader.found)
    deadline = [where for where, text in reader.seen if "列管期限：110/7/31" in text]
    assert deadline, "the deadline 110/7/31 was on no screen"
