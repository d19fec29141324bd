"""The header (h) and attendance (A) dialogs of the editor, and a draft deleted from the
meetings list (D) and put back (ctrl+z), driven by the keys at 80×24."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, time
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.containers import Vertical
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label

from tests.app_support import demo_database, open_editor, screen_name, stored, type_text, until
from tests.test_app_sessions import told
from tui import i18n
from tui.app.app import AgendaApp
from tui.app.screens.header_dialogs import AttendanceDialog, DeleteDraftDialog, HeaderDialog
from tui.domain.model import Attendee
from tui.storage.repository import Repository


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_database(tmp_path)


async def replace(pilot: Pilot[None], field: Input, text: str) -> None:
    field.focus()
    await pilot.pause()
    field.value = ""
    await type_text(pilot, text)


async def test_h_changes_the_header_and_ctrl_z_puts_it_back(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HeaderDialog))
        dialog = app.screen
        when = dialog.query_one("#when", Input)
        assert when.value == "110/7/15 10:00" and when.has_focus
        await replace(pilot, when, "110/7/22 14:30")
        await replace(pilot, dialog.query_one("#chair", Input), "陳志銘(請假)王主秘(代)")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        await until(pilot, lambda: stored(db, 102).chair == "陳志銘(請假)王主秘(代)")
        assert stored(db, 102).start == datetime(2021, 7, 22, 14, 30)
        assert "民國 110 年 7 月 22 日 14 時 30 分" in str(editor.sub_title)
        await pilot.press("ctrl+z")
        await until(pilot, lambda: stored(db, 102).chair == "陳志銘")
        assert stored(db, 102).start == datetime(2021, 7, 15, 10, 0)


async def test_a_wrong_date_is_said_in_the_dialog_and_nothing_changes(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HeaderDialog))
        dialog = app.screen
        await replace(pilot, dialog.query_one("#when", Input), "110/2/30")
        await pilot.press("ctrl+s")
        problem = dialog.query_one(".problem", Label)
        await until(pilot, lambda: "does not exist" in str(problem.render()))
        assert isinstance(app.screen, HeaderDialog)
        await pilot.press("escape")
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
    assert stored(db, 102).start == datetime(2021, 7, 15, 10, 0)


async def test_capital_a_marks_who_is_away_and_ctrl_z_takes_it_back(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot)
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, AttendanceDialog))
        dialog = app.screen
        assert dialog.query_one("#as-signed", Checkbox).value is True
        assert dialog.query_one("#present", Input).has_focus
        await type_text(pilot, "李四（王五代）、張三（10:20到）")
        await pilot.press("tab")
        await type_text(pilot, "秘書室吳主任")
        await pilot.press("tab")
        await type_text(pilot, "陳○○（公假）、林○○")
        await pilot.press("enter")  # on the last field: done
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        await until(pilot, lambda: stored(db, 102).attendance.absent != [])
        attendance = stored(db, 102).attendance
        assert attendance.present_as_text == "如簽到表"
        assert attendance.present == [
            Attendee("李四", stand_in="王五"),
            Attendee("張三", arrived=time(10, 20)),
        ]
        assert attendance.absent == [Attendee("陳○○", "公假"), Attendee("林○○", "請假")]
        assert attendance.observers == [Attendee("秘書室吳主任")]
        await pilot.press("ctrl+z")
        await until(pilot, lambda: stored(db, 102).attendance.absent == [])


async def test_d_deletes_a_draft_after_asking_and_ctrl_z_puts_it_back(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace is not None and app.meetings.rows)
        await pilot.press("D")
        await until(pilot, lambda: isinstance(app.screen, DeleteDraftDialog))
        await pilot.press("n")
        await until(pilot, lambda: screen_name(app) == "MeetingsScreen")
        assert Repository.open(db).has_meeting(102)
        await pilot.press("D")
        await until(pilot, lambda: isinstance(app.screen, DeleteDraftDialog))
        await pilot.press("y")
        await until(pilot, lambda: not Repository.open(db).has_meeting(102))
        await until(pilot, lambda: list(app.meetings.rows) == [101])
        assert any("ctrl+z puts it back" in m for m in told(app))
        await pilot.press("D")  # now on 101, a record: refused with a notice
        await until(pilot, lambda: any("Only a draft agenda" in m for m in told(app)))
        assert screen_name(app) == "MeetingsScreen"
        await pilot.press("ctrl+z")
        await until(pilot, lambda: Repository.open(db).has_meeting(102))
        await until(pilot, lambda: list(app.meetings.rows) == [101, 102])


@pytest.fixture(params=["en", "zh-TW"])
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("AGENDA_LANG", request.param)
    i18n.choose()
    yield request.param
    monkeypatch.setenv("AGENDA_LANG", "en")
    i18n.choose()


@pytest.mark.parametrize("name", ["header", "attendance", "delete"])
async def test_the_dialogs_fit_at_80_by_24_in_both_languages(
    db: Path, language: str, name: str
) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace is not None)
        meeting = stored(db, 102)
        dialogs: dict[str, Callable[[], ModalScreen[Any]]] = {
            "header": lambda: HeaderDialog(meeting),
            "attendance": lambda: AttendanceDialog(meeting.attendance),
            "delete": lambda: DeleteDraftDialog(102, "民國 110 年 7 月 15 日"),
        }
        dialog = dialogs[name]()
        await app.push_screen(dialog)
        await pilot.pause()
        box = dialog.query_one(Vertical)
        assert box.region.right <= 80 and box.region.bottom <= 24
        texts = [str(label.render()) for label in dialog.query(Label)]
        texts += [str(box.label) for box in dialog.query(Checkbox)]
        for label in [*dialog.query(Label), *dialog.query(Checkbox)]:
            assert label.size.height <= 1, texts
        for text in texts:
            assert cell_len(text) <= box.content_region.width, text
        for title in (box.border_title, box.border_subtitle):
            assert cell_len(str(title or "")) <= box.content_region.width - 2
        if language == "zh-TW":
            assert "Date" not in " ".join(texts) and "Delete" not in " ".join(texts)
