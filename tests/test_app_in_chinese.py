"""A whole meeting recorded in Chinese at 80×24, through the keys, with every screen,
dialog, notice, the key bar, `?` and the palette read as they are drawn: no English word
(tests/language_support.py), no ISO date or x.y place, no line wider than the terminal."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Input

from tests.app_support import demo_database, open_editor, screen_name, type_text
from tests.app_support import until as until_in
from tests.language_support import english
from tests.notation_support import offences
from tui import i18n
from tui.app.app import AgendaApp
from tui.app.screens.preview import PreviewScreen
from tui.edits.service import os_user

SIZE = (80, 24)
RECORD = Path(__file__).resolve().parents[2] / "shared" / "reference" / "record-101.md"


def _record_words() -> set[str]:
    """The English the record itself writes (a web address, TAIPEI ON): its own words."""
    local = Path(__file__).resolve().parent.parent / "data"
    texts = [p.read_text(encoding="utf-8") for p in local.rglob("*.md")]
    if RECORD.is_file():
        texts.append(RECORD.read_text(encoding="utf-8"))
    return {w for text in texts for w in re.findall(r"[A-Za-z][A-Za-z']+", text)}


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("AGENDA_LANG", "zh-TW")
    i18n.choose()
    yield
    monkeypatch.setenv("AGENDA_LANG", "en")
    i18n.choose()


async def until(pilot: Pilot[None], condition: Callable[[], object]) -> None:
    await until_in(pilot, condition, timeout=30)


class Reader:
    def __init__(self, app: AgendaApp, pilot: Pilot[None]) -> None:
        self.app, self.pilot = app, pilot
        self.words = _record_words() | {os_user(), "zzzz"}  # who is logged; what is typed
        self.found: list[str] = []
        self.seen: list[str] = []

    async def read(self, where: str) -> None:
        await until(self.pilot, lambda: not any(w.is_running for w in self.app.workers))
        await self.pilot.pause(0.15)
        lines = [strip.text for strip in self.app.screen._compositor.render_strips()]
        text = "\n".join(lines)
        self.seen.append(where)
        self.found += english(where, text, words=self.words)
        self.found += offences(where, text)
        self.found += [
            f"{where}, line {n}: {cell_len(line)} columns"
            for n, line in enumerate(lines, start=1)
            if cell_len(line) > SIZE[0]
        ]


async def _dialog(reader: Reader, key: str, name: str) -> None:
    await reader.pilot.press(key)
    await until(reader.pilot, lambda: screen_name(reader.app) == name)
    await reader.read(f"{name} ({key})")


async def test_a_whole_meeting_in_chinese_meets_no_english(tmp_path: Path, chinese: None) -> None:
    db = demo_database(tmp_path)
    exported = tmp_path / "紀錄-102.odt"
    app = AgendaApp(db)
    async with app.run_test(size=SIZE) as pilot:
        reader = Reader(app, pilot)
        await until(pilot, lambda: app.workspace is not None)
        await reader.read("meetings")
        await _dialog(reader, "question_mark", "KeysScreen")
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await until(pilot, lambda: app.screen.id == "--command-palette")
        await reader.read("palette")
        await type_text(pilot, "zzzz")
        await pilot.pause(0.8)
        await reader.read("palette, no matches")
        await pilot.press("escape")

        editor = await open_editor(app, pilot)
        await reader.read("editor of 102")
        await _dialog(reader, "question_mark", "KeysScreen")
        await pilot.press("escape")
        await pilot.press("b")
        await reader.read("begun")
        await pilot.press("down", "down", "down", "tab")
        await until(pilot, lambda: editor.place == "2.2")
        await reader.read("the cases' item")
        await pilot.press("r")
        await reader.read("a case released")
        await pilot.press("down", "k")
        await reader.read("a case kept")
        await pilot.press("a")
        await type_text(pilot, "同意備查。")
        await reader.read("typing a conclusion")
        await pilot.press("enter")
        await pilot.press("d")
        await reader.read("the decision sentence cannot be deleted")
        await pilot.press("shift+tab", "up", "tab")
        await until(pilot, lambda: editor.place == "2.1")
        await pilot.press("a")
        await type_text(pilot, "請總務組統計全府車輛報廢數。")
        await pilot.press("enter")
        await _dialog(reader, "t", "TrackDialog")
        await type_text(pilot, "110/9/31")
        await pilot.press("enter")
        await reader.read("track dialog, a date that does not exist")
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "110/9/30")
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        await reader.read("tracked")
        await pilot.press("ctrl+z")
        await reader.read("undone")
        await pilot.press("ctrl+y")
        await _dialog(reader, "n", "ReportDialog")
        await pilot.press("escape")
        await _dialog(reader, "m", "MotionDialog")
        await type_text(pilot, "法制王視察")
        await pilot.press("enter")
        await type_text(pilot, "兩公約課程請同仁踴躍參加。")
        await pilot.press("enter")
        await until(pilot, lambda: screen_name(app) == "EditorScreen" and editor.place == "3.1")
        await reader.read("a motion")
        await pilot.press("x")
        await reader.read("adjourned")
        await _dialog(reader, "l", "LogScreen")
        await pilot.press("escape")
        await _dialog(reader, "c", "CasesScreen")
        await pilot.press("escape")
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        await pilot.press("v")
        await until(pilot, lambda: screen_name(app) == "PreviewScreen")
        preview = app.screen
        assert isinstance(preview, PreviewScreen)
        await until(pilot, lambda: "第 102 次處務會議紀錄" in preview.text)
        await reader.read("preview of the record")
        for shown in ("txt", "odt", "docx", "md"):
            await pilot.press("f")
            await until(pilot, lambda shown=shown: preview.format == shown)  # type: ignore[misc]
            await reader.read(f"preview as {shown}")
        await pilot.press("f")
        await until(pilot, lambda: preview.format == "txt")
        await pilot.press("f")
        await until(pilot, lambda: preview.format == "odt")
        await pilot.press("s")
        await reader.read("the export field")
        preview.query_one("#export-path", Input).value = str(exported)
        await pilot.press("enter")
        await until(pilot, exported.exists)
        await reader.read("exported")
        await pilot.press("escape")
        await until(pilot, lambda: screen_name(app) == "EditorScreen")
        await pilot.press("slash")
        await until(pilot, lambda: screen_name(app) == "SearchScreen")
        await type_text(pilot, "總務組")
        await pilot.pause(1.0)
        await reader.read("search")
        await type_text(pilot, "無此字串")
        await pilot.pause(1.0)
        await reader.read("search without a hit")

    assert len(reader.seen) > 25
    assert reader.found == [], "\n".join(reader.found)
