"""The chair's approval (核定) from the meetings list: A asks who approves, the list says
已核定, ctrl+z takes the approval back."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from tests.app_support import demo_database, screen_name, until
from tests.cli_support import agenda
from tui.app.app import AgendaApp
from tui.app.screens.approval_dialog import ApproveDialog
from tui.storage.repository import Repository


def _approval(db: Path) -> object:
    meeting = Repository.open(db).load_meeting(102)
    assert meeting is not None
    return meeting.approval


async def test_a_approves_the_highlighted_record_and_ctrl_z_takes_it_back(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    assert agenda("status", "102", "recorded", db=db).returncode == 0
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: screen_name(app) in ("MeetingsScreen", "EditorScreen"))
        if screen_name(app) == "EditorScreen":
            await pilot.press("escape")
        await until(pilot, lambda: screen_name(app) == "MeetingsScreen")
        await pilot.pause(0.3)
        await pilot.press("A")  # 102, the newest, is highlighted
        await until(pilot, lambda: isinstance(app.screen, ApproveDialog))
        await pilot.press("enter")
        await until(pilot, lambda: _approval(db) is not None)
        approval = _approval(db)
        assert getattr(approval, "by", None) == "陳志銘"
        table = app.screen.query_one("#meetings", DataTable)
        await until(pilot, lambda: "已核定" in str(table.get_row_at(0)))
        await pilot.press("ctrl+z")
        await until(pilot, lambda: _approval(db) is None)
