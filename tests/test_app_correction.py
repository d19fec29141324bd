"""A confirmed record opens read-only; a logged correction (who, when, what) unlocks it."""

from __future__ import annotations

from pathlib import Path

from tests import edit_support as edits
from tests.app_support import demo_database, open_editor, screen_name, stored, type_text, until
from tui.app.app import AgendaApp
from tui.storage.repository import Repository


async def test_correcting_a_confirmed_record(tmp_path: Path) -> None:
    db = demo_database(tmp_path)
    edits.confirm(Repository.open(db), 101)
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot, rows_down=1)
        assert editor.opened.number == 101
        await pilot.press("down", "down", "tab", "a")
        await pilot.pause(0.3)
        assert editor.typing is None  # refused: the record is confirmed
        await pilot.press("C")
        await until(pilot, lambda: screen_name(app) == "CorrectionDialog")
        await type_text(pilot, "補記宣達事項結論")
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        await pilot.press("a")
        await type_text(pilot, "同意備查。")
        await pilot.press("enter")
        await pilot.pause(0.6)
        assert app.workspace is not None and app.workspace.writer.flush()
    record = stored(db, 101)
    assert [c.what for c in record.corrections] == ["補記宣達事項結論"]
    assert record.corrections[0].by
    assert record.sections[1].items[0].conclusions[-1].text == "同意備查。"
