"""The editor's dialogs keep what was typed while the focus moves, and fit at 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select

from tests.app_support import demo_database, open_editor, type_text, until
from tui.app.app import AgendaApp
from tui.app.screens.dialogs import (
    TrackDialog,
)
from tui.app.screens.editor import EditorScreen


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_database(tmp_path)


async def _conclusion_in_2_1(app: AgendaApp, pilot: object) -> EditorScreen:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    editor = await open_editor(app, pilot)
    await pilot.press("down", "down", "tab")
    await until(pilot, lambda: editor.place == "2.1")
    await pilot.press("a")
    await type_text(pilot, "請總務組統計全府車輛報廢數。")
    await pilot.press("enter")
    return editor


async def test_the_track_dialog_keeps_the_deadline_when_the_focus_moves(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _conclusion_in_2_1(app, pilot)
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TrackDialog))
        deadline = app.screen.query_one("#deadline", Input)
        await until(pilot, lambda: deadline.has_focus)
        await type_text(pilot, "110/9/30")
        await pilot.press("shift+tab")
        await until(pilot, lambda: app.screen.query_one("#owner", Select).has_focus)
        await pilot.press("tab")
        await until(pilot, lambda: deadline.has_focus)
        assert deadline.value == "110/9/30"
        await pilot.press("shift+tab", "shift+tab", "tab", "tab")
        await pilot.pause()
        assert deadline.value == "110/9/30"


async def test_the_deadline_typed_in_one_burst_with_the_key_stays(db: Path) -> None:
    """Over SSH `t` and the date arrive together; tabbing away and back keeps the date."""
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _conclusion_in_2_1(app, pilot)
        await pilot.press("t", "1", "1", "0", "slash", "9", "slash", "3", "0", "shift+tab", "tab")
        await until(pilot, lambda: isinstance(app.screen, TrackDialog))
        deadline = app.screen.query_one("#deadline", Input)
        await until(pilot, lambda: deadline.has_focus and deadline.value == "110/9/30")
