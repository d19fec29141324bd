"""A disk that refuses writes: the key bar says so, the changes wait, quitting asks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app_support import demo_database, stored, until
from tests.test_one_way_to_change import CONCLUSION, DiskFull, conclusions, type_on_a_full_disk
from tui.app.app import UNSAVED, AgendaApp
from tui.app.widgets.keybar import KeyBar


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return demo_database(tmp_path)


def key_bar(app: AgendaApp) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_the_key_bar_says_not_saved_until_the_disk_takes_the_changes(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = DiskFull(db)
    disk.install(monkeypatch)
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_on_a_full_disk(app, pilot, db, disk)
        await until(pilot, lambda: "Not saved" in key_bar(app), timeout=5)
        assert app.workspace is not None and app.workspace.writer.unsaved >= 1
        disk.on = False
        await until(pilot, lambda: "Not saved" not in key_bar(app), timeout=5)
        assert CONCLUSION in conclusions(stored(db, 102), 2, 1)


async def test_quitting_anyway_loses_them_with_status_3(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = DiskFull(db)
    disk.install(monkeypatch)
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_on_a_full_disk(app, pilot, db, disk)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: type(app.screen).__name__ == "QuitUnsavedDialog", timeout=5)
        await pilot.press("n")  # stay: the changes still wait
        await pilot.pause(0.2)
        assert app.return_code is None
        await pilot.press("ctrl+q")
        await until(pilot, lambda: type(app.screen).__name__ == "QuitUnsavedDialog", timeout=5)
        await pilot.press("y")
        await pilot.pause(0.3)
    assert app.return_code == UNSAVED == 3
    assert CONCLUSION not in conclusions(stored(db, 102), 2, 1)
