"""The editor's dialogs keep what was typed while the focus moves, and fit at 80 columns."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select

from tests.app_support import demo_database, open_editor, type_text, until
from tui.app.app import AgendaApp
from tui.app.screens.clock_dialogs import BackInSessionDialog, TimesDialog
from tui.app.screens.dialogs import (
    CorrectionDialog,
    Motion,
    MotionDialog,
    QuitUnsavedDialog,
    ReportDialog,
    Speaker,
    TrackDialog,
)
from tui.app.screens.editor import EditorScreen
from tui.app.screens.header_dialogs import AttendanceDialog, DeleteDraftDialog, HeaderDialog
from tui.domain.model import Attendance, Attendee, Meeting


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


async def test_the_motion_dialog_keeps_both_fields_when_the_focus_moves(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MotionDialog))
        await type_text(pilot, "法制王視察")
        await pilot.press("tab")
        await type_text(pilot, "兩公約課程")
        await pilot.press("shift+tab", "tab", "shift+tab")
        await pilot.pause()
        assert app.screen.query_one("#presenter", Input).value == "法制王視察"
        assert app.screen.query_one("#text", Input).value == "兩公約課程"


DIALOGS: dict[str, Callable[[], ModalScreen[Any]]] = {
    "track": lambda: TrackDialog(["國際事務組", "公共事務管理中心"], ""),
    "motion": MotionDialog,
    "correction": CorrectionDialog,
    "report": ReportDialog,
    "quit": lambda: QuitUnsavedDialog(2, "No space left on device"),
    "header": lambda: HeaderDialog(
        Meeting(
            102,
            datetime(2021, 7, 22, 14, 30),
            place="本府北區第一會議室",
            chair="陳志銘(請假)王主秘(代)",
        )
    ),
    "attendance": lambda: AttendanceDialog(Attendance(absent=[Attendee("陳○○", "公假")])),
    "delete": lambda: DeleteDraftDialog(102, "民國 110 年 7 月 15 日"),
    "times": lambda: TimesDialog(time(10, 7), time(11, 14)),
    "back in session": lambda: BackInSessionDialog(time(11, 14)),
    "motion edited": lambda: MotionDialog(Motion("總務組王組長", "薪資單標示。", "書面報告")),
    "speaker": lambda: ReportDialog(Speaker("機要組莊組長", "口頭報告")),
}


@pytest.mark.parametrize("name", DIALOGS)
async def test_every_label_of_a_dialog_fits_at_80_columns(db: Path, name: str) -> None:
    app = AgendaApp(db)
    dialog = DIALOGS[name]()
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace is not None)
        await app.push_screen(dialog)
        await pilot.pause()
        box = dialog.query_one(Vertical)
        assert box.region.right <= 80
        for label in dialog.query(Label):
            text = str(label.render())
            assert label.size.height <= 1, text
            assert cell_len(text) <= box.content_region.width, text
        for title in (box.border_title, box.border_subtitle):
            assert cell_len(str(title or "")) <= box.content_region.width - 2
