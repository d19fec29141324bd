"""Undo and redo in the app, the log, and a colleague's change shown within a second."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.app_support import demo_database, stored, type_text, until
from tests.test_app_sessions import editor_of, open_102_from_the_list, reopened, to_item_2_1, told
from tui.app.app import AgendaApp
from tui.edits import EditService
from tui.storage.repository import Repository

CONCLUSION = "同意備查，請各組室配合辦理。"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_database(tmp_path)


def log_of(db: Path) -> list[str]:
    return [line.op for line in EditService(Repository.open(db), "?").log(102)]


async def test_three_changes_undone_and_redone_and_all_logged(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_102_from_the_list(app, pilot)
        await to_item_2_1(app, pilot)
        await pilot.press("tab", "a")
        await type_text(pilot, CONCLUSION)
        await pilot.press("enter", "shift+tab", "down", "tab", "r")  # 2.2: release 9805
        await until(pilot, lambda: editor.place == "2.2")
        await pilot.press("shift+tab", "down", "down", "tab", "d")  # 2.4: its first report
        await until(pilot, lambda: editor.place == "2.4")
        assert app.workspace is not None and app.workspace.writer.flush()
        after = stored(db, 102)
        assert [c.text for c in after.sections[1].items[0].conclusions] == [CONCLUSION]
        assert after.sections[1].items[3].reports[0].speaker == "機要組組長"
        assert not Repository.open(db).case(9805).is_open  # type: ignore[union-attr]

        for _ in range(3):
            await pilot.press("ctrl+z")
            await pilot.pause(0.2)
        assert app.workspace.writer.flush()
        back = stored(db, 102)
        assert back.sections[1].items[0].conclusions == []
        assert back.sections[1].items[3].reports[0].speaker == "國際事務組組長"
        assert Repository.open(db).case(9805).is_open  # type: ignore[union-attr]
        assert log_of(db)[1:] == [
            "write_conclusion",
            "decide",
            "remove_entry",
            "insert_entry",
            "decide",
            "remove_entry",
        ]
        await until(pilot, lambda: any(m.startswith("Undone") for m in told(app)))

        await pilot.press("ctrl+y")  # the conclusion comes back
        await pilot.pause(0.2)
        assert app.workspace.writer.flush()
        assert [c.text for c in stored(db, 102).sections[1].items[0].conclusions] == [CONCLUSION]
        assert editor_of(app) is editor


async def test_a_colleagues_change_appears_within_a_second(db: Path) -> None:
    a = AgendaApp(db)
    async with a.run_test(size=(80, 24)) as pilot_a:
        editor_a = await open_102_from_the_list(a, pilot_a)
        await to_item_2_1(a, pilot_a)
        b = AgendaApp(db)
        async with b.run_test(size=(80, 24)) as pilot_b:
            editor_b = await reopened(b, pilot_b)  # read-only, on 2.1 too
            assert editor_b.live.meeting.sections[1].items[0].conclusions == []
            await pilot_a.press("tab", "a")
            await type_text(pilot_a, CONCLUSION)
            await pilot_a.press("enter")
            assert a.workspace is not None and a.workspace.writer.flush()
            stored_at = time.monotonic()
            await until(
                pilot_b,
                lambda: (
                    [c.text for c in editor_b.live.meeting.sections[1].items[0].conclusions]
                    == [CONCLUSION]
                ),
                timeout=2.0,
            )
            assert time.monotonic() - stored_at < 1.0
            assert editor_a.opened.hold.held and not editor_b.opened.hold.held


async def test_adjourning_says_the_time_as_the_record_writes_it(db: Path) -> None:
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_102_from_the_list(app, pilot)
        await pilot.press("x")
        await until(pilot, lambda: editor.live.meeting.end is not None)
        end = editor.live.meeting.end
        assert end is not None
        await until(pilot, lambda: f"散會 ({end.hour} 時 {end.minute} 分)" in told(app))
