"""Preview's export (s) never replaces a file without asking: replace, keep both (the
export goes to the next free name) or cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.app_support import demo_database, open_editor, screen_name, until
from tui.app.app import AgendaApp
from tui.app.screens.preview import PreviewScreen

HAND_EDITED = "親手修改過的紀錄\n"


@pytest.mark.parametrize(
    ("answer", "kept", "written"),
    [
        ("r", False, "record-101.md"),
        ("k", True, "record-101-2.md"),
        ("escape", True, None),
    ],
)
async def test_an_export_over_a_file_asks_first(
    tmp_path: Path, answer: str, kept: bool, written: str | None
) -> None:
    db = demo_database(tmp_path / "demo")
    folder = tmp_path / "out"
    folder.mkdir()
    existing = folder / "record-101.md"
    existing.write_text(HAND_EDITED, encoding="utf-8")
    app = AgendaApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot, rows_down=1)
        await pilot.press("v")
        await until(pilot, lambda: screen_name(app) == "PreviewScreen")
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        await until(pilot, lambda: "第 101 次處務會議紀錄" in preview.text)
        await pilot.press("s")
        preview.query_one("#export-path", Input).value = str(existing)
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "ReplaceFileDialog")
        assert existing.read_text(encoding="utf-8") == HAND_EDITED  # nothing written yet
        await pilot.press(answer)
        await until(pilot, lambda: screen_name(app) == "PreviewScreen")
        if written is not None:
            await until(pilot, lambda: (folder / written).exists() and _new(folder / written))
        else:
            await pilot.pause(0.5)
        shown = preview.text
    assert (existing.read_text(encoding="utf-8") == HAND_EDITED) is kept
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted({"record-101.md", written or "record-101.md"})
    if written is not None:
        assert (folder / written).read_text(encoding="utf-8") == shown


def _new(path: Path) -> bool:
    return path.read_text(encoding="utf-8") != HAND_EDITED
