"""A meeting whose stored file is damaged is refused with a line that names it, and the app
goes on: opened from the list, or as the meeting the user left off at when the app starts
(where it ended the app with a traceback)."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

from tests.app_support import demo_database, screen_name, until
from tui.app.app import AgendaApp
from tui.storage.repository import Repository

DAMAGED = {"format": "agenda", "schema": 2, "tables": {"meeting": {"1": {"number": "x"}}}}


def damaged(tmp_path: Path) -> Path:
    """The demo database, meeting 102's file (the newest, first in the list) damaged."""
    db = demo_database(tmp_path)
    (db / "meetings" / "0102.json").write_text(json.dumps(DAMAGED), encoding="utf-8")
    return db


def notices(app: AgendaApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_damaged_meeting_opened_from_the_list_is_named_and_the_app_goes_on(
    tmp_path: Path,
) -> None:
    app = AgendaApp(damaged(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.workspace is not None)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: any("meetings/0102" in n for n in notices(app)))
        assert screen_name(app) == "MeetingsScreen" and app.return_code is None
        await pilot.press("down", "enter")  # 101 still opens, the keys not held
        await until(pilot, lambda: screen_name(app) == "EditorScreen")


async def test_a_damaged_meeting_left_off_at_is_named_when_the_app_starts(
    tmp_path: Path,
) -> None:
    db = demo_database(tmp_path)
    Repository.open(db).save_ui_state(getpass.getuser(), {"meeting": 102, "item": "1"})
    (db / "meetings" / "0102.json").write_text(json.dumps(DAMAGED), encoding="utf-8")
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: any("meetings/0102" in n for n in notices(app)))
        assert screen_name(app) == "MeetingsScreen" and app.return_code is None
