"""What the screens look like at 80x24, on the demo database, checked against SVG baselines.

Regenerate the baselines after a deliberate change with
`pytest tests/test_app_snapshots.py --snapshot-update`, then look at each SVG
under tests/__snapshots__/test_app_snapshots/ before committing it.

Each screenshot is deterministic: the database lives in `tmp_path/"db"` (no path
is on any of these screens), the header has no clock, nothing stamps the time
(no `b` / `x`), every worker is waited for, cursors do not blink, and the
notifications are cleared before the capture.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Protocol

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TextArea

from tests.app_support import demo_database, screen_name, type_text, until
from tui.app.app import AgendaApp
from tui.app.screens.cases import CasesScreen
from tui.app.screens.editor import EditorScreen
from tui.app.screens.meetings import MeetingsScreen
from tui.app.screens.preview import PreviewScreen
from tui.app.widgets.entries import EntryList
from tui.domain.model import CaseDecision, TrackedCase

SIZE = (80, 24)

RunBefore = Callable[[Pilot[None]], Awaitable[None]]


class SnapCompare(Protocol):
    def __call__(
        self, app: AgendaApp, *, terminal_size: tuple[int, int], run_before: RunBefore
    ) -> bool: ...


@pytest.fixture(autouse=True, params=["en", "zh-TW"])
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Every screen in both languages: AGENDA_LANG for the app each test starts."""
    from tui import i18n

    monkeypatch.setenv("AGENDA_LANG", request.param)
    yield request.param
    monkeypatch.setenv("AGENDA_LANG", "en")
    i18n.choose()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The demo database (record 101, meeting 102 prepared) at the fixed name tmp_path/db."""
    return demo_database(tmp_path)


def _app(pilot: Pilot[None]) -> AgendaApp:
    app = pilot.app
    assert isinstance(app, AgendaApp)
    return app


async def _settle(pilot: Pilot[None]) -> None:
    """Still cursors, every worker done, no notification left: ready to be captured."""
    app = _app(pilot)
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
    for area in app.screen.query(TextArea):
        area.cursor_blink = False
    await until(pilot, lambda: not any(w.is_running for w in app.workers))
    await pilot.pause()
    app.clear_notifications()
    await pilot.pause()


async def _meetings(pilot: Pilot[None]) -> MeetingsScreen:
    """The meetings screen once the database is open and both meetings are listed."""
    app = _app(pilot)

    def listed() -> bool:
        if app.workspace is None or not isinstance(app.screen, MeetingsScreen):
            return False
        return app.screen.query_one("#meetings", DataTable).row_count == 2

    await until(pilot, listed)
    await pilot.pause()
    assert isinstance(app.screen, MeetingsScreen)
    return app.screen


async def _editor_of_102(pilot: Pilot[None]) -> EditorScreen:
    app = _app(pilot)
    await _meetings(pilot)
    await pilot.press("enter")  # the newest meeting, 102, is the first row
    await until(pilot, lambda: screen_name(app) == "EditorScreen")
    editor = app.screen
    assert isinstance(editor, EditorScreen) and editor.opened.number == 102
    # The outline moves to its first item after a refresh: let it get there first.
    await pilot.pause(0.1)
    return editor


async def _go_to(pilot: Pilot[None], editor: EditorScreen, place: str) -> None:
    """Walk the outline down to `place` ("2.2" is 貳、二)."""
    for _ in range(20):
        if editor.place == place:
            break
        await pilot.press("down")
        await pilot.pause()
    await until(pilot, lambda: editor.place == place)


async def _saved(pilot: Pilot[None], editor: EditorScreen) -> None:
    """The editor's last change handed to the writer, and the writer done with it."""
    await until(pilot, lambda: not editor.scheduler.waiting)
    workspace = _app(pilot).workspace
    assert workspace is not None and workspace.writer.flush()
    await pilot.pause()


def test_meetings_screen(db: Path, snap_compare: SnapCompare, language: str) -> None:
    count = {"en": "2 meetings", "zh-TW": "共 2 次會議"}[language]

    async def run_before(pilot: Pilot[None]) -> None:
        screen = await _meetings(pilot)
        await until(
            pilot,
            lambda: count in str(screen.query_one("#meetings-status", Static).content),
        )
        await _settle(pilot)

    assert snap_compare(AgendaApp(db), terminal_size=SIZE, run_before=run_before)


def test_editor_case_report_after_a_release(db: Path, snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        editor = await _editor_of_102(pilot)
        await _go_to(pilot, editor, "2.2")
        await pilot.press("tab")
        entries = editor.query_one(EntryList)
        await until(pilot, lambda: entries.has_focus)
        first = entries.current
        assert first is not None and isinstance(first.target, TrackedCase)
        case = first.target
        assert case.number == 9805
        await pilot.press("r")
        await until(pilot, lambda: case.decision_at(102) is not None)
        event = case.decision_at(102)
        assert event is not None and event.decision is CaseDecision.RELEASE
        await _saved(pilot, editor)
        await _settle(pilot)

    assert snap_compare(AgendaApp(db), terminal_size=SIZE, run_before=run_before)


def test_editor_unit_reports(db: Path, snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        editor = await _editor_of_102(pilot)
        await _go_to(pilot, editor, "2.4")
        await _settle(pilot)

    assert snap_compare(AgendaApp(db), terminal_size=SIZE, run_before=run_before)


def test_track_dialog_over_the_editor(db: Path, snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        app = _app(pilot)
        editor = await _editor_of_102(pilot)
        await _go_to(pilot, editor, "2.1")
        await pilot.press("tab")
        await pilot.press("a")
        await type_text(pilot, "請總務組統計全府車輛報廢數。")
        await pilot.press("enter")
        await _saved(pilot, editor)
        await pilot.press("t")
        await until(pilot, lambda: screen_name(app) == "TrackDialog")
        await until(pilot, lambda: app.screen.query_one("#deadline", Input).has_focus)
        await _settle(pilot)

    assert snap_compare(AgendaApp(db), terminal_size=SIZE, run_before=run_before)


def test_cases_screen(db: Path, snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        app = _app(pilot)
        await _meetings(pilot)
        await pilot.press("c")
        await until(pilot, lambda: screen_name(app) == "CasesScreen")
        screen = app.screen
        assert isinstance(screen, CasesScreen)
        await until(pilot, lambda: screen.query_one("#cases", DataTable).row_count > 0)
        await _settle(pilot)

    assert snap_compare(AgendaApp(db), terminal_size=SIZE, run_before=run_before)


def test_preview_of_record_101_as_markdown(db: Path, snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        app = _app(pilot)
        screen = await _meetings(pilot)
        await pilot.press("down")  # 101 is the second row
        await until(pilot, lambda: screen._selected() == 101)
        await pilot.press("v")
        await until(pilot, lambda: screen_name(app) == "PreviewScreen")
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        await until(pilot, lambda: bool(preview.text))
        assert preview.number == 101 and preview.format == "md" and not preview.agenda
        await _settle(pilot)

    assert snap_compare(AgendaApp(db), terminal_size=SIZE, run_before=run_before)


def test_search_screen(db: Path, snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        from tui.app.screens.search import SearchScreen

        app = _app(pilot)
        await _meetings(pilot)
        await pilot.press("slash")
        await until(pilot, lambda: screen_name(app) == "SearchScreen")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await type_text(pilot, "總務組")
        await until(pilot, lambda: screen._shown == "總務組" and len(screen.hits) > 3)
        await pilot.press("down")
        await _settle(pilot)

    assert snap_compare(AgendaApp(db), terminal_size=SIZE, run_before=run_before)
